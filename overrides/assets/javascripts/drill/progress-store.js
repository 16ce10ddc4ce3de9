// Review progress in localStorage, one store for every place a card is graded (the drill, a
// lesson's review prompts, an exercise first solved in its lesson), under a versioned schema:
//   {"version": 1, "cards": {"card-id": <FSRS card state>, ...},
//    "introduced": {"card-id": <ISO date of its first review>, ...}, "newPerDay": 20}
// (`introduced` and `newPerDay` came later and may be missing.) Corrupt, unreadable or full
// storage never breaks a review (../storage.js): the store works in memory, says why in
// `notice`, and leaves whatever is stored untouched (nothing is lost). Reading it loads no
// scheduler: the FSRS bundle loads with the first grade.

import { StoredJson } from "../storage.js";
import { GRADES, isValidState } from "./card-state.js";
import { NEW_CARDS_PER_DAY } from "./daily-queue.js";

const STORAGE_KEY = "mlops-course:drill";
const VERSION = 1;
const EXPORT_FORMAT = "mlops-course-drill-progress";

export class ProgressStore {
  constructor() {
    this.stored = new StoredJson(STORAGE_KEY, {
      version: VERSION,
      initial: { cards: {} },
      isValid: (data) => readProgress(data) !== undefined,
      what: "progress",
    });
  }

  /** {card id: FSRS card state}. */
  get cards() {
    return this.stored.data.cards;
  }

  /** {card id: ISO date of its first review}, for the cards first reviewed since it is kept. */
  get introduced() {
    return this.stored.data.introduced ?? {};
  }

  /** How many new cards a day the drill introduces (the reader's setting). */
  get newPerDay() {
    return this.stored.data.newPerDay ?? NEW_CARDS_PER_DAY;
  }

  /** Why progress is kept in memory only, if it is ("" when storage works). */
  get notice() {
    return this.stored.notice && `${this.stored.notice} Export it to keep it.`;
  }

  /**
   * Grade card `cardId` ("Again", "Hard", "Good" or "Easy") from the state `before` it
   * (undefined: a new card), store its next state and return it. The scheduler loads here.
   */
  async grade(cardId, gradeName, before, now = new Date()) {
    const { newState, review } = await import("./scheduler.bundle.js");
    const { rating } = GRADES.find(({ name }) => name === gradeName);
    const state = review(before ?? newState(now), rating, now);
    this.stored.update((data) => ({
      ...data,
      cards: { ...data.cards, [cardId]: state },
      // A card's first review introduces it; a re-grade of the same review keeps that date.
      introduced: cardId in data.cards ? data.introduced : { ...data.introduced, [cardId]: now.toISOString() },
    }));
    return state;
  }

  setNewPerDay(count) {
    this.stored.update((data) => ({ ...data, newPerDay: count }));
  }

  /** The progress as a JSON file's text. */
  exportText() {
    const exportedAt = new Date().toISOString();
    const { cards, introduced, newPerDay } = this;
    return JSON.stringify(
      { format: EXPORT_FORMAT, version: VERSION, exportedAt, cards, introduced, newPerDay },
      null,
      2,
    );
  }

  /** Replace progress with an exported file's; throws (changing nothing) if the file is not one. */
  importText(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error("This file is not JSON.");
    }
    if (data?.format !== EXPORT_FORMAT) throw new Error("This file is not a drill progress export.");
    if (data.version !== VERSION)
      throw new Error(`This export has version ${data.version}; this site reads version ${VERSION}.`);
    const progress = readProgress(data);
    if (!progress) throw new Error("This export holds card progress that cannot be read.");
    this.stored.save(progress);
    return Object.keys(progress.cards).length;
  }
}

/** {cards, introduced?, newPerDay?} of stored or exported progress, or undefined if any part
 * of it cannot be read. */
function readProgress({ cards, introduced, newPerDay }) {
  const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isRecord(cards) || !Object.values(cards).every(isValidState)) return undefined;
  if (introduced !== undefined) {
    if (!isRecord(introduced)) return undefined;
    if (!Object.values(introduced).every((date) => typeof date === "string" && !Number.isNaN(Date.parse(date))))
      return undefined;
  }
  if (newPerDay !== undefined && !(Number.isInteger(newPerDay) && newPerDay >= 0)) return undefined;
  return { cards, ...(introduced && { introduced }), ...(newPerDay !== undefined && { newPerDay }) };
}
