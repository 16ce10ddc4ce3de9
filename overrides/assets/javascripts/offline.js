// Registers the site's service worker (service-worker.js at the site root: offline use, and
// cross-origin isolation on hosts that cannot send headers). Without it the site works as before.

const WORKER_URL = new URL("../../service-worker.js", import.meta.url);

if ("serviceWorker" in navigator) {
  // After the page has loaded: caching the site must not compete with showing it.
  const register = () => navigator.serviceWorker.register(WORKER_URL).catch(() => {});
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });

  // Keep what this page loaded (on a first visit, before the service worker controlled it) and,
  // once a reader has started Python (python-session.js), the Python runtime.
  const tellServiceWorker = (message) =>
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
  tellServiceWorker({ type: "keep", urls: [location.href, ...loadedFiles()] });
  addEventListener("python:ready", () => tellServiceWorker({ type: "keep-python" }));
}

function loadedFiles() {
  return performance.getEntriesByType("resource").map((entry) => entry.name.split("#")[0]);
}
