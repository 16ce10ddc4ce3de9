// The browser helpers the runnable blocks, the drill and offline.js share. Text always goes in
// as text.

/**
 * On every page Material shows (the first load and each instant navigation, both through its
 * `document$`), unmount what the previous page mounted, then `mount(found)` if `find()` returns
 * something on this page. `mount` may be async and resolves with an object that has unmount().
 */
export function mountOnEachPage(find, mount) {
  let mounted;
  let latest = 0;
  document$.subscribe(async () => {
    const visit = ++latest;
    mounted?.unmount();
    mounted = undefined;
    const found = find();
    if (!found) return;
    const component = await mount(found);
    if (visit === latest) mounted = component;
    else component.unmount(); // the reader moved on while it loaded
  });
}

/** A new element with attributes and, optionally, text content. */
export function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A real <button> (keyboard and screen readers get it for free). */
export function button(label, onClick, className = "md-button") {
  const node = element("button", { type: "button", class: className }, label);
  node.addEventListener("click", onClick);
  return node;
}

/** Call `callback` when the browser is idle (Safari has no requestIdleCallback: soon after). */
export function whenIdle(callback) {
  return globalThis.requestIdleCallback ? requestIdleCallback(callback) : setTimeout(callback, 200);
}

/** The reader asked to save data (Save-Data): nothing is fetched ahead of a need then. */
export function savesData() {
  return navigator.connection?.saveData === true;
}

/** Call `callback` once the page is visible: at once, or when the reader turns to its tab. */
export function whenVisible(callback) {
  if (document.visibilityState === "visible") return callback();
  const onChange = () => {
    if (document.visibilityState !== "visible") return;
    document.removeEventListener("visibilitychange", onChange);
    callback();
  };
  document.addEventListener("visibilitychange", onChange);
}

/** Cancel a `whenIdle` callback that has not run yet. */
export function cancelIdle(handle) {
  if (globalThis.cancelIdleCallback) cancelIdleCallback(handle);
  else clearTimeout(handle);
}

// A button the reader may have just pressed (Run, Run tests, Check, Stop, Hint) is never
// `disabled` while it is unavailable, since that drops its focus to <body> and a screen-reader
// user loses their place: it is marked aria-disabled, which keeps it focusable, and presses are
// ignored (`ignoreUnavailableButtons`).
export function markUnavailable(node, unavailable) {
  if (unavailable) node.setAttribute("aria-disabled", "true");
  else node.removeAttribute("aria-disabled");
}

/** A click listener for a group of buttons, capturing, before any button's own handler. */
export function ignoreUnavailableButtons(event) {
  if (event.target.closest('[aria-disabled="true"]')) event.stopImmediatePropagation();
}
