"""Code listings without spans that change nothing on screen (names, whitespace), each with its
number of lines (the height it takes before it is laid out). Logic: course_build/lean_code.py."""

from course_build import lean_code


def on_page_content(html, page, config, files):
    return lean_code.with_line_counts(lean_code.with_plain_tokens_unwrapped(html))
