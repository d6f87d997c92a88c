// Offline use (issue 17), on every page: registers the site's service worker (sw.js, written by the build), says so
// when the connection is gone, offers "a new version is available: reload" when a new build has installed beside the
// running one, and runs the "Use this site offline" page (what is stored, save the whole site, remove the copy).
// Serve mode and sites with `offline: false` publish no worker: then this only runs the offline page's explanation.

import { h, fill } from './dom.js';

const MB = 1024 * 1024;

/** Bytes as the page shows them: "4.2 MB", "830 KB". */
export function size(bytes) {
  return bytes >= MB / 10 ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A banner at the top of the main content (like GOV.UK's notification banner), for messages about the whole site. */
function banner(attribute, role) {
  const box = h('div', { class: 'site-banner', [attribute]: true, role });
  const main = document.querySelector('main');
  if (main) main.prepend(box);
  else document.body.prepend(box);
  return box;
}

/** "You are offline" while the browser says the connection is gone. The live region is there from the start, empty, so
 * that screen readers announce the text when it arrives. */
function offlineNotice(offlinePage) {
  const box = banner('data-offline-notice', 'status');
  const update = () => {
    if (navigator.onLine) {
      box.replaceChildren();
      return;
    }
    fill(box, h('p', { class: 'notice notice--warning' },
      'You are offline. Pages you have opened or saved on this device still work, and your answers are saved on this device as usual. ',
      offlinePage ? h('a', { href: offlinePage, text: 'Using this site offline' }) : null));
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

/** The live region for "a new version is available", created empty when the page starts (see offlineNotice). */
let updateBox = null;
/** Set when this page asked the new version to take over: then it reloads itself. */
let updating = false;

/** Offers to reload, never reloads silently: `text` says why, the button switches (or just reloads when already switched). */
function offerUpdate(registration, text, replace = false) {
  if (updateBox.childElementCount && !replace) return;
  const button = h('button', { type: 'button', class: 'button', text: 'Reload to use it' });
  fill(updateBox, h('div', { class: 'notice' }, h('p', { text }), button));
  button.addEventListener('click', () => {
    button.disabled = true;
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload(); // another tab switched already
      return;
    }
    updating = true;
    waiting.postMessage({ type: 'update' });
  });
}

function watchUpdates(registration) {
  updateBox = banner('data-update-notice', 'status');
  const text = 'A new version of this site is available. Your answers are saved on this device and stay as they are.';
  // Only a page that a worker already controls has an old version to replace; a first install just starts working.
  let hadController = Boolean(navigator.serviceWorker.controller);
  const offerIfWaiting = (replace = false) => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration, text, replace);
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) location.reload();
    // Another tab chose the new version: this page is still the old one, so it says so (it never reloads by itself,
    // which could lose what is being typed).
    else if (hadController) offerUpdate(registration, 'This site was updated in another tab. Reload this page to use the new version; your answers are saved on this device.', true);
    hadController = true;
  });
  offerIfWaiting();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      // A newer build replaced the one offered: offer it afresh (the button asked a worker that is gone).
      if (worker.state === 'installed') {
        updating = false;
        offerIfWaiting(true);
      }
    });
  });
}

/** Asks the active worker something; progress messages go to onProgress until the answer arrives. */
function ask(worker, message, onProgress) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    // No answer for 30 seconds: the worker was stopped or replaced. Saving reports each file, however slow, so it waits.
    let timer;
    const wait = () => {
      clearTimeout(timer);
      if (message.type !== 'save') timer = setTimeout(() => reject(new Error('the site\'s offline helper did not answer')), 30_000);
    };
    channel.port1.onmessage = ({ data }) => {
      wait();
      if (data.type === 'progress') {
        onProgress?.(data);
        return;
      }
      clearTimeout(timer);
      if (data.type === 'error') reject(Object.assign(new Error(data.message), { outdated: data.outdated }));
      else resolve(data);
    };
    wait();
    worker.postMessage(message, [channel.port2]);
  });
}

/** The active worker, or an error when installing failed (one file missing, or a deploy under way) or takes too long. */
function activeWorker(registration) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('setting up offline use took too long')), 120_000);
    navigator.serviceWorker.ready.then((ready) => {
      clearTimeout(timer);
      resolve(ready.active);
    });
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'redundant' && !registration.active) {
        clearTimeout(timer);
        reject(new Error('this device could not store the site (a file was missing, or a new version was being published)'));
      }
    });
  });
}

/** The sentence about what this device keeps, from the worker's status. */
export function describe(status) {
  if (status.saved) {
    return `The whole site is saved on this device: ${status.saved.pages} pages and the search index, ${size(status.saved.bytes)}. Pages and search work without a connection.`;
  }
  return `This device keeps the self-assessments, checklists, forms and search page, and each page you read (${status.stored} of ${status.files} files are stored now). `
    + `Saving the whole site stores all ${status.pages} pages and the search index: ${size(status.bytes)}, of which the search index is ${size(status.searchBytes)}.`;
}

async function offlinePage(page, registration) {
  const statusBox = page.querySelector('[data-offline-status]');
  const save = page.querySelector('[data-offline-save]');
  const forget = page.querySelector('[data-offline-forget]');
  const progress = page.querySelector('[data-offline-progress]');
  const result = page.querySelector('[data-offline-result]');
  statusBox.textContent = 'Getting this device ready for offline use…';
  const first = await activeWorker(registration);
  const worker = () => registration.active ?? first;
  const show = (status) => {
    statusBox.textContent = describe(status);
    save.hidden = Boolean(status.saved);
    // Something to remove: the whole site, or pages read beyond what installing stores.
    forget.hidden = !status.saved && status.stored <= status.installed;
  };
  const refresh = () => ask(worker(), { type: 'status' }).then(show, () => {});
  show(await ask(worker(), { type: 'status' }));

  save.addEventListener('click', async () => {
    save.disabled = true;
    result.replaceChildren();
    progress.hidden = false;
    progress.value = 0;
    // Ask the browser to keep the saved copy when it clears space (it may say no; the copy is saved either way).
    navigator.storage?.persist?.().catch(() => {});
    try {
      const status = await ask(worker(), { type: 'save' }, ({ done, total }) => {
        progress.max = total;
        progress.value = done;
        progress.textContent = `${done} of ${total}`;
      });
      show(status);
      fill(result, h('p', { class: 'notice notice--success', text: 'Saved. This site now works on this device without a connection.' }));
    } catch (error) {
      fill(result, h('p', {
        class: 'notice notice--error',
        text: error.outdated
          ? 'A new version of this site is available. Choose “Reload to use it” at the top of the page (it appears in a moment), then save again.'
          : `Not everything could be saved (${error.message}). Check the connection and try again: what was saved is kept.`,
      }));
      if (error.outdated) registration.update().catch(() => {});
      await refresh();
    } finally {
      save.disabled = false;
      progress.hidden = true;
    }
  });

  forget.addEventListener('click', async () => {
    forget.disabled = true;
    try {
      show(await ask(worker(), { type: 'forget' }));
      fill(result, h('p', { class: 'notice', text: 'The saved pages were removed from this device. The self-assessments, checklists and forms are still kept; your answers are not affected.' }));
    } catch (error) {
      fill(result, h('p', { class: 'notice notice--error', text: `The saved pages could not be removed (${error.message}). Reload the page and try again.` }));
    } finally {
      forget.disabled = false;
    }
  });
}

function unavailable(page, why) {
  page.querySelector('[data-offline-status]').textContent = why === 'preview'
    ? 'Offline use is off while you preview the site with cqcguide serve, or because this site turned it off (offline: false in site.yml).'
    : 'This browser cannot keep the site for offline use (it may be in a private window, or have site data turned off). The site still works online.';
}

export async function init(root) {
  const html = document.documentElement;
  const url = html.dataset.sw;
  const page = root.querySelector('[data-offline-use]');
  if (html.dataset.offlinePage) offlineNotice(html.dataset.offlinePage);
  if (!url || !('serviceWorker' in navigator)) {
    if (page) unavailable(page, url ? 'browser' : 'preview');
    return;
  }
  let registration;
  try {
    registration = await navigator.serviceWorker.register(url, { updateViaCache: 'none' });
  } catch (error) {
    // Private windows and locked-down browsers refuse service workers: the site works as before, online.
    console.warn('CqcGuide: offline use is not available in this browser.', error);
    if (page) unavailable(page, 'browser');
    return;
  }
  if (!registration) {
    // (What a browser that blocks service workers by policy, or a test harness, may answer.)
    if (page) unavailable(page, 'browser');
    return;
  }
  watchUpdates(registration);
  // The offline page waits for the worker to finish installing; the rest of the page does not wait for that.
  if (page) {
    offlinePage(page, registration).catch((error) => {
      console.warn('CqcGuide: the offline page could not read what is stored.', error);
      page.querySelector('[data-offline-status]').textContent = `Offline use could not be set up on this device: ${error.message}. Reload the page to try again.`;
    });
  }
}
