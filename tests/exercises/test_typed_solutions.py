"""Every exercise's reference solution typed line by line into the site's Python editing rules
(type_code.mjs: CodeMirror's own state and commands, under Node), as a learner types it: the
editor offers the right indentation on every line. Cases a Python editor is known by are typed
the same way. The keys themselves, in Chromium, are tests/browser/test_editor.py's."""

import json
import subprocess
from pathlib import Path

import pytest
from course_content import PROJECT, exercises

EXERCISES = exercises()
SOLUTIONS = [found.exercise.solution.rstrip("\n") for found in EXERCISES]
TYPE_CODE = Path(__file__).with_name("type_code.mjs")

# How a Python editor (IDLE) indents, each case typed whole: the last line is where Enter
# lands after the line that ends a block, or a line that re-indents as it is typed.
AS_A_PYTHON_EDITOR_OFFERS = {
    "after a colon": "def f(x):\n    y = x\n    if y:\n        y += 1",
    "after return": "def f(x):\n    if x:\n        return 1\n    z",
    "after pass": "class Empty:\n    pass\nz",
    "after raise": "def f(x):\n    if x < 0:\n        raise ValueError(x)\n    z",
    "after break": "for x in range(3):\n    if x:\n        break\n    z",
    "after continue": "for x in range(3):\n    if x:\n        continue\n    z",
    "after one blank line": "def f():\n    x = 1\n\n    z",
    "after two blank lines": "def f():\n    x = 1\n\n\nz",
    "in an open bracket": "values = [\n    1,\n]",
    "except as typed": "for x in range(3):\n    try:\n        pass\n    except ValueError:",
}


def typed(codes):
    """What typing each of `codes` gives: {"wrong": line numbers, "typed": the editor's text}."""
    result = subprocess.run(
        ["node", str(TYPE_CODE)],
        input=json.dumps(codes),
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def typed_codes():
    """Every code these tests type, typed in one run of Node: {code: what typing it gave}."""
    codes = SOLUTIONS + list(AS_A_PYTHON_EDITOR_OFFERS.values())
    return dict(zip(codes, typed(codes), strict=True))


@pytest.mark.parametrize("found", EXERCISES, ids=lambda found: found.exercise.id)
def test_typing_a_reference_solution_needs_no_reindenting(typed_codes, found):
    solution = found.exercise.solution.rstrip("\n")
    result = typed_codes[solution]
    assert result["wrong"] == [], f"the editor offered the wrong indentation on {result['wrong']}"
    assert result["typed"] == solution


@pytest.mark.parametrize("code", AS_A_PYTHON_EDITOR_OFFERS.values(), ids=AS_A_PYTHON_EDITOR_OFFERS)
def test_enter_offers_the_level_a_python_editor_offers(typed_codes, code):
    wrong = typed_codes[code]["wrong"]
    assert wrong == [], f"the editor offered the wrong indentation on lines {wrong}"
