"""The build draws what a page's blocks display, for readers without JavaScript, and fails on a
block that does not run."""

import pytest
from bs4 import BeautifulSoup
from course_build.runnable_blocks import BlockSource
from course_build.static_displays import with_displays
from mkdocs.exceptions import PluginError

BLOCK = '<div class="runnable"><pre>{}</pre></div>'
PAGE = "<p>Intro</p>" + BLOCK.format("a") + BLOCK.format("b")
BLOCKS = [BlockSource(1, None, None, "a"), BlockSource(2, None, None, "b")]
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 320"><title>T</title></svg>'
CHART = {"kind": "svg", "alt": "Accuracy", "svg": SVG, "svg_dark": SVG.replace("T", "D")}
TABLE = {"kind": "table", "alt": "Scores", "caption": "Scores", "head": ["model"],
         "rows": [["<b>v2</b>"]]}  # fmt: skip


def result(*displays, status="ok", traceback=""):
    return {"status": status, "traceback": traceback, "displays": list(displays)}


def test_a_blocks_charts_follow_it_as_image_files_for_each_palette(tmp_path):
    html = with_displays(PAGE, BLOCKS, [result(), result(CHART)], tmp_path, "docs/lab.md")
    soup = BeautifulSoup(html, "html.parser")
    second = soup.select("div.runnable")[1]
    figure = second.find_next_sibling()
    assert figure.name == "figure" and figure["class"] == ["block-displays"]
    images = figure.find_all("img")
    assert [image["src"] for image in images] == [
        "displays/block-2-1.svg", "displays/block-2-1-dark.svg"
    ]  # fmt: skip
    assert all(image["alt"] == "Accuracy" for image in images)
    assert (images[0]["width"], images[0]["height"]) == ("480", "320")
    assert (tmp_path / "block-2-1.svg").read_text() == SVG
    assert soup.select("div.runnable")[0].find_next_sibling().name == "div"  # nothing drawn


def test_a_table_is_rebuilt_from_its_text(tmp_path):
    html = with_displays(PAGE, BLOCKS, [result(TABLE), result()], tmp_path, "docs/lab.md")
    table = BeautifulSoup(html, "html.parser").select_one("figure.block-displays table")
    assert table.caption.get_text() == "Scores"
    assert [cell.get_text() for cell in table.find_all(["th", "td"])] == ["model", "<b>v2</b>"]
    assert table.find("b") is None


def test_a_block_that_fails_fails_the_build_naming_page_and_block(tmp_path):
    failed = result(status="error", traceback="ZeroDivisionError: division by zero\n")
    with pytest.raises(PluginError, match=r"docs/lab\.md: runnable block 2 failed at build time"):
        with_displays(PAGE, BLOCKS, [result(), failed], tmp_path, "docs/lab.md")


def test_the_real_build_fails_on_a_drawing_block_that_raises(build_with_page_edit):
    broken = "\n```python {.runnable}\nimport pygal\nraise ValueError('a broken lab')\n```\n"
    result_ = build_with_page_edit("labs/model-degradation.md", lambda text: text + broken)
    assert result_.returncode != 0
    assert "docs/labs/model-degradation.md: runnable block 5 failed at build time" in (
        result_.stderr
    )
    assert "ValueError: a broken lab" in result_.stderr
