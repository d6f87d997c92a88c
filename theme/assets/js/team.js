// The team page of a self-assessment: several people's answers files side by side, read and kept in this browser only.
// The comparison (distribution, median, discuss flags, where an agreement starts) comes from the compiled
// team-assessment rules, and each person's ratings from the assessment's own scoring module; this file only draws
// them and keeps what the facilitator chose.
import { download, fill, h, showErrorSummary, confirmThen } from './dom.js';
import { datedName, timeOf } from './format.js';

/** "2 Dec 2026, 17:34": short enough for a table on a phone. */
const shortDateTime = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
};
import { RecordStore, PageRecordStore } from './store.js';
import { embeddedDefinition, answersSession } from './assessment-session.js';
import { exportable, toJson } from './answers.js';
import {
  newTeam, readPerson, validateTeam, teamInput, agreedAnswers, agreedRecord, comparedQuestions, MAX_ROLE,
} from './team-data.js';

export async function init(root) {
  const page = new TeamPage(root, root.querySelector('[data-team-page]'), embeddedDefinition(root));
  await page.show();
  return page;
}

/**
 * The page. It stands alone (it does not load the assessment pages' script): the comparison is its own record, and
 * this browser's answers are touched only by "Make them this browser's answers", through the same session as the
 * assessment pages.
 */
class TeamPage {
  constructor(root, main, def) {
    this.root = root;
    this.main = main;
    this.def = def;
    this.bar = root.querySelector('[data-record-bar]');
    this.session = answersSession(root, def);
  }

  async show() {
    if (this.bar) this.bar.hidden = false;
    this.answersState = this.session.start().state;
    try {
      [this.scoring, this.rules] = await Promise.all([import(this.main.dataset.module), import(this.main.dataset.teamModule)]);
    } catch {
      this.main.querySelector('h1').after(h('p', { class: 'notice notice--error', text: 'The rules could not be loaded, so the answers cannot be compared. Reload the page to try again.' }));
      return;
    }
    // Where the browser lets the site store nothing (blocked, some private modes), the comparison is kept by this page
    // alone, and the page says so.
    const stored = new RecordStore('team', this.def.id, (value) => validateTeam(this.def, value));
    this.store = stored.read().state === 'unavailable' ? new PageRecordStore() : stored;
    if (this.store.pageOnly) {
      this.main.querySelector('h1').after(h('p', { class: 'notice', 'data-team-page-only': '',
        text: 'This browser is not letting the site store anything, so the comparison is kept on this page only: it is lost when you reload or leave the page. Download the agreed answers before you do.' }));
    }
    this.slot = this.root.querySelector('[data-error-summary-slot]');
    this.peopleSlot = this.root.querySelector('[data-team-people]');
    this.resultsSlot = this.root.querySelector('[data-team-results]');
    this.load();
    this.importForm();
    this.deleteAll();
    this.store.onChange(() => { this.load(); });
    for (const control of this.main.querySelectorAll('[data-needs-module]')) control.hidden = false;
  }

  /** Reads the comparison from storage; a comparison that cannot be read is never overwritten. */
  load() {
    const read = this.store.read();
    this.unreadable = read.state === 'corrupt' || read.state === 'unavailable' ? read.reason : null;
    this.team = read.state === 'ok' ? read.record : newTeam();
    this.draw();
  }

  /** Writes the comparison; when another tab changed it first, takes theirs and says so. */
  save(change, done) {
    const next = { ...this.team, people: [...this.team.people], agreed: Object.assign(Object.create(null), this.team.agreed) };
    change(next);
    const written = this.store.write(next, this.team.revision);
    if (written.ok) {
      this.team = validateTeam(this.def, written.record).record;
      this.draw();
      if (done) this.session.say(done);
      return true;
    }
    this.load();
    this.session.say(written.conflict ? 'Another tab changed the comparison first: it is shown now. Do it again if you still need to.'
      : `Not saved: ${written.error ? 'this browser refused to store it (it may be full or in private mode)' : 'what is stored could not be read'}.`, 'error');
    return false;
  }

  importForm() {
    const form = this.root.querySelector('[data-team-import]');
    const role = form.querySelector('#team-role');
    const file = form.querySelector('#team-file');
    role.maxLength = MAX_ROLE + 20;
    const fields = { role, file };
    const clear = () => {
      for (const input of [role, file]) {
        input.closest('.form-group').classList.remove('form-group--error');
        input.classList.remove('input--error', 'file-upload--error');
        input.closest('.form-group').querySelector('.error-message').hidden = true;
      }
      showErrorSummary(this.slot, []);
    };
    const fail = (errors) => {
      for (const [name, input] of Object.entries(fields)) {
        const mine = errors.filter((e) => e.field === name);
        if (!mine.length) continue;
        input.closest('.form-group').classList.add('form-group--error');
        input.classList.add(name === 'file' ? 'file-upload--error' : 'input--error');
        const message = input.closest('.form-group').querySelector('.error-message');
        message.hidden = false;
        message.replaceChildren(h('span', { class: 'visually-hidden', text: 'Error: ' }), mine[0].message);
      }
      showErrorSummary(this.slot, errors.map((e) => ({ target: fields[e.field].id, message: e.message })));
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear();
      if (this.unreadable) return fail([{ field: 'file', message: `The comparison saved in this browser cannot be read (${this.unreadable}), so nothing can be added. Delete all imported files first` }]);
      const chosen = file.files[0];
      if (!chosen) return fail([{ field: 'file', message: 'Select an answers file to add' }]);
      if (chosen.size > 1_000_000) return fail([{ field: 'file', message: `The file is too large (${Math.round(chosen.size / 1024)} KB). An answers file is a few KB; check you chose the right file` }]);
      const result = readPerson(this.def, this.team, await chosen.text(), { role: role.value, fileName: chosen.name });
      if (!result.ok) return fail(result.errors);
      if (this.save((t) => { t.people.push(result.person); }, `Added ${result.person.role}'s answers at ${timeOf(new Date().toISOString())}.`)) {
        role.value = '';
        file.value = '';
      }
    });
  }

  deleteAll() {
    const container = this.root.querySelector('[data-team-delete]');
    const button = container.querySelector('[data-action="team-delete"]');
    button.addEventListener('click', () => confirmThen(container, button,
      { question: 'Delete every imported file and the agreed answers from this browser?', yes: 'Yes, delete them', no: 'No, keep them' }, () => {
        const removed = this.store.remove();
        if (!removed.ok) { this.session.say('This browser did not let the site delete them. Try again, or clear the site\'s data in the browser\'s settings.', 'error'); return; }
        this.load();
        this.session.say('Deleted every imported file and the agreed answers from this browser.');
        this.main.querySelector('h1').focus?.();
      }));
  }

  draw() {
    const people = this.team.people;
    fill(this.peopleSlot,
      h('h2', { text: `People compared (${people.length})` }),
      this.unreadable ? h('p', { class: 'notice notice--error', text: `The comparison saved in this browser cannot be read (${this.unreadable}). Delete all imported files to start again.` }) : null,
      people.length === 0 ? h('p', { text: 'No answers added yet. Add at least two people\'s files to compare them.' }) : this.peopleTable(people));
    if (people.length === 0) { this.resultsSlot.replaceChildren(); return; }
    const summary = this.rules.aggregate(teamInput(this.def, this.scoring.presentation, people));
    const agreed = agreedAnswers(summary, this.team.agreed);
    this.agreed = agreed;
    this.summary = summary;
    this.agreedFile = exportable(this.def, agreedRecord(this.def, people, agreed, summary.baseline));
    fill(this.resultsSlot, ...this.summaryPanel(summary), ...this.ratings(people), ...this.questionsPart(summary, agreed, people), ...this.agreedPart());
  }

  peopleTable(people) {
    const total = comparedQuestions(this.def).length;
    return h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'People compared', tabindex: '0' },
      h('table', { class: 'team-people' },
        h('caption', { class: 'visually-hidden', text: 'People whose answers are compared' }),
        h('thead', {}, h('tr', {}, ['Role and file', 'Answered', 'Saved'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, people.map((p, i) => {
          const answered = comparedQuestions(this.def).filter((q) => typeof p.file.answers[q.id]?.value === 'string').length;
          const remove = h('button', { type: 'button', class: 'button button--secondary', text: 'Remove' },
            h('span', { class: 'visually-hidden', text: ` ${p.role}` }));
          remove.addEventListener('click', () => this.save((t) => { t.people.splice(i, 1); }, `Removed ${p.role}'s answers.`));
          return h('tr', {},
            h('th', { scope: 'row' }, p.role,
              p.fileName || p.migrated ? h('span', { class: 'team-people__file', text: p.fileName + (p.migrated ? ` (moved on from version ${p.migrated})` : '')
                  + (p.unmapped ? ` (${p.unmapped} answer${p.unmapped === 1 ? '' : 's'} matching no question of this version, left out)` : '') }) : null,
              remove),
            h('td', { text: `${answered} of ${total}` }),
            h('td', { text: shortDateTime(p.file.updatedAt) }));
        }))));
  }

  summaryPanel(summary) {
    const flagged = summary.items.filter((i) => i.discuss);
    return [
      h('h2', { text: 'Where you differ' }),
      h('p', { text: flagged.length === 0
        ? `Nobody's answers differ by 2 or more points on any of the ${summary.items.length} questions.`
        : `${flagged.length} of ${summary.items.length} questions to discuss: answers 2 or more points apart, or some people left the question out of the score.` }),
      flagged.length ? h('ul', { class: 'link-list' }, flagged.map((i) => h('li', {}, h('a', { href: `#${this.anchor(i.id)}`, text: this.questionLabel(i.id) })))) : null,
    ];
  }

  /** The rating each person's answers give, by group and overall, beside those of the agreed answers (a column per person). */
  ratings(people) {
    const layout = this.scoring.presentation.result;
    const columns = people.map((p) => ({ label: p.role, result: this.scoring.score(p.file) }))
      .concat([{ label: 'Agreed answers', result: this.scoring.score(this.agreedFile), agreed: true }]);
    const groups = columns[0].result[layout.groupsField];
    const cell = (c, text) => h('td', c.agreed ? { 'data-agreed': '', text } : { text });
    return [
      h('h2', { text: 'What each person\'s answers give' }),
      h('p', { text: 'Each column is the self-assessed result of one person\'s answers, scored by the same rules as the results page; the last column is the result of the agreed answers below.' }),
      h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Results by person', tabindex: '0' },
        h('table', { class: 'team-ratings', 'data-team-ratings': '' },
          h('caption', { text: `${layout.bandHeading} by ${layout.groupLabel.toLowerCase()}, person by person` }),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: layout.groupLabel }), columns.map((c) => h('th', c.agreed ? { scope: 'col', 'data-agreed': '', text: c.label } : { scope: 'col', text: c.label })))),
          h('tbody', {},
            groups.map((g, i) => h('tr', {}, h('th', { scope: 'row', text: g.name }), columns.map((c) => cell(c, c.result[layout.groupsField][i][layout.labelField])))),
            h('tr', { 'data-overall-row': '' }, h('th', { scope: 'row', text: 'Overall' }), columns.map((c) => cell(c, c.result.overall[layout.labelField])))))),
    ];
  }

  anchor(id) { return `team-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`; }

  questionLabel(id) {
    const q = comparedQuestions(this.def).find((x) => x.id === id);
    return q ? `${q.number ? `${q.number}. ` : ''}${q.text}` : id;
  }

  questionsPart(summary, agreed, people) {
    const byId = new Map(summary.items.map((i) => [i.id, i]));
    const parts = [h('h2', { text: 'Question by question' }),
      h('p', { text: 'Each question shows how many people gave each answer and their notes. The agreed answer starts at the median (the lower of the two middle answers when the team is split evenly); change it to what you agree.' })];
    for (const section of this.def.sections) {
      const list = section.questions.filter((q) => q.scored && byId.has(q.id));
      if (!list.length) continue;
      parts.push(h('h3', { text: section.title }));
      for (const q of list) parts.push(this.question(q, byId.get(q.id), agreed, people));
    }
    return parts;
  }

  question(q, item, agreed, people) {
    const id = this.anchor(q.id);
    const who = (value) => people.filter((p) => p.file.answers[q.id]?.value === value).map((p) => p.role).join(', ');
    const counts = item.scores.concat(item.other).filter((c) => c.count > 0);
    const select = h('select', { class: 'select', id: `${id}-agreed`, name: `${id}-agreed`, 'data-agreed': q.id },
      h('option', { value: '', text: 'No answer' }),
      q.options.concat(item.other.filter((o) => !q.options.some((x) => x.value === o.value)).map((o) => ({ value: o.value, label: o.label })))
        .map((o) => h('option', { value: o.value, text: o.label })));
    select.value = agreed[q.id] ?? '';
    select.addEventListener('change', () => {
      const value = select.value;
      this.save((t) => { t.agreed[q.id] = value; }, `Agreed answer to question ${q.number || q.id} saved.`);
      document.getElementById(`${id}-agreed`)?.focus();
    });
    const notes = people.filter((p) => p.file.answers[q.id]?.note).map((p) => h('li', {}, h('strong', { text: `${p.role}: ` }), p.file.answers[q.id].note));
    return h('section', { class: `team-question${item.discuss ? ' team-question--discuss' : ''}`, id, 'aria-labelledby': `${id}-title`, 'data-team-question': q.id },
      h('h4', { id: `${id}-title` }, this.questionLabel(q.id), item.discuss ? h('strong', { class: 'tag tag--discuss', text: 'Discuss' }) : null),
      item.reasons.length ? h('ul', { class: 'team-question__reasons' }, item.reasons.map((r) => h('li', { text: r.text }))) : null,
      item.unanswered === people.length ? h('p', { text: 'Nobody answered this question.' }) : h('table', { class: 'results-table team-question__table' },
        h('caption', { class: 'visually-hidden', text: `Answers to question ${q.number || q.id}` }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Answer' }), h('th', { scope: 'col', text: 'People' }), h('th', { scope: 'col', text: 'Who' }))),
        h('tbody', {}, counts.map((c) => h('tr', {}, h('th', { scope: 'row', text: c.label }), h('td', { text: String(c.count) }), h('td', { text: who(c.value) }))),
          item.unanswered ? h('tr', {}, h('th', { scope: 'row', text: 'No answer' }), h('td', { text: String(item.unanswered) }), h('td', { text: people.filter((p) => typeof p.file.answers[q.id]?.value !== 'string').map((p) => p.role).join(', ') })) : null)),
      item.unanswered === people.length ? null : h('p', { class: 'team-question__facts', text: item.median === null ? 'Nobody scored this question.'
        : `Median ${item.scores.find((s) => s.value === item.median).label}; ${item.spread === 0 ? 'everyone who scored it agrees' : `from ${item.scores.find((s) => s.value === item.lowest).label} to ${item.scores.find((s) => s.value === item.highest).label}`}.` }),
      notes.length ? h('div', {}, h('p', { class: 'team-question__notes-title', text: 'Notes' }), h('ul', { class: 'team-question__notes' }, notes)) : null,
      h('div', { class: 'form-group' },
        h('label', { class: 'label', for: `${id}-agreed`, text: 'Agreed answer' }),
        select));
  }

  agreedPart() {
    const json = h('button', { type: 'button', class: 'button', 'data-action': 'team-download', text: 'Download the agreed answers (JSON)' });
    const use = h('button', { type: 'button', class: 'button button--secondary', 'data-action': 'team-use', text: 'Make them this browser\'s answers' });
    const container = h('div', { class: 'button-group' }, json, use);
    json.addEventListener('click', () => {
      download(datedName(`${this.def.id}-agreed-answers`, 'json'), toJson(this.agreedFile), 'application/json');
      this.session.say(`Downloaded the agreed answers at ${timeOf(new Date().toISOString())}.`);
    });
    use.addEventListener('click', () => this.answersState === 'corrupt'
      ? this.session.say('The answers saved in this browser cannot be read, so they were not replaced. Open “Your saved answers” to download or clear them first.', 'error')
      : confirmThen(container, use,
      { question: 'Replace the answers saved in this browser with the agreed answers?', yes: 'Yes, replace them', no: 'No, keep mine' }, () => {
        const written = this.session.replace(agreedRecord(this.def, this.team.people, this.agreed, this.summary.baseline));
        if (!written.ok) { this.session.say(written.message, 'error'); return; }
        container.after(h('p', { class: 'notice notice--success', role: 'status' }, 'The agreed answers are now this browser\'s answers. ',
          h('a', { href: this.def.urls.results, text: 'See the results' }), '.'));
        this.session.say(`The agreed answers were saved as this browser's answers at ${timeOf(new Date().toISOString())}.`);
      }));
    const differ = this.summary.baselinesDiffer;
    return [
      h('h2', { text: 'The agreed answers' }),
      differ ? h('p', { class: 'notice notice--warning', text: 'The files start from different last published scores, so the agreed answers have none: “keep the last published score” counts as not assessed. Enter the scores on the “last published scores” page once the agreed answers are this browser\'s answers.' }) : null,
      h('p', { text: 'The agreed answers are a normal answers file: import it, score it with cqcguide score, print its results, or keep it with your self-assessment history.' }),
      container,
    ];
  }
}
