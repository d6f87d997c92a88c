// Self-assessment pages: autosave, resume, conditional questions, GOV.UK-style validation, task statuses,
// check answers, results (scored by the module compiled from the C# rules), export, import and delete.
import {
  RecordStore, storageAvailable, download, csv, timeOf, dateTimeOf, h, showErrorSummary, confirmThen,
} from './store.js';
import {
  newRecord, revive, questions, answerOf, setAnswer, isVisible, isAnswered, sectionStatus, exportable, toJson,
  toCsvRows, readImport, migrate,
} from './answers.js';
import { barChart } from './chart.js';

const CQC_BANDS = [
  { from: 25, to: 38.5, name: 'Inadequate' },
  { from: 38.5, to: 62.5, name: 'Requires improvement' },
  { from: 62.5, to: 87.5, name: 'Good' },
  { from: 87.5, to: 100, name: 'Outstanding' },
];
const MATURITY_BANDS = [
  { from: 25, to: 43.5, name: 'Reactive' },
  { from: 43.5, to: 62.5, name: 'Developing' },
  { from: 62.5, to: 81.5, name: 'Established' },
  { from: 81.5, to: 100, name: 'Embedded' },
];

export function init(root) {
  const main = root.querySelector('[data-assessment-page]');
  const def = JSON.parse(root.getElementById('assessment-definition').textContent);
  const page = new AssessmentPage(root, main, def);
  page.ready = Promise.resolve(page.start());
  return page;
}

class AssessmentPage {
  constructor(root, main, def) {
    this.root = root;
    this.main = main;
    this.def = def;
    this.kind = main.dataset.assessmentPage;
    this.store = new RecordStore('assessment', def.id);
    this.status = root.querySelector('[data-save-status]');
    this.bar = root.querySelector('[data-record-bar]');
    this.record = null;
  }

  start() {
    if (this.bar) this.bar.hidden = false;
    if (!storageAvailable()) {
      this.say('This browser is not letting the site save anything (private browsing or storage turned off). Your answers will be lost when you close the page: download a copy before you leave.', 'error');
    }
    if (!this.load()) return undefined;
    this.store.onChange((state) => this.external(state));
    const handlers = {
      start: () => this.startPage(), tasks: () => this.tasksPage(), section: () => this.sectionPage(),
      check: () => this.renderAnswers(this.root.querySelector('[data-check-answers]'), true),
      results: () => this.resultsPage(), manage: () => this.managePage(),
    };
    return handlers[this.kind]?.();
  }

  // ---- storage --------------------------------------------------------------------------------------------

  /** Loads the stored record, migrating an older version; a corrupt record is reported and kept. */
  load() {
    const state = this.store.read();
    if (state.state === 'corrupt') {
      this.corrupt(state);
      return false;
    }
    this.record = state.state === 'ok' ? revive(state.record) : newRecord(this.def);
    if (state.state === 'ok') {
      const result = migrate(this.def, this.record);
      if (result.migratedFrom !== null) {
        this.save('migrated');
        this.notice(`Your answers were saved for version ${result.migratedFrom} of this assessment and have been moved to version ${this.def.version} by question.`
          + (result.newlyUnmapped.length ? ` ${result.newlyUnmapped.length} answer(s) no longer match a question; they are kept and listed on the “Your saved answers” page.` : ''));
      }
    }
    return true;
  }

  corrupt(state) {
    const panel = h('div', { class: 'notice notice--error', role: 'alert' },
      h('h2', { text: 'Your saved answers could not be read' }),
      h('p', { text: `The answers saved in this browser for this assessment are damaged (${state.reason}). Nothing has been deleted.` }),
      h('p', { text: 'Download what is saved so that you keep it, then start again. Starting again keeps the damaged copy aside in this browser.' }));
    const keep = h('button', { type: 'button', class: 'button button--secondary', text: 'Download what is saved' });
    keep.addEventListener('click', () => download(`${this.def.id}-recovered.txt`, state.raw, 'text/plain'));
    const reset = h('button', { type: 'button', class: 'button button--warning', text: 'Start again' });
    reset.addEventListener('click', () => {
      this.store.setAside(state.raw);
      location.reload();
    });
    panel.append(h('div', { class: 'button-group' }, keep, reset));
    this.main.querySelector('h1').after(panel);
    this.root.querySelector('[data-assessment-form]')?.setAttribute('hidden', '');
  }

  /** Saves; if another tab saved newer answers first, adopts them and re-applies this change on top. */
  save(reason, reapply) {
    let result = this.store.write(this.record, this.record.revision);
    if (!result.ok && result.conflict) {
      this.record = revive(result.conflict);
      reapply?.(this.record);
      this.fill?.();
      result = this.store.write(this.record, this.record.revision);
      if (result.ok) this.say('Another tab saved newer answers; they are shown here with your change added.');
    }
    if (!result.ok) {
      this.say('Your answers were not saved. Download a copy now so that you do not lose them.', 'error');
      return false;
    }
    this.record = revive(result.record);
    if (reason !== 'migrated') this.say(`Saved at ${timeOf(this.record.updatedAt)}. Your answers are kept only in this browser.`);
    return true;
  }

  external(state) {
    if (state.state !== 'ok') return;
    this.record = revive(state.record);
    this.fill?.();
    this.refresh?.();
    this.say('Updated with answers saved in another tab.');
  }

  say(text, tone) {
    if (!this.status) return;
    this.status.textContent = text;
    this.status.classList.toggle('record-bar__status--error', tone === 'error');
  }

  notice(text) {
    const n = h('div', { class: 'notice', role: 'status' }, h('p', { text }));
    this.main.querySelector('h1').after(n);
  }

  // ---- start and tasks -------------------------------------------------------------------------------------

  startPage() {
    const slot = this.root.querySelector('[data-resume]');
    const answered = questions(this.def).filter((q) => isAnswered(this.record, q)).length;
    if (!answered) return;
    const last = this.def.sections.find((s) => s.id === this.record.progress.lastSection);
    slot.append(h('div', { class: 'notice' },
      h('p', {}, h('strong', { text: 'You have saved answers. ' }), `${answered} of ${questions(this.def).length} questions answered, last saved ${dateTimeOf(this.record.updatedAt)}.`),
      h('p', {}, h('a', { href: last ? last.url : this.def.urls.tasks, text: last ? `Continue with “${last.title}”` : 'Continue where you left off' }))));
    slot.hidden = false;
  }

  tasksPage() {
    this.refresh = () => {
      let done = 0;
      for (const section of this.def.sections) {
        const status = sectionStatus(this.def, this.record, section);
        const tag = this.root.querySelector(`[data-task="${section.id}"] [data-status]`);
        tag.textContent = status;
        tag.className = `tag task-list__status ${status === 'Completed' ? 'tag--done' : status === 'In progress' ? 'tag--blue' : 'tag--grey'}`;
        if (status === 'Completed') done += 1;
      }
      this.root.querySelector('[data-progress]').textContent = `You have completed ${done} of ${this.def.sections.length} sections.`;
    };
    this.refresh();
  }

  // ---- a section -------------------------------------------------------------------------------------------

  sectionPage() {
    const form = this.root.querySelector('[data-assessment-form]');
    const section = this.def.sections.find((s) => s.id === this.main.dataset.section);
    this.record.progress.lastSection = section.id;
    const byId = new Map(questions(this.def).map((q) => [q.id, q]));
    this.fill = () => {
      for (const q of section.questions) {
        const answer = answerOf(this.record, q);
        if (q.input === 'choice') {
          for (const radio of form.querySelectorAll(`input[type=radio][name="${CSS.escape(q.id)}"]`)) radio.checked = Boolean(answer && radio.value === answer.value);
          const note = form.querySelector(`[data-note-for="${CSS.escape(q.id)}"]`);
          if (note && document.activeElement !== note) note.value = answer && answer.note ? answer.note : '';
        } else {
          const box = form.querySelector(`textarea[name="${CSS.escape(q.id)}"]`);
          if (document.activeElement !== box) box.value = answer ? answer.value ?? '' : '';
        }
      }
      const complete = this.record.progress.completed.includes(section.id);
      form.querySelector('#complete-yes').checked = complete;
      this.applyVisibility(section);
    };
    this.fill();
    let timer = null;
    const onEdit = (event) => {
      const target = event.target;
      const name = target.name;
      if (!name || name === 'section-complete') return;
      const isNote = name.endsWith('#note');
      const q = byId.get(isNote ? name.slice(0, -5) : name);
      if (!q) return;
      const apply = (record) => {
        if (isNote) setAnswer(record, q, undefined, target.value);
        else setAnswer(record, q, target.value, undefined);
        record.progress.lastSection = section.id;
      };
      apply(this.record);
      if (!isNote && q.input === 'choice') this.applyVisibility(section);
      clearTimeout(timer);
      this.say('Saving…');
      timer = setTimeout(() => this.save('edit', apply), event.type === 'input' ? 400 : 0);
    };
    form.addEventListener('change', onEdit);
    form.addEventListener('input', (event) => { if (event.target.tagName === 'TEXTAREA') onEdit(event); });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      this.submitSection(form, section);
    });
    this.save('visit');
  }

  applyVisibility(section) {
    for (const q of section.questions) {
      const group = this.root.getElementById(q.anchor);
      group.hidden = !isVisible(this.def, this.record, q);
    }
  }

  submitSection(form, section) {
    const errors = [];
    for (const group of form.querySelectorAll('.form-group')) {
      group.classList.remove('form-group--error');
      const message = group.querySelector('.error-message');
      if (message) { message.hidden = true; message.textContent = ''; }
    }
    const choice = form.querySelector('input[name="section-complete"]:checked');
    const addError = (groupId, target, text) => {
      errors.push({ target, message: text });
      const group = this.root.getElementById(groupId);
      group.classList.add('form-group--error');
      const message = group.querySelector('.error-message');
      message.hidden = false;
      message.replaceChildren(h('span', { class: 'visually-hidden', text: 'Error: ' }), text);
    };
    if (!choice) {
      addError('section-complete', 'complete-yes', 'Select whether you have completed this section');
    } else if (choice.value === 'yes') {
      for (const q of section.questions) {
        if (q.input !== 'choice' || !isVisible(this.def, this.record, q) || isAnswered(this.record, q)) continue;
        addError(q.anchor, `${q.anchor}-${q.options[0].value}`, `Select an answer for ${this.labelOf(q)}: ${q.text}`);
      }
    }
    const slot = this.root.querySelector('[data-error-summary-slot]');
    showErrorSummary(slot, errors);
    if (errors.length) return;
    const completed = choice.value === 'yes';
    const apply = (record) => {
      const set = new Set(record.progress.completed);
      if (completed) set.add(section.id); else set.delete(section.id);
      record.progress.completed = [...set];
    };
    apply(this.record);
    if (this.save('submit', apply)) location.assign(this.def.urls.tasks);
  }

  /** "question 3", or "the follow-up to question 2" for a conditional question (they are not numbered). */
  labelOf(question) {
    if (question.number) return `question ${question.number}`;
    const parent = questions(this.def).find((q) => q.id === question.showIf?.question);
    return parent ? `the follow-up to ${this.labelOf(parent)}` : 'this question';
  }

  // ---- check answers ---------------------------------------------------------------------------------------

  renderAnswers(slot, withChange) {
    if (!slot) return;
    slot.replaceChildren();
    for (const section of this.def.sections) {
      const list = h('dl', { class: 'summary-list' });
      for (const q of section.questions) {
        if (!isVisible(this.def, this.record, q)) continue;
        const answer = answerOf(this.record, q);
        const option = answer ? q.options.find((o) => o.value === answer.value) : null;
        const value = answer && answer.value !== undefined && answer.value !== '' ? (option ? option.label : answer.value) : 'Not answered';
        const row = h('div', { class: 'summary-list__row' },
          h('dt', { class: 'summary-list__key', text: q.number ? `${q.number}. ${q.text}` : q.text }),
          h('dd', { class: 'summary-list__value' }, h('p', { text: value }), answer && answer.note ? h('p', { class: 'summary-list__note', text: `Note: ${answer.note}` }) : null));
        if (withChange) {
          row.append(h('dd', { class: 'summary-list__actions' },
            h('a', { href: `${section.url}#${q.anchor}` }, 'Change', h('span', { class: 'visually-hidden', text: ` your answer to ${this.labelOf(q)}` }))));
        }
        list.append(row);
      }
      slot.append(h('h2', { class: 'summary-heading', text: section.title }), list);
    }
  }

  // ---- results ---------------------------------------------------------------------------------------------

  async resultsPage() {
    const slot = this.root.querySelector('[data-results]');
    let module;
    try {
      module = await import(this.main.dataset.module);
    } catch (error) {
      slot.replaceChildren(h('p', { class: 'notice notice--error', text: 'The scoring module could not be loaded, so no result can be shown. Reload the page to try again.' }));
      return;
    }
    const file = exportable(this.def, this.record);
    const result = module.score(file);
    this.renderResult(slot, result);
    this.renderAnswers(this.root.querySelector('[data-print-answers] [data-check-answers]'), false);
    this.root.querySelector('[data-print-answers]').hidden = false;
    this.exportButtons();
    const print = this.root.querySelector('[data-action="print"]');
    print.hidden = false;
    print.addEventListener('click', () => window.print());
    this.refresh = () => this.renderResult(slot, module.score(exportable(this.def, this.record)));
  }

  renderResult(slot, result) {
    const cqc = Boolean(result.keyQuestions);
    const groups = cqc ? result.keyQuestions : result.themes;
    const answered = questions(this.def).filter((q) => q.scored && isAnswered(this.record, q)).length;
    slot.replaceChildren();
    if (answered === 0) {
      slot.append(h('p', {}, 'You have not answered any questions yet. ', h('a', { href: this.def.urls.tasks, text: 'Go to your tasks' }), '.'));
      return;
    }
    const overallLabel = cqc ? result.overall.ratingLabel : result.overall.bandLabel;
    const overall = h('div', { class: 'result-panel' },
      h('h2', { class: 'result-panel__title', text: cqc ? 'Overall self-assessed rating' : 'Overall maturity' }),
      h('p', { class: 'result-panel__value', text: overallLabel + (!cqc && result.overall.roundedPercentage !== null ? ` (${result.overall.roundedPercentage}%)` : '') }),
      cqc && result.overall.reason ? h('p', { class: 'result-panel__reason', text: result.overall.reason }) : null);
    slot.append(overall);

    const table = h('table', { class: 'results-table' },
      h('caption', { text: cqc ? 'Results by key question' : 'Results by theme' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: cqc ? 'Key question' : 'Theme' }),
        h('th', { scope: 'col', text: 'Scored' }),
        h('th', { scope: 'col', text: 'Percentage' }),
        h('th', { scope: 'col', text: cqc ? 'Rating' : 'Maturity' }),
        h('th', { scope: 'col', text: 'Position in band' }),
        cqc ? h('th', { scope: 'col', text: 'Limiter applied' }) : null)),
      h('tbody', {}, groups.map((g) => h('tr', {},
        h('th', { scope: 'row', text: g.name }),
        h('td', { text: cqc ? `${g.scored} of ${g.scored + g.notAssessed}` : `${g.scored} of ${g.scored + g.notApplicable}` }),
        h('td', { text: g.roundedPercentage === null ? '—' : `${g.roundedPercentage}%` }),
        h('td', { text: cqc ? g.ratingLabel : g.bandLabel }),
        h('td', { text: g.positionInBandThird ? `${g.positionInBandThird[0].toUpperCase()}${g.positionInBandThird.slice(1)} third` : '—' }),
        cqc ? h('td', { text: g.limiter ? `Yes: ${g.limiter}` : 'No' }) : null))));
    slot.append(h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Results table', tabindex: '0' }, table));
    slot.append(barChart({
      title: cqc ? 'Percentage by key question' : 'Percentage by theme',
      rows: groups.map((g) => ({ name: g.name, percentage: g.roundedPercentage, label: `${g.roundedPercentage}% ${cqc ? g.ratingLabel : g.bandLabel}` })),
      bands: cqc ? CQC_BANDS : MATURITY_BANDS,
    }));

    if (cqc) {
      const limited = groups.filter((g) => g.limiter);
      slot.append(h('h2', { text: 'Limiters' }),
        h('p', { text: result.limitersApplied
          ? 'The unverified rating limiters are on: a statement scored 1 caps its key question at requires improvement, and a statement scored 2 caps it at good. CQC has not confirmed these rules.'
          : 'The rating limiters are turned off for these answers.' }),
        limited.length ? h('ul', {}, limited.map((g) => h('li', { text: `${g.name}: ${g.ratingBeforeLimiters === 4 ? 'outstanding' : 'good'} lowered to ${g.ratingLabel.toLowerCase()} (${g.limiter}).` }))) : h('p', { text: 'No key question was lowered by a limiter.' }));
    } else {
      slot.append(h('h2', { text: 'Pitfalls to look at' }));
      if (!result.pitfalls.length) slot.append(h('p', { text: 'None of your answers point to the common pitfalls.' }));
      else slot.append(h('ul', { class: 'pitfall-list' }, result.pitfalls.map((p) => h('li', {},
        h('strong', { text: p.pitfall }), ' — ', h('a', { href: p.guidance, text: 'read the guidance' }),
        h('span', { class: 'hint', text: ` (from ${p.triggeredBy.length} answer${p.triggeredBy.length === 1 ? '' : 's'} of 1 or 2)` })))));
    }
  }

  // ---- export, import, delete ------------------------------------------------------------------------------

  exportButtons() {
    for (const button of this.root.querySelectorAll('[data-action="export-json"], [data-action="export-csv"]')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        const json = button.dataset.action === 'export-json';
        if (json) download(`${this.def.id}-answers.json`, toJson(exportable(this.def, this.record)), 'application/json');
        else download(`${this.def.id}-answers.csv`, csv(toCsvRows(this.def, this.record)), 'text/csv');
        const apply = (record) => { record.progress.lastExportedAt = new Date().toISOString(); };
        apply(this.record);
        this.save('export', apply);
        this.say(`Downloaded at ${timeOf(new Date().toISOString())}. Keep the file somewhere safe.`);
      });
    }
  }

  managePage() {
    this.exportButtons();
    const summary = this.root.querySelector('[data-saved-summary]');
    this.refresh = () => {
      const all = questions(this.def);
      const answered = all.filter((q) => isAnswered(this.record, q)).length;
      summary.replaceChildren(h('dl', { class: 'summary-facts' },
        h('div', {}, h('dt', { text: 'Answered' }), h('dd', { text: `${answered} of ${all.length} questions` })),
        h('div', {}, h('dt', { text: 'Last saved' }), h('dd', { text: this.record.revision ? dateTimeOf(this.record.updatedAt) : 'Nothing saved yet' })),
        h('div', {}, h('dt', { text: 'Last downloaded' }), h('dd', { text: this.record.progress.lastExportedAt ? dateTimeOf(this.record.progress.lastExportedAt) : 'Never' }))));
      if (this.record.unmapped.length) {
        summary.append(h('div', { class: 'notice notice--warning' },
          h('h2', { text: 'Answers that no longer match a question' }),
          h('p', { text: 'These answers came from an earlier version of the assessment or an imported file. They are kept, and included in downloads, but not scored.' }),
          h('ul', {}, this.record.unmapped.map((u) => h('li', { text: `${u.id}: “${u.value}”${u.note ? ` (note: ${u.note})` : ''} — ${u.reason}` })))));
      }
    };
    this.refresh();
    this.importFlow();
    this.deleteFlow();
  }

  importFlow() {
    const form = this.root.querySelector('[data-import-form]');
    const input = form.querySelector('#import-file');
    const preview = this.root.querySelector('[data-import-preview]');
    const slot = this.root.querySelector('[data-error-summary-slot]');
    const group = this.root.getElementById('import-group');
    const message = this.root.getElementById('import-file-error');
    const fail = (errors) => {
      group.classList.add('form-group--error');
      input.classList.add('file-upload--error');
      message.hidden = false;
      message.replaceChildren(h('span', { class: 'visually-hidden', text: 'Error: ' }), errors[0]);
      showErrorSummary(slot, errors.map((e) => ({ target: 'import-file', message: e })));
      preview.hidden = true;
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      group.classList.remove('form-group--error');
      message.hidden = true;
      showErrorSummary(slot, []);
      const file = input.files[0];
      if (!file) return fail(['Select an answers file to import']);
      if (file.size > 1_000_000) return fail([`The file is too large (${Math.round(file.size / 1024)} KB). An answers file is a few KB; check you chose the right file.`]);
      const result = readImport(this.def, await file.text());
      if (!result.ok) return fail(result.errors);
      const currentAnswered = questions(this.def).filter((q) => isAnswered(this.record, q)).length;
      const replace = h('button', { type: 'button', class: 'button', text: 'Replace my answers with this file' });
      const cancel = h('button', { type: 'button', class: 'button button--secondary', text: 'Cancel' });
      preview.replaceChildren(
        h('h2', { text: 'Check the file before importing' }),
        h('dl', { class: 'summary-facts' },
          h('div', {}, h('dt', { text: 'File' }), h('dd', { text: file.name })),
          h('div', {}, h('dt', { text: 'Answers in the file' }), h('dd', { text: `${result.answered}` })),
          h('div', {}, h('dt', { text: 'Saved in the file' }), h('dd', { text: dateTimeOf(result.file.updatedAt) })),
          h('div', {}, h('dt', { text: 'Answers saved in this browser now' }), h('dd', { text: `${currentAnswered} (they will be replaced)` }))),
        result.migrated ? h('p', { class: 'notice', text: `The file was saved for version ${result.migrated} of this assessment; its answers will be matched to this version (${this.def.version}) by question.` }) : null,
        result.unmapped.length ? h('div', { class: 'notice notice--warning' },
          h('p', { text: `${result.unmapped.length} answer(s) in the file do not match a question in this version. They will be kept and listed, but not scored:` }),
          h('ul', {}, result.unmapped.map((u) => h('li', { text: `${u.id}: “${u.value}” — ${u.reason}` })))) : null,
        h('div', { class: 'button-group' }, replace, cancel));
      preview.hidden = false;
      preview.focus();
      cancel.addEventListener('click', () => {
        preview.hidden = true;
        preview.replaceChildren();
        input.value = '';
        this.say('Import cancelled. Nothing was changed.');
      });
      replace.addEventListener('click', () => {
        const base = this.record.revision;
        this.record.file = result.file;
        this.record.unmapped = result.unmapped;
        this.record.progress.completed = [];
        const written = this.store.write(this.record, base);
        if (!written.ok) {
          this.say(written.conflict ? 'Another tab changed the answers while you were importing. Check the file again.' : 'The import could not be saved in this browser.', 'error');
          if (written.conflict) this.record = revive(written.conflict);
          return;
        }
        this.record = revive(written.record);
        preview.replaceChildren(h('p', { class: 'notice notice--success', role: 'status', text: `Imported ${result.answered} answers from ${file.name}.` }));
        input.value = '';
        this.refresh();
        this.say(`Imported at ${timeOf(this.record.updatedAt)}.`);
      });
    });
  }

  deleteFlow() {
    const box = this.root.querySelector('[data-delete]');
    const start = box.querySelector('[data-action="delete"]');
    start.addEventListener('click', () => confirmThen(box, start, {
      question: 'Are you sure you want to delete all your answers and notes for this assessment?',
      yes: 'Yes, delete my answers', no: 'No, keep them',
    }, () => {
      this.store.remove();
      this.record = newRecord(this.def);
      const done = h('p', { class: 'notice notice--success', role: 'status', tabindex: '-1', text: 'Your answers have been deleted from this browser.' });
      box.append(done);
      done.focus();
      this.refresh();
      this.say('Deleted. Nothing is saved for this assessment in this browser.');
    }));
  }
}
