"""Fail the build at the page line of a Markdown mistake that would otherwise render as text, or
of an include that does not resolve (course_build/authoring.py says which mistakes). Also has
the page show its examples of includes and section markers as written (course_build/pages.py)."""

from course_build import authoring
from course_build.pages import page_source, with_examples_as_written
from course_build.problems import fail_on
from course_build.snippet_sections import base_paths


def on_page_markdown(markdown, page, config, files):
    source = page_source(page)
    if source is None:
        return markdown
    fail_on(authoring.page_problems(source), "Markdown mistake(s)")
    fail_on(authoring.include_problems(source, base_paths(config)), "Broken snippet include(s)")
    return with_examples_as_written(markdown)
