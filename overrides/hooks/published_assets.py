"""The site's own JavaScript and CSS, minified, in folders named by their content, so that a
host may cache them for good. Logic: course_build/published_assets.py.

`mkdocs serve` (make dev) serves the sources as written instead: readable while authoring, and
at URLs that stay put while it rebuilds."""

from pathlib import Path

from course_build import published_assets

serving = False  # set once per process, before any build


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


def on_post_build(config):
    if not serving:
        published_assets.publish(Path(config["site_dir"]))
