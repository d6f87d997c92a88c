// Draft a learning log in the browser: GOV.UK-style form, autosave on the shared editing session (merged with other
// tabs field by field), live findings from the compiled learning-log-quality and personal-data modules, and "Download
// as Markdown", allowed only when the compiled learning-log-validation rules accept the file (as the build will).
import { download, h, proposeFile, showErrorSummary } from './dom.js';
import { timeOf } from './format.js';
import { RecordStore } from './store.js';
import { Session } from './session.js';
import { DRAFT_FORMAT, validateDraftRecord, lintInput, markdown, emptyDraft, CANDOUR_OUTCOMES, candourApplies, personalDataFields, personalDataInput } from './log-data.js';
import { validate } from './log-validation.js';
import { HANDOVER_STORE, validateHandover, isEmptyDraft, draftFromHandover } from './handover.js';

export { markdown };

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export async function init(root) {
  const page = new DraftPage(root);
  await page.start();
  return page;
}

/** The repeated items of the form: each kind's id prefix and its name in legends and "Remove" buttons. */
const ITEMS = {
  notifications: { prefix: 'n', name: 'Notification' },
  factors: { prefix: 'f', name: 'Factor' },
  actions: { prefix: 'a', name: 'Action' },
};

class DraftPage {
  constructor(root) {
    this.root = root;
    this.main = root.querySelector('[data-log-draft]');
    this.form = root.querySelector('[data-log-form]');
    this.today = this.main.dataset.today;
    this.lists = Object.fromEntries(Object.keys(ITEMS).map((kind) => [kind, root.querySelector(`[data-repeat="${kind}"]`)]));
    this.counters = Object.fromEntries(Object.keys(ITEMS).map((kind) => [kind, 0]));
    /** The phrases ticked as not personal data (kept here: the checkboxes are redrawn with the findings). */
    this.notPersonal = [];
    this.personalFindings = [];
    this.personalKey = null;
    this.session = new Session({
      store: new RecordStore('log-draft', 'current', validateDraftRecord),
      fresh: () => ({ format: DRAFT_FORMAT, revision: 0, updatedAt: new Date().toISOString(), draft: null }),
      noun: 'draft',
      plural: false,
      status: root.querySelector('[data-save-status]'),
      render: (record) => this.show(record.draft),
      panelSlot: () => root.querySelector('[data-record-bar]'),
    });
  }

  async start() {
    [this.module, this.personal, this.rules] = await Promise.all([import(this.main.dataset.module), import(this.main.dataset.personalData), import(this.main.dataset.validation)]);
    const bar = this.root.querySelector('[data-record-bar]');
    bar.hidden = false;
    const state = this.session.start();
    if (state.state === 'corrupt') {
      bar.after(this.session.corruptPanel({ heading: 'Your saved draft could not be read', fileStem: 'learning-log-draft' }));
      return;
    }
    this.form.hidden = false;
    for (const kind of Object.keys(this.lists)) {
      this.root.querySelector(`[data-add="${kind}"]`).addEventListener('click', () => {
        const item = this.addItem(kind);
        item.querySelector('[data-field]').focus();
        this.changed();
      });
    }
    const record = this.session.record;
    if (record.draft) {
      this.fill(record.draft);
      this.session.say(`Your draft from ${timeOf(record.updatedAt)} has been restored.`);
    }
    this.snapshot = this.read();
    this.form.addEventListener('input', () => this.changed());
    this.form.addEventListener('change', () => this.changed());
    this.update(this.snapshot);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const d = this.read();
      const errors = [...validate(d, { today: this.today, rules: this.rules }), ...(d.status === 'draft' ? [] : this.personalErrors())];
      this.showErrors(errors);
      if (errors.length) return;
      this.session.flush();
      if (event.submitter?.dataset.proposeUrl) {
        this.session.say(`${proposeFile(event.submitter, `${d.id}.md`, markdown(d), 'text/markdown')} Your draft stays saved here.`);
        return;
      }
      download(`${d.id}.md`, markdown(d), 'text/markdown');
      this.session.say(`Downloaded ${d.id}.md. Add it to input/journal/ and build the site.`);
    });
    this.root.querySelector('[data-action="new-draft"]').addEventListener('click', (event) => this.newDraft(event.currentTarget));
    this.takeHandover();
  }

  /**
   * A form's "Turn this into a learning log" leaves its answers in this browser's storage (handover.js): they fill an
   * empty draft at once; a draft in progress is only replaced if the team says so. The hand-over is removed either way.
   */
  takeHandover() {
    const store = new RecordStore(...HANDOVER_STORE, validateHandover);
    const read = store.read();
    if (read.state === 'empty' || read.state === 'unavailable') return;
    store.remove();
    if (read.state === 'corrupt') {
      this.session.say(`The answers handed over from a form could not be used: ${read.reason}. Nothing in your draft was changed.`, 'error');
      return;
    }
    const { record } = read;
    const apply = () => {
      this.fill(draftFromHandover(record));
      this.changed();
      this.session.flush(); // saved now, so the status line keeps the message below rather than "Saved at"
      this.session.say(`Filled in from your “${record.source.title}” form. Check each part and add what the form does not ask, then download the log.`);
      this.root.getElementById('f-id').focus();
    };
    if (isEmptyDraft(this.session.record.draft)) {
      apply();
      return;
    }
    const bar = this.root.querySelector('[data-record-bar]');
    const replace = h('button', { type: 'button', class: 'button button--warning', text: `Replace my draft with the answers from “${record.source.title}”` });
    const keep = h('button', { type: 'button', class: 'button button--secondary', text: 'Keep my draft' });
    const panel = h('div', { class: 'notice notice--warning', role: 'alertdialog', 'aria-labelledby': 'handover-title', tabindex: '-1', 'data-handover': '' },
      h('p', { id: 'handover-title' }, h('strong', { text: `You already have a draft in progress. Replace it with the answers from your “${record.source.title}” form?` })),
      h('div', { class: 'button-group' }, replace, keep));
    bar.after(panel);
    panel.focus();
    replace.addEventListener('click', () => { panel.remove(); apply(); });
    keep.addEventListener('click', () => {
      panel.remove();
      this.session.say('Your draft was kept; the form\'s answers were not used.');
      this.root.getElementById('f-id').focus();
    });
  }

  /** A draft field as the session edits it: the top-level key of the draft, named by its label on the form. */
  field(key) {
    const label = this.root.querySelector(`label[for="f-${key}"]`)?.textContent.trim()
      || { factors: 'Contributory factors', actions: 'Safety actions', notifications: 'Who else was told', quality_statements: 'Quality statements' }[key] || key;
    return { key: `draft:${key}`, label: `“${label}”`,
      get: (r) => (r.draft ? r.draft : emptyDraft())[key],
      set: (r, v) => {
        if (!r.draft) r.draft = this.read();
        r.draft[key] = v;
      } };
  }

  /** Every change: conditional parts and findings at once, each changed field to the session (autosave). */
  changed() {
    const d = this.read();
    this.update(d);
    for (const key of Object.keys(d)) {
      if (!same(d[key], this.snapshot[key])) this.session.edit(this.field(key), d[key], 300);
    }
    this.snapshot = d;
  }

  update(d) {
    this.conditionals(d);
    this.showPersonalData(d);
    this.showFindings(d);
  }

  /** Another tab's draft arrived (or was merged with this tab's edits): show the fields that differ from the form. */
  show(draft) {
    if (!draft) {
      this.notPersonal = [];
      this.form.reset();
      for (const list of Object.values(this.lists)) list.replaceChildren();
    } else {
      const current = this.read();
      const changed = Object.keys(draft).filter((k) => !same(draft[k], current[k]));
      if (changed.length) this.fill(draft, new Set(changed));
    }
    this.snapshot = this.read();
    this.update(this.snapshot);
  }

  newDraft(button) {
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Yes, clear this draft (download it first if you need it)';
      return;
    }
    const result = this.session.remove();
    if (!result.ok) {
      this.session.say(result.message, 'error');
      return;
    }
    location.reload();
  }

  // ---- repeatable notifications, factors and actions --------------------------------------------------------------
  addItem(kind, values = {}) {
    const { prefix, name } = ITEMS[kind];
    this.counters[kind] += 1;
    const id = values.id || `${prefix}${this.counters[kind]}`;
    while (this.counters[kind] < Number(id.slice(1)) && /^\d+$/.test(id.slice(1))) this.counters[kind] += 1;
    const item = this.root.getElementById(`tpl-${kind}`).content.firstElementChild.cloneNode(true);
    item.dataset.id = id;
    item.id = `item-${id}`;
    item.querySelector('[data-legend]').textContent = `${name} ${id}`;
    for (const el of item.querySelectorAll('[data-field]')) {
      const fieldId = `${id}-${el.dataset.field}`;
      el.id = fieldId;
      el.name = fieldId;
      const label = item.querySelector(`[data-for="${el.dataset.field}"]`);
      if (label) label.htmlFor = fieldId;
      const v = values[el.dataset.field];
      if (el.type === 'checkbox') el.checked = Boolean(v);
      else if (v !== undefined && v !== null) el.value = v;
    }
    item.querySelector('[data-error]').id = `${id}-error`;
    item.querySelector('[data-remove]').append(h('span', { class: 'visually-hidden', text: ` ${name.toLowerCase()} ${id}` }));
    item.querySelector('[data-remove]').addEventListener('click', () => {
      item.remove();
      this.refreshAddresses();
      this.changed();
    });
    this.lists[kind].append(item);
    if (kind === 'actions') item.dataset.initialAddresses = JSON.stringify(values.addresses || []);
    this.refreshAddresses();
    return item;
  }

  refreshAddresses() {
    const factors = [...this.lists.factors.querySelectorAll('[data-item]')].map((f) => f.dataset.id);
    for (const action of this.lists.actions.querySelectorAll('[data-item]')) {
      const chosen = new Set(action.querySelector('[data-addresses] input')
        ? [...action.querySelectorAll('[data-addresses] input:checked')].map((i) => i.value)
        : JSON.parse(action.dataset.initialAddresses || '[]'));
      const box = action.querySelector('[data-addresses]');
      box.replaceChildren(...(factors.length ? factors.map((f) => {
        const inputId = `${action.dataset.id}-addresses-${f}`;
        return h('div', { class: 'checkbox' },
          h('input', { type: 'checkbox', id: inputId, name: `${action.dataset.id}-addresses`, value: f, checked: chosen.has(f) }),
          h('label', { for: inputId, text: `Factor ${f}` }));
      }) : [h('p', { class: 'hint', text: 'Add a contributory factor first.' })]));
    }
  }

  // ---- reading and filling the form ------------------------------------------------------------------------------
  /** The whole form as plain data (saved as the draft, and the source of both the Markdown and the lint input). */
  read() {
    const form = this.form;
    const value = (name) => {
      const el = form.elements[name];
      if (!el) return '';
      if (el instanceof RadioNodeList) return el.value || '';
      if (el.type === 'checkbox') return el.checked;
      return (el.value || '').trim();
    };
    const field = (item, name) => {
      const el = item.querySelector(`[data-field="${name}"]`);
      if (!el) return ''; // measure_id: only when the site has measures
      return el.type === 'checkbox' ? el.checked : (el.value || '').trim();
    };
    return {
      format: DRAFT_FORMAT,
      id: value('id'), title: value('title'), event_type: value('event_type'),
      occurred: value('occurred'), occurred_month: value('occurred_month'), identified: value('identified'),
      harm: value('harm'), ...Object.fromEntries(CANDOUR_OUTCOMES.map(([key]) => [`candour_${key}`, value(`candour_${key}`)])),
      candour_role: value('candour_role'), candour_opinion_date: value('candour_opinion_date'),
      candour_in_person: value('candour_in_person'), candour_written: value('candour_written'), candour_reason: value('candour_reason'),
      candour_unable_reason: value('candour_unable_reason'), candour_unable_attempts: value('candour_unable_attempts'),
      notifications: [...this.lists.notifications.querySelectorAll('[data-item]')].map((n) => ({
        id: n.dataset.id, to: field(n, 'to'), recipient: field(n, 'recipient'), date: field(n, 'date'), reference: field(n, 'reference'),
        outcome: field(n, 'outcome'), not_notified: field(n, 'not_notified'),
      })),
      summary: value('summary'), body: form.elements.body.value.replace(/\s+$/, ''),
      method: value('method'), held: value('held'), roles: value('roles').split('\n').map((r) => r.trim()).filter(Boolean),
      expected: value('expected'), actual: value('actual'), why_different: value('why_different'), went_well: value('went_well'),
      factors: [...this.lists.factors.querySelectorAll('[data-item]')].map((f) => ({
        id: f.dataset.id, area: field(f, 'area'), description: field(f, 'description'), systemic: field(f, 'systemic'),
      })),
      actions: [...this.lists.actions.querySelectorAll('[data-item]')].map((a) => ({
        id: a.dataset.id, description: field(a, 'description'), kind: field(a, 'kind'),
        addresses: [...a.querySelectorAll('[data-addresses] input:checked')].map((i) => i.value),
        owner_role: field(a, 'owner_role'), due: field(a, 'due'), status: field(a, 'status'), completed: field(a, 'completed'),
        evidence: field(a, 'evidence'), evidence_category: field(a, 'evidence_category'), measure: field(a, 'measure'),
        measure_id: field(a, 'measure_id'), dropped_reason: field(a, 'dropped_reason'),
        review_date: field(a, 'review_date'), review_result: field(a, 'review_result'), review_decision: field(a, 'review_decision'),
      })),
      forum: value('forum'), governance_date: value('governance_date'), reflection: value('reflection'),
      quality_statements: [...form.querySelectorAll('input[name="quality_statements"]:checked')].map((i) => i.value),
      learning_to_share: value('learning_to_share'), status: value('status') || 'draft', next_review: value('next_review'),
      redaction: value('redaction'), redaction_by: value('redaction_by'), redaction_date: value('redaction_date'),
      not_personal_data: [...this.notPersonal],
    };
  }

  /**
   * Puts a draft into the form: every field, or only the keys given (those whose value differs from what the form
   * reads, so a field being typed in, whose text is already in the draft, is not touched).
   */
  fill(d, only = null) {
    const form = this.form;
    const wanted = (k) => !only || only.has(k);
    const focused = document.activeElement;
    for (const [name, v] of Object.entries(d)) {
      const el = form.elements[name];
      if (!el || !wanted(name) || ['notifications', 'factors', 'actions', 'roles', 'quality_statements', 'format', 'body', 'not_personal_data'].includes(name)) continue;
      if (el instanceof RadioNodeList) for (const r of el) r.checked = r.value === v;
      else if (el.type === 'checkbox') el.checked = Boolean(v);
      else el.value = v ?? '';
    }
    if (wanted('body')) form.elements.body.value = d.body || '';
    if (wanted('not_personal_data')) this.notPersonal = [...(d.not_personal_data || [])];
    if (wanted('roles')) form.elements.roles.value = (d.roles || []).join('\n');
    if (wanted('quality_statements')) for (const box of form.querySelectorAll('input[name="quality_statements"]')) box.checked = (d.quality_statements || []).includes(box.value);
    // Only the lists that changed are rebuilt (an entry being typed in another list keeps its cursor); actions' factor
    // boxes follow the factors through refreshAddresses.
    const kinds = Object.keys(ITEMS).filter(wanted);
    if (kinds.length) {
      const focusId = focused && this.form.contains(focused) ? focused.id : null;
      for (const kind of kinds) {
        this.lists[kind].replaceChildren();
        this.counters[kind] = 0;
      }
      for (const kind of kinds) for (const item of d[kind] || []) this.addItem(kind, item);
      this.refreshAddresses();
      if (focusId && !focused.isConnected) this.root.getElementById(focusId)?.focus();
    }
  }

  // ---- conditional parts and live findings -----------------------------------------------------------------------
  conditionals(d) {
    const form = this.form;
    this.root.getElementById('g-harm').hidden = d.event_type === 'near-miss' || d.event_type === 'good-care';
    this.root.getElementById('f-occurred').type = d.occurred_month ? 'month' : 'date';
    for (const el of form.querySelectorAll('[data-show-when="candour-applies"]')) el.hidden = !candourApplies(d);
    for (const el of form.querySelectorAll('[data-show-when="method"]')) el.hidden = d.method === '';
  }

  /** The label of the form control a text came from: "Summary", or "Action a1: Evidence" inside a factor or action. */
  controlLabel(target) {
    const label = this.root.querySelector(`label[for="${target}"]`)?.textContent.trim() ?? target;
    const item = this.root.getElementById(target)?.closest('[data-item]');
    return item ? `${item.querySelector('[data-legend]').textContent}: ${label}` : label;
  }

  /** Personal data found by the compiled rules, each with a tick box to keep a phrase that is not personal data. */
  showPersonalData(d) {
    const fields = personalDataFields(d);
    const seen = new Set();
    this.personalFindings = this.personal.findPersonalData(personalDataInput(d))
      .map((f) => ({ ...f, target: fields.find((x) => x.path === f.path)?.target ?? 'f-summary' }))
      .filter((f) => {
        const key = `${f.target}\u0000${f.kind}\u0000${f.text}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    const key = JSON.stringify(this.personalFindings.map((f) => [f.target, f.kind, f.text, f.markedBy]));
    if (key === this.personalKey) return;
    this.personalKey = key;
    const box = this.root.querySelector('[data-personal-data-findings]');
    const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
    if (!this.personalFindings.length) {
      box.replaceChildren(h('p', { text: 'No personal data found so far.' }));
      return;
    }
    box.replaceChildren(h('ul', { class: 'findings' }, this.personalFindings.map((f, i) => {
      const box2 = h('input', { type: 'checkbox', id: `npd-${i}`, 'data-phrase': f.text, checked: f.markedBy !== null && f.markedBy !== undefined });
      box2.addEventListener('input', () => {
        this.notPersonal = box2.checked
          ? [...new Set([...this.notPersonal, f.text])]
          : this.notPersonal.filter((p) => p !== f.text);
      });
      return h('li', { class: 'finding', 'data-kind': f.kind, 'data-target': f.target },
        h('strong', { text: `“${f.text}”` }), ` in “${this.controlLabel(f.target)}” looks like ${f.label}. ${f.hint} `,
        h('a', { href: `#${f.target}`, text: 'Go to the text' }),
        h('div', { class: 'checkbox' }, box2, h('label', { for: `npd-${i}`, text: `“${f.text}” is not personal data: keep it` })));
    })));
    if (focused) this.root.getElementById(focused)?.focus();
  }

  /** Error-summary entries for the personal data not yet removed or ticked (a log meant for publication). */
  personalErrors() {
    return this.personalFindings.filter((f) => f.markedBy === null || f.markedBy === undefined).map((f) => {
      const item = this.root.getElementById(f.target)?.closest('[data-item]');
      return {
        groupId: item ? item.id : `g-${f.target.slice(2)}`,
        target: f.target,
        message: `“${f.text}” in “${this.controlLabel(f.target)}” looks like ${f.label}: remove it, or tick that it is not personal data`,
      };
    });
  }

  showFindings(d) {
    const box = this.root.querySelector('[data-findings]');
    const findings = this.module.lint(lintInput(d));
    box.replaceChildren(findings.length
      ? h('ul', { class: 'findings' }, findings.map((f) => h('li', { class: 'finding', 'data-code': f.code, 'data-action': f.actionId ?? '' },
        h('strong', { text: f.pitfall }), ` (${f.code}): ${f.message} `, h('a', { href: f.guidance, text: 'Read the guidance' }))))
      : h('p', { text: 'No quality-check findings: this log avoids the common pitfalls so far.' }));
    return findings;
  }

  showErrors(errors) {
    const form = this.form;
    for (const group of form.querySelectorAll('.form-group--error, .repeat-item--error')) group.classList.remove('form-group--error', 'repeat-item--error');
    for (const m of form.querySelectorAll('.error-message')) { m.hidden = true; m.textContent = ''; }
    for (const e of errors) {
      const group = this.root.getElementById(e.groupId);
      if (!group) continue;
      group.classList.add(group.classList.contains('repeat-item') ? 'repeat-item--error' : 'form-group--error');
      const message = group.querySelector('.error-message');
      if (message && message.hidden) {
        message.hidden = false;
        message.append(h('span', { class: 'visually-hidden', text: 'Error: ' }), e.message);
      }
    }
    showErrorSummary(this.root.querySelector('[data-error-summary-slot]'), errors);
  }
}
