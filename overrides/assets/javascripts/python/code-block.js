// One runnable block: editor, Run / Stop / Reset / Copy, a status line and the output.
// Mounted by runnable-blocks.js; an exercise (exercise.js) adds its own controls to a block.
// The page's highlighted code (all there is without JavaScript) stands in for the editor until
// the editor is created, then stays in the page, hidden.
// The block is built inside the page's own code block element rather than in a new element put
// in its place: adding or removing a child of the article made the browser restyle the whole
// article (1,600 elements on the lesson), while changes inside the block stay inside it.

import { button, element, ignoreUnavailableButtons, markUnavailable } from "../dom.js";
import { readText, writeText } from "../storage.js";
import { displayFigure } from "./displays.js";
import { STAGE, STATUS } from "./protocol.js";
import * as python from "./python-session.js";

// CodeMirror loads with the first editor a reader comes near, not with the page.
let editorModule;
const loadEditorModule = () => (editorModule ??= import("./code-editor.bundle.js"));
// Editors are created a little before they scroll into view, never ahead of the reader: mounting
// a long page's editors at load, even one by one while idle, kept a phone's main thread busy
// (Lighthouse: 1,100 more elements and two long tasks on the lesson). Nor while Python starts:
// a reader who scrolls to a block and clicks Run at once had the editors' ~250 ms of work
// compete with the start for the cores, so a block must stay near the view for a moment, and
// a start must have settled. Nor at page load for blocks already in view (the lab's first): they
// wait for the reader's first scroll, so a reader who only reads never downloads CodeMirror
// (124 KiB). Pointing at a block does not count: its editor's work would then land in the run
// a click starts (measured: the lab's chart 1.15 x raw). Until then the page's highlighted code
// reads the same, and Run uses it; clicking the code or reaching the block by keyboard creates
// its editor at once.
const EDITOR_MARGIN = "600px 0px";
const EDITOR_DWELL_MS = 300; // longer than a scroll-then-click takes to reach the Run button

const STORAGE_PREFIX = "mlops-course:edits:";
const DEFINES_TESTS = /^\s*(async\s+)?def test_\w*\s*\(/m;

/** The runnable blocks of one page, sharing one Python namespace in page order. Edits are
 * saved unless `savesEdits` is false (the drill: each review starts from the starter). */
export class RunnablePage {
  constructor(codeBlocks, { savesEdits = true } = {}) {
    this.namespace = location.pathname;
    this.savesEdits = savesEdits;
    this.blocks = codeBlocks.map((codeBlock, index) => new CodeBlock(codeBlock, index, this));
    this.readerScrolled = new Promise((scrolled) => addEventListener("scroll", scrolled, { once: true }));
    this.nearViewport = new IntersectionObserver(
      (entries) =>
        entries
          .filter((entry) => entry.isIntersecting)
          .forEach((entry) => this.readerScrolled.then(() => this.mountEditorSoon(this.blockOf(entry.target)))),
      { rootMargin: EDITOR_MARGIN },
    );
    this.blocks.forEach((block) => this.nearViewport.observe(block.root));
  }

  mountEditorSoon(block) {
    setTimeout(() => python.settled().then(() => block.root.isConnected && block.mountEditor()), EDITOR_DWELL_MS);
  }

  blockOf(root) {
    return this.blocks.find((block) => block.root === root);
  }

  /** Run block `index`, first running earlier blocks that have not run (or changed since). */
  async runUpTo(index) {
    const earlier = this.blocks.slice(0, index).filter((block) => block.needsRun());
    if (earlier.length) this.blocks[index].announce(`Running block ${earlier[0].number} first…`);
    for (const block of earlier) {
      if ((await block.execute()) !== STATUS.ok) {
        return this.blocks[index].announce(`Stopped: block ${block.number} did not finish.`);
      }
    }
    return this.blocks[index].execute();
  }

  stop() {
    return python.stop();
  }

  unmount() {
    this.nearViewport.disconnect();
    this.blocks.forEach((block) => block.unmount());
  }
}

class CodeBlock {
  constructor(root, index, page) {
    this.root = root;
    this.staticCode = root.querySelector("pre");
    this.page = page;
    this.number = index + 1;
    this.original = this.staticCode.querySelector("code").textContent.replace(/\n$/, "");
    // An exercise's edits follow the exercise, not the block's place in the page.
    const place = root.dataset.exercise ? `exercise:${root.dataset.exercise}` : `${page.namespace}#${this.number}`;
    this.storageKey = `${STORAGE_PREFIX}${place}:${hash(this.original)}`;
    this.ran = undefined; // {code, generation} of the last finished run
    this.mount();
  }

  mount() {
    const id = `runnable-${this.number}`;
    const controls = element("div", {
      class: "runnable-controls",
      role: "group",
      "aria-label": `Code block ${this.number}`,
    });
    this.controls = controls;
    this.runButton = button("Run", () => this.page.runUpTo(this.number - 1), "md-button runnable-run");
    this.stopButton = button("Stop", () => this.page.stop(), "md-button runnable-stop");
    markUnavailable(this.stopButton, true);
    this.startButtons = [this.runButton];
    if (DEFINES_TESTS.test(this.original)) {
      this.startButtons.push(button("Run tests", () => this.executeTests(), "md-button runnable-test"));
    }
    controls.addEventListener("click", ignoreUnavailableButtons, { capture: true });
    controls.append(
      ...this.startButtons,
      this.stopButton,
      button("Reset", () => this.reset(), "md-button runnable-reset"),
      button("Copy", () => this.copy(), "md-button runnable-copy"),
    );
    this.editorParent = element("div", { class: "runnable-editor" });
    this.hint = element("p", { class: "runnable-hint", id: `${id}-hint` });
    this.hint.textContent = "Ctrl+Enter or Shift+Enter runs. Tab indents; press Esc then Tab to leave the editor.";
    this.status = element("p", { class: "runnable-status", role: "status" });
    this.statusFigures = element("span", { class: "runnable-status-figures", "aria-hidden": "true" });
    this.testResults = element("ul", {
      class: "runnable-tests",
      "aria-label": `Test results of code block ${this.number}`,
      hidden: "",
    });
    this.output = element("pre", {
      class: "runnable-output",
      "aria-label": `Output of code block ${this.number}`,
      hidden: "",
    });
    this.displays = element("div", { class: "runnable-displays", hidden: "" });
    this.displayUrls = [];
    // What the build drew for this block (readers without JavaScript see it): stays until a run.
    const next = this.root.nextElementSibling;
    this.builtDisplays = next?.matches(".block-displays") ? next : undefined;
    // Until its editor exists, the page's own highlighted code stands in for it.
    this.editorParent.append(this.staticCode);
    this.root.append(controls, this.editorParent, this.hint, this.status, this.testResults, this.output, this.displays);
    this.root.classList.add("runnable-block");
    this.root.dataset.state = "idle";
    this.editsKept = this.page.savesEdits; // false while code that is not the reader's is shown
    this.pendingCode = (this.editsKept ? readText(this.storageKey) : undefined) ?? this.original; // a saved edit
    if (this.pendingCode !== this.original) this.mountEditor(); // show the reader's edit at once
    // Intent: start downloading Python as soon as the reader points at or focuses a block.
    this.root.addEventListener("pointerenter", preloadQuietly, { once: true });
    this.root.addEventListener("focusin", preloadQuietly, { once: true });
    // Reaching a block by keyboard or clicking its code creates the editor before it is needed.
    // A click on a button (Run, above all) does not: its editor waits like a scrolled-to one,
    // so that its ~250 ms of work does not compete with the start the click asked for.
    this.root.addEventListener("focusin", ({ target }) => target.matches(":focus-visible") && this.mountEditor());
    this.editorParent.addEventListener("pointerdown", () => this.mountEditor({ focus: true }), { once: true });
  }

  /** Replace the static code by the editor (once); resolves when it exists. */
  mountEditor({ focus = false } = {}) {
    this.editorReady ??= loadEditorModule().then(({ createEditor }) => {
      if (!this.root.isConnected) return; // the page was left meanwhile
      this.staticCode.hidden = true;
      this.editor = createEditor({
        parent: this.editorParent,
        code: this.pendingCode,
        label: `Python code, block ${this.number}`,
        describedBy: this.hint.id,
        onRun: () => this.page.runUpTo(this.number - 1),
        onChange: (code) => this.saveEdit(code),
      });
    });
    if (focus) this.editorReady.then(() => this.editor?.focus());
    return this.editorReady;
  }

  /** The code as the reader sees it, whether or not its editor exists yet. */
  code() {
    return this.editor ? this.editor.getCode() : this.pendingCode;
  }

  unmount() {
    this.exercise?.unmount();
    this.editor?.destroy();
    this.forgetDisplays();
    if (this.builtDisplays) this.builtDisplays.hidden = false;
    this.staticCode.hidden = false;
    this.root.replaceChildren(this.staticCode);
    this.root.classList.remove("runnable-block");
    delete this.root.dataset.state;
  }

  needsRun() {
    return this.ran?.code !== this.code() || this.ran?.generation !== python.generation;
  }

  /** Run this block's current code; resolves with the run's status. */
  async execute() {
    const code = this.code();
    const result = await this.start(python.run, code, "Running…");
    this.report(result, code);
    return result.status;
  }

  /** Run the block's tests with pytest (the block as a standalone test module). */
  async executeTests() {
    const code = this.code();
    const result = await this.start(python.runTests, code, "Running tests…");
    if (result.tests) this.showTests(result.tests);
    this.report(result, code, result.summary);
  }

  async start(runner, code, announcement) {
    this.setState("running");
    this.root.dataset.phase = "waiting"; // for Python, or for the packages the code needs
    this.clearOutput();
    // At once: the status never shows the previous run's result. The first run of a visit waits
    // for Python, a first Run tests for pytest: the status says how that is going meanwhile.
    const waiting = new WaitingStatus(this, announcement);
    const stopListening = python.onProgress((progress) => waiting.show(progress));
    python.preload().then(() => {
      stopListening();
      waiting.say(announcement);
    }, stopListening);
    try {
      return await runner(code, {
        namespace: this.page.namespace,
        filename: `<code block ${this.number}>`,
        onPackages: (progress) => waiting.show(progress),
        onStarted: () => {
          this.root.dataset.phase = "started"; // the code itself now runs
          waiting.end();
          this.announce(announcement);
        },
        onOutput: (stream, text) => this.write(stream, text),
        onDisplay: (item) => this.showDisplay(item),
      });
    } catch (error) {
      return { status: STATUS.failed, message: error.message };
    } finally {
      stopListening();
      waiting.end();
      delete this.root.dataset.phase;
    }
  }

  // One item per test: outcome in words (never colour alone), duration, and for failures
  // pytest's own explanation.
  showTests(tests) {
    for (const test of tests) {
      const item = element("li", { "data-outcome": test.outcome });
      const milliseconds = Math.round(test.seconds * 1000);
      item.append(
        element("span", { class: "runnable-test-line" }, `${test.name}: ${test.outcome} (${milliseconds} ms)`),
      );
      if (test.details) item.append(element("pre", { class: "runnable-test-details" }, test.details));
      this.testResults.append(item);
    }
    this.testResults.hidden = tests.length === 0;
  }

  report(result, code, summary) {
    const seconds = formatDuration(result.durationMs);
    if (result.droppedLines) this.write("notice", `… ${plural(result.droppedLines, "more line")}\n`);
    if (result.droppedDisplays) this.write("notice", `… ${plural(result.droppedDisplays, "more chart")} not shown\n`);
    if (result.traceback) this.write("traceback", result.traceback);
    switch (result.status) {
      case STATUS.ok:
        this.ran = { code, generation: python.generation };
        this.announce(summary ?? `Finished in ${seconds}.`);
        break;
      case STATUS.error:
        if (result.restart) {
          this.write(
            "notice",
            `The Python session was restarted because ${result.restart}: names defined by earlier runs are gone.\n`,
          );
          this.announce(`Error: ${lastLine(result.traceback)} The Python session was restarted.`);
          break;
        }
        this.ran = { code, generation: python.generation };
        this.announce(summary ?? `Error: ${lastLine(result.traceback)} (after ${seconds}).`);
        break;
      case STATUS.interrupted:
        this.announce("Stopped.");
        break;
      case STATUS.reset:
        this.write("notice", "The Python session was reset: names defined by earlier runs are gone.\n");
        this.announce("Stopped. The Python session was reset.");
        break;
      default:
        this.write("traceback", `Python could not start: ${result.message}\n`);
        this.announce("Python could not start.");
    }
    this.setState(result.status === STATUS.ok ? "idle" : result.status);
  }

  // Back to the page as it was: the original code, and none of the output, test results, check
  // results or charts that the edited code made (the build's charts of the original are shown
  // again).
  reset() {
    const stale = !this.output.hidden || !this.testResults.hidden || !this.displays.hidden;
    const staleChecks = this.exercise?.reset(); // an exercise's check results, and its solution
    this.setCode(this.original);
    this.clearOutput();
    if (this.builtDisplays) this.builtDisplays.hidden = false;
    if (this.root.dataset.state !== "running") this.setState("idle"); // no error is shown any more
    this.announce(`Code reset to the original${stale || staleChecks ? "; its output was cleared" : ""}.`);
  }

  /** Put `code` in the editor (or in its place until it exists), and keep it as the edit. */
  setCode(code) {
    this.showCode(code);
    this.editsKept = this.page.savesEdits;
    this.saveEdit(code);
  }

  /** Put `code` in the editor without keeping it, nor any change made to it, as the reader's
   * edit (an exercise's reference solution), until the next setCode. */
  showCode(code) {
    this.editsKept = false;
    this.pendingCode = code;
    this.editor?.setCode(code);
  }

  // Saved edits are a convenience: if storage refuses, the edit lives on in the editor.
  saveEdit(code) {
    if (this.editsKept) writeText(this.storageKey, code === this.original ? undefined : code);
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.code());
      this.announce("Code copied to the clipboard.");
    } catch {
      this.announce("Copy failed: select the code and press Ctrl+C.");
    }
  }

  setState(state) {
    this.root.dataset.state = state;
    const running = state === "running";
    markUnavailable(this.stopButton, !running);
    for (const startButton of this.startButtons) markUnavailable(startButton, running);
  }

  /** Say `text` in the status line. `figures` (megabytes, seconds) follow it on screen, hidden
   * from screen readers: the words change once per stage, which is what is worth announcing. */
  announce(text, figures = "") {
    if (this.status.firstChild?.nodeValue !== text) this.status.replaceChildren(text, this.statusFigures);
    const shown = figures && ` ${figures}`;
    if (this.statusFigures.textContent !== shown) this.statusFigures.textContent = shown;
  }

  clearOutput() {
    this.output.replaceChildren();
    this.output.hidden = true;
    this.forgetDisplays();
    if (this.builtDisplays) this.builtDisplays.hidden = true; // this run's own replace them
    this.testResults.replaceChildren();
    this.testResults.hidden = true;
  }

  // Output is always text, never HTML. Text of one stream in a row goes into one span, as
  // text nodes appended one by one (cheap however many lines stream in).
  write(stream, text) {
    const last = this.output.lastElementChild;
    if (last?.dataset.stream === stream) last.append(text);
    else this.output.append(element("span", { "data-stream": stream }, text));
    this.output.hidden = false;
  }

  showDisplay(item) {
    const { figure, urls } = displayFigure(item);
    this.displayUrls.push(...urls);
    this.displays.append(figure);
    this.displays.hidden = false;
  }

  forgetDisplays() {
    this.displayUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
    this.displays.replaceChildren();
    this.displays.hidden = true;
  }
}

// While a run waits (for Python to start, for pytest), its status says what is happening: the
// stage in words, and after them the megabytes downloaded and the seconds since the press, so
// that the line moves at least once a second even when a download stalls.
class WaitingStatus {
  constructor(block, words) {
    this.block = block;
    this.words = words;
    this.bytes = "";
    this.since = performance.now();
    this.tick();
  }

  /** A `progress` message of the worker (protocol: README.md). */
  show({ stage, loaded, total, packages }) {
    this.bytes = stage === STAGE.download ? downloaded(loaded, total) : "";
    this.say(STAGE_WORDS[stage]?.(packages) ?? this.words);
  }

  say(words) {
    if (this.ended) return; // the run's own result is in the status now
    this.words = words;
    const seconds = Math.floor(this.elapsed() / 1000);
    this.block.announce(words, [this.bytes, seconds && `${seconds} s`].filter(Boolean).join(" · "));
  }

  // Timed to just after each whole second since the press (timers may fire a little early), so
  // the seconds shown are never late by more than a timer's delay.
  tick() {
    this.say(this.words);
    this.timer = setTimeout(() => this.tick(), 1000 - (this.elapsed() % 1000) + TIMER_SLACK_MS);
  }

  elapsed() {
    return performance.now() - this.since;
  }

  end() {
    this.ended = true;
    clearTimeout(this.timer);
  }
}

const TIMER_SLACK_MS = 5;

const STAGE_WORDS = {
  [STAGE.download]: () => "Downloading Python…",
  [STAGE.runtime]: () => "Starting the Python runtime…",
  [STAGE.packages]: (packages) => `Loading ${packages.join(", ")}…`,
  [STAGE.starting]: () => "Starting Python…",
};

// "3.1 of 12.1 MB", or "2.6 MB" while a file has not said its size yet.
function downloaded(loaded, total) {
  const megabytes = (bytes) => (bytes / 1_000_000).toFixed(1);
  if (total) return `${megabytes(loaded)} of ${megabytes(total)} MB`;
  return loaded ? `${megabytes(loaded)} MB` : "";
}

function preloadQuietly() {
  python.preload().catch(() => {}); // a failed start is reported when the reader runs code
}

function formatDuration(milliseconds = 0) {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

function plural(count, noun) {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}

function lastLine(text = "") {
  return text.trim().split("\n").at(-1);
}

// Short, stable fingerprint of a block's original code (FNV-1a), for the storage key.
function hash(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return (value >>> 0).toString(36);
}
