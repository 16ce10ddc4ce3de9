// Adds bytecode to pure-Python wheels, compiled by the Pyodide runtime the site serves, so the
// page imports them without compiling (`import pytest` in the page: ~770 ms -> ~330 ms).
// The host Python cannot do this: its bytecode is for 3.13, Pyodide runs 3.14.
//
// Only modules that a pytest run, the course package and a first chart import are compiled: pygments
// alone ships hundreds of lexers pytest never loads, and compiling them all would add ~8 MB.
//
// Usage: node precompile_wheels.mjs IN_DIR OUT_DIR
// Every IN_DIR/*.whl is written to OUT_DIR with the same name, plus __pycache__/*.pyc files
// (unchecked-hash pycs: valid whatever the installed files' timestamps), listed in RECORD.
// Output is deterministic: fixed zip timestamps, sorted entries.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const [inDir, outDir] = process.argv.slice(2);
const wheels = readdirSync(inDir).filter((name) => name.endsWith(".whl"));
const pyodide = await loadPyodide();
pyodide.setStdout({ batched: () => {} }); // the warm-up pytest run's report is not wanted
await pyodide.loadPackage(
  wheels.map((name) => join(inDir, name)),
  { messageCallback: () => {} },
);
pyodide.mountNodeFS("/in", inDir);
pyodide.mountNodeFS("/out", outDir);
pyodide.runPython(`
import importlib, importlib.util, pathlib, pkgutil, py_compile, sys, tempfile, zipfile

# Where Pyodide installs wheels (sysconfig says "//lib/...", which matches no module path).
INSTALLED = pathlib.Path(next(path for path in sys.path if path.endswith("site-packages")))
EPOCH = (1980, 1, 1, 0, 0, 0)

def modules_used_by_a_test_run():
    """Installed files (relative to site-packages) imported by a pytest run of a tiny test,
    the course package and a first chart."""
    import pytest
    test = pathlib.Path(tempfile.mkdtemp()) / "test_warm_up.py"
    test.write_text("def test_warm_up():\\n    assert 1 == 1\\n")
    pytest.main([str(test), "-q", "-p", "no:cacheprovider"])
    if importlib.util.find_spec("mlops_lab"):  # the course package: readers may import any module
        import mlops_lab
        for module in pkgutil.walk_packages(mlops_lab.__path__, "mlops_lab."):
            importlib.import_module(module.name)
    if importlib.util.find_spec("pygal"):  # a first chart, drawn as the page draws it
        import pygal
        from mlops_lab._page.display import display_item
        display_item(pygal.Line(title="warm-up"))
    files = {getattr(module, "__file__", None) for module in list(sys.modules.values())}
    return {pathlib.Path(f).relative_to(INSTALLED).as_posix()
            for f in files if f and f.startswith(str(INSTALLED)) and f.endswith(".py")}

def precompile(wheel, used, out_dir):
    with zipfile.ZipFile(wheel) as source:
        entries = {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}
    record_name = next(name for name in entries if name.endswith(".dist-info/RECORD"))
    added = []
    for name in sorted(n for n in entries if n in used):
        pyc = importlib.util.cache_from_source(name)
        with tempfile.TemporaryDirectory() as scratch:
            source_path, pyc_path = pathlib.Path(scratch, "module.py"), pathlib.Path(scratch, "module.pyc")
            source_path.write_bytes(entries[name])
            py_compile.compile(source_path, pyc_path, dfile=str(INSTALLED / name), doraise=True,
                               invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
            entries[pyc] = pyc_path.read_bytes()
        added.append(pyc)
    entries[record_name] += "".join(f"{pyc},,\\n" for pyc in added).encode()
    with zipfile.ZipFile(out_dir / wheel.name, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED  # a bare ZipInfo would store uncompressed
            target.writestr(info, entries[name])

used = modules_used_by_a_test_run()
for wheel in sorted(pathlib.Path("/in").glob("*.whl")):
    precompile(wheel, used, pathlib.Path("/out"))
`);
