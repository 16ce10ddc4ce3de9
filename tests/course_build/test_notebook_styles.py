"""The notebook hook: JupyterLab's inline CSS goes, and the MathJax loader only when unused."""

import json

from course_build.notebook_styles import notebook_has_math, trimmed

PAGE = (
    "<style>.jupyter-wrapper{}</style><p>cell</p>"
    '<script data-mkdocs-jupyter-mathjax="{}">load()</script><script>keep()</script>'
)


def notebook(tmp_path, markdown):
    cells = [
        {"cell_type": "markdown", "source": [markdown]},
        {"cell_type": "code", "source": ["x = '$a$'"]},
    ]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    return path


def test_math_is_found_in_markdown_cells_only(tmp_path):
    assert notebook_has_math(notebook(tmp_path, "Loss $L = (y - \\hat y)^2$"))
    assert notebook_has_math(notebook(tmp_path, "Display \\[x\\]"))
    assert not notebook_has_math(notebook(tmp_path, "No maths here"))


def test_notebook_pages_lose_inline_css_and_unused_mathjax():
    assert trimmed(PAGE, True, site_has_math=False) == "<p>cell</p><script>keep()</script>"
    assert "load()" in trimmed(PAGE, True, site_has_math=True)
    assert "<style>" in trimmed(PAGE, False, site_has_math=True)
