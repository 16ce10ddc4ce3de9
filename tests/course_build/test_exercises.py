"""The exercise hook: an exercise's files are checked at its page line, and the real build
fails when a starter already passes or a solution misses a fault."""

import pytest
from course_build.exercises import grading_problems, page_exercises
from course_build.pages import PageSource
from course_content import markdown_pages, page_source

PAGE = """# Page

/// details | Exercise: double a number
    type: exercise
    attrs: {id: card-exercise-double, data-difficulty: easy, data-tags: "x"}

Write `double`.

```python {.runnable .exercise}
--8<-- "double.py:starter"
```
///
"""
EXERCISE = """# --8<-- [start:starter]
def double(x):
    return x
# --8<-- [end:starter]
# --8<-- [start:solution]
def double(x):
    return 2 * x
# --8<-- [end:solution]
"""
CHECKS = "from exercise import double\n\ndef test_doubles():\n    assert double(2) == 4\n"


def write(folder, exercise=EXERCISE, checks=CHECKS):
    (folder / "double.py").write_text(exercise, encoding="utf-8")
    if checks is not None:
        (folder / "double_checks.py").write_text(checks, encoding="utf-8")
    return [folder]


def exercises_of(page, base_paths):
    return page_exercises(PageSource("docs/page.md", page), base_paths)


def test_an_exercise_is_read_with_its_starter_solution_and_checks(tmp_path):
    [exercise], problems = exercises_of(PAGE, write(tmp_path))
    assert problems == []
    assert (exercise.line, exercise.id) == (3, "card-exercise-double")
    assert "return x" in exercise.starter and "2 * x" in exercise.solution
    assert exercise.checks == CHECKS


@pytest.mark.parametrize(
    ("page", "exercise", "checks", "problem"),
    [
        pytest.param(PAGE, EXERCISE.split("# --8<-- [start:solution]")[0], CHECKS,
                     'has no "solution" section in snippets/double.py', id="no solution"),
        pytest.param(PAGE, EXERCISE, None, "has no checks file: snippets/double_checks.py",
                     id="no checks"),
        pytest.param(PAGE.replace("double.py:starter", "double.py:solution"), EXERCISE, CHECKS,
                     'must include the "starter" section', id="not the starter"),
        pytest.param(PAGE.replace("{.runnable .exercise}", "{.runnable}"), EXERCISE, CHECKS,
                     "needs exactly one ```python {.runnable .exercise} block", id="no editor"),
    ],
)  # fmt: skip
def test_an_incomplete_exercise_fails_at_its_line(tmp_path, page, exercise, checks, problem):
    found, [message] = exercises_of(page, write(tmp_path, exercise, checks))
    assert found == []
    assert message.startswith("docs/page.md:3: exercise card-exercise-double ")
    assert problem in message


def report(passed, total):
    checks = [{"text": f"check {n}", "passed": n < passed} for n in range(total)]
    return {"checks": checks, "passed": passed, "total": total}


def test_a_failing_solution_and_a_passing_starter_are_both_reported(tmp_path):
    [exercise], _ = exercises_of(PAGE, write(tmp_path))
    graded = {"solution": report(1, 2), "starter": report(2, 2)}
    assert grading_problems(exercise, graded, "docs/page.md") == [
        "docs/page.md:3: exercise card-exercise-double: the solution fails a check: check 1",
        "docs/page.md:3: exercise card-exercise-double: the starter already passes every check:"
        " nothing to do",
    ]


LESSON = "lessons/mlops-vs-devops.md"


@pytest.fixture
def build_with_snippet_edit(build_with_file_edit):
    return lambda snippet, edit: build_with_file_edit(f"snippets/{snippet}", edit)


def exercise_line(exercise_id):
    """The line of the exercise's `/// details` in the lesson."""
    lesson = next(page for page in markdown_pages() if page.source == LESSON)
    blocks = page_source(lesson).details("exercise")
    return next(block.line for block in blocks if block.options["attrs"]["id"] == exercise_id)


def test_the_real_build_fails_on_a_starter_that_already_passes(build_with_snippet_edit):
    drift = "exercises/mlops_vs_devops/drift_check.py"
    solution_body = "    first, second = sorted(reference), sorted(sample)\n"

    def solve_in_the_starter(text):
        starter, rest = text.split("# --8<-- [end:starter]")
        solution = rest.split("# --8<-- [start:solution]\n")[1].split("# --8<-- [end:solution]")[0]
        assert solution_body in solution
        return "# --8<-- [start:starter]\n" + solution + "# --8<-- [end:starter]" + rest

    result = build_with_snippet_edit(drift, solve_in_the_starter)
    assert result.returncode != 0
    line = exercise_line("card-exercise-drift-check")
    assert (f"docs/{LESSON}:{line}: exercise card-exercise-drift-check: the starter already "
            "passes every check") in result.stderr  # fmt: skip


def test_the_real_build_fails_on_a_fault_the_solution_does_not_catch(build_with_snippet_edit):
    uncaught = ('    "a table with an extra column": {LOAD: faulty_users(lambda c: '
                'c.update(extra=c["age"]))},\n}')  # fmt: skip
    result = build_with_snippet_edit(
        "exercises/mlops_vs_devops/data_quality_checks.py",
        lambda text: text.rstrip().removesuffix("}") + uncaught + "\n",
    )
    assert result.returncode != 0
    line = exercise_line("card-exercise-data-quality")
    assert (f"docs/{LESSON}:{line}: exercise card-exercise-data-quality: the solution fails a "
            "check: misses a table with an extra column") in result.stderr  # fmt: skip
