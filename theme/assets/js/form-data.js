// A fillable form's answers ("cqcguide.form/1") as the browser keeps, exports, imports and prints them, and the draft
// learning log a form turns into. No DOM and no storage here: unit-tested in Jint (tests/CqcGuide.Site.Tests/Theme).
//
// The stored record and the downloaded file are the same envelope (docs/content-spec.md, "Fillable form"):
//   { format: "cqcguide.form/1", form: { id, version, title }, createdAt, updatedAt, revision,
//     answers: { <field id>: "text" | [ { <column id>: "text" } ] }, unmatched?: [ { id, row?, column?, value, reason } ] }
// Every value is text as typed (a date is YYYY-MM-DD, a number as written, yes-no is "yes" or "no", a choice is the
// option's text); a rows field is a list of rows. Answers from an older version of the form are matched by field id
// (and column id); what matches nothing is listed in "unmatched", kept and included in downloads, never dropped.

export const FORM_FORMAT = 'cqcguide.form/1';
export const MAX_IMPORT_BYTES = 1_000_000;
export const FIELD_TYPES = ['text', 'long-text', 'date', 'number', 'choice', 'yes-no', 'rows'];

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string';
const isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function emptyMap() {
  return Object.create(null);
}

/**
 * @typedef {{ id: string, type: string, label: string, options: string[] }} Column
 * @typedef {{ id: string, type: string, label: string, required: boolean, options: string[], columns: Column[],
 *   section?: { id: string, title: string } }} Field
 * @typedef {{ field: string, columns: Record<string, string> }} RowsMapping
 * @typedef {{ method: string, title?: string, summary?: string, expected?: string, actual?: string,
 *   whyDifferent?: string, wentWell?: string, factors?: RowsMapping, actions?: RowsMapping,
 *   areas?: Record<string, string> }} LearningLogMapping
 * @typedef {{ format: string, id: string, version: string, title: string,
 *   sections: { id: string, title: string, fields: Field[] }[], learningLog?: LearningLogMapping }} FormDefinition
 */

export class FormDefinitionError extends Error {
  constructor(what) {
    super(`The form definition on this page cannot be used: ${what}.`);
    this.name = 'FormDefinitionError';
  }
}

/** Checks the definition the build embeds in the page (<script id="form-definition">); throws, naming the problem. */
export function readFormDefinition(text) {
  let def;
  try {
    def = JSON.parse(text);
  } catch (error) {
    throw new FormDefinitionError(`it is not valid JSON (${error.message})`);
  }
  const need = (condition, what) => {
    if (!condition) throw new FormDefinitionError(what);
  };
  need(isObject(def), 'it is not an object');
  need(def.format === FORM_FORMAT, `"format" is ${JSON.stringify(def.format)}, not "${FORM_FORMAT}"`);
  for (const key of ['id', 'version', 'title']) need(isText(def[key]) && def[key] !== '', `"${key}" is missing`);
  need(Array.isArray(def.sections) && def.sections.length > 0, '"sections" is empty');
  const ids = new Set();
  const options = (o) => (o === undefined ? [] : o);
  for (const section of def.sections) {
    need(isObject(section) && isText(section.id) && Array.isArray(section.fields), 'a section needs an id and fields');
    for (const f of section.fields) {
      need(isObject(f) && isText(f.id) && isText(f.label), `a field of section "${section.id}" needs an id and a label`);
      need(FIELD_TYPES.includes(f.type), `field "${f.id}" has type ${JSON.stringify(f.type)}`);
      need(!ids.has(f.id), `field id "${f.id}" is used twice`);
      ids.add(f.id);
      f.options = options(f.options);
      f.columns = options(f.columns);
      f.required = f.required === true;
      need(Array.isArray(f.options) && f.options.every(isText), `field "${f.id}" has malformed options`);
      need(f.type !== 'choice' || f.options.length > 1, `choice field "${f.id}" has fewer than two options`);
      need(Array.isArray(f.columns) && (f.type !== 'rows' || f.columns.length > 0), `rows field "${f.id}" has no columns`);
      for (const c of f.columns) {
        need(isObject(c) && isText(c.id) && isText(c.label) && FIELD_TYPES.includes(c.type) && c.type !== 'rows', `a column of "${f.id}" is malformed`);
        c.options = options(c.options);
        need(Array.isArray(c.options) && c.options.every(isText), `column "${c.id}" of "${f.id}" has malformed options`);
      }
    }
  }
  const log = def.learningLog;
  if (log !== undefined && log !== null) {
    need(isObject(log) && isText(log.method), '"learningLog" needs a method');
    for (const key of ['title', 'summary', 'expected', 'actual', 'whyDifferent', 'wentWell']) {
      need(log[key] === undefined || log[key] === null || ids.has(log[key]), `"learningLog.${key}" names no field`);
    }
    for (const key of ['factors', 'actions']) {
      const rows = log[key];
      if (rows === undefined || rows === null) continue;
      need(isObject(rows) && ids.has(rows.field) && isObject(rows.columns) && isText(rows.columns.description), `"learningLog.${key}" names no rows field`);
    }
  } else def.learningLog = null;
  return def;
}

/** Every field in order, each with its section. */
export function formFields(def) {
  return def.sections.flatMap((s) => s.fields.map((f) => ({ ...f, section: { id: s.id, title: s.title } })));
}

/** A new stored record: the form's answers, empty. */
export function freshForm(def, now = new Date().toISOString()) {
  return {
    format: FORM_FORMAT,
    form: { id: def.id, version: def.version, title: def.title },
    createdAt: now,
    updatedAt: now,
    revision: 0,
    answers: emptyMap(),
    unmatched: [],
  };
}

// ---- values ----------------------------------------------------------------------------------------------------------

function realDate(s) {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Why a single value does not fit a field or column of this type, or null when it does ('' always fits). */
export function cellProblem(item, value) {
  if (!isText(value)) return 'it is not text';
  if (value === '') return null;
  switch (item.type) {
    case 'date': return realDate(value) ? null : `“${value}” is not a date written as YYYY-MM-DD`;
    case 'number': return value.trim() !== '' && Number.isFinite(Number(value)) ? null : `“${value}” is not a number`;
    case 'choice': return item.options.includes(value) ? null : `“${value}” is not one of its answers`;
    case 'yes-no': return value === 'yes' || value === 'no' ? null : `“${value}” is not yes or no`;
    default: return null;
  }
}

const rowIsEmpty = (row) => Object.keys(row).every((k) => row[k] === '');

/** Whether a field has an answer: text that is not only spaces, or a row with something in it. */
export function isAnswered(field, value) {
  if (field.type === 'rows') return Array.isArray(value) && value.some((row) => Object.keys(row).some((k) => isText(row[k]) && row[k].trim() !== ''));
  return isText(value) && value.trim() !== '';
}

/** A value copied into plain data (rows as arrays of prototype-free cell maps). */
function copyValue(value) {
  if (!Array.isArray(value)) return value;
  return value.map((row) => {
    const out = emptyMap();
    for (const k of Object.keys(row)) out[k] = row[k];
    return out;
  });
}

/** The shape a stored or imported value may have at all: text, or a list of rows of text. */
function valueShapeProblem(value) {
  if (isText(value)) return null;
  if (!Array.isArray(value)) return 'it is neither text nor a table of rows';
  for (const row of value) {
    if (!isObject(row)) return 'a row is not a set of cells';
    for (const k of Object.keys(row)) if (!isText(row[k])) return `cell “${k}” is not text`;
  }
  return null;
}

function unmatchedProblem(list) {
  if (!Array.isArray(list)) return 'its unmatched answers are not a list';
  for (const u of list) {
    if (!isObject(u) || !isText(u.id) || !isText(u.reason)) return 'an unmatched answer has no id or reason';
    if (u.row !== undefined && !Number.isInteger(u.row)) return `the row of unmatched answer “${u.id}” is not a number`;
    if (u.column !== undefined && !isText(u.column)) return `the column of unmatched answer “${u.id}” is not text`;
    if (u.from !== undefined && !isText(u.from)) return `the version of unmatched answer “${u.id}” is not text`;
    const p = valueShapeProblem(u.value);
    if (p) return `unmatched answer “${u.id}”: ${p}`;
  }
  return null;
}

function copyUnmatched(list) {
  return list.map((u) => {
    const out = { id: u.id, value: copyValue(u.value), reason: u.reason };
    if (u.row !== undefined) out.row = u.row;
    if (u.column !== undefined) out.column = u.column;
    if (u.from !== undefined) out.from = u.from;
    return out;
  });
}

/**
 * Checks a record read from browser storage as strictly as an import (any wrong shape is reported, so the page shows
 * the "could not be read" panel instead of failing to start). It may be from an older version of the form:
 * migrateForm() matches it to this one. Returns { ok: true, record } (with prototype-free maps) or { ok: false, reason }.
 */
export function validateFormRecord(def, value) {
  const fail = (reason) => ({ ok: false, reason: `the saved data is not in the expected shape: ${reason}` });
  if (!isObject(value)) return fail('it is not an object');
  if (value.format !== FORM_FORMAT) return fail('it has no valid format');
  if (!Number.isInteger(value.revision) || value.revision < 0) return fail('it has no valid revision number');
  if (!isObject(value.form) || value.form.id !== def.id || !isText(value.form.version)) return fail(`it is not for "${def.id}"`);
  for (const key of ['createdAt', 'updatedAt']) if (!isTime(value[key])) return fail(`its "${key}" is not a date and time`);
  if (!isObject(value.answers)) return fail('its answers are not a set of answers');
  const answers = emptyMap();
  for (const id of Object.keys(value.answers)) {
    const p = valueShapeProblem(value.answers[id]);
    if (p) return fail(`the answer to “${id}”: ${p}`);
    answers[id] = copyValue(value.answers[id]);
  }
  const unmatched = value.unmatched === undefined ? [] : value.unmatched;
  const up = unmatchedProblem(unmatched);
  if (up) return fail(up);
  return { ok: true, record: { ...value, form: { ...value.form }, answers, unmatched: copyUnmatched(unmatched) } };
}

/**
 * Matches answers (from a file or a record of any version) to this version of the form by field id and column id.
 * Returns { answers, unmatched } where unmatched lists, with a reason, every value that fits no field or column.
 */
export function matchAnswers(def, source, fromVersion) {
  const byId = new Map(formFields(def).map((f) => [f.id, f]));
  const answers = emptyMap();
  const unmatched = [];
  const from = fromVersion && fromVersion !== def.version ? { from: fromVersion } : {};
  const away = (entry) => unmatched.push({ ...entry, ...from });
  for (const id of Object.keys(source)) {
    const value = source[id];
    const shape = valueShapeProblem(value);
    if (shape) {
      away({ id, value: JSON.stringify(value) ?? '', reason: `the answer is not in the expected shape: ${shape}` });
      continue;
    }
    const field = byId.get(id);
    if (!field) {
      if (isAnswered({ type: Array.isArray(value) ? 'rows' : 'text' }, value)) away({ id, value: copyValue(value), reason: `no field has this id in version ${def.version} of the form` });
      continue;
    }
    if (field.type === 'rows') {
      if (!Array.isArray(value)) {
        if (value !== '') away({ id, value, reason: 'this field is now a table of rows' });
        continue;
      }
      const columns = new Map(field.columns.map((c) => [c.id, c]));
      const rows = [];
      value.forEach((row, i) => {
        const kept = emptyMap();
        for (const c of field.columns) kept[c.id] = '';
        for (const key of Object.keys(row)) {
          const column = columns.get(key);
          const cell = row[key];
          if (!column) {
            if (cell !== '') away({ id, row: i + 1, column: key, value: cell, reason: `“${field.label}” has no column with this id in version ${def.version}` });
            continue;
          }
          const p = cellProblem(column, cell);
          if (p) away({ id, row: i + 1, column: key, value: cell, reason: `${p} (${column.label})` });
          else kept[key] = cell;
        }
        rows.push(kept);
      });
      answers[id] = rows;
      continue;
    }
    if (Array.isArray(value)) {
      if (isAnswered({ type: 'rows' }, value)) away({ id, value: copyValue(value), reason: 'this field is no longer a table of rows' });
      continue;
    }
    const p = cellProblem(field, value);
    if (p) away({ id, value, reason: p });
    else if (value !== '') answers[id] = value;
  }
  return { answers, unmatched };
}

/**
 * Brings a record saved with an older version of the form up to date. Returns { record, from, unmatched } where from
 * is the older version (null when nothing changed) and unmatched lists the answers newly set aside.
 */
export function migrateForm(def, record) {
  if (record.form.version === def.version) return { record, from: null, unmatched: [] };
  const from = record.form.version;
  const { answers, unmatched } = matchAnswers(def, record.answers, from);
  record.form = { id: def.id, version: def.version, title: def.title };
  record.answers = answers;
  record.unmatched = record.unmatched.concat(unmatched);
  return { record, from, unmatched };
}

// ---- export and import -----------------------------------------------------------------------------------------------

/** The answers of one field as a download has them: rows with nothing in them and empty cells left out. */
function exportValue(field, value) {
  if (field.type !== 'rows') return isText(value) && value !== '' ? value : undefined;
  if (!Array.isArray(value)) return undefined;
  const rows = [];
  for (const row of value) {
    if (rowIsEmpty(row)) continue;
    const out = {};
    for (const c of field.columns) if (isText(row[c.id]) && row[c.id] !== '') out[c.id] = row[c.id];
    rows.push(out);
  }
  return rows.length ? rows : undefined;
}

/** The file to download: answers in the form's order, then what an older version left unmatched (never dropped). */
export function exportForm(def, record) {
  const answers = {};
  for (const f of formFields(def)) {
    const v = exportValue(f, record.answers[f.id]);
    if (v !== undefined) answers[f.id] = v;
  }
  const out = {
    format: FORM_FORMAT,
    form: { id: def.id, version: def.version, title: def.title },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    revision: record.revision,
    answers,
  };
  if (record.unmatched.length) out.unmatched = copyUnmatched(record.unmatched);
  return out;
}

export function toJson(file) {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** How many fields have an answer. */
export function answeredCount(def, answers) {
  return formFields(def).filter((f) => isAnswered(f, answers[f.id])).length;
}

/**
 * Checks a file chosen for import before anything changes. Returns { ok: false, errors } with messages a team can act
 * on, or { ok: true, answers, unmatched, newlyUnmatched, fromVersion, answered, createdAt, updatedAt }.
 */
export function readFormImport(def, text) {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is too large (${Math.round(text.length / 1024)} KB). A form file is a few KB; check you chose the right file.`] };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not a form file: it is not valid JSON. Choose the .json file you downloaded from this form.'] };
  }
  if (!isObject(data)) return { ok: false, errors: ['The file is not a form file: it does not contain a set of answers.'] };
  if (data.format !== FORM_FORMAT) {
    const known = { 'cqcguide.answers/1': 'The file holds self-assessment answers. Import it on the assessment’s “Your saved answers” page.',
      'cqcguide.checklist/1': 'The file holds a checklist’s ticks and notes. Import it on that checklist’s page.' };
    return { ok: false, errors: [known[data.format] ?? (isText(data.format)
      ? `The file is in a format this page cannot read ("${data.format}"). It reads "${FORM_FORMAT}".`
      : 'The file is not a CqcGuide form file (it has no "format").')] };
  }
  const form = isObject(data.form) ? data.form : {};
  if (form.id !== def.id) {
    return { ok: false, errors: [`The file holds answers to another form ("${String(form.id)}"), not to “${def.title}”. Import it on that form’s page.`] };
  }
  const errors = [];
  if (!isText(form.version) || form.version === '') errors.push('The file does not say which version of the form it was saved with.');
  if (!isTime(data.updatedAt)) errors.push('The file’s "updatedAt" is not a date and time.');
  if (data.createdAt !== undefined && !isTime(data.createdAt)) errors.push('The file’s "createdAt" is not a date and time.');
  if (!isObject(data.answers)) errors.push('The file has no "answers".');
  const kept = data.unmatched === undefined ? [] : data.unmatched;
  const up = unmatchedProblem(kept);
  if (up) errors.push(`The file cannot be imported: ${up}.`);
  if (errors.length) return { ok: false, errors };
  const { answers, unmatched } = matchAnswers(def, data.answers, form.version);
  return {
    ok: true,
    answers,
    unmatched: copyUnmatched(kept).concat(unmatched),
    newlyUnmatched: unmatched,
    fromVersion: form.version !== def.version ? form.version : null,
    answered: answeredCount(def, answers),
    createdAt: isTime(data.createdAt) ? data.createdAt : data.updatedAt,
    updatedAt: data.updatedAt,
  };
}

/** The stored record after "Replace my answers with this file". */
export function importedRecord(def, current, result) {
  return { ...current, form: { id: def.id, version: def.version, title: def.title }, createdAt: result.createdAt, answers: result.answers, unmatched: result.unmatched };
}

/** Where an unmatched answer came from, for people: "old-field", "factors, row 2, column “owner”". */
export function unmatchedName(u) {
  return u.row !== undefined ? `${u.id}, row ${u.row}${u.column !== undefined ? `, column “${u.column}”` : ''}` : u.id;
}

// ---- checking required answers ---------------------------------------------------------------------------------------

/** The id of the element an error summary link moves focus to (the first input of the field, as the page builds it). */
export function fieldTarget(field) {
  const anchor = `field-${field.id}`;
  switch (field.type) {
    case 'yes-no': return `${anchor}-yes`;
    case 'choice': return `${anchor}-1`;
    case 'rows': return `${anchor}-r1-${field.columns[0].id}`;
    default: return `${anchor}-input`;
  }
}

/** GOV.UK error messages for required fields without an answer, in the form's order: { field, target, message }. */
export function requiredErrors(def, answers) {
  const errors = [];
  for (const f of formFields(def)) {
    if (!f.required || isAnswered(f, answers[f.id])) continue;
    const message = {
      choice: `Select an answer for “${f.label}”`,
      'yes-no': `Select yes or no for “${f.label}”`,
      date: `Enter a date for “${f.label}”`,
      number: `Enter a number for “${f.label}”`,
      rows: `Fill in at least one row of “${f.label}”`,
    }[f.type] ?? `Enter an answer for “${f.label}”`;
    errors.push({ field: f.id, target: fieldTarget(f), message });
  }
  return errors;
}

// ---- the readable record (Markdown) ----------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-26" as "26 November 2026" (what a date field holds, with no time zone involved). */
export function longDate(iso) {
  const m = DATE.exec(iso);
  return m && realDate(iso) ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** A saved time ("2026-11-26T14:32:00Z") as "26 November 2026 at 14:32", in this browser's time zone. */
export function longDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A value as people read it: dates in words, yes/no capitalised. */
export function shownValue(item, value) {
  if (!isText(value) || value === '') return '';
  if (item.type === 'date') return longDate(value);
  if (item.type === 'yes-no') return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : value;
  return value;
}

/** Text that Markdown shows as typed within a line: characters that would start markup are escaped. */
function mdInline(text) {
  return String(text).replace(/\r\n?/g, '\n').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Lines that Markdown shows as typed: also what would start a heading, list or quote at the start of a line. */
function mdText(text) {
  return mdInline(text).split('\n')
    .map((line) => line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2').replace(/\s+$/, ''))
    .join('\n');
}

/** A paragraph keeping the reader's line breaks (a trailing backslash is a line break in CommonMark). */
function mdParagraph(text) {
  return mdText(text).split(/\n{2,}/).map((p) => p.split('\n').filter((l) => l !== '').join('\\\n')).join('\n\n');
}

function mdCell(text) {
  return mdInline(text).replace(/\n/g, '<br>');
}

/** The service a record is about: the form's own "service" answer where it has one. */
export function serviceOf(record) {
  const v = record.answers.service;
  return isText(v) ? v.trim() : '';
}

/**
 * The readable record of a form (Markdown): headed with the organisation (the site's settings) and service, the form's
 * title and version, and when it was saved; each section with its questions and answers; tables for rows; answers
 * from older versions at the end.
 * @param {{ organisation?: string, now?: Date }} [about]
 */
export function formMarkdown(def, record, about = {}) {
  const lines = [`# ${mdInline(def.title)}`, ''];
  const facts = [];
  if (about.organisation) facts.push(about.organisation);
  if (serviceOf(record)) facts.push(`Service: ${serviceOf(record)}`);
  facts.push(`Form version ${def.version}`);
  if (record.revision > 0) facts.push(`last saved ${longDateTime(record.updatedAt)}`);
  if (about.now) facts.push(`downloaded ${longDateTime(about.now.toISOString())}`);
  lines.push(`${mdText(facts.join(' · ').replace(/\n/g, ' '))}.`, '');
  def.sections.forEach((section, i) => {
    lines.push(`## ${i + 1}. ${mdInline(section.title)}`, '');
    for (const f of section.fields) {
      const value = record.answers[f.id];
      lines.push(`**${mdInline(f.label)}**`, '');
      if (!isAnswered(f, value)) {
        lines.push('*Not answered*', '');
        continue;
      }
      if (f.type === 'rows') {
        lines.push(`| ${f.columns.map((c) => mdCell(c.label)).join(' | ')} |`);
        lines.push(`|${f.columns.map(() => ' --- |').join('')}`);
        for (const row of value) {
          if (rowIsEmpty(row) || !Object.keys(row).some((k) => row[k].trim() !== '')) continue;
          lines.push(`| ${f.columns.map((c) => mdCell(shownValue(c, row[c.id] ?? ''))).join(' | ')} |`);
        }
        lines.push('');
      } else lines.push(mdParagraph(shownValue(f, value)), '');
    }
  });
  if (record.unmatched.length) {
    lines.push('## Answers from an older version of this form', '', 'These answers match no question of this version. They are kept here as they were.', '');
    for (const u of record.unmatched) {
      const value = Array.isArray(u.value) ? u.value.map((r) => Object.keys(r).map((k) => `${k}: ${r[k]}`).join('; ')).join(' / ') : u.value;
      lines.push(`- **${mdInline(unmatchedName(u))}**${u.from ? ` (version ${mdInline(u.from)})` : ''}: ${mdInline(value).replace(/\n/g, ' ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

// ---- "Turn this into a learning log" -----------------------------------------------------------------------------------

/**
 * The parts of a draft learning log ("cqcguide.log-draft/1" field names) that a form's answers fill, by the form's
 * learningLog mapping: method, title, summary, expected/actual/why different/went well, factors (area label → log
 * value through the definition's area table; systemic from a yes-no column) and actions (description, owner role,
 * due; planned, addressing no factor yet). Rows with nothing in their mapped columns are left out.
 * Returns null for a form without a mapping.
 */
export function learningLogDraft(def, record) {
  const map = def.learningLog;
  if (!map) return null;
  const answers = record.answers;
  const text = (id) => (id && isText(answers[id]) ? answers[id].trim() : '');
  const rowsOf = (rows) => (rows && Array.isArray(answers[rows.field]) ? answers[rows.field] : []);
  const cell = (row, column) => (column && isText(row[column]) ? row[column].trim() : '');
  const areas = map.areas || {};
  const draft = {
    method: map.method,
    title: text(map.title),
    summary: text(map.summary),
    expected: text(map.expected),
    actual: text(map.actual),
    why_different: text(map.whyDifferent),
    went_well: text(map.wentWell),
    factors: [],
    actions: [],
  };
  if (map.factors) {
    const c = map.factors.columns;
    for (const row of rowsOf(map.factors)) {
      const description = cell(row, c.description);
      const label = cell(row, c.area);
      if (!description && !label) continue;
      draft.factors.push({ id: `f${draft.factors.length + 1}`, area: Object.hasOwn(areas, label) ? areas[label] : '', description, systemic: cell(row, c.systemic) === 'yes' });
    }
  }
  if (map.actions) {
    const c = map.actions.columns;
    for (const row of rowsOf(map.actions)) {
      const description = cell(row, c.description);
      const owner = cell(row, c.owner_role);
      const due = cell(row, c.due);
      if (!description && !owner && !due) continue;
      draft.actions.push({ id: `a${draft.actions.length + 1}`, description, addresses: [], owner_role: owner, due: realDate(due) ? due : '', status: 'planned' });
    }
  }
  return draft;
}

/** Whether the mapped answers give a draft anything at all (beyond the method). */
export function draftHasContent(draft) {
  return Boolean(draft) && (['title', 'summary', 'expected', 'actual', 'why_different', 'went_well'].some((k) => draft[k] !== '')
    || draft.factors.length > 0 || draft.actions.length > 0);
}
