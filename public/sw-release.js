// Dossier's service worker for release builds. dist/sw.js is this file with the line
// below filled in by public/release.mjs from what the build put in dist/: the files and
// a version made of their content hashes. Do not edit dist/sw.js.
const PRECACHE = null; // filled in at build time

// Each build has its own cache, so versions never mix; collections (the bundled one and
// those opened with ?data=, later the parts of a split collection) have one of their own
// that every version shares, so a shared link keeps working offline across updates, and
// a collection swapped on the server is picked up on the next visit.
// Names carry the app's folder: apps in other folders of the same origin (GitHub Pages
// project sites share one) keep their caches.
const scope = new URL(self.registration.scope);
const PREFIX = `dossier:${scope.pathname}:`;
const APP_CACHE = `${PREFIX}app-${PRECACHE.version}`;
const DATA_CACHE = `${PREFIX}data`;
const inScope = (path) => new URL(path, scope).href;
const precached = new Set(PRECACHE.files.map(inScope));

self.addEventListener('install', (event) => {
  // All or nothing: one failed download fails the install and the old version stays.
  event.waitUntil(
    caches.open(APP_CACHE).then((cache) => cache.addAll(PRECACHE.files.map((file) => new Request(inScope(file), { cache: 'reload' })))),
  );
});

// An update takes over when the reader accepts it (the page asks), or on the next visit.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(`${PREFIX}app-`) && name !== APP_CACHE) await caches.delete(name);
    }
    // The first install serves the page that installed it at once.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  const page = url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;
  if (request.mode === 'navigate' && page) {
    // The app's page, whatever its ?data= and fragment.
    event.respondWith(fromCache(APP_CACHE, inScope('index.html')).then((hit) => hit ?? fetch(request)));
    return;
  }
  if (precached.has(url.href)) {
    event.respondWith(fromCache(APP_CACHE, url.href).then((hit) => hit ?? fetch(request)));
    return;
  }
  if (request.destination === '' && request.mode !== 'navigate') {
    // A collection the page fetched: from the cache at once when saved (and refreshed
    // for the next visit), else from the network and saved.
    event.respondWith(collection(request, event));
  }
});

async function fromCache(name, url) {
  return (await caches.open(name)).match(url, { ignoreSearch: true });
}

// The largest collection kept for offline reading: the app opens none larger as one file
// (MAX_ONE_TAB_BYTES in dossier-format).
const MAX_SAVED_BYTES = 256 * 1024 * 1024;

async function collection(request, event) {
  const cache = await caches.open(DATA_CACHE);
  const saved = await cache.match(request);
  const download = fetch(request).then((response) => {
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    // Saved beside the page's own reading, not before it: the page shows the download's
    // progress as it comes, and stops one too large for a tab as soon as it passes the
    // limit (saving first held the page until the whole body was in the cache, for ever
    // for a stream that never ends).
    if (response.ok && !(length > MAX_SAVED_BYTES)) event.waitUntil(save(cache, request, response.clone()));
    return response;
  });
  if (saved) {
    event.waitUntil(download.catch(() => undefined));
    return saved;
  }
  return download;
}

async function save(cache, request, response) {
  try {
    await cache.put(request, response);
    await tell({ type: 'saved', url: request.url });
  } catch (error) {
    await tell({ type: 'not-saved', url: request.url, reason: error.name === 'QuotaExceededError' ? 'storage is full' : error.message });
  }
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}
