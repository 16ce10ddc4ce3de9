"""The runtime hook builds the course wheel and a lock file that lists only what the site serves."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from course_build.published_assets import published_folder
from course_build.python_runtime import (
    DOWNLOADED_WHEELS,
    PYODIDE_LOCK,
    WHEEL_PROJECTS,
    build_wheels,
    place_wheels,
    precompiled,
    served_lock,
)
from course_build.site_layout import (
    PYODIDE_DIR,
    PYODIDE_LOCK_FILE,
    WHEELS_DIR,
    pyodide_runtime_dir,
    pyodide_version,
)
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def course_wheel(tmp_path_factory):
    [wheel] = build_wheels(
        [ROOT / project for project in WHEEL_PROJECTS], tmp_path_factory.mktemp("w")
    )
    return wheel


def test_course_wheel_holds_the_package_and_its_data(course_wheel):
    names = zipfile.ZipFile(course_wheel).namelist()
    assert "mlops_lab/sentiment.py" in names
    assert "mlops_lab/data/reviews.csv" in names
    assert "mlops_lab/data/users.csv" in names


def test_wheels_are_placed_under_their_content_hash(course_wheel, tmp_path):
    [placed] = place_wheels([course_wheel], tmp_path)
    assert placed.relative_to(tmp_path).parts[0] == "wheels"
    assert len(placed.parent.name) == 16
    assert placed.read_bytes() == course_wheel.read_bytes()


@pytest.mark.build  # pyodide-build's CLI writes the lock file
def test_lock_lists_only_served_wheels_with_checksums(course_wheel, tmp_path):
    [placed] = place_wheels([course_wheel], tmp_path)
    lock = served_lock(ROOT / PYODIDE_LOCK, [placed], tmp_path)
    assert list(lock.packages) == ["mlops-lab"]
    package = lock.packages["mlops-lab"]
    assert package.file_name == placed.relative_to(tmp_path).as_posix()
    assert package.imports == ["mlops_lab"]
    assert len(package.sha256) == 64
    assert lock.info.python.startswith("3.14")


@pytest.mark.build  # pyodide-build's CLI writes the lock file
def test_a_dependency_the_site_does_not_serve_fails_the_build(tmp_path):
    wheel = tmp_path / "needs_numpy-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("needs_numpy/__init__.py", "import numpy\n")
        archive.writestr(
            "needs_numpy-1.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: needs-numpy\nVersion: 1.0\nRequires-Dist: numpy\n",
        )
        archive.writestr(
            "needs_numpy-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nTag: py3-none-any\n"
        )
        archive.writestr("needs_numpy-1.0.dist-info/RECORD", "")
    [placed] = place_wheels([wheel], tmp_path)
    with pytest.raises(PluginError, match="needs-numpy needs numpy, which the site does not serve"):
        served_lock(ROOT / PYODIDE_LOCK, [placed], tmp_path)


def test_built_site_serves_the_runtime(built_site):
    runtime = built_site / pyodide_runtime_dir()
    for name in ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]:
        assert (runtime / name).is_file(), name
    lock = json.loads((built_site / PYODIDE_LOCK_FILE).read_text())
    for package in lock["packages"].values():
        assert (built_site / PYODIDE_DIR / package["file_name"]).is_file()
        assert not package["file_name"].startswith("http")
    scripts = published_folder(built_site, "javascripts")
    assert (scripts / "python/code-editor.bundle.js").stat().st_size > 100_000
    # The page finds the runtime's folder by the version the build wrote for it.
    version = (scripts / "python/runtime-version.js").read_text()
    assert f'PYODIDE_VERSION="{pyodide_version()}"' in version


def served_wheel(site, prefix):
    [wheel] = (site / WHEELS_DIR).glob(f"*/{prefix}-*.whl")
    return zipfile.ZipFile(wheel)


def test_served_wheels_carry_bytecode_for_what_a_test_run_imports(built_site):
    pytest_wheel = served_wheel(built_site, "pytest")
    names = pytest_wheel.namelist()
    assert "_pytest/__pycache__/main.cpython-314.pyc" in names
    record = pytest_wheel.read("pytest-9.2.0.dist-info/RECORD").decode()
    assert "_pytest/__pycache__/main.cpython-314.pyc,," in record
    # Unchecked-hash pycs (PEP 552 flags = 0b01): valid whatever the installed files' mtimes.
    pyc = pytest_wheel.read("_pytest/__pycache__/main.cpython-314.pyc")
    assert int.from_bytes(pyc[4:8], "little") == 0b01
    # Only modules a pytest run imports: pygments ships hundreds of lexers pytest never loads.
    pygments_pycs = [
        n for n in served_wheel(built_site, "pygments").namelist() if n.endswith(".pyc")
    ]
    assert 0 < len(pygments_pycs) < 60
    assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in pytest_wheel.infolist())


@pytest.mark.slow  # the precompiler runs pytest in Pyodide under Node
def test_a_changed_course_wheel_recompiles_with_the_cached_pytest_wheels(tmp_path):
    """Editing mlops_lab must not break the build once pytest's wheels are in the cache."""
    cache = tmp_path / "cache"
    downloaded = sorted((ROOT / DOWNLOADED_WHEELS).glob("*.whl"))
    original = build_wheels([ROOT / project for project in WHEEL_PROJECTS], tmp_path / "a")
    precompiled([*original, *downloaded], cache)
    edited_project = tmp_path / "snippets"
    shutil.copytree(ROOT / "snippets", edited_project, ignore=shutil.ignore_patterns("__pycache__"))
    with (edited_project / "mlops_lab/data.py").open("a") as source:
        source.write("# a contributor's edit\n")
    [edited] = build_wheels([edited_project], tmp_path / "b")
    outputs = precompiled([edited, *downloaded], cache)
    [course] = [wheel for wheel in outputs if wheel.name.startswith("mlops_lab")]
    assert "mlops_lab/__pycache__/data.cpython-314.pyc" in zipfile.ZipFile(course).namelist()
