// Loaded on every page; deliberately tiny. When Material shows a page (first load or instant
// navigation, both through `document$`), mount that page's runnable blocks and unmount the
// previous page's. Editor and Python code load only on pages that have runnable blocks.

let currentPage;

document$.subscribe(async () => {
  currentPage?.unmount();
  currentPage = undefined;
  const codeBlocks = [...document.querySelectorAll("div.runnable")];
  if (codeBlocks.length === 0) return;
  const { RunnablePage } = await import("./code-block.js");
  currentPage = new RunnablePage(codeBlocks);
});
