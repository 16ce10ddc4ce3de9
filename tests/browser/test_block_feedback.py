"""What a block tells the reader while and after it runs, in Chromium: focus stays on the button
that was pressed, and a press while the code runs is ignored."""

import pytest
from course_content import exercises
from lesson_page import (
    CHECK_SUMMARY,
    FINISHED,
    FIRST_TEST_BLOCK,
    SUMMARY,
    block,
    open_exercise,
    open_lesson,
    output,
    run,
    set_code,
    status,
)
from playwright.sync_api import expect

EXERCISE = exercises()[0]


def lesson_block_with(page, site_url, button):
    """The lesson's first block that offers `button`, and the pattern of its finished status."""
    if button == "Check":
        return open_exercise(page, site_url, EXERCISE), CHECK_SUMMARY
    open_lesson(page, site_url)
    if button == "Run tests":
        return block(page, FIRST_TEST_BLOCK), SUMMARY
    return block(page, 1), FINISHED


@pytest.mark.parametrize("name", ["Run", "Run tests", "Check"])
def test_focus_stays_on_the_pressed_button_while_and_after_it_runs(page, site_url, name):
    block_, finished = lesson_block_with(page, site_url, name)
    pressed = block_.get_by_role("button", name=name, exact=True)
    pressed.focus()
    page.keyboard.press("Enter")
    expect(pressed).to_have_attribute("aria-disabled", "true")  # unavailable while it runs
    expect(pressed).to_be_focused()
    expect(status(block_)).to_have_text(finished, timeout=90_000)
    expect(pressed).to_be_focused()
    expect(pressed).not_to_have_attribute("aria-disabled", "true")


BUSY_FOR_A_SECOND_THEN_PRINT = """import time
end = time.time() + 1
while time.time() < end:
    pass
print('once')"""


def test_a_press_while_the_code_runs_is_ignored(lesson):
    first = block(lesson, 1)
    assert run(first).startswith("Finished")  # Python has started
    set_code(lesson, first, BUSY_FOR_A_SECOND_THEN_PRINT)
    run_button = first.get_by_role("button", name="Run", exact=True)
    run_button.click()
    run_button.dispatch_event("click")  # as a second press would, past the aria-disabled
    expect(status(first)).to_have_text(FINISHED, timeout=30_000)
    lesson.wait_for_timeout(1_500)  # a second run would have printed by now
    expect(output(first)).to_have_text("once\n")
