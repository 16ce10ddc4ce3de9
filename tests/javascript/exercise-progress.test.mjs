// An exercise's progress: solved or not, in words, and the review a lesson Check records.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  afterCheck,
  afterHint,
  afterSolution,
  describeProgress,
  INITIAL_PROGRESS,
  isValidProgress,
  lessonReview,
  solvedTally,
  withSolved,
} from "../../overrides/assets/javascripts/python/exercise-progress.js";

const fail = { passed: 2, total: 6 };
const pass = { passed: 6, total: 6 };
const own = { solutionShown: false };
const shown = { solutionShown: true };

test("nothing to say before a first Check", () => {
  assert.equal(describeProgress(INITIAL_PROGRESS), "");
});

test("a failing Check: the best result so far, the Checks and hints it took", () => {
  const progress = afterCheck(afterHint(INITIAL_PROGRESS, 1), fail, own);
  assert.deepEqual(progress, { ...INITIAL_PROGRESS, attempts: 1, best: 2, total: 6, hints: 1 });
  assert.equal(describeProgress(progress), "Not solved yet: best 2 of 6 checks (1 Check, 1 hint).");
});

test("solved at the Check that first passes everything, and it stays solved", () => {
  const first = afterCheck(INITIAL_PROGRESS, fail, own);
  const solved = afterCheck(first, pass, own);
  assert.deepEqual(solved.solved, { attempts: 2, hints: 0 });
  assert.equal(describeProgress(solved), "✓ Solved: all 6 checks passed at Check 2, with no hint.");
  const later = afterCheck(afterHint(solved, 2), fail, own);
  assert.deepEqual(later.solved, { attempts: 2, hints: 0 });
  assert.equal(later.best, 6);
});

test("passing with the solution shown is not solving it", () => {
  const progress = afterCheck(afterSolution(afterCheck(INITIAL_PROGRESS, fail, own)), pass, shown);
  assert.equal(progress.solved, null);
  assert.match(describeProgress(progress), /^Not solved yet: every check passed with the solution shown/);
  const ownLater = afterCheck(progress, pass, own); // a later visit, from the reader's own code
  assert.deepEqual(ownLater.solved, { attempts: 3, hints: 0 });
});

test("hints shown never go down", () => {
  assert.equal(afterHint(afterHint(INITIAL_PROGRESS, 2), 1).hints, 2);
});

test("the lesson records a review when a Check first solves it, graded on all it took", () => {
  const first = afterCheck(INITIAL_PROGRESS, pass, own);
  assert.deepEqual(lessonReview(INITIAL_PROGRESS, first), ["Good", "every check passed at the first Check"]);
  const retried = afterCheck(afterHint(afterCheck(INITIAL_PROGRESS, fail, own), 1), pass, own);
  assert.deepEqual(lessonReview(afterHint(afterCheck(INITIAL_PROGRESS, fail, own), 1), retried), [
    "Hard",
    "every check passed, after a hint",
  ]);
});

test("a first pass with the solution shown records Again; a failing Check records nothing", () => {
  const before = afterSolution(afterCheck(INITIAL_PROGRESS, fail, own));
  assert.deepEqual(lessonReview(before, afterCheck(before, pass, shown)), ["Again", "you opened the solution"]);
  assert.equal(lessonReview(INITIAL_PROGRESS, afterCheck(INITIAL_PROGRESS, fail, own)), undefined);
});

test("saved code that already passed, checked again on a later visit, records nothing", () => {
  const solved = afterCheck(INITIAL_PROGRESS, pass, own);
  assert.equal(lessonReview(solved, afterCheck(solved, pass, own)), undefined);
});

test("progress stored before `solved` existed reads as solved only without the solution", () => {
  const old = { attempts: 3, best: 6, total: 6, hints: 1, solutionShown: false };
  assert.equal(isValidProgress(old), true);
  assert.deepEqual(withSolved(old).solved, { attempts: 3, hints: 1 });
  assert.equal(withSolved({ ...old, solutionShown: true }).solved, null);
  assert.equal(withSolved({ ...old, best: 5 }).solved, null);
});

test("progress that cannot be read is refused", () => {
  for (const broken of [
    { ...INITIAL_PROGRESS, attempts: -1 },
    { ...INITIAL_PROGRESS, hints: 1.5 },
    { ...INITIAL_PROGRESS, solutionShown: "yes" },
    { ...INITIAL_PROGRESS, solved: 3 },
    { ...INITIAL_PROGRESS, solved: { attempts: 1 } },
  ]) {
    assert.equal(isValidProgress(broken), false, JSON.stringify(broken));
  }
});

test("the tally", () => {
  assert.equal(solvedTally(2, 5), "2 of 5 exercises solved");
  assert.equal(solvedTally(0, 1), "0 of 1 exercise solved");
});
