// The answers file ("cqcguide.answers/1") as the browser keeps it: build, migrate, import and export.
// Answer maps are prototype-free objects, so keys such as "__proto__" from an imported file stay plain data.

export const FORMAT = 'cqcguide.answers/1';
export const MAX_IMPORT_BYTES = 1_000_000;

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

export function questions(def) {
  return def.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s })));
}

/** A new stored record: the answers file plus progress (which sections the team marked complete). */
export function newRecord(def) {
  const now = new Date().toISOString();
  return {
    store: 'cqcguide.store/1',
    file: {
      format: FORMAT,
      assessment: { id: def.id, version: def.version },
      model: { id: def.model.id, version: def.model.version },
      createdAt: now,
      updatedAt: now,
      revision: 0,
      answers: emptyMap(),
      extra: emptyMap(),
    },
    progress: { completed: [], lastSection: null, lastExportedAt: null },
    unmapped: [],
    revision: 0,
    updatedAt: now,
  };
}

/** Restores prototype-free maps after JSON.parse of a stored record. */
export function revive(record) {
  record.file.answers = mapOf(record.file.answers);
  record.file.extra = mapOf(record.file.extra);
  record.progress = record.progress || { completed: [], lastSection: null, lastExportedAt: null };
  record.unmapped = Array.isArray(record.unmapped) ? record.unmapped : [];
  return record;
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
  if (next.note === '') delete next.note;
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
    out[key] = note === undefined || note === null ? { value } : { value, note };
  }
  return out;
}

/**
 * The file to export or score: answers to hidden questions are left out (they stay in the draft), answers that no
 * longer map to a question (after a new version) travel in "extra" under "unmapped/<old id>" so they are never lost.
 */
export function exportable(def, record) {
  const byId = new Map(questions(def).map((q) => [q.id, q]));
  const visible = (id) => !byId.has(id) || isVisible(def, record, byId.get(id));
  const file = record.file;
  const extra = sortedMap(file.extra, visible);
  for (const u of record.unmapped) extra[`unmapped/${u.id}`] = u.note ? { value: u.value, note: u.note } : { value: u.value };
  const out = {
    format: FORMAT,
    assessment: { id: def.id, version: def.version },
    model: { id: def.model.id, version: def.model.version },
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
    revision: record.revision,
    answers: sortedMap(file.answers, (id) => byId.has(id) && visible(id)),
  };
  if (Object.keys(extra).length) out.extra = extra;
  if (file.options) out.options = file.options;
  return out;
}

export function toJson(file) {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Stable CSV columns: one row per question, in the assessment's order. */
export function toCsvRows(def, record) {
  const rows = [['assessment_id', 'assessment_version', 'section_id', 'section', 'question_number', 'question_id', 'question', 'scored', 'answer_value', 'answer', 'note']];
  for (const q of questions(def)) {
    if (!isVisible(def, record, q)) continue;
    const answer = answerOf(record, q);
    const value = answer ? answer.value ?? '' : '';
    const option = q.options.find((o) => o.value === value);
    rows.push([def.id, def.version, q.section.id, q.section.title, q.number || '', q.id, q.text, q.scored ? 'yes' : 'no', value,
      option ? option.label : value, answer && answer.note ? answer.note : '']);
  }
  return rows;
}

/**
 * Checks an imported file before anything changes. Returns { ok: false, errors: [...] } with messages a team can
 * act on, or { ok: true, file, mapped, unmapped, migrated } where unmapped answers are listed, never dropped.
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
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: ['The file is not an answers file: it does not contain a set of answers.'] };
  }
  if (data.format !== FORMAT) {
    return { ok: false, errors: [typeof data.format === 'string'
      ? `The file is in a format this site cannot read ("${data.format}"). It reads "${FORMAT}".`
      : 'The file is not a CqcGuide answers file (it has no "format").'] };
  }
  const assessment = data.assessment && typeof data.assessment === 'object' ? data.assessment : {};
  if (assessment.id !== def.id) {
    return { ok: false, errors: [`The file holds answers to another assessment ("${String(assessment.id)}"), not to "${def.title}". Import it on that assessment's page.`] };
  }
  const model = data.model && typeof data.model === 'object' ? data.model : {};
  if (model.id !== def.model.id) {
    return { ok: false, errors: [`The file was scored with another model ("${String(model.id)}"), not ${def.model.id}.`] };
  }
  const errors = [];
  if (typeof data.revision !== 'number' || !Number.isInteger(data.revision) || data.revision < 0) errors.push('The file has no valid revision number.');
  for (const field of ['createdAt', 'updatedAt']) {
    if (typeof data[field] !== 'string' || Number.isNaN(Date.parse(data[field]))) errors.push(`The file's "${field}" is not a date and time.`);
  }
  if (!data.answers || typeof data.answers !== 'object' || Array.isArray(data.answers)) errors.push('The file has no "answers".');
  if (errors.length) return { ok: false, errors };

  const byId = new Map(questions(def).map((q) => [q.id, q]));
  const answers = emptyMap();
  const extra = emptyMap();
  const unmapped = [];
  const consider = (id, raw, fromExtra) => {
    if (!raw || typeof raw !== 'object' || typeof raw.value !== 'string' || (raw.note !== undefined && raw.note !== null && typeof raw.note !== 'string')) {
      unmapped.push({ id, value: JSON.stringify(raw) ?? '', note: null, reason: 'the answer is not in the expected shape' });
      return;
    }
    const note = typeof raw.note === 'string' && raw.note !== '' ? raw.note : undefined;
    if (fromExtra && id.startsWith('unmapped/')) {
      unmapped.push({ id: id.slice('unmapped/'.length), value: raw.value, note: note ?? null, reason: 'it was already unmapped in the file' });
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
  if (data.extra && typeof data.extra === 'object' && !Array.isArray(data.extra)) {
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
  };
  if (data.options && typeof data.options === 'object' && typeof data.options.applyLimiters === 'boolean') file.options = { applyLimiters: data.options.applyLimiters };
  return {
    ok: true,
    file,
    unmapped,
    migrated: assessment.version !== def.version ? String(assessment.version) : null,
    answered: Object.keys(answers).length + Object.keys(extra).length,
  };
}

/** Brings a record saved against an older version of the assessment up to date; unmappable answers are listed. */
export function migrate(def, record) {
  if (record.file.assessment.version === def.version) return { record, migratedFrom: null, newlyUnmapped: [] };
  const result = readImport(def, JSON.stringify({ ...record.file, extra: { ...record.file.extra } }));
  if (!result.ok) return { record, migratedFrom: null, newlyUnmapped: [], errors: result.errors };
  const migratedFrom = record.file.assessment.version;
  record.file = { ...result.file, createdAt: record.file.createdAt, updatedAt: record.file.updatedAt, revision: record.file.revision };
  record.unmapped = record.unmapped.concat(result.unmapped);
  return { record, migratedFrom, newlyUnmapped: result.unmapped };
}
