// Drill progress in localStorage, under a versioned schema:
//   {"version": 1, "cards": {"card-id": <FSRS card state>, ...}}
// Corrupt, unreadable or full storage never breaks the drill: the store switches to memory,
// says why in `notice`, and leaves whatever is stored untouched (nothing is lost).

import { isValidState } from "./scheduler.bundle.js";

const STORAGE_KEY = "mlops-course:drill";
const VERSION = 1;
const EXPORT_FORMAT = "mlops-course-drill-progress";

export class ProgressStore {
  constructor() {
    this.cards = {};
    this.notice = "";
    this.persistent = true;
    this.load();
  }

  load() {
    let text;
    try {
      text = localStorage.getItem(STORAGE_KEY);
    } catch {
      return this.useMemory("This browser blocks storage, so progress lasts only until you leave the page.");
    }
    if (text === null) return;
    const cards = readProgress(text);
    if (!cards) {
      return this.useMemory(
        "Saved progress could not be read, so this session is kept in memory only. " +
          "Your saved data was left as it is.",
      );
    }
    this.cards = cards;
  }

  useMemory(reason) {
    this.persistent = false;
    this.notice = reason;
  }

  set(cardId, state) {
    this.cards[cardId] = state;
    this.save();
  }

  save() {
    if (!this.persistent) return;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, cards: this.cards }));
    } catch {
      this.useMemory("Progress could not be saved (storage is full or blocked): it is kept in memory only. Export it to keep it.");
    }
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
    if (data.version !== VERSION) throw new Error(`This export has version ${data.version}; this site reads version ${VERSION}.`);
    const cards = validCards(data.cards);
    if (!cards) throw new Error("This export holds card progress that cannot be read.");
    this.cards = cards;
    this.save();
    return Object.keys(cards).length;
  }
}

function readProgress(text) {
  try {
    const data = JSON.parse(text);
    return data?.version === VERSION ? validCards(data.cards) : undefined;
  } catch {
    return undefined;
  }
}

function validCards(cards) {
  if (typeof cards !== "object" || cards === null || Array.isArray(cards)) return undefined;
  return Object.values(cards).every(isValidState) ? cards : undefined;
}
