// What a stored card state says, read without the scheduler (a lesson's review prompts).
import assert from "node:assert/strict";
import { test } from "node:test";

import { createEmptyCard, fsrs, Rating } from "ts-fsrs";

import {
  formatDue,
  GRADES,
  isDue,
  isMastered,
  isValidState,
  localDay,
} from "../../overrides/assets/javascripts/drill/card-state.js";

const NOW = new Date("2026-03-10T12:00:00");
const asStored = (card) => JSON.parse(JSON.stringify(card));

test("the four grades are Anki's, with ts-fsrs's ratings", () => {
  assert.deepEqual(
    GRADES.map(({ name, rating }) => [name, rating]),
    [
      ["Again", Rating.Again],
      ["Hard", Rating.Hard],
      ["Good", Rating.Good],
      ["Easy", Rating.Easy],
    ],
  );
});

test("a card is due once its due date has come", () => {
  assert.equal(isDue({ due: "2026-03-10T11:59:00" }, NOW), true);
  assert.equal(isDue({ due: "2026-03-10T12:00:00" }, NOW), true);
  assert.equal(isDue({ due: "2026-03-11T00:00:00" }, NOW), false);
});

test("states the scheduler writes are valid; ones it could not read are not", () => {
  const fresh = asStored(createEmptyCard(NOW));
  const reviewed = asStored(fsrs({ enable_fuzz: false }).next(createEmptyCard(NOW), NOW, Rating.Good).card);
  assert.equal(isValidState(fresh), true);
  assert.equal(isValidState(reviewed), true);
  for (const broken of [
    null,
    [],
    "due",
    { ...fresh, due: "not a date" },
    { ...fresh, due: undefined },
    { ...fresh, state: 7 },
    { ...fresh, stability: "high" },
  ]) {
    assert.equal(isValidState(broken), false, JSON.stringify(broken));
  }
});

test("mastered means in review and not due", () => {
  assert.equal(isMastered({ state: 2, due: "2026-03-20T00:00:00" }, NOW), true);
  assert.equal(isMastered({ state: 2, due: "2026-03-01T00:00:00" }, NOW), false);
  assert.equal(isMastered({ state: 1, due: "2026-03-20T00:00:00" }, NOW), false);
});

test("days are the reader's calendar days", () => {
  assert.equal(localDay(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(localDay(new Date(2026, 0, 6, 0, 1)), "2026-01-06");
});

test("when a card is due, in words", () => {
  const later = (minutes) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
  assert.equal(formatDue(later(0.2), NOW), "in 1 min");
  assert.equal(formatDue(later(10), NOW), "in 10 min");
  assert.equal(formatDue(later(5 * 60), NOW), "in 5 h");
  assert.equal(formatDue(later(4 * 24 * 60), NOW), "in 4 days");
});
