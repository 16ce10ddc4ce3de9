// Pyodide under Node as the site's worker has it: the npm `pyodide` runtime with every wheel of
// the built site's lock file loaded. Downloads from the network are refused, so a missing wheel
// is an error, never a CDN fetch. Shared by run_pytest_in_pyodide.mjs and grade_in_pyodide.mjs.

import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const realFetch = globalThis.fetch;
globalThis.fetch = (resource, options) => {
  const url = String(resource?.url ?? resource);
  if (/^https?:/.test(url)) throw new Error(`refusing to download ${url}: the site must serve it`);
  return realFetch(resource, options);
};

export async function loadServedPyodide(lockFile) {
  const pyodide = await loadPyodide({ lockFileURL: lockFile });
  const served = Object.keys(JSON.parse(readFileSync(lockFile, "utf-8")).packages);
  await pyodide.loadPackage(served, { messageCallback: () => {} });
  return pyodide;
}
