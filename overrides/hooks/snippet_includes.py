"""Fail the build at the exact page line whose `--8<--` include is broken.

pymdownx.snippets (with ``check_paths: true``) already stops on a missing file, but names only
the snippet, not the page and line that asked for it, and a missing named section silently
renders an empty block. This hook checks every include of every Markdown page first.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# `--8<-- "path/to/file.py:section"` on a line of its own; `;--8<--` is the escaped, literal form.
INCLUDE = re.compile(r"""^\s*--8<--\s+(["'])(?P<target>[^"']+)\1\s*$""")


def find_broken_includes(text, base_paths):
    """Yield (line number, message) for each include in ``text`` that does not resolve."""
    for number, line in enumerate(text.splitlines(), start=1):
        match = INCLUDE.match(line)
        if match:
            problem = check_include(match["target"], base_paths)
            if problem:
                yield number, problem


def check_include(target, base_paths):
    """Return why ``path[:section]`` cannot be included, or None when it can."""
    path, _, section = target.partition(":")
    candidates = [Path(base) / path for base in base_paths]
    found = next((candidate for candidate in candidates if candidate.is_file()), None)
    if found is None:
        return f'snippet "{path}" not found in {", ".join(map(str, base_paths))}'
    if section and not has_section(found.read_text(encoding="utf-8"), section):
        markers = f"--8<-- [start:{section}] ... [end:{section}]"
        return f'snippet "{path}" has no section "{section}" ({markers})'
    return None


def has_section(text, section):
    start = re.search(rf"--8<-- \[start:{re.escape(section)}\]", text)
    end = re.search(rf"--8<-- \[end:{re.escape(section)}\]", text)
    return bool(start and end and start.start() < end.start())


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    base_paths = config["mdx_configs"]["pymdownx.snippets"]["base_path"]
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    problems = [
        f"docs/{page.file.src_uri}:{n}: {why}"
        for n, why in find_broken_includes(source, base_paths)
    ]
    if problems:
        raise PluginError("Broken snippet include(s):\n  " + "\n  ".join(problems))
    return markdown
