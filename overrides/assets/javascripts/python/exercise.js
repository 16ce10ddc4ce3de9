// An exercise: a runnable block (data-exercise) with Check, Hint and Show solution. The block's
// files (starter, solution, hidden checks, hints) are fetched on first use; Check grades the
// reader's code with real pytest in the worker (mlops_lab/_page/grading.py). Hints are revealed
// one at a time. Progress is kept per exercise (exercise-progress.js), shared by the lesson and
// the drill. Two ways in:
// - `mountExercises(page)`: the lesson's exercises, where the reader left them (their saved
//   code, the hints they opened, a line saying how far they got); a Check that first solves one
//   records a review of its drill card, with the grade the result proposes;
// - `mountExercise(container, card)`: an exercise card reviewed in the drill, from the starter
//   with every hint hidden and nothing saved as the reader's code, since a review is recalling
//   it; the drill grades it.
// After each Check the block dispatches "exercise:checked" (the drill proposes a grade from it),
// after Show solution "exercise:solution". Built by overrides/hooks/exercises.py.

import { button, element, markUnavailable } from "../dom.js";
import { formatDue } from "../drill/card-state.js";
import { RunnablePage } from "./code-block.js";
import {
  afterCheck,
  afterHint,
  afterSolution,
  describeProgress,
  lessonReview,
  storedProgress,
} from "./exercise-progress.js";
import { STATUS } from "./protocol.js";
import * as python from "./python-session.js";

// How a check's line starts (grading.py's outcomes): "not checked yet" is neither a pass nor a miss.
const OUTCOME_SIGNS = { passed: "✓", failed: "✗", "not-checked": "–" };
const SHOW_SOLUTION = "Show solution";
const BACK_TO_MY_CODE = "Back to my code";

/** The exercises among the blocks of a lesson's RunnablePage; returns the page. */
export function mountExercises(page) {
  for (const block of page.blocks.filter(({ root }) => root.dataset.exercise)) {
    new Exercise(block, { container: block.root.closest("details.exercise") });
  }
  return page;
}

/**
 * Mount the exercise of a drill card (cards.json: `id`, `exercise`, its files' URL relative to
 * the page) at the end of `container`: its editor from the starter, Check, hints, solution.
 * Resolves with what to unmount.
 */
export async function mountExercise(container, card) {
  const filesUrl = new URL(card.exercise, location.href);
  const files = await fetchFiles(filesUrl);
  const block = element("div", {
    class: "language-python highlight runnable exercise",
    "data-exercise": card.exercise,
    "data-exercise-id": card.id,
  });
  block.append(element("pre"));
  block.firstChild.append(element("code", { tabindex: "0" }, files.starter)); // as the build's: it may scroll
  container.append(block);
  for (const hint of files.hints) {
    const details = element("details", { class: "hint" });
    details.append(element("summary", {}, "Hint"), element("div"));
    details.lastChild.innerHTML = hint; // the lesson's own hint, rendered at build time
    container.append(details);
  }
  const page = new RunnablePage([block], { savesEdits: false });
  new Exercise(page.blocks[0], { container, title: card.question, asReview: true, files });
  page.blocks[0].mountEditor(); // the card is there to be worked: its editor at once
  return page;
}

function fetchFiles(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`the exercise's checks could not be loaded (${response.status})`);
    return response.json();
  });
}

class Exercise {
  /** `block`: a CodeBlock with data-exercise; `container`: where its prompt and hints are. */
  constructor(block, { container, title, asReview = false, files }) {
    this.block = block;
    block.exercise = this; // its Reset and unmount reach the exercise's own
    this.container = container;
    this.title = title ?? container.querySelector(":scope > summary").textContent.replace(/^Exercise:\s*/, "");
    this.asReview = asReview;
    this.id = block.root.dataset.exerciseId;
    this.session = { checks: 0, hints: 0, solutionShown: false }; // since it was mounted
    this.filesUrl = new URL(block.root.dataset.exercise, location.href);
    if (files) this.loadedFiles = Promise.resolve(files);
    this.progress = storedProgress(this.id);
    this.hints = [...container.querySelectorAll("details.hint")];
    this.shownHints = asReview ? 0 : Math.min(this.progress.data.hints, this.hints.length);
    this.mount();
  }

  mount() {
    const { controls } = this.block;
    this.checkButton = button("Check", () => this.check(), "md-button md-button--primary exercise-check");
    this.hintButton = button("Hint", () => this.revealHint(), "md-button exercise-hint");
    this.solutionButton = button(SHOW_SOLUTION, () => this.toggleSolution(), "md-button exercise-solution-button");
    controls.prepend(this.checkButton);
    controls.querySelector(".runnable-reset").before(this.hintButton, this.solutionButton);
    this.block.startButtons.push(this.checkButton);
    this.results = element("ul", { class: "exercise-checks", "aria-label": `Checks of ${this.title}`, hidden: "" });
    this.block.testResults.after(this.results);
    this.notice = element("p", { class: "exercise-notice" }, this.progress.notice);
    this.notice.hidden = !this.progress.notice;
    this.block.status.before(this.notice);
    // In the lesson, how far the reader got, above the controls (not in a review: the drill
    // proposes a grade instead).
    this.progressLine = element("p", { class: "exercise-progress" });
    if (!this.asReview) this.block.root.prepend(this.progressLine);
    this.showProgress();
    // What the build added for readers without JavaScript: the solution, collapsed.
    this.staticSolution = this.container.querySelector("details.exercise-solution");
    if (this.staticSolution) this.staticSolution.hidden = true;
    this.hints.forEach((hint, index) => {
      hint.hidden = index >= this.shownHints;
    });
    this.refreshButtons();
  }

  unmount() {
    if (this.staticSolution) this.staticSolution.hidden = false;
    for (const hint of this.hints) hint.hidden = false;
  }

  refreshButtons() {
    this.hintButton.hidden = this.hints.length === 0;
    markUnavailable(this.hintButton, this.shownHints >= this.hints.length);
    this.hintButton.textContent =
      this.hints.length > 1
        ? `Hint (${Math.min(this.shownHints + 1, this.hints.length)} of ${this.hints.length})`
        : "Hint";
    // After a first Check: of this review, or ever in the lesson.
    this.solutionButton.disabled = (this.asReview ? this.session.checks : this.progress.data.attempts) === 0;
  }

  showProgress() {
    const { data } = this.progress;
    this.progressLine.textContent = describeProgress(data);
    this.progressLine.hidden = !this.progressLine.textContent;
    this.progressLine.dataset.solved = String(Boolean(data.solved));
  }

  /** The exercise's starter, solution, checks and hints, fetched once. */
  files() {
    this.loadedFiles ??= fetchFiles(this.filesUrl);
    return this.loadedFiles;
  }

  async check() {
    const code = this.block.code();
    let files;
    try {
      files = await this.files();
    } catch (error) {
      return this.block.announce(`Check failed: ${error.message}`);
    }
    this.clearResults();
    const result = await this.block.start(
      (text, options) => python.checkExercise(text, files.checks, options),
      code,
      "Checking…",
    );
    this.block.report(result, code, result.report?.summary);
    // Stop ends a Check by interrupt or, when Python does not answer it, by a session reset.
    if (result.status === STATUS.interrupted) this.block.announce("Check did not finish: stopped.");
    if (result.status === STATUS.reset)
      this.block.announce("Check did not finish: stopped. The Python session was reset.");
    if (!result.report) return;
    this.showResults(result.report);
    this.session.checks += 1;
    let before;
    this.progress.update((progress) => {
      before = progress;
      return afterCheck(progress, result.report, this.session);
    });
    this.showProgress();
    this.refreshButtons();
    this.block.root.dispatchEvent(
      new CustomEvent("exercise:checked", { bubbles: true, detail: { ...result.report, ...this.session } }),
    );
    if (!this.asReview) await this.recordReview(lessonReview(before, this.progress.data), result.report.summary);
  }

  // A Check in the lesson that first solves the exercise is a review of its drill card: it goes
  // into the drill's store and schedule (loaded only now), with the grade the result proposes.
  async recordReview(proposal, summary) {
    if (!proposal) return;
    const [grade, why] = proposal;
    const { ProgressStore } = await import("../drill/progress-store.js");
    const store = new ProgressStore();
    const now = new Date();
    const state = await store.grade(this.id, grade, store.cards[this.id], now);
    this.block.announce(
      `${summary}. Its drill card is graded ${grade}, as ${why}; next review ${formatDue(state.due, now)}.`,
    );
  }

  /** Remove the last Check's results (a new Check, or Reset); returns whether any were shown. */
  clearResults() {
    const shown = !this.results.hidden;
    this.results.replaceChildren();
    this.results.hidden = true;
    return shown;
  }

  /** The block's Reset: the starter is back, so no solution is shown; returns whether check
   * results were cleared. */
  reset() {
    this.ownCode = undefined;
    this.solutionButton.textContent = SHOW_SOLUTION;
    return this.clearResults();
  }

  // One line per check, in words, its outcome as a sign and in the data attribute; the reader's
  // line at fault under it, shown; pytest's explanation of a failure, collapsed.
  showResults(report) {
    for (const check of report.checks) {
      const item = element("li", { "data-outcome": check.outcome });
      item.append(element("span", { class: "exercise-check-line" }, `${OUTCOME_SIGNS[check.outcome]} ${check.text}`));
      if (check.code) item.append(element("pre", { class: "exercise-check-code" }, check.code));
      if (check.details && check.outcome === "failed") {
        const details = element("details");
        details.append(element("summary", {}, "What pytest said"), element("pre", {}, check.details));
        item.append(details);
      }
      this.results.append(item);
    }
    this.results.hidden = false;
  }

  revealHint() {
    if (this.shownHints >= this.hints.length) return;
    const hint = this.hints[this.shownHints];
    hint.hidden = false;
    hint.open = true;
    this.shownHints += 1;
    this.session.hints += 1;
    this.progress.update((progress) => afterHint(progress, this.shownHints));
    this.refreshButtons();
    this.block.announce(
      `Hint ${this.shownHints} of ${this.hints.length}: ${hint.textContent.replace(/^\s*Hint\s*/, "").trim()}`,
    );
  }

  // One button, so that focus stays on it: Show solution, then Back to my code.
  toggleSolution() {
    return this.ownCode === undefined ? this.showSolution() : this.backToOwnCode();
  }

  // The solution is shown, never kept as the reader's code: their own stays saved and one
  // click away, and a later visit or review starts from it (or from the starter), not from it.
  async showSolution() {
    const files = await this.files();
    this.ownCode = this.block.code();
    this.block.showCode(files.solution.trimEnd());
    this.solutionButton.textContent = BACK_TO_MY_CODE;
    this.progress.update(afterSolution);
    this.session.solutionShown = true;
    this.block.root.dispatchEvent(new CustomEvent("exercise:solution", { bubbles: true, detail: { ...this.session } }));
    this.block.announce(`The reference solution is in the editor; ${BACK_TO_MY_CODE} brings back yours.`);
  }

  backToOwnCode() {
    this.block.setCode(this.ownCode);
    this.ownCode = undefined;
    this.solutionButton.textContent = SHOW_SOLUTION;
    this.block.announce("Your code is back in the editor.");
  }
}
