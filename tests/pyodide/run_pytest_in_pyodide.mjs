// Runs pytest inside Pyodide under Node: the same npm `pyodide` runtime the site serves, with
// every wheel listed in the built site's lock file (pytest, pygal, the course package). Any download from the network is refused, so
// a missing wheel is an error, never a CDN fetch.
//
// Usage: node run_pytest_in_pyodide.mjs LOCK_FILE TESTS_DIR OUT_DIR [PYTEST ARGS...]
// TESTS_DIR is mounted at /tests (the working directory), OUT_DIR at /out (e.g. for --junitxml).
// Exits with pytest's exit code.

import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [lockFile, testsDir, outDir, ...pytestArgs] = process.argv.slice(2);

const realFetch = globalThis.fetch;
globalThis.fetch = (resource, options) => {
  const url = String(resource?.url ?? resource);
  if (/^https?:/.test(url)) throw new Error(`refusing to download ${url}: the site must serve it`);
  return realFetch(resource, options);
};

const pyodide = await loadPyodide({ lockFileURL: lockFile });
const served = Object.keys(JSON.parse(readFileSync(lockFile, "utf-8")).packages);
const write = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
pyodide.setStdout(write(process.stdout));
pyodide.setStderr(write(process.stderr));
await pyodide.loadPackage(served, { messageCallback: () => {} });
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
