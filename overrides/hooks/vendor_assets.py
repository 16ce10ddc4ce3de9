"""Front-end packages the site serves itself (Mermaid, MathJax, Pyodide), copied from
node_modules/ into the site. Logic: course_build/vendor_assets.py."""

from pathlib import Path

from course_build import vendor_assets


def on_config(config):
    # mkdocs-jupyter loads MathJax from a CDN by default: point it at the vendored copy.
    mathjax = config["plugins"]["mkdocs-jupyter"].config
    mathjax["custom_mathjax_url"] = vendor_assets.mathjax_url(config["site_url"])
    return config


def on_post_build(config):
    vendor_assets.copy_into(Path(config["site_dir"]))
