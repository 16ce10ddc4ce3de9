"""Markdown mistakes that Python-Markdown would silently show as plain text, each found in the
page's source and reported at its line.

A code fence that is never closed, a fence whose attributes it does not know (`{.runable}`) or
whose braces do not match, a `/// details` block that is never closed (the next card then nests
inside it), block options that are not valid YAML (the whole block shows as text), or the `???`
syntax of an extension this site does not enable.
"""

import re

from course_build.markdown_scan import outside_fences
from course_build.snippet_sections import include_problem

COLLAPSIBLE_ADMONITION = re.compile(r"^\s*\?\?\?\+?\s")


def source_problems(source):
    """(line, message) for each authoring mistake in a PageSource, in line order."""
    lines, fences = source.lines, source.fences
    problems = [(fence.line, why) for fence in fences for why in fence.problems]
    problems += [
        (fence.line, f"code fence {fence.marker} is never closed (add a line with {fence.marker})")
        for fence in fences
        if fence.end_line is None
    ]
    problems += [problem for block in source.blocks for problem in block.problems]
    problems += [
        (block.line, f"`/// {block.name}` block is never closed (add a line with ///)")
        for block in source.blocks
        if block.end_line is None
    ]
    problems += [
        (number, "`???` needs pymdownx.details, which this site does not enable: "
                 "write `/// details | Title` ... `///`")
        for number, line in outside_fences(lines, fences)
        if COLLAPSIBLE_ADMONITION.match(line)
    ]  # fmt: skip
    return sorted(problems)


def page_problems(source):
    """The mistakes of a page as messages: docs/<page>.md:<line>: <what is wrong>."""
    return [f"{source.name}:{line}: {why}" for line, why in source_problems(source)]


def include_problems(source, base_paths):
    """Each include of a PageSource that does not resolve, as a message at its line.
    pymdownx.snippets (with `check_paths: true`) stops on a missing file too, but names only the
    snippet, not the page and line; and a missing named section would render an empty block."""
    return [
        f"{source.name}:{include.line}: {why}"
        for include in source.includes
        if (why := include_problem(include, base_paths))
    ]
