// The grade an exercise's Check proposes for its drill card, and why, in words: in the drill
// after each Check (the reader may pick another), and in the lesson when a Check first solves
// it (exercise.js records it). Side-effect free: unit-tested under Node (tests/javascript/).

/**
 * [grade, why] for a result: `passed` of `total` checks, after `checks` Checks and `hints`
 * hints, `solutionShown` if the reader saw the reference solution first.
 */
export function proposedGrade({ passed, total, checks, hints, solutionShown }) {
  if (solutionShown) return ["Again", "you opened the solution"];
  if (passed < total) return ["Again", `${passed} of ${total} checks pass so far`];
  if (checks === 1 && hints === 0) return ["Good", "every check passed at the first Check"];
  if (hints === 0) return ["Hard", "every check passed, after a retry"];
  return ["Hard", `every check passed, after ${hints === 1 ? "a hint" : `${hints} hints`}`];
}
