"""Exercises in Chromium: real pytest grades the reader's code in the page, hints come one at a
time (focus stays on Hint), the solution after a first Check and one click from the reader's own
code, progress survives a reload and bad storage, Stop ends a Check that hangs, and the drill
reviews an exercise from its starter and proposes a grade. A solved exercise is marked, counted
on its lesson and the home page, and its drill card scheduled. What a reader types with an error
in it is named first, with their line, cold and warm, and what it holds back is "not checked
yet". Every exercise of the course is checked; which ones there are comes from the pages."""

import re

import pytest
from course_content import built_cards, drill_page, exercises, with_a_missing_colon
from drill_store import stored_cards
from lesson_page import (
    FIRST_TEST_BLOCK,
    block,
    check,
    editor,
    editor_code,
    exercise_block,
    open_exercise,
    output,
    run,
    set_code,
    status,
    type_code,
    wait_until_code_runs,
)
from mlops_lab._page.grading import grades_tests
from playwright.sync_api import expect
from stored_snapshots import make_snapshot, started_from

EXERCISES = exercises()
WRITE_TESTS = next(found for found in EXERCISES if grades_tests(found.exercise.checks))
WRITE_CODE = next(found for found in EXERCISES if not grades_tests(found.exercise.checks))
# The one quickest to type whole, for tests that solve an exercise as a reader would.
SHORTEST = min(EXERCISES, key=lambda found: len(found.exercise.solution))
PROPOSAL = ".drill-proposal"


# The UI path, on one exercise: that every starter fails and every solution passes is graded by
# the build and again in Pyodide (tests/pyodide), and every solution is typed in tests/exercises.
@pytest.mark.parametrize("found", EXERCISES[:1], ids=lambda found: found.exercise.id)
def test_the_starter_fails_a_check_and_the_solution_passes_all(page, site_url, found):
    block_ = open_exercise(page, site_url, found)
    solution_button = block_.get_by_role("button", name="Show solution")
    expect(solution_button).to_be_disabled()  # until a first Check
    summary = check(block_)
    assert not summary.startswith("All"), summary
    failing = block_.locator(".exercise-checks li[data-outcome='failed']")
    expect(failing.first).to_contain_text("✗ ")
    solution_button.click()
    expect(status(block_)).to_have_text(re.compile("reference solution is in the editor"))
    assert check(block_).startswith("All ")
    passed = block_.locator(".exercise-checks li[data-outcome='passed']")
    expect(passed).to_have_count(block_.locator(".exercise-checks li").count())


def test_hints_come_one_at_a_time_and_progress_survives_a_reload(page, site_url):
    found = EXERCISES[0]
    block_ = open_exercise(page, site_url, found)
    hints = page.locator(f"details#{found.exercise.id} details.hint")
    expect(hints.first).to_be_hidden()  # without JavaScript every hint is there, collapsed
    block_.get_by_role("button", name=re.compile("^Hint")).click()
    expect(hints.first).to_be_visible()
    expect(hints.first).to_have_attribute("open", "")
    expect(status(block_)).to_have_text(re.compile(r"^Hint 1 of \d+: "))
    check(block_)
    page.reload()
    block_ = exercise_block(page, found.exercise.id)
    expect(hints.first).to_be_visible()  # the hint it had shown
    expect(block_.get_by_role("button", name="Show solution")).to_be_enabled()  # it was checked


def test_corrupt_progress_is_left_alone_and_the_exercise_goes_on_in_memory(page, site_url):
    found = EXERCISES[0]
    key = f"mlops-course:exercise:{found.exercise.id}"
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('{key}', '{{not json')")
    block_ = open_exercise(page, site_url, found)
    expect(block_.locator(".exercise-notice")).to_contain_text("could not be read")
    check(block_)
    assert page.evaluate(f"localStorage.getItem('{key}')") == "{not json"


def test_a_check_whose_tests_hang_can_be_stopped(page, site_url):
    found = next(f for f in EXERCISES if "test_" in f.exercise.starter)  # the reader writes tests
    block_ = open_exercise(page, site_url, found)
    set_code(page, block_, "def test_forever():\n    while True:\n        pass\n")
    block_.get_by_role("button", name="Check").click()
    wait_until_code_runs(block_)
    block_.get_by_role("button", name="Stop").click()
    expect(status(block_)).to_have_text(re.compile("^Check did not finish"), timeout=30_000)
    set_code(page, block_, found.exercise.solution)
    assert check(block_).startswith("All ")


def test_the_drill_reviews_an_exercise_and_proposes_good_for_a_first_time_pass(page, site_url):
    found = EXERCISES[0]
    page.goto(site_url + drill_page().url + f"#{found.exercise.id}")
    block_ = page.locator(".drill-exercise .runnable-block")
    expect(block_).to_have_count(1, timeout=30_000)
    set_code(page, block_, found.exercise.solution)
    check(block_)
    proposal = page.locator(".drill-proposal")
    expect(proposal).to_have_text(re.compile("^Proposed grade: Good, as every check passed"))
    expect(page.locator(".drill-grade[data-proposed]")).to_have_text(re.compile("^Good "))
    page.get_by_role("button", name=re.compile("^Hard ")).click()  # the reader may disagree
    expect(page.locator(".drill-status")).to_contain_text("Hard")
    stored = page.evaluate("JSON.parse(localStorage.getItem('mlops-course:drill')).cards")
    assert found.exercise.id in stored


def test_without_javascript_an_exercise_shows_its_prompt_starter_hints_and_solution(
    browser, site_url
):
    found = EXERCISES[0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + found.page.url)
    exercise = page.locator(f"details#{found.exercise.id}")
    expect(exercise).to_have_js_property("open", True)
    first_line = next(line for line in found.exercise.starter.splitlines() if line.strip())
    expect(exercise.locator("div.runnable pre")).to_contain_text(first_line.strip())
    solution = exercise.locator("details.exercise-solution")
    solution.locator("summary").click()
    expect(solution.locator("pre")).to_be_visible()
    context.close()


# --- What a reader types, errors and all -------------------------------------------------


def check_until(block_, summary, timeout=90_000):
    """Click Check and wait until the status line (the report's summary) matches `summary`."""
    block_.get_by_role("button", name="Check").click()
    expect(status(block_)).to_have_text(summary, timeout=timeout)
    return block_.locator(".exercise-checks li")


def expect_held_back(block_):
    """Every check after the first is "not checked yet", never a pass or a miss."""
    held = block_.locator(".exercise-checks li:nth-child(n + 2)")
    expect(held.first).to_be_visible()
    for item in held.all():
        expect(item).to_have_attribute("data-outcome", "not-checked")
        expect(item).to_have_text(re.compile("^– not checked yet: "))


def expect_a_syntax_error_first(block_, line, number):
    checks = check_until(block_, re.compile(f"^SyntaxError on line {number}: expected ':'"))
    expect(checks.first).to_have_attribute("data-outcome", "failed")
    expect(checks.first.locator(".exercise-check-code")).to_contain_text(line)
    expect_held_back(block_)


def test_a_typed_test_with_a_missing_colon_is_named_with_its_line_cold_and_warm(page, site_url):
    make_snapshot(page, site_url)  # a reader who ran code before: the next load restores it
    typed, number = with_a_missing_colon(WRITE_TESTS.exercise.starter)
    block_ = open_exercise(page, site_url, WRITE_TESTS)
    type_code(page, block_, typed)
    line = typed.splitlines()[number - 1]
    expect_a_syntax_error_first(block_, line, number)  # cold: the first Check of this load
    assert started_from(page) == "snapshot"
    expect_a_syntax_error_first(block_, line, number)  # warm
    expect(output(block_)).to_be_hidden()  # no restart, no traceback of the grader


def test_a_write_code_exercise_with_a_syntax_error_says_so_first(page, site_url):
    typed, number = with_a_missing_colon(WRITE_CODE.exercise.starter)
    block_ = open_exercise(page, site_url, WRITE_CODE)
    type_code(page, block_, typed)
    expect_a_syntax_error_first(block_, typed.splitlines()[number - 1], number)


def test_a_typed_test_that_fails_on_the_real_code_comes_first_and_holds_the_faults_back(
    page, site_url
):
    failing = "def test_fails_on_the_real_code():\n    assert 1 == 2\n"
    block_ = open_exercise(page, site_url, WRITE_TESTS)
    type_code(page, block_, WRITE_TESTS.exercise.starter + "\n\n" + failing)
    first = "Your tests fail on the real code: test_fails_on_the_real_code: assert 1 == 2"
    checks = check_until(block_, re.compile(f"^{re.escape(first)} — fix this first; "))
    expect(checks.first).to_have_attribute("data-outcome", "failed")
    expect_held_back(block_)
    expect(block_.locator(".exercise-checks")).not_to_contain_text("miss")


def test_run_and_run_tests_on_a_block_with_a_syntax_error_name_it_with_its_line(lesson):
    block_ = block(lesson, FIRST_TEST_BLOCK)
    typed = "def test_typed()\n    assert True\n"
    type_code(lesson, block_, typed)
    assert run(block_).startswith("Error: SyntaxError on line 1: expected ':'")
    expect(output(block_)).to_contain_text("def test_typed()")
    block_.get_by_role("button", name="Run tests").click()
    expect(status(block_)).to_have_text("SyntaxError on line 1: expected ':'", timeout=60_000)
    expect(block_.locator(".runnable-test-details")).to_contain_text("def test_typed()")
    expect(block_.locator(".runnable-tests")).not_to_contain_text("_pytest")


# --- Hints, solutions and progress -------------------------------------------------------


def test_the_last_hint_keeps_focus_on_the_hint_button(page, site_url):
    found = EXERCISES[0]
    block_ = open_exercise(page, site_url, found)
    count = page.locator(f"details#{found.exercise.id} details.hint").count()
    hint_button = block_.get_by_role("button", name=re.compile("^Hint"))
    hint_button.focus()
    for number in range(1, count + 1):
        page.keyboard.press("Enter")
        expect(status(block_)).to_have_text(re.compile(rf"^Hint {number} of {count}: "))
    expect(hint_button).to_be_focused()  # not dropped to <body>
    expect(hint_button).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Enter")  # no hint left: nothing happens
    expect(status(block_)).to_have_text(re.compile(rf"^Hint {count} of {count}: "))
    expect(hint_button).to_be_focused()


def typed_attempt(found):
    """A reader's own code: the starter with a line of their own after it."""
    return found.exercise.starter.rstrip("\n") + "\n\n\nmy_note = 'my own attempt'"


def test_back_to_my_code_restores_what_was_typed_and_a_reload_keeps_it(page, site_url):
    block_ = open_exercise(page, site_url, WRITE_CODE)
    typed = typed_attempt(WRITE_CODE)
    type_code(page, block_, typed)
    check(block_)
    block_.get_by_role("button", name="Show solution").focus()
    page.keyboard.press("Enter")
    expect(status(block_)).to_have_text(re.compile("reference solution is in the editor"))
    back = block_.get_by_role("button", name="Back to my code")
    expect(back).to_be_focused()  # the same button, now one click from the reader's code
    assert editor_code(block_) == WRITE_CODE.exercise.solution.rstrip("\n")
    page.keyboard.press("Enter")
    expect(status(block_)).to_have_text("Your code is back in the editor.")
    assert editor_code(block_) == typed
    editor(block_).click()  # the reader goes on writing: it is saved again
    page.keyboard.press("ControlOrMeta+End")
    page.keyboard.type("  # still mine")
    typed += "  # still mine"
    block_.get_by_role("button", name="Show solution").click()
    expect(back).to_be_visible()
    page.reload()  # the solution was on screen: what comes back is the reader's own code
    block_ = exercise_block(page, WRITE_CODE.exercise.id)
    expect(editor(block_)).to_contain_text("still mine")
    assert editor_code(block_) == typed


def a_tag_of_its_own(card, cards):
    """A topic of `card` that no other card of its kind has: a filter that picks it alone."""
    others = {tag for other in cards if other["kind"] == card["kind"] and other != card
              for tag in other["tags"]}  # fmt: skip
    return next(tag for tag in card["tags"] if tag not in others)


def test_after_a_shown_solution_the_drill_proposes_again_and_a_mock_starts_from_the_starter(
    page, site_url, built_site
):
    found = EXERCISES[0]
    card = next(card for card in built_cards(built_site) if card["id"] == found.exercise.id)
    page.goto(site_url + drill_page().url + f"#{found.exercise.id}")
    block_ = page.locator(".drill-exercise .runnable-block")
    expect(block_).to_have_count(1, timeout=30_000)
    assert editor_code(block_) == found.exercise.starter.rstrip("\n")
    check(block_)
    expect(page.locator(PROPOSAL)).to_have_text(re.compile(r"^Proposed grade: Again, as \d+ of"))
    block_.get_by_role("button", name="Show solution").click()
    expect(page.locator(PROPOSAL)).to_have_text(re.compile("^Proposed grade: Again, as you opened"))
    assert check(block_).startswith("All ")  # the solution passes, but it was not recalled
    expect(page.locator(PROPOSAL)).to_have_text(re.compile("^Proposed grade: Again, as you opened"))
    page.get_by_role("button", name=re.compile("^Again ")).click()
    expect(page.locator(".drill-summary")).to_be_visible()

    page.goto(site_url + drill_page().url)
    page.get_by_label("Kind").select_option("exercise")
    page.get_by_label("Topic").select_option(a_tag_of_its_own(card, built_cards(built_site)))
    page.get_by_role("button", name="Start mock interview").click()
    expect(page.locator(".drill-question")).to_have_text(card["question"])
    block_ = page.locator(".drill-exercise .runnable-block")
    assert editor_code(block_) == found.exercise.starter.rstrip("\n")  # not the solution
    check(block_)
    expect(page.locator(PROPOSAL)).to_have_text(re.compile(r"^Proposed grade: Again, as \d+ of"))


def lesson_exercise_count(found):
    return sum(other.page == found.page for other in EXERCISES)


def test_solving_in_the_lesson_marks_it_schedules_its_card_and_counts_it_solved(page, site_url):
    block_ = open_exercise(page, site_url, SHORTEST)
    in_lesson = lesson_exercise_count(SHORTEST)
    expect(page.locator(".lesson-progress")).to_contain_text(f"0 of {in_lesson} exercises solved")
    assert stored_cards(page) == {}  # nothing reviewed yet
    type_code(page, block_, SHORTEST.exercise.solution.rstrip("\n"))
    check(block_)
    expect(status(block_)).to_have_text(
        re.compile(r"Its drill card is graded Good, as every check passed at the first Check; next")
    )
    assert stored_cards(page)[SHORTEST.exercise.id]["reps"] == 1  # one review, in the drill's store
    expect(page.locator(".lesson-progress")).to_contain_text(f"1 of {in_lesson} exercises solved")
    page.reload()
    block_ = exercise_block(page, SHORTEST.exercise.id)
    expect(block_.locator(".exercise-progress")).to_have_text(
        re.compile(r"^✓ Solved: all \d+ checks passed at Check 1, with no hint\.$")
    )
    expect(page.locator(".lesson-progress")).to_contain_text(f"1 of {in_lesson} exercises solved")
    page.goto(site_url)
    expect(page.locator(".exercise-tally")).to_have_text(f"1 of {len(EXERCISES)} exercises solved")


def test_a_check_that_fails_says_how_far_the_reader_got_when_they_return(page, site_url):
    block_ = open_exercise(page, site_url, WRITE_CODE)
    summary = check(block_)  # the starter: some checks fail
    page.reload()
    block_ = exercise_block(page, WRITE_CODE.exercise.id)
    passed = re.match(r"(\d+) of (\d+)", summary)
    expect(block_.locator(".exercise-progress")).to_have_text(
        f"Not solved yet: best {passed[1]} of {passed[2]} checks (1 Check, 0 hints)."
    )
    assert stored_cards(page) == {}  # a failing Check is not a review
