// Search with Pagefind's JavaScript API: results, excerpts and filters, all in the browser.
// The query lives in the address (?q=...), so results can be bookmarked and the form works as a plain GET form.

const TYPE_LABELS = {
  guidance: 'Guidance',
  checklist: 'Checklists',
  'quality statement': 'Quality statements',
  'key question': 'Key questions',
  assessment: 'Self-assessments',
  'learning log': 'Learning journal',
  page: 'About this site',
};

/**
 * A Pagefind excerpt (text with <mark> around matches) as a paragraph built from text nodes: the excerpt is parsed in
 * an inert <template> (no scripts run, nothing loads), and only its text and marks are kept. Spaces around marks stay
 * as they are ("root <mark>causes</mark> and").
 */
export function excerptNode(excerpt) {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const p = document.createElement('p');
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = node.textContent;
      p.append(m);
    } else {
      p.append(node.textContent);
    }
  }
  p.normalize();
  return p;
}

const OFFLINE = 'Search needs a connection for this: the part of the search index it needs is not saved on this device. Check that you are online, then search again.';

/** The offline message, with a link to the page that saves the whole site (and its index) when the site offers it. */
function offlineMessage() {
  const p = Object.assign(document.createElement('p'), { className: 'notice notice--warning', textContent: OFFLINE });
  const page = document.documentElement.dataset.offlinePage;
  if (page) {
    const link = Object.assign(document.createElement('a'), { href: page, textContent: 'save the whole site on this device' });
    p.append(' To search without a connection, ', link, ' while you are online.');
  }
  return p;
}

export async function init(root) {
  // (The search form is a plain GET form: a query is meant to be in the address, unlike reader data.)
  const form = root.querySelector('[data-search-form]');
  const input = form.querySelector('input[name="q"]');
  const older = form.querySelector('input[name="older"]');
  const filtersBox = form.querySelector('[data-search-filters]');
  const typesBox = form.querySelector('[data-search-types]');
  const resultsBox = root.querySelector('[data-search-results]');
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  older.checked = params.get('older') === '1';
  const wantedTypes = new Set(params.getAll('type'));

  let pagefind;
  try {
    pagefind = await import(form.dataset.pagefindBase + 'pagefind.js');
    await pagefind.options({ baseUrl: form.dataset.siteBase });
    await pagefind.init();
  } catch (error) {
    if (navigator.onLine === false) resultsBox.replaceChildren(offlineMessage());
    else resultsBox.textContent = 'The search index could not be loaded. If you are previewing the site, build it with search turned on.';
    return;
  }

  let available = {};
  try {
    available = await pagefind.filters();
  } catch {
    // Filters are an extra: without them the search still works.
  }
  const types = Object.keys(available.type || {}).sort();
  types.forEach((type) => {
    const id = `search-type-${type.replace(/\W+/g, '-')}`;
    const wrapper = document.createElement('div');
    wrapper.className = 'checkbox';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'type';
    box.value = type;
    box.id = id;
    box.checked = wantedTypes.has(type);
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = TYPE_LABELS[type] || type;
    wrapper.append(box, label);
    typesBox.append(wrapper);
  });
  filtersBox.hidden = false;

  let generation = 0;
  async function run() {
    const query = input.value.trim();
    const chosen = [...typesBox.querySelectorAll('input:checked')].map((b) => b.value);
    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    chosen.forEach((t) => url.searchParams.append('type', t));
    if (older.checked) url.searchParams.set('older', '1');
    history.replaceState(null, '', url);
    const mine = ++generation;
    resultsBox.replaceChildren();
    if (!query) return;
    const filters = {};
    if (chosen.length) filters.type = { any: chosen };
    if (!older.checked) filters.edition = 'current';
    let search;
    let data;
    try {
      search = await pagefind.search(query, { filters });
      if (mine !== generation) return;
      data = await Promise.all(search.results.slice(0, 25).map((r) => r.data()));
    } catch {
      // Pagefind fetches parts of the index as they are needed: offline (or when the host fails) that fetch fails.
      if (mine !== generation) return;
      resultsBox.replaceChildren(offlineMessage());
      return;
    }
    if (mine !== generation) return;
    if (!search.results.length && navigator.onLine === false) {
      // Pagefind skips a part of the index it could not fetch, so offline a search finds nothing: say why.
      resultsBox.replaceChildren(offlineMessage());
      return;
    }
    const heading = document.createElement('h2');
    heading.textContent = search.results.length === 1 ? '1 result' : `${search.results.length} results`;
    resultsBox.append(heading);
    const list = document.createElement('ol');
    list.className = 'search-results';
    data.forEach((item) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title || item.url;
      li.append(a);
      const kind = (item.filters.type || [])[0];
      const edition = (item.filters.edition || [])[0];
      if (kind) {
        const meta = document.createElement('span');
        meta.className = 'hint';
        meta.textContent = ` ${TYPE_LABELS[kind] || kind}${edition && edition !== 'current' ? `, edition ${edition}` : ''}`;
        li.append(meta);
      }
      li.append(excerptNode(item.excerpt));
      list.append(li);
    });
    resultsBox.append(list);
  }

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('change', run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  run();
}
