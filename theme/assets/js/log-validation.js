// The draft form's check before download: the compiled learning-log-validation rules (the module the build's own
// checks are translated into), run on exactly the input the build reads from the downloaded file, so the form refuses
// a draft exactly when the build would refuse its file. This module only places each problem on the form: which
// field it belongs to (from the problem's key path in the log) and the sentence to show. No decision is made here.
import { validationInput } from './log-data.js';

/** Top-level key paths of the log and the form field each is typed in (f-<field>, inside the group g-<group>). */
const FIELDS = {
  id: ['id'], title: ['title'], event_type: ['event_type'], occurred: ['occurred'], occurred_precision: ['occurred'],
  identified: ['identified'], harm: ['harm'], summary: ['summary'], status: ['status'], next_review: ['next_review'],
  'redaction_check.confirmed': ['redaction', 'redaction'], 'redaction_check.by': ['redaction', 'redaction_by'],
  'redaction_check.date': ['redaction', 'redaction_date'],
  'governance_review.forum': ['forum'], 'governance_review.date': ['governance_date'],
  'duty_of_candour.professional_role': ['candour', 'candour_role'], 'duty_of_candour.opinion_date': ['candour', 'candour_opinion_date'],
  'duty_of_candour.notified_in_person': ['candour', 'candour_in_person'], 'duty_of_candour.written_notification': ['candour', 'candour_written'],
  'duty_of_candour.reason': ['candour', 'candour_reason'],
  // (The rules report missing attempts at the record itself.)
  'duty_of_candour.unable_to_notify': ['candour', 'candour_unable_attempts'],
  'duty_of_candour.unable_to_notify.reason': ['candour', 'candour_unable_reason'],
  'duty_of_candour.unable_to_notify.attempts': ['candour', 'candour_unable_attempts'],
};

/** An action's or factor's key (after `actions[i].`) and the field of its repeated item on the form. */
const ITEM_FIELDS = {
  id: 'description', description: 'description', addresses: 'description', status: 'status', completed: 'completed',
  evidence: 'evidence', dropped_reason: 'dropped_reason', kind: 'kind', evidence_category: 'evidence_category', measure_id: 'measure_id', date: 'review_date', result: 'review_result',
  decision: 'review_decision', area: 'area',
};

const NOTIFICATION_FIELDS = ['to', 'recipient', 'date', 'reference', 'outcome', 'not_notified'];

/** Where a problem reported at a key path of the log is shown: the form group and the control to focus. */
export function placeOf(path, d) {
  const item = /^(factors|actions|notifications)\[(\d+)\](?:\.reviews\[\d+\])?(?:\.([a-z_]+))?/.exec(path);
  if (item) {
    const entry = d[item[1]][Number(item[2])];
    // A notification's fields are the log's keys (to, recipient, date, not_notified...). A problem with the whole entry
    // (neither a date nor a decision: LLV034) is shown at its date.
    const field = item[1] !== 'notifications' ? ITEM_FIELDS[item[3]] ?? 'description'
      : NOTIFICATION_FIELDS.includes(item[3]) ? item[3] : item[3] ? 'to' : 'date';
    if (entry) return { groupId: `item-${entry.id}`, target: `${entry.id}-${field}` };
  }
  const outcome = /^duty_of_candour\.outcomes\.([a-z_]+)/.exec(path);
  if (outcome) return { groupId: 'g-candour', target: `f-candour_${outcome[1]}` };
  const known = FIELDS[path];
  if (known) return { groupId: `g-${known[0]}`, target: `f-${known[known.length - 1]}` };
  if (path.startsWith('duty_of_candour')) return { groupId: 'g-candour', target: 'f-candour_death' };
  return { groupId: 'g-status', target: 'f-status' };
}

const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The problems that stop the draft's file being published, as GOV.UK error-summary entries ({ groupId, target,
 * message, code }). `rules` is the compiled learning-log-validation module; `today` the device's date (YYYY-MM-DD).
 */
export function validate(d, { today, rules }) {
  return rules.validate(validationInput(d, today))
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ ...placeOf(issue.path, d), message: sentence(issue.message), code: issue.code }));
}
