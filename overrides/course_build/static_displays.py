"""Readers without JavaScript see the charts and tables a page's blocks display.

For a page whose runnable blocks draw (they import pygal or call show()), the build runs its
blocks in order, as the page would, with the same runner the page uses (mlops_lab._page.runner,
in a process of its own, under CPython), writes each chart as an SVG file beside the page and
puts it right after its block. When a reader runs the block, the block draws it afresh.

A block that fails here fails the build, naming the page and the block. The hook:
overrides/hooks/static_displays.py.
"""

import json
import re

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from course_build.runnable_blocks import run_course_module

DRAWS = re.compile(r"^\s*(import pygal|from pygal)|\bshow\(", re.M)
DISPLAYS_FOLDER = "displays"  # beside the page: <page>/displays/block-<n>-<k>.svg
VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')
RENDER_SECONDS = 300


def render_page(blocks, snippets_dir):
    """What each block displays: mlops_lab._page.runner's render_page, run in a new process."""
    request = [{"code": b.code, "filename": f"<code block {b.number}>"} for b in blocks]
    rendered = run_course_module(
        "mlops_lab._page.runner", request, snippets_dir, RENDER_SECONDS,
        "the page's blocks could not be run",
    )  # fmt: skip
    return json.loads(rendered)


def figure_for(soup, displays, folder, block_number):
    """<figure class="block-displays"> holding the block's displays, their files written."""
    figure = soup.new_tag("figure", attrs={"class": "block-displays"})
    for index, item in enumerate(displays, start=1):
        name = f"block-{block_number}-{index}"
        if item["kind"] == "table":
            figure.append(table_tag(soup, item))
        elif item["kind"] == "svg":
            palettes = [("light", item["svg"])] + (
                [("dark", item["svg_dark"])] * bool(item["svg_dark"])
            )
            for palette, svg in palettes:
                filename = f"{name}{'-dark' if palette == 'dark' else ''}.svg"
                (folder / filename).write_text(svg, encoding="utf-8")
                figure.append(image_tag(soup, filename, item, palette, svg, len(palettes) > 1))
    return figure


def image_tag(soup, filename, item, palette, svg, has_dark):
    classes = f"display-{palette}" + (" display-has-dark" if has_dark else "")
    size = VIEWBOX.search(svg)
    attributes = {"src": f"{DISPLAYS_FOLDER}/{filename}", "alt": item["alt"], "class": classes,
                  "loading": "lazy", "decoding": "async"}  # fmt: skip
    if size:  # the page keeps the image's place before it loads
        attributes |= {"width": size[1], "height": size[2]}
    return soup.new_tag("img", attrs=attributes)


def table_tag(soup, item):
    """The table rebuilt from its cells' text (never the HTML it came from)."""
    table = soup.new_tag("table")
    if item["caption"]:
        caption = soup.new_tag("caption")
        caption.string = item["caption"]
        table.append(caption)
    for cells, tag in [(item["head"], "th")] + [(row, "td") for row in item["rows"]]:
        if not cells:
            continue
        row = soup.new_tag("tr")
        for text in cells:
            cell = soup.new_tag(tag)
            cell.string = text
            row.append(cell)
        table.append(row)
    return table


def with_displays(html, blocks, results, folder, source_name):
    soup = BeautifulSoup(html, "html.parser")
    elements = soup.select("div.runnable")
    if len(elements) != len(blocks):
        raise PluginError(f"{source_name}: {len(blocks)} runnable blocks, {len(elements)} drawn")
    for block, element, result in zip(blocks, elements, results, strict=True):
        if result["status"] != "ok":
            raise PluginError(
                f"{source_name}: runnable block {block.number} failed at build time:\n"
                f"{result['traceback']}"
            )
        if result["displays"]:
            element.insert_after(figure_for(soup, result["displays"], folder, block.number))
    return str(soup)


def draws(blocks):
    """Whether any of a page's blocks displays something (imports pygal, or calls show())."""
    return any(DRAWS.search(block.code) for block in blocks)
