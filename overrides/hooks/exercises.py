"""Exercises: code the reader completes in the page, graded there by real pytest.

Written in Markdown (the contributing page has a complete example) as a `/// details` block of
type `exercise`: the prompt, then a ```python {.runnable .exercise} block that includes the
`starter` section of snippets/exercises/<lesson>/<name>.py, then optional `/// details | Hint`
blocks of type `hint`. The same file has a `solution` section; <name>_checks.py beside it holds
the hidden checks (mlops_lab/_page/grading.py says how they are written).

The build
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

from authoring_checks import blocks, code_fences
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from runnable_sources import find_snippet, run_course_module, section_text, snippet_base_paths
from snippet_includes import INCLUDE

EXERCISE = "exercise"  # the details type, and the fence class, of an exercise
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


def page_exercises(text, base_paths, source_name):
    """Every exercise of a page's Markdown, its files read; PluginError naming the line of any
    exercise whose files are incomplete."""
    lines = text.splitlines()
    fences = code_fences(lines)
    found, problems = [], []
    for block in blocks(lines, fences):
        if block.name != "details" or block.options.get("type") != EXERCISE:
            continue
        end = block.end_line or len(lines)
        inside = [f for f in fences if block.line < f.line < end and EXERCISE in f.classes]
        exercise_id = (block.options.get("attrs") or {}).get("id", "")
        try:
            found.append(read_exercise(block.line, exercise_id, inside, base_paths))
        except ValueError as problem:
            problems.append(
                f"{source_name}:{block.line}: exercise {exercise_id or '(no id)'} {problem}"
            )
    if problems:
        raise PluginError("Exercise problem(s):\n  " + "\n  ".join(problems))
    return found


def read_exercise(line, exercise_id, fences, base_paths):
    if len(fences) != 1:
        raise ValueError("needs exactly one ```python {.runnable .exercise} block")
    include = next((m for m in map(INCLUDE.match, fences[0].body) if m), None)
    snippet, _, section = include["target"].partition(":") if include else ("", "", "")
    if section != STARTER:
        raise ValueError(f'must include the "{STARTER}" section of its file ("name.py:{STARTER}")')
    path = find_snippet(snippet, base_paths)
    text = path.read_text(encoding="utf-8")
    if f"# --8<-- [start:{SOLUTION}]" not in text:
        raise ValueError(f'has no "{SOLUTION}" section in snippets/{snippet}')
    checks = path.with_name(path.stem + CHECKS_SUFFIX)
    if not checks.is_file():
        raise ValueError(f"has no checks file: snippets/{Path(snippet).parent / checks.name}")
    return Exercise(line, exercise_id, section_text(path, STARTER), section_text(path, SOLUTION),
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
    code = highlight(exercise.solution, PythonLexer(), HtmlFormatter(cssclass="highlight"))
    details.append(BeautifulSoup(code, "html.parser"))
    return details


def with_exercises(html_text, exercises, folder, source_name):
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


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.endswith(".md"):
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        page_exercises(source, snippet_base_paths(config), f"docs/{page.file.src_uri}")
    return markdown


def on_page_content(html_text, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return html_text
    source_name = f"docs/{page.file.src_uri}"
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    exercises = page_exercises(source, snippet_base_paths(config), source_name)
    if not exercises:
        return html_text
    project = Path(config["config_file_path"]).parent
    graded = grades(exercises, project / "snippets")
    problems = [p for e in exercises for p in grading_problems(e, graded[e.id], source_name)]
    if problems:
        raise PluginError("Exercise problem(s):\n  " + "\n  ".join(problems))
    folder = Path(config["site_dir"]) / Path(page.file.dest_path).parent / FILES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return with_exercises(html_text, exercises, folder, source_name)
