// Interactive checklists: a tick and a note per item, kept only in this browser, with the same storage, export,
// print and delete machinery as the self-assessments.
import { RecordStore, storageAvailable, download, csv, timeOf, h, confirmThen } from './store.js';

const FORMAT = 'cqcguide.checklist/1';

export function init(root) {
  const bar = root.querySelector('[data-record="checklist"]');
  const id = bar.dataset.recordId;
  const store = new RecordStore('checklist', id);
  const status = bar.querySelector('[data-record-status]');
  const items = [...root.querySelectorAll('.checklist__item')].map((li, i) => ({
    id: li.dataset.item, number: i + 1, text: li.querySelector('.checklist__text').textContent.trim(), element: li,
  }));
  const say = (text, tone) => {
    status.textContent = text;
    status.classList.toggle('record-bar__status--error', tone === 'error');
  };
  const fresh = () => ({
    format: FORMAT, checklist: { id, version: bar.dataset.recordVersion, title: bar.dataset.recordTitle },
    createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), revision: 0, items: Object.create(null),
  });
  let record;
  const state = store.read();
  if (state.state === 'corrupt') {
    say(`Your saved ticks could not be read (${state.reason}). They have been kept aside in this browser; download them below.`, 'error');
    const keep = h('button', { type: 'button', class: 'button button--secondary', text: 'Download what was saved' });
    keep.addEventListener('click', () => download(`${id}-recovered.txt`, state.raw, 'text/plain'));
    bar.querySelector('.button-group').prepend(keep);
    store.setAside(state.raw);
  }
  const revive = (r) => {
    const map = Object.create(null);
    for (const key of Object.keys(r.items || {})) map[key] = r.items[key];
    return { ...r, items: map };
  };
  record = state.state === 'ok' ? revive(state.record) : fresh();
  if (!storageAvailable()) say('This browser is not letting the site save anything, so ticks will be lost when you close the page.', 'error');

  const fill = () => {
    for (const item of items) {
      const saved = Object.hasOwn(record.items, item.id) ? record.items[item.id] : null;
      const box = item.element.querySelector('[data-field="done"]');
      const note = item.element.querySelector('[data-field="note"]');
      box.checked = Boolean(saved && saved.done);
      if (document.activeElement !== note) note.value = saved && saved.note ? saved.note : '';
      item.element.classList.toggle('checklist__item--done', box.checked);
    }
    const done = items.filter((i) => record.items[i.id]?.done).length;
    bar.querySelector('[data-progress]')?.remove();
    status.before(h('p', { class: 'record-bar__progress', 'data-progress': true, text: `${done} of ${items.length} ticked.` }));
  };

  const save = (apply) => {
    apply(record);
    let result = store.write(record, record.revision);
    if (!result.ok && result.conflict) {
      record = revive(result.conflict);
      apply(record);
      result = store.write(record, record.revision);
    }
    if (!result.ok) {
      say('Your ticks were not saved. Download a copy now.', 'error');
      return;
    }
    record = revive(result.record);
    fill();
    say(`Saved at ${timeOf(record.updatedAt)}. Kept only in this browser.`);
  };

  for (const item of items) {
    const form = item.element.querySelector('[data-checklist-controls]');
    form.hidden = false;
    form.addEventListener('submit', (e) => e.preventDefault());
    let timer;
    form.addEventListener('change', (event) => {
      if (event.target.dataset.field !== 'done') return;
      const done = event.target.checked;
      save((r) => { r.items[item.id] = { ...(r.items[item.id] || {}), done }; });
    });
    form.addEventListener('input', (event) => {
      if (event.target.dataset.field !== 'note') return;
      const note = event.target.value;
      clearTimeout(timer);
      say('Saving…');
      timer = setTimeout(() => save((r) => { r.items[item.id] = { ...(r.items[item.id] || {}), note }; }), 400);
    });
  }
  store.onChange((s) => {
    if (s.state !== 'ok') return;
    record = revive(s.record);
    fill();
    say('Updated with ticks saved in another tab.');
  });

  const exported = () => {
    const itemsOut = {};
    for (const item of items) {
      const saved = record.items[item.id];
      if (saved) itemsOut[item.id] = saved.note ? { done: Boolean(saved.done), note: saved.note } : { done: Boolean(saved.done) };
    }
    return { format: FORMAT, checklist: record.checklist, createdAt: record.createdAt, updatedAt: record.updatedAt, revision: record.revision, items: itemsOut };
  };
  bar.querySelector('[data-action="export-json"]').addEventListener('click', () =>
    download(`${id}-checklist.json`, `${JSON.stringify(exported(), null, 2)}\n`, 'application/json'));
  bar.querySelector('[data-action="export-csv"]').addEventListener('click', () =>
    download(`${id}-checklist.csv`, csv([['checklist_id', 'item_number', 'item_id', 'item', 'done', 'note'],
      ...items.map((i) => [id, i.number, i.id, i.text, record.items[i.id]?.done ? 'yes' : 'no', record.items[i.id]?.note || ''])]), 'text/csv'));
  bar.querySelector('[data-action="print"]').addEventListener('click', () => window.print());
  const del = bar.querySelector('[data-action="delete"]');
  del.addEventListener('click', () => confirmThen(bar, del, {
    question: 'Delete every tick and note on this checklist from this browser?',
    yes: 'Yes, delete my ticks and notes', no: 'No, keep them',
  }, () => {
    store.remove();
    record = fresh();
    fill();
    say('Deleted. Nothing is saved for this checklist in this browser.');
    del.focus();
  }));
  bar.hidden = false;
  fill();
}
