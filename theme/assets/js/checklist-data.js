// A checklist's ticks and notes ("cqcguide.checklist/1") as the browser keeps, exports and imports them. No DOM and
// no storage here: unit-tested in Jint (tests/CqcGuide.Site.Tests/Theme).

export const CHECKLIST_FORMAT = 'cqcguide.checklist/1';
export const MAX_IMPORT_BYTES = 1_000_000;

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * @typedef {{ id: string, version: string, title: string }} ChecklistRef
 * @typedef {{ id: string, number: number, text: string }} ChecklistItem
 * @typedef {{ done?: boolean, note?: string }} Tick
 */

/** @param {ChecklistRef} checklist */
export function freshChecklist(checklist, now = new Date().toISOString()) {
  return { format: CHECKLIST_FORMAT, checklist: { ...checklist }, createdAt: now, updatedAt: now, revision: 0, items: Object.create(null) };
}

function itemsProblem(items) {
  if (!isObject(items)) return 'its ticks are not a set of items';
  for (const id of Object.keys(items)) {
    const t = items[id];
    if (!isObject(t)) return `item "${id}" is not in the expected shape`;
    if (t.done !== undefined && typeof t.done !== 'boolean') return `the tick on item "${id}" is not yes or no`;
    if (t.note !== undefined && t.note !== null && typeof t.note !== 'string') return `the note on item "${id}" is not text`;
  }
  return null;
}

function itemMap(items) {
  const map = Object.create(null);
  for (const id of Object.keys(items)) {
    const t = items[id];
    map[id] = t.note ? { done: Boolean(t.done), note: t.note } : { done: Boolean(t.done) };
  }
  return map;
}

/** Checks a record read from storage; returns { ok: true, record } with a prototype-free item map, or { ok: false, reason }. */
export function validateChecklistRecord(checklistId, value) {
  const fail = (reason) => ({ ok: false, reason: `the saved data is not in the expected shape: ${reason}` });
  if (!isObject(value)) return fail('it is not an object');
  if (value.format !== CHECKLIST_FORMAT) return fail('it has no valid format');
  if (!Number.isInteger(value.revision) || value.revision < 0) return fail('it has no valid revision number');
  if (!isObject(value.checklist) || value.checklist.id !== checklistId) return fail(`it is not for "${checklistId}"`);
  for (const field of ['createdAt', 'updatedAt']) if (!isTime(value[field])) return fail(`its "${field}" is not a date and time`);
  const problem = itemsProblem(value.items);
  if (problem) return fail(problem);
  return { ok: true, record: { ...value, items: itemMap(value.items) } };
}

/**
 * The file to download: the items of this checklist in order, then any kept from an import that are not on this
 * version of the checklist (never dropped). "updatedAt" is the time of the last save.
 * @param {ChecklistItem[]} items
 */
export function exportChecklist(record, items) {
  const out = {};
  const known = new Set(items.map((i) => i.id));
  for (const id of [...items.map((i) => i.id), ...Object.keys(record.items).filter((k) => !known.has(k)).sort()]) {
    const t = record.items[id];
    if (t) out[id] = t.note ? { done: Boolean(t.done), note: t.note } : { done: Boolean(t.done) };
  }
  return { format: CHECKLIST_FORMAT, checklist: record.checklist, createdAt: record.createdAt, updatedAt: record.updatedAt, revision: record.revision, items: out };
}

export const CHECKLIST_CSV_HEADINGS = ['Checklist', 'Checklist ID', 'Item number', 'Item', 'Item ID', 'Done', 'Note'];

/** One row per item of the checklist, with headings people read. */
export function checklistCsvRows(record, items) {
  return [CHECKLIST_CSV_HEADINGS, ...items.map((i) => {
    const t = record.items[i.id];
    return [record.checklist.title, record.checklist.id, i.number, i.text, i.id, t && t.done ? 'Yes' : 'No', (t && t.note) || ''];
  })];
}

/**
 * Checks a file chosen for import before anything changes. Returns { ok: false, errors } or
 * { ok: true, items, ticked, notes, unknown, updatedAt } where unknown lists item ids that are not on this checklist
 * (they are kept, and included in downloads).
 * @param {ChecklistRef} checklist @param {ChecklistItem[]} items @param {string} text
 */
export function readChecklistImport(checklist, items, text) {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is too large (${Math.round(text.length / 1024)} KB). A checklist file is a few KB; check you chose the right file.`] };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not a checklist file: it is not valid JSON. Choose the .json file you downloaded from this checklist.'] };
  }
  if (!isObject(data) || data.format !== CHECKLIST_FORMAT) {
    return { ok: false, errors: [isObject(data) && typeof data.format === 'string' && data.format.startsWith('cqcguide.answers/')
      ? 'The file holds self-assessment answers. Import it on the assessment’s “Your saved answers” page.'
      : `The file is not a CqcGuide checklist file (its format is not "${CHECKLIST_FORMAT}").`] };
  }
  if (!isObject(data.checklist) || data.checklist.id !== checklist.id) {
    return { ok: false, errors: [`The file holds ticks for another checklist ("${String(isObject(data.checklist) ? data.checklist.id : undefined)}"), not “${checklist.title}”. Import it on that checklist’s page.`] };
  }
  const problem = itemsProblem(data.items);
  if (problem) return { ok: false, errors: [`The file cannot be imported: ${problem}.`] };
  if (!isTime(data.updatedAt)) return { ok: false, errors: ['The file’s "updatedAt" is not a date and time.'] };
  const map = itemMap(data.items);
  const known = new Set(items.map((i) => i.id));
  const ids = Object.keys(map);
  return {
    ok: true,
    items: map,
    ticked: ids.filter((id) => map[id].done && known.has(id)).length,
    notes: ids.filter((id) => map[id].note && known.has(id)).length,
    unknown: ids.filter((id) => !known.has(id)),
    createdAt: isTime(data.createdAt) ? data.createdAt : data.updatedAt,
    updatedAt: data.updatedAt,
  };
}
