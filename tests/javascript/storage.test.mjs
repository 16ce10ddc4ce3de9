// The one storage policy: versioned JSON, never fatal, never overwriting what it cannot read,
// and an update that keeps what another page stored meanwhile. localStorage is a Map here.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

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
