// Validation of the draft learning log before download. One call, validate(draft, { today }), returning GOV.UK
// error-summary entries ({ groupId, target, message }): the lead is replacing it with the compiled learning-log
// validation model (issue 10 item 4), which must keep this signature.
import { hasReview, hasGovernance, hasCandourAnswers, candourApplies, CANDOUR_OUTCOMES } from './log-data.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

export function validate(d, { today }) {
  const errors = [];
  const add = (groupId, target, message) => errors.push({ groupId, target, message });
  const realDate = (s) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  if (!ID.test(d.id)) add('g-id', 'f-id', d.id ? 'The log id can only use lower-case letters, digits and hyphens' : 'Enter a log id, for example ll-2026-016');
  if (!d.title) add('g-title', 'f-title', 'Enter a title');
  if (!d.event_type) add('g-event_type', 'f-event_type', 'Select the type of event');
  const occurred = d.occurred_month ? `${d.occurred.slice(0, 7)}-01` : d.occurred;
  if (!d.occurred) add('g-occurred', 'f-occurred', 'Enter when it happened');
  else if (!realDate(occurred) || (d.occurred_month && !/^\d{4}-\d{2}/.test(d.occurred))) add('g-occurred', 'f-occurred', 'When it happened must be a real date');
  else if (occurred > today) add('g-occurred', 'f-occurred', 'When it happened must be today or in the past');
  if (!d.identified) add('g-identified', 'f-identified', 'Enter when it was identified');
  else if (!realDate(d.identified)) add('g-identified', 'f-identified', 'When it was identified must be a real date');
  else if (realDate(occurred) && d.identified < occurred) add('g-identified', 'f-identified', 'When it was identified must be on or after when it happened');
  if (d.event_type === 'incident' && !d.harm) add('g-harm', 'f-harm', 'Select the harm for an incident');
  if ((d.event_type === 'incident' || hasCandourAnswers(d)) && CANDOUR_OUTCOMES.some(([key]) => !d[`candour_${key}`])) {
    add('g-candour', 'f-candour_death', 'Answer each Regulation 20(9) question: yes, no or not known yet');
  }
  if (hasCandourAnswers(d) && CANDOUR_OUTCOMES.some(([key]) => d[`candour_${key}`] === 'yes' || d[`candour_${key}`] === 'no')) {
    if (!d.candour_role) add('g-candour', 'f-candour_role', 'Enter the role of the health care professional whose opinion the answers are');
    if (!d.candour_opinion_date) add('g-candour', 'f-candour_opinion_date', 'Enter when the health care professional gave their opinion');
    else if (!realDate(d.candour_opinion_date)) add('g-candour', 'f-candour_opinion_date', 'The date of the opinion must be a real date');
  }
  if (candourApplies(d) && !['draft', 'learning-in-progress'].includes(d.status)) {
    if (!d.candour_in_person) add('g-candour', 'f-candour_in_person', 'The duty of candour applies: enter when the relevant person was told in person');
    if (!d.candour_written) add('g-candour', 'f-candour_written', 'The duty of candour applies: enter when the written notification was sent');
  }
  for (const [field, what] of [['candour_in_person', 'The date they were told in person'], ['candour_written', 'The date of the written notification']]) {
    if (d[field] && !realDate(d[field])) add('g-candour', `f-${field}`, `${what} must be a real date`);
    else if (d[field] && d[field] > today) add('g-candour', `f-${field}`, `${what} must be today or in the past`);
  }
  if (realDate(d.candour_in_person) && realDate(d.candour_written) && d.candour_written < d.candour_in_person) {
    add('g-candour', 'f-candour_written', 'The written notification must be on or after the day they were told in person');
  }
  if (!d.summary) add('g-summary', 'f-summary', 'Enter a summary');
  if (d.method && d.held && !realDate(d.held)) add('g-held', 'f-held', 'The date held must be a real date');
  for (const f of d.factors) if (!f.description) add(`item-${f.id}`, `${f.id}-description`, `Describe factor ${f.id}`);
  for (const a of d.actions) {
    if (!a.description) add(`item-${a.id}`, `${a.id}-description`, `Describe action ${a.id}`);
    if (!a.addresses.length) add(`item-${a.id}`, `${a.id}-description`, `Choose the factor or factors that action ${a.id} addresses`);
    if (a.status === 'done' && !a.evidence) add(`item-${a.id}`, `${a.id}-evidence`, `Action ${a.id} is done: give the completion evidence`);
    if (a.status === 'done' && !a.completed) add(`item-${a.id}`, `${a.id}-completed`, `Action ${a.id} is done: give the date it was completed`);
    if (a.status === 'dropped' && !a.dropped_reason) add(`item-${a.id}`, `${a.id}-dropped_reason`, `Say why action ${a.id} was dropped`);
    const anyReview = a.review_date || a.review_result || a.review_decision;
    if (anyReview && !hasReview(a)) add(`item-${a.id}`, `${a.id}-review_date`, `Complete the effectiveness review of action ${a.id}: its date, what the measure showed and the decision`);
  }
  if ((d.forum || d.governance_date || d.reflection) && !hasGovernance(d)) add('g-forum', d.forum ? 'f-governance_date' : 'f-forum', 'Give the governance review\'s forum and date');
  if (d.status === 'closed' && d.actions.some((a) => a.status === 'planned' || a.status === 'in-progress')) add('g-status', 'f-status', 'A closed log cannot have open actions');
  if (d.status === 'closed' && !d.actions.some(hasReview)) add('g-status', 'f-status', 'Record at least one effectiveness review before closing the log');
  if (d.redaction && (!d.redaction_by || !d.redaction_date)) add('g-redaction', 'f-redaction_by', 'Say who checked for personal data (a role) and when');
  return errors;
}
