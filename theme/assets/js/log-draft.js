// Draft a learning log in the browser: GOV.UK-style form, autosave, live findings from the compiled
// learning-log-quality module, and "Download as Markdown" producing a file the build accepts and lints identically.
import { RecordStore, download, timeOf, h, showErrorSummary } from './store.js';

const FORMAT = 'cqcguide.log-draft/1';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

export async function init(root) {
  const main = root.querySelector('[data-log-draft]');
  const form = root.querySelector('[data-log-form]');
  const status = root.querySelector('[data-save-status]');
  const store = new RecordStore('log-draft', 'current');
  const today = main.dataset.today;
  const module = await import(main.dataset.module);
  root.querySelector('[data-record-bar]').hidden = false;
  form.hidden = false;
  const say = (text, tone) => {
    status.textContent = text;
    status.classList.toggle('record-bar__status--error', tone === 'error');
  };

  // ---- repeatable factors and actions -------------------------------------------------------------------------
  const lists = { factors: root.querySelector('[data-repeat="factors"]'), actions: root.querySelector('[data-repeat="actions"]') };
  const prefix = { factors: 'f', actions: 'a' };
  const counters = { factors: 0, actions: 0 };
  function addItem(kind, values = {}) {
    counters[kind] += 1;
    const id = values.id || `${prefix[kind]}${counters[kind]}`;
    while (counters[kind] < Number(id.slice(1)) && /^\d+$/.test(id.slice(1))) counters[kind] += 1;
    const item = root.getElementById(`tpl-${kind}`).content.firstElementChild.cloneNode(true);
    item.dataset.id = id;
    item.id = `item-${id}`;
    item.querySelector('[data-legend]').textContent = `${kind === 'factors' ? 'Factor' : 'Action'} ${id}`;
    for (const field of item.querySelectorAll('[data-field]')) {
      const fieldId = `${id}-${field.dataset.field}`;
      field.id = fieldId;
      field.name = fieldId;
      const label = item.querySelector(`[data-for="${field.dataset.field}"]`);
      if (label) label.htmlFor = fieldId;
      const v = values[field.dataset.field];
      if (field.type === 'checkbox') field.checked = Boolean(v);
      else if (v !== undefined && v !== null) field.value = v;
    }
    item.querySelector('[data-error]').id = `${id}-error`;
    item.querySelector('[data-remove]').append(h('span', { class: 'visually-hidden', text: ` ${kind === 'factors' ? 'factor' : 'action'} ${id}` }));
    item.querySelector('[data-remove]').addEventListener('click', () => {
      item.remove();
      refreshAddresses();
      changed();
    });
    lists[kind].append(item);
    if (kind === 'actions') item.dataset.initialAddresses = JSON.stringify(values.addresses || []);
    refreshAddresses();
    return item;
  }
  function refreshAddresses() {
    const factors = [...lists.factors.querySelectorAll('[data-item]')].map((f) => f.dataset.id);
    for (const action of lists.actions.querySelectorAll('[data-item]')) {
      const chosen = new Set(action.querySelector('[data-addresses] input')
        ? [...action.querySelectorAll('[data-addresses] input:checked')].map((i) => i.value)
        : JSON.parse(action.dataset.initialAddresses || "[]"));
      const box = action.querySelector('[data-addresses]');
      box.replaceChildren(...(factors.length ? factors.map((f) => {
        const inputId = `${action.dataset.id}-addresses-${f}`;
        return h('div', { class: 'checkbox' },
          h('input', { type: 'checkbox', id: inputId, name: `${action.dataset.id}-addresses`, value: f, checked: chosen.has(f) }),
          h('label', { for: inputId, text: `Factor ${f}` }));
      }) : [h('p', { class: 'hint', text: 'Add a contributory factor first.' })]));
    }
  }
  for (const kind of Object.keys(lists)) {
    root.querySelector(`[data-add="${kind}"]`).addEventListener('click', () => {
      const item = addItem(kind);
      item.querySelector('[data-field]').focus();
      changed();
    });
  }

  // ---- reading the form -----------------------------------------------------------------------------------------
  const value = (name) => {
    const el = form.elements[name];
    if (!el) return '';
    if (el instanceof RadioNodeList) return el.value || '';
    if (el.type === 'checkbox') return el.checked;
    return (el.value || '').trim();
  };
  const field = (item, name) => {
    const el = item.querySelector(`[data-field="${name}"]`);
    return el.type === 'checkbox' ? el.checked : (el.value || '').trim();
  };
  const orNull = (s) => (s === '' ? null : s);

  /** The whole form as plain data (saved as the draft, and the source of both the Markdown and the lint input). */
  function read() {
    return {
      format: FORMAT,
      id: value('id'), title: value('title'), event_type: value('event_type'),
      occurred: value('occurred'), occurred_month: value('occurred_month'), identified: value('identified'),
      harm: value('harm'), candour: value('candour'), candour_completed: value('candour_completed'), candour_reason: value('candour_reason'),
      summary: value('summary'), body: form.elements.body.value.replace(/\s+$/, ''),
      method: value('method'), held: value('held'), roles: value('roles').split('\n').map((r) => r.trim()).filter(Boolean),
      expected: value('expected'), actual: value('actual'), why_different: value('why_different'), went_well: value('went_well'),
      factors: [...lists.factors.querySelectorAll('[data-item]')].map((f) => ({
        id: f.dataset.id, area: field(f, 'area'), description: field(f, 'description'), systemic: field(f, 'systemic'),
      })),
      actions: [...lists.actions.querySelectorAll('[data-item]')].map((a) => ({
        id: a.dataset.id, description: field(a, 'description'),
        addresses: [...a.querySelectorAll('[data-addresses] input:checked')].map((i) => i.value),
        owner_role: field(a, 'owner_role'), due: field(a, 'due'), status: field(a, 'status'), completed: field(a, 'completed'),
        evidence: field(a, 'evidence'), measure: field(a, 'measure'), dropped_reason: field(a, 'dropped_reason'),
        review_date: field(a, 'review_date'), review_result: field(a, 'review_result'), review_decision: field(a, 'review_decision'),
      })),
      forum: value('forum'), governance_date: value('governance_date'), reflection: value('reflection'),
      quality_statements: [...form.querySelectorAll('input[name="quality_statements"]:checked')].map((i) => i.value),
      learning_to_share: value('learning_to_share'), status: value('status') || 'draft', next_review: value('next_review'),
      redaction: value('redaction'), redaction_by: value('redaction_by'), redaction_date: value('redaction_date'),
    };
  }

  const hasReview = (a) => a.review_date !== '' && a.review_result !== '' && a.review_decision !== '';
  const hasGovernance = (d) => d.forum !== '' && d.governance_date !== '';

  /** Exactly what the build passes to the rules for the downloaded file (JournalSection.InputOf). */
  function lintInput(d) {
    return {
      status: d.status,
      factors: d.factors.map((f) => ({ id: f.id, area: f.area, systemic: f.systemic })),
      actions: d.actions.map((a) => ({
        id: a.id, description: a.description, addresses: a.addresses, ownerRole: orNull(a.owner_role), due: orNull(a.due),
        status: a.status, measure: orNull(a.measure), reviews: hasReview(a) ? 1 : 0,
      })),
      governanceReflection: hasGovernance(d) ? orNull(d.reflection) : null,
    };
  }

  function fill(d) {
    for (const [name, v] of Object.entries(d)) {
      const el = form.elements[name];
      if (!el || ['factors', 'actions', 'roles', 'quality_statements', 'format', 'body'].includes(name)) continue;
      if (el instanceof RadioNodeList) for (const r of el) r.checked = r.value === v;
      else if (el.type === 'checkbox') el.checked = Boolean(v);
      else el.value = v ?? '';
    }
    form.elements.body.value = d.body || '';
    form.elements.roles.value = (d.roles || []).join('\n');
    for (const box of form.querySelectorAll('input[name="quality_statements"]')) box.checked = (d.quality_statements || []).includes(box.value);
    lists.factors.replaceChildren();
    lists.actions.replaceChildren();
    counters.factors = 0;
    counters.actions = 0;
    for (const f of d.factors || []) addItem('factors', f);
    for (const a of d.actions || []) addItem('actions', a);
  }

  // ---- conditional parts, live findings, autosave ----------------------------------------------------------------
  function conditionals(d) {
    root.getElementById('g-harm').hidden = d.event_type === 'near-miss' || d.event_type === 'good-care';
    root.getElementById('f-occurred').type = d.occurred_month ? 'month' : 'date';
    for (const el of form.querySelectorAll('[data-show-when="candour-yes"]')) el.hidden = d.candour !== 'yes';
    for (const el of form.querySelectorAll('[data-show-when="candour-no"]')) el.hidden = d.candour !== 'no';
    for (const el of form.querySelectorAll('[data-show-when="method"]')) el.hidden = d.method === '';
  }

  const findingsBox = root.querySelector('[data-findings]');
  function showFindings(d) {
    const findings = module.lint(lintInput(d));
    findingsBox.replaceChildren(findings.length
      ? h('ul', { class: 'findings' }, findings.map((f) => h('li', { class: 'finding', 'data-code': f.code, 'data-action': f.actionId ?? '' },
        h('strong', { text: f.pitfall }), ` (${f.code}): ${f.message} `, h('a', { href: f.guidance, text: 'Read the guidance' }))))
      : h('p', { text: 'No quality-check findings: this log avoids the common pitfalls so far.' }));
    return findings;
  }

  let record = { format: FORMAT, revision: 0, draft: null };
  const state = store.read();
  if (state.state === 'ok' && state.record.draft) {
    record = state.record;
    fill(record.draft);
    say(`Your draft from ${timeOf(record.updatedAt)} has been restored.`);
  } else if (state.state === 'corrupt') {
    store.setAside(state.raw);
    say('A saved draft could not be read; it has been kept aside in this browser and a new draft started.', 'error');
  }
  let timer;
  function changed() {
    const d = read();
    conditionals(d);
    showFindings(d);
    clearTimeout(timer);
    timer = setTimeout(() => {
      let result = store.write({ ...record, draft: d }, record.revision);
      if (!result.ok && result.conflict) result = store.write({ ...result.conflict, draft: d }, result.conflict.revision);
      if (result.ok) {
        record = result.record;
        say(`Draft saved at ${timeOf(record.updatedAt)}. It is kept only in this browser.`);
      } else say('Your draft was not saved in this browser. Download it now so that you do not lose it.', 'error');
    }, 300);
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  conditionals(read());
  showFindings(read());

  // ---- validation and download -------------------------------------------------------------------------------------
  function validate(d) {
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
    const harm = d.event_type === 'near-miss' || d.event_type === 'good-care' ? '' : d.harm;
    if (['moderate', 'severe', 'fatal'].includes(harm) && !d.candour) add('g-candour', 'f-candour', 'Select whether the duty of candour applies');
    if (['moderate', 'severe', 'fatal'].includes(harm) && d.candour === 'no' && !d.candour_reason) add('g-candour', 'f-candour', 'Say why the duty of candour does not apply');
    if (d.candour === 'yes' && !d.candour_completed && !['draft', 'learning-in-progress'].includes(d.status)) add('g-candour', 'f-candour', 'Enter the date the duty of candour notification was sent');
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

  function showErrors(errors) {
    for (const group of form.querySelectorAll('.form-group--error, .repeat-item--error')) group.classList.remove('form-group--error', 'repeat-item--error');
    for (const m of form.querySelectorAll('.error-message')) { m.hidden = true; m.textContent = ''; }
    for (const e of errors) {
      const group = root.getElementById(e.groupId);
      group.classList.add(group.classList.contains('repeat-item') ? 'repeat-item--error' : 'form-group--error');
      const message = group.querySelector('.error-message');
      if (message.hidden) {
        message.hidden = false;
        message.append(h('span', { class: 'visually-hidden', text: 'Error: ' }), e.message);
      }
    }
    showErrorSummary(root.querySelector('[data-error-summary-slot]'), errors);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const d = read();
    const errors = validate(d);
    showErrors(errors);
    if (errors.length) return;
    download(`${d.id}.md`, markdown(d), 'text/markdown');
    say(`Downloaded ${d.id}.md. Add it to input/journal/ and build the site.`);
  });
  root.querySelector('[data-action="new-draft"]').addEventListener('click', (event) => {
    const button = event.currentTarget;
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Yes, clear this draft (download it first if you need it)';
      return;
    }
    store.remove();
    location.reload();
  });
}

// ---- the Markdown file -------------------------------------------------------------------------------------------

/** A YAML double-quoted scalar: every string is quoted, so nothing a team types can change the structure. */
function q(text) {
  return `"${String(text).replace(/[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => ({
    '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  }[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

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
  if (d.harm && d.event_type !== 'near-miss' && d.event_type !== 'good-care') put(0, 'harm', d.harm);
  if (d.candour) {
    lines.push('duty_of_candour:');
    put(2, 'applies', d.candour === 'yes' ? 'true' : 'false');
    if (d.candour === 'yes' && d.candour_completed) put(2, 'completed', d.candour_completed);
    if (d.candour === 'no' && d.candour_reason) put(2, 'reason', q(d.candour_reason));
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
      put(4, 'addresses', `[${a.addresses.join(', ')}]`);
      if (a.owner_role) put(4, 'owner_role', q(a.owner_role));
      if (a.due) put(4, 'due', a.due);
      put(4, 'status', a.status);
      if (a.completed) put(4, 'completed', a.completed);
      if (a.evidence) put(4, 'evidence', q(a.evidence));
      if (a.measure) put(4, 'measure', q(a.measure));
      if (a.review_date && a.review_result && a.review_decision) {
        lines.push('    reviews:');
        lines.push(`      - date: ${a.review_date}`);
        put(8, 'result', q(a.review_result));
        put(8, 'decision', a.review_decision);
      }
      if (a.dropped_reason && a.status === 'dropped') put(4, 'dropped_reason', q(a.dropped_reason));
    }
  }
  if (d.forum && d.governance_date) {
    lines.push('governance_review:');
    put(2, 'forum', q(d.forum));
    put(2, 'date', d.governance_date);
    if (d.reflection) put(2, 'reflection', q(d.reflection));
  }
  if (d.quality_statements.length) put(0, 'quality_statements', `[${d.quality_statements.join(', ')}]`);
  if (d.learning_to_share) put(0, 'learning_to_share', q(d.learning_to_share));
  if (d.next_review) put(0, 'next_review', d.next_review);
  if (d.redaction || d.redaction_by || d.redaction_date) {
    lines.push('redaction_check:');
    put(2, 'confirmed', d.redaction ? 'true' : 'false');
    if (d.redaction_by) put(2, 'by', q(d.redaction_by));
    if (d.redaction_date) put(2, 'date', d.redaction_date);
  }
  lines.push('---');
  lines.push(d.body ? d.body : d.summary);
  return `${lines.join('\n')}\n`;
}
