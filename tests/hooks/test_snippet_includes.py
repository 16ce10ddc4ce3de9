"""The include checker names the page line of every broken include, and the real build fails."""

from snippet_includes import check_include, find_broken_includes

SNIPPET = """x = 1
# --8<-- [start:shown]
print(x)
# --8<-- [end:shown]
"""


def write_snippet(tmp_path):
    (tmp_path / "example.py").write_text(SNIPPET, encoding="utf-8")
    return [tmp_path]


def test_existing_file_and_section_resolve(tmp_path):
    base = write_snippet(tmp_path)
    assert check_include("example.py", base) is None
    assert check_include("example.py:shown", base) is None


def test_missing_file_is_reported_with_its_line(tmp_path):
    base = write_snippet(tmp_path)
    page = 'Intro\n\n```python\n--8<-- "missing.py:shown"\n```\n'
    assert list(find_broken_includes(page, base)) == [
        (4, f'snippet "missing.py" not found in {tmp_path}')
    ]


def test_missing_section_is_reported(tmp_path):
    base = write_snippet(tmp_path)
    [(line, why)] = find_broken_includes('--8<-- "example.py:hidden"', base)
    assert line == 1
    assert 'has no section "hidden"' in why


def test_section_end_before_start_is_not_a_section(tmp_path):
    (tmp_path / "odd.py").write_text("# --8<-- [end:s]\n# --8<-- [start:s]\n", encoding="utf-8")
    assert "has no section" in check_include("odd.py:s", [tmp_path])


def test_escaped_include_is_ignored(tmp_path):
    assert list(find_broken_includes(';--8<-- "missing.py"', write_snippet(tmp_path))) == []


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
