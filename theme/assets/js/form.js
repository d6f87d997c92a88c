// Fillable forms (/forms/<id>/): answers saved in this browser as you type on the shared editing session (merged with
// other tabs field by field), a check of the required answers with a GOV.UK error summary, download as JSON (to
// import later or elsewhere) or as a readable Markdown record, import, print, delete, and "turn this into a learning
// log" for forms whose definition maps onto one. The answers' format and every check are in form-data.js.
import { download, h, confirmThen, showErrorSummary } from './dom.js';
import { datedName, dateTimeOf } from './format.js';
import { importFlow } from './import-flow.js';
import { RecordStore } from './store.js';
import { Session } from './session.js';
import {
  readFormDefinition, formFields, freshForm, validateFormRecord, migrateForm, exportForm, toJson, formMarkdown,
  readFormImport, importedRecord, answeredCount, requiredErrors, learningLogDraft, draftHasContent, unmatchedName, MAX_IMPORT_BYTES,
} from './form-data.js';
import { HANDOVER_STORE, leaveHandover, validateHandover } from './handover.js';

export async function init(root) {
  const page = new FormPage(root);
  page.start();
  return page;
}

class FormPage {
  constructor(root) {
    this.root = root;
    this.main = root.querySelector('[data-fillable-form]');
    this.def = readFormDefinition(root.getElementById('form-definition').textContent);
    this.fields = formFields(this.def);
    this.container = root.querySelector('[data-form-fields]');
    this.bar = root.querySelector('[data-form-bar]');
    this.slot = root.querySelector('[data-error-summary-slot]');
    /** Per rows field: how many empty rows to show, and the row every drawn row is copied from. */
    this.startRows = {};
    this.rowTemplates = {};
    this.status = h('p', { class: 'record-bar__status', role: 'status', 'aria-live': 'polite', text: 'Your answers are kept only in this browser.' });
    this.session = new Session({
      store: new RecordStore('form', this.def.id, (value) => validateFormRecord(this.def, value)),
      fresh: () => freshForm(this.def),
      noun: 'answers',
      status: this.status,
      render: () => this.refresh(),
      panelSlot: () => this.bar,
    });
  }

  get record() { return this.session.record; }

  /** A field as the session edits it: its answer in the record, named by its label. */
  sessionField(field) {
    return { key: `answer:${field.id}`, label: `your answer to “${field.label}”`,
      get: (r) => r.answers[field.id] ?? (field.type === 'rows' ? [] : ''),
      set: (r, v) => { r.answers[field.id] = v; } };
  }

  element(field) { return this.container.querySelector(`[data-field="${CSS.escape(field.id)}"]`); }

  start() {
    this.bar.hidden = false;
    this.root.querySelector('[data-no-saving]')?.remove();
    this.bar.append(this.status);
    const state = this.session.start();
    if (state.state === 'corrupt') {
      this.bar.before(this.session.corruptPanel({ heading: 'Your saved answers could not be read', fileStem: `${this.def.id}-form` }));
      return;
    }
    const migrated = migrateForm(this.def, this.record);
    if (migrated.from) {
      this.session.record = migrated.record;
      this.session.saveAll();
      this.session.say(`Your answers were saved with version ${migrated.from} of this form and have been matched to this version${migrated.unmatched.length ? `; ${migrated.unmatched.length} answer(s) no longer fit a question and are kept in your downloads` : ''}.`);
    }
    for (const field of this.fields.filter((f) => f.type === 'rows')) this.rowsControls(field);
    const changed = (event) => {
      const box = event.target.closest('[data-field]');
      if (!box) return;
      const field = this.fields.find((f) => f.id === box.dataset.field);
      if (field) this.session.edit(this.sessionField(field), this.read(field), field.type === 'choice' || field.type === 'yes-no' ? 0 : undefined);
    };
    this.container.addEventListener('input', changed);
    this.container.addEventListener('change', changed);
    this.actions();
    this.importFlow();
    this.refresh();
    if (this.record.revision > 0 && !migrated.from) this.session.say(`Your answers from ${dateTimeOf(this.record.updatedAt)} have been restored.`);
  }

  // ---- reading and showing answers -----------------------------------------------------------------------------------
  read(field) {
    const box = this.element(field);
    if (field.type === 'rows') {
      return [...box.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries(field.columns.map((c) => [c.id, tr.querySelector(`[data-column="${CSS.escape(c.id)}"]`).value.trim()])));
    }
    if (field.type === 'choice' || field.type === 'yes-no') return box.querySelector('input[type=radio]:checked')?.value ?? '';
    const control = box.querySelector('[data-for]');
    return field.type === 'long-text' ? control.value.replace(/\s+$/, '') : control.value.trim();
  }

  refresh() {
    const focused = document.activeElement;
    for (const field of this.fields) {
      const box = this.element(field);
      const value = this.record.answers[field.id];
      if (field.type === 'rows') {
        const rows = Array.isArray(value) ? value : [];
        if (JSON.stringify(this.read(field)) !== JSON.stringify(rows)) this.drawRows(field, rows);
      } else if (field.type === 'choice' || field.type === 'yes-no') {
        for (const radio of box.querySelectorAll('input[type=radio]')) radio.checked = radio.value === (value ?? '');
      } else {
        const control = box.querySelector('[data-for]');
        if (control !== focused && control.value !== (value ?? '')) control.value = value ?? '';
      }
    }
    const answered = answeredCount(this.def, this.record.answers);
    this.bar.querySelector('[data-progress]')?.remove();
    this.status.before(h('p', { class: 'record-bar__progress', 'data-progress': true, text: `${answered} of ${this.fields.length} questions answered.` }));
  }

  // ---- tables of rows (5 whys, action tables) ----------------------------------------------------------------------
  rowsControls(field) {
    const box = this.element(field);
    const table = box.querySelector('table');
    this.startRows[field.id] = Number(table.dataset.startRows) || 1;
    // The build's first empty row is the pattern for every row drawn here; the rows get a Remove button each.
    this.rowTemplates[field.id] = table.tBodies[0].rows[0].cloneNode(true);
    table.tHead.rows[0].append(h('th', { scope: 'col', text: 'Remove', 'data-remove-column': true }));
    const add = h('button', { type: 'button', class: 'button button--secondary button--small', text: `Add a row to “${field.label}”` });
    add.addEventListener('click', () => {
      const rows = [...this.read(field), Object.fromEntries(field.columns.map((c) => [c.id, '']))];
      this.drawRows(field, rows);
      this.session.edit(this.sessionField(field), rows, 0);
      box.querySelector(`tbody tr:last-child [data-column]`).focus();
    });
    box.querySelector('.table-scroll').after(add);
    this.drawRows(field, []);
  }

  drawRows(field, rows) {
    const box = this.element(field);
    const tbody = box.querySelector('tbody');
    const shown = Math.max(rows.length, rows.length ? 0 : this.startRows[field.id]);
    const anchor = `field-${field.id}`;
    const trs = [];
    for (let i = 0; i < shown; i++) {
      const tr = this.rowTemplates[field.id].cloneNode(true);
      for (const control of tr.querySelectorAll('[data-column]')) {
        const column = field.columns.find((c) => c.id === control.dataset.column);
        control.id = `${anchor}-r${i + 1}-${column.id}`;
        control.setAttribute('aria-label', `${column.label}, row ${i + 1}`);
        control.value = rows[i]?.[column.id] ?? '';
      }
      const remove = h('button', { type: 'button', class: 'button button--secondary button--small', text: 'Remove' },
        h('span', { class: 'visually-hidden', text: ` row ${i + 1} of “${field.label}”` }));
      remove.addEventListener('click', () => {
        const next = this.read(field).filter((_, k) => k !== i);
        this.drawRows(field, next);
        this.session.edit(this.sessionField(field), next, 0);
        (box.querySelector(`tbody tr:nth-child(${Math.min(i + 1, next.length || 1)}) [data-column]`) ?? box.querySelector('table')).focus();
      });
      tr.querySelector('td:last-child')?.after(h('td', { 'data-remove-column': true }, remove));
      trs.push(tr);
    }
    tbody.replaceChildren(...trs);
  }

  // ---- the record bar ------------------------------------------------------------------------------------------------
  actions() {
    const button = (text, name, secondary = true) => h('button', { type: 'button', class: `button${secondary ? ' button--secondary' : ''}`, 'data-action': name, text });
    const check = button('Check my answers', 'check', false);
    const json = button('Download my answers (JSON)', 'export-json');
    const markdown = button('Download as a readable record (Markdown)', 'export-markdown');
    const print = button('Print', 'print');
    const del = h('button', { type: 'button', class: 'button button--warning', 'data-action': 'delete', text: 'Delete my answers' });
    const log = this.def.learningLog && this.main.dataset.learningLogUrl ? button('Turn this into a learning log', 'learning-log') : null;
    this.bar.prepend(h('div', { class: 'button-group' }, check, log, json, markdown, print, del));
    check.addEventListener('click', () => this.checkAnswers());
    json.addEventListener('click', () => {
      this.session.flush();
      download(datedName(`${this.def.id}-form`, 'json'), toJson(exportForm(this.def, this.record)), 'application/json');
    });
    markdown.addEventListener('click', () => {
      this.session.flush();
      download(datedName(this.def.id, 'md'), formMarkdown(this.def, this.record, { organisation: this.main.dataset.organisation || undefined }), 'text/markdown');
    });
    print.addEventListener('click', () => window.print());
    del.addEventListener('click', () => confirmThen(this.bar, del, {
      question: 'Delete every answer on this form from this browser?', yes: 'Yes, delete my answers', no: 'No, keep them',
    }, () => {
      const result = this.session.remove();
      if (!result.ok) {
        this.session.say(result.message, 'error');
        del.focus();
        return;
      }
      this.refresh();
      showErrorSummary(this.slot, []);
      this.session.say('Deleted. Nothing is saved for this form in this browser.');
      del.focus();
    }));
    log?.addEventListener('click', () => this.handOver());
  }

  checkAnswers() {
    this.session.flush();
    const errors = requiredErrors(this.def, this.record.answers);
    for (const group of this.container.querySelectorAll('.form-group--error')) group.classList.remove('form-group--error');
    for (const m of this.container.querySelectorAll('.error-message')) { m.hidden = true; m.replaceChildren(); }
    for (const e of errors) {
      const box = this.container.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
      box.classList.add('form-group--error');
      const message = box.querySelector('.error-message');
      message.hidden = false;
      message.append(h('span', { class: 'visually-hidden', text: 'Error: ' }), e.message);
    }
    showErrorSummary(this.slot, errors);
    if (!errors.length) this.session.say('Every required question is answered.');
  }

  /** "Turn this into a learning log": the mapped answers go to the draft log page through this browser's storage only. */
  handOver() {
    this.session.flush();
    const draft = learningLogDraft(this.def, this.record);
    if (!draft || !draftHasContent(draft)) {
      this.session.say('Answer some of the questions first: there is nothing yet to put in a learning log.', 'error');
      return;
    }
    if (!leaveHandover(new RecordStore(...HANDOVER_STORE, validateHandover), this.def, draft)) {
      this.session.say('This browser would not keep the learning log for the draft page, so nothing was handed over. Your answers here are unchanged.', 'error');
      return;
    }
    location.assign(this.main.dataset.learningLogUrl);
  }

  // ---- import --------------------------------------------------------------------------------------------------------
  importFlow() {
    const input = h('input', { type: 'file', class: 'file-upload', id: 'form-import-file', accept: '.json,application/json', 'aria-describedby': 'form-import-file-hint' });
    const group = h('div', { class: 'form-group' },
      h('label', { class: 'label', for: 'form-import-file', text: 'Import answers from a file you downloaded' }),
      h('div', { class: 'hint', id: 'form-import-file-hint', text: 'A JSON file from “Download my answers”, from this browser or another. You will see what it contains before anything changes.' }),
      h('p', { class: 'error-message', id: 'form-import-file-error', hidden: true }), input);
    const form = h('form', { class: 'import-form', 'aria-label': 'Import answers' }, group, h('button', { type: 'submit', class: 'button button--secondary', text: 'Check the file' }));
    const preview = h('div', { class: 'import-preview', tabindex: '-1', hidden: true });
    this.bar.append(h('details', { class: 'import-details' }, h('summary', { text: 'Import answers from a file' }), form, preview));
    importFlow({
      form, input, preview, slot: this.slot, session: this.session, noun: 'answers', file: 'a form file', maxBytes: MAX_IMPORT_BYTES,
      refresh: () => this.refresh(),
      read: (text) => {
        const result = readFormImport(this.def, text);
        if (!result.ok) return result;
        return {
          ok: true, updatedAt: result.updatedAt, imported: `${result.answered} answers`,
          record: () => importedRecord(this.def, this.record, result),
          facts: [
            ['Questions answered in the file', `${result.answered} of ${this.fields.length}`],
            ...(result.fromVersion ? [['Form version in the file', result.fromVersion]] : []),
          ],
          notes: [result.newlyUnmatched.length
            ? h('p', { class: 'notice notice--warning', text: `${result.newlyUnmatched.length} answer(s) in the file fit no question on this version of the form (${result.newlyUnmatched.map(unmatchedName).join('; ')}). They will be kept and included in downloads.` })
            : null],
        };
      },
    });
  }
}
