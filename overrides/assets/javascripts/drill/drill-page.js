// Loaded on every page; deliberately tiny. Mounts the interview drill on the page that has one
// (first load or Material's instant navigation, both through `document$`).

let currentDrill;

document$.subscribe(async () => {
  currentDrill?.unmount();
  currentDrill = undefined;
  const root = document.getElementById("drill-app");
  if (!root) return;
  const { InterviewDrill } = await import("./drill-app.js");
  currentDrill = new InterviewDrill(root);
});
