// The editing session every page that keeps reader data shares (self-assessments, checklists, the draft log):
//
// - load: the stored record is validated (a wrong shape is "corrupt": shown with a download and "Start again",
//   never used and never overwritten);
// - edit: each change is a field edit { key, get, set } applied at once to the page's record and saved after a short
//   pause (autosave); saving is a compare-and-swap on the record's revision;
// - another tab saved first: its record is taken and this tab's pending edits are replayed on top (merge). When both
//   tabs changed the same field, this tab's text is kept and saved, and a panel asks whether to use the other tab's
//   version instead (ask, never drop);
// - the status line says "Saved at 14:32…" only once the text is in storage, otherwise "Not saved: why";
// - pending edits are saved when the page is hidden or left (pagehide), so a note typed just before leaving is kept.

import { download, h, notice } from './dom.js';
import { datedName, timeOf } from './format.js';

/**
 * @template R
 * @typedef {object} Field  one thing a team can change, addressed in the record
 * @property {string} key          unique per field ("answer:safe.learning-culture:note")
 * @property {string} [label]      how to name it to the team ("your note on question 3"); fields without a label
 *                                 (bookkeeping such as "last section visited") merge without asking
 * @property {(record: R) => unknown} get
 * @property {(record: R, value: unknown) => void} set
 */

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const copyOf = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function reasonOf(error) {
  const name = error && error.name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'this browser’s storage for the site is full';
  return 'this browser is not letting the site save anything (private browsing, or storage turned off)';
}

/** @template R */
export class Session {
  /**
   * @param {object} options
   * @param {import('./store.js').RecordStore} options.store   validates what it reads
   * @param {() => R} options.fresh                           a new, empty record
   * @param {string} options.noun                             "answers", "ticks and notes", "draft"
   * @param {boolean} [options.plural]                        false for a singular noun ("your draft is…")
   * @param {HTMLElement|null} options.status                 the status line (role=status)
   * @param {(record: R, why: 'merged'|'external'|'resolved') => void} [options.render]  re-fills the page
   * @param {() => HTMLElement|null} [options.panelSlot]       where "both tabs changed…" panels go
   * @param {number} [options.delay]                          autosave pause in ms (400)
   * @param {(conflict: { field: Field<R>, theirs: unknown, mine: unknown }) => void} [options.onConflict]
   *   how to ask about a field both tabs changed (default: a panel with "Use the other tab's version")
   */
  constructor({ store, fresh, noun, plural = true, status, render, panelSlot, delay = 400, onConflict }) {
    this.store = store;
    this.fresh = fresh;
    this.noun = noun;
    this.are = plural ? 'are' : 'is';
    this.were = plural ? 'were' : 'was';
    this.these = plural ? 'these' : 'this';
    this.status = status;
    this.render = render || (() => {});
    this.panelSlot = panelSlot || (() => null);
    this.delay = delay;
    this.onConflict = onConflict || ((conflict) => this.ask(conflict));
    /** @type {Map<string, { field: Field<R>, value: unknown, base: unknown }>} */
    this.pending = new Map();
    /** The edits of this tab's last save, until another tab's save is heard of (see external). */
    this.lastSaved = [];
    this.timer = null;
    this.record = null;
    this.base = null;
    this.state = null;
  }

  /** Reads the stored record. Returns the read state; on "corrupt" the page must not start editing. */
  start() {
    const state = this.store.read();
    this.state = state.state;
    if (state.state === 'corrupt') {
      this.corrupt = state;
      return state;
    }
    const record = state.state === 'ok' ? state.record : this.fresh();
    this.record = record;
    this.base = this.copy(record);
    if (state.state === 'unavailable') this.say(`Not saved: ${reasonOf(null)}. Your ${this.noun} will be lost when you close the page: download a copy before you leave.`, 'error');
    this.store.onChange((s) => this.external(s));
    const flush = () => { if (this.pending.size) this.flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
    return state;
  }

  /** A deep copy through JSON and the store's validation (so prototype-free maps are restored). */
  copy(record) {
    const parsed = JSON.parse(JSON.stringify(record));
    const checked = this.store.validate(parsed);
    return checked.ok ? checked.record : parsed;
  }

  /** Changes a field now and saves after the autosave pause (0: at the next tick). */
  edit(field, value, delay = this.delay) {
    const prior = this.pending.get(field.key);
    this.pending.set(field.key, { field, value: copyOf(value), base: prior ? prior.base : copyOf(field.get(this.base)) });
    field.set(this.record, copyOf(value));
    clearTimeout(this.timer);
    this.say('Saving…');
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Saves the record as it is now (after a migration), even when no field edit is pending. */
  saveAll() {
    this.pending.set('*', { field: { key: '*', get: () => null, set: () => {} }, value: null, base: null });
    return this.flush();
  }

  /** Saves pending edits now. True when everything this tab shows is stored. */
  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size) return true;
    let merged = false;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = this.store.write(this.record, this.base.revision, this.base.updatedAt);
      if (result.ok) {
        this.record = this.copy(result.record);
        this.base = this.copy(result.record);
        // Kept until another tab's save is heard of: if that save turns out to have the same revision, the two writes
        // raced (each tab read the old revision before the other wrote) and the later one replaced this one.
        this.lastSaved = [...this.pending.values()].filter((p) => p.field.key !== '*');
        this.pending.clear();
        this.saved(merged);
        return true;
      }
      if (result.conflict) {
        this.requeueIfRaced(result.conflict);
        this.rebase(result.conflict);
        merged = true;
        continue;
      }
      if (result.corrupt) {
        this.say(`Not saved: the ${this.noun} saved in this browser ${this.were} changed elsewhere and can no longer be read. Download a copy of this page’s ${this.noun}, then reload the page.`, 'error');
        return false;
      }
      this.say(`Not saved: ${reasonOf(result.error)}. Download a copy now so that you do not lose your ${this.noun}.`, 'error');
      return false;
    }
    this.say(`Not saved: another tab keeps changing ${this.these} ${this.noun}. Close the other tab, then change something here again.`, 'error');
    return false;
  }

  saved(merged) {
    const time = timeOf(this.record.updatedAt);
    this.say(merged
      ? `Saved at ${time}, together with changes made in another tab. Your ${this.noun} ${this.are} kept only in this browser.`
      : `Saved at ${time}. Your ${this.noun} ${this.are} kept only in this browser.`);
  }

  /** Replaces the whole record (an import), unless another tab saved since this page read it. */
  replace(record) {
    clearTimeout(this.timer);
    const result = this.store.write(record, this.base.revision);
    if (result.ok) {
      this.record = this.copy(result.record);
      this.base = this.copy(result.record);
      this.pending.clear();
      this.lastSaved = [];
      return { ok: true };
    }
    if (result.conflict) {
      this.rebase(result.conflict);
      return { ok: false, message: `Another tab changed ${this.these} ${this.noun} while you were importing. Nothing was replaced: check the file again.` };
    }
    return { ok: false, message: result.corrupt
      ? `The ${this.noun} saved in this browser can no longer be read. Reload the page.`
      : `Nothing was imported: ${reasonOf(result.error)}.` };
  }

  /** Deletes the stored record. Returns { ok, message }: never throws, even with storage turned off. */
  remove() {
    clearTimeout(this.timer);
    const result = this.store.remove();
    if (!result.ok) return { ok: false, message: `Nothing was deleted: ${reasonOf(result.error)}. Nothing of yours is kept in this browser’s storage; closing the page clears what it shows.` };
    this.pending.clear();
    this.lastSaved = [];
    this.record = this.fresh();
    this.base = this.copy(this.record);
    return { ok: true };
  }

  /** Another tab's record on top of which this tab's pending edits are replayed; same-field changes are asked about. */
  rebase(theirs) {
    const next = this.copy(theirs);
    const conflicts = [];
    for (const p of this.pending.values()) {
      const current = p.field.get(next);
      if (p.field.label && !same(current, p.base) && !same(current, p.value)) conflicts.push({ field: p.field, theirs: copyOf(current), mine: p.value });
      p.field.set(next, copyOf(p.value));
      p.base = copyOf(current);
    }
    this.record = next;
    this.base = this.copy(theirs);
    this.render(this.record, 'merged');
    for (const c of conflicts) this.onConflict(c);
  }

  /**
   * Storage has no atomic compare-and-swap across tabs: two tabs that save at the same moment can both write the next
   * revision, and the later write replaces the earlier. The tab whose save was replaced meets a record with its own
   * revision (in a storage event or at its next write): it puts the changes of its last save back as pending, so the
   * merge that follows keeps them.
   */
  requeueIfRaced(theirs) {
    if (theirs.revision === this.base.revision && this.lastSaved.length) {
      for (const p of this.lastSaved) if (!this.pending.has(p.field.key)) this.pending.set(p.field.key, { field: p.field, value: p.value, base: p.base });
    }
    this.lastSaved = [];
  }

  /** A storage event: another tab saved (or deleted) this record. */
  external(state) {
    if (state.state === 'ok') {
      if (state.record.revision === this.base.revision && state.record.updatedAt === this.base.updatedAt) return;
      this.requeueIfRaced(state.record);
      if (this.pending.size) {
        this.rebase(state.record);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), this.delay);
        return;
      }
      this.record = this.copy(state.record);
      this.base = this.copy(state.record);
      this.render(this.record, 'external');
      this.say(`Updated with ${this.noun} saved in another tab.`);
    } else if (state.state === 'empty') {
      const empty = { ...this.fresh(), revision: 0 };
      if (this.pending.size) {
        this.rebase(empty);
        this.flush();
        return;
      }
      this.record = empty;
      this.base = this.copy(empty);
      this.render(this.record, 'external');
      this.say(`Your ${this.noun} ${this.were} deleted in another tab.`);
    } else if (state.state === 'corrupt') {
      this.say(`The ${this.noun} saved in this browser ${this.were} changed in another tab and can no longer be read. Download a copy of what this page shows, then reload the page.`, 'error');
    }
  }

  /** "Both tabs changed X": keeps this tab's version (already saved with the merge) and offers the other tab's. */
  ask({ field, theirs }) {
    const slot = this.panelSlot();
    const useTheirs = h('button', { type: 'button', class: 'button button--secondary', text: 'Use the other tab’s version' });
    const keep = h('button', { type: 'button', class: 'button button--secondary', text: 'Keep this tab’s version' });
    const shown = typeof theirs === 'string' ? theirs : theirs === true ? 'ticked' : theirs === false ? 'not ticked' : null;
    const panel = h('div', { class: 'notice notice--warning', role: 'alert', tabindex: '-1', 'data-conflict': field.key },
      h('p', {}, h('strong', { text: `Another tab changed ${field.label} while you were changing it here.` })),
      h('p', { text: 'This tab’s version is the one saved now.' }),
      shown !== null ? h('p', { text: `The other tab had: “${shown}”` }) : null,
      h('div', { class: 'button-group' }, useTheirs, keep));
    useTheirs.addEventListener('click', () => {
      this.edit(field, theirs, 0);
      this.render(this.record, 'resolved');
      panel.remove();
    });
    keep.addEventListener('click', () => panel.remove());
    if (slot) slot.append(panel);
    else if (this.status) this.status.after(panel);
  }

  say(text, tone) {
    if (!this.status) return;
    this.status.textContent = text;
    this.status.classList.toggle('record-bar__status--error', tone === 'error');
  }

  /**
   * The "could not be read" panel for a corrupt stored record: what happened, a download of exactly what is stored,
   * and "Start again", which keeps the damaged copy aside in this browser before starting afresh.
   */
  corruptPanel({ heading, fileStem }) {
    const state = this.corrupt;
    const keep = h('button', { type: 'button', class: 'button button--secondary', text: 'Download what is saved' });
    keep.addEventListener('click', () => download(datedName(`${fileStem}-recovered`, 'txt'), state.raw, 'text/plain'));
    const reset = h('button', { type: 'button', class: 'button button--warning', text: 'Start again' });
    const panel = notice([
      `What this browser has saved here is damaged (${state.reason}). Nothing has been deleted.`,
      'Download what is saved so that you keep it, then start again. Starting again keeps the damaged copy aside in this browser.',
    ], { tone: 'error', role: 'alert', heading });
    reset.addEventListener('click', () => {
      if (this.store.setAside(state.raw) === null) {
        panel.append(h('p', { class: 'error-message', text: `Could not start again: ${reasonOf(null)}.` }));
        return;
      }
      location.reload();
    });
    panel.append(h('div', { class: 'button-group' }, keep, reset));
    return panel;
  }
}
