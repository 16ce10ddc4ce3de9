// The one storage policy: versioned JSON, never fatal, never overwriting what it cannot read,
// and an update that keeps what another page stored meanwhile. localStorage is a Map here.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { ProgressStore } from "../../overrides/assets/javascripts/drill/progress-store.js";
import { StoredJson } from "../../overrides/assets/javascripts/storage.js";

class MemoryStorage {
  items = new Map();
  getItem(key) {
    return this.items.get(key) ?? null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

beforeEach(() => {
  globalThis.localStorage = new MemoryStorage();
});

const counter = () =>
  new StoredJson("count", {
    version: 1,
    initial: { seen: [] },
    isValid: ({ seen }) => Array.isArray(seen),
    what: "the count",
  });

test("an update starts from what is stored now, so two pages' changes both stay", () => {
  const lesson = counter();
  const drill = counter();
  lesson.update(({ seen }) => ({ seen: [...seen, "prompt"] }));
  drill.update(({ seen }) => ({ seen: [...seen, "card"] }));
  assert.deepEqual(JSON.parse(localStorage.getItem("count")), { version: 1, seen: ["prompt", "card"] });
});

test("what cannot be read is left as it is, and the document lives in memory", () => {
  localStorage.setItem("count", "{not json");
  const stored = counter();
  assert.match(stored.notice, /could not be read/);
  stored.update(({ seen }) => ({ seen: [...seen, "card"] }));
  assert.deepEqual(stored.data.seen, ["card"]);
  assert.equal(localStorage.getItem("count"), "{not json");
});

test("another version's document is not read", () => {
  localStorage.setItem("count", JSON.stringify({ version: 2, seen: ["x"] }));
  assert.deepEqual(counter().data, { seen: [] });
});

test("blocked storage: in memory, said so", () => {
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("blocked", "SecurityError");
    },
  });
  const stored = counter();
  assert.match(stored.notice, /blocks storage/);
  stored.update(() => ({ seen: ["card"] }));
  assert.deepEqual(stored.data.seen, ["card"]);
  delete globalThis.localStorage;
});

test("a store from before new-card counting exists still reads, with the default limit", () => {
  const state = { due: "2026-03-10T12:00:00.000Z", state: 2, stability: 3, difficulty: 5, reps: 2, lapses: 0 };
  localStorage.setItem("mlops-course:drill", JSON.stringify({ version: 1, cards: { "card-a": state } }));
  const store = new ProgressStore();
  assert.equal(store.notice, "");
  assert.deepEqual(store.cards, { "card-a": state });
  assert.deepEqual(store.introduced, {});
  assert.equal(store.newPerDay, 20);
  store.setNewPerDay(5);
  assert.equal(new ProgressStore().newPerDay, 5);
});

test("an export imports back whole; a broken one changes nothing", () => {
  const state = { due: "2026-03-10T12:00:00.000Z", state: 2, stability: 3, difficulty: 5, reps: 2, lapses: 0 };
  const exported = JSON.stringify({
    format: "mlops-course-drill-progress",
    version: 1,
    cards: { "card-a": state },
    introduced: { "card-a": "2026-03-09T10:00:00.000Z" },
    newPerDay: 10,
  });
  const store = new ProgressStore();
  assert.equal(store.importText(exported), 1);
  assert.deepEqual(JSON.parse(new ProgressStore().exportText()).introduced, { "card-a": "2026-03-09T10:00:00.000Z" });
  const before = localStorage.getItem("mlops-course:drill");
  const broken = JSON.parse(exported);
  broken.introduced = { "card-a": "yesterday-ish" };
  assert.throws(() => store.importText(JSON.stringify(broken)), /cannot be read/);
  assert.equal(localStorage.getItem("mlops-course:drill"), before);
});
