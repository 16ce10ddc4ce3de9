// What a returning reader has done, said where they read it:
// - on a lesson (a page with `details.exercise` or `details.flashcard`), a line under its header:
//   "2 of 5 exercises solved · 3 prompts due in this lesson: 2 in 1. DevOps Foundation, ...",
//   each section a link to its first prompt due;
// - in an `.exercise-tally` (the home page: the build lists the course's exercises in its
//   data-exercises, interview_cards.py), "2 of 5 exercises solved".
// Counts come from the page and the stores (exercise-progress.js, progress-store.js), read
// again after each Check and each graded prompt. Without JavaScript none of it shows (a tally
// is built hidden and empty).

import { element, whenIdle } from "../dom.js";
import { solvedTally, storedProgress } from "../python/exercise-progress.js";
import { dueBySection } from "./daily-queue.js";
import { ProgressStore } from "./progress-store.js";

export class CourseProgress {
  constructor() {
    this.lines = [...document.querySelectorAll(".exercise-tally")].map((tally) => ({
      node: tally,
      exercises: tally.dataset.exercises.split(" ").filter(Boolean),
      prompts: [],
    }));
    const lesson = this.lessonLine();
    if (lesson) this.lines.push(lesson);
    this.refresh = () => this.render();
    document.addEventListener("exercise:checked", this.refresh);
    document.addEventListener("review:graded", this.refresh);
    // Once the page is idle: a line added to the article restyles all of it.
    whenIdle(() => {
      if (lesson && this.refresh) placeUnderHeader(lesson.node);
      this.render();
    });
  }

  unmount() {
    document.removeEventListener("exercise:checked", this.refresh);
    document.removeEventListener("review:graded", this.refresh);
    this.refresh = undefined;
    for (const { node } of this.lines) {
      if (node.matches(".exercise-tally")) node.hidden = true;
      else node.remove();
    }
  }

  lessonLine() {
    const exercises = [...document.querySelectorAll("article details.exercise")].map(({ id }) => id);
    const prompts = [...document.querySelectorAll("article details.flashcard")].map((prompt) => ({
      id: prompt.id,
      section: prompt.dataset.section,
    }));
    if (!exercises.length && !prompts.length) return undefined;
    return { node: element("p", { class: "lesson-progress" }), exercises, prompts };
  }

  render() {
    if (!this.refresh) return; // unmounted while it waited
    const { cards } = new ProgressStore();
    for (const { node, exercises, prompts } of this.lines) {
      const parts = [];
      if (exercises.length) parts.push([solvedTally(exercises.filter(isSolved).length, exercises.length)]);
      if (prompts.length) parts.push(promptsPart(prompts, cards));
      node.replaceChildren(...parts.flatMap((part, index) => (index ? [" · ", ...part] : part)));
      node.hidden = false;
    }
  }
}

function isSolved(id) {
  return Boolean(storedProgress(id).data.solved);
}

// "3 prompts due in this lesson: 2 in <a>1. DevOps Foundation</a>, 1 in <a>…</a>", as nodes.
function promptsPart(prompts, states) {
  const due = dueBySection(prompts, states, new Date());
  if (due.size === 0) {
    const reviewed = prompts.filter(({ id }) => states[id]).length;
    return reviewed
      ? [`no prompt due for review (${reviewed} of ${prompts.length} reviewed)`]
      : [`${prompts.length} review prompts, at the end of its sections: answer them as you read`];
  }
  const count = [...due.values()].flat().length;
  const part = [`${count} ${count === 1 ? "prompt" : "prompts"} due in this lesson: `];
  [...due].forEach(([section, ids], index) => {
    if (index) part.push(", ");
    part.push(`${ids.length} in `, element("a", { href: `#${ids[0]}` }, headingText(section)));
  });
  part.push(".");
  return part;
}

/** The text of the section's h2, without Material's permalink. */
function headingText(id) {
  const heading = document.getElementById(id);
  if (!heading) return "the lesson's opening";
  return [...heading.childNodes]
    .filter((node) => !node.classList?.contains("headerlink"))
    .map((node) => node.textContent)
    .join("")
    .trim();
}

// Under the lesson's header card (module, time, difficulty), or its title.
function placeUnderHeader(line) {
  const article = document.querySelector("article");
  const header = article.querySelector(".lesson-meta") ?? article.querySelector("h1");
  header.after(line);
}
