"""The vendored-packages hook: real files from node_modules, MathJax only where a page loads it."""

from pathlib import Path

from course_build.site_layout import VENDOR_DIR, pyodide_runtime_dir
from course_build.vendor_assets import MATHJAX_SCRIPT, copy_vendored, pages_load_mathjax

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


def test_every_vendored_package_is_copied_unless_left_out(tmp_path):
    copy_vendored(NODE_MODULES, tmp_path, leave_out=("mathjax",))
    assert (tmp_path / "mermaid/mermaid.esm.min.mjs").is_file()
    runtime = pyodide_runtime_dir(NODE_MODULES).removeprefix(f"{VENDOR_DIR}/")
    assert runtime.startswith("pyodide/3")  # a folder named by the version npm installed
    assert (tmp_path / runtime / "pyodide.asm.wasm").is_file()
    assert not (tmp_path / "mathjax").exists()


def test_mathjax_counts_as_used_only_when_a_page_loads_it(tmp_path):
    (tmp_path / "lesson").mkdir()
    (tmp_path / "lesson/index.html").write_text("<p>no maths</p>", encoding="utf-8")
    assert not pages_load_mathjax(tmp_path)
    (tmp_path / "lab.html").write_text(f'<script src="/{MATHJAX_SCRIPT}"></script>', "utf-8")
    assert pages_load_mathjax(tmp_path)
