"""Includes and named sections: the one reader of `--8<--` lines, for the build, the tests and the
benchmark, reading them the way pymdownx.snippets does.

A page includes a file, or one named section of it, on a line of its own:

    --8<-- "lessons/mlops_vs_devops/test_data_quality.py:example"

and the file marks the section with `--8<-- [start:example]` ... `--8<-- [end:example]` (in a
comment: `# --8<-- [start:example]` in Python, `<!-- --8<-- [start:setup] -->` in Markdown). The
section is the lines between the two markers, without any other section's markers inside it.
`;--8<--` is the escaped form: the line shows as written instead of including anything.
"""

import re
from dataclasses import dataclass
from pathlib import Path

# `--8<-- "path/to/file.py:section"` on a line of its own (leading white space allowed).
INCLUDE = re.compile(r"""^\s*(?P<escape>;*)--8<--\s+(["'])(?P<target>[^"']+)\2\s*$""")
SECTION_MARKER = re.compile(r"(?<!;)--8<-- \[\s*(?P<kind>start|end)\s*:\s*(?P<name>[\w-]+)\s*\]")
# What a section prints, written right after its end marker: `# prints: <a line it prints>`.
PRINTS = re.compile(r"^# prints: (?P<text>.*)$")


@dataclass(frozen=True)
class Include:
    line: int  # 1-based, in the page's source
    snippet: str  # the file, relative to a snippets base path
    section: str  # "" for the whole file


def include_on(line, number):
    """The Include a Markdown line asks for, or None (an escaped include asks for nothing)."""
    match = INCLUDE.match(line)
    if not match or match["escape"]:
        return None
    snippet, _, section = match["target"].partition(":")
    return Include(number, snippet, section)


def includes(lines, first_line=1):
    """Every include of these Markdown lines (numbered from `first_line`), in order."""
    found = (include_on(line, number) for number, line in enumerate(lines, start=first_line))
    return [include for include in found if include]


def first_include(lines, first_line=1):
    """The first include of these lines, or None."""
    return next(iter(includes(lines, first_line)), None)


def escaped(line):
    """The line with its include or section marker escaped: shown as written."""
    return line.replace("--8<--", ";--8<--", 1)


def marker_on(line):
    """(kind, name) of the section marker on a line ("start" or "end"), or None."""
    match = SECTION_MARKER.search(line)
    return (match["kind"], match["name"]) if match else None


def markers(text):
    """Every section marker of a file, in order: [(kind, name)]."""
    return [marker for marker in map(marker_on, text.splitlines()) if marker]


def section_lines(text, name):
    """The lines of section `name` (with their line ends), or None if the file has none: as
    pymdownx.snippets reads it, the first start marker to the next end marker, dropping the
    markers of other sections."""
    kept, inside = [], False
    for line in text.splitlines(keepends=True):
        marker = marker_on(line)
        if marker == ("end", name) and inside:
            return kept
        inside = inside or marker == ("start", name)
        if inside and not marker:
            kept.append(line)
    return None


def section_text(text, name):
    """The text of section `name` of a file's `text` (all of it when `name` is empty)."""
    if not name:
        return text
    lines = section_lines(text, name)
    if lines is None:
        raise ValueError(f'has no section "{name}"')
    return "".join(lines)


def printed_after(text, name):
    """The `# prints:` lines right after section `name`'s end marker."""
    lines = text.splitlines()
    end = next(i for i, line in enumerate(lines) if marker_on(line) == ("end", name))
    printed = []
    for line in lines[end + 1 :]:
        match = PRINTS.match(line)
        if not match:
            break
        printed.append(match["text"])
    return printed


def find_snippet(snippet, base_paths):
    """The file `snippet` names, in the first base path that has it, or None."""
    return next((Path(base) / snippet for base in base_paths if (Path(base) / snippet).is_file()),
                None)  # fmt: skip


def include_problem(include, base_paths):
    """Why `include` cannot be included, or None when it can."""
    found = find_snippet(include.snippet, base_paths)
    if found is None:
        return f'snippet "{include.snippet}" not found in {", ".join(map(str, base_paths))}'
    text = found.read_text(encoding="utf-8")
    if include.section and section_lines(text, include.section) is None:
        markers = f"--8<-- [start:{include.section}] ... [end:{include.section}]"
        return f'snippet "{include.snippet}" has no section "{include.section}" ({markers})'
    return None


def included_text(include, base_paths):
    """What the include puts into the page."""
    text = find_snippet(include.snippet, base_paths).read_text(encoding="utf-8")
    return section_text(text, include.section)


def base_paths(config):
    """Where pymdownx.snippets looks for included files (mkdocs.yml), as absolute paths."""
    project = Path(config["config_file_path"]).parent
    return [project / path for path in config["mdx_configs"]["pymdownx.snippets"]["base_path"]]
