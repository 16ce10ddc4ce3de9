"""Every code listing that may scroll sideways can be reached, and scrolled, by keyboard.
Logic: course_build/scrollable_code.py."""

from course_build import scrollable_code


def on_page_content(html, page, config, files):
    return scrollable_code.with_focusable_listings(html, page.file.src_uri.endswith(".ipynb"))
