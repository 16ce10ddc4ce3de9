// What a card's stored schedule says, read without the scheduler: the four grades, whether a
// card is due, whether a stored state can be used. Pages that only count what is due (a lesson's
// review prompts) import this and never load ts-fsrs (scheduler.bundle.js, loaded on a grade).
// Side-effect free: unit-tested under Node (tests/javascript/).

// Anki's four grades; `rating` is ts-fsrs's Rating (1-4), `key` the drill's shortcut.
export const GRADES = [
  { name: "Again", rating: 1, key: "1" },
  { name: "Hard", rating: 2, key: "2" },
  { name: "Good", rating: 3, key: "3" },
  { name: "Easy", rating: 4, key: "4" },
];

const FSRS_STATES = [0, 1, 2, 3]; // New, Learning, Review, Relearning
const REVIEW = 2;
const NUMBERS = ["stability", "difficulty", "reps", "lapses"];

/** A card is due once its `due` date has come. */
export function isDue(state, now) {
  return new Date(state.due) <= now;
}

/** In the "Review" state (learnt, not relearning) and not due: what the mastery table counts. */
export function isMastered(state, now) {
  return state.state === REVIEW && !isDue(state, now);
}

/** A stored state is usable if it holds what the scheduler reads: a due date, an FSRS state,
 * and its numbers. */
export function isValidState(state) {
  if (typeof state !== "object" || state === null || Array.isArray(state)) return false;
  return (
    typeof state.due === "string" &&
    !Number.isNaN(new Date(state.due).getTime()) &&
    FSRS_STATES.includes(state.state) &&
    NUMBERS.every((name) => Number.isFinite(state[name]))
  );
}

/** The reader's calendar day of `date` ("2026-12-06"): new cards are counted per local day. */
export function localDay(date) {
  const day = new Date(date);
  const pad = (number) => String(number).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** When `due` comes, from `now`, in words: "in 10 min", "in 5 h", "in 3 days". */
export function formatDue(due, now) {
  const minutes = Math.round((new Date(due) - now) / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} min`;
  if (minutes < 48 * 60) return `in ${Math.round(minutes / 60)} h`;
  return `in ${Math.round(minutes / (24 * 60))} days`;
}
