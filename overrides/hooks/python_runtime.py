"""The in-page Python runtime: the course wheel, pytest's wheels, and a lock file listing only
what the site serves. Logic: course_build/python_runtime.py."""

from pathlib import Path

from course_build import python_runtime


def on_post_build(config):
    python_runtime.write_runtime(Path(config["site_dir"]))
