// DOM helpers shared by the page components: elements without HTML strings, GOV.UK-style error summaries,
// "are you sure" confirmations, notices, downloads made in the browser and proposing a file on GitHub.

import { newFileUrl } from './github.js';

/** Creates an element with attributes and children (text or nodes): no HTML strings, so nothing is injected. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...nodes(children));
  return element;
}

/**
 * Children for append/replaceChildren: null, undefined and false are left out (the DOM methods would print them as
 * "null"), strings become text, arrays are flattened.
 */
export function nodes(...children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : String(c)));
}

/** Replaces an element's children, leaving out null/undefined/false. */
export function fill(element, ...children) {
  element.replaceChildren(...nodes(children));
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

/**
 * "Propose it on GitHub" from a button carrying data-propose-url and data-upload-url (the repository folder's new-file
 * and upload pages): opens the new-file page with the file filled in, or, for a file too long for an address, downloads
 * it and puts a link to the upload page after the button. Returns what to tell the reader.
 */
export function proposeFile(button, filename, content, type) {
  const url = newFileUrl(button.dataset.proposeUrl, filename, content);
  if (url) {
    location.assign(url);
    return `Opening GitHub to propose ${filename}.`;
  }
  download(filename, content, type);
  button.parentElement.querySelector('[data-upload-link]')?.remove();
  button.after(h('a', { href: button.dataset.uploadUrl, class: 'button button--secondary', 'data-upload-link': '' }, `Upload ${filename} on GitHub`));
  return `${filename} is too long for a GitHub link, so it was downloaded: upload it with the link below.`;
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

/** A notice (GOV.UK inset/notification style) that takes focus when it reports something the user must act on. */
export function notice(text, { tone = '', role = 'status', heading = null } = {}) {
  return h('div', { class: `notice${tone ? ` notice--${tone}` : ''}`, role, tabindex: '-1' },
    heading ? h('h2', { text: heading }) : null,
    (Array.isArray(text) ? text : [text]).map((t) => h('p', { text: t })));
}
