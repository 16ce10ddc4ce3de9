// Runs Python (Pyodide) off the main thread, so reader code can never freeze the page.
// Message protocol: README.md beside this file. The Python side of a run (namespaces, trimmed
// tracebacks, pytest) is the course wheel's mlops_lab/_page/runner.py.

import { CappedOutput } from "./capped-output.js";
import { MESSAGE, STAGE, STATUS } from "./protocol.js";
import {
  QUIET,
  findSnapshot,
  forgetSnapshots,
  hasSnapshot,
  makeSnapshot,
  restoreOptions,
  snapshotUrl,
  storeSnapshot,
} from "./snapshot.js";

const RUNNER_MODULE = "mlops_lab._page.runner";
const COURSE_PACKAGE = "mlops-lab";
// What a snapshot holds: the course wheel and pytest, after the runner's warm_up() ran pytest
// and a grading once (so a first Run tests or Check is as quick as a second), and every module
// of the page's runtime (a restored session has no file of the course wheel to import one from).
const SNAPSHOT_PACKAGES = [COURSE_PACKAGE, "pytest"];
const SNAPSHOT_MODULES = [
  RUNNER_MODULE,
  "mlops_lab._page.diagnosis",
  "mlops_lab._page.grading",
  "mlops_lab._page.html_tables",
  "pytest",
  "_pytest.unittest",
];
const OUT_OF_MEMORY = "out-of-memory"; // the runner's status when only a new session helps

let setup; // the promise of what a start needs besides Python itself (loadSetup)
let session; // the promise of the session's start (init)
let pyodide;
let runner;
let PythonError; // Pyodide's class of Python exceptions, kept: after a fatal error its API throws
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

// Everything a start needs but Python itself, so that the page can ask for it ahead of intent.
// Says whether this build's snapshot was found. A returning reader's page asks as it loads
// (`ifSnapshot`: nothing of Pyodide loads for a reader who has none) and, with `restore`, has
// the snapshot restored at once, as init would: all of it here, beside the page's own start-up,
// with no round trip through the page's thread, which is busiest then.
async function prepare(config) {
  if (config.ifSnapshot && !(await hasSnapshot())) return postMessage({ type: MESSAGE.prepared, snapshot: false });
  setup ??= loadSetup(config);
  const found = await setup.then(
    ({ stored }) => Boolean(stored),
    () => false, // init reports why
  );
  const restoring = found && config.restore === true;
  postMessage({ type: MESSAGE.prepared, snapshot: found, restoring });
  if (restoring) await init(config);
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

// Start Python, once: an init that comes after prepare began a restore waits for that one.
function init(config) {
  return (session ??= startSession(config));
}

async function startSession(config) {
  try {
    const ready = await (setup ??= loadSetup(config));
    if (config.makeSnapshot) return await saveSnapshot(ready);
    const start = await startPython(ready);
    startProgress.enter(STAGE.starting);
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
    ({ PythonError } = pyodide.ffi);
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
  startProgress.enter(STAGE.packages, { packages: [COURSE_PACKAGE] });
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
    result = await loadPackagesFor(id, sources, packages);
    if (!result) {
      postMessage({ type: MESSAGE.started, id });
      result = body();
    }
  } catch (error) {
    result = error instanceof PythonError ? pageFailure(error) : runtimeFailure(error);
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
// nothing else). Returns an error result when one cannot be loaded. Run `id`'s page is told which
// of `packages` load first ("Loading pytest…" on a first Run tests or Check).
async function loadPackagesFor(id, sources, packages) {
  const missing = packages.filter((name) => !(name in pyodide.loadedPackages));
  if (missing.length) postMessage({ type: MESSAGE.progress, id, stage: STAGE.packages, packages: missing });
  const loads = [
    ...(missing.length ? [(options) => pyodide.loadPackage(missing, options)] : []),
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
// real download is counted on a clone as it streams in (not a compressed one, whose body is
// longer than its Content-Length). The price: after a counted download Chrome stores no compiled
// code, so the second visit compiles again (the third is fast).
function reportDownloadProgress() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (resource, options) => {
    const download = startProgress.download(String(resource));
    let counting = false;
    try {
      if (!options?.cache) {
        const kept = await caches.match(String(resource)).catch(() => undefined);
        if (kept) return kept;
        const cached = await realFetch(resource, { cache: "only-if-cached", mode: "same-origin" }).catch(
          () => undefined,
        );
        if (cached?.ok) return cached;
      }
      const response = await realFetch(resource, options);
      download.answered();
      const size = Number(response.headers.get("content-length"));
      counting = Boolean(response.body && size && !response.headers.has("content-encoding"));
      if (counting) download.count(size, response.clone().body);
      return response;
    } finally {
      if (!counting) download.end();
    }
  };
}

// How this worker's start is going, for the page ("progress" messages): the bytes of the
// runtime's files while any is downloading (at most every 100 ms: a message per chunk would
// flood the page), then, once the runtime's WebAssembly and every other file are in, the
// runtime's own start; init and startPython enter the later stages. The page adds the seconds
// since the press.
const RUNTIME_FILE = "pyodide.asm.wasm";
const startProgress = {
  stage: STAGE.download,
  loaded: 0,
  total: 0,
  downloading: 0, // requests under way, from a cache or not
  unanswered: 0, // of which this many have not said their size yet
  runtimeIn: false, // the runtime's WebAssembly has arrived

  enter(stage, details = {}) {
    this.stage = stage;
    postMessage({ type: MESSAGE.progress, stage, ...details });
  },

  /** A request for `url` begins: `answered()` once its headers are in, then `count(size, body)`
   * counts its bytes, or `end()` says it is over. */
  download(url) {
    this.downloading += 1;
    this.unanswered += 1;
    let unanswered = true;
    const answered = () => {
      if (unanswered) this.unanswered -= 1;
      unanswered = false;
    };
    const end = () => {
      answered();
      this.downloading -= 1;
      this.runtimeIn ||= url.endsWith(RUNTIME_FILE);
      if (this.runtimeIn && this.downloading === 0 && this.stage === STAGE.download) this.enter(STAGE.runtime);
      else this.reportBytes({ now: true });
    };
    const count = async (size, body) => {
      this.total += size;
      try {
        for await (const chunk of body) {
          this.loaded += chunk.byteLength;
          this.reportBytes({ now: false });
        }
      } catch {
        // the reader of the response itself sees why
      } finally {
        end();
      }
    };
    return { answered, count, end };
  },

  reportedAt: 0,
  reportBytes({ now }) {
    if (this.stage !== STAGE.download || (!now && performance.now() - this.reportedAt < 100)) return;
    this.reportedAt = performance.now();
    const total = this.unanswered ? undefined : this.total; // unknown while a size is
    postMessage({ type: MESSAGE.progress, stage: STAGE.download, loaded: this.loaded, total });
  },
};
