"""The code of a page's runnable blocks, as pymdownx.snippets puts it into the page, and how the
build runs the course package's own modules on such code (`run_course_module`).

static_displays.py runs this code at build time; the tests read the course with it.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from course_build.snippet_sections import first_include, included_text

RUNNABLE = "runnable"  # the class of a ```python {.runnable} fence
EXERCISE = "exercise"  # and of an exercise's: ```python {.runnable .exercise}


@dataclass(frozen=True)
class BlockSource:
    number: int  # 1-based, in page order, as the page numbers its blocks
    snippet: str | None  # the included file (relative to a snippets base path), if any
    section: str | None
    code: str
    is_exercise: bool = False  # ```python {.runnable .exercise}: see exercises.py
    line: int = 0  # of the fence, in the page's source


def runnable_block_sources(source, base_paths):
    """Every ```python {.runnable} block of a PageSource, in order."""
    found = []
    for fence in source.fences:
        if RUNNABLE not in fence.classes:
            continue
        number, exercise = len(found) + 1, EXERCISE in fence.classes
        include = first_include(fence.body, fence.line + 1)
        if include is None:
            code = "\n".join(fence.body) + "\n"
            found.append(BlockSource(number, None, None, code, exercise, fence.line))
        else:
            code = included_text(include, base_paths)
            found.append(BlockSource(number, include.snippet, include.section or None, code,
                                     exercise, fence.line))  # fmt: skip
    return found


def snippets_dir(config):
    """The course package's folder (snippets/), which run_course_module runs modules of."""
    return Path(config["config_file_path"]).parent / "snippets"


def run_course_module(module, request, snippets_dir, seconds, failing):
    """`python -m module` of the course package (in `snippets_dir`), in a new process so the
    build's own imports stay clean, given `request` as JSON; returns what it prints (JSON).
    If it fails, the build stops with `failing` and the end of its error output."""
    result = subprocess.run(
        [sys.executable, "-m", module],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=seconds,
        env={"PYTHONPATH": str(snippets_dir), "PATH": ""},
    )
    if result.returncode:
        raise PluginError(f"{failing}:\n{result.stderr[-3000:]}")
    return result.stdout
