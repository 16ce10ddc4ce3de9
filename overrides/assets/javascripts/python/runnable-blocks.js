// Loaded on every page; deliberately tiny. Mounts the page's runnable blocks (```python
// {.runnable} in Markdown) on each page Material shows. Editor and Python code load only on
// pages that have runnable blocks.

import { mountOnEachPage } from "../dom.js";

mountOnEachPage(
  () => {
    const codeBlocks = [...document.querySelectorAll("div.runnable")];
    return codeBlocks.length ? codeBlocks : undefined;
  },
  async (codeBlocks) => {
    const { RunnablePage } = await import("./code-block.js");
    return new RunnablePage(codeBlocks);
  },
);
