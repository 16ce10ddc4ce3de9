// Runs Python (Pyodide) off the main thread, so reader code can never freeze the page.
// Message protocol: README.md beside this file.

const FLUSH_INTERVAL_MS = 50;
const CHARACTER_LIMIT = 200_000; // one enormous line must not flood the page either

// Python side of a run: execute a block as `__main__` of the page's namespace, and trim
// tracebacks to the reader's code (frames of this runner are not theirs).
const RUNNER = `
import builtins, importlib, json, linecache, os, pathlib, re, sys, time, traceback

_namespaces = {}

def _trimmed_traceback(error, filename):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))

# The page has no console to type into: say so, instead of pyodide's bare OSError.
def _input(prompt=""):
    print(prompt, end="")
    raise EOFError("input() cannot read from the keyboard in this page; "
                   "set the value in the code instead, e.g. name = 'Ada'")

builtins.input = _input

def _explain_missing_module(error):
    package = (error.name or "").partition(".")[0]
    if package and package not in sys.stdlib_module_names:
        error.add_note(f"{package} is not available in this page: its in-browser Python has only the "
                       "standard library, pytest and mlops_lab (this site serves no WebAssembly "
                       f"build of {package}). Run this code on your own machine to use it.")

def run_block(code, namespace, filename):
    scope = _namespaces.setdefault(namespace, {"__name__": "__main__", "__builtins__": __builtins__})
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        exec(compile(code, filename, "exec"), scope)
    except KeyboardInterrupt:
        return "interrupted", "KeyboardInterrupt: stopped by the reader\\n"
    except SystemExit as error:
        if error.code not in (None, 0):
            return "error", f"SystemExit: {error.code}\\n"
    except MemoryError as error:
        # WebAssembly memory never shrinks: only a new session gives the gigabytes back.
        return "out-of-memory", _trimmed_traceback(error, filename)
    except BaseException as error:
        if isinstance(error, ModuleNotFoundError):
            _explain_missing_module(error)
        return "error", _trimmed_traceback(error, filename)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return "ok", ""

class _TestResults:
    """pytest plugin: outcome, duration and pytest's own failure explanation per test."""

    def __init__(self):
        self.tests = {}

    def pytest_runtest_logreport(self, report):
        name = report.nodeid.split("::", 1)[-1]
        test = self.tests.setdefault(name, {"name": name, "outcome": "passed", "seconds": 0.0, "details": ""})
        test["seconds"] += report.duration
        if report.failed:
            test["outcome"] = "failed" if report.when == "call" else "error"
            test["details"] = report.longreprtext
        elif report.skipped:
            test["outcome"] = "skipped"

    def summary(self, seconds):
        counts = [(outcome, sum(t["outcome"] == outcome for t in self.tests.values()))
                  for outcome in ("failed", "passed", "skipped", "error")]
        parts = [f"{n} {outcome}{'s' if outcome == 'error' and n > 1 else ''}" for outcome, n in counts if n]
        return f"{', '.join(parts) or 'no tests ran'} in {seconds:.2f}s"

# Start-up is most of a re-run: skip entry-point scanning and plugins a single in-page module
# does without (measured: a bare re-run 63 ms -> 19 ms; unraisableexception alone forces two
# full garbage collections per run). Readers lose caplog and pytest's warnings summary.
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
_UNUSED_PLUGINS = ["cacheprovider", "doctest", "junitxml", "pastebin", "legacypath", "stepwise",
                   "faulthandler", "setupplan", "setuponly", "logging", "warnings",
                   "unraisableexception", "threadexception"]
_PYTEST_ARGS = ["-q", "--tb=no", "--color=no", "--import-mode=importlib",
                *[arg for name in _UNUSED_PLUGINS for arg in ("-p", f"no:{name}")]]

def run_tests(code, namespace, filename):
    import pytest

    folder = pathlib.Path("/tmp/blocks") / re.sub(r"\\W+", "_", namespace).strip("_")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"\\W+", "_", filename).strip("_") + "_test.py")
    path.write_text(code)
    # pytest imports the file; a module cached by an earlier run would test stale code.
    for name, module in list(sys.modules.items()):
        if getattr(module, "__file__", None) == str(path):
            del sys.modules[name]
    importlib.invalidate_caches()
    sys.dont_write_bytecode = True
    results = _TestResults()
    started = time.perf_counter()
    exit_code = pytest.main([str(path), *_PYTEST_ARGS, "--rootdir", str(folder)], plugins=[results])
    status = {pytest.ExitCode.INTERRUPTED: "interrupted", pytest.ExitCode.OK: "ok"}.get(exit_code, "error")
    report = {"tests": list(results.tests.values()), "summary": results.summary(time.perf_counter() - started)}
    return status, json.dumps(report)
`;

let pyodide;
let runBlock;
let runTests;
let currentOutput;
let queue = Promise.resolve(); // one message at a time: loading packages awaits, runs must not interleave

self.onmessage = ({ data }) => {
  const handle = { init, run, test }[data.type];
  queue = queue.then(() => handle(data)).catch((error) => console.error("python-worker:", error));
};

async function init({ indexURL, lockFileURL, interruptBuffer }) {
  const started = performance.now();
  try {
    reportDownloadProgress();
    // The lock file is revalidated on every start, so a new deploy is picked up at once;
    // the wheels it lists live under content-hashed paths and can be cached for good.
    const [{ loadPyodide }, lock] = await Promise.all([
      import(new URL("pyodide.mjs", indexURL).href),
      fetch(lockFileURL, { cache: "no-cache" }).then((response) => response.json()),
    ]);
    pyodide = await loadPyodide({
      indexURL,
      lockFileContents: lock,
      packageBaseUrl: new URL(".", lockFileURL).href,
    });
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
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
    pyodide.runPython(RUNNER);
    runBlock = pyodide.globals.get("run_block");
    runTests = pyodide.globals.get("run_tests");
    postMessage({ type: "ready", version: pyodide.version, startupMs: performance.now() - started });
  } catch (error) {
    postMessage({ type: "init-error", message: String(error?.message ?? error) });
  }
}

async function run(request) {
  await execute(request, () => {
    const [status, traceback] = runBlock(request.code, request.namespace, request.filename).toJs();
    if (status === "out-of-memory") return { status: "error", traceback, restart: "it ran out of memory" };
    return { status, traceback };
  });
}

// Real pytest (from the site's wheels) on the block's current code.
async function test(request) {
  await execute(request, async () => {
    const failure = await loadPackages((options) => pyodide.loadPackage("pytest", options));
    if (failure) return failure;
    const [status, report] = runTests(request.code, request.namespace, request.filename).toJs();
    return { status, ...JSON.parse(report) };
  });
}

async function execute({ id, code, lineLimit }, body) {
  const started = performance.now();
  currentOutput = new CappedOutput(id, lineLimit);
  let result;
  try {
    result = (await loadImportedPackages(code)) ?? (await body());
  } catch (error) {
    // A failure of the runtime itself (say, the JavaScript stack overflowed), not a Python
    // exception: the run still ends, with a reason, and this interpreter is not used again.
    result = {
      status: "error",
      traceback: `The Python runtime failed: ${error.message}\n`,
      restart: "the Python runtime failed",
    };
  }
  currentOutput.flush();
  postMessage({
    type: "done",
    id,
    ...result,
    durationMs: performance.now() - started,
    droppedLines: currentOutput.droppedLines,
  });
  currentOutput = undefined;
}

// Load the packages the code imports, if the site serves them (its lock lists nothing else).
function loadImportedPackages(code) {
  return loadPackages((options) => pyodide.loadPackagesFromImports(code, options));
}

// Returns an error result when a package the site serves cannot be loaded (offline, say).
// Pyodide reports a failed download through errorCallback and carries on, so collect them.
async function loadPackages(load) {
  const errors = [];
  try {
    await load({ messageCallback: () => {}, errorCallback: (message) => errors.push(message) });
  } catch (error) {
    errors.push(String(error.message));
  }
  if (errors.length === 0) return undefined;
  const reason = errors.join(" ").replace(/\s+/g, " ").trim();
  return { status: "error", traceback: `Could not load a package (offline, or a file is missing): ${reason}\n` };
}

// Sends output in batches and stops sending after `lineLimit` lines: a print loop of millions
// of lines costs the page one message every 50 ms and a counter, never a flood of DOM work.
class CappedOutput {
  constructor(id, lineLimit) {
    this.id = id;
    this.linesLeft = lineLimit;
    this.charactersLeft = CHARACTER_LIMIT;
    this.droppedLines = 0;
    this.pending = [];
    this.lastFlush = performance.now();
  }

  write(stream, text) {
    if (this.linesLeft <= 0) {
      this.droppedLines += countLines(text);
      return;
    }
    const lines = text.split(/(?<=\n)/);
    let kept = lines.slice(0, this.linesLeft).join("");
    this.linesLeft -= countLines(kept);
    this.droppedLines += countLines(text) - countLines(kept);
    if (kept.length > this.charactersLeft) {
      // The cut line counts as dropped when its end is (here or in a later write).
      this.droppedLines += countLines(kept.slice(this.charactersLeft));
      kept = kept.slice(0, this.charactersLeft) + "\n";
      this.linesLeft = 0;
    }
    this.charactersLeft -= kept.length;
    this.pending.push({ stream, text: kept });
    if (performance.now() - this.lastFlush >= FLUSH_INTERVAL_MS) this.flush();
  }

  flush() {
    for (const { stream, text } of mergeAdjacent(this.pending)) {
      postMessage({ type: "output", id: this.id, stream, text });
    }
    this.pending = [];
    this.lastFlush = performance.now();
  }
}

function countLines(text) {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function mergeAdjacent(chunks) {
  const merged = [];
  for (const chunk of chunks) {
    const last = merged.at(-1);
    if (last?.stream === chunk.stream) last.text += chunk.text;
    else merged.push({ ...chunk });
  }
  return merged;
}

// Pyodide downloads its runtime with fetch(). A file already in the HTTP cache is handed over
// untouched: Chrome reuses compiled WebAssembly only for a response read as a native stream.
// A real download is counted on a clone as it streams in. The price: after a counted download
// Chrome stores no compiled code, so the second visit compiles again (the third is fast).
function reportDownloadProgress() {
  const realFetch = globalThis.fetch;
  const progress = { loaded: 0, total: 0, reported: 0 };
  globalThis.fetch = async (resource, options) => {
    if (!options?.cache) {
      const cached = await realFetch(resource, { cache: "only-if-cached", mode: "same-origin" })
        .catch(() => undefined);
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
      postMessage({ type: "progress", loaded: progress.loaded, total: progress.total });
    }
  }
}
