"""Fixtures of the browser tests (the browser and page fixtures are in tests/conftest.py).

Every test in this folder is marked `browser`: `make test-fast` leaves them out."""

from pathlib import Path

import pytest
from checked_pages import checked_pages
from deployments import deployed_page, deployment, second_build  # noqa: F401 - fixtures
from lesson_page import block, open_lesson, run_and_expect_recovery

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def lesson(page, site_url):
    """The lesson page, its runnable blocks mounted."""
    return open_lesson(page, site_url)


@pytest.fixture(scope="module")
def started_lesson(browser, site_url):
    """The lesson page, its Python started, shared by the tests of one module (in one process)
    that each set a block's code and run it: a Python start costs 4-5 s of CPU, and the snapshot
    it then makes as much again, once a module instead of once a test. The page's own checks
    (no JavaScript error, no request off the site) run once the module's tests are done."""
    pages = checked_pages(browser, site_url)
    page = open_lesson(next(pages), site_url)
    run_and_expect_recovery(page, block(page, 1))
    yield page
    next(pages, None)  # closes the page's context, then checks it
