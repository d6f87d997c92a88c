// Progressive enhancement: each page loads only the behaviour its markup asks for.
// Pages work without JavaScript; these modules add saving, scoring, search and export.
// When every behaviour has started, <html data-ready> is set (tests and print wait for it).

const features = [];
if (document.querySelector('[data-search-form]')) {
  features.push(import('./search.js').then((m) => m.init(document)));
}
if (document.querySelector('[data-assessment-page]')) {
  features.push(import('./assessment.js').then((m) => m.init(document).ready));
}
if (document.querySelector('[data-record="checklist"]')) {
  features.push(import('./checklist.js').then((m) => m.init(document)));
}
if (document.querySelector('[data-log-draft]')) {
  features.push(import('./log-draft.js').then((m) => m.init(document)));
}
if (document.querySelector('[data-journal-filters]')) {
  features.push(import('./journal.js').then((m) => m.init(document)));
}
Promise.allSettled(features).then(() => document.documentElement.setAttribute('data-ready', ''));
