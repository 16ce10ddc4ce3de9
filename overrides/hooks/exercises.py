"""Exercises: their files checked at the page line, solution and starter graded (cached), and
what the page and the drill need written beside the page. Logic: course_build/exercises.py."""

from pathlib import Path

from course_build import exercises
from course_build.pages import page_source
from course_build.problems import fail_on
from course_build.runnable_blocks import snippets_dir
from course_build.snippet_sections import base_paths

PROBLEMS = "Exercise problem(s)"


def page_exercises(page, config):
    source = page_source(page)
    if source is None:
        return []
    found, problems = exercises.page_exercises(source, base_paths(config))
    fail_on(problems, PROBLEMS)
    return found


def on_page_markdown(markdown, page, config, files):
    page_exercises(page, config)  # an incomplete exercise stops the build before rendering
    return markdown


def on_page_content(html, page, config, files):
    found = page_exercises(page, config)
    if not found:
        return html
    source_name = f"docs/{page.file.src_uri}"
    graded = exercises.grades(found, snippets_dir(config))
    fail_on([problem for exercise in found
             for problem in exercises.grading_problems(exercise, graded[exercise.id], source_name)],
            PROBLEMS)  # fmt: skip
    folder = Path(config["site_dir"]) / Path(page.file.dest_path).parent / exercises.FILES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return exercises.with_exercises(html, found, folder, source_name)
