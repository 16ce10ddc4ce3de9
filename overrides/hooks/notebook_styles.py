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

site_has_math = True  # until on_files has looked


def notebook_has_math(path):
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return any(
        MATH.search("".join(cell["source"])) for cell in cells if cell["cell_type"] == "markdown"
    )


def on_files(files, config):
    global site_has_math
    notebooks = [file.abs_src_path for file in files if file.src_uri.endswith(".ipynb")]
    site_has_math = any(notebook_has_math(path) for path in notebooks)
    return files


def trimmed(html, is_notebook):
    if is_notebook:
        html = COPY_BUTTON.sub("", INLINE_STYLE.sub("", html))
    if not site_has_math:
        html = MATHJAX_LOADER.sub("", html)
    return html


def on_post_page(output, page, config):
    return trimmed(output, page.file.src_uri.endswith(".ipynb"))


def on_post_template(output_content, template_name, config):
    return trimmed(output_content, is_notebook=False)
