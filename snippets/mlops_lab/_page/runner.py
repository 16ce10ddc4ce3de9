"""How the in-page Python worker runs a reader's block and its tests.

Called by overrides/assets/javascripts/python/python-worker.js (in Pyodide), by the build to
draw a page's charts for readers without JavaScript (``python -m mlops_lab._page.runner``, see
``main``), and unit-tested under CPython by tests/mlops_lab/_page/test_runner.py. Not for
readers' code.

Each call returns ``(status, detail)``: status is one of RUN_STATUSES; detail is the traceback
trimmed to the reader's code (run_block) or a JSON test report (run_tests). Code that cannot
start (a syntax error, an import that cannot succeed: diagnosis.py) is not run: the detail
says what and where in the reader's terms. What a block displays (its last expression, or
show()) goes to the display module's sink as it happens.
"""

import ast
import builtins
import contextlib
import importlib
import io
import json
import linecache
import os
import pathlib
import pkgutil
import re
import sys
import tempfile
import time
import traceback

from mlops_lab import _page
from mlops_lab._page import display
from mlops_lab._page.diagnosis import as_traceback, diagnose, missing_package_note
from mlops_lab._page.quiet_pytest import StopAwarePlugin, run_pytest

OK, ERROR, INTERRUPTED, OUT_OF_MEMORY = "ok", "error", "interrupted", "out-of-memory"
RUN_STATUSES = (OK, ERROR, INTERRUPTED, OUT_OF_MEMORY)
STOPPED_BY_THE_READER = "KeyboardInterrupt: stopped by the reader\n"
INPUT_IS_UNAVAILABLE = (
    "input() cannot read from the keyboard in this page; "
    "set the value in the code instead, e.g. name = 'Ada'"
)
BLOCKS_FOLDER = pathlib.Path("/tmp/blocks")  # where a block's tests are written for pytest

_namespaces = {}


def reset_namespaces():
    """Forget every page's names (what a fresh session starts with)."""
    _namespaces.clear()


def run_block(code, namespace, filename):
    """Run `code` as `__main__` of the page's namespace `namespace`."""
    scope = _namespaces.setdefault(namespace, {"__name__": "__main__", "__builtins__": builtins})
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        found = diagnose(code, filename)
        if found:
            return ERROR, as_traceback(found)
        body, last_expression = split_last_expression(code, filename)
        exec(body, scope)
        if last_expression is not None:
            show_if_displayable(eval(last_expression, scope))
    except KeyboardInterrupt:
        return INTERRUPTED, STOPPED_BY_THE_READER
    except SystemExit as error:
        if error.code not in (None, 0):
            return ERROR, f"SystemExit: {error.code}\n"
    except MemoryError as error:
        # WebAssembly memory never shrinks: only a new session gives the gigabytes back.
        return OUT_OF_MEMORY, trimmed_traceback(error, filename)
    except BaseException as error:
        if isinstance(error, ModuleNotFoundError):
            explain_missing_module(error)
        return ERROR, trimmed_traceback(error, filename)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return OK, ""


def split_last_expression(code, filename):
    """The code compiled without its last statement, and that statement compiled as an
    expression when it is one (as in a notebook, its value may be displayed)."""
    tree = ast.parse(code, filename)
    if not (tree.body and isinstance(tree.body[-1], ast.Expr)):
        return compile(tree, filename, "exec"), None
    last = ast.Expression(tree.body.pop().value)
    return compile(tree, filename, "exec"), compile(last, filename, "eval")


def show_if_displayable(value):
    """A last expression is displayed when it has a picture or a table; plain values are not
    echoed, so a block prints what it prints as a script would."""
    if value is not None and display.display_item(value) is not None:
        display.show(value)


def trimmed_traceback(error, filename):
    """The traceback from the reader's first frame on: this runner's frames are not theirs."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def no_keyboard_input(prompt=""):
    """The page has no console to type into: say so, instead of Pyodide's bare OSError."""
    print(prompt, end="")
    raise EOFError(INPUT_IS_UNAVAILABLE)


def explain_missing_module(error):
    note = missing_package_note(error.name)
    if note:
        error.add_note(note)


class ResultsCollector(StopAwarePlugin):
    """pytest plugin: outcome, duration and pytest's own failure explanation per test."""

    def pytest_collectreport(self, report):
        # A block that cannot be imported (a SyntaxError, a bad import) fails its collection.
        if report.failed:
            failure = {"outcome": "error", "seconds": 0.0, "details": report.longreprtext}
            self.tests[report.nodeid] = {"name": "collecting the tests", **failure}

    def pytest_runtest_logreport(self, report):
        name = report.nodeid.split("::", 1)[-1]
        blank = {"name": name, "outcome": "passed", "seconds": 0.0, "details": ""}
        test = self.tests.setdefault(name, blank)
        test["seconds"] += report.duration
        if report.failed:
            test["outcome"] = "failed" if report.when == "call" else "error"
            test["details"] = report.longreprtext
        elif report.skipped:
            test["outcome"] = "skipped"

    def summary(self, seconds):
        """A line like pytest's own: "2 passed, 1 failed in 0.12s"."""
        outcomes = [t["outcome"] for t in self.tests.values()]
        counts = [(o, outcomes.count(o)) for o in ("failed", "passed", "skipped", "error")]
        parts = [f"{n} {o}{'s' if o == 'error' and n > 1 else ''}" for o, n in counts if n]
        return f"{', '.join(parts) or 'no tests ran'} in {seconds:.2f}s"


def block_test_path(namespace, filename):
    """Where a block's code is written for pytest: one folder per page, one file per block."""
    folder = BLOCKS_FOLDER / re.sub(r"\W+", "_", namespace).strip("_")
    return folder / (re.sub(r"\W+", "_", filename).strip("_") + "_test.py")


def run_tests(code, namespace, filename):
    """Run real pytest on the block's current code (written to a file of its own)."""
    try:
        found = diagnose(code, filename)
        if found:  # said in the reader's terms, not at the end of pytest's collection error
            return ERROR, json.dumps(untestable(found))
        return _run_tests(code, block_test_path(namespace, filename))
    except KeyboardInterrupt:  # Stop while pytest was still being imported or set up
        return INTERRUPTED, json.dumps({"tests": [], "summary": "stopped by the reader"})


def _run_tests(code, path):
    import pytest

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code)
    forget_module_of(path)
    sys.dont_write_bytecode = True
    results = ResultsCollector()
    started = time.perf_counter()
    exit_code = run_pytest(path, path.parent, results, traceback_style="no")
    passed = exit_code == pytest.ExitCode.OK
    status = INTERRUPTED if results.interrupted else OK if passed else ERROR
    summary = results.summary(time.perf_counter() - started)
    return status, json.dumps({"tests": list(results.tests.values()), "summary": summary})


def untestable(found):
    """The test report of a block that cannot be imported: its diagnosis as the summary."""
    failure = {"name": "collecting the tests", "outcome": "error", "seconds": 0.0,
               "details": as_traceback(found)}  # fmt: skip
    return {"tests": [failure], "summary": found["summary"], "diagnosis": found}


def check_exercise(code, checks):
    """Grade the reader's code with an exercise's checks (grading.py): (status, JSON)."""
    from mlops_lab._page import grading  # imported on first use: a first Run does without it

    try:
        return OK, json.dumps(grading.grade(code, checks))
    except KeyboardInterrupt:
        return INTERRUPTED, ""


def forget_module_of(path):
    """pytest imports the file; a module cached by an earlier run would test stale code. It
    reuses a module by name, too: block 2 of another page has the same file name."""
    for name, module in list(sys.modules.items()):
        if name == path.stem or getattr(module, "__file__", None) == str(path):
            del sys.modules[name]
    importlib.invalidate_caches()


WARM_UP_CODE = "def double(x):\n    return 2 * x\n"
WARM_UP_TEST = "def test_double():\n    \"\"\"doubles\"\"\"\n    assert double(2) == 4\n"


def warm_up():
    """Run pytest once as Run tests does and grade once as Check does, leaving nothing behind
    (no file, module or namespace): a memory snapshot taken afterwards starts a session whose
    first test run is as quick as a second one (pytest's plugins imported and set up)."""
    from mlops_lab._page import grading

    import_the_page_runtime()
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
        _run_tests(f"{WARM_UP_CODE}\n{WARM_UP_TEST}", pathlib.Path(folder) / "warm_up_test.py")
        checks = f"from exercise import double\n\n{WARM_UP_TEST}"
        grading.grade(WARM_UP_CODE, checks, folder=folder)
        for name, module in list(sys.modules.items()):
            if (getattr(module, "__file__", None) or "").startswith(folder + os.sep):
                del sys.modules[name]
    importlib.invalidate_caches()
    reset_namespaces()


def import_the_page_runtime():
    """Import every module of the page's runtime, those imported on first use too (grading, the
    table display). A session restored from a snapshot has the modules the snapshot held but
    not the course wheel's files (Pyodide keeps files outside WebAssembly memory), and the page
    installs the wheel again only when a reader's code imports from it."""
    for module in pkgutil.iter_modules(_page.__path__, f"{_page.__name__}."):
        importlib.import_module(module.name)


def install(post_display=None):
    """Set up the interpreter for in-page runs (once, when the worker starts). Displays go to
    `post_display(json_text)`."""
    builtins.input = no_keyboard_input
    if post_display is not None:
        display.set_sink(lambda item: post_display(json.dumps(item)))


def render_page(blocks):
    """Run a page's blocks in order, as the page would, and collect what each displays:
    [{"status", "traceback", "displays": [item, ...]}, ...] for [{"code", "filename"}, ...]."""
    results = []
    namespace = "build"
    for block in blocks:
        displays = []
        display.set_sink(displays.append)
        with contextlib.redirect_stdout(io.StringIO()):
            status, detail = run_block(block["code"], namespace, block["filename"])
        results.append({"status": status, "traceback": detail, "displays": displays})
    display.set_sink(None)
    return results


def main():
    """The build's way in: a page's blocks as JSON on stdin, what they display on stdout."""
    print(json.dumps(render_page(json.load(sys.stdin))))


if __name__ == "__main__":
    main()
