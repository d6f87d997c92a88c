// Importing a downloaded file, the same on every page that saves (assessments, checklists, forms): the file is read in
// this browser; a file that cannot be used gets a GOV.UK error summary and an error on the file input; a usable one
// gets a preview of what it holds, and nothing changes until the team chooses "Replace my … with this file".
import { h, fill, showErrorSummary } from './dom.js';
import { dateTimeOf, timeOf } from './format.js';

/**
 * @param {object} o
 * @param {HTMLFormElement} o.form      the form with the file input (its first .form-group and .error-message)
 * @param {HTMLInputElement} o.input
 * @param {HTMLElement} o.preview       where the preview goes (hidden until there is one; focusable)
 * @param {HTMLElement} o.slot          the page's error summary slot
 * @param {import('./session.js').Session} o.session
 * @param {string} o.noun               what is replaced: "answers", "ticks and notes"
 * @param {string} o.file               what to choose: "an answers file", "a checklist file"
 * @param {number} [o.maxBytes]         larger files are refused before they are read (1 MB)
 * @param {(text: string) => ({ ok: false, errors: string[] } | { ok: true, updatedAt: string, facts: [string, string][],
 *   notes?: (Node|null)[], record: () => object, imported: string })} o.read
 *   the page's own check of the file's text: what to show (facts, notes), the record that replaces the saved one, and
 *   what was imported ("3 answers")
 * @param {() => void} o.refresh        re-fills the page after an import
 */
export function importFlow({ form, input, preview, slot, session, noun, file: what, maxBytes = 1_000_000, read, refresh }) {
  const group = form.querySelector('.form-group');
  const message = form.querySelector('.error-message');
  const fail = (errors) => {
    group.classList.add('form-group--error');
    input.classList.add('file-upload--error');
    message.hidden = false;
    message.replaceChildren(h('span', { class: 'visually-hidden', text: 'Error: ' }), errors[0]);
    showErrorSummary(slot, errors.map((e) => ({ target: input.id, message: e })));
    preview.hidden = true;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    group.classList.remove('form-group--error');
    input.classList.remove('file-upload--error');
    message.hidden = true;
    showErrorSummary(slot, []);
    const chosen = input.files[0];
    if (!chosen) return fail([`Select ${what} to import`]);
    if (chosen.size > maxBytes) return fail([`The file is too large (${Math.round(chosen.size / 1024)} KB). ${what.replace(/^an? /, (a) => a.toUpperCase())} is a few KB; check you chose the right file.`]);
    const result = read(await chosen.text());
    if (!result.ok) return fail(result.errors);
    const replace = h('button', { type: 'button', class: 'button', text: `Replace my ${noun} with this file` });
    const cancel = h('button', { type: 'button', class: 'button button--secondary', text: 'Cancel' });
    const fact = ([term, value]) => h('div', {}, h('dt', { text: term }), h('dd', { text: value }));
    fill(preview,
      h('h2', { text: 'Check the file before importing' }),
      h('dl', { class: 'summary-facts' }, fact(['File', chosen.name]), ...result.facts.map(fact), fact(['Saved in the file', dateTimeOf(result.updatedAt)])),
      ...(result.notes || []),
      h('p', { text: `Importing replaces the ${noun} saved in this browser.` }),
      h('div', { class: 'button-group' }, replace, cancel));
    preview.hidden = false;
    preview.focus();
    cancel.addEventListener('click', () => {
      preview.hidden = true;
      preview.replaceChildren();
      input.value = '';
      session.say('Import cancelled. Nothing was changed.');
    });
    replace.addEventListener('click', () => {
      const written = session.replace(result.record());
      if (!written.ok) {
        session.say(written.message, 'error');
        return;
      }
      fill(preview, h('p', { class: 'notice notice--success', role: 'status', text: `Imported ${result.imported} from ${chosen.name}.` }));
      input.value = '';
      refresh();
      session.say(`Imported at ${timeOf(session.record.updatedAt)}.`);
    });
  });
}
