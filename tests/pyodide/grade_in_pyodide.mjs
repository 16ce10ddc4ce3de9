// Grades exercises inside Pyodide under Node, as the page's worker does: the same npm `pyodide`
// runtime, every wheel of the built site's lock file, mlops_lab.grading from the course wheel.
// Downloads from the network are refused: a missing wheel is an error, never a CDN fetch.
//
// Usage: node grade_in_pyodide.mjs LOCK_FILE REQUEST_JSON REPORT_JSON
// REQUEST_JSON: [{"id", "starter", "solution", "checks"}]; REPORT_JSON gets
// {id: {"starter": report, "solution": report}}.

import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [lockFile, requestFile, reportFile] = process.argv.slice(2);

const realFetch = globalThis.fetch;
globalThis.fetch = (resource, options) => {
  const url = String(resource?.url ?? resource);
  if (/^https?:/.test(url)) throw new Error(`refusing to download ${url}: the site must serve it`);
  return realFetch(resource, options);
};

const pyodide = await loadPyodide({ lockFileURL: lockFile });
const served = Object.keys(JSON.parse(readFileSync(lockFile, "utf-8")).packages);
await pyodide.loadPackage(served, { messageCallback: () => {} });
pyodide.globals.set("request", readFileSync(requestFile, "utf-8"));
const report = pyodide.runPython(`
import json
from mlops_lab import grading
assert "site-packages" in grading.__file__, grading.__file__  # the served wheel, not a source tree
json.dumps({e["id"]: {part: grading.grade(e[part], e["checks"]) for part in ("starter", "solution")}
            for e in json.loads(request)})
`);
writeFileSync(reportFile, report);
