// The improvement plan kept with a self-assessment's answers (answers file "plan"): items made from the results'
// next steps or added by the team, checked, exported (CSV, Markdown) and handed to the draft learning log.
// The statuses, the id pattern and the limits come from the definition (the improvement-plan model's planFormat, as
// the C# answers parser reads them); which items are overdue is the compiled plan() rule's decision, not this file's.
// No DOM and no storage here: unit-tested in Jint (tests/CqcGuide.Site.Tests/Theme).

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isOptionalText = (v) => v === undefined || v === null || typeof v === 'string';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Text fields of a plan item, in the file's order, with the limit each has in the definition's plan format. */
export const PLAN_TEXT = [['statement', () => 200], ['what', (f) => f.maxWhat], ['why', (f) => f.maxText], ['owner', (f) => f.maxOwner],
  ['due', () => 10], ['completed', () => 10], ['measure', (f) => f.maxText]];

/** Whether text is a real calendar day written YYYY-MM-DD. */
export function isDay(text) {
  if (typeof text !== 'string' || !DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return text.slice(0, 4) !== '0000' && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * A date as GOV.UK's three boxes hold it: "2027-01-31" → { day: '31', month: '01', year: '2027' }. A date typed only in
 * part is kept as typed ("2027--5"), so that nothing a team typed disappears and the check can name the problem.
 */
export function dateParts(text) {
  const [year = '', month = '', day = ''] = String(text || '').split('-');
  return { day, month, year };
}

/** The three boxes as one date: YYYY-MM-DD when they are numbers (day and month padded), '' when all are empty. */
export function dateOf({ day = '', month = '', year = '' }) {
  const [d, m, y] = [day, month, year].map((v) => v.trim());
  if (!d && !m && !y) return '';
  const pad = (v) => (/^\d$/.test(v) ? `0${v}` : v);
  return `${y}-${pad(m)}-${pad(d)}`.slice(0, 10);
}

/** "31 January 2027" for a YYYY-MM-DD day (as written when it is not one). */
export function dayLabel(text) {
  if (!isDay(text)) return text || '';
  const [year, month, day] = text.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Text cut to at most n UTF-16 units without splitting a character (a lone surrogate would not survive JSON readers). */
export function cut(text, n) {
  if (text.length <= n) return text;
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** The next free id: "p1", "p2"... */
export function nextPlanId(plan) {
  const used = new Set(plan.map((p) => p.id));
  let n = plan.length + 1;
  while (used.has(`p${n}`)) n += 1;
  return `p${n}`;
}

/** The question a plan item answers, or null (an item of the team's own, or one whose statement is not in this version). */
export function statementOf(def, item) {
  return item.statement ? def.sections.flatMap((s) => s.questions).find((q) => q.id === item.statement) ?? null : null;
}

/**
 * A plan item made from one of the results' next steps (answers.js nextStepItems): what to do is a first step the
 * team rewrites; why is what the self-assessment found.
 */
export function planItemFromStep(def, plan, item, today) {
  const text = item.question.text;
  const why = [`Self-assessment of ${today}: ${item.scoreLabel.toLowerCase()}${item.kept ? ' (the last published score, kept)' : ''}.`];
  if (item.note) why.push(`Our note: ${item.note}`);
  const what = def.model.cqc
    ? `Find out why “${text}” scored ${item.step.score === 0 ? 'as not assessed' : item.step.score}, and change what causes it`
    : `Find out why we answered “${text}” ${item.step.score}, and change what causes it`;
  return {
    id: nextPlanId(plan), statement: item.question.id,
    what: what.length > def.plan.maxWhat ? `${cut(what, def.plan.maxWhat - 1)}…` : what,
    why: cut(why.join(' '), def.plan.maxText), owner: '', due: '', completed: '', measure: '', status: 'planned',
  };
}

/** An empty item of the team's own. */
export function newPlanItem(plan) {
  return { id: nextPlanId(plan), statement: '', what: '', why: '', owner: '', due: '', completed: '', measure: '', status: 'planned' };
}

/**
 * A stored or imported plan as the page keeps it (every field a string, '' for absent), or { error } naming the first
 * problem: the same checks as the C# answers parser (ids, required what and status, statuses, days, limits). A plan
 * saved in this browser is a plan being written ({ draft: true }): only its shape is checked, so an item whose "what"
 * was cleared a moment ago, a date typed in part or an item too many (two tabs adding at once) never makes the saved
 * answers unreadable; the checks before a download (planProblems) name what to fix. A statement this version of the
 * assessment does not ask (a file from another version) is kept: the item shows as the team's own.
 */
export function readPlan(def, raw, { draft = false } = {}) {
  const format = def.plan;
  if (raw === undefined || raw === null) return { plan: [] };
  if (!Array.isArray(raw)) return { error: 'its improvement plan is not a list of items' };
  if (!draft && raw.length > format.maxItems) return { error: `its improvement plan has ${raw.length} items; the limit is ${format.maxItems}` };
  const pattern = new RegExp(format.idPattern);
  const statuses = format.statuses.map((s) => s.value);
  const ids = new Set();
  const plan = [];
  for (const [i, item] of raw.entries()) {
    const where = `item ${i + 1} of its improvement plan`;
    if (!isObject(item)) return { error: `${where} is not a plan item` };
    if (typeof item.id !== 'string' || !pattern.test(item.id)) return { error: `${where} has no valid id` };
    if (ids.has(item.id)) return { error: `${where} repeats the id “${item.id}”` };
    ids.add(item.id);
    const kept = { id: item.id };
    for (const [name, limit] of PLAN_TEXT) {
      if (!isOptionalText(item[name])) return { error: `“${name}” of ${where} is not text` };
      const text = item[name] ?? '';
      if (!draft && text.length > limit(format)) return { error: `“${name}” of ${where} is longer than ${limit(format)} characters` };
      kept[name] = text;
    }
    for (const day of ['due', 'completed']) if (!draft && kept[day] && !isDay(kept[day])) return { error: `“${day}” of ${where} is not a date written YYYY-MM-DD` };
    if (!draft && !kept.what.trim()) return { error: `${where} does not say what will be done` };
    if (!statuses.includes(item.status)) return { error: `${where} has the status “${String(item.status)}”, which is not one of ${statuses.join(', ')}` };
    kept.status = item.status;
    plan.push(kept);
  }
  return { plan };
}

/** The plan as the answers file carries it: absent fields left out, in the team's order. */
export function exportablePlan(plan) {
  return plan.map((item) => {
    const out = { id: item.id };
    if (item.statement) out.statement = item.statement;
    out.what = item.what;
    for (const name of ['why', 'owner', 'due', 'completed', 'measure']) if (item[name]) out[name] = item[name];
    out.status = item.status;
    return out;
  });
}

/**
 * What stops the plan being downloaded or handed on: an item with nothing to do, or a due date that is not a day.
 * Each problem names the field to fix ({ id, field, message }) for the page's error summary.
 */
export function planProblems(plan, format = null) {
  const problems = [];
  for (const [i, item] of plan.entries()) {
    if (!item.what.trim()) problems.push({ id: item.id, field: 'what', message: `Enter what you will do for item ${i + 1}` });
    for (const [field, name] of [['due', 'due date'], ['completed', 'completion date']]) {
      if (item[field] && !isDay(item[field])) problems.push({ id: item.id, field, message: `Enter the ${name} of item ${i + 1} as a real date, for example 31 1 2027` });
    }
    if (format) {
      for (const [name, limit] of PLAN_TEXT) {
        if ((item[name] ?? '').length > limit(format)) problems.push({ id: item.id, field: name, message: `Shorten “${name}” of item ${i + 1} to ${limit(format)} characters or fewer` });
      }
    }
  }
  if (format && plan.length > format.maxItems) problems.push({ id: plan[plan.length - 1].id, field: 'what', message: `Remove items until the plan has ${format.maxItems} or fewer` });
  return problems;
}

/** The compiled plan() rule's input: the day, and each item's id, status and dates. */
export function planRuleInput(plan, today) {
  return { today, items: plan.map((p) => ({ id: p.id, status: p.status, due: p.due || null, completed: p.completed || null })) };
}

/** The label of a state the plan() rule returned (the improvement-plan model's own labels, in the definition). */
export function stateLabel(def, state) {
  return def.plan.states?.find((s) => s.value === state)?.label ?? state;
}

function statusLabel(def, value) {
  return def.plan.statuses.find((s) => s.value === value)?.label ?? value;
}

export const PLAN_CSV_HEADINGS = ['Assessment', 'Assessment version', 'Item', 'Statement ID', 'Statement', 'What', 'Why', 'Owner', 'Due', 'Completed',
  'How we will know it worked', 'Status', 'State'];

/** One row per item; "State" is the rule's state on the day of the download (states: id → state). */
export function planCsvRows(def, plan, states) {
  return [PLAN_CSV_HEADINGS, ...plan.map((item, i) => [def.title, def.version, i + 1, item.statement, statementOf(def, item)?.text ?? '', item.what, item.why,
    item.owner, item.due, item.completed, item.measure, statusLabel(def, item.status), stateLabel(def, states[item.id] ?? '')])];
}

/** Text safe inside a Markdown paragraph or list item: one line, with Markdown and HTML characters escaped. */
export function markdownText(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>&~|]/g, (c) => `\\${c}`);
}

/**
 * The plan as a Markdown document for a governance paper or a repository: a heading, who and when, then each item.
 * Everything a team typed is escaped, so a plan cannot add Markdown link or image syntax, emphasis or HTML to the
 * document (a bare web address may still be shown as a link by renderers that link them).
 */
export function planMarkdown(def, plan, states, meta) {
  const lines = [`# Improvement plan: ${markdownText(def.title)}`, ''];
  const facts = [['Service', meta.service], ['Assessment', `${def.title}, version ${def.version}`], ['Date', dayLabel(meta.today)], ['Completed by', meta.completedBy]];
  for (const [name, value] of facts) if (value) lines.push(`- **${name}:** ${markdownText(value)}`);
  lines.push('', `${plan.length} item${plan.length === 1 ? '' : 's'}. This is a self-assessment and the team's own plan, not a CQC rating or requirement.`);
  for (const [i, item] of plan.entries()) {
    const statement = statementOf(def, item);
    lines.push('', `## ${i + 1}. ${markdownText(item.what)}`, '');
    if (statement) lines.push(`- **Statement:** ${markdownText(statement.text)}`);
    if (item.why) lines.push(`- **Why:** ${markdownText(item.why)}`);
    if (item.owner) lines.push(`- **Owner:** ${markdownText(item.owner)}`);
    if (item.due) lines.push(`- **Due:** ${markdownText(dayLabel(item.due))}`);
    lines.push(`- **Status:** ${markdownText(statusLabel(def, item.status))}${states[item.id] && states[item.id] !== item.status ? ` (${markdownText(stateLabel(def, states[item.id]).toLowerCase())} on ${markdownText(dayLabel(meta.today))})` : ''}`);
    if (item.completed) lines.push(`- **Completed:** ${markdownText(dayLabel(item.completed))}`);
    if (item.measure) lines.push(`- **How we will know it worked:** ${markdownText(item.measure)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The draft learning log a plan item starts (handed to /journal/draft/ through this browser's storage): the risk the
 * self-assessment found, the quality statement, and the item as the log's first action. The team writes the rest.
 */
export function planItemDraft(def, item, today) {
  const statement = statementOf(def, item);
  const summary = [statement ? `Our self-assessment (${def.title}) found a weakness in “${statement.text}”.` : `From our improvement plan (${def.title}).`];
  if (item.why) summary.push(item.why);
  return {
    title: item.what.length > 150 ? `${cut(item.what, 149)}…` : item.what,
    event_type: 'risk',
    identified: today,
    occurred: today,
    summary: summary.join(' '),
    quality_statements: def.model.cqc && statement ? [statement.id] : [],
    actions: [{ id: 'a1', description: item.what, kind: '', owner_role: item.owner, due: item.due, status: item.status, completed: item.completed,
      evidence: '', evidence_category: '', measure: item.measure, measure_id: '', dropped_reason: '', review_date: '', review_result: '', review_decision: '', addresses: [] }],
  };
}
