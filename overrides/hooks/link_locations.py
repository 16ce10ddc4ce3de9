"""Puts docs/<page>.md:<line> in front of MkDocs' own broken-link and anchor warnings.
Logic: course_build/link_locations.py."""

from course_build import link_locations


def on_config(config):
    link_locations.install(config["docs_dir"])  # again on every `mkdocs serve` rebuild
    return config
