// Loaded on every page; deliberately tiny. Mounts what the drill puts on the pages Material
// shows: the interview drill on its page; a lesson's review prompts (its flashcards); the
// reader's progress under a lesson's header and in the home page's exercise tally.

import { mountOnEachPage } from "../dom.js";

mountOnEachPage(
  () => document.getElementById("drill-app") ?? undefined,
  async (root) => {
    const { InterviewDrill } = await import("./drill-app.js");
    return new InterviewDrill(root);
  },
);

mountOnEachPage(
  () => {
    const prompts = [...document.querySelectorAll("article details.flashcard")];
    return prompts.length ? prompts : undefined;
  },
  async (prompts) => {
    const { ReviewPrompts } = await import("./review-prompts.js");
    return new ReviewPrompts(prompts);
  },
);

mountOnEachPage(
  () => document.querySelector("article details.exercise, article details.flashcard, .exercise-tally") ?? undefined,
  async () => {
    const { CourseProgress } = await import("./course-progress.js");
    return new CourseProgress();
  },
);
