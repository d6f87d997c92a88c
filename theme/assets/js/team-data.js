// The team page's data, with no DOM and no storage (unit-tested in Jint): the imported files as this browser keeps
// them, the input of the compiled team rules, and the agreed answers as a normal answers file. What is compared,
// the median, the "discuss" flags and the answer an agreement starts from are the rules' (team-assessment module).

import { emptyMap, newRecord, questions, readImport } from './answers.js';

export const TEAM_STORE = 'cqcguide.team/1';
/** The most files one comparison holds (a team, not a survey). */
export const MAX_PEOPLE = 50;
/** The longest role kept. */
export const MAX_ROLE = 60;

/** An empty comparison. */
export function newTeam() {
  return { store: TEAM_STORE, revision: 0, people: [], agreed: emptyMap() };
}

/**
 * A role as typed, on one line: control characters and line breaks become spaces, invisible format characters
 * (zero-width and bidirectional overrides, which could make one role read as another) are dropped, white space is
 * collapsed; '' when none is left.
 */
export function cleanRole(text) {
  return String(text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ').trim();
}

/** The label of a new person: the role typed, else the file's "completed by", else "Person n" (n not yet used). */
export function roleFor(team, typed, completedBy) {
  const role = cleanRole(typed) || cleanRole(completedBy).slice(0, MAX_ROLE);
  if (role) return role;
  const taken = new Set(team.people.map((p) => p.role));
  let n = team.people.length + 1;
  while (taken.has(`Person ${n}`)) n++;
  return `Person ${n}`;
}

/**
 * Checks a file before it joins the comparison: the single import's own checks and migration (readImport), then that
 * it is not already there. Returns { ok: false, errors } or { ok: true, person }.
 */
export function readPerson(def, team, text, { role, fileName }) {
  const errors = [];
  const typed = cleanRole(role);
  if (typed.length > MAX_ROLE) errors.push({ field: 'role', message: `The role must be ${MAX_ROLE} characters or fewer` });
  if (team.people.length >= MAX_PEOPLE) errors.push({ field: 'file', message: `A comparison holds at most ${MAX_PEOPLE} people's answers. Remove one first` });
  const read = readImport(def, text);
  if (!read.ok) return { ok: false, errors: errors.concat(read.errors.map((message) => ({ field: 'file', message }))) };
  const same = team.people.find((p) => JSON.stringify(p.file.answers) === JSON.stringify(read.file.answers) && p.file.createdAt === read.file.createdAt);
  if (same) errors.push({ field: 'file', message: `This file is already in the comparison, as “${same.role}”` });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    person: { role: roleFor(team, typed, read.completedBy), fileName: String(fileName ?? '').slice(0, 200), file: read.file, migrated: read.migrated,
      unmapped: read.unmapped.length },
  };
}

/** Checks a comparison read back from storage: every file passes the import's checks again. */
export function validateTeam(def, value) {
  if (value.store !== TEAM_STORE || !Array.isArray(value.people) || !value.agreed || typeof value.agreed !== 'object') {
    return { ok: false, reason: 'the saved comparison is not in the expected shape' };
  }
  const people = [];
  for (const p of value.people) {
    if (!p || typeof p.role !== 'string' || !p.file) return { ok: false, reason: 'a saved person has no role or file' };
    const read = readImport(def, JSON.stringify(p.file));
    if (!read.ok) return { ok: false, reason: `the saved file of “${p.role}” cannot be read: ${read.errors[0]}` };
    people.push({ role: p.role, fileName: typeof p.fileName === 'string' ? p.fileName : '', file: read.file,
      migrated: typeof p.migrated === 'string' ? p.migrated : read.migrated, unmapped: Number.isInteger(p.unmapped) ? p.unmapped : read.unmapped.length });
  }
  const agreed = emptyMap();
  for (const id of Object.keys(value.agreed)) if (typeof value.agreed[id] === 'string') agreed[id] = value.agreed[id];
  return { ok: true, record: { ...value, people, agreed } };
}

/** The scored questions the team compares, in the page's order. */
export function comparedQuestions(def) {
  return questions(def).filter((q) => q.scored);
}

/** The compiled team rules' input: the scoring model's answer options, the questions, each person's answers and baseline. */
export function teamInput(def, presentation, people) {
  return {
    answers: presentation.answers,
    keep: presentation.baseline ? presentation.baseline.keep : null,
    items: comparedQuestions(def).map((q) => q.id),
    members: people.map((p) => {
      const answers = emptyMap();
      for (const id of Object.keys(p.file.answers)) if (typeof p.file.answers[id].value === 'string') answers[id] = p.file.answers[id].value;
      return { answers, baseline: p.file.baseline ?? null };
    }),
  };
}

/** The agreed answer of each question: what the team chose, else where the rules start ('' is "no answer"). */
export function agreedAnswers(summary, agreed) {
  const result = emptyMap();
  for (const item of summary.items) {
    const chosen = Object.prototype.hasOwnProperty.call(agreed, item.id) ? agreed[item.id] : (item.consensus ?? '');
    if (chosen !== '') result[item.id] = chosen;
  }
  return result;
}

/**
 * The agreed answers as this browser's stored record (so they export, score and print like any other answers): the
 * answers, the baseline the files share (the team rules' shared-baseline: `summary.baseline`, so a kept score counts as
 * it did in each person's answers), and "completed by" naming the roles compared.
 */
export function agreedRecord(def, people, answers, baseline, now = new Date().toISOString()) {
  const record = newRecord(def, now);
  for (const id of Object.keys(answers)) record.file.answers[id] = { value: answers[id] };
  if (baseline) {
    const scores = emptyMap();
    for (const id of Object.keys(baseline.scores)) scores[id] = baseline.scores[id];
    record.file.baseline = { publishedOn: baseline.publishedOn ?? null, scores };
  }
  record.progress.completedBy = `Agreed by ${people.map((p) => p.role).join(', ')}`.slice(0, 200);
  return record;
}
