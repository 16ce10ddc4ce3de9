"""The code of a page's runnable blocks, read from its Markdown and the snippet sections it
includes: what pymdownx.snippets puts into the page. Not a hook itself: static_displays.py
runs this code at build time, and the tests read the course with it. Also how the build runs
the course package's own modules on that code (`run_course_module`).
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from authoring_checks import code_fences
from mkdocs.exceptions import PluginError
from snippet_includes import INCLUDE

RUNNABLE = "runnable"  # the class of a ```python {.runnable} fence
EXERCISE = "exercise"  # and of an exercise's: ```python {.runnable .exercise}


@dataclass(frozen=True)
class BlockSource:
    number: int  # 1-based, in page order, as the page numbers its blocks
    snippet: str | None  # the included file (relative to a snippets base path), if any
    section: str | None
    code: str
    is_exercise: bool = False  # ```python {.runnable .exercise}: see exercises.py


def runnable_block_sources(text, base_paths):
    """Every ```python {.runnable} block of a page's Markdown `text`, in order."""
    found = []
    for fence in code_fences(text.splitlines()):
        if RUNNABLE not in fence.classes:
            continue
        target = next((m["target"] for m in map(INCLUDE.match, fence.body) if m), None)
        exercise = EXERCISE in fence.classes
        if target is None:
            code = "\n".join(fence.body) + "\n"
            found.append(BlockSource(len(found) + 1, None, None, code, exercise))
            continue
        snippet, _, section = target.partition(":")
        code = section_text(find_snippet(snippet, base_paths), section)
        found.append(BlockSource(len(found) + 1, snippet, section or None, code, exercise))
    return found


def snippet_base_paths(config):
    """Where pymdownx.snippets looks for included files (mkdocs.yml), as absolute paths."""
    project = Path(config["config_file_path"]).parent
    return [project / path for path in config["mdx_configs"]["pymdownx.snippets"]["base_path"]]


def find_snippet(snippet, base_paths):
    return next(Path(base) / snippet for base in base_paths if (Path(base) / snippet).is_file())


def section_text(path, section):
    """The lines between `# --8<-- [start:section]` and `[end:section]` (the file without one)."""
    text = Path(path).read_text(encoding="utf-8")
    if not section:
        return text
    body = text.split(f"# --8<-- [start:{section}]\n", 1)[1]
    return body.split(f"# --8<-- [end:{section}]", 1)[0]


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
