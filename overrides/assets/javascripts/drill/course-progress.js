// What a returning reader has done, said where they read it:
// - on a lesson (a page with `details.exercise`), a line under its header: "2 of 5 exercises
//   solved";
// - in an `.exercise-tally` (the home page: the build lists the course's exercises in its
//   data-exercises, interview_cards.py), the same for the whole course.
// Counts come from the page and the exercises' progress (exercise-progress.js), read again after
// each Check. Without JavaScript none of it shows (a tally is built hidden and empty).

import { element, whenIdle } from "../dom.js";
import { solvedTally, storedProgress } from "../python/exercise-progress.js";

export class CourseProgress {
  constructor() {
    this.lines = [...document.querySelectorAll(".exercise-tally")].map((tally) => ({
      node: tally,
      exercises: tally.dataset.exercises.split(" ").filter(Boolean),
    }));
    const lesson = this.lessonLine();
    if (lesson) this.lines.push(lesson);
    this.refresh = () => this.render();
    document.addEventListener("exercise:checked", this.refresh);
    // Once the page is idle: a line added to the article restyles all of it.
    whenIdle(() => {
      if (lesson && this.refresh) placeUnderHeader(lesson.node);
      this.render();
    });
  }

  unmount() {
    document.removeEventListener("exercise:checked", this.refresh);
    this.refresh = undefined;
    for (const { node } of this.lines) {
      if (node.matches(".exercise-tally")) node.hidden = true;
      else node.remove();
    }
  }

  lessonLine() {
    const exercises = [...document.querySelectorAll("article details.exercise")].map(({ id }) => id);
    if (!exercises.length) return undefined;
    return { node: element("p", { class: "lesson-progress" }), exercises };
  }

  render() {
    if (!this.refresh) return; // unmounted while it waited
    for (const { node, exercises } of this.lines) {
      node.textContent = solvedTally(exercises.filter(isSolved).length, exercises.length);
      node.hidden = false;
    }
  }
}

function isSolved(id) {
  return Boolean(storedProgress(id).data.solved);
}

// Under the lesson's header card (module, time, difficulty), or its title.
function placeUnderHeader(line) {
  const article = document.querySelector("article");
  const header = article.querySelector(".lesson-meta") ?? article.querySelector("h1");
  header.after(line);
}
