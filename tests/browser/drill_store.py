"""What the site's one review store holds (the drill's, which a lesson's exercises grade into),
read as a test needs (shared by the browser tests)."""

import json

STORAGE_KEY = "mlops-course:drill"


def stored_progress(page):
    """The store's text as kept in localStorage (None when nothing is stored)."""
    return page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")


def stored_cards(page):
    """{card id: FSRS state} of the store."""
    text = stored_progress(page)
    return json.loads(text)["cards"] if text else {}
