// The service worker: after one visit the app loads and works with the network off.
// scripts/offline.mjs writes VERSION and FILES (every file of the build) when it builds;
// this file is otherwise as written here.
//
// - install: every file of this build into the cache "ballot-kit-<VERSION>", all or nothing;
// - a new build is a new VERSION: it installs beside the old one and waits; the app offers
//   the update on its home screen (never mid-ballot) and sends "update" when it is taken;
// - activate: the caches of older builds are deleted;
// - fetch: same-origin GETs from the cache (a page load gets index.html, whatever its
//   address or #link), else from the network. Nothing else is ever requested.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "ballot-kit-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ballot-kit-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request.mode === "navigate" ? "index.html" : request, { ignoreSearch: true });
      return hit || fetch(request);
    })
  );
});
