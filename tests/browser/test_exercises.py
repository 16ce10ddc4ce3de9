"""Exercises in Chromium: real pytest grades the reader's code in the page, hints come one at a
time, the solution after a first Check, progress survives a reload and bad storage, Stop ends a
Check that hangs, and the drill reviews an exercise and proposes a grade. Every exercise of the
course is checked; which ones there are comes from the pages."""

import re

import pytest
from course_content import drill_page, exercises
from lesson_page import (
    check,
    exercise_block,
    open_exercise,
    set_code,
    status,
    wait_until_code_runs,
)
from playwright.sync_api import expect

EXERCISES = exercises()


@pytest.mark.parametrize("found", EXERCISES, ids=lambda found: found.exercise.id)
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
