"""Copy the front-end packages the site serves itself from node_modules/ into the built site.

The site must load nothing from another origin, so Mermaid, MathJax and Pyodide are served from
site/assets/vendor/ (MathJax only while a page loads it). Versions are pinned once, in
package.json / package-lock.json.
"""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from course_build.site_layout import MATHJAX_SCRIPT, VENDOR_DIR, pyodide_runtime_dir

NODE_MODULES = Path("node_modules")
RUNTIME = "<the Pyodide runtime's folder>"  # a destination named by the version installed

# (source inside node_modules, destination inside site/assets/vendor, glob of files to copy)
VENDORED = [
    ("mermaid/dist", "mermaid", "mermaid.esm.min.mjs"),
    ("mermaid/dist", "mermaid", "chunks/mermaid.esm.min/*.mjs"),
    # MathJax 3 loads its fonts and extensions relative to its own script, so all stay local.
    ("mathjax/es5", "mathjax", "tex-mml-chtml.js"),
    *[("mathjax/es5", "mathjax", f"{folder}/**/*.js") for folder in ["a11y", "input", "ui"]],
    ("mathjax/es5", "mathjax", "sre/mathmaps/*.json"),
    ("mathjax/es5", "mathjax", "output/chtml/**/*.js"),
    ("mathjax/es5", "mathjax", "output/chtml/fonts/woff-v2/*.woff"),
    # The Pyodide core runtime; python_runtime.py adds the wheels and lock file beside it.
    *[
        ("pyodide", RUNTIME, name)
        for name in ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
    ],
]


def copy_vendored(node_modules, vendor_dir, leave_out=()):
    runtime = pyodide_runtime_dir(node_modules).removeprefix(f"{VENDOR_DIR}/")
    for source, destination, pattern in VENDORED:
        if destination in leave_out:
            continue
        destination = runtime if destination == RUNTIME else destination
        source_dir = node_modules / source
        matches = sorted(source_dir.glob(pattern))
        if not matches:
            raise PluginError(
                f"{source_dir}/{pattern} is missing: run `npm ci` (or `make build`) first."
            )
        for path in matches:
            target = vendor_dir / destination / path.relative_to(source_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def pages_load_mathjax(site_dir):
    pages = site_dir.rglob("*.html")
    return any(MATHJAX_SCRIPT in page.read_text(encoding="utf-8") for page in pages)


def mathjax_url(site_url):
    """The vendored MathJax as a root-relative URL that includes the deployment's path, so it
    resolves from any page, also after instant navigation."""
    site_path = urlsplit(site_url or "/").path.rstrip("/")
    return f"{site_path}/{MATHJAX_SCRIPT}"


def copy_into(site_dir):
    """Copy the vendored packages into the built site; MathJax (7.7 MB) only when a page loads
    it (notebook_styles.py leaves its loader out while no notebook has math)."""
    leave_out = () if pages_load_mathjax(site_dir) else ("mathjax",)
    copy_vendored(NODE_MODULES, site_dir / VENDOR_DIR, leave_out)
