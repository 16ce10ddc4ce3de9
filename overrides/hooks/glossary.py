"""The glossary's terms as tooltips on every page (docs/_includes/glossary.md), where a page
first uses each. Logic: course_build/glossary.py."""

from pathlib import Path

from course_build import glossary
from course_build.pages import read_text


def on_page_markdown(markdown, page, config, files):
    entries = glossary.glossary_entries(read_text(Path(config["docs_dir"]) / glossary.GLOSSARY))
    return markdown + "\n\n" + glossary.abbreviations(entries)


def on_page_content(html, page, config, files):
    return glossary.explained_at_first_use(html)
