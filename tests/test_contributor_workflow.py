"""A contributor grows the course the way docs/contributing.md says, and no test needs an edit.

A scratch copy of the course gets a Lesson 3: a page in the nav, a runnable snippet with two
tests and its `# prints:` line, an interview card, and the flashcard and the exercise the
contributing page gives as its examples (taken from that page, files and Markdown as written
there). Then the
checks that follow the content (built site, snippets, exercises, Pyodide parity, pages without
JavaScript, the drill, every runnable block and exercise in the browser) run unchanged against
the copy (COURSE_PROJECT points tests/course_content.py at it), with the new snippet's tests:
the checks without a browser whole, those in a browser or in Pyodide for what the lesson adds.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from course_build.markdown_scan import code_fences

pytestmark = [pytest.mark.slow, pytest.mark.browser]
ROOT = Path(__file__).resolve().parents[1]

LESSON_3_PAGE = """---
description: The lifecycle of an ML system, from data to monitoring.
---

# Lesson 3: ML System Lifecycle

Every ML system goes through the same stages.

```python {.runnable}
--8<-- "lessons/ml_system_lifecycle/test_lifecycle.py:example"
```

/// details | Q: "What are the stages of an ML system's lifecycle?"
    type: question
    attrs: {id: card-lifecycle-stages, data-difficulty: easy, data-tags: "lifecycle"}

Data, training, deployment and monitoring, and back to data when the model degrades.
///
"""

LESSON_3_SNIPPET = '''"""Lesson 3: the lifecycle stages, in order."""

# --8<-- [start:example]
STAGES = ["data", "train", "deploy", "monitor"]


def test_training_comes_after_data():
    assert STAGES.index("train") > STAGES.index("data")


def test_monitoring_comes_last():
    assert STAGES[-1] == "monitor"


if __name__ == "__main__":
    test_training_comes_after_data()
    test_monitoring_comes_last()
    print(" -> ".join(STAGES))
# --8<-- [end:example]
# prints: data -> train -> deploy -> monitor
'''

NAV_ENTRY = '      - "Lesson 2: MLOps vs DevOps": lessons/mlops-vs-devops.md\n'

NEW_PAGE = "lessons/ml-system-lifecycle.md"
NEW_EXERCISE = "card-exercise-accuracy"  # the contributing page's example
# The checks that would pin today's content if they did not read it from the sources. Those
# without a browser run whole (they are quick, and a new page changes site-wide things: links,
# the deck, the drill's exports); those in a browser or in Pyodide run for what the new lesson
# adds (the old lesson's own runs are the main suite's business).
CONTENT_CHECKS = [
    "tests/site",
    "tests/snippets",
    "tests/exercises",
    "tests/pyodide/test_snippet_parity.py::test_snippet_tests_have_the_same_outcomes_in_pyodide_as_in_cpython",
    "tests/pyodide/test_snippet_parity.py::test_every_exercise_grades_the_same_in_pyodide_as_in_cpython",
    f"tests/browser/test_without_javascript.py::test_every_page_shows_its_content_and_every_code_listing[{NEW_PAGE}]",
    f"tests/browser/test_without_javascript.py::test_every_interview_answer_opens_natively[{NEW_PAGE}]",
    "tests/browser/test_drill.py::test_a_session_reveals_grades_and_keeps_progress_across_reloads",
    f"tests/browser/test_runnable_blocks.py::test_every_block_runs_and_prints_what_its_snippet_says[{NEW_PAGE}]",
    f"tests/browser/test_runnable_blocks.py::test_only_blocks_with_tests_offer_run_tests[{NEW_PAGE}]",
    f"tests/browser/test_runnable_blocks.py::test_every_test_block_passes_its_tests[{NEW_PAGE}]",
]  # fmt: skip
# The titles of the contributing page's Markdown examples: an exercise, a flashcard.
PAGE_EXAMPLES = ("in the page", "a flashcard")


def contributing_example(project):
    """{title: text} of the contributing page's titled examples, copied as written."""
    lines = (project / "docs/contributing.md").read_text(encoding="utf-8").splitlines()
    return {
        fence.options["title"]: "\n".join(fence.body) + "\n"
        for fence in code_fences(lines)
        if "title" in fence.options
    }


def add_lesson_3(project):
    """Exactly the steps of the contributing page: page, nav entry, snippet, card."""
    (project / "docs/lessons/ml-system-lifecycle.md").write_text(LESSON_3_PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert NAV_ENTRY in text
    lesson_3 = '      - "Lesson 3: ML System Lifecycle": lessons/ml-system-lifecycle.md\n'
    config.write_text(text.replace(NAV_ENTRY, NAV_ENTRY + lesson_3), encoding="utf-8")
    snippets = project / "snippets/lessons/ml_system_lifecycle"
    snippets.mkdir()
    (snippets / "test_lifecycle.py").write_text(LESSON_3_SNIPPET, encoding="utf-8")
    example = contributing_example(project)
    for title, text in example.items():
        if title.startswith("snippets/"):
            (project / title).parent.mkdir(parents=True, exist_ok=True)
            (project / title).write_text(text, encoding="utf-8")
    page = project / "docs/lessons/ml-system-lifecycle.md"
    added = "".join("\n" + example[title] for title in PAGE_EXAMPLES)
    page.write_text(page.read_text(encoding="utf-8") + added, "utf-8")
    return snippets


@pytest.mark.timeout(600)
def test_a_new_lesson_passes_the_content_checks_without_a_test_edit(project_copy):
    project = project_copy()
    new_snippets = add_lesson_3(project)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", *CONTENT_CHECKS,
         str(new_snippets)],
        cwd=ROOT,
        env={**os.environ, "COURSE_PROJECT": str(project)},
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # The new lesson itself was checked, not only the old one.
    passed = [line.split(" PASSED")[0] for line in result.stdout.splitlines() if " PASSED" in line]
    for check in [
        f"test_every_block_runs_and_prints_what_its_snippet_says[{NEW_PAGE}]",
        f"test_every_test_block_passes_its_tests[{NEW_PAGE}]",
        f"test_every_page_shows_each_card_written_in_its_source[{NEW_PAGE}]",
        f"test_every_runnable_section_says_what_it_prints[{NEW_PAGE}#1]",
        "test_lifecycle.py::test_monitoring_comes_last",
        f"test_every_check_says_what_it_checks_in_words[{NEW_EXERCISE}]",
        f"test_typing_a_reference_solution_needs_no_reindenting[{NEW_EXERCISE}]",
    ]:
        assert any(line.endswith(check) for line in passed), f"{check} did not pass:\n" + (
            "\n".join(passed)
        )
