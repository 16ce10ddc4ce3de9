"""Charts and tables the blocks of a page display, drawn at build time for readers without
JavaScript. Logic: course_build/static_displays.py."""

from pathlib import Path

from course_build import static_displays
from course_build.pages import page_source
from course_build.runnable_blocks import runnable_block_sources, snippets_dir
from course_build.snippet_sections import base_paths


def on_page_content(html, page, config, files):
    source = page_source(page)
    if source is None:
        return html
    blocks = runnable_block_sources(source, base_paths(config))
    if not static_displays.draws(blocks):
        return html
    folder = Path(config["site_dir"]) / Path(page.file.dest_path).parent
    folder = folder / static_displays.DISPLAYS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    results = static_displays.render_page(blocks, snippets_dir(config))
    return static_displays.with_displays(html, blocks, results, folder, source.name)
