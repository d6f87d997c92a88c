// The site's service worker (issue 17): the site keeps working on a care home tablet or a carer's phone when the
// signal goes. The build writes the line above this one (BUILD: this build's version, the scope, the address of
// offline.json and of the "not saved" page) and publishes the result as sw.js.
//
// - Installing stores the shell (styles, scripts, the compiled scoring rules, home, search) and every page that must
//   work without a connection: the self-assessments, checklists and forms. Pages read before, under an older build,
//   are stored again from this build, and so is a saved copy of the whole site.
// - Pages: network first, so a reader online always gets the current page; the copy is kept for offline use. Offline,
//   the kept copy, else the "not saved on this device" page.
// - Content-hashed files (styles, scripts, rules) and the search index's chunks: from the store first (their names
//   identify their content). Pagefind's script, entry list and WebAssembly keep their names from build to build, so
//   they come from the network first, like pages: a page of a new build never searches with an old build's index.
// - One store per build: a new build installs beside the old one and waits; pages offer "reload" and only then does
//   it take over and delete the old store, so pages of two builds are never mixed silently.
// - Nothing the reader types is ever seen here: the worker handles only GET requests to this site.

const PREFIX = `cqcguide ${BUILD.scope} `;
const STORE = PREFIX + BUILD.version;
/** A record in the store (never a page of the site) saying that the whole site was saved, with when and how much. */
const SAVED = `${BUILD.scope}offline/saved.json`;
/** A record in the store: the stores of older builds that existed when this one installed (activation deletes those). */
const OLDER = `${BUILD.scope}offline/older.json`;
/** Content-hashed names (styles, scripts, rules) and Pagefind's index: a name's content never changes. */
const HASHED = /^(assets\/(css|js|rules)\/|pagefind\/(index|fragment|filter)\/|pagefind\/[^/]*\.pf_meta$)/;
const AT_ONCE = 6;

/** The site on the server is no longer the build this worker belongs to (a new version is being installed). */
class Outdated extends Error {}

/** This build's lists (offline.json), fetched past every cache; a list from another build means a deploy is under way. */
async function list() {
  const response = await fetch(BUILD.list, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${BUILD.list}: HTTP ${response.status}`);
  const manifest = await response.json();
  if (manifest.version !== BUILD.version) throw new Outdated(`${BUILD.list} is from build ${manifest.version}, not ${BUILD.version}`);
  return manifest;
}

/** The lists as they were when this build installed (they work offline). */
async function storedList() {
  const kept = await (await caches.open(STORE)).match(BUILD.list);
  return kept ? kept.json() : list();
}

/** Stores each address from the network (past the browser's HTTP cache), a few at a time; returns how many failed. */
async function store(cache, urls, progress) {
  let failed = 0;
  let done = 0;
  const queue = [...urls];
  async function worker() {
    while (queue.length) {
      const url = queue.shift();
      try {
        const response = await fetch(new Request(url, { cache: 'reload' }));
        if (!response.ok || response.redirected) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, response);
      } catch {
        failed += 1;
      }
      done += 1;
      progress?.(done, urls.length);
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return failed;
}

async function olderStores() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== STORE);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const manifest = await list();
    const cache = await caches.open(STORE);
    await cache.put(BUILD.list, new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
    // Everything installed must arrive, or this build does not install (the browser tries again later).
    await cache.addAll(manifest.install.map((url) => new Request(url, { cache: 'reload' })));
    // What the reader kept under an older build is kept again, from this build: the pages they read, or everything.
    const wanted = new Set();
    let savedAll = false;
    for (const name of await olderStores()) {
      const old = await caches.open(name);
      if (await old.match(SAVED)) savedAll = true;
      for (const request of await old.keys()) wanted.add(new URL(request.url).pathname);
    }
    const again = manifest.save.filter((url) => savedAll || wanted.has(url));
    const failed = await store(cache, again);
    if (savedAll && failed === 0) await markSaved(cache, manifest);
    await cache.put(OLDER, new Response(JSON.stringify(await olderStores()), { headers: { 'content-type': 'application/json' } }));
    // A build that activated meanwhile deletes the stores it does not own: then this install has nothing to stand on.
    if (!(await caches.has(STORE))) throw new Error('the store was removed while installing');
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Pages read while this build waited went into the old store: fetch them again from this build, then let it go.
    // Only stores that were there when this build installed are older: a store created since is a newer build's.
    const cache = await caches.open(STORE);
    const recorded = await cache.match(OLDER);
    const existing = await olderStores();
    const older = recorded ? (await recorded.json()).filter((name) => existing.includes(name)) : existing;
    const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
    const manifest = await storedList().catch(() => null);
    const listed = new Set(manifest ? [...manifest.install, ...manifest.save] : []);
    const missing = new Set();
    for (const name of older) {
      for (const request of await (await caches.open(name)).keys()) {
        const path = new URL(request.url).pathname;
        if (listed.has(path) && !kept.has(path)) missing.add(path);
      }
    }
    // Pages wait for activation: at most 10 seconds of this, and only while the server still has this build.
    if (missing.size && (await list().then(() => true, () => false))) {
      await Promise.race([store(cache, [...missing]), new Promise((resolve) => { setTimeout(resolve, 10_000); })]);
    }
    await Promise.all(older.map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function markSaved(cache, manifest) {
  const record = { version: BUILD.version, pages: manifest.pages, bytes: manifest.installBytes + manifest.saveBytes };
  await cache.put(SAVED, new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }));
}

/** The address a page is stored under: without its query (?q= on the search page) or fragment. */
function pageKey(url) {
  return url.origin + url.pathname;
}

async function page(request, url) {
  const cache = await caches.open(STORE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && response.type === 'basic') {
      const copy = response.clone();
      cache.put(pageKey(url), copy).catch(() => {});
    }
    return response;
  } catch (error) {
    const kept = await cache.match(pageKey(url));
    if (kept) return kept;
    const fallback = await cache.match(BUILD.fallback);
    if (fallback) return new Response(fallback.body, { status: 503, statusText: 'Offline', headers: fallback.headers });
    throw error;
  }
}

/**
 * Content-hashed files and this build's search index, from the store first. They are stored without their query:
 * Pagefind asks for pagefind-entry.json?ts=<time> to get past HTTP caches, and within one build it never changes.
 */
async function storedFirst(request, url) {
  const cache = await caches.open(STORE);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && !response.redirected) cache.put(url.origin + url.pathname, response.clone()).catch(() => {});
  return response;
}

/**
 * Everything else (Pagefind's fixed names, the manifest, the organisation's images and downloads): the network first,
 * the stored copy offline. Stored without the query, so a query never fills the store.
 */
async function networkFirst(request, url) {
  const cache = await caches.open(STORE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) cache.put(url.origin + url.pathname, response.clone()).catch(() => {});
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BUILD.scope) || url.pathname === SAVED || url.pathname === OLDER) return;
  const path = url.pathname.slice(BUILD.scope.length);
  if (request.mode === 'navigate') event.respondWith(page(request, url));
  else if (HASHED.test(path)) event.respondWith(storedFirst(request, url));
  else if (path === 'sw.js' || path === 'offline.json') return;
  else event.respondWith(networkFirst(request, url));
});

/** Messages from this site's pages: what is stored, save everything, forget the saved copy, and "reload" (update). */
self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const reply = (message) => port?.postMessage(message);
  const type = event.data?.type;
  if (type === 'update') {
    self.skipWaiting();
    return;
  }
  event.waitUntil((async () => {
    try {
      if (type === 'status') reply({ type: 'status', ...(await status()) });
      else if (type === 'save') reply({ type: 'saved', ...(await saveAll(reply)) });
      else if (type === 'forget') reply({ type: 'forgotten', ...(await forget()) });
    } catch (error) {
      reply({ type: 'error', outdated: error instanceof Outdated, message: String(error?.message ?? error) });
      if (type === 'save') self.registration.update().catch(() => {});
    }
  })());
});

async function status() {
  const cache = await caches.open(STORE);
  const saved = await cache.match(SAVED);
  const manifest = await storedList();
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  return {
    version: BUILD.version,
    installed: manifest.install.length,
    saved: saved ? await saved.json() : null,
    pages: manifest.pages,
    bytes: manifest.installBytes + manifest.saveBytes,
    searchBytes: manifest.searchBytes,
    stored: manifest.install.concat(manifest.save).filter((url) => kept.has(url)).length,
    files: manifest.install.length + manifest.save.length,
  };
}

async function saveAll(reply) {
  const manifest = await list();
  const cache = await caches.open(STORE);
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const missing = manifest.install.concat(manifest.save).filter((url) => !kept.has(url));
  const failed = await store(cache, missing, (done, total) => reply({ type: 'progress', done, total }));
  if (failed) throw new Error(`${failed} of ${missing.length} files could not be fetched`);
  await markSaved(cache, manifest);
  return status();
}

async function forget() {
  const manifest = await storedList();
  const cache = await caches.open(STORE);
  const installed = new Set([...manifest.install, BUILD.list, OLDER]);
  for (const request of await cache.keys()) {
    if (!installed.has(new URL(request.url).pathname)) await cache.delete(request);
  }
  return status();
}
