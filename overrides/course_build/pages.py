"""One source per Markdown page, read and scanned once and shared by every hook of a build.

Every hook that needs a page's Markdown (its lines, fences, `/// details` blocks, includes) asks
`page_source(page)`, which reads the file once and keeps it while the file is unchanged (so
`mkdocs serve` sees an edit at the next rebuild). Line numbers are the file's own, front matter
included, so every message can say docs/<page>.md:<line>.
"""

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from course_build.markdown_scan import blocks, code_fences
from course_build.snippet_sections import escaped, include_on, includes, marker_on

# A ```markdown fence shows Markdown as written (the contributing page's examples): the includes
# inside it are part of the example, not included into the page.
EXAMPLE_LANGUAGE = "markdown"


@dataclass(frozen=True, eq=False)
class PageSource:
    name: str  # docs/<page>.md, as messages name the page
    text: str

    @cached_property
    def lines(self):
        return self.text.splitlines()

    @cached_property
    def fences(self):
        return code_fences(self.lines)

    @cached_property
    def blocks(self):
        return blocks(self.lines, self.fences)

    def details(self, kind):
        """The `/// details` blocks of type `kind` (question, exercise, hint...), in page order."""
        return [b for b in self.blocks if b.name == "details" and b.options.get("type") == kind]

    def fences_in(self, block):
        """The fences inside a `///` block."""
        end = block.end_line or len(self.lines)
        return [fence for fence in self.fences if block.line < fence.line < end]

    @cached_property
    def includes(self):
        """Every include of the page, but those inside Markdown examples."""
        examples = example_lines(self.lines, self.fences)
        return [include for include in includes(self.lines) if include.line not in examples]


def example_lines(lines, fences):
    """Line numbers inside ```markdown fences."""
    inside = set()
    for fence in fences:
        if fence.language == EXAMPLE_LANGUAGE:
            inside.update(range(fence.line + 1, (fence.end_line or len(lines) + 1)))
    return inside


def with_examples_as_written(markdown):
    """A page's Markdown with what it shows as an example escaped, so that the page shows it as
    written and a contributor can copy it as written: the includes inside its Markdown examples,
    and every section marker (pymdownx.snippets reads markers only in included files, and
    removes those of the page itself)."""
    lines = markdown.split("\n")
    examples = example_lines(lines, code_fences(lines))

    def shown(number, line):
        return marker_on(line) or (number in examples and include_on(line, number))

    return "\n".join(escaped(line) if shown(number, line) else line
                     for number, line in enumerate(lines, start=1))  # fmt: skip


def page_source(page):
    """The PageSource of a Markdown page (a MkDocs Page), or None for a notebook."""
    if not page.file.src_uri.endswith(".md"):
        return None
    path = Path(page.file.abs_src_path)
    return source_at(path, f"docs/{page.file.src_uri}")


def source_at(path, name):
    """The PageSource of the Markdown file at `path`, named `name` in messages."""
    stat = path.stat()
    return _read(path, name, stat.st_mtime_ns, stat.st_size)


@cache
def _read(path, name, mtime_ns, size):
    return PageSource(name, path.read_text(encoding="utf-8"))


def read_text(path):
    """A source file's text (a shared fragment such as the glossary), read once while unchanged."""
    return source_at(Path(path), str(path)).text
