// Dossier's service worker for development builds (`./x serve`): it keeps no cache.
// A release build (`./x build`) replaces this file with one generated from dist/ by
// public/release.mjs. Served after a release build on the same address, this one
// removes the cached app and itself, so a development server is never haunted by an old
// build.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const prefix = `dossier:${new URL(self.registration.scope).pathname}:`;
    for (const name of await caches.keys()) {
      if (name.startsWith(prefix)) await caches.delete(name);
    }
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
