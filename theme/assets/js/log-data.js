// The draft learning log as data ("cqcguide.log-draft/1"): the stored record's validation and the Markdown file the
// build accepts. No DOM and no storage here: unit-tested in Jint (tests/CqcGuide.Site.Tests/Theme).

import { yamlString as q } from './format.js';

export const DRAFT_FORMAT = 'cqcguide.log-draft/1';

/** The draft's text fields (everything the form holds as one string). */
/** The Regulation 20(9) questions: the draft's field (candour_<key>) and the log's key under duty_of_candour.outcomes. */
export const CANDOUR_OUTCOMES = [
  ['death', 'death'], ['impairment', 'impairment'], ['body_structure', 'bodyStructure'], ['prolonged_pain', 'prolongedPain'],
  ['prolonged_psychological_harm', 'prolongedPsychologicalHarm'], ['shortened_life_expectancy', 'shortenedLifeExpectancy'],
  ['treatment_needed', 'treatmentNeeded'],
];

export const TEXT_FIELDS = ['id', 'title', 'event_type', 'occurred', 'identified', 'harm',
  ...CANDOUR_OUTCOMES.map(([key]) => `candour_${key}`), 'candour_role', 'candour_opinion_date', 'candour_in_person', 'candour_written', 'candour_reason',
  'candour_unable_reason', 'candour_unable_attempts', 'summary', 'body', 'method', 'held', 'expected', 'actual', 'why_different', 'went_well', 'forum', 'governance_date', 'reflection',
  'learning_to_share', 'status', 'next_review', 'redaction_by', 'redaction_date'];
export const FLAG_FIELDS = ['occurred_month', 'redaction'];
export const LIST_FIELDS = ['roles', 'quality_statements', 'not_personal_data'];
const FACTOR_TEXT = ['id', 'area', 'description'];
const ACTION_TEXT = ['id', 'description', 'kind', 'owner_role', 'due', 'status', 'completed', 'evidence', 'evidence_category', 'measure',
  'measure_id', 'dropped_reason', 'review_date', 'review_result', 'review_decision'];
/** Who was told (CQC, safeguarding, RIDDOR…): a notification made (a date) or decided against (not_notified). */
const NOTIFICATION_TEXT = ['id', 'to', 'recipient', 'date', 'reference', 'outcome', 'not_notified'];
const FACTOR_DEFAULTS = { area: '', description: '', systemic: false };
const ITEM_ID = /^[a-z][a-z0-9-]{0,30}$/;

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string';

export const hasReview = (a) => a.review_date !== '' && a.review_result !== '' && a.review_decision !== '';
export const hasGovernance = (d) => d.forum !== '' && d.governance_date !== '';
/** Whether any part of a group is filled in: the file then has the group, and the rules say what it lacks. */
const reviewStarted = (a) => a.review_date !== '' || a.review_result !== '' || a.review_decision !== '';
const governanceStarted = (d) => d.forum !== '' || d.governance_date !== '' || d.reflection !== '';
const redactionStarted = (d) => d.redaction || d.redaction_by !== '' || d.redaction_date !== '';

const orNull = (s) => (s === '' ? null : s);

/** Whether the draft answers any Regulation 20(9) question (an incident always needs all seven). */
export const hasCandourAnswers = (d) => CANDOUR_OUTCOMES.some(([key]) => d[`candour_${key}`] !== '');

/** Whether the duty applies: any answer yes or unknown (the rules' candour-applies: unknown counts as yes). */
export const candourApplies = (d) => CANDOUR_OUTCOMES.some(([key]) => d[`candour_${key}`] === 'yes' || d[`candour_${key}`] === 'unknown');

/** Instead of the two notification dates: why the relevant person was not told, and the attempts made (Regulation 20(5)). */
// Either half filled in makes the record, so attempts typed without a reason are refused, never dropped.
const unableOf = (d) => (candourApplies(d) && (d.candour_unable_reason !== '' || d.candour_unable_attempts !== '')
  ? { reason: d.candour_unable_reason, attempts: d.candour_unable_attempts } : null);

function outcomesOf(d) {
  if (!hasCandourAnswers(d)) return null;
  const o = {};
  for (const [key, name] of CANDOUR_OUTCOMES) o[name] = orNull(d[`candour_${key}`]);
  return o;
}

/** Exactly what the build passes to the learning-log-quality rules for the downloaded file (JournalSection.InputOf). */
export function lintInput(d) {
  return {
    status: d.status,
    factors: d.factors.map((f) => ({ id: f.id, area: f.area, systemic: f.systemic })),
    actions: d.actions.map((a) => ({
      id: a.id, description: a.description, addresses: a.addresses, ownerRole: orNull(a.owner_role), due: orNull(a.due),
      status: a.status, measure: orNull(a.measure), reviews: reviewStarted(a) ? 1 : 0, kind: orNull(a.kind),
    })),
    governanceReflection: governanceStarted(d) ? orNull(d.reflection) : null,
    harm: harmOf(d),
    candourOutcomes: outcomesOf(d),
    notifications: d.notifications.map((n) => ({ to: n.to, date: orNull(n.date) })),
  };
}

/**
 * Exactly what the build passes to the learning-log-validation rules for the downloaded file (LogChecks.InputOf), so
 * the form refuses exactly the drafts whose file the build would refuse (proven over generated drafts in
 * tests/CqcGuide.Site.Tests/Theme/LogDraftParityTests.cs). Dates are the form's YYYY-MM-DD strings, empty when not given.
 */
export function validationInput(d, today) {
  const applies = candourApplies(d);
  return {
    id: d.id, fileSlug: null, status: d.status, eventType: d.event_type,
    occurred: d.occurred_month ? d.occurred.slice(0, 7) : d.occurred, occurredPrecision: d.occurred_month ? 'month' : 'day',
    identified: d.identified, harm: harmOf(d),
    dutyOfCandour: hasCandourAnswers(d) ? {
      outcomes: outcomesOf(d), professionalRole: orNull(d.candour_role), opinionDate: orNull(d.candour_opinion_date),
      notifiedInPerson: applies ? orNull(d.candour_in_person) : null, writtenNotification: applies ? orNull(d.candour_written) : null,
      unableToNotify: unableOf(d), reason: orNull(d.candour_reason), applies: null, completed: null,
    } : null,
    notifications: d.notifications.map((n) => ({ to: n.to, recipient: orNull(n.recipient), date: orNull(n.date), notNotified: orNull(n.not_notified) })),
    factors: d.factors.map((f) => ({ id: f.id, description: f.description })),
    actions: d.actions.map((a) => ({
      id: a.id, addresses: a.addresses, status: a.status, completed: orNull(a.completed), evidence: orNull(a.evidence),
      droppedReason: a.status === 'dropped' ? orNull(a.dropped_reason) : null,
      reviews: reviewStarted(a) ? [{ date: a.review_date, result: orNull(a.review_result), decision: orNull(a.review_decision) }] : [],
      kind: orNull(a.kind), description: a.description, evidenceCategory: orNull(a.evidence_category),
    })),
    nextReview: orNull(d.next_review), today, title: d.title, summary: d.summary,
    redactionCheck: redactionStarted(d) ? { confirmed: d.redaction, by: orNull(d.redaction_by), date: orNull(d.redaction_date) } : null,
    governanceReview: governanceStarted(d) ? { forum: orNull(d.forum), date: orNull(d.governance_date) } : null,
  };
}

/** The harm the file records: none for a near miss or good care, which cannot carry one. */
const harmOf = (d) => (d.harm && d.event_type !== 'near-miss' && d.event_type !== 'good-care' ? d.harm : null);

/**
 * Exactly what the build passes to the personal-data rules for the downloaded file (PersonalData.InputOf): every text
 * with its key path in the log, the role fields, the body (the summary when there is no story), and the phrases
 * marked as not personal data. Each field also names the form control it came from (`target`), for the error summary;
 * the rules ignore it.
 */
export function personalDataFields(d) {
  const fields = [];
  const add = (path, text, role, target) => {
    if (text) fields.push({ path, text, role, target });
  };
  add('title', d.title, false, 'f-title');
  add('summary', d.summary, false, 'f-summary');
  if (hasCandourAnswers(d)) {
    add('duty_of_candour.reason', d.candour_reason, false, 'f-candour_reason');
    if (unableOf(d)) add('duty_of_candour.unable_to_notify.attempts', d.candour_unable_attempts, false, 'f-candour_unable_attempts');
  }
  d.notifications.forEach((n, i) => {
    add(`notifications[${i}].recipient`, n.recipient, false, `${n.id}-recipient`);
    add(`notifications[${i}].outcome`, n.outcome, false, `${n.id}-outcome`);
    add(`notifications[${i}].not_notified`, n.not_notified, false, `${n.id}-not_notified`);
  });
  if (d.method) {
    d.roles.forEach((r, i) => add(`learning_response.roles[${i}]`, r, true, 'f-roles'));
    for (const key of ['expected', 'actual', 'why_different', 'went_well']) add(`learning_response.${key}`, d[key], false, `f-${key}`);
  }
  d.factors.forEach((f, i) => add(`factors[${i}].description`, f.description, false, `${f.id}-description`));
  d.actions.forEach((a, i) => {
    add(`actions[${i}].description`, a.description, false, `${a.id}-description`);
    add(`actions[${i}].owner_role`, a.owner_role, true, `${a.id}-owner_role`);
    add(`actions[${i}].evidence`, a.evidence, false, `${a.id}-evidence`);
    add(`actions[${i}].measure`, a.measure, false, `${a.id}-measure`);
    if (a.status === 'dropped') add(`actions[${i}].dropped_reason`, a.dropped_reason, false, `${a.id}-dropped_reason`);
    if (reviewStarted(a)) add(`actions[${i}].reviews[0].result`, a.review_result, false, `${a.id}-review_result`);
  });
  if (governanceStarted(d)) {
    add('governance_review.forum', d.forum, false, 'f-forum');
    add('governance_review.reflection', d.reflection, false, 'f-reflection');
  }
  add('learning_to_share', d.learning_to_share, false, 'f-learning_to_share');
  if (redactionStarted(d)) add('redaction_check.by', d.redaction_by, true, 'f-redaction_by');
  add('body', d.body ? d.body : d.summary, false, d.body ? 'f-body' : 'f-summary');
  return fields;
}

/** The personal-data rules' input (findPersonalData) for a draft. */
export function personalDataInput(d) {
  return {
    fields: personalDataFields(d).map(({ path, text, role }) => ({ path, text, role })),
    notPersonalData: d.not_personal_data,
  };
}

/** An empty draft (every field present), as the form reads when nothing is filled in. */
export function emptyDraft() {
  const d = { format: DRAFT_FORMAT };
  for (const k of TEXT_FIELDS) d[k] = '';
  for (const k of FLAG_FIELDS) d[k] = false;
  for (const k of LIST_FIELDS) d[k] = [];
  d.factors = [];
  d.actions = [];
  d.notifications = [];
  d.status = 'draft';
  return d;
}

function draftProblem(d) {
  if (!isObject(d)) return 'the draft is not a set of fields';
  for (const k of TEXT_FIELDS) if (d[k] !== undefined && !isText(d[k])) return `“${k}” is not text`;
  for (const k of FLAG_FIELDS) if (d[k] !== undefined && typeof d[k] !== 'boolean') return `“${k}” is not yes or no`;
  for (const k of LIST_FIELDS) if (d[k] !== undefined && !(Array.isArray(d[k]) && d[k].every(isText))) return `“${k}” is not a list of text`;
  for (const [k, fields, flags] of [['factors', FACTOR_TEXT, ['systemic']], ['actions', ACTION_TEXT, []], ['notifications', NOTIFICATION_TEXT, []]]) {
    if (d[k] === undefined) continue;
    if (!Array.isArray(d[k])) return `“${k}” is not a list`;
    for (const item of d[k]) {
      if (!isObject(item) || !isText(item.id) || !ITEM_ID.test(item.id)) return `an item of “${k}” has no valid id`;
      for (const f of fields) if (item[f] !== undefined && !isText(item[f])) return `“${f}” of ${item.id} is not text`;
      for (const f of flags) if (item[f] !== undefined && typeof item[f] !== 'boolean') return `“${f}” of ${item.id} is not yes or no`;
      if (k === 'actions' && item.addresses !== undefined && !(Array.isArray(item.addresses) && item.addresses.every(isText))) return `“addresses” of ${item.id} is not a list of factors`;
    }
  }
  return null;
}

/**
 * Checks the stored draft record ({ format, revision, updatedAt, draft }) like an import: a wrong shape (a draft whose
 * roles is text, factors that are not a list...) is reported so the page shows the "could not be read" panel.
 * Missing fields (a draft saved by an older version of the form) are filled in empty.
 */
export function validateDraftRecord(value) {
  const fail = (reason) => ({ ok: false, reason: `the saved draft is not in the expected shape: ${reason}` });
  if (!isObject(value)) return fail('it is not an object');
  if (value.format !== DRAFT_FORMAT) return fail('it has no valid format');
  if (!Number.isInteger(value.revision) || value.revision < 0) return fail('it has no valid revision number');
  if (value.draft === null || value.draft === undefined) return { ok: true, record: { ...value, draft: null } };
  const problem = draftProblem(value.draft);
  if (problem) return fail(problem);
  // Items saved by an older form lack its newer fields (kind, evidence category, measure id): they are empty.
  const draft = { ...emptyDraft(), ...value.draft };
  draft.factors = draft.factors.map((f) => ({ ...FACTOR_DEFAULTS, ...f }));
  draft.actions = draft.actions.map((a) => ({ ...Object.fromEntries(ACTION_TEXT.map((k) => [k, ''])), addresses: [], ...a }));
  draft.notifications = draft.notifications.map((n) => ({ ...Object.fromEntries(NOTIFICATION_TEXT.map((k) => [k, ''])), ...n }));
  return { ok: true, record: { ...value, draft } };
}

// ---- the Markdown file -------------------------------------------------------------------------------------------

/** The learning log as the Markdown file the build reads (front matter in the order of docs/content-spec.md). */
export function markdown(d) {
  const lines = ['---'];
  const put = (indent, key, value) => lines.push(`${' '.repeat(indent)}${key}: ${value}`);
  put(0, 'id', d.id);
  put(0, 'title', q(d.title));
  put(0, 'status', d.status);
  put(0, 'event_type', d.event_type);
  if (d.occurred_month) {
    put(0, 'occurred', q(d.occurred.slice(0, 7)));
    put(0, 'occurred_precision', 'month');
  } else put(0, 'occurred', d.occurred);
  put(0, 'identified', d.identified);
  if (harmOf(d)) put(0, 'harm', harmOf(d));
  if (hasCandourAnswers(d)) {
    lines.push('duty_of_candour:');
    lines.push('  outcomes:');
    for (const [key] of CANDOUR_OUTCOMES) if (d[`candour_${key}`]) put(4, key, d[`candour_${key}`]);
    if (d.candour_role) put(2, 'professional_role', q(d.candour_role));
    if (d.candour_opinion_date) put(2, 'opinion_date', d.candour_opinion_date);
    if (candourApplies(d) && d.candour_in_person) put(2, 'notified_in_person', d.candour_in_person);
    if (candourApplies(d) && d.candour_written) put(2, 'written_notification', d.candour_written);
    const unable = unableOf(d);
    if (unable) {
      lines.push('  unable_to_notify:');
      put(4, 'reason', unable.reason);
      put(4, 'attempts', q(unable.attempts));
    }
    if (d.candour_reason) put(2, 'reason', q(d.candour_reason));
  }
  if (d.notifications.length) {
    lines.push('notifications:');
    for (const n of d.notifications) {
      lines.push(`  - to: ${n.to}`);
      if (n.recipient) put(4, 'recipient', q(n.recipient));
      if (n.date) put(4, 'date', n.date);
      if (n.reference) put(4, 'reference', q(n.reference));
      if (n.outcome) put(4, 'outcome', q(n.outcome));
      if (n.not_notified) put(4, 'not_notified', q(n.not_notified));
    }
  }
  put(0, 'summary', q(d.summary));
  if (d.method) {
    lines.push('learning_response:');
    put(2, 'method', d.method);
    if (d.held) put(2, 'held', d.held);
    if (d.roles.length) put(2, 'roles', `[${d.roles.map(q).join(', ')}]`);
    for (const key of ['expected', 'actual', 'why_different', 'went_well']) if (d[key]) put(2, key, q(d[key]));
  }
  if (d.factors.length) {
    lines.push('factors:');
    for (const f of d.factors) {
      lines.push(`  - id: ${f.id}`);
      put(4, 'area', f.area);
      put(4, 'description', q(f.description));
      put(4, 'systemic', f.systemic ? 'true' : 'false');
    }
  }
  if (d.actions.length) {
    lines.push('actions:');
    for (const a of d.actions) {
      lines.push(`  - id: ${a.id}`);
      put(4, 'description', q(a.description));
      if (a.kind) put(4, 'kind', a.kind);
      put(4, 'addresses', `[${a.addresses.join(', ')}]`);
      if (a.owner_role) put(4, 'owner_role', q(a.owner_role));
      if (a.due) put(4, 'due', a.due);
      put(4, 'status', a.status);
      if (a.completed) put(4, 'completed', a.completed);
      if (a.evidence) put(4, 'evidence', q(a.evidence));
      if (a.evidence_category) put(4, 'evidence_category', a.evidence_category);
      if (a.measure) put(4, 'measure', q(a.measure));
      if (a.measure_id) put(4, 'measure_id', q(a.measure_id));
      if (reviewStarted(a)) {
        lines.push('    reviews:');
        const review = [['date', a.review_date], ['result', a.review_result && q(a.review_result)], ['decision', a.review_decision]].filter(([, v]) => v);
        review.forEach(([key, v], i) => lines.push(`${i ? '        ' : '      - '}${key}: ${v}`));
      }
      if (a.dropped_reason && a.status === 'dropped') put(4, 'dropped_reason', q(a.dropped_reason));
    }
  }
  if (governanceStarted(d)) {
    lines.push('governance_review:');
    if (d.forum) put(2, 'forum', q(d.forum));
    if (d.governance_date) put(2, 'date', d.governance_date);
    if (d.reflection) put(2, 'reflection', q(d.reflection));
  }
  if (d.quality_statements.length) put(0, 'quality_statements', `[${d.quality_statements.join(', ')}]`);
  if (d.learning_to_share) put(0, 'learning_to_share', q(d.learning_to_share));
  if (d.next_review) put(0, 'next_review', d.next_review);
  if (redactionStarted(d)) {
    lines.push('redaction_check:');
    put(2, 'confirmed', d.redaction ? 'true' : 'false');
    if (d.redaction_by) put(2, 'by', q(d.redaction_by));
    if (d.redaction_date) put(2, 'date', d.redaction_date);
  }
  if (d.not_personal_data.length) put(0, 'not_personal_data', `[${d.not_personal_data.map(q).join(', ')}]`);
  lines.push('---');
  lines.push(d.body ? d.body : d.summary);
  return `${lines.join('\n')}\n`;
}
