// The interview drill: the day's review (the cards due, then the new cards the day's limit
// leaves, daily-queue.js), and a timed mock interview (the interview questions and the
// exercises). A flashcard or fact is answered, then revealed and self-graded; an interview
// question is answered aloud against the clock, then compared with its outline; an exercise card
// is worked in an editor with Check (python/exercise.js mounts it), and its result proposes the
// grade. Cards come from the file named by the root's data-cards-file (cards.json beside the
// drill page, in lesson order), written at build time from the cards of the pages
// (overrides/hooks/interview_cards.py); answers are that rendered HTML, and card URLs are
// relative to the drill page. Grades go into the one store the lessons' review prompts share.

import { button as newButton, element } from "../dom.js";
import { formatDue, GRADES, isMastered } from "./card-state.js";
import { dailyQueue, inDailyQueue } from "./daily-queue.js";
import { ProgressStore } from "./progress-store.js";
import { proposedGrade } from "./proposed-grade.js";
import { newState, preview } from "./scheduler.bundle.js";

// The mock interview: questions answered aloud, and exercises coded, each against a clock.
const MOCK_SECONDS = { question: 120, exercise: 600 };
const inMockInterview = (card) => card.kind in MOCK_SECONDS;

export class InterviewDrill {
  constructor(root) {
    this.root = root;
    this.fallback = [...root.childNodes]; // the no-JavaScript content, restored on unmount
    this.store = new ProgressStore();
    this.onKey = (event) => this.handleKey(event);
    this.root.addEventListener("keydown", this.onKey);
    // A link to one card (drill/#card-…) opens it, on arrival and from the drill page itself.
    this.onHash = () => this.openRequestedCard();
    addEventListener("hashchange", this.onHash);
    this.load();
  }

  unmount() {
    clearInterval(this.timer);
    this.exercisePage?.unmount();
    this.root.removeEventListener("keydown", this.onKey);
    removeEventListener("hashchange", this.onHash);
    this.root.replaceChildren(...this.fallback);
  }

  async load() {
    const response = await fetch(new URL(this.root.dataset.cardsFile, location.href));
    ({ cards: this.cards, difficulties: this.difficulties } = await response.json());
    this.render();
    this.openRequestedCard();
  }

  openRequestedCard() {
    const requested = this.cards?.find((card) => `#${card.id}` === location.hash);
    if (requested) this.startSession([requested], requested.kind === "question" ? "mock" : "review");
  }

  // --- overview --------------------------------------------------------------------------

  render() {
    this.root.replaceChildren();
    this.notice = add(this.root, "p", { class: "drill-notice", hidden: "" });
    this.status = add(this.root, "p", { class: "drill-status", role: "status" });
    this.overview = add(this.root, "section", { class: "drill-overview", "aria-label": "Drill overview" });
    this.session = add(this.root, "section", { class: "drill-session", "aria-label": "Drill session", hidden: "" });
    add(
      this.root,
      "p",
      { class: "drill-help" },
      "Keyboard, while the drill has focus: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy. " +
        "Tab moves between controls.",
    );
    this.showNotice();
    this.renderOverview();
  }

  showNotice() {
    this.notice.textContent = this.store.notice;
    this.notice.hidden = !this.store.notice;
  }

  renderOverview() {
    this.overview.replaceChildren();
    this.counts = add(this.overview, "p", { class: "drill-due" });
    this.deck = add(this.overview, "p", { class: "drill-deck" });

    const filters = add(this.overview, "div", { class: "drill-filters" });
    this.tagFilter = select(filters, "Topic", ["all topics", ...this.tags()]);
    this.kindFilter = select(filters, "Kind", ["all kinds", ...new Set(this.cards.map((card) => card.kind))]);
    this.difficultyFilter = select(filters, "Difficulty", ["any difficulty", ...this.difficulties]);
    this.shuffle = checkbox(filters, "Shuffle");
    const daily = this.cards.filter(inDailyQueue).length;
    this.newPerDay = numberInput(filters, "New cards a day", this.store.newPerDay, 0, daily);
    this.newPerDay.addEventListener("change", () => this.changeNewPerDay());
    const mockPool = this.cards.filter(inMockInterview).length;
    this.mockSize = numberInput(filters, "Mock interview questions", Math.min(5, mockPool), 1, mockPool);

    const actions = add(this.overview, "div", { class: "drill-actions" });
    button(actions, "Review today's cards", () => this.startReview(), "md-button md-button--primary");
    button(actions, "Start mock interview", () => this.startMockInterview());

    this.renderCounts();
    this.renderMastery(new Date());
    this.renderProgressTools();
  }

  /** Today's queue among `cards`: {due, newToday} (daily-queue.js). */
  today(cards = this.cards) {
    const { cards: states, introduced, newPerDay } = this.store;
    return dailyQueue(cards, { states, introduced, newPerDay, now: new Date() });
  }

  // "12 due · 20 new today", then what the daily review and the mock interview hold.
  renderCounts() {
    const { due, newToday } = this.today();
    this.counts.textContent = `${due.length} due · ${newToday.length} new today`;
    const daily = this.cards.filter(inDailyQueue);
    const unseen = daily.filter((card) => !this.store.cards[card.id]).length;
    const mock = this.cards.filter(inMockInterview);
    const questions = mock.filter((card) => card.kind === "question").length;
    this.deck.textContent =
      `The daily review: ${daily.length} cards, ${unseen} not seen yet, introduced in lesson order, ` +
      `up to ${this.store.newPerDay} new a day. The mock interview: ${questions} interview questions ` +
      `and ${mock.length - questions} exercises, against the clock.`;
  }

  changeNewPerDay() {
    const count = Number(this.newPerDay.value);
    if (!Number.isInteger(count) || count < 0) return;
    this.store.setNewPerDay(count);
    this.showNotice();
    this.renderCounts();
    this.announce(`${count} new cards a day: ${this.counts.textContent}.`);
  }

  renderMastery(now) {
    const table = add(this.overview, "table", { class: "drill-mastery" });
    add(table, "caption", {}, "Mastery by topic (cards in review and not due)");
    const head = add(add(table, "thead"), "tr");
    for (const title of ["Topic", "Cards", "Mastered"]) add(head, "th", { scope: "col" }, title);
    const body = add(table, "tbody");
    for (const tag of this.tags()) {
      const cards = this.cards.filter((card) => card.tags.includes(tag));
      const mastered = cards.filter(
        (card) => this.store.cards[card.id] && isMastered(this.store.cards[card.id], now),
      ).length;
      const row = add(body, "tr");
      add(row, "th", { scope: "row" }, tag);
      add(row, "td", {}, String(cards.length));
      add(row, "td", {}, `${mastered} (${Math.round((100 * mastered) / cards.length)}%)`);
    }
  }

  renderProgressTools() {
    const tools = add(this.overview, "div", { class: "drill-progress-tools" });
    button(tools, "Export progress", () => this.exportProgress());
    const label = add(tools, "label", { class: "md-button" }, "Import progress");
    const file = add(label, "input", { type: "file", accept: "application/json,.json", class: "drill-import" });
    file.addEventListener("change", () => this.importProgress(file));
    // The Anki downloads the build put after the card list (the no-JavaScript content).
    const anki = this.fallback.find((node) => node.classList?.contains("drill-anki"));
    if (anki) tools.append(anki.cloneNode(true));
  }

  // --- sessions -------------------------------------------------------------------------

  startReview() {
    const { due, newToday } = this.today(this.filtered(this.cards));
    if (due.length + newToday.length === 0)
      return this.announce("Nothing to review with these filters: no card is due, and today's new cards are done.");
    this.startSession([...due, ...newToday], "review");
  }

  startSession(cards, mode) {
    this.queue = this.shuffle?.checked ? shuffled(cards) : [...cards];
    this.mode = mode;
    this.position = 0;
    this.results = [];
    this.overview.hidden = true;
    this.session.hidden = false;
    this.showCard();
  }

  startMockInterview() {
    const pool = this.filtered(this.cards.filter(inMockInterview));
    if (pool.length === 0) return this.announce("No interview question or exercise matches these filters.");
    const size = Math.max(1, Math.min(Number(this.mockSize.value) || 1, pool.length));
    this.shuffle.checked = true;
    this.startSession(shuffled(pool).slice(0, size), "mock");
  }

  showCard() {
    const card = this.queue[this.position];
    this.revealed = false;
    this.revealButton = undefined;
    this.exercisePage?.unmount();
    this.exercisePage = undefined;
    this.session.replaceChildren();
    const heading = `Question ${this.position + 1} of ${this.queue.length}`;
    add(this.session, "p", { class: "drill-progress" }, heading);
    this.question = add(this.session, "h2", { class: "drill-question", tabindex: "-1" }, card.question);
    add(this.session, "p", { class: "drill-card-meta" }, `${card.difficulty} · ${card.tags.join(", ")}`);
    if (this.mode === "mock") this.startTimer(MOCK_SECONDS[card.kind] ?? MOCK_SECONDS.question);
    this.question.focus();
    this.announce(`${heading}: ${card.question}`);
    if (card.kind === "exercise") return this.showExercise(card);
    this.revealButton = button(this.session, "Show answer", () => this.reveal(), "md-button md-button--primary");
  }

  reveal() {
    if (this.revealed || !this.revealButton) return; // an exercise is answered with Check
    const card = this.queue[this.position];
    this.revealButton.remove();
    this.revealButton = undefined;
    const answer = add(this.session, "div", { class: "drill-answer", tabindex: "-1", "aria-label": "Model answer" });
    answer.innerHTML = card.answer_html; // built from this site's own Markdown at build time
    add(this.session, "p", {}).append(lessonLink(card));
    this.showGrades(card);
    answer.focus();
    this.announce("Answer shown. Grade yourself: Again, Hard, Good or Easy.");
  }

  // The four grades, with when each would bring the card back; `proposed` (an exercise's
  // result) is marked, and the reader may pick another.
  showGrades(card, proposed) {
    this.revealed = true;
    this.grades?.remove();
    this.grades = add(this.session, "div", {
      class: "drill-grades",
      role: "group",
      "aria-label": "How well did you answer?",
    });
    const now = new Date();
    const next = preview(this.store.cards[card.id] ?? newState(now), now);
    for (const grade of GRADES) {
      const choice = button(
        this.grades,
        `${grade.name} (${grade.key})`,
        () => this.grade(grade),
        "md-button drill-grade",
      );
      choice.setAttribute("title", `Next review ${formatDue(next[grade.name], now)}`);
      if (grade.name === proposed) choice.dataset.proposed = "";
    }
  }

  // An exercise card: its prompt, and the lesson's exercise (editor, Check, Hint, Show
  // solution), from its starter (exercise.js). Each Check proposes a grade.
  async showExercise(card) {
    const container = add(this.session, "div", { class: "drill-exercise" });
    const prompt = add(container, "div", { class: "drill-prompt" });
    prompt.innerHTML = card.prompt_html; // built from this site's own Markdown at build time
    const proposal = add(this.session, "p", { class: "drill-proposal", hidden: "" });
    const propose = ({ detail }) => {
      const [grade, why] = proposedGrade(detail);
      proposal.textContent = `Proposed grade: ${grade}, as ${why}. Pick another if you disagree.`;
      proposal.hidden = false;
      this.showGrades(card, grade);
      this.announce(proposal.textContent);
    };
    container.addEventListener("exercise:checked", propose);
    container.addEventListener("exercise:solution", propose);
    add(this.session, "p", {}).append(lessonLink(card, "This exercise in the lesson"));
    let mounted;
    try {
      const { mountExercise } = await import("../python/exercise.js");
      mounted = await mountExercise(container, card);
    } catch (error) {
      return this.announce(`This exercise could not be loaded: ${error.message}`);
    }
    if (this.queue[this.position] === card && container.isConnected) this.exercisePage = mounted;
    else mounted.unmount(); // the reader moved on while it loaded
  }

  async grade(grade) {
    if (!this.revealed) return;
    this.revealed = false; // one grade a card, however fast the keys come
    const card = this.queue[this.position];
    const now = new Date();
    const state = await this.store.grade(card.id, grade.name, this.store.cards[card.id], now);
    this.showNotice();
    this.results.push({ card, grade: grade.name, seconds: this.elapsedSeconds() });
    this.position += 1;
    if (this.position < this.queue.length) {
      this.showCard();
      this.announce(`Graded ${grade.name}; next review ${formatDue(state.due, now)}. ${this.status.textContent}`);
    } else {
      this.finishSession();
    }
  }

  finishSession() {
    clearInterval(this.timer);
    this.session.replaceChildren();
    const summary = add(this.session, "div", { class: "drill-summary" });
    const heading = add(
      summary,
      "h2",
      { tabindex: "-1" },
      this.mode === "mock" ? "Mock interview summary" : "Session summary",
    );
    const counts = GRADES.map(({ name }) => `${this.results.filter((r) => r.grade === name).length} ${name}`);
    add(summary, "p", {}, `${this.results.length} cards: ${counts.join(", ")}.`);
    const weak = this.results.filter((result) => ["Again", "Hard"].includes(result.grade));
    if (weak.length) {
      const topics = [...new Set(weak.flatMap((result) => result.card.tags))];
      add(summary, "p", {}, `Weak topics: ${topics.join(", ")}. Revisit these answers in the lesson:`);
      const list = add(summary, "ul");
      for (const { card, seconds } of weak) {
        const item = add(list, "li");
        item.append(lessonLink(card, card.question));
        if (this.mode === "mock") item.append(` (${seconds} s)`);
      }
    } else {
      add(summary, "p", {}, "No weak topics this time.");
    }
    button(summary, "Back to the overview", () => this.closeSession(), "md-button md-button--primary");
    heading.focus();
    this.announce(`Finished: ${counts.join(", ")}.`);
  }

  closeSession() {
    this.session.hidden = true;
    this.overview.hidden = false;
    this.renderOverview();
    this.overview.querySelector(".drill-due").setAttribute("tabindex", "-1");
    this.overview.querySelector(".drill-due").focus();
  }

  startTimer(seconds) {
    clearInterval(this.timer);
    this.questionStarted = Date.now();
    const clock = add(this.session, "p", { class: "drill-timer", "aria-live": "off" });
    const tick = () => {
      const left = seconds - this.elapsedSeconds();
      clock.textContent = left > 0 ? `${formatClock(left)} left for this answer` : "Time is up: wrap up your answer.";
      if (left === 0) this.announce("Time is up for this question.");
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  elapsedSeconds() {
    return this.questionStarted ? Math.round((Date.now() - this.questionStarted) / 1000) : 0;
  }

  // --- keyboard: only while focus is inside the drill (the listener sits on its root) -----

  handleKey(event) {
    if (this.session.hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, select, textarea, a, [contenteditable], .cm-editor")) return;
    if (event.key === " " && !this.revealed) {
      event.preventDefault();
      this.reveal();
    }
    const grade = GRADES.find(({ key }) => key === event.key);
    if (grade && this.revealed) this.grade(grade);
  }

  // --- progress file --------------------------------------------------------------------

  exportProgress() {
    const blob = new Blob([this.store.exportText()], { type: "application/json" });
    const link = add(this.root, "a", {
      href: URL.createObjectURL(blob),
      download: "mlops-drill-progress.json",
      hidden: "",
    });
    link.click();
    link.remove();
    this.announce("Progress exported as mlops-drill-progress.json.");
  }

  async importProgress(input) {
    const [file] = input.files;
    if (!file) return;
    try {
      const count = this.store.importText(await file.text());
      this.renderOverview();
      this.announce(`Progress imported: ${count} cards.`);
    } catch (error) {
      this.announce(`Import rejected, nothing changed: ${error.message}`);
    }
    input.value = "";
  }

  // --- helpers ----------------------------------------------------------------------------

  tags() {
    return [...new Set(this.cards.flatMap((card) => card.tags))].sort();
  }

  filtered(cards) {
    const tag = this.tagFilter.value;
    const kind = this.kindFilter.value;
    const difficulty = this.difficultyFilter.value;
    return cards.filter(
      (card) =>
        (tag === "all topics" || card.tags.includes(tag)) &&
        (kind === "all kinds" || card.kind === kind) &&
        (difficulty === "any difficulty" || card.difficulty === difficulty),
    );
  }

  announce(text) {
    this.status.textContent = text;
  }
}

function add(parent, tag, attributes = {}, text) {
  const node = element(tag, attributes, text);
  parent.append(node);
  return node;
}

function button(parent, label, onClick, className) {
  const node = newButton(label, onClick, className);
  parent.append(node);
  return node;
}

function select(parent, label, options) {
  const wrapper = add(parent, "label", {}, `${label} `);
  const node = add(wrapper, "select");
  for (const option of options) add(node, "option", { value: option }, option);
  return node;
}

function checkbox(parent, label) {
  const wrapper = add(parent, "label");
  const node = add(wrapper, "input", { type: "checkbox" });
  wrapper.append(` ${label}`);
  return node;
}

function numberInput(parent, label, value, min, max) {
  const wrapper = add(parent, "label", {}, `${label} `);
  return add(wrapper, "input", { type: "number", min: String(min), max: String(max), value: String(value) });
}

function lessonLink(card, text = "Read this answer in the lesson") {
  return element("a", { href: new URL(card.url, location.href).href }, text);
}

function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function formatClock(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
