"""Broken links and anchors fail the build with the page line of the link, not just the page."""

from course_build.link_locations import link_line


def test_the_line_of_a_markdown_or_html_link_is_found():
    page = '# T\n\nSee [it](../a.md#x) and <a href="b.md">b</a>.\n\n[ref]: c.md\n'
    assert link_line(page, "../a.md#x") == 3
    assert link_line(page, "b.md") == 3
    assert link_line(page, "c.md") == 5
    assert link_line(page, "d.md") is None


def test_the_real_build_names_the_line_of_each_broken_link_and_anchor(build_with_page_edit):
    links = ["[gone](../nowhere.md)", "[x](lessons/mlops-vs-devops.md#no-such)", "[y](#nope)"]
    edited = {}

    def add_links(text):
        edited["lines"] = (text + "\n" + "\n\n".join(links) + "\n").splitlines()
        return "\n".join(edited["lines"])

    result = build_with_page_edit("index.md", add_links)
    assert result.returncode != 0
    for link in links:
        target = link.split("(", 1)[1].rstrip(")")
        line = edited["lines"].index(link) + 1
        assert f"docs/index.md:{line}: Doc file 'index.md' contains a link '{target}'" in (
            result.stderr
        )
