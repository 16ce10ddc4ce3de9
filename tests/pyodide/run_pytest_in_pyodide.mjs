// Runs pytest inside Pyodide under Node, as the site's worker has it (served_pyodide.mjs: the
// npm runtime, every wheel of the built site's lock file, no network).
//
// Usage: node run_pytest_in_pyodide.mjs LOCK_FILE TESTS_DIR OUT_DIR [PYTEST ARGS...]
// TESTS_DIR is mounted at /tests (the working directory), OUT_DIR at /out (e.g. for --junitxml).
// Exits with pytest's exit code.

import { loadServedPyodide } from "./served_pyodide.mjs";

const [lockFile, testsDir, outDir, ...pytestArgs] = process.argv.slice(2);

const pyodide = await loadServedPyodide(lockFile);
const write = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
pyodide.setStdout(write(process.stdout));
pyodide.setStderr(write(process.stderr));
pyodide.mountNodeFS("/tests", testsDir);
pyodide.mountNodeFS("/out", outDir);
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
// The support code must come from the wheel the site serves, not from source files that
// happen to sit in the mounted folder.
const exitCode = pyodide.runPython(`
import os, sys, pytest
import mlops_lab
assert "site-packages" in mlops_lab.__file__, mlops_lab.__file__
os.chdir("/tests")
sys.path[:] = [entry for entry in sys.path if entry not in ("", ".", "/tests")]
int(pytest.main(list(pytest_args)))
`);
process.exit(exitCode);
