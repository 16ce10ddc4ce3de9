"""A keyboard-only walkthrough in Chromium: navigate to the lesson, open a Q&A card, run the
block inside it, stop it, and run its tests, never touching the mouse (and never trapped)."""

import re

from lesson_page import LESSON, block, status
from playwright.sync_api import expect

CARD = "How do you test machine learning models?"
BLOCK_IN_CARD = 8


def focus_by_keyboard(page, predicate, key="Tab", limit=500):
    """Press `key` until `predicate(document.activeElement)` holds; fail if it never does.
    In an editor, Tab indents: Escape first, as the hint beside every editor says."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.classList.contains('cm-content')"):
            page.keyboard.press("Escape")
        page.keyboard.press(key)
        if page.evaluate(f"(element => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"{key} never reached an element where {predicate}")


def test_navigate_open_a_card_run_stop_and_test_by_keyboard_only(page, site_url):
    page.goto(site_url)
    focus_by_keyboard(page, "element.textContent.trim() === 'Lesson 2: MLOps vs DevOps'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + LESSON)

    focus_by_keyboard(
        page, f"element.tagName === 'SUMMARY' && element.textContent.includes({CARD!r})"
    )
    page.keyboard.press("Enter")
    card = page.locator("details", has_text=CARD).first
    expect(card).to_have_attribute("open", "")

    target = block(page, BLOCK_IN_CARD)
    blocks = "document.querySelectorAll('.runnable-block')"
    in_target = f"element.closest('.runnable-block') === {blocks}[{BLOCK_IN_CARD - 1}]"
    focus_by_keyboard(page, f"element.classList.contains('cm-content') && {in_target}")
    page.keyboard.press("ControlOrMeta+Enter")  # runs blocks 1-7 first, then this one
    expect(status(target)).to_have_text(re.compile("^Finished in"), timeout=60_000)

    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.insert_text("while True:\n    pass")
    page.keyboard.press("ControlOrMeta+Enter")
    expect(status(target)).to_have_text("Running…")
    page.wait_for_timeout(1_000)
    focus_by_keyboard(page, f"element.textContent === 'Stop' && {in_target}", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(status(target)).to_have_text(re.compile("^Stopped"))

    focus_by_keyboard(page, f"element.textContent === 'Reset' && {in_target}")
    page.keyboard.press("Enter")
    expect(status(target)).to_have_text("Code reset to the original.")
    focus_by_keyboard(page, f"element.textContent === 'Run tests' && {in_target}", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(status(target)).to_have_text(re.compile(r"^1 passed in "), timeout=60_000)
