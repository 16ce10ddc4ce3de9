"""Every interview drill card of the site, collected from the rendered pages once every page is
rendered and before any is written (MkDocs' `env` event); a malformed card fails the build at
its line. Logic: course_build/interview_cards.py."""

from pathlib import Path

from course_build import interview_cards
from course_build.nav import in_nav_order


def on_env(env, config, files):
    pages = [file.page for file in files.documentation_pages() if file.page.content]
    interview_cards.collect_into_drill(in_nav_order(pages, config["nav"]), Path(config["site_dir"]))
    return env
