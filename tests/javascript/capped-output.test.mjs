// The cap on one run's output (python-worker.js sends every run's output through it).
import assert from "node:assert/strict";
import { test } from "node:test";

import { CappedOutput } from "../../overrides/assets/javascripts/python/capped-output.js";

function capture(lineLimit) {
  const sent = [];
  return { sent, output: new CappedOutput((message) => sent.push(message), lineLimit) };
}

const texts = (sent) => sent.filter((m) => m.type === "output").map((m) => m.text);

test("output under the limit is sent as written, stream by stream", () => {
  const { sent, output } = capture(10);
  output.write("stdout", "a\n");
  output.write("stderr", "b\n");
  assert.deepEqual(sent, [
    { type: "output", stream: "stdout", text: "a\n" },
    { type: "output", stream: "stderr", text: "b\n" },
  ]);
  assert.equal(output.droppedLines, 0);
});

test("lines past the limit are counted, not sent, within a write and after it", () => {
  const { sent, output } = capture(3);
  output.write("stdout", "1\n2\n");
  output.write("stdout", "3\n4\n5\n");
  output.write("stdout", "6\n");
  assert.deepEqual(texts(sent), ["1\n2\n", "3\n"]);
  assert.equal(output.droppedLines, 3);
});

test("one enormous line is cut at the character limit and counted as dropped", () => {
  const { sent, output } = capture(1000);
  output.write("stdout", `${"x".repeat(300_000)}\n`);
  output.write("stdout", "after\n");
  const [text] = texts(sent);
  assert.equal(text.length, 200_001); // the kept characters and a line end
  assert.ok(text.endsWith("x\n"));
  assert.equal(output.droppedLines, 2); // the cut line's end, and everything after it
});

test("a line ended by a later write counts once", () => {
  const { output } = capture(1);
  output.write("stdout", "partial");
  output.write("stdout", " line\nnext\n");
  assert.equal(output.droppedLines, 1);
});

test("displays past the limit are counted, not sent", () => {
  const { sent, output } = capture(10);
  for (let i = 0; i < 25; i++) output.display({ kind: "table", rows: [[String(i)]] });
  assert.equal(sent.filter((m) => m.type === "display").length, 20);
  assert.equal(output.droppedDisplays, 5);
});
