"""Where the build puts what the site serves itself: the one home of these paths (relative to
the site root), read by the hooks, the tests and the benchmark.

The browser modules find the runtime relative to their own URL
(overrides/assets/javascripts/python/python-session.js), which lands on PYODIDE_DIR.
"""

VENDOR_DIR = "assets/vendor"  # front-end packages copied from node_modules/
PYODIDE_DIR = f"{VENDOR_DIR}/pyodide"  # the Python runtime, its lock file and wheels
PYODIDE_LOCK_FILE = f"{PYODIDE_DIR}/pyodide-lock.json"
WHEELS_FOLDER = "wheels"  # inside PYODIDE_DIR: wheels/<content hash>/<wheel>, as the lock says
WHEELS_DIR = f"{PYODIDE_DIR}/{WHEELS_FOLDER}"
MERMAID_DIR = f"{VENDOR_DIR}/mermaid"
MATHJAX_DIR = f"{VENDOR_DIR}/mathjax"
MATHJAX_SCRIPT = f"{MATHJAX_DIR}/tex-mml-chtml.js"
