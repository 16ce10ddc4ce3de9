"""Includes and named sections are read as pymdownx.snippets reads them; the include checker
names the page line of every broken include, and the real build fails."""

from course_build.authoring import include_problems
from course_build.pages import PageSource
from course_build.snippet_sections import (
    Include,
    first_include,
    include_problem,
    printed_after,
    section_text,
)

SNIPPET = """x = 1
# --8<-- [start:shown]
print(x)
# --8<-- [end:shown]
# prints: 1
"""


def write_snippet(tmp_path):
    (tmp_path / "example.py").write_text(SNIPPET, encoding="utf-8")
    return [tmp_path]


def broken_includes(page, base_paths):
    return include_problems(PageSource("docs/page.md", page), base_paths)


def test_existing_file_and_section_resolve(tmp_path):
    base = write_snippet(tmp_path)
    assert include_problem(Include(1, "example.py", ""), base) is None
    assert include_problem(Include(1, "example.py", "shown"), base) is None


def test_missing_file_is_reported_with_its_line(tmp_path):
    base = write_snippet(tmp_path)
    page = 'Intro\n\n```python\n--8<-- "missing.py:shown"\n```\n'
    assert broken_includes(page, base) == [
        f'docs/page.md:4: snippet "missing.py" not found in {tmp_path}'
    ]


def test_missing_section_is_reported(tmp_path):
    base = write_snippet(tmp_path)
    [why] = broken_includes('--8<-- "example.py:hidden"', base)
    assert why.startswith("docs/page.md:1: ")
    assert 'has no section "hidden"' in why


def test_section_end_before_start_is_not_a_section(tmp_path):
    (tmp_path / "odd.py").write_text("# --8<-- [end:s]\n# --8<-- [start:s]\n", encoding="utf-8")
    assert "has no section" in include_problem(Include(1, "odd.py", "s"), [tmp_path])


def test_escaped_include_is_ignored(tmp_path):
    assert broken_includes(';--8<-- "missing.py"', write_snippet(tmp_path)) == []


def test_an_include_inside_a_markdown_example_is_part_of_the_example(tmp_path):
    page = 'Like this:\n\n````markdown\n```python\n--8<-- "missing.py:example"\n```\n````\n'
    assert broken_includes(page, write_snippet(tmp_path)) == []


def test_a_section_is_its_lines_without_other_sections_markers():
    text = "a\n# --8<-- [start:outer]\nb\n# --8<-- [start:inner]\nc\n# --8<-- [end:inner]\n"
    text += "# --8<-- [end:outer]\nd\n"
    assert section_text(text, "outer") == "b\nc\n"
    assert section_text(text, "inner") == "c\n"
    assert section_text(text, "") == text


def test_markdown_sections_are_read_too():
    readme = "# R\n<!-- --8<-- [start:setup] -->\n## Set-up\n<!-- --8<-- [end:setup] -->\n"
    assert section_text(readme, "setup") == "## Set-up\n"


def test_what_a_section_prints_follows_its_end_marker():
    assert printed_after(SNIPPET, "shown") == ["1"]


def test_the_first_include_of_a_fence_body_carries_its_page_line():
    include = first_include(["# a comment", '--8<-- "example.py:shown"'], first_line=10)
    assert include == Include(11, "example.py", "shown")


def replace_line(number, new_line):
    def edit(text):
        lines = text.splitlines()
        lines[number - 1] = new_line
        return "\n".join(lines)

    return edit


MISSING_SNIPPET = '--8<-- "lessons/mlops_vs_devops/no_such_file.py:example"'


def test_the_real_build_fails_naming_the_page_line_of_a_missing_snippet(build_with_page_edit):
    result = build_with_page_edit("lessons/mlops-vs-devops.md", replace_line(11, MISSING_SNIPPET))
    assert result.returncode != 0
    assert "docs/lessons/mlops-vs-devops.md:11:" in result.stderr
    assert "no_such_file.py" in result.stderr
