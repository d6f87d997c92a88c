// Self-assessment pages: one component per page type (start, tasks, section, check, results, manage) on a shared
// editing session (session.js: validated load, autosave, merge with other tabs, status line, save on leaving).
// Scoring comes from the module compiled from the C# rules; this file only renders what it returns.
import { download, h, showErrorSummary, confirmThen } from './dom.js';
import { csv, timeOf, dateTimeOf, datedName, dateStamp } from './format.js';
import { RecordStore } from './store.js';
import { embeddedDefinition, answersSession } from './assessment-session.js';
import {
  questions, answerOf, setAnswer, isVisible, isAnswered, sectionStatus, exportable, toJson,
  toCsvRows, readImport, importedRecord, migrate, progressCounts, visibleQuestions, nextStepItems, nextStepDraft, MAX_COMPLETED_BY,
} from './answers.js';
import {
  planItemFromStep, newPlanItem, nextPlanId, planProblems, planRuleInput, stateLabel, statementOf, planCsvRows, planMarkdown, planItemDraft, dayLabel, dateParts, dateOf, isDay,
} from './plan.js';

const setValue = (field, value) => { if (field.value !== value) field.value = value; };

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

/** Starts the component for this page. Resolves when the page is ready; throws (reported by site.js) if it cannot start. */
export async function init(root) {
  const main = root.querySelector('[data-assessment-page]');
  const def = embeddedDefinition(root);
  const Page = PAGES[main.dataset.assessmentPage];
  if (!Page) throw new Error(`unknown assessment page type "${main.dataset.assessmentPage}"`);
  const page = new Page(root, main, def);
  await page.start();
  return page;
}

/** What every assessment page shares: the definition, the session and the status line. */
class AssessmentPage {
  constructor(root, main, def) {
    this.root = root;
    this.main = main;
    this.def = def;
    this.bar = root.querySelector('[data-record-bar]');
    this.session = answersSession(root, def, {
      render: () => this.refresh(),
      panelSlot: () => this.root.querySelector('[data-conflicts]') || this.bar,
    });
  }

  get record() { return this.session.record; }

  async start() {
    if (this.bar) this.bar.hidden = false;
    const state = this.session.start();
    if (state.state === 'corrupt') {
      this.main.querySelector('h1').after(this.session.corruptPanel({ heading: 'Your saved answers could not be read', fileStem: this.def.id }));
      for (const form of this.root.querySelectorAll('[data-assessment-form], [data-import-form], [data-baseline-form]')) form.hidden = true;
      return;
    }
    if (state.state === 'ok') {
      const result = migrate(this.def, this.record);
      if (result.migratedFrom !== null) {
        this.session.saveAll();
        this.notice(`Your answers were saved for version ${result.migratedFrom} of this assessment and have been moved to version ${this.def.version} by question.`
          + (result.newlyUnmapped.length ? ` ${result.newlyUnmapped.length} answer(s) no longer match a question; they are kept and listed on the “Your saved answers” page.` : ''));
      }
    }
    await this.show();
    for (const control of this.main.querySelectorAll('[data-needs-module]')) control.hidden = false;
  }

  /** Draws the page from the record (first time). */
  async show() {}

  /** Redraws after another tab's answers arrived or were merged. */
  refresh() {}

  notice(text) {
    this.main.querySelector('h1').after(h('div', { class: 'notice', role: 'status' }, h('p', { text })));
  }

  /** "question 3", or "the follow-up to question 2" for a conditional question (they are not numbered). */
  labelOf(question) {
    if (question.number) return `question ${question.number}`;
    const parent = questions(this.def).find((q) => q.id === question.showIf?.question);
    return parent ? `the follow-up to ${this.labelOf(parent)}` : 'this question';
  }

  // Fields of the record a team edits (see session.js): value and note per question, section completion.
  valueField(q) {
    return { key: `answer:${q.id}:value`, label: `your answer to ${this.labelOf(q)}`,
      get: (r) => answerOf(r, q)?.value, set: (r, v) => setAnswer(r, q, v ?? null, undefined) };
  }

  noteField(q) {
    return { key: `answer:${q.id}:note`, label: `your note on ${this.labelOf(q)}`,
      get: (r) => answerOf(r, q)?.note, set: (r, v) => setAnswer(r, q, undefined, v ?? null) };
  }

  completedField(section) {
    return { key: `completed:${section.id}`, label: `whether “${section.title}” is complete`,
      get: (r) => r.progress.completed.includes(section.id),
      set: (r, v) => {
        const set = new Set(r.progress.completed);
        if (v) set.add(section.id); else set.delete(section.id);
        r.progress.completed = [...set];
      } };
  }

  static lastSectionField = { key: 'lastSection', get: (r) => r.progress.lastSection, set: (r, v) => { r.progress.lastSection = v ?? null; } };

  static exportedField = { key: 'lastExportedAt', get: (r) => r.progress.lastExportedAt, set: (r, v) => { r.progress.lastExportedAt = v ?? null; } };

  /** The JSON and CSV buttons: files named with the assessment and today's date. */
  exportButtons() {
    for (const button of this.root.querySelectorAll('[data-action="export-json"], [data-action="export-csv"]')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        this.session.flush();
        if (!this.planReady()) return;
        if (button.dataset.action === 'export-json') download(datedName(`${this.def.id}-answers`, 'json'), toJson(exportable(this.def, this.record)), 'application/json');
        else download(datedName(`${this.def.id}-answers`, 'csv'), csv(toCsvRows(this.def, this.record)), 'text/csv');
        this.session.edit(AssessmentPage.exportedField, new Date().toISOString(), 0);
        this.session.flush();
        this.session.say(`Downloaded at ${timeOf(new Date().toISOString())}. Keep the file somewhere safe.`);
      });
    }
  }

  /** False (and says why) when the improvement plan has an item that would make the downloaded file unreadable. */
  planReady() {
    const problems = planProblems(this.record.file.plan, this.def.plan);
    if (!problems.length) return true;
    this.session.say(`Not downloaded: your improvement plan needs fixing first (${problems[0].message.charAt(0).toLowerCase()}${problems[0].message.slice(1)}). Open the improvement plan page to fix it.`, 'error');
    return false;
  }

  // Fields of the improvement plan (see session.js): one per item field, plus adding and removing an item, so that two
  // tabs editing different items or fields merge, and the same field is asked about.
  planField(id, name, label) {
    const find = (r) => r.file.plan.find((p) => p.id === id);
    return { key: `plan:${id}:${name}`, label,
      get: (r) => find(r)?.[name], set: (r, v) => { const item = find(r); if (item) item[name] = v ?? ''; } };
  }

  static planAddField(item) {
    return { key: `plan:${item.id}:add`, get: (r) => r.file.plan.find((p) => p.id === item.id) ?? null,
      set: (r, v) => {
        if (!v) return;
        const taken = r.file.plan.find((p) => p.id === v.id);
        if (!taken) r.file.plan.push({ ...v });
        else if (JSON.stringify(taken) !== JSON.stringify(v)) r.file.plan.push({ ...v, id: nextPlanId(r.file.plan) }); // another tab added its own item with this id
      } };
  }

  static planRemoveField(id) {
    return { key: `plan:${id}:remove`, get: (r) => !r.file.plan.some((p) => p.id === id),
      set: (r, v) => { if (v) r.file.plan = r.file.plan.filter((p) => p.id !== id); } };
  }

  /** Adds an item to the improvement plan and saves it; false (and says why) when the plan is full. */
  addPlanItem(item) {
    if (this.record.file.plan.length >= this.def.plan.maxItems) {
      this.session.say(`Not added: a plan holds at most ${this.def.plan.maxItems} items. Remove an item you have finished with first.`, 'error');
      return false;
    }
    this.session.edit(AssessmentPage.planAddField(item), item, 0);
    this.session.flush();
    return true;
  }

  /** Hands a draft learning log to the draft page through this browser's storage only (nothing is sent), then opens it. */
  async handOver(draft) {
    this.session.flush();
    // Loaded when first needed: pages that never hand a draft over do not load the draft's format (log-data.js).
    let handover;
    try {
      handover = await import('./handover.js');
    } catch {
      this.session.say('The learning log could not be started: part of the page did not load. Reload the page to try again.', 'error');
      return;
    }
    const { HANDOVER_STORE, leaveHandover, validateHandover } = handover;
    if (!leaveHandover(new RecordStore(...HANDOVER_STORE, validateHandover), this.def, draft)) {
      this.session.say('This browser would not keep the learning log for the draft page, so nothing was handed over.', 'error');
      return;
    }
    location.assign(this.def.draftUrl);
  }

  /** Check your answers (with "Change" links that come back here) and the printed answers on the results page. */
  renderAnswers(slot, withChange) {
    if (!slot) return;
    slot.replaceChildren();
    for (const section of this.def.sections) {
      const list = h('dl', { class: 'summary-list' });
      for (const q of section.questions) {
        if (!isVisible(this.def, this.record, q)) continue;
        const answer = answerOf(this.record, q);
        const option = answer ? q.options.find((o) => o.value === answer.value) : null;
        const published = q.scored ? this.record.file.baseline?.scores[q.id] : undefined;
        const keepsNothing = answer && !published && answer.value === this.def.baseline?.keep.value;
        const value = keepsNothing ? 'Not re-assessed, but no published score is saved: counts as not assessed'
          : answer && answer.value !== undefined && answer.value !== '' ? (option ? option.label : answer.value)
          : published ? `Not answered: keeps the last published score (${this.def.baseline.scores.find((o) => o.value === published)?.label ?? published})` : 'Not answered';
        const row = h('div', { class: 'summary-list__row' },
          h('dt', { class: 'summary-list__key', text: q.number ? `${q.number}. ${q.text}` : q.text }),
          h('dd', { class: 'summary-list__value' }, h('p', { text: value }), answer && answer.note ? h('p', { class: 'summary-list__note', text: `Note: ${answer.note}` }) : null));
        if (withChange) {
          row.append(h('dd', { class: 'summary-list__actions' },
            h('a', { href: `${section.url}?return=check#${q.anchor}` }, 'Change', h('span', { class: 'visually-hidden', text: ` your answer to ${this.labelOf(q)}` }))));
        }
        list.append(row);
      }
      slot.append(h('h2', { class: 'summary-heading', text: section.title }), list);
    }
  }
}

class StartPage extends AssessmentPage {
  async show() {
    const slot = this.root.querySelector('[data-resume]');
    const { answered, total } = progressCounts(this.def, this.record);
    if (!answered) return;
    const last = this.def.sections.find((s) => s.id === this.record.progress.lastSection);
    slot.append(h('div', { class: 'notice' },
      h('p', {}, h('strong', { text: 'You have saved answers. ' }), `${answered} of ${total} questions answered, last saved ${dateTimeOf(this.record.updatedAt)}.`),
      h('p', {}, h('a', { href: last ? last.url : this.def.urls.tasks, text: last ? `Continue with “${last.title}”` : 'Continue where you left off' }))));
    slot.hidden = false;
  }
}

class TasksPage extends AssessmentPage {
  async show() { this.refresh(); }

  refresh() {
    let done = 0;
    for (const section of this.def.sections) {
      const status = sectionStatus(this.def, this.record, section);
      const task = this.root.querySelector(`[data-task="${CSS.escape(section.id)}"]`);
      const tag = task.querySelector('[data-status]');
      tag.textContent = status;
      tag.className = `tag task-list__status ${status === 'Completed' ? 'tag--done' : status === 'In progress' ? 'tag--blue' : 'tag--grey'}`;
      const count = visibleQuestions(this.def, this.record, section.questions).length;
      const hint = task.querySelector('.task-list__hint');
      if (hint) hint.textContent = `${count} question${count === 1 ? '' : 's'}`;
      if (status === 'Completed') done += 1;
    }
    this.root.querySelector('[data-progress]').textContent = `You have completed ${done} of ${this.def.sections.length} sections.`;
  }
}

class SectionPage extends AssessmentPage {
  async show() {
    const form = this.root.querySelector('[data-assessment-form]');
    this.form = form;
    this.section = this.def.sections.find((s) => s.id === this.main.dataset.section);
    if (!this.section) throw new Error(`the page's section "${this.main.dataset.section}" is not in the definition`);
    const returnToCheck = new URLSearchParams(location.search).get('return') === 'check';
    const byId = new Map(this.section.questions.map((q) => [q.id, q]));
    this.keepOptions();
    this.refresh();
    const onEdit = (event) => {
      const target = event.target;
      const name = target.name;
      if (!name || name === 'section-complete') return;
      const isNote = name.endsWith('#note');
      const q = byId.get(isNote ? name.slice(0, -5) : name);
      if (!q) return;
      this.session.edit(isNote ? this.noteField(q) : this.valueField(q), target.value, event.type === 'input' ? undefined : 0);
      this.session.edit(AssessmentPage.lastSectionField, this.section.id, event.type === 'input' ? undefined : 0);
      if (!isNote && q.input === 'choice') this.applyVisibility();
    };
    form.addEventListener('change', onEdit);
    form.addEventListener('input', (event) => { if (event.target.tagName === 'TEXTAREA') onEdit(event); });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.submit() && this.session.flush()) location.assign(returnToCheck ? this.def.urls.check : this.def.urls.tasks);
    });
    if (returnToCheck) {
      const back = form.querySelector('[data-back-link]');
      if (back) {
        back.href = this.def.urls.check;
        back.textContent = 'Back to check your answers';
      }
    }
    if (this.record.progress.lastSection !== this.section.id) {
      this.session.edit(AssessmentPage.lastSectionField, this.section.id, 0);
    }
  }

  /**
   * "Not re-assessed: keep the last published score" for each statement that has one (the page's own radios are the
   * model's scores); a statement without a published score offers no such choice.
   */
  keepOptions() {
    const keep = this.def.baseline?.keep;
    if (!keep) return;
    const scores = this.record.file.baseline?.scores;
    for (const q of this.section.questions) {
      const published = q.scored && scores ? scores[q.id] : undefined;
      const kept = q.scored && answerOf(this.record, q)?.value === keep.value;
      const radios = this.form.querySelector(`input[type=radio][name="${CSS.escape(q.id)}"]`)?.closest('.radios');
      if ((!published && !kept) || !radios || radios.querySelector('[data-keep]')) continue;
      const id = `${q.anchor}-keep`;
      radios.append(h('div', { class: 'radio', 'data-keep': '' },
        h('input', { type: 'radio', id, name: q.id, value: keep.value, 'aria-describedby': `${id}-hint` }),
        h('label', { for: id, text: keep.label }),
        h('div', { class: 'hint radio__hint', id: `${id}-hint`, text: published
          ? `Your last report scored it ${this.def.baseline.scores.find((o) => o.value === published)?.label ?? published}.`
          : 'No published score is saved for this statement, so it counts as not assessed. Enter it on the “last published scores” page, or choose a score.' })));
    }
  }

  refresh() {
    const form = this.form;
    if (!form) return;
    for (const q of this.section.questions) {
      const answer = answerOf(this.record, q);
      if (q.input === 'choice') {
        for (const radio of form.querySelectorAll(`input[type=radio][name="${CSS.escape(q.id)}"]`)) radio.checked = Boolean(answer && radio.value === answer.value);
        // Only a value that differs is written, so the field being typed in keeps its caret: its pending text is
        // already in the record (the session replays it on top of another tab's save).
        const note = form.querySelector(`[data-note-for="${CSS.escape(q.id)}"]`);
        if (note) setValue(note, answer && answer.note ? answer.note : '');
      } else {
        setValue(form.querySelector(`textarea[name="${CSS.escape(q.id)}"]`), answer ? answer.value ?? '' : '');
      }
    }
    form.querySelector('#complete-yes').checked = this.record.progress.completed.includes(this.section.id);
    this.applyVisibility();
  }

  applyVisibility() {
    for (const q of this.section.questions) this.root.getElementById(q.anchor).hidden = !isVisible(this.def, this.record, q);
  }

  /** GOV.UK validation of "Save and continue"; records the completion choice. True when the section can be left. */
  submit() {
    const form = this.form;
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
      for (const q of this.section.questions) {
        if (q.input !== 'choice' || !isVisible(this.def, this.record, q) || isAnswered(this.record, q)) continue;
        addError(q.anchor, `${q.anchor}-${q.options[0].value}`, `Select an answer for ${this.labelOf(q)}: ${q.text}`);
      }
    }
    showErrorSummary(this.root.querySelector('[data-error-summary-slot]'), errors);
    if (errors.length) return false;
    this.session.edit(this.completedField(this.section), choice.value === 'yes', 0);
    return true;
  }
}

class CheckPage extends AssessmentPage {
  async show() { this.refresh(); }

  refresh() { this.renderAnswers(this.root.querySelector('[data-check-answers]'), true); }
}

class ResultsPage extends AssessmentPage {
  async show() {
    const slot = this.root.querySelector('[data-results]');
    this.slot = slot;
    try {
      [this.module, this.chart] = await Promise.all([import(this.main.dataset.module), import('./chart.js')]);
    } catch {
      slot.replaceChildren(h('p', { class: 'notice notice--error', text: 'The scoring module could not be loaded, so no result can be shown. Reload the page to try again.' }));
      return;
    }
    this.printHeader();
    this.refresh();
    this.root.querySelector('[data-print-answers]').hidden = false;
    this.exportButtons();
    const print = this.root.querySelector('[data-action="print"]');
    print.hidden = false;
    print.addEventListener('click', () => window.print());
  }

  refresh() {
    if (!this.module) return;
    if (this.completedByInput && document.activeElement !== this.completedByInput) setValue(this.completedByInput, this.record.progress.completedBy || '');
    this.renderResult(this.slot, this.module.score(exportable(this.def, this.record)));
    this.renderAnswers(this.root.querySelector('[data-print-answers] [data-check-answers]'), false);
  }

  renderResult(slot, result) {
    const cqc = Boolean(result.keyQuestions);
    // The rules' plain-word notes and next steps (models that have none, such as the evidence-category model, keep
    // the per key question list of limiters and no "What to do next").
    const hasNotes = Array.isArray(result.notes);
    const groups = cqc ? result.keyQuestions : result.themes;
    const answered = questions(this.def).filter((q) => q.scored && isAnswered(this.record, q)).length;
    slot.replaceChildren();
    if (answered === 0) {
      slot.append(h('p', {}, 'You have not answered any questions yet. ', h('a', { href: this.def.urls.tasks, text: 'Go to your tasks' }), '.'));
      return;
    }
    const overallLabel = cqc ? result.overall.ratingLabel : result.overall.bandLabel;
    slot.append(h('div', { class: 'result-panel' },
      h('h2', { class: 'result-panel__title', text: cqc ? 'Overall self-assessed rating' : 'Overall maturity' }),
      h('p', { class: 'result-panel__value', text: overallLabel + (!cqc && result.overall.roundedPercentage !== null ? ` (${result.overall.roundedPercentage}%)` : '') }),
      cqc && result.overall.reason ? h('p', { class: 'result-panel__reason', text: result.overall.reason }) : null));

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
        cqc ? h('td', { text: g.limiter ? (hasNotes ? 'Yes (see “Limiters and edges”)' : 'Yes') : 'No' }) : null))));
    slot.append(h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Results table', tabindex: '0' }, table));
    slot.append(this.chart.barChart({
      title: cqc ? 'Percentage by key question' : 'Percentage by theme',
      rows: groups.map((g) => ({ name: g.name, percentage: g.roundedPercentage, label: `${g.roundedPercentage}% ${cqc ? g.ratingLabel : g.bandLabel}` })),
      bands: cqc ? CQC_BANDS : MATURITY_BANDS,
      width: slot.clientWidth,
    }));

    if (cqc) {
      slot.append(h('h2', { text: 'Limiters and edges' }),
        h('p', { text: result.limitersApplied
          ? 'The unverified rating limiters are on: a statement scored 1 caps its key question at requires improvement, and a statement scored 2 caps it at good. CQC has not confirmed these rules.'
          : 'The rating limiters are turned off for these answers.' }),
        hasNotes
          ? (result.notes.length
            ? h('ul', { class: 'result-notes' }, result.notes.map((n) => h('li', { text: n })))
            : h('p', { text: 'No key question was lowered by a limiter, and none is on a rounding edge.' }))
          : (groups.some((g) => g.limiter)
            ? h('ul', {}, groups.filter((g) => g.limiter).map((g) => h('li', { text: `${g.name}: lowered to ${g.ratingLabel.toLowerCase()} by a limiter.` })))
            : h('p', { text: 'No key question was lowered by a limiter.' })));
    } else {
      slot.append(h('h2', { text: 'Pitfalls to look at' }));
      if (!result.pitfalls.length) slot.append(h('p', { text: 'None of your answers point to the common pitfalls.' }));
      else slot.append(h('ul', { class: 'pitfall-list' }, result.pitfalls.map((p) => h('li', {},
        h('strong', { text: p.pitfall }), ' — ', h('a', { href: p.guidance, text: 'read the guidance' }),
        h('span', { class: 'hint', text: ` (from ${p.triggeredBy.length} answer${p.triggeredBy.length === 1 ? '' : 's'} of 1 or 2)` })))));
    }
    if (Array.isArray(result.nextSteps)) this.renderNextSteps(slot, result);
  }

  /** "What to do next": the statements the rules list (scored 1, then 2, then not assessed), each with what the team wrote. */
  renderNextSteps(slot, result) {
    const items = nextStepItems(this.def, this.record, result.nextSteps);
    slot.append(h('h2', { id: 'next-steps', text: 'What to do next' }));
    if (!items.length) {
      slot.append(h('p', { text: this.def.model.cqc
        ? 'No statement is scored 1 or 2, and every statement is assessed. Keep the evidence that backs each score up to date.'
        : 'No statement is answered 1 or 2.' }));
      return;
    }
    slot.append(h('p', { text: 'The statements scored lowest come first, key question by key question. For each: read what good looks like, find out why it scored low, and record what you change as a learning log, so you can show what was learned.' }));
    let group = null;
    let list = null;
    for (const item of items) {
      if (item.step.groupId !== group) {
        group = item.step.groupId;
        slot.append(h('h3', { text: item.step.groupName }));
        list = h('ul', { class: 'next-steps' });
        slot.append(list);
      }
      const q = item.question;
      const links = [
        ...(q.statementUrl ? [h('a', { href: q.statementUrl, text: `What inspectors look for: ${q.text}` })] : []),
        ...(q.guidance || []).map((g) => h('a', { href: g.url, text: g.title })),
      ];
      list.append(h('li', { class: 'next-step', 'data-next-step': q.id },
        h('p', {}, h('strong', { text: q.text }), ' ', h('span', { class: 'tag tag--grey', text: item.scoreLabel }),
          item.kept ? h('span', { class: 'hint', text: ' (the last published score, kept)' }) : null),
        item.note ? h('p', {}, h('span', { class: 'hint', text: 'Your note: ' }), item.note) : null,
        ...item.plan.map((p) => h('p', {}, h('span', { class: 'hint', text: `${p.question} ` }), p.answer)),
        links.length ? h('p', { class: 'next-step__links' }, ...links.flatMap((a, i) => (i ? [' · ', a] : [a]))) : null,
        h('p', { class: 'button-row', 'data-no-print': '' }, this.planControl(item), this.def.draftUrl ? this.startLogButton(item) : null)));
    }
    const count = this.record.file.plan.length;
    slot.append(h('p', { 'data-no-print': '' }, h('a', { href: this.def.urls.plan, 'data-plan-page-link': '' },
      count ? `Your improvement plan (${count} item${count === 1 ? '' : 's'})` : 'Your improvement plan'),
      count ? '' : ': turn the statements above into plan items, with an owner, a due date and how you will know it worked.'));
  }

  /** "Add to your improvement plan", or a link to the item already made from this statement. */
  planControl(item) {
    const existing = this.record.file.plan.find((p) => p.statement === item.question.id);
    if (existing) {
      return h('a', { href: `${this.def.urls.plan}#plan-${existing.id}`, class: 'button-row__link', 'data-plan-link': item.question.id },
        'In your improvement plan', h('span', { class: 'visually-hidden', text: `: ${item.question.text}` }));
    }
    const button = h('button', { type: 'button', class: 'button button--small', 'data-add-to-plan': item.question.id },
      'Add to your improvement plan', h('span', { class: 'visually-hidden', text: `: ${item.question.text}` }));
    button.addEventListener('click', () => {
      if (!this.addPlanItem(planItemFromStep(this.def, this.record.file.plan, item, dateStamp()))) return;
      this.refresh();
      this.root.querySelector(`[data-plan-link="${CSS.escape(item.question.id)}"]`)?.focus();
      this.session.say(`Added “${item.question.text}” to your improvement plan. Open the plan to say who owns it, when it is due and how you will know it worked.`);
    });
    return button;
  }

  startLogButton(item) {
    const button = h('button', { type: 'button', class: 'button button--secondary button--small', 'data-start-log': item.question.id },
      'Start a learning log about this', h('span', { class: 'visually-hidden', text: `: ${item.question.text}` }));
    button.addEventListener('click', () => this.startLog(item));
    return button;
  }

  /** Starts a draft learning log about a next step. */
  startLog(item) {
    this.handOver(nextStepDraft(this.def, item, dateStamp()));
  }

  /** The printout's header: service, assessment and model versions, the date, and who completed it (kept with the answers). */
  printHeader() {
    const meta = this.root.querySelector('[data-report-meta]');
    if (!meta) return;
    meta.hidden = false;
    const today = new Date();
    meta.querySelector('[data-report-date]').textContent = today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const input = meta.querySelector('#completed-by');
    const field = { key: 'completedBy', label: 'who completed it', get: (r) => r.progress.completedBy || '', set: (r, v) => { r.progress.completedBy = (v ?? '').slice(0, MAX_COMPLETED_BY); } };
    input.maxLength = MAX_COMPLETED_BY;
    setValue(input, this.record.progress.completedBy || '');
    input.addEventListener('input', () => this.session.edit(field, input.value, 600));
    this.completedByInput = input;
  }
}

/** The improvement plan: items made from the results' next steps or added by the team, kept with the answers. */
class PlanPage extends AssessmentPage {
  async show() {
    this.slot = this.root.querySelector('[data-plan]');
    try {
      this.module = await import(this.main.dataset.planModule);
    } catch {
      this.slot.replaceChildren(h('p', { class: 'notice notice--error', text: 'The plan rules could not be loaded, so the plan cannot be shown. Reload the page to try again.' }));
      return;
    }
    this.today = dateStamp();
    this.errors = this.root.querySelector('[data-error-summary-slot]');
    const meta = this.root.querySelector('[data-report-meta]');
    meta.hidden = false;
    meta.querySelector('[data-report-date]').textContent = dayLabel(this.today);
    this.slot.addEventListener('input', (event) => this.onEdit(event));
    this.slot.addEventListener('change', (event) => this.onEdit(event));
    const add = this.root.querySelector('[data-action="add-item"]');
    add.hidden = false;
    add.addEventListener('click', () => this.addItem());
    this.exportButtons();
    for (const button of this.root.querySelectorAll('[data-action="export-plan-csv"], [data-action="export-plan-md"], [data-action="print"]')) {
      button.hidden = false;
      button.addEventListener('click', () => this.exportPlan(button.dataset.action));
    }
    this.render();
  }

  refresh() { if (this.module) this.render(); }

  get plan() { return this.record.file.plan; }

  /** Each item's state on today's date, from the compiled improvement-plan rules: { summary, states: id → state }. */
  states() {
    const summary = this.module.plan(planRuleInput(this.plan, this.today));
    return { summary, states: Object.fromEntries(summary.items.map((i) => [i.id, i.state])) };
  }

  render() {
    const ids = this.plan.map((p) => p.id).join(' ');
    if (ids !== this.shownIds) {
      this.shownIds = ids;
      this.slot.replaceChildren(...(this.plan.length
        ? this.plan.map((item, i) => this.itemEditor(item, i))
        : [h('p', {}, 'Your plan has no items yet. On ', h('a', { href: `${this.def.urls.results}#next-steps`, text: 'your results' }),
          ', add the statements you scored lowest, or add an item of your own below.')]));
    }
    for (const item of this.plan) {
      const editor = this.root.getElementById(`plan-${item.id}`);
      for (const control of editor.querySelectorAll('[data-plan-field]')) {
        if (document.activeElement !== control) setValue(control, item[control.dataset.planField] ?? '');
      }
      for (const control of editor.querySelectorAll('[data-plan-date]')) {
        if (document.activeElement !== control) setValue(control, dateParts(item[control.dataset.planDate])[control.dataset.part]);
      }
      editor.querySelector('[data-completed-group]').hidden = item.status !== 'done';
    }
    this.renderStates();
  }

  /** The state tags, the summary line and the printed table: what changes with any edit. */
  renderStates() {
    const { summary, states } = this.states();
    const counts = [['overdue', summary.overdue], ['open', summary.open], ['done', summary.done], ['dropped', summary.dropped]].filter(([, n]) => n > 0);
    this.root.querySelector('[data-plan-summary]').textContent = this.plan.length
      ? `${this.plan.length} item${this.plan.length === 1 ? '' : 's'} on ${dayLabel(this.today)}: ${counts.map(([state, n]) => `${n} ${stateLabel(this.def, state).toLowerCase()}`).join(', ')}.`
      : '';
    for (const item of this.plan) {
      const tag = this.root.querySelector(`#plan-${CSS.escape(item.id)} [data-state]`);
      const state = states[item.id];
      tag.textContent = stateLabel(this.def, state);
      tag.className = `tag ${state === 'overdue' ? 'tag--overdue' : state === 'done' ? 'tag--done' : state === 'dropped' ? 'tag--grey' : 'tag--blue'}`;
    }
    this.renderPrint(states);
  }

  itemEditor(item, index) {
    const base = `plan-${item.id}`;
    const q = statementOf(this.def, item);
    const group = (name, label, hint, control, extra = {}) => h('div', { class: 'form-group', id: `${base}_${name}_group`, ...extra },
      h('label', { class: 'label', for: `${base}_${name}`, text: label }),
      hint ? h('div', { class: 'hint', id: `${base}_${name}_hint`, text: hint }) : null,
      h('p', { class: 'error-message', id: `${base}_${name}_error`, hidden: true }),
      control);
    const text = (name, max, hint) => h('input', { class: 'input', type: 'text', id: `${base}_${name}`, name: `${base}_${name}`, maxlength: max, autocomplete: 'off',
      'data-plan-field': name, 'aria-describedby': hint ? `${base}_${name}_hint` : null });
    const area = (name, max, rows = 3) => h('textarea', { class: 'textarea', rows, id: `${base}_${name}`, name: `${base}_${name}`, maxlength: max, 'data-plan-field': name,
      'aria-describedby': `${base}_${name}_hint` });
    // GOV.UK's date input: day, month and year as three boxes (typed the same way in every browser and locale).
    const dateGroup = (name, legend, extra = {}) => h('div', { class: 'form-group', id: `${base}_${name}_group`, ...extra },
      h('fieldset', { class: 'fieldset', role: 'group', 'aria-describedby': `${base}_${name}_hint` },
        h('legend', { class: 'legend legend--small', text: legend }),
        h('div', { class: 'hint', id: `${base}_${name}_hint`, text: 'For example, 31 1 2027' }),
        h('p', { class: 'error-message', id: `${base}_${name}_error`, hidden: true }),
        h('div', { class: 'date-input' }, [['day', 'Day', 2], ['month', 'Month', 2], ['year', 'Year', 4]].map(([part, label, width]) => {
          const id = part === 'day' ? `${base}_${name}` : `${base}_${name}_${part}`;
          return h('div', { class: 'date-input__item' },
            h('label', { class: 'label date-input__label', for: id, text: label }),
            h('input', { class: `input date-input__input date-input__input--${width}`, type: 'text', inputmode: 'numeric', id, name: id, maxlength: width,
              autocomplete: 'off', 'data-plan-date': name, 'data-part': part }));
        }))));
    const status = h('select', { class: 'select', id: `${base}_status`, name: `${base}_status`, 'data-plan-field': 'status' },
      this.def.plan.statuses.map((o) => h('option', { value: o.value, text: o.label })));
    const buttons = h('div', { class: 'button-group' });
    if (this.def.draftUrl) {
      const start = h('button', { type: 'button', class: 'button button--secondary button--small', 'data-start-log': item.id },
        'Start a learning log from this item', h('span', { class: 'visually-hidden', text: ` (item ${index + 1})` }));
      start.addEventListener('click', () => this.startLog(item.id));
      buttons.append(start);
    }
    const remove = h('button', { type: 'button', class: 'button button--warning button--small', 'data-remove-item': item.id },
      'Remove this item', h('span', { class: 'visually-hidden', text: ` (item ${index + 1})` }));
    const removeBox = h('div', {}, remove);
    remove.addEventListener('click', () => confirmThen(removeBox, remove, {
      question: `Remove item ${index + 1} from your plan? What you wrote for it will be deleted from this browser.`, yes: 'Yes, remove it', no: 'No, keep it',
    }, () => this.removeItem(item.id)));
    buttons.append(removeBox);
    return h('section', { class: 'plan-item', id: base, 'data-plan-item': item.id, 'aria-labelledby': `${base}_title`, tabindex: '-1' },
      h('h2', { class: 'plan-item__title', id: `${base}_title` }, `${index + 1}. ${q ? q.text : 'An item of your own'} `, h('span', { class: 'tag', 'data-state': '' })),
      q ? h('p', { class: 'hint' }, 'From your self-assessment.', q.statementUrl ? [' ', h('a', { href: q.statementUrl, text: `What inspectors look for: ${q.text}` })] : null) : null,
      group('what', 'What will you do?', 'One change to how things are done, not a reminder to try harder.', area('what', this.def.plan.maxWhat, 2)),
      group('why', 'Why', 'What the self-assessment or a finding showed.', area('why', this.def.plan.maxText)),
      group('owner', 'Who owns it', 'A role, not a person’s name: for example, registered manager.', text('owner', this.def.plan.maxOwner, true)),
      dateGroup('due', 'Due date'),
      group('measure', 'How will you know it worked?', 'A measure or a check: for example, the monthly medicines audit score.', area('measure', this.def.plan.maxText)),
      group('status', 'Status', null, status),
      dateGroup('completed', 'Completed on', { 'data-completed-group': '' }),
      buttons);
  }

  onEdit(event) {
    const control = event.target;
    const date = control.dataset?.planDate;
    const name = control.dataset?.planField ?? date;
    const editor = control.closest('[data-plan-item]');
    if (!name || !editor) return;
    if (event.type === 'input' && control.tagName === 'SELECT') return;
    const id = editor.dataset.planItem;
    const index = this.plan.findIndex((p) => p.id === id);
    const value = date
      ? dateOf(Object.fromEntries([...editor.querySelectorAll(`[data-plan-date="${date}"]`)].map((c) => [c.dataset.part, c.value])))
      : control.value;
    this.session.edit(this.planField(id, name, `${name === 'what' ? 'what to do' : name} in item ${index + 1} of your plan`), value, event.type === 'input' ? undefined : 0);
    if (name === 'status') {
      const item = this.plan[index];
      if (control.value === 'done' && !item.completed) this.session.edit(this.planField(id, 'completed', `the completion date of item ${index + 1}`), this.today, 0);
      if (control.value !== 'done' && item.completed) this.session.edit(this.planField(id, 'completed', `the completion date of item ${index + 1}`), '', 0);
      this.render();
    } else {
      this.renderStates();
    }
  }

  addItem() {
    const item = newPlanItem(this.plan);
    if (!this.addPlanItem(item)) return;
    this.render();
    this.root.getElementById(`plan-${item.id}_what`).focus();
  }

  removeItem(id) {
    const index = this.plan.findIndex((p) => p.id === id);
    this.session.edit(AssessmentPage.planRemoveField(id), true, 0);
    this.session.flush();
    this.render();
    const next = this.plan[Math.min(index, this.plan.length - 1)];
    (next ? this.root.getElementById(`plan-${next.id}`) : this.main.querySelector('h1')).focus();
    this.session.say(`Removed item ${index + 1} from your plan.`);
  }

  /** Shows what stops a download or a hand-over as an error summary with each field marked. True when nothing does. */
  check(plan = this.plan) {
    for (const group of this.slot.querySelectorAll('.form-group--error')) group.classList.remove('form-group--error');
    for (const message of this.slot.querySelectorAll('.error-message')) { message.hidden = true; message.textContent = ''; }
    for (const described of this.slot.querySelectorAll('[aria-describedby*="_error"]')) {
      described.setAttribute('aria-describedby', described.getAttribute('aria-describedby').split(' ').filter((id) => !id.endsWith('_error')).join(' '));
    }
    const problems = planProblems(plan, this.def.plan);
    for (const p of problems) {
      const base = `plan-${p.id}_${p.field}`;
      this.root.getElementById(`${base}_group`)?.classList.add('form-group--error');
      const message = this.root.getElementById(`${base}_error`);
      if (message) { message.hidden = false; message.replaceChildren(h('span', { class: 'visually-hidden', text: 'Error: ' }), p.message); }
      // The message is read with the field (or the date's group), as GOV.UK's error messages are.
      const described = this.root.getElementById(base)?.closest('fieldset') ?? this.root.getElementById(base);
      if (described && !(described.getAttribute('aria-describedby') ?? '').includes(`${base}_error`)) {
        described.setAttribute('aria-describedby', `${described.getAttribute('aria-describedby') ?? ''} ${base}_error`.trim());
      }
    }
    showErrorSummary(this.errors, problems.map((p) => ({ target: `plan-${p.id}_${p.field}`, message: p.message })));
    return problems.length === 0;
  }

  planReady() { return this.check(); }

  exportPlan(action) {
    this.session.flush();
    if (action === 'print') { window.print(); return; }
    if (!this.check()) return;
    const { states } = this.states();
    if (action === 'export-plan-csv') download(datedName(`${this.def.id}-plan`, 'csv'), csv(planCsvRows(this.def, this.plan, states)), 'text/csv');
    else {
      download(datedName(`${this.def.id}-plan`, 'md'), planMarkdown(this.def, this.plan, states, {
        service: this.root.querySelector('[data-service]')?.textContent ?? '', today: this.today, completedBy: this.record.progress.completedBy,
      }), 'text/markdown');
    }
    this.session.say(`Downloaded at ${timeOf(new Date().toISOString())}. Keep the file somewhere safe.`);
  }

  /** Starts a draft learning log from a plan item, once the item passes the checks a download would make. */
  startLog(id) {
    this.session.flush();
    const item = this.plan.find((p) => p.id === id);
    if (item && this.check([item])) this.handOver(planItemDraft(this.def, item, this.today));
  }

  /** The printed plan: one table (the editors do not print). */
  renderPrint(states) {
    const slot = this.root.querySelector('[data-print-plan]');
    if (!this.plan.length) { slot.replaceChildren(); return; }
    const status = (item) => this.def.plan.statuses.find((o) => o.value === item.status)?.label ?? item.status;
    slot.replaceChildren(h('table', { class: 'plan-table' },
      h('caption', { text: 'Improvement plan' }),
      h('thead', {}, h('tr', {}, ['#', 'Statement', 'What', 'Why', 'Owner', 'Due', 'Status', 'How we will know it worked'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, this.plan.map((item, i) => h('tr', {},
        h('td', { text: String(i + 1) }), h('td', { text: statementOf(this.def, item)?.text ?? '—' }), h('td', { text: item.what }), h('td', { text: item.why }),
        h('td', { text: item.owner }), h('td', { text: item.due ? dayLabel(item.due) : '—' }),
        h('td', { text: `${status(item)}${states[item.id] === 'overdue' ? ' (overdue)' : ''}${item.completed ? `, ${dayLabel(item.completed)}` : ''}` }),
        h('td', { text: item.measure }))))));
  }
}

class ManagePage extends AssessmentPage {
  async show() {
    this.exportButtons();
    this.refresh();
    this.deleteFlow();
    try {
      this.importFlow((await import('./import-flow.js')).importFlow);
    } catch {
      this.session.say('Importing is not available: part of the page did not load. Reload the page to try again.', 'error');
    }
  }

  refresh() {
    const summary = this.root.querySelector('[data-saved-summary]');
    const { answered, total } = progressCounts(this.def, this.record);
    summary.replaceChildren(h('dl', { class: 'summary-facts' },
      h('div', {}, h('dt', { text: 'Answered' }), h('dd', { text: `${answered} of ${total} questions` })),
      h('div', {}, h('dt', { text: 'Last saved' }), h('dd', { text: this.record.revision ? dateTimeOf(this.record.updatedAt) : 'Nothing saved yet' })),
      h('div', {}, h('dt', { text: 'Last downloaded' }), h('dd', { text: this.record.progress.lastExportedAt ? dateTimeOf(this.record.progress.lastExportedAt) : 'Never' }))));
    if (this.record.unmapped.length) {
      summary.append(h('div', { class: 'notice notice--warning' },
        h('h2', { text: 'Answers that no longer match a question' }),
        h('p', { text: 'These answers came from an earlier version of the assessment or an imported file. They are kept, and included in downloads, but not scored.' }),
        h('ul', {}, this.record.unmapped.map((u) => h('li', { text: `${u.id}: “${u.value}”${u.note ? ` (note: ${u.note})` : ''} — ${u.reason}` })))));
    }
  }

  importFlow(importFlow) {
    importFlow({
      form: this.root.querySelector('[data-import-form]'), input: this.root.getElementById('import-file'),
      preview: this.root.querySelector('[data-import-preview]'), slot: this.root.querySelector('[data-error-summary-slot]'),
      session: this.session, noun: 'answers', file: 'an answers file', refresh: () => this.refresh(),
      read: (text) => {
        const result = readImport(this.def, text);
        if (!result.ok) return result;
        const current = progressCounts(this.def, this.record).answered;
        return {
          ok: true, updatedAt: result.file.updatedAt, imported: `${result.answered} answers`,
          record: () => importedRecord(this.record, result),
          facts: [
            ['Answers in the file', `${result.answered}`],
            ['Sections marked complete', `${result.completed.length} of ${this.def.sections.length}`],
            ['Answers saved in this browser now', `${current} (they will be replaced)`],
          ],
          notes: [
            result.migrated ? h('p', { class: 'notice', text: `The file was saved for version ${result.migrated} of this assessment; its answers will be matched to this version (${this.def.version}) by question.` }) : null,
            result.unmapped.length ? h('div', { class: 'notice notice--warning' },
              h('p', { text: `${result.unmapped.length} answer(s) in the file do not match a question in this version. They will be kept and listed, but not scored:` }),
              h('ul', {}, result.unmapped.map((u) => h('li', { text: `${u.id}: “${u.value}” — ${u.reason}` })))) : null,
          ],
        };
      },
    });
  }

  deleteFlow() {
    const box = this.root.querySelector('[data-delete]');
    const start = box.querySelector('[data-action="delete"]');
    start.addEventListener('click', () => confirmThen(box, start, {
      question: 'Are you sure you want to delete all your answers and notes for this assessment?',
      yes: 'Yes, delete my answers', no: 'No, keep them',
    }, () => {
      box.querySelector('[data-delete-result]')?.remove();
      const result = this.session.remove();
      const done = h('p', { class: `notice ${result.ok ? 'notice--success' : 'notice--error'}`, role: result.ok ? 'status' : 'alert', tabindex: '-1', 'data-delete-result': true,
        text: result.ok ? 'Your answers have been deleted from this browser.' : result.message });
      box.append(done);
      done.focus();
      if (!result.ok) return;
      this.refresh();
      this.session.say('Deleted. Nothing is saved for this assessment in this browser.');
    }));
  }
}

/** The last published scores a CQC assessment starts from: one choice per statement and the report's date, saved as chosen. */
class BaselinePage extends AssessmentPage {
  static scoreField(id) {
    return { key: `baseline:${id}`, label: `the last published score of “${id}”`,
      get: (r) => r.file.baseline?.scores[id] ?? '',
      set: (r, v) => {
        if (!r.file.baseline) r.file.baseline = { publishedOn: null, scores: Object.create(null) };
        if (v) r.file.baseline.scores[id] = v; else delete r.file.baseline.scores[id];
      } };
  }

  static dateField = { key: 'baseline:publishedOn', label: 'the date of your last report',
    get: (r) => r.file.baseline?.publishedOn ?? '',
    set: (r, v) => {
      if (!r.file.baseline) r.file.baseline = { publishedOn: null, scores: Object.create(null) };
      r.file.baseline.publishedOn = v || null;
    } };

  async show() {
    this.form = this.root.querySelector('[data-baseline-form]');
    this.date = this.root.getElementById('baseline-published-on');
    this.refresh();
    this.form.addEventListener('change', (event) => {
      const id = event.target.dataset.baselineStatement;
      if (id) this.session.edit(BaselinePage.scoreField(id), event.target.value, 0);
    });
    this.date.addEventListener('change', () => {
      const group = this.date.closest('.form-group');
      const message = group.querySelector('.error-message');
      const bad = this.date.value !== '' && !isDay(this.date.value);
      group.classList.toggle('form-group--error', bad);
      message.hidden = !bad;
      message.textContent = bad ? 'Enter a real date, for example 14 March 2026' : '';
      if (!bad) this.session.edit(BaselinePage.dateField, this.date.value, 0);
    });
  }

  refresh() {
    if (!this.form) return;
    for (const select of this.form.querySelectorAll('[data-baseline-statement]')) {
      const value = BaselinePage.scoreField(select.dataset.baselineStatement).get(this.record);
      if (select.value !== value && document.activeElement !== select) select.value = value;
    }
    if (document.activeElement !== this.date) setValue(this.date, BaselinePage.dateField.get(this.record));
  }
}

const PAGES = { baseline: BaselinePage, start: StartPage, tasks: TasksPage, section: SectionPage, check: CheckPage, results: ResultsPage, plan: PlanPage, manage: ManagePage };
