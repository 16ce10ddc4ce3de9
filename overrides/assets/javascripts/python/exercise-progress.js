// An exercise's progress, kept per exercise in localStorage by exercise.js (the lesson and the
// drill share it) and counted by ../course-progress.js: what its Checks, hints and solution have
// come to, and what the lesson records in the drill when a Check first solves it.
// Side-effect free: unit-tested under Node (tests/javascript/).
//
// Solved means solved by the reader: a Check passed every check in a visit (or drill card) in
// which the reference solution was not shown. Passing with the solution on screen is recorded,
// and says so, but is not solved.

import { proposedGrade } from "../drill/proposed-grade.js";
import { StoredJson } from "../storage.js";

const STORAGE_PREFIX = "mlops-course:exercise:";
const VERSION = 1;

/** {attempts: Checks, best and total: the best result in checks, hints: hints shown,
 * solutionShown, solved: null or {attempts, hints} at the Check that solved it}. */
export const INITIAL_PROGRESS = { attempts: 0, best: 0, total: 0, hints: 0, solutionShown: false, solved: null };

const COUNTS = ["attempts", "best", "total", "hints"];
const isCount = (value) => Number.isInteger(value) && value >= 0;

/** The progress of exercise `id` (its card id), in localStorage (../storage.js: never fatal). */
export function storedProgress(id) {
  return new StoredJson(STORAGE_PREFIX + id, {
    version: VERSION,
    initial: INITIAL_PROGRESS,
    isValid: isValidProgress,
    upgrade: withSolved,
    what: "progress on this exercise",
  });
}

/** Whether stored progress can be read (`solved` came later and may be missing). */
export function isValidProgress(progress) {
  const { solved } = progress;
  return (
    COUNTS.every((name) => isCount(progress[name])) &&
    typeof progress.solutionShown === "boolean" &&
    (solved === undefined || solved === null || (isCount(solved?.attempts) && isCount(solved?.hints)))
  );
}

/** Stored progress with every field: progress stored before `solved` existed counts as solved
 * if its best Check passed everything and no solution was ever shown. */
export function withSolved(progress) {
  if (progress.solved !== undefined) return progress;
  const solved = allPassed(progress) && !progress.solutionShown;
  return { ...progress, solved: solved ? { attempts: progress.attempts, hints: progress.hints } : null };
}

export function allPassed({ best, total }) {
  return total > 0 && best >= total;
}

/** After a Check that passed `passed` of `total` checks, in a visit where the solution was
 * shown or not. */
export function afterCheck(progress, { passed, total }, { solutionShown }) {
  const attempts = progress.attempts + 1;
  const solvedNow = total > 0 && passed === total && !solutionShown;
  return {
    ...progress,
    attempts,
    best: Math.max(progress.best, passed),
    total,
    solved: progress.solved ?? (solvedNow ? { attempts, hints: progress.hints } : null),
  };
}

/** After a hint: `shown` hints are on screen. */
export function afterHint(progress, shown) {
  return { ...progress, hints: Math.max(progress.hints, shown) };
}

export function afterSolution(progress) {
  return { ...progress, solutionShown: true };
}

/**
 * The review a Check in the lesson records for the exercise's drill card: [grade, why] when it
 * first solves the exercise (graded on every Check and hint it took), or first passes it with
 * the solution shown (Again); otherwise undefined (code that already passed, Checked again on a
 * later visit, says nothing new of what the reader remembers).
 */
export function lessonReview(before, after) {
  const { total, solved } = after;
  if (!before.solved && solved) {
    return proposedGrade({ passed: total, total, checks: solved.attempts, hints: solved.hints, solutionShown: false });
  }
  if (!allPassed(before) && allPassed(after)) return proposedGrade({ solutionShown: true });
  return undefined;
}

/** The progress in words, as a returning reader sees it ("" before a first Check). */
export function describeProgress(progress) {
  const { attempts, best, total, hints, solved } = progress;
  if (solved) {
    const help = solved.hints ? `with ${plural(solved.hints, "hint")}` : "with no hint";
    return `✓ Solved: all ${total} checks passed at Check ${solved.attempts}, ${help}.`;
  }
  const tried = `${plural(attempts, "Check")}, ${plural(hints, "hint")}`;
  if (allPassed(progress)) {
    return `Not solved yet: every check passed with the solution shown (${tried}); solve it from your own code.`;
  }
  return attempts ? `Not solved yet: best ${best} of ${total} checks (${tried}).` : "";
}

/** "2 of 5 exercises solved". */
export function solvedTally(solved, total) {
  return `${solved} of ${plural(total, "exercise")} solved`;
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
