// Browser storage for a team's answers and ticks. Everything stays in this browser (localStorage); nothing is sent.
// Each record is one versioned JSON envelope with a revision counter, so two tabs never overwrite newer answers:
// a write based on an older revision is refused and the caller merges the newer record first.

const PREFIX = 'cqcguide:';

export function storageAvailable() {
  try {
    const probe = `${PREFIX}probe`;
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

export class RecordStore {
  constructor(kind, id) {
    this.key = `${PREFIX}${kind}:${id}`;
  }

  /** Reads the record: { state: 'empty' } | { state: 'ok', record } | { state: 'corrupt', raw, reason }. */
  read() {
    let raw;
    try {
      raw = localStorage.getItem(this.key);
    } catch (error) {
      return { state: 'unavailable', reason: String(error) };
    }
    if (raw === null) return { state: 'empty' };
    try {
      const record = JSON.parse(raw);
      if (!record || typeof record !== 'object' || Array.isArray(record) || typeof record.revision !== 'number') {
        return { state: 'corrupt', raw, reason: 'the saved data is not in the expected shape' };
      }
      return { state: 'ok', record };
    } catch (error) {
      return { state: 'corrupt', raw, reason: 'the saved data is not valid JSON' };
    }
  }

  /**
   * Writes the record if nothing newer is stored. Returns { ok: true, record } with the new revision,
   * { ok: false, conflict: newerRecord } when another tab saved first, or { ok: false, error } when the browser
   * refused (storage full, private mode...).
   */
  write(record, baseRevision) {
    const current = this.read();
    if (current.state === 'ok' && current.record.revision > baseRevision) {
      return { ok: false, conflict: current.record };
    }
    const next = { ...record, revision: baseRevision + 1, updatedAt: new Date().toISOString() };
    try {
      localStorage.setItem(this.key, JSON.stringify(next));
      return { ok: true, record: next };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Keeps an unreadable record under a separate key (nothing is lost) and clears the main one. */
  setAside(raw) {
    const key = `${this.key}:unreadable:${Date.now()}`;
    try {
      localStorage.setItem(key, raw);
      localStorage.removeItem(this.key);
      return key;
    } catch {
      return null;
    }
  }

  remove() {
    localStorage.removeItem(this.key);
  }

  /** Calls back when another tab changes this record. */
  onChange(callback) {
    window.addEventListener('storage', (event) => {
      if (event.key === this.key) callback(this.read());
    });
  }
}

/** Offers text as a file download, made in the browser (no request leaves the page). */
export function download(filename, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One CSV cell (RFC 4180), neutralising cells a spreadsheet would run as a formula. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows) {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A short, local time for "Saved at 14:32". */
export function timeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function dateTimeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'an unknown time' : d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Creates an element with attributes and children (text or nodes): no HTML strings, so nothing is injected. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Shows a GOV.UK-style error summary in the slot, moves focus to it and prefixes the page title with "Error: ". */
export function showErrorSummary(slot, errors) {
  slot.replaceChildren();
  if (!document.title.startsWith('Error: ') && errors.length) document.title = `Error: ${document.title}`;
  if (!errors.length) {
    document.title = document.title.replace(/^Error: /, '');
    return;
  }
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title', text: 'There is a problem' }),
    h('ul', { class: 'error-summary__list' }, errors.map((e) => h('li', {}, h('a', { href: `#${e.target}`, text: e.message })))));
  summary.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView();
    target.focus();
  });
  slot.append(summary);
  summary.focus();
}

/**
 * Asks before something that cannot be undone: replaces the trigger button with a question and two buttons, moves
 * focus to the question, and calls onYes if the user confirms (focus returns to the trigger otherwise).
 */
export function confirmThen(container, trigger, { question, yes, no }, onYes) {
  const yesButton = h('button', { type: 'button', class: 'button button--warning', text: yes });
  const noButton = h('button', { type: 'button', class: 'button button--secondary', text: no });
  const titleId = `confirm-${Math.random().toString(36).slice(2)}`;
  const panel = h('div', { class: 'notice notice--warning', role: 'alertdialog', 'aria-labelledby': titleId, tabindex: '-1' },
    h('p', { id: titleId }, h('strong', { text: question })),
    h('div', { class: 'button-group' }, yesButton, noButton));
  trigger.hidden = true;
  container.append(panel);
  panel.focus();
  noButton.addEventListener('click', () => { panel.remove(); trigger.hidden = false; trigger.focus(); });
  yesButton.addEventListener('click', () => { panel.remove(); trigger.hidden = false; onYes(); });
}
