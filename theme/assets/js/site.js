// Progressive enhancement: each page loads only the behaviour its markup asks for.
// Pages work without JavaScript; these modules add saving, scoring, search and export.
//
// A feature that fails to start is never silent: it is reported on the console (console.error, which the browser
// tests treat as a failure) and on the page, where the "needs JavaScript" notice of the page becomes visible at
// once with what is not available. Forms that hold a reader's answers or notes never submit anywhere (they are
// method="dialog" forms whose submit button appears only once their module runs; this listener blocks them too).
// When every feature has started or failed, <html data-ready> is set (tests and print wait for it).

const FEATURES = [
  { name: 'search', selector: '[data-search-form]', load: () => import('./search.js'), saves: false },
  { name: 'assessment', selector: '[data-assessment-page]', load: () => import('./assessment.js'), saves: true },
  { name: 'team', selector: '[data-team-page]', load: () => import('./team.js'), saves: true },
  { name: 'checklist', selector: '[data-record="checklist"]', load: () => import('./checklist.js'), saves: true },
  { name: 'log-draft', selector: '[data-log-draft]', load: () => import('./log-draft.js'), saves: true },
  { name: 'form', selector: '[data-fillable-form]', load: () => import('./form.js'), saves: true },
  { name: 'journal-filters', selector: '[data-journal-filters]', load: () => import('./journal.js'), saves: false },
  { name: 'spc-check', selector: '[data-spc-check]', load: () => import('./spc-check.js'), saves: false },
  { name: 'offline', selector: 'html[data-offline-page]', load: () => import('./offline.js'), saves: false },
];

// Reader data never leaves the page, even if a feature module failed after its form appeared.
document.addEventListener('submit', (event) => {
  if (event.target.closest('[data-reader-form]')) event.preventDefault();
}, true);

// GOV.UK start button: a link with role="button" is activated by Space as well as Enter.
document.addEventListener('keydown', (event) => {
  const link = event.target.closest?.('a[role="button"]');
  if (!link || (event.key !== ' ' && event.key !== 'Spacebar')) return;
  event.preventDefault();
  link.click();
});

/** Makes a failure visible: the page's "needs JavaScript" notices show at once with what is not available. */
function reportFailure(feature, error) {
  console.error(`CqcGuide: the ${feature.name} feature did not start, so ${feature.saves ? 'saving is not available on this page' : 'it is not available on this page'}.`, error);
  const text = feature.saves
    ? 'Saving is not available on this page: part of the page did not load or start. Nothing you enter here is saved or sent anywhere. Reload the page to try again; if that does not help, download what you need from another page or try another browser.'
    : 'Part of this page did not load or start, so it is not available. Reload the page to try again.';
  const notices = [...document.querySelectorAll('[data-js-notice]')];
  if (!notices.length) {
    const main = document.querySelector('main');
    const created = document.createElement('div');
    created.setAttribute('data-js-notice', '');
    (main?.querySelector('h1') ?? main)?.after(created);
    if (!main) document.body.prepend(created);
    notices.push(created);
  }
  for (const notice of notices) {
    notice.className = 'notice notice--error js-notice js-notice--failed';
    notice.setAttribute('role', 'alert');
    const p = document.createElement('p');
    p.textContent = text;
    notice.replaceChildren(p);
  }
}

async function start(feature) {
  try {
    const module = await feature.load();
    await module.init(document);
    return true;
  } catch (error) {
    reportFailure(feature, error);
    return false;
  }
}

// A site that publishes no service worker (cqcguide serve, or offline: false in site.yml) removes one that a built copy
// of it left at this address, with its stores: otherwise it would go on answering with old pages.
// Only this site's own: the worker whose scope is the site's base (where its manifest is), and its stores.
const manifest = document.querySelector('link[rel="manifest"]');
if (!document.documentElement.dataset.sw && window.caches && manifest) {
  const scope = new URL('.', manifest.href).href;
  navigator.serviceWorker?.getRegistration().then(async (registration) => {
    const script = registration?.active?.scriptURL ?? registration?.waiting?.scriptURL ?? registration?.installing?.scriptURL;
    if (!script || registration.scope !== scope || script !== new URL('sw.js', scope).href) return;
    await registration.unregister();
    const prefix = `cqcguide ${new URL(scope).pathname} `;
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  }).catch(() => {});
}

const present = FEATURES.filter((f) => document.querySelector(f.selector));
Promise.all(present.map(start)).then((started) => {
  if (started.every(Boolean)) for (const notice of document.querySelectorAll('[data-js-notice]')) notice.remove();
  document.documentElement.setAttribute('data-ready', '');
});
