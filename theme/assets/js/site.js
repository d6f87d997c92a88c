// Progressive enhancement: each page loads only the behaviour its markup asks for.
// Pages work without JavaScript; these modules add saving, scoring, search and export.

if (document.querySelector('[data-search-form]')) {
  import('./search.js').then((m) => m.init(document));
}
