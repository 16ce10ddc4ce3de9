"""Every exercise of the course, graded under CPython as the page grades it in Pyodide: the
lesson example right above it, pasted as the answer, fails a check, and every check says in
words what it checks. (That each reference solution passes every check and each starter fails
one is the build's own check, overrides/course_build/exercises.py, and tests/pyodide grades
both again in the page's Python.) Exercises come from the pages, so a new one is checked
without an edit here."""

import pytest
from course_content import exercises, nearest_example
from mlops_lab._page.grading import grade, grades_tests

EXERCISES = exercises()


def exercise_id(found):
    return found.exercise.id


def failing(report):
    return [check["text"] for check in report["checks"] if not check["passed"]]


@pytest.mark.parametrize("found", EXERCISES, ids=exercise_id)
def test_the_lesson_example_above_an_exercise_pasted_as_the_answer_fails_a_check(found, tmp_path):
    # An exercise the example above solves asks the reader to copy, not to think.
    example = nearest_example(found)
    if example is None:
        pytest.skip("no lesson example above this exercise")
    report = grade(example.code, found.exercise.checks, tmp_path)
    assert failing(report), f"block {example.number} of {found.page.source} passes every check"


@pytest.mark.parametrize("found", EXERCISES, ids=exercise_id)
def test_every_check_says_what_it_checks_in_words(found, tmp_path):
    report = grade(found.exercise.starter, found.exercise.checks, tmp_path)
    for check in report["checks"]:
        assert " " in check["text"] and not check["text"].startswith("test_"), check["text"]
    if grades_tests(found.exercise.checks):  # write tests: one check per fault, plus the real code
        assert report["checks"][0]["text"] == "your tests pass on the real code"


def test_the_course_has_an_exercise_of_each_grading_mode():
    modes = {grades_tests(found.exercise.checks) for found in EXERCISES}
    assert modes == {True, False}
