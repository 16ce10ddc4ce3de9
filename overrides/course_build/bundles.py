"""Bundle the two front-end modules that import npm packages, with esbuild.

Everything else under overrides/assets/ is served as written. These two pull in libraries from
node_modules/ (versions pinned in package-lock.json), so esbuild turns each into one file, and
their sources (which import bare npm names a browser cannot resolve) are not published.
"""

import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ESBUILD = Path("node_modules/.bin/esbuild")
SOURCES = Path("overrides")
# entry point (under overrides/) -> bundle (under site/)
BUNDLES = {
    "assets/javascripts/python/code-editor.js": "assets/javascripts/python/code-editor.bundle.js",
    "assets/javascripts/drill/scheduler.js": "assets/javascripts/drill/scheduler.bundle.js",
}


def bundle(entry, outfile):
    if not ESBUILD.exists():
        raise PluginError(f"{ESBUILD} is missing: run `npm ci` (or `make build`) first.")
    command = [str(ESBUILD), str(entry), "--bundle", "--format=esm", "--minify",
               "--log-level=warning", f"--outfile={outfile}"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise PluginError(f"esbuild failed on {entry}:\n{result.stderr}")


def without_entry_points(files):
    """MkDocs' files without the bundles' sources, which import bare npm names a browser cannot
    resolve: only their bundles are published."""
    for entry in BUNDLES:
        source = files.get_file_from_path(entry)
        if source is not None:
            files.remove(source)
    return files


def write_bundles(site_dir):
    for entry, output in BUNDLES.items():
        bundle(SOURCES / entry, site_dir / output)
