// Runs Python (Pyodide) off the main thread, so reader code can never freeze the page.
// Message protocol: README.md beside this file.

const FLUSH_INTERVAL_MS = 50;
const CHARACTER_LIMIT = 200_000; // one enormous line must not flood the page either

// Python side of a run: execute a block as `__main__` of the page's namespace, and trim
// tracebacks to the reader's code (frames of this runner are not theirs).
const RUNNER = `
import linecache, sys, traceback

_namespaces = {}

def _trimmed_traceback(error, filename):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))

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
    except BaseException as error:
        return "error", _trimmed_traceback(error, filename)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return "ok", ""
`;

let pyodide;
let runBlock;
let currentOutput;

self.onmessage = async ({ data }) => {
  if (data.type === "init") await init(data);
  else if (data.type === "run") run(data);
};

async function init({ indexURL, lockFileURL, interruptBuffer }) {
  const started = performance.now();
  try {
    reportDownloadProgress();
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    // The lock file is revalidated on every start, so a new deploy is picked up at once;
    // the wheels it lists live under content-hashed paths and can be cached for good.
    const lock = await fetch(lockFileURL, { cache: "no-cache" }).then((r) => r.json());
    pyodide = await loadPyodide({
      indexURL,
      lockFileContents: lock,
      packageBaseUrl: new URL(".", lockFileURL).href,
      // The build (overrides/hooks/python_runtime.py) names what every session needs.
      packages: lock.tool["mlops-course"].preload,
    });
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
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
    postMessage({ type: "ready", version: pyodide.version, startupMs: performance.now() - started });
  } catch (error) {
    postMessage({ type: "init-error", message: String(error?.message ?? error) });
  }
}

function run({ id, code, namespace, filename, lineLimit }) {
  const started = performance.now();
  currentOutput = new CappedOutput(id, lineLimit);
  const [status, traceback] = runBlock(code, namespace, filename).toJs();
  currentOutput.flush();
  postMessage({
    type: "done",
    id,
    status,
    traceback,
    durationMs: performance.now() - started,
    droppedLines: currentOutput.droppedLines,
  });
  currentOutput = undefined;
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
      kept = kept.slice(0, this.charactersLeft) + "\n";
      this.droppedLines += 1;
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

// Pyodide downloads its runtime with fetch(); count the bytes as they stream in.
function reportDownloadProgress() {
  const realFetch = globalThis.fetch;
  let loaded = 0;
  let total = 0;
  let lastReport = 0;
  globalThis.fetch = async (...args) => {
    const response = await realFetch(...args);
    const size = Number(response.headers.get("content-length"));
    if (!response.body || !size) return response;
    total += size;
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        if (performance.now() - lastReport > 100 || loaded === total) {
          lastReport = performance.now();
          postMessage({ type: "progress", loaded, total });
        }
        controller.enqueue(chunk);
      },
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
  };
}
