"""A keyboard-only walkthrough in Chromium: navigate to the lesson, open a Q&A card, run the
block inside it, type a loop into it, stop it, and run its tests, never touching the mouse (and
never trapped)."""

import re

from lesson_page import (
    BLOCKS,
    LESSON,
    LESSON_PAGE,
    block,
    status,
    type_into_focused_editor,
    wait_until_code_runs,
)
from playwright.sync_api import expect

# The lesson's first Q&A card that holds a runnable block: its question and the block's number.
FIRST_CARD_WITH_A_BLOCK = """() => {
  const blocks = [...document.querySelectorAll(".runnable-block")];
  const card = [...document.querySelectorAll("details.question")].find((d) =>
    d.querySelector(".runnable-block"),
  );
  const question = card.querySelector("summary").textContent.replace(/^Q: "|"$/g, "");
  return [question, blocks.indexOf(card.querySelector(".runnable-block")) + 1];
}"""


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
    focus_by_keyboard(page, f"element.textContent.trim() === {LESSON_PAGE.title!r}")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + LESSON)
    expect(page.locator(".runnable-block")).to_have_count(len(BLOCKS))
    card, block_in_card = page.evaluate(FIRST_CARD_WITH_A_BLOCK)

    focus_by_keyboard(
        page, f"element.tagName === 'SUMMARY' && element.textContent.includes({card!r})"
    )
    page.keyboard.press("Enter")
    card_element = page.locator("details", has_text=card).first
    expect(card_element).to_have_attribute("open", "")

    target = block(page, block_in_card)
    blocks = "document.querySelectorAll('.runnable-block')"
    in_target = f"element.closest('.runnable-block') === {blocks}[{block_in_card - 1}]"
    focus_by_keyboard(page, f"element.classList.contains('cm-content') && {in_target}")
    page.keyboard.press("ControlOrMeta+Enter")  # runs the earlier blocks first, then this one
    expect(status(target)).to_have_text(re.compile("^Finished in"), timeout=60_000)

    assert type_into_focused_editor(page, "while True:\n    pass") == []  # indented by the editor
    page.keyboard.press("ControlOrMeta+Enter")
    wait_until_code_runs(target)
    focus_by_keyboard(page, f"element.textContent === 'Stop' && {in_target}", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(status(target)).to_have_text(re.compile("^Stopped"))

    focus_by_keyboard(page, f"element.textContent === 'Reset' && {in_target}")
    page.keyboard.press("Enter")
    expect(status(target)).to_have_text("Code reset to the original; its output was cleared.")
    focus_by_keyboard(page, f"element.textContent === 'Run tests' && {in_target}", key="Shift+Tab")
    page.keyboard.press("Enter")
    tests = BLOCKS[block_in_card - 1].test_count
    expect(status(target)).to_have_text(re.compile(rf"^{tests} passed in "), timeout=60_000)
