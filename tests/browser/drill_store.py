"""What the site's one review store holds (the drill's, which the lesson's review prompts and
exercises grade into), read and aged as a test needs (shared by the browser tests)."""

import json

STORAGE_KEY = "mlops-course:drill"
NEW_PER_DAY = 20  # the drill's default limit of new cards a day (Anki's)

# Every reviewed card's due date moved `days` into the past: time passing, for a returning reader.
MAKE_DUE = """([key, days]) => {
  const stored = JSON.parse(localStorage.getItem(key));
  const past = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
  for (const state of Object.values(stored.cards)) state.due = past;
  localStorage.setItem(key, JSON.stringify(stored));
}"""


def stored_progress(page):
    """The store's text as kept in localStorage (None when nothing is stored)."""
    return page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")


def stored_cards(page):
    """{card id: FSRS state} of the store."""
    text = stored_progress(page)
    return json.loads(text)["cards"] if text else {}


def make_every_card_due(page, days=30):
    page.evaluate(MAKE_DUE, [STORAGE_KEY, days])
