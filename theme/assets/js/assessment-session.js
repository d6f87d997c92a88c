// What every page that reads or writes an assessment's saved answers starts with: the definition embedded in the page
// and the editing session over this browser's answers (the assessment pages and the team page).
import { RecordStore } from './store.js';
import { Session } from './session.js';
import { readDefinition } from './definition.js';
import { newRecord, validateStored } from './answers.js';

/** The assessment definition the page embeds (script#assessment-definition). */
export function embeddedDefinition(root) {
  const definition = root.getElementById('assessment-definition');
  if (!definition) throw new Error('the page has no embedded assessment definition');
  return readDefinition(definition.textContent);
}

/** The session over this browser's answers to the assessment: read and written with the stored record's checks. */
export function answersSession(root, def, { render, panelSlot } = {}) {
  return new Session({
    store: new RecordStore('assessment', def.id, (value) => validateStored(def, value)),
    fresh: () => newRecord(def),
    noun: 'answers',
    status: root.querySelector('[data-save-status]'),
    render,
    panelSlot,
  });
}
