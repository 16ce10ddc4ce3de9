"""What the course holds, read from its sources, so that tests follow the content.

Pages come from mkdocs.yml's nav, runnable blocks and their expected output from the pages and
the snippets they include, cards from what the build collected (drill/cards.json). A contributor
who adds a page, a snippet or a card the way the contributing page says changes what these
functions return, and no test needs an edit.

COURSE_PROJECT=<folder> points everything at another copy of the project (the contributor test
builds one with an extra lesson and runs the suite against it).
"""

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from course_build import exercises as exercise_files
from course_build.card_exports import CARDS_FILE
from course_build.exercises import CHECKS_SUFFIX, Exercise
from course_build.interview_cards import DRILL_ROOT
from course_build.nav import nav_entries
from course_build.pages import source_at
from course_build.runnable_blocks import runnable_block_sources
from course_build.snippet_sections import base_paths, printed_after
from mkdocs.config import load_config

PROJECT = Path(os.environ.get("COURSE_PROJECT") or Path(__file__).resolve().parents[1])
DOCS = PROJECT / "docs"
SNIPPETS = PROJECT / "snippets"
DEFINES_TEST = re.compile(r"^def test_\w*\s*\(", re.M)  # what pytest collects from a block


@cache
def course_config():
    return load_config(str(PROJECT / "mkdocs.yml"))


@dataclass(frozen=True)
class NavPage:
    title: str
    source: str  # path under docs/, as in mkdocs.yml
    url: str  # relative to the site root, as a browser asks for it


def page_url(source):
    """docs/lessons/x.md is served as lessons/x/, docs/index.md as the site root."""
    stem = source.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def nav_pages():
    """Every page of the navigation, in order."""
    return [NavPage(title, source, page_url(source))
            for title, source in nav_entries(course_config()["nav"])]  # fmt: skip


def markdown_pages():
    return [page for page in nav_pages() if page.source.endswith(".md")]


def page_source(page):
    """The page's Markdown as the build reads it (course_build/pages.py)."""
    return source_at(DOCS / page.source, f"docs/{page.source}")


def page_lines(page):
    return page_source(page).lines


@dataclass(frozen=True)
class RunnableBlock:
    page: NavPage
    number: int  # 1-based, in page order, as the page numbers its blocks
    snippet: str | None  # path under snippets/, when the block includes one
    section: str | None
    code: str
    expected_output: tuple  # lines the block prints (from the snippet's `# prints:` lines)
    is_exercise: bool  # an exercise's starter: it prints nothing, Check grades it

    @property
    def test_count(self):
        return len(DEFINES_TEST.findall(self.code))


def snippet_base_paths():
    return base_paths(course_config())


def runnable_blocks(page):
    """The page's ```python {.runnable} blocks, in order, as the build reads them."""
    return [
        RunnableBlock(page, block.number, block.snippet, block.section, block.code,
                      tuple(prints_lines(block.snippet, block.section)) if block.snippet else (),
                      block.is_exercise)
        for block in runnable_block_sources(page_source(page), snippet_base_paths())
    ]  # fmt: skip


def pages_with_runnable_blocks():
    return [page for page in markdown_pages() if runnable_blocks(page)]


def snippet_text(snippet):
    return (SNIPPETS / snippet).read_text(encoding="utf-8")


def example_files():
    """Every example file under snippets/: not the support package mlops_lab, nor the hidden
    checks of exercises (tests/exercises grades those)."""
    return sorted(
        path.relative_to(SNIPPETS).as_posix()
        for path in SNIPPETS.rglob("*.py")
        if path.relative_to(SNIPPETS).parts[0] != "mlops_lab"
        and not path.name.endswith(CHECKS_SUFFIX)
    )


@dataclass(frozen=True)
class PageExercise:
    page: NavPage
    exercise: Exercise  # id, line, starter, solution, checks (overrides/hooks/exercises.py)


def exercises():
    """Every exercise of every page, its files read as the build reads them."""
    found = []
    for page in markdown_pages():
        source = page_source(page)
        page_found, problems = exercise_files.page_exercises(source, snippet_base_paths())
        assert not problems, problems  # the build reports them at their lines
        found += [PageExercise(page, exercise) for exercise in page_found]
    return found


def prints_lines(snippet, section):
    """The `# prints:` lines right after the section's end marker."""
    return printed_after(snippet_text(snippet), section)


def question_card_ids_in_sources(page):
    """Ids of the `/// details` question cards written in a page's Markdown."""
    return [card.options["attrs"]["id"] for card in page_source(page).details("question")]


def mermaid_diagram_count(page):
    return sum(fence.language == "mermaid" for fence in page_source(page).fences)


def drill_page():
    """The page that holds the interview drill."""
    return next(p for p in markdown_pages() if f'id="{DRILL_ROOT}"' in "\n".join(page_lines(p)))


def built_cards(site):
    """The cards the build collected, in the drill's order, as the drill reads them."""
    cards_file = site / drill_page().url / CARDS_FILE
    return json.loads(cards_file.read_text(encoding="utf-8"))["cards"]


def exercise_block(found):
    """The runnable block a page exercise's starter fills: a page's exercises and its exercise
    blocks come in the same order."""
    page_exercise_ids = [other.exercise.id for other in exercises() if other.page == found.page]
    blocks = [block for block in runnable_blocks(found.page) if block.is_exercise]
    block = blocks[page_exercise_ids.index(found.exercise.id)]
    assert block.code == found.exercise.starter, f"{found.exercise.id}: blocks out of order"
    return block


def nearest_example(found):
    """The lesson example closest above a page exercise: the last runnable block before its own
    that is not an exercise (None when the exercise comes first)."""
    own = exercise_block(found)
    above = [b for b in runnable_blocks(found.page) if b.number < own.number and not b.is_exercise]
    return above[-1] if above else None


def with_a_missing_colon(code):
    """`code` as a reader may mistype it, the colon of its first `def` line left out: (that
    code, the number of the line)."""
    lines = code.splitlines()
    number = next(i for i, line in enumerate(lines) if re.match(r"\s*def .*\):$", line))
    lines[number] = lines[number].removesuffix(":")
    return "\n".join(lines) + "\n", number + 1
