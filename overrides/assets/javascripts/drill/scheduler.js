// Spaced repetition for the interview drill and the lesson's review prompts: FSRS from ts-fsrs
// (the scheduler modern Anki offers), with Anki's four grades (card-state.js). Card states are
// stored as JSON (dates as ISO strings). Bundled by esbuild at build time
// (overrides/hooks/bundle_scripts.py); pages load it only to schedule a grade.

import { createEmptyCard, fsrs, TypeConvert } from "ts-fsrs";
import { GRADES } from "./card-state.js";

// No fuzz: the same answers give the same schedule, which keeps the drill predictable and testable.
const scheduler = fsrs({ enable_fuzz: false });

export function newState(now) {
  return toJson(createEmptyCard(now));
}

/** The card's next state after a grade (its `rating`, 1-4). */
export function review(state, rating, now) {
  return toJson(scheduler.next(TypeConvert.card(state), now, rating).card);
}

/** When the card would next be due for each grade: {Again: Date, Hard: Date, ...}. */
export function preview(state, now) {
  const outcomes = scheduler.repeat(TypeConvert.card(state), now);
  return Object.fromEntries(GRADES.map(({ name, rating }) => [name, outcomes[rating].card.due]));
}

function toJson(card) {
  return JSON.parse(JSON.stringify(card));
}
