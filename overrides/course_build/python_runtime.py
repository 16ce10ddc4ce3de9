"""Build what the in-page Python runtime loads, into site/assets/vendor/pyodide/.

- The runtime's version, for the page (RUNTIME_VERSION_MODULE): vendor_assets.py copies the
  runtime into a folder named by it, so that hosts may cache it for good.

- The course's support code (snippets/, the `mlops_lab` package) becomes a wheel, so readers
  import it in the page exactly as the tests do under CPython.
- pytest and its dependencies come as wheels pinned in uv.lock (`make setup` downloads them to
  build/pyodide-wheels/), for "Run tests" in the page.
- A Pyodide lock file, made by pyodide-build's `pyodide lockfile add-wheels`, then trimmed to
  list only the wheels this site serves. Pyodide's own lock points every other package at a CDN;
  leaving those out means a missing package is an error, never a download.
- Every wheel gets bytecode compiled by Pyodide itself under Node (scripts/precompile_wheels.mjs),
  cached in build/precompiled-wheels/ by the input wheel's hash.
- Wheels are stored under a folder named by their content hash, so a new build never meets a
  stale cached wheel whose checksum no longer matches the lock.
"""

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder
from mkdocs.exceptions import PluginError
from pyodide_lock import PyodideLockSpec

from course_build.site_layout import (
    PYODIDE_DIR,
    PYODIDE_LOCK_FILE,
    RUNTIME_VERSION_MODULE,
    WHEELS_FOLDER,
    pyodide_version,
)

PYODIDE_LOCK = Path("node_modules/pyodide/pyodide-lock.json")
WHEEL_PROJECTS = [Path("snippets")]
DOWNLOADED_WHEELS = Path("build/pyodide-wheels")
PRECOMPILED_WHEELS = Path("build/precompiled-wheels")
SERVED_LOCKS = Path("build/served-locks")  # lock files made before, by what they were made of
PRECOMPILER = Path(__file__).parents[2] / "scripts" / "precompile_wheels.mjs"
PYODIDE_CLI = Path(sys.executable).with_name("pyodide")  # from pyodide-build, in the same venv


def build_wheels(projects, out_dir):
    return [
        Path(wheel)
        for project in projects
        for wheel in WheelBuilder(str(project)).build(directory=str(out_dir), versions=["standard"])
    ]


def content_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def precompiled(wheels, cache_dir):
    """The wheels with Pyodide bytecode added, cached by each input wheel's hash.

    Which modules get bytecode depends on all the wheels together (a pytest run over them
    decides), so a single cache miss recompiles the whole set.
    """
    targets = {wheel: cache_dir / content_hash(wheel) / wheel.name for wheel in wheels}
    if all(target.exists() for target in targets.values()):
        return list(targets.values())
    with tempfile.TemporaryDirectory() as in_dir, tempfile.TemporaryDirectory() as out_dir:
        for wheel in wheels:
            shutil.copyfile(wheel, Path(in_dir) / wheel.name)
        result = subprocess.run(
            ["node", str(PRECOMPILER), in_dir, out_dir], capture_output=True, text=True
        )
        if result.returncode:
            # Node prints the failing module's source first; the reason is at the end.
            reason = "\n".join(result.stderr.splitlines()[-15:])
            raise PluginError(f"{PRECOMPILER.name} failed:\n{reason}")
        for wheel, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(out_dir) / wheel.name, target)
    return list(targets.values())


def place_wheels(wheels, runtime_dir):
    """Copy each wheel to wheels/<content hash>/<wheel name> under runtime_dir."""
    placed = []
    for wheel in wheels:
        target = runtime_dir / WHEELS_FOLDER / content_hash(wheel) / wheel.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, target)
        placed.append(target)
    return placed


def add_wheels(pyodide_lock, wheels, runtime_dir):
    """Pyodide's lock plus `wheels` (paths relative to runtime_dir), via pyodide-build's CLI."""
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "pyodide-lock.json"
        command = [
            str(PYODIDE_CLI),
            "lockfile",
            "add-wheels",
            "--input",
            str(pyodide_lock),
            "--output",
            str(output),
            "--base-path",
            str(runtime_dir),
            *map(str, wheels),
        ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode:
            raise PluginError(f"pyodide lockfile add-wheels failed:\n{result.stderr}")
        return PyodideLockSpec.from_json(output)


def served_lock(pyodide_lock, wheels, runtime_dir):
    """A lock spec holding exactly `wheels`, whose dependencies must all be among them."""
    full = add_wheels(pyodide_lock, wheels, runtime_dir)
    served = {
        name: spec
        for name, spec in full.packages.items()
        if spec.file_name.startswith(f"{WHEELS_FOLDER}/")
    }
    for name, spec in served.items():
        missing = [dep for dep in spec.depends if dep not in served]
        if missing:
            raise PluginError(f"{name} needs {', '.join(missing)}, which the site does not serve")
    full.packages = served
    return full


def cached_served_lock(pyodide_lock, wheels, runtime_dir, cache_dir):
    """served_lock's JSON, made once for each set of wheels (pyodide-build's CLI takes over a
    second to start): the wheels' paths hold their content hashes, so they say what they are."""
    key = hashlib.sha256(pyodide_lock.read_bytes())
    for wheel in wheels:
        key.update(wheel.relative_to(runtime_dir).as_posix().encode() + b"\0")
    cached = cache_dir / f"{key.hexdigest()[:24]}.json"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        served_lock(pyodide_lock, wheels, runtime_dir).to_json(cached)
    return cached


def write_runtime(site_dir):
    runtime_dir = site_dir / PYODIDE_DIR
    downloaded = sorted(DOWNLOADED_WHEELS.glob("*.whl"))
    if not downloaded:
        raise PluginError(f"{DOWNLOADED_WHEELS}/ has no wheels: run `make setup` first.")
    with tempfile.TemporaryDirectory() as build_dir:
        sources = [*build_wheels(WHEEL_PROJECTS, build_dir), *downloaded]
        wheels = place_wheels(precompiled(sources, PRECOMPILED_WHEELS), runtime_dir)
    lock = cached_served_lock(PYODIDE_LOCK, wheels, runtime_dir, SERVED_LOCKS)
    shutil.copyfile(lock, site_dir / PYODIDE_LOCK_FILE)
    write_runtime_version(site_dir / RUNTIME_VERSION_MODULE, pyodide_version())


def write_runtime_version(path, version):
    text = (
        "// Written by the build (overrides/course_build/python_runtime.py): the Pyodide version,\n"
        "// which names the runtime's folder (assets/vendor/pyodide/<version>/).\n"
        f"export const PYODIDE_VERSION = {json.dumps(version)};\n"
    )
    path.write_text(text, encoding="utf-8")
