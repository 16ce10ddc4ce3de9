"""Shared fixtures: the site is built once per session from the current sources, served on a
free localhost port, and driven by Debian's Chromium through Playwright."""

import shutil
from pathlib import Path

import pytest
from checked_pages import checked_pages
from chromium import CHROMIUM, CHROMIUM_ARGS
from course_content import PROJECT
from project_builds import build_site
from serve_site import make_server

# Fixtures that build the course (the whole site, or a copy of the project): a test that uses one
# is a `build` test, left out of the unit tier (make test-unit).
BUILD_FIXTURES = {"served_site", "mkdocs_build", "project_copy"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BUILD_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.build)
    # The slow tests (the contributor's whole workflow: ~50 s) first: collected last, they ended
    # the parallel run with one process busy and the other core idle.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def mkdocs_build():
    return build_site


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(site directory, URL): built for the URL it is served at, since Material's instant
    navigation only handles links whose origin matches site_url."""
    site_dir = tmp_path_factory.mktemp("site")
    server = make_server(site_dir, port=0)
    result = build_site(PROJECT, site_dir, site_url=server.url)
    assert result.returncode == 0, result.stderr
    yield site_dir, server.start_in_background()
    server.stop()


@pytest.fixture(scope="session")
def site_url_without_headers(served_site):
    """The same site served without its _headers (no CSP, no isolation), as GitHub Pages serves
    it; its service worker is what isolates pages there."""
    server = make_server(served_site[0], port=0, with_headers=False)
    yield server.start_in_background()
    server.stop()


@pytest.fixture(scope="session")
def built_site(served_site):
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site):
    return served_site[1]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    yield from checked_pages(browser, site_url)


@pytest.fixture
def page_without_service_worker(browser, site_url_without_headers):
    """A page of the site served without isolation headers, in a browser without service workers
    (as Firefox's private windows are), so it is never cross-origin isolated."""
    pages = checked_pages(browser, site_url_without_headers)
    page = next(pages)
    page.context.add_init_script("delete Navigator.prototype.serviceWorker")
    yield page
    yield from pages


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory):
    """A throw-away copy of the project, for builds that must fail (broken links, includes)."""

    def copy():
        target = tmp_path_factory.mktemp("project")
        for name in ["docs", "overrides", "scripts", "snippets", "mkdocs.yml", "README.md"]:
            source = PROJECT / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, target / name)
        for shared in ["node_modules", "build"]:  # installed packages, downloaded wheels
            (target / shared).symlink_to((PROJECT / shared).resolve())
        return target

    return copy


@pytest.fixture
def build_with_file_edit(project_copy, tmp_path):
    """Build a copy of the project after `edit(text) -> text` on one of its files (a path
    relative to the project)."""

    def build(file_path, edit):
        project = project_copy()
        path = project / file_path
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        return build_site(project, tmp_path / "site")

    return build


@pytest.fixture
def build_with_page_edit(build_with_file_edit):
    """Build a copy of the project after `edit(text) -> text` on one of its pages."""
    return lambda page_path, edit: build_with_file_edit(Path("docs") / page_path, edit)
