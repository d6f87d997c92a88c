// "Turn this into a learning log": the one-off record a form page leaves in this browser's storage for the draft log
// page (/journal/draft/) to offer. Nothing is sent and nothing goes in the address: the form writes the record and
// opens the draft page; the draft page loads it into an empty draft at once, asks before replacing a draft in
// progress, and removes the record either way. No DOM and no storage here: unit-tested in Jint.
//
//   { format: "cqcguide.log-handover/1", revision, updatedAt, createdAt,
//     source: { id, version, title }, draft: { <draft log fields the form fills> } }

import { DRAFT_FORMAT, emptyDraft, validateDraftRecord } from './log-data.js';

export const HANDOVER_FORMAT = 'cqcguide.log-handover/1';
/** The RecordStore address: kind and id ("cqcguide:log-handover:current"). */
export const HANDOVER_STORE = ['log-handover', 'current'];

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string';

/** The record a form page writes: where it came from and the draft fields it fills. */
export function handoverRecord(source, draft, now = new Date().toISOString()) {
  return { format: HANDOVER_FORMAT, revision: 0, createdAt: now, updatedAt: now, source: { id: source.id, version: source.version, title: source.title }, draft };
}

/**
 * Leaves a hand-over for the draft page in <store> (a RecordStore at HANDOVER_STORE): one that the draft page has not
 * taken yet, or could not read, is replaced. False when the browser would not keep it.
 */
export function leaveHandover(store, source, draft) {
  store.remove();
  return store.write(handoverRecord(source, draft), 0).ok;
}

/**
 * Checks a hand-over read from storage: its draft must pass the draft log's own validation (so a hand-over can never
 * put into the form what the draft could not hold). Returns { ok: true, record } with the draft completed with
 * empty fields, or { ok: false, reason }.
 */
export function validateHandover(value) {
  const fail = (reason) => ({ ok: false, reason: `the learning log handed over from a form is not in the expected shape: ${reason}` });
  if (!isObject(value) || value.format !== HANDOVER_FORMAT) return fail('it has no valid format');
  if (!Number.isInteger(value.revision) || value.revision < 0) return fail('it has no valid revision number');
  if (!isObject(value.source) || !isText(value.source.id) || !isText(value.source.title) || !isText(value.source.version)) return fail('it does not say which form it came from');
  if (!isObject(value.draft)) return fail('it holds no draft');
  const checked = validateDraftRecord({ format: DRAFT_FORMAT, revision: 0, draft: value.draft });
  if (!checked.ok) return fail(checked.reason);
  return { ok: true, record: { ...value, draft: checked.record.draft } };
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether a draft holds nothing a team typed (a fresh draft, or one whose fields were all cleared). */
export function isEmptyDraft(draft) {
  if (!draft) return true;
  const empty = emptyDraft();
  return Object.keys(empty).every((k) => k === 'format' || same(draft[k], empty[k]));
}

/** The draft the form fills: an empty draft with the hand-over's fields on top. */
export function draftFromHandover(record) {
  return { ...emptyDraft(), ...record.draft };
}
