// Grades exercises inside Pyodide under Node, as the page's worker does (served_pyodide.mjs):
// mlops_lab._page.grading from the course wheel.
//
// Usage: node grade_in_pyodide.mjs LOCK_FILE REQUEST_JSON REPORT_JSON
// REQUEST_JSON: [{"id", "checks", "codes": {name: code}}]; REPORT_JSON gets
// {id: {name: report}}, one report per code graded with the exercise's checks.

import { readFileSync, writeFileSync } from "node:fs";
import { loadServedPyodide } from "./served_pyodide.mjs";

const [lockFile, requestFile, reportFile] = process.argv.slice(2);

const pyodide = await loadServedPyodide(lockFile);
pyodide.globals.set("request", readFileSync(requestFile, "utf-8"));
const report = pyodide.runPython(`
import json
from mlops_lab._page import grading
assert "site-packages" in grading.__file__, grading.__file__  # the served wheel, not a source tree
json.dumps({e["id"]: {name: grading.grade(code, e["checks"]) for name, code in e["codes"].items()}
            for e in json.loads(request)})
`);
writeFileSync(reportFile, report);
