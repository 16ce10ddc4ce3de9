// Review in the prose (the "mnemonic medium" of Quantum Country and Orbit): a lesson's
// flashcards, a few at the end of each section (`details.flashcard` with `data-section`), are
// answered where they stand. Opening one shows its answer (a native <details>, which is all there
// is without JavaScript); under it, Again / Hard / Good / Easy grade it into the drill's store and
// schedule (progress-store.js), and a status line says when it comes back. A prompt reviewed
// before and due again says so in its question, and its section's lead says how many are due
// there (course-progress.js sums them up under the lesson's header). The page stays light:
// what is due is read from the stored due dates; the scheduler loads with the first grade.

import { button, cancelIdle, element, whenIdle } from "../dom.js";
import { formatDue, GRADES, isDue } from "./card-state.js";
import { dueBySection } from "./daily-queue.js";
import { ProgressStore } from "./progress-store.js";

export class ReviewPrompts {
  /** `prompts`: the page's `details.flashcard` elements, in page order. */
  constructor(prompts) {
    this.prompts = prompts;
    this.before = new Map(); // prompt id -> its state before this visit's grade (a re-grade replaces it)
    this.marks = [];
    // <details> fires "toggle" on itself only (it does not bubble): one capturing listener
    // serves every prompt, and nothing is added to a prompt until it is opened.
    this.onToggle = ({ target }) => {
      if (target.open && this.prompts.includes(target)) this.offerGrades(target);
    };
    document.addEventListener("toggle", this.onToggle, true);
    for (const prompt of prompts.filter(({ open }) => open)) this.offerGrades(prompt); // a link to it opened it
    this.idle = whenIdle(() => this.showDue());
  }

  unmount() {
    cancelIdle(this.idle);
    document.removeEventListener("toggle", this.onToggle, true);
    this.removeMarks();
    for (const prompt of this.prompts) prompt.querySelector(":scope > .review-prompt")?.remove();
  }

  // Under an opened prompt's answer: the four grades, or, if it was reviewed and is not due,
  // when it is.
  offerGrades(prompt) {
    if (prompt.querySelector(":scope > .review-prompt")) return;
    const now = new Date();
    const state = new ProgressStore().cards[prompt.id]; // as stored now: the drill, in another tab, may have graded it
    const part = element("div", { class: "review-prompt" });
    prompt.append(part);
    if (state && !isDue(state, now)) {
      part.append(element("p", { class: "review-status" }, `Reviewed: next review ${formatDue(state.due, now)}.`));
      return;
    }
    this.before.set(prompt.id, state);
    const grades = element("div", {
      class: "review-grades",
      role: "group",
      "aria-label": "How well did you recall it?",
    });
    const status = element("p", { class: "review-status", role: "status" }); // there before it speaks
    for (const { name } of GRADES) {
      const choice = button(name, () => this.grade(prompt, name, grades, status), "md-button review-grade");
      choice.setAttribute("aria-pressed", "false");
      grades.append(choice);
    }
    part.append(
      element(
        "p",
        { class: "review-help" },
        "Did you recall it? Again if not; Hard, Good or Easy by how easily you did.",
      ),
      grades,
      status,
    );
  }

  // The pressed button keeps its focus and says it is the grade given; pressing another one
  // replaces the grade (the review is graded once, from the state before it).
  async grade(prompt, gradeName, grades, status) {
    const now = new Date();
    const store = new ProgressStore();
    const state = await store.grade(prompt.id, gradeName, this.before.get(prompt.id), now);
    for (const choice of grades.children) {
      const given = choice.textContent === gradeName;
      choice.setAttribute("aria-pressed", String(given));
      choice.classList.toggle("md-button--primary", given); // Material's own look: its contrast holds
    }
    const kept = store.notice ? ` ${store.notice}` : "";
    status.textContent = `Graded ${gradeName}: next review ${formatDue(state.due, now)}, here or in the drill.${kept}`;
    prompt.dispatchEvent(new CustomEvent("review:graded", { bubbles: true }));
    this.showDue();
  }

  // "due for review" in the question of each prompt due, and "2 of 4 due" in its section's lead
  // ("Review: answer these before you read on.").
  showDue() {
    this.removeMarks();
    const { cards } = new ProgressStore();
    const prompts = this.prompts.map((prompt) => ({ id: prompt.id, section: prompt.dataset.section }));
    for (const [section, ids] of dueBySection(prompts, cards, new Date())) {
      const inSection = this.prompts.filter((prompt) => prompt.dataset.section === section);
      for (const id of ids) this.mark(document.getElementById(id).querySelector("summary"), " · due for review");
      const lead = inSection[0].previousElementSibling;
      if (lead?.matches(".review-lead")) this.mark(lead, ` ${ids.length} of ${inSection.length} due for review.`);
    }
  }

  mark(parent, text) {
    const mark = element("span", { class: "review-due" }, text);
    parent.append(mark);
    this.marks.push(mark);
  }

  removeMarks() {
    this.marks.splice(0).forEach((mark) => mark.remove());
  }
}
