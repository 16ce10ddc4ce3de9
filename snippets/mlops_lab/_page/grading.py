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

`grade` returns {"checks": [{"text", "passed", "outcome", "details", "code"?}], "summary",
"passed", "total", "diagnosis"?}. A check's outcome is "passed", "failed" or "not-checked";
`code` is the reader's line at fault. What must be fixed before anything else can be graded
comes first, and what it holds back is "not checked yet", never "missed": an error in the
reader's code (`diagnosis`, from diagnosis.py: a syntax error, an import that cannot succeed,
an exception while the code is imported), tests that fail on the real code, a file without
tests. The summary starts with it ("SyntaxError on line 4: expected ':' — fix this first; ...").
The grader's own failure is reported as such, never raised.

It runs in the page's worker (Pyodide), in the tests (CPython) and in the build, which checks
that each reference solution passes and each starter does not.
"""

import ast
import importlib
import importlib.util
import json
import re
import sys
import tempfile
import traceback
import uuid
from contextlib import contextmanager, redirect_stdout
from io import StringIO
from pathlib import Path

from mlops_lab._page.diagnosis import READERS_FILE, diagnose, raised
from mlops_lab._page.quiet_pytest import StopAwarePlugin, run_pytest

READER_MODULE = "exercise"  # what write-code checks import
GRADING_FOLDER = Path("/tmp/exercises")  # where the files pytest reads are written
PASSED, FAILED, NOT_CHECKED = "passed", "failed", "not-checked"


def grade(reader_code, checks_code, folder=None):
    """Grade `reader_code` with the exercise's checks; the report described above."""
    folder = Path(folder or GRADING_FOLDER) / uuid.uuid4().hex[:8]
    try:
        folder.mkdir(parents=True)
        if not grades_tests(checks_code):
            return grade_code(reader_code, checks_code, folder)
        return grade_tests(reader_code, load_checks(checks_code, folder).FAULTS, folder)
    except Exception as error:  # the grader's (or a checks file's) fault, not the reader's
        return grader_failure(error)


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


def check_text(name, docstring):
    """What a check checks, in words: the first line of its docstring, or its name."""
    doc = (docstring or "").strip()
    return doc.splitlines()[0] if doc else name.removeprefix("test_").replace("_", " ")


class Outcomes(StopAwarePlugin):
    """pytest plugin: per test, its outcome, what it checks, pytest's explanation of a failure
    and its one-line reason; and whether the file could not be collected."""

    def __init__(self):
        super().__init__()
        self.collection_failed = False
        self.printed = ""  # what pytest printed: its words, when no better ones are found

    def pytest_collection_modifyitems(self, items):
        for item in items:
            doc = getattr(item, "function", None).__doc__
            self.tests[item.nodeid] = outcome(item.name, check_text(item.name, doc))

    def pytest_collectreport(self, report):
        self.collection_failed |= report.failed

    def pytest_runtest_logreport(self, report):
        test = self.tests.setdefault(report.nodeid, outcome(report.nodeid, report.nodeid))
        if report.failed:
            test.update(outcome="failed", details=report.longreprtext, reason=short_reason(report))
        elif report.when == "call" and test["outcome"] == "not run":
            test["outcome"] = "skipped" if report.skipped else "passed"

    def ran(self):
        return [test for test in self.tests.values() if test["outcome"] != "not run"]

    def caught(self):
        """Whether the run went red: a test failed, or the file no longer imports."""
        return self.collection_failed or any(t["outcome"] == "failed" for t in self.ran())


def outcome(name, doc):
    return {"name": name, "doc": doc, "outcome": "not run", "details": "", "reason": ""}


def short_reason(report):
    """pytest's one-line account of a failure: "assert 38.4 > 40", "KeyError: 'ages'"."""
    crash = getattr(report.longrepr, "reprcrash", None)
    lines = crash.message.splitlines() if crash else report.longreprtext.splitlines()
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    first = next(iter(errors or lines), "")
    return first.removeprefix("AssertionError: ")


def run_checks(path, folder):
    """Run pytest on one file, quietly, with short tracebacks (a failed check shows pytest's
    explanation): its Outcomes, with what pytest printed."""
    outcomes = Outcomes()
    printed = StringIO()
    with redirect_stdout(printed):
        run_pytest(path, folder, outcomes, traceback_style="short")
    if outcomes.interrupted:
        raise KeyboardInterrupt  # Stop ends the whole Check, not one of its pytest runs
    outcomes.printed = printed.getvalue()
    return outcomes


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


def check(text, result, details="", code=""):
    item = {"text": text, "passed": result == PASSED, "outcome": result, "details": details}
    return {**item, "code": code} if code else item


def summarised(checks):
    passed = sum(check["passed"] for check in checks)
    total = len(checks)
    summary = f"All {total} checks pass" if passed == total else f"{passed} of {total} checks pass"
    return {"checks": checks, "summary": summary, "passed": passed, "total": total}


def held_back(first, waiting, noun):
    """A report whose first check must be fixed before the `waiting` ones mean anything: they
    are "not checked yet", and the summary starts with what to fix."""
    checks = [first, *(check(f"not checked yet: {text}", NOT_CHECKED) for text in waiting)]
    report = summarised(checks)
    count = f"{len(waiting)} {noun}{'s' if len(waiting) != 1 else ''}"
    text = first["text"]
    report["summary"] = f"{text[:1].upper()}{text[1:]} — fix this first; {count} not checked yet"
    return report


def blocked_by(found, waiting, noun):
    """A report for reader's code that stops before it runs (a diagnosis), said first."""
    first = check(found["summary"], FAILED, code=found["excerpt"])
    return {**held_back(first, waiting, noun), "diagnosis": found}


def grader_failure(error):
    what = "".join(traceback.format_exception_only(error)).strip()
    first = check("the grader could not run your code (not your mistake)", FAILED, details=what)
    return {**summarised([first]), "summary": f"The grader failed, not your code: {what}"}


def error_on_import(path, code):
    """The reader's file imported in a module of its own, as pytest imports it, then forgotten:
    (a diagnosis of what it raised or None, the module or None)."""
    spec = importlib.util.spec_from_file_location(f"reader_{uuid.uuid4().hex[:8]}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        with redirect_stdout(StringIO()):
            spec.loader.exec_module(module)
    except (Exception, SystemExit) as error:  # pytest too reports either as a collection error
        return raised(error, code, str(path)), None
    return None, module


def not_importable(outcomes, path, code, waiting, noun, needed=()):
    """Why pytest could not import the reader's file: what it raised, or a name that the
    checks need and it lacks (pytest's words only when neither)."""
    found, module = error_on_import(path, code)
    if found:
        return blocked_by(found, waiting, noun)
    missing = sorted(name for name in needed if not hasattr(module, name))
    if missing:
        first = check(f"your code does not define {', '.join(missing)}, which the checks use",
                      FAILED)  # fmt: skip
    else:
        first = check("pytest could not import your code", FAILED, outcomes.printed[-3000:])
    return held_back(first, waiting, noun)


# --- Write code -------------------------------------------------------------------------


def grade_code(reader_code, checks_code, folder):
    """The checks on the reader's code, once it compiles and imports."""
    checks = ast.parse(checks_code).body
    waiting = [check_text(node.name, ast.get_docstring(node)) for node in checks
               if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]  # fmt: skip
    found = diagnose(reader_code)
    if found:
        return blocked_by(found, waiting, "check")
    reader = folder / f"{READER_MODULE}.py"
    reader.write_text(reader_code, encoding="utf-8")
    # A module name of its own per run: pytest reuses a module already imported under its name.
    checks_file = folder / f"test_checks_{folder.name}.py"
    checks_file.write_text(checks_code, encoding="utf-8")
    with importable(folder, READER_MODULE, checks_file.stem):
        outcomes = run_checks(checks_file, folder)
        if outcomes.collection_failed:  # the checks could not import the reader's code
            needed = [alias.name for node in checks if isinstance(node, ast.ImportFrom)
                      and node.module == READER_MODULE for alias in node.names]  # fmt: skip
            return not_importable(outcomes, reader, reader_code, waiting, "check", needed)
    return summarised([
        check(test["doc"], PASSED if test["outcome"] == "passed" else FAILED, test["details"])
        for test in outcomes.tests.values()
    ])  # fmt: skip


# --- Write tests ------------------------------------------------------------------------


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


def grade_tests(reader_code, faults, folder):
    """The reader's tests on the real code, then, once they pass there, on each fault."""
    found = diagnose(reader_code)
    if found:
        return blocked_by(found, faults, "fault")
    path = reader_tests_path(folder, "real")
    real = run_reader_tests(reader_code, {}, path)
    if real.collection_failed:
        return not_importable(real, path, reader_code, faults, "fault")
    if not real.ran():
        return held_back(check("your code defines no test_ function", FAILED), faults, "fault")
    failing = [test for test in real.ran() if test["outcome"] == "failed"]
    if failing:
        reasons = "; ".join(f"{test['name']}: {test['reason']}" for test in failing)
        details = as_readers_file(failing[0]["details"], path)
        first = check(f"your tests fail on the real code: {reasons}", FAILED, details)
        return held_back(first, faults, "fault")
    return mutation_report({
        fault: run_reader_tests(reader_code, replacements, reader_tests_path(folder, index))
        for index, (fault, replacements) in enumerate(faults.items())
    })  # fmt: skip


def as_readers_file(text, path):
    """`text` with `path` (the grader's copy of the reader's tests) named as the reader's code.
    pytest writes the path absolute or relative to where it was started, whichever is shorter;
    the file's name is unique to this run, so any path ending in it is that file."""
    return re.sub(rf"[^\s:]*{re.escape(path.name)}", READERS_FILE, text)


def reader_tests_path(folder, run):
    return folder / f"test_reader_{folder.name}_{run}.py"  # a new name: nothing cached answers


def run_reader_tests(reader_code, replacements, path):
    """The reader's tests, written to `path`, run with `replacements` in place: Outcomes."""
    path.write_text(reader_code, encoding="utf-8")
    with replaced(replacements), importable(path.parent, path.stem):
        return run_checks(path, path.parent)


def mutation_report(results):
    """Tests that pass on the real code, against each fault: {fault: Outcomes}."""
    checks = [check("your tests pass on the real code", PASSED)]
    for fault, outcomes in results.items():
        caught = outcomes.caught()
        text = f"catches {fault}" if caught else f"misses {fault}: your tests pass on it"
        checks.append(check(text, PASSED if caught else FAILED))
    report = summarised(checks)
    missed = [fault for fault, outcomes in results.items() if not outcomes.caught()]
    caught = f"caught {len(results) - len(missed)} of {len(results)} faults"
    report["summary"] += f": {caught}" + (f" — missed: {', '.join(missed)}" if missed else "")
    return report


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
