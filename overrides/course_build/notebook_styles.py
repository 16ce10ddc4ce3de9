"""Notebook pages without what they do not use: JupyterLab's CSS, and MathJax when no notebook
has math.

- mkdocs-jupyter puts about 590 KB of JupyterLab theme CSS into every notebook page as <style>
  blocks: on a phone that alone delays the first paint by seconds. The cells are styled instead
  by the notebook section of overrides/assets/stylesheets/course.css with Material's variables
  (both palettes), and code cells carry Material's `highlight` class (mkdocs.yml:
  highlight_extra_classes).
- It also adds a MathJax loader to every page, which loads MathJax (half a second of main-thread
  work on a phone) on any page with a notebook. When no notebook has math, the loader is left
  out; a notebook with `$...$`, `\\(...\\)` or `\\[...\\]` in a Markdown cell brings it back.
"""

import json
import re
from pathlib import Path

INLINE_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S)
# mkdocs-jupyter's copy button: a <clipboard-copy> element whose script this site does not load
# (its markup is also invalid: an attribute named ","), and the hidden text it would copy.
COPY_BUTTON = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.S,
)
MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>", re.S)
MATH = re.compile(r"\$[^$\n]+\$|\\\(|\\\[")

def notebook_has_math(path):
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return any(
        MATH.search("".join(cell["source"])) for cell in cells if cell["cell_type"] == "markdown"
    )


def any_notebook_has_math(files):
    """Whether a notebook among MkDocs' files has math in a Markdown cell."""
    return any(notebook_has_math(f.abs_src_path) for f in files if f.src_uri.endswith(".ipynb"))


def trimmed(html, is_notebook, site_has_math):
    if is_notebook:
        html = COPY_BUTTON.sub("", INLINE_STYLE.sub("", html))
    if not site_has_math:
        html = MATHJAX_LOADER.sub("", html)
    return html
