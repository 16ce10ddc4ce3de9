// Loaded on every page; deliberately tiny. Mounts the interview drill on the page that has one.

import { mountOnEachPage } from "../dom.js";

mountOnEachPage(
  () => document.getElementById("drill-app") ?? undefined,
  async (root) => {
    const { InterviewDrill } = await import("./drill-app.js");
    return new InterviewDrill(root);
  },
);
