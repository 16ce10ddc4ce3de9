"""The in-page runner under CPython: what the worker gets back for each kind of block."""

import builtins
import json
import subprocess
import sys

import pytest
from mlops_lab._page import display, runner
from mlops_lab._page.runner import (
    ERROR,
    INTERRUPTED,
    OK,
    OUT_OF_MEMORY,
    run_block,
    run_tests,
)


@pytest.fixture(autouse=True)
def fresh_runner(tmp_path, monkeypatch):
    runner.reset_namespaces()
    monkeypatch.setattr(runner, "BLOCKS_FOLDER", tmp_path / "blocks")
    monkeypatch.setattr(builtins, "input", builtins.input)  # install() replaces it
    yield
    runner.reset_namespaces()


def test_a_block_runs_as_main_and_its_names_stay_in_the_pages_namespace(capsys):
    assert run_block("x = 41\nprint(__name__)", "/lesson/", "<code block 1>") == (OK, "")
    assert run_block("print(x + 1)", "/lesson/", "<code block 2>") == (OK, "")
    assert capsys.readouterr().out == "__main__\n42\n"
    status, traceback = run_block("print(x)", "/other-page/", "<code block 1>")
    assert status == ERROR and traceback.endswith("NameError: name 'x' is not defined\n")


def test_a_traceback_starts_at_the_readers_code():
    code = "def ratio(a, b):\n    return a / b\n\nratio(1, 0)\n"
    status, traceback = run_block(code, "/lesson/", "<code block 3>")
    assert status == ERROR
    assert traceback.splitlines()[0] == "Traceback (most recent call last):"
    assert 'File "<code block 3>", line 4, in <module>' in traceback
    assert 'File "<code block 3>", line 2, in ratio' in traceback
    assert "_page" not in traceback
    assert traceback.endswith("ZeroDivisionError: division by zero\n")


@pytest.mark.parametrize(
    ("code", "status", "ending"),
    [
        ("raise KeyboardInterrupt", INTERRUPTED, "stopped by the reader\n"),
        ("raise SystemExit(0)", OK, ""),
        ("raise SystemExit(3)", ERROR, "SystemExit: 3\n"),
        ("raise MemoryError", OUT_OF_MEMORY, "MemoryError\n"),
    ],
)
def test_how_a_run_ends(code, status, ending):
    result = run_block(code, "/lesson/", "<code block 1>")
    assert result[0] == status and result[1].endswith(ending)


def test_a_missing_package_is_explained():
    status, traceback = run_block("import numpy_not_here", "/lesson/", "<code block 1>")
    assert status == ERROR
    assert "numpy_not_here is not available in this page" in traceback


def test_input_says_the_page_has_no_keyboard_after_install(capsys):
    runner.install()
    status, traceback = run_block("input('Name? ')", "/lesson/", "<code block 1>")
    assert status == ERROR
    assert traceback.endswith(f"EOFError: {runner.INPUT_IS_UNAVAILABLE}\n")
    assert capsys.readouterr().out == "Name? "


TESTS = "def test_one():\n    assert 1 + 1 == 2\n\ndef test_two():\n    assert 2 * 2 == 5\n"


def test_run_tests_reports_each_test_and_a_summary():
    status, report = run_tests(TESTS, "/lesson/", "<code block 2>")
    report = json.loads(report)
    assert status == ERROR  # a test failed
    outcomes = {test["name"]: test["outcome"] for test in report["tests"]}
    assert outcomes == {"test_one": "passed", "test_two": "failed"}
    [failed] = [test for test in report["tests"] if test["outcome"] == "failed"]
    assert "assert (2 * 2) == 5" in failed["details"]
    assert report["summary"].startswith("1 failed, 1 passed in ")


RERUN_AFTER_AN_EDIT = f"""
import pathlib
from mlops_lab._page import display, runner
runner.BLOCKS_FOLDER = pathlib.Path({{folder!r}})
runner.run_tests({TESTS!r}, "/lesson/", "<code block 2>")
edited = {TESTS.replace("== 5", "== 4")!r}  # same length: a stale module would look current
print(runner.run_tests(edited, "/lesson/", "<code block 2>")[0])
"""


def test_run_tests_tests_the_current_code_not_a_cached_module(tmp_path):
    # In an interpreter of its own, as in the worker (this test session's own pytest import
    # hook would otherwise load the block's file too).
    script = RERUN_AFTER_AN_EDIT.format(folder=str(tmp_path / "blocks"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == OK, result.stdout + result.stderr


def test_a_test_stopped_by_the_reader_is_interrupted():
    status, _ = run_tests("def test_stuck():\n    raise KeyboardInterrupt\n", "/l/", "<b>")
    assert status == INTERRUPTED


def test_a_stop_while_pytest_is_still_being_imported_is_interrupted(monkeypatch):
    # Stop can land before pytest.main runs (importing pytest takes most of a first run).
    real_import = builtins.__import__

    def interrupted_import(name, *args, **kwargs):
        if name == "pytest":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted_import)
    status, report = run_tests(TESTS, "/lesson/", "<code block 2>")
    assert status == INTERRUPTED
    assert json.loads(report)["tests"] == []


CHART = "import pygal\nchart = pygal.Bar(title='Weekly reviews')\nchart.add('reviews', [120, 80])\n"


def test_a_last_expression_with_a_picture_is_displayed_and_a_plain_value_is_not(monkeypatch):
    shown = []
    monkeypatch.setattr(display, "_sink", shown.append)
    assert run_block(CHART + "chart", "/lab/", "<code block 1>") == (OK, "")
    assert run_block("41 + 1", "/lab/", "<code block 2>") == (OK, "")
    assert [item["alt"] for item in shown] == ["Weekly reviews"]


def test_the_build_runs_a_pages_blocks_in_order_and_collects_what_each_displays(capsys):
    results = runner.render_page([
        {"code": CHART + "print('drawn')", "filename": "<code block 1>"},
        {"code": "chart", "filename": "<code block 2>"},
        {"code": "1 / 0", "filename": "<code block 3>"},
    ])  # fmt: skip
    assert [r["status"] for r in results] == [OK, OK, ERROR]
    assert [len(r["displays"]) for r in results] == [0, 1, 0]
    assert results[2]["traceback"].endswith("ZeroDivisionError: division by zero\n")
    assert capsys.readouterr().out == ""  # what blocks print is not the build's output


def test_tests_that_cannot_be_collected_are_an_error_not_a_stop():
    # pytest ends a collection error with the exit code of Ctrl+C: the page must not say "Stopped".
    status, report = run_tests("def test_broken(:\n    pass\n", "/lesson/", "<code block 2>")
    report = json.loads(report)
    assert status == ERROR
    [test] = report["tests"]
    assert (test["name"], test["outcome"]) == ("collecting the tests", "error")
    assert "SyntaxError" in test["details"]


def test_a_syntax_error_is_said_with_the_readers_line_and_nothing_of_the_block_runs(capsys):
    code = "print('before')\ndef ratio(a, b)\n    return a / b\n"
    status, traceback = run_block(code, "/lesson/", "<code block 1>")
    assert status == ERROR
    assert traceback == "def ratio(a, b)\n               ^\nSyntaxError on line 2: expected ':'\n"
    assert capsys.readouterr().out == ""


def test_an_import_of_a_name_that_does_not_exist_is_said_in_the_readers_terms():
    status, traceback = run_block("from mlops_lab.data import load_user\n", "/l/", "<code block 1>")
    assert status == ERROR
    assert traceback == (
        "from mlops_lab.data import load_user\n"
        "ImportError on line 1: mlops_lab.data has no name 'load_user' "
        "(did you mean 'load_users'?)\n"
    )


@pytest.mark.parametrize(
    ("code", "summary"),
    [
        ("def test_ages():\nassert True\n",
         "IndentationError on line 2: expected an indented block after function definition "
         "on line 1"),
        ("from mlops_lab.dat import load_users\n\ndef test_ages():\n    assert load_users()\n",
         "ModuleNotFoundError on line 1: No module named 'mlops_lab.dat' "
         "(did you mean 'mlops_lab.data'?)"),
    ],
    ids=["an indentation error", "a missing module"],
)  # fmt: skip
def test_run_tests_names_the_error_and_the_readers_line_not_pytests_frames(code, summary):
    status, report = run_tests(code, "/lesson/", "<code block 2>")
    report = json.loads(report)
    assert status == ERROR
    assert report["summary"] == summary  # the page's status line
    assert report["diagnosis"]["summary"] == summary
    [test] = report["tests"]
    line = code.splitlines()[report["diagnosis"]["line"] - 1]
    assert test["details"].startswith(line + "\n") and test["details"].endswith(summary + "\n")
    assert "_pytest" not in test["details"]


WARM_UP_LEAVES_NOTHING = """
import os, sys
from mlops_lab._page import runner
before = set(sys.modules)
runner.warm_up()
left = [sys.modules[name] for name in set(sys.modules) - before]
# Its test files were in a temporary folder, now deleted: none of their modules may be left.
print([m for m in left if getattr(m, "__file__", None) and not os.path.exists(m.__file__)])
print(runner._namespaces)
# Every module of the page's runtime is imported: a restored session cannot import one later.
import pkgutil
from mlops_lab import _page
page_runtime = pkgutil.iter_modules(_page.__path__, "mlops_lab._page.")
print([module.name for module in page_runtime if module.name not in sys.modules])
print(runner.run_tests("def test_after():\\n    assert True\\n", "/l/", "<b>")[0])
"""


def test_a_warm_up_runs_pytest_and_grading_imports_the_page_runtime_and_leaves_nothing():
    # In an interpreter of its own, as in the worker that makes a memory snapshot.
    result = subprocess.run(
        [sys.executable, "-c", WARM_UP_LEAVES_NOTHING], capture_output=True, text=True
    )
    # (pytest's own report of the last run is printed before the status)
    lines = result.stdout.splitlines()
    assert lines[:3] == ["[]", "{}", "[]"] and lines[-1] == OK, result.stdout + result.stderr
