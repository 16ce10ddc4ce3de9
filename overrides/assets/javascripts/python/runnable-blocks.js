// Loaded on every page; deliberately tiny. Mounts the page's runnable blocks (```python
// {.runnable} in Markdown) on each page Material shows, and the exercises among them. Editor
// and Python code load only on pages that have runnable blocks.

import { mountOnEachPage } from "../dom.js";

mountOnEachPage(
  () => {
    const codeBlocks = [...document.querySelectorAll("div.runnable")];
    return codeBlocks.length ? codeBlocks : undefined;
  },
  async (codeBlocks) => {
    // Both modules load at once (exercise.js builds on code-block.js).
    const exercises = codeBlocks.some((block) => block.dataset.exercise) ? import("./exercise.js") : undefined;
    const { RunnablePage } = await import("./code-block.js");
    const page = new RunnablePage(codeBlocks);
    (await exercises)?.mountExercises(page);
    return page;
  },
);
