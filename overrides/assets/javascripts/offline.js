// Registers the site's service worker (service-worker.js at the site root: offline use, and
// cross-origin isolation on hosts that cannot send headers). Without it the site works as before.
//
// Installing it downloads every page and asset for offline use, several times what one page
// weighs. So on a first visit it waits until the reader shows they will stay: a second page of
// the site, Python started (a Run, or pointing at a block), or STAY_MS with the page in view.
// It never starts when the reader asks to save data (Save-Data). A browser that already has it
// (it controls this page) keeps it up to date as before.

import { savesData, whenIdle } from "./dom.js";

const WORKER_URL = new URL("../../service-worker.js", import.meta.url);
// Installing waits until the page has loaded and been quiet for a moment, and never competes
// with Python starting (measured: +170 ms on a cold first run when it did).
const QUIET_MS = 3000;
// A reader still on the page after this long (in view) is reading it, not passing through.
const STAY_MS = 30_000;
// sessionStorage: the first page of the site this tab showed, or SEVERAL_PAGES once it showed
// another (by Material's instant navigation or by a full page load, which starts this anew).
const FIRST_PAGE_KEY = "mlops-course:first-page";
const SEVERAL_PAGES = "*";

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
  const registerOnceLoaded = once(() => {
    if (document.readyState === "complete") afterLoad();
    else addEventListener("load", afterLoad, { once: true });
  });
  if (navigator.serviceWorker.controller) registerOnceLoaded();
  else if (!savesData()) whenReaderStays(registerOnceLoaded);

  // Keep what the page loaded before the service worker controlled it (Mermaid, say) and, once
  // a reader has started Python (events from python-session.js), the Python runtime.
  const tellServiceWorker = (message) =>
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message()));
  tellServiceWorker(() => ({ type: "keep", urls: [location.href, ...loadedFiles()] }));
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
    afterQuiet(() => tellServiceWorker(() => ({ type: "keep-python" })));
  });
} else {
  offlineUnavailable();
}

/** Call `callback` (once) when the reader shows they will stay on the site. */
function whenReaderStays(callback) {
  const stays = once(callback);
  addEventListener("python:starting", stays, { once: true });
  onSecondPage(stays);
  afterInViewFor(STAY_MS, stays);
}

function onSecondPage(callback) {
  let firstPage = sessionText(FIRST_PAGE_KEY);
  document$.subscribe(() => {
    firstPage ??= location.pathname;
    if (location.pathname !== firstPage) firstPage = SEVERAL_PAGES;
    setSessionText(FIRST_PAGE_KEY, firstPage);
    if (firstPage === SEVERAL_PAGES) callback();
  });
}

/** Call `callback` once the page has been in view for `milliseconds` in all. */
function afterInViewFor(milliseconds, callback) {
  let left = milliseconds;
  let since;
  let timer;
  const resume = () => {
    since = performance.now();
    timer = setTimeout(callback, left);
  };
  const pause = () => {
    clearTimeout(timer);
    left -= performance.now() - since;
  };
  document.addEventListener("visibilitychange", () => (document.hidden ? pause() : resume()));
  if (!document.hidden) resume();
}

function once(callback) {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    callback();
  };
}

// sessionStorage is a convenience here: blocked, a second page is only seen by instant navigation.
function sessionText(key) {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function setSessionText(key, text) {
  try {
    sessionStorage.setItem(key, text);
  } catch {
    // as above
  }
}

// Some browsers have no service workers or refuse them (private windows): the page says so
// (<html data-python-offline="unavailable">), and the site simply needs the network.
function offlineUnavailable() {
  document.documentElement.dataset.pythonOffline = "unavailable";
}

function loadedFiles() {
  return performance.getEntriesByType("resource").map((entry) => entry.name.split("#")[0]);
}
