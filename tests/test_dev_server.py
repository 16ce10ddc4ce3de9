"""`make dev` serves a copy of the course and rebuilds it on any source change: a snippet, an
included README section, the build library, a front-end asset."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from project_builds import project_environment

pytestmark = pytest.mark.slow


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def dev_server(project_copy):
    """(project folder, URL) of `scripts/dev_server.py` running on a copy of the course."""
    project = project_copy()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "scripts/dev_server.py", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=project_environment(project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_until(lambda: "Lesson 2" in fetch(url)), "the dev server never answered"
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert wait_until(lambda: fetch(url) == "", timeout=10), "mkdocs serve outlived dev_server.py"


def test_make_dev_rebuilds_on_every_kind_of_source_change(dev_server):
    project, url = dev_server
    lesson, contributing = url + "lessons/mlops-vs-devops/", url + "contributing/"
    changes = [
        (project / "snippets/lessons/mlops_vs_devops/deterministic_code.py",
         "# Always returns same output for same input", "# Edited in a snippet", lesson),
        (project / "README.md", "## Where things are", "## Where things live", contributing),
        (project / "overrides/course_build/interview_cards.py",
         'link.string = "Drill this card"', 'link.string = "Drill this card (edited)"', lesson),
        (project / "overrides/assets/stylesheets/course.css",
         "/* The site's one stylesheet", "/* Edited stylesheet",
         url + "assets/stylesheets/course.css"),
    ]  # fmt: skip
    for path, old, new, page in changes:
        edit(path, old, new)
        shown = new.split('"')[1] if new.startswith("link.string") else new.lstrip("#/* ")
        assert wait_until(lambda page=page, shown=shown: shown in fetch(page)), (
            f"an edit of {path.relative_to(project)} never reached {page}"
        )
