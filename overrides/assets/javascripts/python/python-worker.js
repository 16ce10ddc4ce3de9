// Runs Python (Pyodide) off the main thread, so reader code can never freeze the page.
// Message protocol: README.md beside this file. The Python side of a run (namespaces, trimmed
// tracebacks, pytest) is the course wheel's mlops_lab/_page/runner.py.

import { CappedOutput } from "./capped-output.js";
import { MESSAGE, STATUS } from "./protocol.js";
import {
  QUIET,
  findSnapshot,
  forgetSnapshots,
  makeSnapshot,
  restoreOptions,
  snapshotUrl,
  storeSnapshot,
} from "./snapshot.js";

const RUNNER_MODULE = "mlops_lab._page.runner";
const COURSE_PACKAGE = "mlops-lab";
// What a snapshot holds: the course wheel and pytest, after the runner's warm_up() ran pytest
// and a grading once (so a first Run tests or Check is as quick as a second), and the runner.
const SNAPSHOT_PACKAGES = [COURSE_PACKAGE, "pytest"];
const SNAPSHOT_MODULES = [
  RUNNER_MODULE,
  "mlops_lab._page.diagnosis",
  "mlops_lab._page.grading",
  "pytest",
  "_pytest.unittest",
];
const OUT_OF_MEMORY = "out-of-memory"; // the runner's status when only a new session helps

let setup; // the promise of what a start needs besides Python itself (loadSetup)
let pyodide;
let runner;
let currentOutput;
let queue = Promise.resolve(); // one message at a time: loading packages awaits, runs must not interleave

self.onmessage = ({ data }) => {
  const handlers = {
    [MESSAGE.prepare]: prepare,
    [MESSAGE.init]: init,
    [MESSAGE.run]: run,
    [MESSAGE.test]: test,
    [MESSAGE.check]: check,
  };
  const handle = handlers[data.type];
  queue = queue.then(() => handle(data)).catch((error) => console.error("python-worker:", error));
};

// Everything a start needs but Python itself, so that the page can ask for it while idle.
// Says whether this build's snapshot was found: the page restores it while idle if so.
function prepare(config) {
  setup ??= loadSetup(config);
  return setup.then(
    ({ stored }) => postMessage({ type: MESSAGE.prepared, snapshot: Boolean(stored) }),
    () => postMessage({ type: MESSAGE.prepared, snapshot: false }), // init reports why
  );
}

// Pyodide's scripts, loaded and parsed; the lock file and the build's version, revalidated on
// every start so a new deploy is picked up at once (the wheels live under content-hashed paths
// and can be cached for good); and the stored snapshot for this build and runtime, if any.
async function loadSetup({ indexURL, lockFileURL, buildURL }) {
  reportDownloadProgress();
  const runtime = import(new URL("pyodide.asm.mjs", indexURL).href); // loads meanwhile
  runtime.catch(() => {}); // if it fails, so does the start, which reports why
  const [{ loadPyodide, version }, lock, build] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href),
    fetch(lockFileURL, { cache: "no-cache" }).then((response) => response.json()),
    fetch(buildURL, { cache: "no-cache" })
      .then((response) => response.json())
      .catch(() => undefined),
  ]);
  const options = { indexURL, lockFileContents: lock, packageBaseUrl: new URL(".", lockFileURL).href };
  const snapshotKey = build && snapshotUrl(build.version, version);
  return { loadPyodide, options, runtime, snapshotKey, stored: snapshotKey && (await findSnapshot(snapshotKey)) };
}

async function init(config) {
  try {
    const ready = await (setup ??= loadSetup(config));
    if (config.makeSnapshot) return await saveSnapshot(ready);
    const start = await startPython(ready);
    if (config.interruptBuffer) pyodide.setInterruptBuffer(config.interruptBuffer);
    pyodide.setStdin({ stdin: () => undefined }); // end of input, not a call to window.prompt
    for (const [stream, setter] of Object.entries({ stdout: "setStdout", stderr: "setStderr" })) {
      const decoder = new TextDecoder();
      pyodide[setter]({
        write: (bytes) => {
          currentOutput?.write(stream, decoder.decode(bytes, { stream: true }));
          return bytes.length;
        },
      });
    }
    runner = pyodide.pyimport(RUNNER_MODULE);
    runner.install((json) => currentOutput?.display(JSON.parse(json)));
    postMessage({ type: MESSAGE.ready, start });
  } catch (error) {
    postMessage({ type: MESSAGE.initError, message: String(error?.message ?? error) });
  }
}

// Restore the stored snapshot if there is one, else start from scratch and install the course
// wheel. Resolves with how it started: "snapshot" or "plain". A snapshot that fails is deleted.
// A restored session has the wheels' modules but not their files: like pytest's, the course
// wheel's files are installed again when code first imports from it (loadPackagesFor), which
// keeps them off the path of a first Run.
async function startPython({ loadPyodide, options, runtime, stored }) {
  if (stored) {
    try {
      pyodide = await loadPyodide({ ...options, ...restoreOptions(runtime, stored.read()) });
      return "snapshot";
    } catch {
      await forgetSnapshots();
    }
  }
  const courseWheel = downloadWheel(options, COURSE_PACKAGE); // meanwhile
  courseWheel.catch(() => {}); // reported below, unless Python's own start fails first
  pyodide = await loadPyodide(options);
  installWheel(COURSE_PACKAGE, await courseWheel);
  return "plain";
}

// A wheel of the lock file, as bytes, checked against the lock's sha256 (as loadPackage does).
async function downloadWheel({ lockFileContents, packageBaseUrl }, name) {
  const { file_name: file, sha256 } = lockFileContents.packages[name];
  const integrity = `sha256-${btoa(String.fromCharCode(...sha256.match(/../g).map((hex) => parseInt(hex, 16))))}`;
  const response = await fetch(new URL(file, packageBaseUrl).href, { integrity });
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Unpack a pure-Python wheel into site-packages, and record it as loaded so that loadPackage
// and loadPackagesFromImports leave it be. This is what loadPackage does for such a wheel, but
// a first loadPackage also imports tarfile, importlib.metadata and email (~250 ms in the page),
// which a first Run would wait for.
function installWheel(name, bytes) {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
  pyodide.loadedPackages[name] = "default channel";
}

// A snapshot-making worker: start, warm up what a first Run, Run tests and Check need, save,
// report.
async function saveSnapshot({ loadPyodide, options, runtime, snapshotKey }) {
  if (!snapshotKey) throw new Error("this build has no version to key a snapshot by");
  const started = performance.now();
  const bytes = await makeSnapshot(loadPyodide, options, SNAPSHOT_PACKAGES, (python) => {
    const warmRunner = python.pyimport(RUNNER_MODULE);
    warmRunner.install(); // no display sink: a snapshot cannot hold one
    warmRunner.warm_up();
  });
  const made = performance.now() - started;
  // Stored only once it is known to restore, with its modules, into a working session.
  const restored = await loadPyodide({
    ...options,
    ...restoreOptions(runtime, { memory: bytes, filled: Promise.resolve() }),
  });
  restored.runPython(`import sys; assert {${SNAPSHOT_MODULES.map((m) => `"${m}"`).join(", ")}} <= set(sys.modules)`);
  const storedBytes = await storeSnapshot(snapshotKey, bytes);
  postMessage({ type: MESSAGE.snapshotMade, bytes: bytes.length, storedBytes, makeMs: made });
}

async function run(request) {
  await execute(request, [], () => {
    const [status, traceback] = runner.run_block(request.code, request.namespace, request.filename).toJs();
    if (status === OUT_OF_MEMORY) return { status: STATUS.error, traceback, restart: "it ran out of memory" };
    return { status, traceback };
  });
}

// Real pytest (from the site's wheels) on the block's current code.
async function test(request) {
  await execute(request, ["pytest"], () => {
    const [status, report] = runner.run_tests(request.code, request.namespace, request.filename).toJs();
    return { status, ...JSON.parse(report) };
  });
}

// An exercise's hidden checks (real pytest) on the reader's current code. The imports of each
// are found on their own: Pyodide finds none in code that does not parse, and a reader's syntax
// error must not keep the checks' packages (the course wheel, after a snapshot) from loading.
async function check(request) {
  await execute({ ...request, sources: [request.checks, request.code] }, ["pytest"], () => {
    const [status, report] = runner.check_exercise(request.code, request.checks).toJs();
    return status === STATUS.ok ? { status, report: JSON.parse(report) } : { status };
  });
}

// Loads what the run needs (`packages` and what its `sources`, by default its code, import),
// says the code now starts, runs `body` and reports how it ended.
async function execute({ id, code, sources = [code], lineLimit }, packages, body) {
  const started = performance.now();
  currentOutput = new CappedOutput((message) => postMessage({ ...message, id }), lineLimit);
  let result;
  try {
    result = await loadPackagesFor(sources, packages);
    if (!result) {
      postMessage({ type: MESSAGE.started, id });
      result = body();
    }
  } catch (error) {
    result = error instanceof pyodide.ffi.PythonError ? pageFailure(error) : runtimeFailure(error);
  }
  postMessage({
    type: MESSAGE.done,
    id,
    ...result,
    durationMs: performance.now() - started,
    droppedLines: currentOutput.droppedLines,
    droppedDisplays: currentOutput.droppedDisplays,
  });
  currentOutput = undefined;
}

// A Python exception that escaped the runner: a fault of the page's own Python (the runner
// reports the reader's errors itself). The interpreter is sound, so the session goes on.
function pageFailure(error) {
  const what = error.message.trim().split("\n").at(-1);
  return { status: STATUS.error, traceback: `The page's own Python failed, not your code: ${what}\n` };
}

// A failure of the runtime itself (say, the JavaScript stack overflowed), not a Python
// exception: the run still ends, with a reason, and this interpreter is not used again.
function runtimeFailure(error) {
  return {
    status: STATUS.error,
    traceback: `The Python runtime failed: ${error.message}\n`,
    restart: "the Python runtime failed",
  };
}

// Load `packages` and those each of `sources` imports, if the site serves them (its lock lists
// nothing else). Returns an error result when one cannot be loaded.
async function loadPackagesFor(sources, packages) {
  const loads = [
    ...(packages.length ? [(options) => pyodide.loadPackage(packages, options)] : []),
    ...sources.map((source) => (options) => pyodide.loadPackagesFromImports(source, options)),
  ];
  for (const load of loads) {
    const failure = await loadPackages(load);
    if (failure) return failure;
  }
  return undefined;
}

// Returns an error result when a package the site serves cannot be loaded (offline, say).
// Pyodide reports a failed download through errorCallback and carries on, so collect them.
async function loadPackages(load) {
  const errors = [];
  try {
    await load({ ...QUIET, errorCallback: (message) => errors.push(message) });
  } catch (error) {
    errors.push(String(error.message));
  }
  if (errors.length === 0) return undefined;
  const reason = errors.join(" ").replace(/\s+/g, " ").trim();
  return { status: STATUS.error, traceback: `Could not load a package (offline, or a file is missing): ${reason}\n` };
}

// Pyodide downloads its runtime with fetch(). A file the service worker keeps (its cache, in
// Cache Storage) is read from there directly, as the service worker would answer it but without
// relaying 12 MB through its thread; one in the HTTP cache is handed over untouched. Either way
// Chrome reuses compiled WebAssembly: it does so only for a response read as a native stream. A
// real download is counted on a clone as it streams in. The price: after a counted download
// Chrome stores no compiled code, so the second visit compiles again (the third is fast).
function reportDownloadProgress() {
  const realFetch = globalThis.fetch;
  const progress = { loaded: 0, total: 0, reported: 0 };
  globalThis.fetch = async (resource, options) => {
    if (!options?.cache) {
      const kept = await caches.match(String(resource)).catch(() => undefined);
      if (kept) return kept;
      const cached = await realFetch(resource, { cache: "only-if-cached", mode: "same-origin" }).catch(() => undefined);
      if (cached?.ok) return cached;
    }
    const response = await realFetch(resource, options);
    const size = Number(response.headers.get("content-length"));
    if (response.body && size) {
      progress.total += size;
      countBytes(response.clone().body, progress);
    }
    return response;
  };
}

async function countBytes(body, progress) {
  for await (const chunk of body) {
    progress.loaded += chunk.byteLength;
    if (performance.now() - progress.reported > 100 || progress.loaded === progress.total) {
      progress.reported = performance.now();
      postMessage({ type: MESSAGE.progress, loaded: progress.loaded, total: progress.total });
    }
  }
}
