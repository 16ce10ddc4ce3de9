"""Where the build puts what the site serves itself: the one home of these paths (relative to
the site root), read by the hooks, the tests and the benchmark.

The browser modules find the runtime relative to their own URL
(overrides/assets/javascripts/python/python-session.js), which lands on PYODIDE_DIR, and the
runtime's folder there by its version, which the build writes into RUNTIME_VERSION_MODULE.
"""

import json
from pathlib import Path

VENDOR_DIR = "assets/vendor"  # front-end packages copied from node_modules/
PYODIDE_DIR = f"{VENDOR_DIR}/pyodide"  # the Python runtime (a folder per version), lock, wheels
PYODIDE_LOCK_FILE = f"{PYODIDE_DIR}/pyodide-lock.json"
WHEELS_FOLDER = "wheels"  # inside PYODIDE_DIR: wheels/<content hash>/<wheel>, as the lock says
WHEELS_DIR = f"{PYODIDE_DIR}/{WHEELS_FOLDER}"
MERMAID_DIR = f"{VENDOR_DIR}/mermaid"
MATHJAX_DIR = f"{VENDOR_DIR}/mathjax"
MATHJAX_SCRIPT = f"{MATHJAX_DIR}/tex-mml-chtml.js"
# Written by the build: the Pyodide version, which python-session.js needs to find the runtime.
RUNTIME_VERSION_MODULE = "assets/javascripts/python/runtime-version.js"


def pyodide_version(node_modules=Path("node_modules")):
    """The runtime's version as npm installed it (package.json pins it)."""
    package = node_modules / "pyodide" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def pyodide_runtime_dir(node_modules=Path("node_modules")):
    """The runtime itself (pyodide.mjs, its WebAssembly, the standard library): a folder named by
    its version, so hosts may cache its files for good. The lock file beside it is revalidated."""
    return f"{PYODIDE_DIR}/{pyodide_version(node_modules)}"
