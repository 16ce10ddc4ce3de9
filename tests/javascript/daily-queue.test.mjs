// The drill's daily queue: due cards, then new cards in lesson order, short ones first, at most
// the day's limit; and what is due among a lesson's review prompts.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  dailyQueue,
  dueBySection,
  dueCards,
  introducedOn,
  NEW_CARDS_PER_DAY,
  newCardsInOrder,
} from "../../overrides/assets/javascripts/drill/daily-queue.js";

const NOW = new Date("2026-03-10T12:00:00");
const LESSON = "../lessons/a/";

function card(id, { section = "one", words = 10, kind = "flashcard", page = LESSON } = {}) {
  return { id, kind, section, words, url: `${page}#${id}` };
}
const ids = (cards) => cards.map(({ id }) => id);
const dueOn = (due) => ({ due, state: 2, stability: 3, difficulty: 5, reps: 2, lapses: 0 });

test("Anki's default: 20 new cards a day", () => {
  assert.equal(NEW_CARDS_PER_DAY, 20);
});

test("new cards come in lesson order, the shortest answers first within a section", () => {
  const cards = [
    card("long", { words: 29 }),
    card("short", { words: 12 }),
    card("middle", { words: 20 }),
    card("next-section", { section: "two", words: 30 }),
    card("next-section-short", { section: "two", words: 5 }),
  ];
  assert.deepEqual(ids(newCardsInOrder(cards, {})), ["short", "middle", "long", "next-section-short", "next-section"]);
});

test("sections of the same name on two pages are two sections", () => {
  const cards = [
    card("a-long", { words: 20 }),
    card("b-short", { page: "../cheatsheet/", words: 1 }),
    card("a-short", { words: 2 }),
  ];
  assert.deepEqual(ids(newCardsInOrder(cards, {})), ["a-short", "a-long", "b-short"]);
});

test("equal lengths keep their order", () => {
  const cards = [card("first"), card("second"), card("third")];
  assert.deepEqual(ids(newCardsInOrder(cards, {})), ["first", "second", "third"]);
});

test("a first day shows at most the limit of new cards and no interview question", () => {
  const cards = [
    card("question", { kind: "question", words: 1 }),
    ...Array.from({ length: 30 }, (_, i) => card(`card-${i}`, { words: 30 - i })),
  ];
  const queue = dailyQueue(cards, { states: {}, introduced: {}, newPerDay: 20, now: NOW });
  assert.equal(queue.due.length, 0);
  assert.equal(queue.newToday.length, 20);
  assert.ok(!ids(queue.newToday).includes("question"));
  assert.deepEqual(ids(queue.newToday).slice(0, 2), ["card-29", "card-28"]);
});

test("cards introduced today count against the limit; yesterday's do not", () => {
  const cards = Array.from({ length: 10 }, (_, i) => card(`card-${i}`));
  const states = { "card-0": dueOn("2026-03-12T00:00:00"), "card-1": dueOn("2026-03-12T00:00:00") };
  const introduced = { "card-0": "2026-03-10T08:00:00", "card-1": "2026-03-09T08:00:00" };
  const queue = dailyQueue(cards, { states, introduced, newPerDay: 3, now: NOW });
  assert.equal(introducedOn(introduced, NOW), 1);
  assert.deepEqual(ids(queue.newToday), ["card-2", "card-3"]);
  assert.equal(dailyQueue(cards, { states, introduced, newPerDay: 0, now: NOW }).newToday.length, 0);
});

test("due cards come first in the longest-waiting order; cards not due yet wait", () => {
  const cards = [card("due-today"), card("due-last-week"), card("later"), card("new")];
  const states = {
    "due-today": dueOn("2026-03-10T09:00:00"),
    "due-last-week": dueOn("2026-03-03T09:00:00"),
    later: dueOn("2026-03-11T09:00:00"),
  };
  assert.deepEqual(ids(dueCards(cards, states, NOW)), ["due-last-week", "due-today"]);
  const queue = dailyQueue(cards, { states, introduced: {}, newPerDay: 20, now: NOW });
  assert.deepEqual(ids(queue.due), ["due-last-week", "due-today"]);
  assert.deepEqual(ids(queue.newToday), ["new"]);
});

test("interview questions stay out of the daily queue even when due", () => {
  const cards = [card("question", { kind: "question" })];
  const queue = dailyQueue(cards, {
    states: { question: dueOn("2026-03-01T00:00:00") },
    introduced: {},
    newPerDay: 20,
    now: NOW,
  });
  assert.deepEqual(queue, { due: [], newToday: [] });
});

test("a lesson's prompts due, by section, in page order; new prompts are not due", () => {
  const prompts = [
    { id: "a1", section: "one" },
    { id: "a2", section: "one" },
    { id: "b1", section: "two" },
    { id: "c1", section: "three" },
    { id: "c2", section: "three" },
  ];
  const states = {
    a2: dueOn("2026-03-09T00:00:00"),
    b1: dueOn("2026-03-20T00:00:00"),
    c1: dueOn("2026-03-01T00:00:00"),
    c2: dueOn("2026-03-10T11:00:00"),
  };
  assert.deepEqual(
    [...dueBySection(prompts, states, NOW)],
    [
      ["one", ["a2"]],
      ["three", ["c1", "c2"]],
    ],
  );
});
