"""One source per page: read once while unchanged, scanned once, shared by every hook; its
examples of includes and section markers shown as written; and a whole build opens each page's
Markdown at most three times."""

import json
import subprocess
import sys

import pytest
from course_build.pages import PageSource, source_at, with_examples_as_written
from course_content import PROJECT, markdown_pages
from project_builds import project_environment

PAGE = """# Page

```python {.runnable}
--8<-- "lessons/a.py:example"
```

````markdown
```python
--8<-- "lessons/b.py:example"
```
````

/// details | Q: "Why?"
    type: question

Because.
///
"""


def test_a_page_source_knows_its_fences_blocks_and_includes():
    source = PageSource("docs/page.md", PAGE)
    assert [fence.language for fence in source.fences] == ["python", "markdown"]
    [card] = source.details("question")
    assert (card.line, card.end_line, source.fences_in(card)) == (13, 17, [])
    assert [(i.line, i.snippet, i.section) for i in source.includes] == [
        (4, "lessons/a.py", "example")
    ]  # the include inside the Markdown example is part of the example


def test_examples_of_includes_and_markers_are_shown_as_written():
    page = PAGE + "\n```python\n# --8<-- [start:starter]\nx = 1\n# --8<-- [end:starter]\n```\n"
    shown = with_examples_as_written(page).splitlines()
    assert '--8<-- "lessons/a.py:example"' in shown  # a real include stays one
    assert ';--8<-- "lessons/b.py:example"' in shown
    assert "# ;--8<-- [start:starter]" in shown and "# ;--8<-- [end:starter]" in shown


def test_a_page_is_read_once_while_unchanged_and_again_once_edited(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("# One\n", encoding="utf-8")
    first = source_at(path, "docs/page.md")
    assert source_at(path, "docs/page.md") is first
    path.write_text("# Two, longer\n", encoding="utf-8")
    assert source_at(path, "docs/page.md").lines == ["# Two, longer"]


# Counts, inside a real `mkdocs build`, how often each Markdown file of docs/ is opened.
COUNT_OPENS = """
import collections, json, sys
from mkdocs.__main__ import cli
opens = collections.Counter()
def count(event, args):
    if event == "open" and str(args[0]).endswith(".md") and "/docs/" in str(args[0]):
        opens[str(args[0])] += 1
sys.addaudithook(count)
sys.argv = ["mkdocs", "build", "--strict", "--quiet", "--site-dir", sys.argv[1]]
try:
    cli()
finally:
    print(json.dumps(opens))
"""


@pytest.mark.build
def test_one_build_opens_each_page_at_most_three_times(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", COUNT_OPENS, str(tmp_path / "site")],
        cwd=PROJECT, env=project_environment(PROJECT), capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    opens = json.loads(result.stdout.splitlines()[-1])
    for page in markdown_pages():
        assert 1 <= opens[str(PROJECT / "docs" / page.source)] <= 3, (page.source, opens)
