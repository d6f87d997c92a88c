// The answers file ("cqcguide.answers/2"; files in "cqcguide.answers/1" are read and moved on) as the browser keeps it: build, validate, migrate, import and export.
// Answer maps are prototype-free objects, so keys such as "__proto__" from an imported file stay plain data.
// No DOM and no storage here: these functions are unit-tested in Jint (tests/CqcGuide.Site.Tests/Theme).
//
// Two reserved key prefixes in "extra" carry what the answers format has no field for, so that a downloaded file
// restores everything and `cqcguide score` still reads it: "unmapped/<id>" (answers that match no question of this
// version) and "notes/<id>" (a note on a question that has no answer yet); "progress/completed" lists the sections
// the team marked complete (space-separated ids), and "progress/completed-by" who completed the self-assessment (as the
// results page's printout names them).

import { readPlan, exportablePlan, isDay } from './plan.js';

/** @typedef {import('./definition.js').AssessmentDefinition} AssessmentDefinition */
/** @typedef {import('./definition.js').Question} Question */

export const FORMAT = 'cqcguide.answers/2';

/** The formats this page reads: its own and the first one (the same envelope without a baseline). */
export const READS = [FORMAT, 'cqcguide.answers/1'];
export const STORE_FORMAT = 'cqcguide.store/1';
export const MAX_IMPORT_BYTES = 1_000_000;
const PROGRESS_KEY = 'progress/completed';
const COMPLETED_BY_KEY = 'progress/completed-by';
/** The longest "completed by" kept (names and roles of a team). */
export const MAX_COMPLETED_BY = 200;

export function emptyMap() {
  return Object.create(null);
}

/** Copies own entries of an untrusted object into a prototype-free map. */
function mapOf(object) {
  const map = emptyMap();
  if (object && typeof object === 'object' && !Array.isArray(object)) {
    for (const key of Object.keys(object)) map[key] = object[key];
  }
  return map;
}

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string';
const isOptionalText = (v) => v === undefined || v === null || typeof v === 'string';
const isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** @returns {(Question & { section: import('./definition.js').Section })[]} every question, in order */
export function questions(def) {
  return def.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s })));
}

/** A new stored record: the answers file plus progress (which sections the team marked complete). */
export function newRecord(def, now = new Date().toISOString()) {
  return {
    store: STORE_FORMAT,
    file: {
      format: FORMAT,
      assessment: { id: def.id, version: def.version },
      model: { id: def.model.id, version: def.model.version },
      createdAt: now,
      updatedAt: now,
      revision: 0,
      answers: emptyMap(),
      extra: emptyMap(),
      plan: [],
    },
    progress: { completed: [], lastSection: null, lastExportedAt: null, completedBy: '' },
    unmapped: [],
    revision: 0,
    updatedAt: now,
  };
}

/** The scores a baseline may hold: CQC's 1 to 4. */
const BASELINE_SCORES = ['1', '2', '3', '4'];

/**
 * A file's baseline (the scores of the last published report it starts from), checked as the answers parser checks
 * it: { baseline } (null when there is none) or { error }. Only an assessment whose definition offers a baseline takes one.
 */
export function readBaseline(def, raw) {
  if (raw === undefined || raw === null) return { baseline: null };
  if (!def.baseline) return { error: 'this assessment does not start from published scores, so the file\'s last published scores cannot be used' };
  if (!isObject(raw) || !isObject(raw.scores)) return { error: 'its last published scores are not in the expected shape' };
  if (raw.publishedOn !== undefined && raw.publishedOn !== null && !isDay(raw.publishedOn)) return { error: 'the date of its last published report is not a date written YYYY-MM-DD' };
  const scored = new Set(questions(def).filter((q) => q.scored).map((q) => q.id));
  const scores = emptyMap();
  for (const id of Object.keys(raw.scores)) {
    if (!scored.has(id)) return { error: `its last published scores include "${id}", which is not a statement of this assessment` };
    if (!BASELINE_SCORES.includes(raw.scores[id])) return { error: `its last published score for "${id}" is not 1, 2, 3 or 4` };
    scores[id] = raw.scores[id];
  }
  return { baseline: { publishedOn: raw.publishedOn || null, scores } };
}

/** Restores prototype-free maps after JSON.parse of a stored record. */
export function revive(record) {
  record.file.format = FORMAT;
  record.file.answers = mapOf(record.file.answers);
  record.file.extra = mapOf(record.file.extra);
  if (!Array.isArray(record.file.plan)) record.file.plan = [];
  record.progress = record.progress || { completed: [], lastSection: null, lastExportedAt: null };
  record.progress.completed = Array.isArray(record.progress.completed) ? record.progress.completed : [];
  if (record.progress.lastSection === undefined) record.progress.lastSection = null;
  if (record.progress.lastExportedAt === undefined) record.progress.lastExportedAt = null;
  if (typeof record.progress.completedBy !== 'string') record.progress.completedBy = '';
  record.unmapped = Array.isArray(record.unmapped) ? record.unmapped : [];
  return record;
}

function answerMapProblem(map, name) {
  if (!isObject(map)) return `its ${name} are not a set of answers`;
  for (const id of Object.keys(map)) {
    const a = map[id];
    if (!isObject(a)) return `the ${name} to "${id}" is not in the expected shape`;
    if (a.value !== undefined && a.value !== null && !isText(a.value)) return `the ${name} to "${id}" has a value that is not text`;
    if (!isOptionalText(a.note)) return `the note on "${id}" is not text`;
  }
  return null;
}

/**
 * Checks a record read from browser storage as strictly as an import: any wrong shape (no file, a number where a
 * list belongs, answers that are not text...) is reported, so the page shows the "could not be read" panel and keeps
 * the data aside instead of failing to start. Returns { ok: true, record } (revived) or { ok: false, reason }.
 */
export function validateStored(def, value) {
  const fail = (reason) => ({ ok: false, reason: `the saved data is not in the expected shape: ${reason}` });
  if (!isObject(value)) return fail('it is not an object');
  if (!Number.isInteger(value.revision) || value.revision < 0) return fail('it has no valid revision number');
  if (value.store !== undefined && value.store !== STORE_FORMAT) return fail(`it is in another format ("${String(value.store)}")`);
  if (value.updatedAt !== undefined && !isTime(value.updatedAt)) return fail('its save time is not a date and time');
  const file = value.file;
  if (!isObject(file)) return fail('it holds no answers file');
  if (!READS.includes(file.format)) return fail('its answers file has no valid format');
  if (!isObject(file.assessment) || file.assessment.id !== def.id || !isText(file.assessment.version)) return fail(`it is not for "${def.id}"`);
  if (!isObject(file.model) || !isText(file.model.id)) return fail('it names no scoring model');
  for (const field of ['createdAt', 'updatedAt']) if (file[field] !== undefined && !isTime(file[field])) return fail(`its "${field}" is not a date and time`);
  const problem = answerMapProblem(file.answers, 'answers') || (file.extra === undefined ? null : answerMapProblem(file.extra, 'extra answers'));
  if (problem) return fail(problem);
  const plan = readPlan(def, file.plan, { draft: true });
  if (plan.error) return fail(plan.error);
  const baseline = readBaseline(def, file.baseline);
  if (baseline.error) return fail(baseline.error);
  if (file.options !== undefined && (!isObject(file.options) || (file.options.applyLimiters !== undefined && file.options.applyLimiters !== null && typeof file.options.applyLimiters !== 'boolean'))) return fail('its scoring options are not valid');
  const progress = value.progress;
  if (progress !== undefined && progress !== null) {
    if (!isObject(progress)) return fail('its progress is not valid');
    if (progress.completed !== undefined && (!Array.isArray(progress.completed) || !progress.completed.every(isText))) return fail('its list of completed sections is not a list of sections');
    if (!isOptionalText(progress.lastSection)) return fail('its last section is not valid');
    if (progress.lastExportedAt !== undefined && progress.lastExportedAt !== null && !isTime(progress.lastExportedAt)) return fail('its last download time is not a date and time');
    if (!isOptionalText(progress.completedBy)) return fail('its “completed by” is not text');
  }
  if (value.unmapped !== undefined && (!Array.isArray(value.unmapped)
    || !value.unmapped.every((u) => isObject(u) && isText(u.id) && isText(u.value) && isOptionalText(u.note) && isOptionalText(u.reason)))) {
    return fail('its unmatched answers are not valid');
  }
  return { ok: true, record: revive({ ...value, file: { ...file, plan: plan.plan, baseline: baseline.baseline ?? undefined } }) };
}

/** The answer to a question (model questions in answers, extra questions in extra), or undefined. */
export function answerOf(record, question) {
  const map = question.scored ? record.file.answers : record.file.extra;
  return Object.hasOwn(map, question.id) ? map[question.id] : undefined;
}

export function setAnswer(record, question, value, note) {
  const map = question.scored ? record.file.answers : record.file.extra;
  const current = Object.hasOwn(map, question.id) ? map[question.id] : {};
  const next = { value: value === undefined ? current.value : value, note: note === undefined ? current.note : note };
  if (next.note === '' || next.note === null) delete next.note;
  if (next.value === undefined || next.value === null) delete next.value;
  if ((next.value === undefined || next.value === '') && next.note === undefined) delete map[question.id];
  else map[question.id] = next;
}

/** Whether a question is shown: its show_if condition holds and the question it depends on is shown. */
export function isVisible(def, record, question, seen = new Set()) {
  if (!question.showIf) return true;
  if (seen.has(question.id)) return false;
  seen.add(question.id);
  const parent = questions(def).find((q) => q.id === question.showIf.question);
  if (!parent || !isVisible(def, record, parent, seen)) return false;
  const answer = answerOf(record, parent);
  return Boolean(answer && question.showIf.in.includes(answer.value));
}

export function isAnswered(record, question) {
  const answer = answerOf(record, question);
  return Boolean(answer && answer.value !== undefined && answer.value !== '');
}

/** The questions a team sees now: hidden follow-up questions are not counted (as on the start and task pages). */
export function visibleQuestions(def, record, list = questions(def)) {
  return list.filter((q) => isVisible(def, record, q));
}

/** { answered, total } over the questions shown now. */
export function progressCounts(def, record) {
  const shown = visibleQuestions(def, record);
  return { answered: shown.filter((q) => isAnswered(record, q)).length, total: shown.length };
}

/** Section status for the task list: "Completed", "In progress" or "Not started". */
export function sectionStatus(def, record, section) {
  const visible = section.questions.filter((q) => isVisible(def, record, q));
  const answered = visible.filter((q) => isAnswered(record, q));
  const required = visible.filter((q) => q.input === 'choice');
  if (record.progress.completed.includes(section.id) && required.every((q) => isAnswered(record, q))) return 'Completed';
  return answered.length > 0 || record.progress.completed.includes(section.id) ? 'In progress' : 'Not started';
}

function sortedMap(map, keep) {
  const out = {};
  for (const key of Object.keys(map).sort()) {
    if (!keep(key)) continue;
    const { value, note } = map[key];
    if (value === undefined || value === null) continue;
    out[key] = note === undefined || note === null ? { value } : { value, note };
  }
  return out;
}

/**
 * The file to export or score: answers to hidden questions are left out (they stay in the draft), answers that no
 * longer map to a question (after a new version) travel in "extra" under "unmapped/<old id>", a note on a question
 * not answered yet under "notes/<id>", and the sections marked complete under "progress/completed", so nothing is
 * lost and the file still scores. "updatedAt" is the time of the last save.
 */
export function exportable(def, record) {
  const byId = new Map(questions(def).map((q) => [q.id, q]));
  const visible = (id) => !byId.has(id) || isVisible(def, record, byId.get(id));
  const file = record.file;
  const extra = sortedMap(file.extra, visible);
  for (const map of [file.answers, file.extra]) {
    for (const id of Object.keys(map).sort()) {
      const a = map[id];
      if ((a.value === undefined || a.value === null) && a.note && visible(id)) extra[`notes/${id}`] = { value: '', note: a.note };
    }
  }
  for (const u of record.unmapped) extra[`unmapped/${u.id}`] = u.note ? { value: u.value, note: u.note } : { value: u.value };
  const completed = def.sections.map((s) => s.id).filter((id) => record.progress.completed.includes(id));
  if (completed.length) extra[PROGRESS_KEY] = { value: completed.join(' ') };
  if (record.progress.completedBy) extra[COMPLETED_BY_KEY] = { value: record.progress.completedBy };
  const out = {
    format: FORMAT,
    assessment: { id: def.id, version: def.version },
    model: { id: def.model.id, version: def.model.version },
    createdAt: file.createdAt,
    updatedAt: record.revision > 0 && isTime(record.updatedAt) ? record.updatedAt : file.updatedAt,
    revision: record.revision,
    answers: sortedMap(file.answers, (id) => byId.has(id) && visible(id)),
  };
  if (Object.keys(extra).length) out.extra = extra;
  if (file.baseline && Object.keys(file.baseline.scores).length) {
    out.baseline = { ...(file.baseline.publishedOn ? { publishedOn: file.baseline.publishedOn } : {}), scores: Object.fromEntries(Object.keys(file.baseline.scores).sort().map((id) => [id, file.baseline.scores[id]])) };
  }
  if (file.options) out.options = file.options;
  if (file.plan && file.plan.length) out.plan = exportablePlan(file.plan);
  return out;
}

export function toJson(file) {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** CSV column headings people read; the question and section ids stay as columns of their own. */
export const CSV_HEADINGS = ['Assessment', 'Assessment version', 'Section', 'Section ID', 'Question number', 'Question', 'Question ID',
  'Scored', 'Answer', 'Answer value', 'Note'];

/** Stable CSV columns: one row per question shown, in the assessment's order. */
export function toCsvRows(def, record) {
  const rows = [CSV_HEADINGS];
  for (const q of questions(def)) {
    if (!isVisible(def, record, q)) continue;
    const answer = answerOf(record, q);
    const value = answer ? answer.value ?? '' : '';
    const option = q.options.find((o) => o.value === value);
    rows.push([def.title, def.version, q.section.title, q.section.id, q.number || '', q.text, q.id, q.scored ? 'Yes' : 'No',
      option ? option.label : value, value, answer && answer.note ? answer.note : '']);
  }
  return rows;
}

/**
 * Checks an imported file before anything changes. Returns { ok: false, errors: [...] } with messages a team can
 * act on, or { ok: true, file, unmapped, completed, migrated, answered } where unmapped answers are listed, never
 * dropped, and completed is the list of sections the file marks complete.
 */
export function readImport(def, text) {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [`The file is too large (${Math.round(text.length / 1024)} KB). An answers file is a few KB; check you chose the right file.`] };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not an answers file: it is not valid JSON. Choose the .json file you downloaded from this assessment.'] };
  }
  if (!isObject(data)) {
    return { ok: false, errors: ['The file is not an answers file: it does not contain a set of answers.'] };
  }
  if (!READS.includes(data.format)) {
    return { ok: false, errors: [typeof data.format === 'string'
      ? `The file is in a format this site cannot read ("${data.format}"). It reads "${FORMAT}".`
      : 'The file is not a CqcGuide answers file (it has no "format").'] };
  }
  const assessment = isObject(data.assessment) ? data.assessment : {};
  if (assessment.id !== def.id) {
    return { ok: false, errors: [`The file holds answers to another assessment ("${String(assessment.id)}"), not to "${def.title}". Import it on that assessment's page.`] };
  }
  const model = isObject(data.model) ? data.model : {};
  if (model.id !== def.model.id) {
    return { ok: false, errors: [`The file was scored with another model ("${String(model.id)}"), not ${def.model.id}.`] };
  }
  const errors = [];
  if (typeof data.revision !== 'number' || !Number.isInteger(data.revision) || data.revision < 0) errors.push('The file has no valid revision number.');
  for (const field of ['createdAt', 'updatedAt']) {
    if (!isTime(data[field])) errors.push(`The file's "${field}" is not a date and time.`);
  }
  if (!isObject(data.answers)) errors.push('The file has no "answers".');
  const plan = readPlan(def, data.plan);
  if (plan.error) errors.push(`The file cannot be imported: ${plan.error}.`);
  // As the answers parser: the first format has no baseline.
  const baseline = data.format !== FORMAT && data.baseline !== undefined
    ? { error: `a "${data.format}" file has no last published scores (they came with "${FORMAT}")` } : readBaseline(def, data.baseline);
  if (baseline.error) errors.push(`The file cannot be imported: ${baseline.error}.`);
  if (errors.length) return { ok: false, errors };

  const byId = new Map(questions(def).map((q) => [q.id, q]));
  const sectionIds = new Set(def.sections.map((s) => s.id));
  const answers = emptyMap();
  const extra = emptyMap();
  const unmapped = [];
  let completed = [];
  let completedBy = '';
  const consider = (id, raw, fromExtra) => {
    if (!isObject(raw) || typeof raw.value !== 'string' || !isOptionalText(raw.note)) {
      unmapped.push({ id, value: JSON.stringify(raw) ?? '', note: null, reason: 'the answer is not in the expected shape' });
      return;
    }
    const note = typeof raw.note === 'string' && raw.note !== '' ? raw.note : undefined;
    if (fromExtra && id === PROGRESS_KEY) {
      completed = raw.value.split(/\s+/).filter((s) => sectionIds.has(s));
      return;
    }
    if (fromExtra && id === COMPLETED_BY_KEY) {
      completedBy = raw.value.trim().slice(0, MAX_COMPLETED_BY);
      return;
    }
    if (fromExtra && id.startsWith('unmapped/')) {
      unmapped.push({ id: id.slice('unmapped/'.length), value: raw.value, note: note ?? null, reason: 'it was already unmapped in the file' });
      return;
    }
    if (fromExtra && id.startsWith('notes/') && byId.has(id.slice('notes/'.length)) && raw.value === '' && note !== undefined) {
      const q = byId.get(id.slice('notes/'.length));
      const map = q.scored ? answers : extra;
      if (!map[q.id]) map[q.id] = { note };
      return;
    }
    const q = byId.get(id);
    if (!q) {
      unmapped.push({ id, value: raw.value, note: note ?? null, reason: 'no question has this id in this version' });
      return;
    }
    if (q.input === 'choice' && !q.options.some((o) => o.value === raw.value)) {
      unmapped.push({ id, value: raw.value, note: note ?? null, reason: `"${raw.value}" is not one of this question's answers` });
      return;
    }
    (q.scored ? answers : extra)[id] = note === undefined ? { value: raw.value } : { value: raw.value, note };
  };
  for (const id of Object.keys(data.answers)) consider(id, data.answers[id], false);
  if (isObject(data.extra)) {
    for (const id of Object.keys(data.extra)) consider(id, data.extra[id], true);
  }
  const file = {
    format: FORMAT,
    assessment: { id: def.id, version: def.version },
    model: { id: def.model.id, version: def.model.version },
    createdAt: data.createdAt,
    updatedAt: data.updatedAt,
    revision: data.revision,
    answers,
    extra,
    plan: plan.plan,
  };
  if (baseline.baseline) file.baseline = baseline.baseline;
  if (isObject(data.options) && typeof data.options.applyLimiters === 'boolean') file.options = { applyLimiters: data.options.applyLimiters };
  const isAnswer = (a) => a.value !== undefined;
  return {
    ok: true,
    file,
    unmapped,
    completed,
    completedBy,
    migrated: assessment.version !== def.version ? String(assessment.version) : null,
    answered: Object.values(answers).filter(isAnswer).length + Object.values(extra).filter(isAnswer).length,
  };
}

/** The stored record after "Replace my answers with this file": the file's answers, completion and unmapped list. */
export function importedRecord(current, result) {
  return {
    ...current,
    file: result.file,
    unmapped: result.unmapped,
    progress: { ...current.progress, completed: result.completed, completedBy: result.completedBy ?? '' },
  };
}

/** Brings a record saved against an older version of the assessment up to date; unmappable answers are listed. */
export function migrate(def, record) {
  if (record.file.assessment.version === def.version) return { record, migratedFrom: null, newlyUnmapped: [] };
  const answers = {};
  const extra = {};
  for (const [from, to] of [[record.file.answers, answers], [record.file.extra, extra]]) {
    for (const id of Object.keys(from)) {
      if (typeof from[id].value === 'string') to[id] = from[id];
      else if (from[id].note) extra[`notes/${id}`] = { value: '', note: from[id].note };
    }
  }
  // The plan is the team's own writing, not answers to map: it moves as it is (a draft plan may not pass an import's checks).
  const result = readImport(def, JSON.stringify({ ...record.file, answers, extra, plan: undefined }));
  if (!result.ok) return { record, migratedFrom: null, newlyUnmapped: [], errors: result.errors };
  const migratedFrom = record.file.assessment.version;
  record.file = { ...result.file, plan: record.file.plan ?? [], createdAt: record.file.createdAt, updatedAt: record.file.updatedAt, revision: record.file.revision };
  record.unmapped = record.unmapped.concat(result.unmapped);
  return { record, migratedFrom, newlyUnmapped: result.unmapped };
}

/**
 * The rules' next steps (result.nextSteps) as the results page lists them: each with its question, the label of its
 * score, the team's note and the answers to its follow-up questions (its plan). The order is the rules'.
 */
export function nextStepItems(def, record, steps) {
  const all = questions(def);
  const byId = new Map(all.map((q) => [q.id, q]));
  return (steps || []).filter((s) => byId.has(s.id)).map((s) => {
    const q = byId.get(s.id);
    const value = s.score === 0 ? (answerOf(record, q)?.value ?? '') : String(s.score);
    const option = q.options.find((o) => o.value === value);
    const plan = all.filter((f) => f.showIf?.question === q.id && !f.scored && isVisible(def, record, f))
      .map((f) => ({ question: f.text, answer: answerOf(record, f)?.value ?? '' }))
      .filter((p) => p.answer !== '');
    return {
      step: s, question: q,
      scoreLabel: s.score === 0 ? (option ? option.label : 'Not assessed') : (option ? option.label : `Scored ${s.score}`),
      kept: s.source === 'baseline',
      note: answerOf(record, q)?.note ?? '',
      plan,
    };
  });
}

/**
 * The draft learning log a next step starts (handed to /journal/draft/ through this browser's storage): a risk found by
 * the self-assessment, with the statement, the team's note and plan. The team writes the rest.
 */
export function nextStepDraft(def, item, today) {
  const lines = [`Our self-assessment (${def.title}) scored “${item.question.text}” ${item.scoreLabel.toLowerCase()}.`];
  if (item.note) lines.push(`Our note: ${item.note}`);
  for (const p of item.plan) lines.push(`${p.question} ${p.answer}`);
  return {
    // A CQC statement is a short name ("Learning culture"); another model's statement is a sentence, so it is quoted.
    title: def.model.cqc
      ? `Improving ${item.question.text.charAt(0).toLowerCase()}${item.question.text.slice(1)}`
      : `Self-assessment: ${item.question.text.length > 150 ? `${item.question.text.slice(0, 149)}…` : item.question.text}`,
    event_type: 'risk',
    identified: today,
    occurred: today,
    summary: lines.join(' '),
    quality_statements: def.model.cqc ? [item.question.id] : [],
  };
}
