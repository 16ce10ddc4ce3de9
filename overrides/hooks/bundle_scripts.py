"""The two front-end modules that import npm packages, bundled with esbuild (their sources are
not published). Logic: course_build/bundles.py."""

from pathlib import Path

from course_build import bundles


def on_files(files, config):
    return bundles.without_entry_points(files)


def on_post_build(config):
    bundles.write_bundles(Path(config["site_dir"]))
