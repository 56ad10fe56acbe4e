// The service worker: keeps the app shell in a cache so the desk opens offline and a repeat
// visit needs no network. The build (scripts/sw.mjs) replaces the line below with this build's
// file list and a version made from their contents, so a new deployment is a new worker.
const SHELL = null;

// Cache storage is per origin: naming caches by scope keeps two copies under different
// sub-paths of one host from dropping each other's.
const PREFIX = `triage-desk ${self.registration.scope} `;
const CACHE = PREFIX + SHELL.version;
// Trunk names a file by its content hash, so a copy in the HTTP cache is the right one;
// the rest (index.html, the manifest) are checked with the server.
const hashed = /-[0-9a-f]{16}[._]/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(SHELL.files.map((file) => new Request(file, { cache: hashed.test(file) ? 'default' : 'no-cache' }))),
    ),
  );
});

// Takes the open pages too, the first visit's included, so each is told of the next version.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// A new version waits until the page asks for it (the user clicked Reload), so it never
// swaps the app under a half-typed note.
self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  // Routes live in the URL's hash, so every page of the app is index.html.
  const cached = request.mode === 'navigate' ? caches.match('index.html', { cacheName: CACHE }) : caches.match(request, { cacheName: CACHE });
  event.respondWith(cached.then((response) => response ?? fetch(request)));
});
