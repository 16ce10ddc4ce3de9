// Review progress in localStorage, one store for every place a card is graded (the drill, an
// exercise first solved in its lesson), under a versioned schema:
//   {"version": 1, "cards": {"card-id": <FSRS card state>, ...}}
// Corrupt, unreadable or full storage never breaks a review (../storage.js): the store works
// in memory, says why in `notice`, and leaves whatever is stored untouched (nothing is lost).
// Reading it loads no scheduler: the FSRS bundle loads with the first grade.

import { StoredJson } from "../storage.js";
import { GRADES, isValidState } from "./card-state.js";

const STORAGE_KEY = "mlops-course:drill";
const VERSION = 1;
const EXPORT_FORMAT = "mlops-course-drill-progress";

export class ProgressStore {
  constructor() {
    this.stored = new StoredJson(STORAGE_KEY, {
      version: VERSION,
      initial: { cards: {} },
      isValid: ({ cards }) => validCards(cards) !== undefined,
      what: "progress",
    });
  }

  /** {card id: FSRS card state}. */
  get cards() {
    return this.stored.data.cards;
  }

  /** Why progress is kept in memory only, if it is ("" when storage works). */
  get notice() {
    return this.stored.notice && `${this.stored.notice} Export it to keep it.`;
  }

  set(cardId, state) {
    this.stored.update(({ cards }) => ({ cards: { ...cards, [cardId]: state } }));
  }

  /**
   * Grade card `cardId` ("Again", "Hard", "Good" or "Easy") from the state `before` it
   * (undefined: a new card), store its next state and return it. The scheduler loads here.
   */
  async grade(cardId, gradeName, before, now = new Date()) {
    const { newState, review } = await import("./scheduler.bundle.js");
    const { rating } = GRADES.find(({ name }) => name === gradeName);
    const state = review(before ?? newState(now), rating, now);
    this.set(cardId, state);
    return state;
  }

  /** The progress as a JSON file's text. */
  exportText() {
    const exportedAt = new Date().toISOString();
    return JSON.stringify({ format: EXPORT_FORMAT, version: VERSION, exportedAt, cards: this.cards }, null, 2);
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
    const cards = validCards(data.cards);
    if (!cards) throw new Error("This export holds card progress that cannot be read.");
    this.stored.save({ cards });
    return Object.keys(cards).length;
  }
}

function validCards(cards) {
  if (typeof cards !== "object" || cards === null || Array.isArray(cards)) return undefined;
  return Object.values(cards).every(isValidState) ? cards : undefined;
}
