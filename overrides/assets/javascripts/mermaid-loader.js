// Material renders ```mermaid blocks with a global `mermaid` object and, when none exists,
// fetches one from a CDN. This stand-in provides the two calls Material makes and imports the
// self-hosted Mermaid build (copied by overrides/hooks/vendor_assets.py) only when a page
// actually has a diagram, so pages without diagrams download nothing.
(() => {
  const moduleUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src);
  let config = {};
  let mermaidModule;
  const loadMermaid = () =>
    (mermaidModule ??= import(moduleUrl.href).then(({ default: m }) => {
      m.initialize(config);
      return m;
    }));
  // Diagrams render shortly before they scroll into view: rendering a page's five at load kept
  // a phone's main thread busy for about a second. Until then the source stays, as without JS.
  const sourceOf = (text) => [...document.querySelectorAll("pre.mermaid")].find((pre) => pre.textContent === text);
  const nearViewport = (element) =>
    new Promise((resolve) => {
      if (!element) return resolve();
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            resolve();
          }
        },
        { rootMargin: "600px 0px" },
      );
      observer.observe(element);
    });
  // Python starting takes both cores of a small machine for a moment; a diagram can wait that
  // long (measured: a first Run was ~380 ms slower when diagrams rendered meanwhile).
  let pythonSettled = Promise.resolve();
  addEventListener("python:starting", () => {
    pythonSettled = new Promise((resolve) => {
      addEventListener("python:ready", resolve, { once: true });
      addEventListener("python:failed", resolve, { once: true });
    });
  });
  // Offline with Mermaid not yet cached: show the diagram's source, which reads as a list of steps.
  const unavailable = (text) => {
    const source = Object.assign(document.createElement("pre"), { textContent: text });
    return `<p>Diagram unavailable (offline?). Its source:</p>${source.outerHTML}`;
  };
  // A diagram is scaled down to its box's width. On a phone a wide flowchart would shrink its
  // text below legibility (the "Use Both" chart: about 5 px on a 390 px screen), so a flowchart
  // that would be drawn at under MIN_SCALE is drawn turned (left-right <-> top-bottom) if that
  // makes it narrower: its steps then stack down the screen instead.
  const MIN_SCALE = 0.75;
  const DIRECTION = /^(\s*(?:flowchart|graph)\s+)(LR|RL|TB|TD|BT)\b/m;
  const turned = (text) =>
    text.replace(DIRECTION, (_, start, direction) => start + (/LR|RL/.test(direction) ? "TB" : "LR"));
  const drawnWidth = (svg) => Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(svg)?.[1] ?? 0);
  const fitted = async (m, id, text, available) => {
    const drawn = await m.render(id, text);
    if (!DIRECTION.test(text) || drawnWidth(drawn.svg) * MIN_SCALE <= available) return drawn;
    const other = await m.render(`${id}-turned`, turned(text));
    return drawnWidth(other.svg) < drawnWidth(drawn.svg) ? other : drawn;
  };
  window.mermaid = {
    initialize(options) {
      config = options;
    },
    async render(id, text) {
      const source = sourceOf(text);
      await nearViewport(source);
      await pythonSettled;
      try {
        return await fitted(await loadMermaid(), id, text, source?.clientWidth ?? Infinity);
      } catch {
        mermaidModule = undefined; // try again on the next page, when back online
        return { svg: unavailable(text) };
      }
    },
  };
})();
