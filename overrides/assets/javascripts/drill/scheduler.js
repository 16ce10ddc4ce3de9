// Spaced repetition for the interview drill: FSRS from ts-fsrs (the scheduler modern Anki offers),
// with Anki's four grades. Card states are stored as JSON (dates as ISO strings).
// Bundled by esbuild at build time (overrides/hooks/bundle_scripts.py).

import { createEmptyCard, fsrs, Rating, TypeConvert } from "ts-fsrs";

// No fuzz: the same answers give the same schedule, which keeps the drill predictable and testable.
const scheduler = fsrs({ enable_fuzz: false });

export const GRADES = [
  { name: "Again", rating: Rating.Again, key: "1" },
  { name: "Hard", rating: Rating.Hard, key: "2" },
  { name: "Good", rating: Rating.Good, key: "3" },
  { name: "Easy", rating: Rating.Easy, key: "4" },
];

export function newState(now) {
  return toJson(createEmptyCard(now));
}

/** The card's next state after a grade. */
export function review(state, rating, now) {
  return toJson(scheduler.next(TypeConvert.card(state), now, rating).card);
}

/** When the card would next be due for each grade: {Again: Date, Hard: Date, ...}. */
export function preview(state, now) {
  const outcomes = scheduler.repeat(TypeConvert.card(state), now);
  return Object.fromEntries(GRADES.map(({ name, rating }) => [name, outcomes[rating].card.due]));
}

export function isDue(state, now) {
  return new Date(state.due) <= now;
}

/** A stored state is usable if ts-fsrs can read it back. */
export function isValidState(state) {
  try {
    return !Number.isNaN(TypeConvert.card(state).due.getTime());
  } catch {
    return false;
  }
}

function toJson(card) {
  return JSON.parse(JSON.stringify(card));
}
