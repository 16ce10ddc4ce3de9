"""Grading an exercise with real pytest: the reader's code against its hidden checks.

An exercise's checks file (snippets/exercises/<lesson>/<name>_checks.py) decides the mode:

- Write code: the checks are pytest tests that import the reader's code as the module
  `exercise` (``from exercise import psi``). Each test is one check; the first line of its
  docstring says in plain words what it checks ("flags a shifted sample").
- Write tests (mutation grading), when the checks file defines FAULTS: the reader writes pytest
  tests of real course code (``from mlops_lab.data import load_users``). FAULTS maps a fault, in
  plain words, to what it replaces: ``{"ages stored in months": {"mlops_lab.data.load_users":
  users_in_months}}``. The reader's tests must pass on the real code and fail on each fault:
  a test that asserts nothing catches no fault.

`grade` returns {"checks": [{"text", "passed", "details"}], "summary", "passed", "total"}.
It runs in the page's worker (Pyodide), in the tests (CPython) and in the build, which checks
that each reference solution passes and each starter does not.
"""

import ast
import importlib
import importlib.util
import json
import sys
import tempfile
import uuid
from contextlib import contextmanager, redirect_stdout
from io import StringIO
from pathlib import Path

from mlops_lab._page.quiet_pytest import StopAwarePlugin, run_pytest

READER_MODULE = "exercise"  # what write-code checks import
GRADING_FOLDER = Path("/tmp/exercises")  # where the files pytest reads are written


def grade(reader_code, checks_code, folder=None):
    """Grade `reader_code` with the exercise's checks; the report described above."""
    folder = Path(folder or GRADING_FOLDER) / uuid.uuid4().hex[:8]
    folder.mkdir(parents=True)
    if not grades_tests(checks_code):
        return code_report(run_checks_on_code(reader_code, checks_code, folder))
    faults = load_checks(checks_code, folder).FAULTS
    return mutation_report(run_tests_on_variants(reader_code, faults, folder))


def grades_tests(checks_code):
    """Whether the checks file defines FAULTS (a write-tests exercise). Read, not run: the
    checks of a write-code exercise import the reader's code, which is not there yet."""
    tree = ast.parse(checks_code)
    return any(
        isinstance(node, ast.Assign)
        and any(getattr(t, "id", None) == "FAULTS" for t in node.targets)
        for node in tree.body
    )


def load_checks(checks_code, folder):
    """The checks file of a write-tests exercise as a module (for its FAULTS)."""
    path = folder / "exercise_checks.py"
    path.write_text(checks_code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"exercise_checks_{folder.name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Outcomes(StopAwarePlugin):
    """pytest plugin: per test, its outcome, what it checks (the first line of its docstring,
    or its name in words) and pytest's explanation of a failure."""

    def pytest_collection_modifyitems(self, items):
        for item in items:
            doc = (getattr(item, "function", None).__doc__ or "").strip()
            in_words = item.name.removeprefix("test_").replace("_", " ")
            self.tests[item.nodeid] = outcome(item.name, doc.splitlines()[0] if doc else in_words)

    def pytest_runtest_logreport(self, report):
        test = self.tests.setdefault(report.nodeid, outcome(report.nodeid, report.nodeid))
        if report.failed:
            test["outcome"], test["details"] = "failed", report.longreprtext
        elif report.when == "call" and test["outcome"] == "not run":
            test["outcome"] = "skipped" if report.skipped else "passed"


def outcome(name, doc):
    return {"name": name, "doc": doc, "outcome": "not run", "details": ""}


def run_checks(path, folder):
    """Run pytest on one file, quietly, with short tracebacks (a failed check shows pytest's
    explanation); (outcomes by node id, what pytest printed)."""
    outcomes = Outcomes()
    printed = StringIO()
    with redirect_stdout(printed):
        run_pytest(path, folder, outcomes, traceback_style="short")
    if outcomes.interrupted:
        raise KeyboardInterrupt  # Stop ends the whole Check, not one of its pytest runs
    return outcomes.tests, printed.getvalue()


@contextmanager
def importable(folder, *modules):
    """`folder` on sys.path, with no stale copy of `modules` cached from an earlier run."""
    for name in modules:
        sys.modules.pop(name, None)
    importlib.invalidate_caches()
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))
        for name in modules:
            sys.modules.pop(name, None)


def run_checks_on_code(reader_code, checks_code, folder):
    (folder / f"{READER_MODULE}.py").write_text(reader_code, encoding="utf-8")
    # A module name of its own per run: pytest reuses a module already imported under its name.
    checks = folder / f"test_checks_{folder.name}.py"
    checks.write_text(checks_code, encoding="utf-8")
    with importable(folder, READER_MODULE, checks.stem):
        tests, printed = run_checks(checks, folder)
    return tests, printed


def code_report(run):
    tests, printed = run
    checks = [
        {"text": test["doc"], "passed": test["outcome"] == "passed", "details": test["details"]}
        for test in tests.values()
    ]
    if not checks:  # the checks could not even be collected: the reader's code does not import
        checks = [{"text": "your code runs", "passed": False, "details": printed[-3000:]}]
    return summarised(checks)


@contextmanager
def replaced(replacements):
    """Each "package.module.name" in `replacements` set to its value, for the duration."""
    originals = []
    for target, value in replacements.items():
        module_name, _, name = target.rpartition(".")
        module = importlib.import_module(module_name)
        originals.append((module, name, getattr(module, name)))
        setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in reversed(originals):
            setattr(module, name, value)


def run_tests_on_variants(reader_code, faults, folder):
    """The reader's tests on the real code, then on each fault: {variant: outcomes}."""
    variants = {None: {}, **faults}
    results = {}
    for index, (fault, replacements) in enumerate(variants.items()):
        module = f"test_reader_{folder.name}_{index}"  # a new name: nothing cached answers
        path = folder / f"{module}.py"
        path.write_text(reader_code, encoding="utf-8")
        with replaced(replacements), importable(folder, module):
            results[fault] = run_checks(path, folder)
    return results


def mutation_report(results):
    real_tests, printed = results.pop(None)
    ran = [test for test in real_tests.values() if test["outcome"] != "not run"]
    failing = [test["name"] for test in ran if test["outcome"] != "passed"]
    if not ran:
        first = {"text": "your tests run (write at least one test_ function)", "passed": False,
                 "details": printed[-3000:]}  # fmt: skip
    elif failing:
        first = {
            "text": f"your tests pass on the real code (failing: {', '.join(failing)})",
            "passed": False,
            "details": next(t["details"] for t in ran if t["details"]),
        }
    else:
        first = {"text": "your tests pass on the real code", "passed": True, "details": ""}
    checks = [first]
    for fault, (tests, _) in results.items():
        caught = any(test["outcome"] == "failed" for test in tests.values())
        text = f"catches {fault}" if caught else f"misses {fault}: your tests pass on it"
        checks.append({"text": text, "passed": caught and first["passed"], "details": ""})
    report = summarised(checks)
    missed = [
        fault for fault, check in zip(results, checks[1:], strict=True) if not check["passed"]
    ]
    caught = f"caught {len(results) - len(missed)} of {len(results)} faults"
    report["summary"] += f": {caught}" + (f" — missed: {', '.join(missed)}" if missed else "")
    return report


def summarised(checks):
    passed = sum(check["passed"] for check in checks)
    total = len(checks)
    summary = f"All {total} checks pass" if passed == total else f"{passed} of {total} checks pass"
    return {"checks": checks, "summary": summary, "passed": passed, "total": total}


def main():
    """The build's way in: [{"id", "starter", "solution", "checks"}] as JSON on stdin;
    {id: {"starter": report, "solution": report}} on stdout."""
    exercises = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as folder:
        reports = {
            exercise["id"]: {part: grade(exercise[part], exercise["checks"], folder)
                             for part in ("starter", "solution")}
            for exercise in exercises
        }  # fmt: skip
    print(json.dumps(reports))


if __name__ == "__main__":
    main()
