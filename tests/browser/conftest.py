"""Fixtures of the browser tests (the browser and page fixtures are in tests/conftest.py)."""

import pytest
from lesson_page import open_lesson


@pytest.fixture
def lesson(page, site_url):
    """The lesson page, its runnable blocks mounted."""
    return open_lesson(page, site_url)
