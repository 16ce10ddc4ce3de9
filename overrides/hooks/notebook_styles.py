"""Notebook pages without mkdocs-jupyter's inlined JupyterLab CSS.

mkdocs-jupyter puts about 590 KB of JupyterLab theme CSS into every notebook page as <style>
blocks: on a phone that alone delays the first paint by seconds. The cells are styled instead by
overrides/assets/stylesheets/notebook.css with Material's own variables (both palettes), and
code cells carry Material's `highlight` class (mkdocs.yml: highlight_extra_classes) for colours.
"""

import re

INLINE_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S)


def without_inline_styles(html):
    return INLINE_STYLE.sub("", html)


def on_post_page(output, page, config):
    if page.file.src_uri.endswith(".ipynb"):
        return without_inline_styles(output)
    return output
