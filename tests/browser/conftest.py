"""Fixtures of the browser tests (the browser and page fixtures are in tests/conftest.py).

Every test in this folder is marked `browser`: `make test-fast` leaves them out."""

from pathlib import Path

import pytest
from deployments import deployed_page, deployment, second_build  # noqa: F401 - fixtures
from lesson_page import open_lesson

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def lesson(page, site_url):
    """The lesson page, its runnable blocks mounted."""
    return open_lesson(page, site_url)
