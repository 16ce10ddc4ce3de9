// Registers the site's service worker (service-worker.js at the site root: offline use, and
// cross-origin isolation on hosts that cannot send headers). Without it the site works as before.

import { whenIdle } from "./dom.js";

const WORKER_URL = new URL("../../service-worker.js", import.meta.url);
// Installing caches the site's pages and assets (a few MB): it waits until the page has loaded
// and been quiet for a moment, and never competes with Python starting (measured: +170 ms on a
// cold first run when it did).
const QUIET_MS = 3000;

if ("serviceWorker" in navigator) {
  let pythonStarting = false;
  let registerWhenPythonIsReady = false;
  const register = () => navigator.serviceWorker.register(WORKER_URL).catch(offlineUnavailable);
  const registerUnlessPythonIsStarting = () => {
    if (pythonStarting) registerWhenPythonIsReady = true;
    else register();
  };
  // Caching waits for a quiet moment after the page loads, and again after Python starts (the
  // reader's first runs come first).
  const afterQuiet = (work) => setTimeout(() => whenIdle(work), QUIET_MS);
  const afterLoad = () => afterQuiet(registerUnlessPythonIsStarting);
  if (document.readyState === "complete") afterLoad();
  else addEventListener("load", afterLoad, { once: true });

  // Keep what this page loaded (on a first visit, before the service worker controlled it) and,
  // once a reader has started Python (events from python-session.js), the Python runtime.
  const tellServiceWorker = (message) =>
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
  tellServiceWorker({ type: "keep", urls: [location.href, ...loadedFiles()] });
  const pythonSettled = () => {
    pythonStarting = false;
    if (registerWhenPythonIsReady) afterQuiet(register);
  };
  // Marks the page once Python works offline (<html data-python-offline="kept">).
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type === "python-kept") document.documentElement.dataset.pythonOffline = "kept";
  });
  addEventListener("python:starting", () => (pythonStarting = true));
  addEventListener("python:failed", pythonSettled);
  addEventListener("python:ready", () => {
    pythonSettled();
    afterQuiet(() => tellServiceWorker({ type: "keep-python" }));
  });
} else {
  offlineUnavailable();
}

// Some browsers have no service workers or refuse them (private windows): the page says so
// (<html data-python-offline="unavailable">), and the site simply needs the network.
function offlineUnavailable() {
  document.documentElement.dataset.pythonOffline = "unavailable";
}

function loadedFiles() {
  return performance.getEntriesByType("resource").map((entry) => entry.name.split("#")[0]);
}
