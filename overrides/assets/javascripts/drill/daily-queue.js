// The drill's daily queue, built as Anki builds one: the cards that are due, then the new cards
// the day's limit leaves (Anki's default: 20 a day), so that a first session is one a reader can
// finish and grade honestly. Side-effect free: unit-tested under Node (tests/javascript/).

import { isDue, localDay } from "./card-state.js";

export const NEW_CARDS_PER_DAY = 20;

/** Interview questions (long model answers, spoken for two minutes) are rehearsed in the mock
 * interview, not in the daily queue. */
export function inDailyQueue(card) {
  return card.kind !== "question";
}

/** The `cards` whose stored state (`states[card.id]`) is due, the longest-waiting first. */
export function dueCards(cards, states, now) {
  const dueAt = (card) => new Date(states[card.id].due);
  return cards.filter(({ id }) => isDueIn(states, id, now)).sort((a, b) => dueAt(a) - dueAt(b));
}

/** The `cards` never reviewed, in the order they are introduced: lesson order (cards.json's:
 * pages in navigation order, then place in the page) and, within a section, the shortest
 * answers first. */
export function newCardsInOrder(cards, states) {
  const unseen = cards.filter((card) => !states[card.id]);
  const sections = groupBy(unseen, (card) => `${card.url.split("#")[0]}#${card.section}`);
  return [...sections.values()].flatMap((section) => section.sort((a, b) => a.words - b.words));
}

/** How many cards had their first review on `now`'s day (`introduced`: {card id: ISO date}). */
export function introducedOn(introduced, now) {
  const today = localDay(now);
  return Object.values(introduced).filter((date) => localDay(date) === today).length;
}

/** Today's queue among `cards`: {due, newToday}, the due cards and the new cards that the day's
 * limit (`newPerDay`, less the cards introduced today) leaves. */
export function dailyQueue(cards, { states, introduced, newPerDay, now }) {
  const daily = cards.filter(inDailyQueue);
  const newLeft = Math.max(0, newPerDay - introducedOn(introduced, now));
  return { due: dueCards(daily, states, now), newToday: newCardsInOrder(daily, states).slice(0, newLeft) };
}

/** Of `prompts` ({id, section}: a lesson's review prompts, in page order), the ids of those due,
 * by section: Map {section: [ids]}, sections in page order, only those with a prompt due. */
export function dueBySection(prompts, states, now) {
  const due = prompts.filter(({ id }) => isDueIn(states, id, now));
  const sections = groupBy(due, ({ section }) => section);
  return new Map([...sections].map(([section, inSection]) => [section, inSection.map(({ id }) => id)]));
}

// A card never reviewed has no state: it is new, not due.
function isDueIn(states, id, now) {
  return Boolean(states[id]) && isDue(states[id], now);
}

/** Map {key: [items]}, keys in the order first met, items in their order. */
function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}
