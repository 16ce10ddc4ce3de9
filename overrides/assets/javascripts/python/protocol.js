// The words the page and the Python worker exchange, in one place. What each message carries:
// the protocol table in README.md beside this file.

/** Message types, page → worker and worker → page. */
export const MESSAGE = Object.freeze({
  prepare: "prepare", // page → worker: load what a start needs (and with `restore`, restore a snapshot)
  init: "init", // page → worker: start Python
  run: "run", // page → worker: run a block
  test: "test", // page → worker: run a block's tests with pytest
  check: "check", // page → worker: grade an exercise's code with its checks
  prepared: "prepared", // worker → page: prepare's work is done; whether a snapshot was found, restoring
  progress: "progress", // worker → page: how a start (or a run's packages) is going: a STAGE
  ready: "ready", // worker → page: Python is ready (from a memory snapshot, or from scratch)
  snapshotMade: "snapshot-made", // worker → page: a snapshot-making worker stored its snapshot
  initError: "init-error", // worker → page: Python could not start
  started: "started", // worker → page: the run's packages are loaded and its code now runs
  output: "output", // worker → page: text the run printed, as it is printed
  display: "display", // worker → page: a chart or table the run displayed
  done: "done", // worker → page: the run ended
});

/** How a run ended (`status` of a "done" message, and of what python-session.js resolves). */
export const STATUS = Object.freeze({
  ok: "ok",
  error: "error", // the code raised; `traceback` says what
  interrupted: "interrupted", // Stop raised KeyboardInterrupt in place; names survive
  reset: "reset", // the session was replaced (Stop without isolation, or a restart); names gone
  failed: "failed", // Python could not start
});

/** What a "progress" message says Python is doing while a run waits for it. */
export const STAGE = Object.freeze({
  download: "download", // the runtime's files are downloading: `loaded` of `total` bytes
  runtime: "runtime", // they are in: the WebAssembly runtime compiles and starts (or restores)
  packages: "packages", // `packages` load: the course's during a start, pytest before a first test run
  starting: "starting", // Python imports the page's runner
});
