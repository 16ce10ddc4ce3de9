"""Every example in snippets/ (lessons, labs) runs alone, prints what it says, and is on a page.

What a section prints is written in the snippet, right after the section's end marker
(`# prints: <a line it prints>`), so a new example needs no edit here. The snippets' own tests are
collected by pytest directly from snippets/.
"""

import subprocess
import sys

import pytest
from course_build.authoring import include_problems
from course_build.pages import source_at
from course_build.snippet_sections import PRINTS, markers
from course_content import (
    DOCS,
    SNIPPETS,
    example_files,
    pages_with_runnable_blocks,
    runnable_blocks,
    snippet_base_paths,
    snippet_text,
)

EXAMPLES = example_files()
RUNNABLE_WITH_SNIPPET = [
    block
    for page in pages_with_runnable_blocks()
    for block in runnable_blocks(page)
    if block.snippet and not block.is_exercise  # an exercise's starter prints nothing
]


def doc_sources():
    """Every Markdown file of docs/ (pages and included fragments), as the build reads them."""
    return [source_at(path, path.relative_to(DOCS.parent).as_posix())
            for path in sorted(DOCS.rglob("*.md"))]  # fmt: skip


def page_includes():
    """Every `--8<--` include of the docs."""
    return [include for source in doc_sources() for include in source.includes]


def printed_lines(example):
    """Every `# prints:` line of the file: running it as a script prints all of them."""
    return [m["text"] for m in map(PRINTS.match, snippet_text(example).splitlines()) if m]


@pytest.mark.parametrize(
    "block", RUNNABLE_WITH_SNIPPET, ids=lambda b: f"{b.page.source}#{b.number}"
)
def test_every_runnable_section_says_what_it_prints(block):
    assert block.expected_output, (
        f"snippets/{block.snippet}: section '{block.section}' is a runnable block on "
        f"docs/{block.page.source} but does not say what it prints: add a line "
        f"`# prints: <a line it prints>` right after `# --8<-- [end:{block.section}]`"
    )


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_runs_as_a_script_and_prints_what_it_says(example):
    result = subprocess.run(
        [sys.executable, SNIPPETS / example], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    missing = [line for line in printed_lines(example) if line not in result.stdout]
    assert missing == [], f"snippets/{example} printed:\n{result.stdout}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_is_included_by_a_page(example):
    included = {include.snippet for include in page_includes()}
    assert example in included, f"snippets/{example} is not included by any page in docs/"


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_sections_are_balanced(example):
    found = markers(snippet_text(example))
    starts = [name for kind, name in found if kind == "start"]
    ends = [name for kind, name in found if kind == "end"]
    assert starts and starts == ends


def test_every_include_in_the_docs_resolves():
    broken = [why for source in doc_sources()
              for why in include_problems(source, snippet_base_paths())]  # fmt: skip
    assert broken == []
    assert len(list(page_includes())) >= len(EXAMPLES)
