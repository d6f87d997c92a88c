// Filters for the journal index (status, key question, event type). Without JavaScript every log is listed.
export function init(root) {
  const form = root.querySelector('[data-journal-filters]');
  const items = [...root.querySelectorAll('.journal-list > li')];
  const count = form.querySelector('[data-filter-count]');
  const params = new URLSearchParams(location.search);
  for (const name of ['status', 'kq', 'event']) form.elements[name].value = params.get(name) || '';
  const apply = () => {
    const status = form.elements.status.value;
    const kq = form.elements.kq.value;
    const event = form.elements.event.value;
    let shown = 0;
    for (const li of items) {
      const visible = (!status || li.dataset.status === status) && (!event || li.dataset.event === event)
        && (!kq || li.dataset.kq.split(' ').includes(kq));
      li.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = `Showing ${shown} of ${items.length} learning logs.`;
    const url = new URL(location.href);
    url.search = '';
    if (status) url.searchParams.set('status', status);
    if (kq) url.searchParams.set('kq', kq);
    if (event) url.searchParams.set('event', event);
    history.replaceState(null, '', url);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
