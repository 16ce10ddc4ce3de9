// The output of one run, capped so that no reader code can flood the page: used by
// python-worker.js for every run, unit-tested under Node (tests/javascript/).

import { MESSAGE } from "./protocol.js";

const CHARACTER_LIMIT = 200_000; // one enormous line must not flood the page either
const DISPLAY_LIMIT = 20; // charts and tables per run

// Sends output as it is written, so progress shows while Python computes: Python's stdout is
// line-buffered, one write per line, and a worker running Python never gets to run a timer
// that would flush a batch later. After `lineLimit` lines (or CHARACTER_LIMIT characters) it
// only counts: a print loop of millions of lines costs the page at most `lineLimit` messages.
export class CappedOutput {
  /** `post(message)` sends an output or display message of the run. */
  constructor(post, lineLimit) {
    this.post = post;
    this.linesLeft = lineLimit;
    this.charactersLeft = CHARACTER_LIMIT;
    this.droppedLines = 0;
    this.displaysLeft = DISPLAY_LIMIT;
    this.droppedDisplays = 0;
  }

  write(stream, text) {
    if (this.linesLeft <= 0) {
      this.droppedLines += countLines(text);
      return;
    }
    const lines = text.split(/(?<=\n)/);
    let kept = lines.slice(0, this.linesLeft).join("");
    this.linesLeft -= countLines(kept);
    this.droppedLines += countLines(text) - countLines(kept);
    if (kept.length > this.charactersLeft) {
      // The cut line counts as dropped when its end is (here or in a later write).
      this.droppedLines += countLines(kept.slice(this.charactersLeft));
      kept = kept.slice(0, this.charactersLeft) + "\n";
      this.linesLeft = 0;
    }
    this.charactersLeft -= kept.length;
    if (kept) this.post({ type: MESSAGE.output, stream, text: kept });
  }

  display(item) {
    if (this.displaysLeft > 0) {
      this.displaysLeft -= 1;
      this.post({ type: MESSAGE.display, item });
    } else {
      this.droppedDisplays += 1;
    }
  }
}

function countLines(text) {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
