"""Fixtures of the build library's tests: Markdown rendered exactly as the site renders it."""

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def render_markdown():
    """Markdown text -> HTML, with mkdocs.yml's extensions and their options."""
    config = load_config(str(ROOT / "mkdocs.yml"))

    def render(text):
        renderer = markdown.Markdown(
            extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
        )
        return renderer.convert(text)

    return render
