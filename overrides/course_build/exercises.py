"""Exercises: code the reader completes in the page, graded there by real pytest.

Written in Markdown (the contributing page has a complete example) as a `/// details` block of
type `exercise`: the prompt, then a ```python {.runnable .exercise} block that includes the
`starter` section of snippets/exercises/<lesson>/<name>.py, then optional `/// details | Hint`
blocks of type `hint`. The same file has a `solution` section; <name>_checks.py beside it holds
the hidden checks (mlops_lab/_page/grading.py says how they are written).

The build (overrides/hooks/exercises.py)
- fails, at the page line of the exercise, when its solution section or checks file is missing;
- grades the solution (it must pass every check, so in a write-tests exercise it catches every
  fault) and the starter (it must fail one), with the grader the page uses, under CPython in a
  process of its own, cached by the content of everything that decides the grade;
- writes <page>/exercises/<id>.json (starter, solution, checks, hints) for the page (and the
  drill) to fetch on Check, and points the block at it (data-exercise, data-exercise-id);
- appends the solution, collapsed, for readers without JavaScript (the page hides it).
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from course_build.runnable_blocks import EXERCISE, run_course_module
from course_build.snippet_sections import find_snippet, first_include, section_lines, section_text

STARTER, SOLUTION = "starter", "solution"
CHECKS_SUFFIX = "_checks.py"
FILES_FOLDER = "exercises"  # beside the page: <page>/exercises/<id>.json
GRADES_CACHE = Path("build/exercise-grades")
GRADING_SECONDS = 300


@dataclass(frozen=True)
class Exercise:
    line: int  # of the `/// details` block in the page
    id: str
    starter: str
    solution: str
    checks: str


def page_exercises(source, base_paths):
    """Every exercise of a PageSource, its files read; (exercises, problems), a problem naming
    the line of an exercise whose files are incomplete."""
    found, problems = [], []
    for block in source.details(EXERCISE):
        inside = [fence for fence in source.fences_in(block) if EXERCISE in fence.classes]
        exercise_id = (block.options.get("attrs") or {}).get("id", "")
        try:
            found.append(read_exercise(block.line, exercise_id, inside, base_paths))
        except ValueError as problem:
            problems.append(f"{source.name}:{block.line}: exercise {exercise_id or '(no id)'} "
                            f"{problem}")  # fmt: skip
    return found, problems


def read_exercise(line, exercise_id, fences, base_paths):
    if len(fences) != 1:
        raise ValueError("needs exactly one ```python {.runnable .exercise} block")
    include = first_include(fences[0].body, fences[0].line + 1)
    if include is None or include.section != STARTER:
        raise ValueError(f'must include the "{STARTER}" section of its file ("name.py:{STARTER}")')
    path = find_snippet(include.snippet, base_paths)
    text = path.read_text(encoding="utf-8")
    if section_lines(text, SOLUTION) is None:
        raise ValueError(f'has no "{SOLUTION}" section in snippets/{include.snippet}')
    checks = path.with_name(path.stem + CHECKS_SUFFIX)
    if not checks.is_file():
        checks_file = Path(include.snippet).parent / checks.name
        raise ValueError(f"has no checks file: snippets/{checks_file}")
    return Exercise(line, exercise_id, section_text(text, STARTER), section_text(text, SOLUTION),
                    checks.read_text(encoding="utf-8"))  # fmt: skip


def grades(exercises, snippets_dir):
    """{exercise id: {"starter": report, "solution": report}}, from the cache or the grader."""
    key = hashlib.sha256(json.dumps([e.__dict__ for e in exercises]).encode())
    for path in sorted((snippets_dir / "mlops_lab").rglob("*.py")):  # the grader and the subjects
        key.update(path.read_bytes())
    cached = GRADES_CACHE / f"{key.hexdigest()[:24]}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    request = [{"id": e.id, "starter": e.starter, "solution": e.solution, "checks": e.checks}
               for e in exercises]  # fmt: skip
    graded = run_course_module(
        "mlops_lab._page.grading", request, snippets_dir, GRADING_SECONDS,
        "the exercises could not be graded",
    )  # fmt: skip
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(graded, encoding="utf-8")
    return json.loads(graded)


def grading_problems(exercise, graded, source_name):
    where = f"{source_name}:{exercise.line}: exercise {exercise.id}"
    solution, starter = graded["solution"], graded["starter"]
    failing = [check["text"] for check in solution["checks"] if not check["passed"]]
    problems = []
    if failing:
        problems.append(f"{where}: the solution fails a check: {'; '.join(failing)}")
    if starter["passed"] == starter["total"]:
        problems.append(f"{where}: the starter already passes every check: nothing to do")
    return problems


def solution_details(soup, exercise):
    """The reference solution, collapsed, for readers without JavaScript."""
    details = soup.new_tag("details", attrs={"class": "exercise-solution"})
    summary = soup.new_tag("summary")
    summary.string = "Solution"
    details.append(summary)
    # Marked up as the page's other listings are (a <code> in the <pre>), so it looks like them.
    listing = HtmlFormatter(cssclass="language-python highlight", wrapcode=True)
    code = highlight(exercise.solution, PythonLexer(), listing)
    details.append(BeautifulSoup(code, "html.parser"))
    return details


def with_exercises(html_text, exercises, folder, source_name):
    """The page's HTML with each exercise's block pointed at its files (written to `folder`) and
    its solution appended, collapsed."""
    soup = BeautifulSoup(html_text, "html.parser")
    for exercise in exercises:
        element = soup.find("details", id=exercise.id, class_=EXERCISE)
        block = element.select_one("div.runnable.exercise") if element else None
        if block is None:
            raise PluginError(
                f"{source_name}:{exercise.line}: exercise {exercise.id} is not on the page"
            )
        hints = [
            "".join(str(node) for node in hint.children if node.name != "summary").strip()
            for hint in element.select("details.hint")
        ]
        files = {"id": exercise.id, STARTER: exercise.starter, SOLUTION: exercise.solution,
                 "checks": exercise.checks, "hints": hints}  # fmt: skip
        (folder / f"{exercise.id}.json").write_text(json.dumps(files), encoding="utf-8")
        block["data-exercise"] = f"{FILES_FOLDER}/{exercise.id}.json"
        block["data-exercise-id"] = exercise.id
        element.append(solution_details(soup, exercise))
    return str(soup)
