"""The Python editor in Chromium, typed into with the keyboard as a learner does: 4 spaces a
level, the indentation a Python editor offers (IDLE's), a reference solution typed line by line
without one line to re-indent, then checked, no keyboard trap, a keyboard hint only where there
is a keyboard, code at the lesson's size wherever a block sits, and an editor that takes the
place of the page's listing without moving anything."""

import re

from course_content import exercises
from lesson_page import (
    BLOCK_COUNT,
    block,
    check,
    editor,
    expect_editor,
    open_enclosing_card,
    open_exercise,
    type_code,
)
from playwright.sync_api import expect

EXERCISES = exercises()
IN_EDITOR = "document.activeElement.classList.contains('cm-content')"


def lines(block_):
    """The editor's lines as it shows them (a short block: every line is drawn)."""
    return block_.locator(".cm-line").all_inner_texts()


def indentation(line):
    return len(line) - len(line.lstrip(" "))


def test_enter_after_a_colon_indents_four_spaces_and_enter_keeps_the_level(started_lesson):
    first = block(started_lesson, 1)
    type_code(started_lesson, first, "def f(x):")
    started_lesson.keyboard.press("Enter")
    started_lesson.keyboard.type("y = x")
    started_lesson.keyboard.press("Enter")
    started_lesson.keyboard.type("if y:")
    started_lesson.keyboard.press("Enter")
    started_lesson.keyboard.type("y += 1")
    started_lesson.keyboard.press("Enter")
    started_lesson.keyboard.type("print(y)")
    assert [indentation(line) for line in lines(first)] == [0, 4, 4, 8, 8]


def test_backspace_in_leading_whitespace_removes_a_level(started_lesson):
    first = block(started_lesson, 1)
    type_code(started_lesson, first, "def f(x):\n    if x:\n        y = 1")
    started_lesson.keyboard.press("Enter")  # keeps the level: 8 spaces
    started_lesson.keyboard.press("Backspace")
    started_lesson.keyboard.type("return y")
    assert lines(first)[-1] == "    return y"


def test_tab_and_shift_tab_indent_and_dedent_the_line_by_four(started_lesson):
    first = block(started_lesson, 1)
    type_code(started_lesson, first, "x = 1")
    started_lesson.keyboard.press("Tab")
    assert lines(first) == ["    x = 1"]
    started_lesson.keyboard.press("Tab")
    assert lines(first) == ["        x = 1"]
    started_lesson.keyboard.press("Shift+Tab")
    assert lines(first) == ["    x = 1"]
    assert started_lesson.evaluate(IN_EDITOR)  # Tab indented: focus stayed


# Every rule of the site's indentation, and every exercise's solution, is typed under Node with
# CodeMirror's own commands (tests/exercises/test_typed_solutions.py); here, the keys in the page.
def test_enter_after_return_offers_one_level_less(started_lesson):
    first = block(started_lesson, 1)
    assert type_code(started_lesson, first, "def f(x):\n    if x:\n        return 1") == []
    started_lesson.keyboard.press("Enter")
    started_lesson.keyboard.type("z")
    assert lines(first)[-1] == "    z"


def test_dedenting_keywords_re_indent_as_they_are_typed(started_lesson):
    first = block(started_lesson, 1)
    type_code(started_lesson, first, "for x in range(3):\n    try:\n        print(1 / x)")
    started_lesson.keyboard.press("Enter")
    started_lesson.keyboard.type("except ZeroDivisionError:")
    assert lines(first)[-1] == "    except ZeroDivisionError:"


def saved_edit(page, exercise_id):
    """The exercise's code as the page keeps it (its saved edit), to the letter."""
    return page.evaluate(
        """id => Object.keys(localStorage)
             .filter((key) => key.startsWith("mlops-course:edits:exercise:") && key.includes(id))
             .map((key) => localStorage.getItem(key))[0]""",
        exercise_id,
    )


def test_typing_a_reference_solution_needs_no_reindenting_and_passes(page, site_url):
    # What is typed is the solution to the letter, which the build grades (every check passes):
    # the UI path from keys to Check, on one exercise (every solution is typed under Node).
    found = EXERCISES[0]
    block_ = open_exercise(page, site_url, found)
    solution = found.exercise.solution.rstrip("\n")
    wrong = type_code(page, block_, solution)
    assert wrong == [], f"the editor offered the wrong indentation on lines {wrong}"
    assert saved_edit(page, found.exercise.id).rstrip("\n") == solution
    assert re.match(r"All \d+ checks pass", check(block_))


def test_escape_then_tab_leaves_the_editor_both_ways(started_lesson):
    first = block(started_lesson, 1)
    editor(first).click()
    started_lesson.keyboard.press("Tab")  # indents: the editor keeps focus
    assert started_lesson.evaluate(IN_EDITOR)
    started_lesson.keyboard.press("Escape")
    started_lesson.keyboard.press("Tab")
    assert not started_lesson.evaluate(IN_EDITOR)
    assert started_lesson.evaluate("document.activeElement !== document.body")
    started_lesson.keyboard.press("Shift+Tab")  # back into the editor
    assert started_lesson.evaluate(IN_EDITOR)
    started_lesson.keyboard.press("Escape")
    started_lesson.keyboard.press("Shift+Tab")
    assert not started_lesson.evaluate(IN_EDITOR)
    expect(first.get_by_role("button", name="Copy")).to_be_focused()  # the control before it


def test_ctrl_m_makes_tab_move_focus_until_pressed_again(started_lesson):
    first = block(started_lesson, 1)
    editor(first).click()
    started_lesson.keyboard.press("Control+m")
    started_lesson.keyboard.press("Shift+Tab")
    expect(first.get_by_role("button", name="Copy")).to_be_focused()
    started_lesson.keyboard.press("Tab")  # back in: Tab still moves focus
    assert started_lesson.evaluate(IN_EDITOR)
    started_lesson.keyboard.press("Control+m")
    started_lesson.keyboard.press("Tab")  # indents again
    assert started_lesson.evaluate(IN_EDITOR)


HINT = "Ctrl+Enter or Shift+Enter runs. Tab indents; press Esc then Tab to leave the editor."


def test_the_keyboard_hint_is_shown_and_is_the_editors_description(started_lesson):
    first = block(started_lesson, 1)
    expect(first.locator(".runnable-hint")).to_be_visible()
    expect_editor(first)
    expect(editor(first)).to_have_accessible_description(HINT)


def test_the_keyboard_hint_is_not_shown_on_a_touch_phone(browser, site_url):
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(site_url + "lessons/mlops-vs-devops/")
    first = block(page, 1)
    expect(first.locator(".runnable-status")).to_be_attached()  # the block is mounted
    expect(first.locator(".runnable-hint")).to_be_hidden()
    context.close()


# The computed font size of lesson code, and of the code of each kind of runnable block, as the
# page's own code (before an editor exists) and as the editor.
FONT_SIZES = """() => {
  const size = (element) => getComputedStyle(element).fontSize;
  const lessonCode = [...document.querySelectorAll("article pre > code")].find(
    (code) => !code.closest(".runnable, details"),
  );
  const blocks = { lesson: ".runnable-block", exercise: "details.exercise .runnable-block" };
  const sizes = { lessonCode: size(lessonCode) };
  for (const [kind, selector] of Object.entries(blocks)) {
    const found = document.querySelector(selector);
    sizes[`${kind} static`] = size(found.querySelector("pre > code"));
    const line = found.querySelector(".cm-line");
    if (line) sizes[`${kind} editor`] = size(line);
  }
  return sizes;
}"""


def test_code_in_every_block_is_at_the_lessons_code_size(lesson):
    exercise = lesson.locator("details.exercise .runnable-block").first
    for block_ in [block(lesson, 1), exercise]:
        expect_editor(block_)
    sizes = lesson.evaluate(FONT_SIZES)
    assert len(sizes) == 5, sizes  # lesson code, and each kind of block's static code and editor
    assert set(sizes.values()) == {sizes["lessonCode"]}, sizes


# Where the keyboard hint, right below a block's code, sits from the block's top (px).
HINT_OFFSET = """block => block.querySelector('.runnable-hint').getBoundingClientRect().top
  - block.getBoundingClientRect().top"""


def test_the_editor_takes_the_place_of_the_listing_without_moving_what_follows(lesson):
    # The editor arrives once the reader scrolls near, or after a first run: while they reach for
    # a button, or above the view they jumped to. What sits below the code must stay where it
    # was, in every block: a long one's editor had been shorter than its listing.
    for number in range(1, BLOCK_COUNT + 1):
        block_ = block(lesson, number)
        open_enclosing_card(block_)
        before = block_.evaluate(HINT_OFFSET)
        expect_editor(block_)
        assert before > 0 and block_.evaluate(HINT_OFFSET) == before

