// Interactive checklists: a tick and a note per item, kept only in this browser on the shared editing session
// (session.js), with download (JSON, CSV), import, print and delete.
import { download, h, confirmThen } from './dom.js';
import { csv, datedName } from './format.js';
import { importFlow } from './import-flow.js';
import { RecordStore } from './store.js';
import { Session } from './session.js';
import {
  freshChecklist, validateChecklistRecord, exportChecklist, checklistCsvRows, readChecklistImport,
} from './checklist-data.js';

export async function init(root) {
  const page = new ChecklistPage(root);
  page.start();
  return page;
}

class ChecklistPage {
  constructor(root) {
    this.root = root;
    const bar = root.querySelector('[data-record="checklist"]');
    this.bar = bar;
    this.ref = { id: bar.dataset.recordId, version: bar.dataset.recordVersion, title: bar.dataset.recordTitle };
    this.items = [...root.querySelectorAll('.checklist__item')].map((li, i) => ({
      id: li.dataset.item, number: i + 1, text: li.querySelector('.checklist__text').textContent.trim(), element: li,
    }));
    this.session = new Session({
      store: new RecordStore('checklist', this.ref.id, (value) => validateChecklistRecord(this.ref.id, value)),
      fresh: () => freshChecklist(this.ref),
      noun: 'ticks and notes',
      status: bar.querySelector('[data-record-status]'),
      render: () => this.refresh(),
      panelSlot: () => bar,
    });
  }

  get record() { return this.session.record; }

  doneField(item) {
    return { key: `item:${item.id}:done`, label: `the tick on item ${item.number}`,
      get: (r) => Boolean(r.items[item.id]?.done),
      set: (r, v) => { r.items[item.id] = { ...(r.items[item.id] || {}), done: Boolean(v) }; } };
  }

  noteField(item) {
    return { key: `item:${item.id}:note`, label: `your note on item ${item.number}`,
      get: (r) => r.items[item.id]?.note || '',
      set: (r, v) => {
        const next = { ...(r.items[item.id] || {}), done: Boolean(r.items[item.id]?.done) };
        if (v) next.note = v; else delete next.note;
        r.items[item.id] = next;
      } };
  }

  start() {
    const state = this.session.start();
    this.bar.hidden = false;
    if (state.state === 'corrupt') {
      this.bar.querySelector('.button-group').hidden = true;
      this.bar.before(this.session.corruptPanel({ heading: 'Your saved ticks and notes could not be read', fileStem: `${this.ref.id}-checklist` }));
      return;
    }
    for (const item of this.items) {
      const form = item.element.querySelector('[data-checklist-controls]');
      form.hidden = false;
      form.addEventListener('submit', (e) => e.preventDefault());
      form.addEventListener('change', (event) => {
        if (event.target.dataset.field === 'done') this.session.edit(this.doneField(item), event.target.checked, 0);
      });
      form.addEventListener('input', (event) => {
        if (event.target.dataset.field === 'note') this.session.edit(this.noteField(item), event.target.value);
      });
    }
    const action = (name) => this.bar.querySelector(`[data-action="${name}"]`);
    action('export-json').addEventListener('click', () => {
      this.session.flush();
      download(datedName(`${this.ref.id}-checklist`, 'json'), `${JSON.stringify(exportChecklist(this.record, this.items), null, 2)}\n`, 'application/json');
    });
    action('export-csv').addEventListener('click', () => {
      this.session.flush();
      download(datedName(`${this.ref.id}-checklist`, 'csv'), csv(checklistCsvRows(this.record, this.items)), 'text/csv');
    });
    action('print').addEventListener('click', () => window.print());
    const del = action('delete');
    del.addEventListener('click', () => confirmThen(this.bar, del, {
      question: 'Delete every tick and note on this checklist from this browser?',
      yes: 'Yes, delete my ticks and notes', no: 'No, keep them',
    }, () => {
      const result = this.session.remove();
      if (!result.ok) {
        this.session.say(result.message, 'error');
        del.focus();
        return;
      }
      this.refresh();
      this.session.say('Deleted. Nothing is saved for this checklist in this browser.');
      del.focus();
    }));
    this.importFlow();
    this.refresh();
  }

  refresh() {
    for (const item of this.items) {
      const saved = Object.hasOwn(this.record.items, item.id) ? this.record.items[item.id] : null;
      const box = item.element.querySelector('[data-field="done"]');
      const note = item.element.querySelector('[data-field="note"]');
      box.checked = Boolean(saved && saved.done);
      const text = saved && saved.note ? saved.note : '';
      if (note.value !== text) note.value = text;
      item.element.classList.toggle('checklist__item--done', box.checked);
    }
    const done = this.items.filter((i) => this.record.items[i.id]?.done).length;
    this.bar.querySelector('[data-progress]')?.remove();
    this.session.status.before(h('p', { class: 'record-bar__progress', 'data-progress': true, text: `${done} of ${this.items.length} ticked.` }));
  }

  importFlow() {
    const form = this.root.querySelector('[data-import-form]');
    if (!form) return;
    for (const control of form.querySelectorAll('[data-needs-module]')) control.hidden = false;
    importFlow({
      form, input: form.querySelector('input[type=file]'), preview: this.root.querySelector('[data-import-preview]'),
      slot: this.root.querySelector('[data-error-summary-slot]'), session: this.session, noun: 'ticks and notes', file: 'a checklist file',
      refresh: () => this.refresh(),
      read: (text) => {
        const result = readChecklistImport(this.ref, this.items, text);
        if (!result.ok) return result;
        return {
          ok: true, updatedAt: result.updatedAt, imported: `${result.ticked} ticks and ${result.notes} notes`,
          record: () => ({ ...this.record, createdAt: result.createdAt, items: result.items }),
          facts: [['Items ticked in the file', `${result.ticked} of ${this.items.length}`], ['Notes in the file', `${result.notes}`]],
          notes: [result.unknown.length ? h('p', { class: 'notice notice--warning', text: `${result.unknown.length} item(s) in the file are not on this version of the checklist (${result.unknown.join(', ')}). They will be kept and included in downloads.` }) : null],
        };
      },
    });
  }
}
