"""Every snippet test has the same outcome in Pyodide, the runtime the browser uses, as in CPython.

Both runs use pytest with the same arguments and write JUnit XML; the outcomes are compared test
by test. The Pyodide run (Node, tests/pyodide/run_pytest_in_pyodide.mjs) loads only the wheels
the built site serves, through the site's own lock file.
"""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from course_build.site_layout import PYODIDE_LOCK_FILE
from course_content import (
    DEFINES_TEST,
    SNIPPETS,
    example_files,
    exercises,
    with_a_missing_colon,
)
from mlops_lab._page.grading import grade, grades_tests

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # Pyodide under Node: make test-fast leaves it to make test
RUNNER = Path(__file__).with_name("run_pytest_in_pyodide.mjs")
GRADER = Path(__file__).with_name("grade_in_pyodide.mjs")
PYTEST_ARGS = ["-q", "-p", "no:cacheprovider", "--import-mode=importlib", "--rootdir=."]


def junit_outcomes(xml_file):
    """{test id: passed|failed|error|skipped} from a JUnit XML report."""
    outcomes = {}
    for case in ET.parse(xml_file).iter("testcase"):
        kinds = {child.tag for child in case}
        outcome = next((k for k in ("failure", "error", "skipped") if k in kinds), "passed")
        outcome = {"failure": "failed"}.get(outcome, outcome)
        outcomes[f"{case.get('classname')}::{case.get('name')}"] = outcome
    return outcomes


def run_cpython(tests_dir, out_dir, *targets):
    report = out_dir / "cpython.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", *PYTEST_ARGS, f"--junitxml={report}", *targets],
        cwd=tests_dir,
        capture_output=True,
        timeout=300,
    )
    return junit_outcomes(report)


def run_pyodide(site, tests_dir, out_dir, *targets):
    lock = site / PYODIDE_LOCK_FILE
    result = subprocess.run(
        [
            "node",
            RUNNER,
            lock,
            tests_dir,
            out_dir,
            *PYTEST_ARGS,
            "--junitxml=/out/pyodide.xml",
            *targets,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = out_dir / "pyodide.xml"
    assert report.exists(), f"pytest did not run in Pyodide:\n{result.stdout}\n{result.stderr}"
    return junit_outcomes(report)


def parity_report(cpython, pyodide):
    """One line per test whose outcome differs: test id, CPython outcome, Pyodide outcome."""
    lines = []
    for test_id in sorted(cpython.keys() | pyodide.keys()):
        here, there = cpython.get(test_id, "not run"), pyodide.get(test_id, "not run")
        if here != there:
            lines.append(f"{test_id}: CPython {here}, Pyodide {there}")
    return lines


def defined_tests(folder):
    """How many test functions the snippet files under `folder` define."""
    return sum(len(DEFINES_TEST.findall(path.read_text())) for path in folder.rglob("test_*.py"))


EXAMPLE_FOLDERS = sorted({example.split("/", 1)[0] for example in example_files()})


def test_snippet_tests_have_the_same_outcomes_in_pyodide_as_in_cpython(built_site, tmp_path):
    cpython = run_cpython(SNIPPETS, tmp_path, *EXAMPLE_FOLDERS)
    pyodide = run_pyodide(built_site, SNIPPETS, tmp_path, *EXAMPLE_FOLDERS)
    assert len(cpython) == sum(defined_tests(SNIPPETS / folder) for folder in EXAMPLE_FOLDERS)
    assert set(cpython.values()) == {"passed"}
    differences = parity_report(cpython, pyodide)
    assert differences == [], "CPython/Pyodide parity report:\n" + "\n".join(differences)


def test_parity_report_names_a_test_that_differs(built_site, tmp_path):
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_platform.py").write_text(
        "import sys\n\n"
        "def test_same_everywhere():\n    assert 1 + 1 == 2\n\n"
        "def test_not_in_the_browser():\n    assert sys.platform != 'emscripten'\n"
    )
    cpython = run_cpython(tests, tmp_path, ".")
    pyodide = run_pyodide(built_site, tests, tmp_path, ".")
    assert parity_report(cpython, pyodide) == [
        "test_platform::test_not_in_the_browser: CPython passed, Pyodide failed"
    ]


def test_a_package_the_site_does_not_serve_is_never_downloaded(built_site, tmp_path):
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_numpy.py").write_text("def test_numpy():\n    import numpy\n")
    assert run_pyodide(built_site, tests, tmp_path, ".") == {"test_numpy::test_numpy": "failed"}


def outcomes_of(report):
    checks = [(check["text"], check["outcome"]) for check in report["checks"]]
    return checks, report["summary"], report.get("diagnosis")


def grade_in_pyodide(site, tmp_path, request):
    """{id: {name: report}} for [{"id", "checks", "codes": {name: code}}], graded in Pyodide."""
    (tmp_path / "request.json").write_text(json.dumps(request))
    result = subprocess.run(
        ["node", GRADER, site / PYODIDE_LOCK_FILE, tmp_path / "request.json",
         tmp_path / "report.json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads((tmp_path / "report.json").read_text())


def graded_alike(site, tmp_path, request):
    """The reports in Pyodide, once each is shown to grade as under CPython: the grade a reader
    sees in the page is the grade the build and CI checked."""
    in_pyodide = grade_in_pyodide(site, tmp_path, request)
    for exercise in request:
        for name, code in exercise["codes"].items():
            here = grade(code, exercise["checks"], tmp_path)
            there = in_pyodide[exercise["id"]][name]
            assert outcomes_of(there) == outcomes_of(here), (exercise["id"], name)
    return in_pyodide


def test_every_exercise_grades_the_same_in_pyodide_as_in_cpython(built_site, tmp_path):
    request = [
        {"id": e.id, "checks": e.checks, "codes": {"starter": e.starter, "solution": e.solution}}
        for e in (found.exercise for found in exercises())
    ]
    assert request
    graded_alike(built_site, tmp_path, request)


def broken_answers(found):
    """A reader's answers that cannot be graded as they are, made from the exercise's solution:
    a syntax error, an import of a name that does not exist, and for a write-tests exercise a
    test that fails on the real code and a file without tests."""
    solution = found.exercise.solution
    broken = {
        "a missing colon": with_a_missing_colon(solution)[0],
        "an import that does not exist": "from mlops_lab.data import no_such_name\n" + solution,
    }
    if grades_tests(found.exercise.checks):
        broken["a test that fails on the real code"] = (
            solution + "\n\ndef test_fails_on_the_real_code():\n    assert 1 == 2\n"
        )
        broken["no test"] = "x = 1\n"
    return broken


def test_a_readers_error_is_diagnosed_the_same_in_pyodide_as_in_cpython(built_site, tmp_path):
    # The diagnosis imports modules to check names: in the page, from the served wheel.
    request = [
        {"id": found.exercise.id, "checks": found.exercise.checks, "codes": broken_answers(found)}
        for found in exercises()
    ]
    in_pyodide = graded_alike(built_site, tmp_path, request)
    for exercise in request:
        report = in_pyodide[exercise["id"]]["a missing colon"]
        assert report["summary"].startswith("SyntaxError on line "), report["summary"]
        assert [c["outcome"] for c in report["checks"][1:]] == ["not-checked"] * (
            report["total"] - 1
        )
