// Registers Dossier's service worker (sw.js, beside the page, so its scope is the app's
// own folder, at a domain root or under a subpath), offers a new version without forcing
// it, and tells the app whether the collection on screen is available offline: it sets
// window.dossierOffline to a sentence and fires a `dossier-offline` event on window.
(() => {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;

  const say = (text) => {
    window.dossierOffline = text;
    window.dispatchEvent(new CustomEvent('dossier-offline', { detail: text }));
  };

  let accepted = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });

  /** "A new version is available · Reload": polite, never blocking; the old one runs on. */
  function offer(worker) {
    if (document.querySelector('.update-banner')) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'region');
    banner.setAttribute('aria-label', 'Update');
    banner.setAttribute('aria-live', 'polite');
    const text = document.createElement('span');
    text.textContent = 'A new version is available · ';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload';
    reload.addEventListener('click', () => {
      // Another tab may have accepted it already: then it runs, and a reload shows it.
      if (worker.state === 'activated') {
        location.reload();
        return;
      }
      accepted = true;
      worker.postMessage({ type: 'skip-waiting' });
    });
    banner.append(text, reload);
    document.body.append(banner);
  }

  const dataUrl = new URL(new URLSearchParams(location.search).get('data') || 'data/bundle.json', location.href).href;

  /** Whether the collection is saved; asks the browser to keep it. */
  async function check() {
    if (!(await caches.match(dataUrl))) return false;
    const kept = navigator.storage?.persist ? await navigator.storage.persist().catch(() => false) : false;
    say(kept ? 'Available offline' : 'Available offline (not kept if space runs low)');
    return true;
  }

  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.url !== dataUrl) return;
    if (event.data.type === 'saved') check();
    if (event.data.type === 'not-saved') say(`Not saved for offline: ${event.data.reason}`);
  });

  // After the page has loaded, as Workbox advises: on a first visit the worker downloads
  // the whole app again to keep it, which must not compete with the page's own loading.
  const loaded = new Promise((done) => {
    if (document.readyState === 'complete') done();
    else window.addEventListener('load', done, { once: true });
  });
  loaded
    .then(() => navigator.serviceWorker.register('sw.js'))
    .then((registration) => {
      // Some browsers (and automation with workers blocked) resolve with no registration.
      if (!registration) throw new Error('this browser does not keep web apps for offline here');
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      const watch = (worker) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      return navigator.serviceWorker.ready;
    })
    .then(async () => {
      if (await check()) return;
      say('Saving for offline…');
      // On the first visit the page loaded the collection before the worker ran: once it
      // serves the page, fetching it again through the worker saves it.
      if (!navigator.serviceWorker.controller) {
        await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
      }
      const response = await fetch(dataUrl);
      await response.arrayBuffer();
      for (let tries = 0; tries < 20 && !(await check()); tries++) {
        await new Promise((done) => setTimeout(done, 250));
      }
      if (!(await caches.match(dataUrl))) say('Not saved for offline yet: reload to try again');
    })
    .catch((error) => say(`Not available offline: ${error.message}`));
})();
