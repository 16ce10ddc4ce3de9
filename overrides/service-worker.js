// The site's service worker. BUILD (above, written by overrides/hooks/static_host.py) lists
// this build's files. It does two jobs:
// 1. Offline: pages and site assets are cached when it installs (offline.js registers it only
//    once a reader shows they will stay, and this worker skips it for readers who ask to save
//    data); the Python runtime and wheels are kept once a reader has started Python (never
//    downloaded for readers who do not). Pages
//    and assets come from the network first, so readers online always get the current deploy,
//    and the cache answers when the network is gone; the runtime comes from the cache first.
//    One cache per build: a new deploy installs a new worker, which deletes the old cache.
// 2. Headers: pages it serves get BUILD.headers (cross-origin isolation, CSP), so on hosts that
//    cannot send headers (GitHub Pages) pages are isolated from the first reload on, and Stop
//    interrupts Python in place there too.

const CACHE_PREFIX = "mlops-course-";
const CACHE = CACHE_PREFIX + BUILD.version;
const siteRoot = new URL("./", self.location.href);
const siteUrl = (relative) => new URL(relative, siteRoot).href;

self.addEventListener("install", (event) => {
  // An update installs without the page asking: Save-Data may have been turned on since.
  const precache = self.navigator.connection?.saveData ? [] : BUILD.precache;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(precache.map(siteUrl)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOtherBuilds().then(() => self.clients.claim()));
});

// Messages from pages (offline.js): {type: "keep", urls} lists what a page loaded, maybe before
// this worker controlled it; {type: "keep-python"} comes once a reader has started Python, and
// is answered with {type: "python-kept"} once every runtime file is stored.
self.addEventListener("message", (event) => {
  const { type, urls } = event.data ?? {};
  if (type === "keep") event.waitUntil(keep(urls.filter(isSameOrigin)));
  if (type === "keep-python") {
    const kept = keep(BUILD.python.map(siteUrl)).then(() => event.source?.postMessage({ type: "python-kept" }));
    event.waitUntil(kept);
  }
});

// The runtime's files belong to this build and never change within it: answered from the cache
// first, which also lets Chrome reuse its compiled WebAssembly (it does not for responses
// merely passed through). The lock file is revalidated (cache: "no-cache"), like pages.
const pythonFiles = new Set(BUILD.python.map(siteUrl));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !isSameOrigin(request.url)) return;
  const cacheFirst = pythonFiles.has(request.url) && request.cache !== "no-cache";
  const response = cacheFirst ? fromCacheFirst(request) : networkFirst(request);
  event.respondWith(response.then((answer) => withHeaders(request, answer)));
});

async function fromCacheFirst(request) {
  return (await caches.match(request, { cacheName: CACHE })) ?? networkFirst(request);
}

async function deleteOtherBuilds() {
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
  );
}

// Adds the files this cache lacks. Pages have just loaded them, so the HTTP cache usually
// answers without a download.
async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const url of urls) {
    if (!(await cache.match(url))) await cache.add(url).catch(() => {});
  }
}

function isSameOrigin(url) {
  return new URL(url).origin === self.location.origin;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic" && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const notFound = await caches.match(siteUrl("404.html"), { cacheName: CACHE });
      if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    }
    throw offline;
  }
}

// Isolation is decided by the headers of the page and of its workers' scripts.
function withHeaders(request, response) {
  const isDocument = request.mode === "navigate" || request.destination === "worker";
  if (!isDocument || response.type !== "basic") return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(BUILD.headers)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
