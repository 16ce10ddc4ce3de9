// The grade an exercise's result proposes for its drill card.
import assert from "node:assert/strict";
import { test } from "node:test";

import { proposedGrade } from "../../overrides/assets/javascripts/drill/proposed-grade.js";

const allPass = { passed: 6, total: 6 };

test("every check at the first Check, with no hint: Good", () => {
  assert.deepEqual(proposedGrade({ ...allPass, checks: 1, hints: 0, solutionShown: false }), [
    "Good",
    "every check passed at the first Check",
  ]);
});

test("after a retry or a hint: Hard, saying which", () => {
  assert.deepEqual(proposedGrade({ ...allPass, checks: 3, hints: 0, solutionShown: false }), [
    "Hard",
    "every check passed, after a retry",
  ]);
  assert.deepEqual(proposedGrade({ ...allPass, checks: 1, hints: 1, solutionShown: false }), [
    "Hard",
    "every check passed, after a hint",
  ]);
  assert.deepEqual(proposedGrade({ ...allPass, checks: 2, hints: 2, solutionShown: false }), [
    "Hard",
    "every check passed, after 2 hints",
  ]);
});

test("checks still failing: Again, with the count", () => {
  assert.deepEqual(proposedGrade({ passed: 2, total: 6, checks: 1, hints: 0, solutionShown: false }), [
    "Again",
    "2 of 6 checks pass so far",
  ]);
});

test("the solution shown: Again, even when every check passes at the first Check", () => {
  assert.deepEqual(proposedGrade({ ...allPass, checks: 1, hints: 0, solutionShown: true }), [
    "Again",
    "you opened the solution",
  ]);
});
