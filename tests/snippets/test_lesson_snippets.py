"""Every example in snippets/ (lessons, labs) runs alone, prints what it says, and is on a page.

What a section prints is written in the snippet, right after the section's end marker
(`# prints: <a line it prints>`), so a new example needs no edit here. The snippets' own tests are
collected by pytest directly from snippets/.
"""

import re
import subprocess
import sys

import pytest
from course_content import (
    DOCS,
    PRINTS,
    PROJECT,
    SNIPPETS,
    course_config,
    example_files,
    pages_with_runnable_blocks,
    runnable_blocks,
    snippet_text,
)
from snippet_includes import INCLUDE, find_broken_includes

SNIPPETS_CONFIG = course_config()["mdx_configs"]["pymdownx.snippets"]
BASE_PATHS = [PROJECT / path for path in SNIPPETS_CONFIG["base_path"]]
EXAMPLES = example_files()
RUNNABLE_WITH_SNIPPET = [
    block
    for page in pages_with_runnable_blocks()
    for block in runnable_blocks(page)
    if block.snippet and not block.is_exercise  # an exercise's starter prints nothing
]


def page_includes():
    """(page, target) for every `--8<--` include line in the docs."""
    for page in sorted(DOCS.rglob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            match = INCLUDE.match(line)
            if match:
                yield page, match["target"]


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
    included = {target.partition(":")[0] for _, target in page_includes()}
    assert example in included, f"snippets/{example} is not included by any page in docs/"


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_sections_are_balanced(example):
    text = snippet_text(example)
    starts = re.findall(r"--8<-- \[start:([\w-]+)\]", text)
    ends = re.findall(r"--8<-- \[end:([\w-]+)\]", text)
    assert starts and starts == ends


def test_every_include_in_the_docs_resolves():
    broken = [
        f"{page.relative_to(PROJECT)}:{line}: {why}"
        for page in sorted(DOCS.rglob("*.md"))
        for line, why in find_broken_includes(page.read_text(encoding="utf-8"), BASE_PATHS)
    ]
    assert broken == []
    assert len(list(page_includes())) >= len(EXAMPLES)
