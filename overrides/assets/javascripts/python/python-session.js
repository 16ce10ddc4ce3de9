// The one Python session of a visit, shared by every runnable block on every page. This module
// is loaded once; Material's instant navigation swaps page content but keeps module state, so
// moving between pages never downloads or starts Python again.
// Message protocol with the worker: README.md beside this file.

import { savesData, whenIdle, whenVisible } from "../dom.js";
import { MESSAGE, STATUS } from "./protocol.js";
import { PYODIDE_VERSION } from "./runtime-version.js"; // written by the build
import { hasSnapshot } from "./snapshot.js";

// The site's lock file and wheels, and beside them the runtime in a folder named by its version
// (so that hosts may cache it for good).
const PYODIDE_URL = new URL("../../vendor/pyodide/", import.meta.url);
const RUNTIME_URL = new URL(`${PYODIDE_VERSION}/`, PYODIDE_URL);
const WORKER_URL = new URL("python-worker.js", import.meta.url);
const LOCK_FILE_URL = new URL("pyodide-lock.json", PYODIDE_URL);
const BUILD_URL = new URL("../../../build.json", import.meta.url); // the build's version
// Where a worker finds the runtime, the lock file and the build's version (protocol: README.md).
const LOCATIONS = { indexURL: RUNTIME_URL.href, lockFileURL: LOCK_FILE_URL.href, buildURL: BUILD_URL.href };
// A snapshot is made once Python has started and no run has begun for this long. A run ends the
// making, and a reader working on an exercise runs again within seconds: after 2 s, makings
// were begun and thrown away run after run, a second Python start's CPU each time (the browser
// tests, which iterate as such a reader does, ran 6 % faster with 10 s). 5 s, so that the
// snapshot is still stored within 10 s of the first start (~2 s to make it on 2 cores).
const SNAPSHOT_QUIET_MS = 5_000;
// A restored session holds its WebAssembly memory (~40 MB) for the visit: not on a device with
// less memory than this (GB, navigator.deviceMemory), where Python starts on intent as before.
const RESTORE_BEFORE_INTENT_MIN_MEMORY_GB = 4;
const LINE_LIMIT = 1000;
// After Stop, how long an in-place KeyboardInterrupt may take before the worker is replaced
// (code stuck outside the interpreter loop never sees the interrupt). It usually lands in
// 5-50 ms; a busy 2-core machine was seen to need over 500 ms. Stop must end code within 1 s.
const INTERRUPT_GRACE_MS = 900;
const SIGINT = 2;
// A run still going after this long may need Stop: make sure a spare is warming up.
const LONG_RUN_MS = 1000;

// SharedArrayBuffer, and so an in-place interrupt, exists only on cross-origin isolated pages.
const canInterrupt = globalThis.crossOriginIsolated === true;

const progressListeners = new Set();
let primary;
let prepared; // a worker created for this page's first intent, not started yet
let spare;
let nextRunId = 1;
let stopCount = 0;
let nextStop = Promise.withResolvers(); // resolved by Stop: runs waiting for Python end at once
let startMs; // how long the current session took from being asked to start to ready

/** Increases whenever the session is replaced: namespaces from before are gone. */
export let generation = 0;

/** Start Python now (on the first sign of intent); resolves when it is ready. */
export function preload() {
  if (!primary || primary.failed) {
    adopt(prepared ?? new PythonWorker()); // a failed start is retried
    prepared = undefined;
    // Work that would compete for the cores waits while Python starts (offline.js's caching,
    // mermaid-loader.js's diagrams); once ready, the runtime is worth keeping for offline use.
    dispatchEvent(new Event("python:starting"));
    primary.ready.then(
      () => dispatchEvent(new Event("python:ready")),
      () => dispatchEvent(new Event("python:failed")),
    );
  }
  return primary.ready;
}

// The session's worker is created ahead of intent. For a reader without a snapshot, once the
// page is idle, and with no message: it loads this folder's modules and nothing of Python,
// which takes the worker's own start-up (~150-300 ms on a cold visit) off the first Run. A
// reader whose browser holds a snapshot has run code on this site before, and is the reader most
// likely to run it again: their worker is created as this module loads, and asked at once to
// prepare (Pyodide's scripts, the lock file, the snapshot's headers: all from the caches) and,
// if the page is in view, to restore the snapshot, so that a Run clicked as soon as the page
// shows its output at once. It does all of that on its own thread, while this one is busy
// starting the page; the page learns it is under way from the worker's "prepared". Not for a
// reader who asks to save data, nor on a device short of memory: there the session is only
// prepared, and Python starts on intent. In a hidden tab it restores once the reader turns to
// it. Without isolation the spare that Stop swaps in is prepared too, once the page is idle
// (keepSpareWarm). Readers without a snapshot never start Python before intent.
hasSnapshot().then((found) => {
  if (primary || prepared) return;
  if (!found) {
    whenIdle(() => {
      if (!primary && !prepared) prepared = new PythonWorker({ startNow: false, prepareNow: false });
    });
    return;
  }
  const restoreNow = restoreBeforeIntentSuits() && document.visibilityState === "visible";
  const worker = (prepared = new PythonWorker({ startNow: false, prepareNow: false }));
  worker.prepareIfSnapshot({ restore: restoreNow });
  worker.snapshotFound.then((usable) => {
    if (!usable) return;
    whenIdle(prepareSpare);
    // A worker that restores becomes the session; one only prepared waits for intent, or in a
    // hidden tab for the reader to turn to it.
    if (worker.restoring) preload().catch(() => {});
    else if (restoreBeforeIntentSuits()) whenVisible(restoreWhenIdle);
  });
});

function restoreWhenIdle() {
  whenIdle(() => preload().catch(() => {})); // a failed start is reported when the reader runs code
}

function restoreBeforeIntentSuits() {
  return !savesData() && !(navigator.deviceMemory < RESTORE_BEFORE_INTENT_MIN_MEMORY_GB);
}

/** Resolves once Python is not starting (at once when it is not): work that can wait, such as
 * creating editors the reader only scrolled near, waits while a start takes the cores. */
export function settled() {
  return primary
    ? primary.ready.then(
        () => {},
        () => {},
      )
    : Promise.resolve();
}

/** Make `worker` the session's; once it is ready, say how it started (<html data-python-start>
 * is "snapshot" or "plain"), and have a snapshot made if it had none to start from. */
function adopt(worker) {
  primary = worker;
  worker.start();
  worker.ready.then(
    ({ start, readyMs }) => {
      if (worker !== primary) return;
      document.documentElement.dataset.pythonStart = start;
      startMs = readyMs;
      if (start === "snapshot") {
        snapshots.state = "used";
        whenIdle(prepareSpare); // after a Stop, the next spare
      } else if (!savesData()) {
        snapshots.schedule(); // it downloads pytest's wheels, which this run did not need
      }
    },
    () => {},
  );
}

/** How the current session's Python started, how long that took, and what the origin's memory
 * snapshot is: {start: "snapshot" | "plain" | undefined, startMs,
 * snapshot: {state, bytes, storedBytes, makeMs}}. */
export function status() {
  const { state, bytes, storedBytes, makeMs } = snapshots;
  const start = document.documentElement.dataset.pythonStart;
  return { start, startMs, snapshot: { state, bytes, storedBytes, makeMs } };
}

// The origin's memory snapshot, made by a worker of its own after Python first started on this
// page and the page has been quiet for a moment; any run comes first: it ends the making, which
// starts again at the next quiet moment. Every later start restores it (python-worker.js).
const snapshots = {
  state: "none", // none | waiting | making | stored (made here) | used (started from one) | failed
  bytes: 0, // in memory
  storedBytes: 0, // compressed, in Cache Storage
  makeMs: 0,
  timer: undefined,
  worker: undefined,

  schedule() {
    if (!["none", "waiting", "making"].includes(this.state)) return;
    this.state = "waiting";
    clearTimeout(this.timer);
    this.timer = setTimeout(() => whenIdle(() => this.make()), SNAPSHOT_QUIET_MS);
  },

  make() {
    if (this.state !== "waiting") return;
    if (primary?.busy) return this.schedule();
    this.state = "making";
    this.worker = new Worker(WORKER_URL, { type: "module" });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = () => this.finish("failed");
    this.worker.postMessage({ type: MESSAGE.init, ...LOCATIONS, makeSnapshot: true });
  },

  receive(message) {
    if (message.type === MESSAGE.snapshotMade) {
      Object.assign(this, { bytes: message.bytes, storedBytes: message.storedBytes, makeMs: message.makeMs });
      this.finish("stored");
      document.documentElement.dataset.pythonSnapshot = "stored";
      dispatchEvent(new Event("python:snapshot"));
    } else if (message.type === MESSAGE.initError) {
      this.finish("failed"); // refused by quota, say: later starts are plain, nothing else changes
    }
  },

  finish(state) {
    this.worker?.terminate();
    this.worker = undefined;
    this.state = state;
  },

  /** A run begins: stop making the snapshot, and try again once the page is quiet. */
  yieldToRun() {
    if (this.state !== "waiting" && this.state !== "making") return;
    this.worker?.terminate();
    this.worker = undefined;
    this.state = "waiting";
    clearTimeout(this.timer);
  },
};

/** Be told how Python's start is going: listener({stage, loaded, total, packages}), a "progress"
 * message of the protocol. Returns an unsubscribe function. */
export function onProgress(listener) {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

/**
 * Run code in a namespace; onPackages({stage, packages}) is called while packages it needs load,
 * onStarted() once they are loaded and the code runs, onOutput(stream, text) as output arrives,
 * onDisplay(item) for each chart or table.
 * Resolves with {status, traceback, durationMs, droppedLines, restart?}; status is one of
 * STATUS (protocol.js) but "failed": "reset" means the session was replaced while this run
 * waited or ran. `restart` says why the session was replaced after this run (it ran out of
 * memory, the runtime failed).
 */
export function run(code, options) {
  return request(MESSAGE.run, code, options);
}

/**
 * Run the code's tests with pytest. Resolves like run(), plus {tests, summary}: one
 * {name, outcome, seconds, details} per test, and a line such as "2 passed, 1 failed in 0.12s".
 */
export function runTests(code, options) {
  return request(MESSAGE.test, code, options);
}

/**
 * Grade an exercise: its hidden `checks` (real pytest) on `code`. Resolves like run(), plus
 * {report: {checks: [{text, passed, details}], summary, passed, total}} when it finished.
 */
export function checkExercise(code, checks, options) {
  return request(MESSAGE.check, code, { ...options, checks });
}

async function request(type, code, { namespace, filename, onPackages, onStarted, onOutput, onDisplay, checks }) {
  snapshots.yieldToRun();
  const stopsBefore = stopCount;
  await Promise.race([preload(), nextStop.promise]); // the start goes on after a Stop
  if (stopCount !== stopsBefore) return { status: STATUS.interrupted, durationMs: 0, droppedLines: 0 };
  const worker = primary;
  const listeners = { onPackages, onStarted, onOutput, onDisplay };
  const result = await worker.run({ type, code, checks, namespace, filename, lineLimit: LINE_LIMIT }, listeners);
  // The worker asks for a new session when its interpreter cannot go on (out of memory, crashed).
  if (result.restart && worker === primary) replacePrimary();
  if (snapshots.state === "waiting") snapshots.schedule(); // quiet again from now on
  return result;
}

/** Stop the running code, and cancel runs waiting for Python to start. Resolves with
 * STATUS.interrupted, STATUS.reset or "idle" (no code was running). */
export async function stop() {
  stopCount += 1; // runs still waiting for Python to start never begin
  nextStop.resolve();
  nextStop = Promise.withResolvers();
  const worker = primary;
  if (!worker?.busy) return "idle";
  if (worker.interruptBuffer) {
    Atomics.store(worker.interruptBuffer, 0, SIGINT);
    if (await worker.idleWithin(INTERRUPT_GRACE_MS)) return STATUS.interrupted;
  }
  replacePrimary();
  return STATUS.reset;
}

function replacePrimary() {
  primary.terminate();
  adopt(spare ?? new PythonWorker());
  spare = undefined;
  generation += 1;
}

// Without in-place interrupts, Stop swaps in a spare that has already started Python, so the
// next run does not wait ~2 s. It starts after a run has finished or once a run turns out to be
// long, so quick runs (the reader's first above all) keep both cores to themselves. Where a
// snapshot exists, the spare was prepared while the page was idle (prepareSpare): all it has
// left to do then is the restore, which it must do on the one core the run leaves free.
function keepSpareWarm() {
  if (canInterrupt) return;
  spare ??= new PythonWorker();
  spare.start();
}

function prepareSpare() {
  if (!canInterrupt && !spare) spare = new PythonWorker({ startNow: false });
}

class PythonWorker {
  constructor({ startNow = true, prepareNow = true } = {}) {
    this.runs = new Map();
    this.idleWaiters = [];
    this.worker = new Worker(WORKER_URL, { type: "module" });
    this.interruptBuffer = canInterrupt ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    this.ready = new Promise((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    this.ready.catch(() => {}); // callers that await it see the error; nobody else must
    // Whether prepare found this build's snapshot (a snapshot of another build is not used).
    this.snapshotFound = new Promise((resolve) => {
      this.settleSnapshotFound = resolve;
    });

    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.settleReady.reject(new Error(event.message || "worker failed"));
    if (prepareNow) this.prepare();
    if (startNow) this.start();
  }

  /** Have the worker prepare only if the origin holds a snapshot, and with `restore` start the
   * session from it at once (`restoring` once the worker says it does). */
  prepareIfSnapshot({ restore }) {
    this.prepareSent = true;
    this.askedAt = performance.now();
    const message = { type: MESSAGE.prepare, ...LOCATIONS, ifSnapshot: true, restore };
    this.worker.postMessage({ ...message, interruptBuffer: this.interruptBuffer });
  }

  /** Have the worker load what a start needs besides Python itself (once). */
  prepare() {
    if (this.prepareSent) return;
    this.prepareSent = true;
    this.worker.postMessage({ type: MESSAGE.prepare, ...LOCATIONS });
  }

  /** Start Python (once); `ready` resolves with how it started and how long from now it took. */
  start() {
    if (this.startedAt !== undefined) return;
    this.startedAt = performance.now();
    this.prepare();
    this.worker.postMessage({ type: MESSAGE.init, ...LOCATIONS, interruptBuffer: this.interruptBuffer });
  }

  get busy() {
    return this.runs.size > 0;
  }

  receive(message) {
    const pending = this.runs.get(message.id);
    switch (message.type) {
      case MESSAGE.prepared:
        if (message.restoring && this.startedAt === undefined) {
          this.restoring = true;
          this.startedAt = this.askedAt; // it starts as init would: start() sends nothing more
        }
        this.settleSnapshotFound(message.snapshot);
        break;
      case MESSAGE.progress: // of a run (its packages), or of the session's start
        if (message.id !== undefined) pending?.onPackages?.(message);
        else if (this === primary) for (const listener of progressListeners) listener(message);
        break;
      case MESSAGE.ready:
        this.settleReady.resolve({ start: message.start, readyMs: performance.now() - this.startedAt });
        break;
      case MESSAGE.initError:
        this.failed = true;
        this.settleReady.reject(new Error(message.message));
        this.worker.terminate();
        break;
      case MESSAGE.started:
        pending?.onStarted?.();
        break;
      case MESSAGE.output:
        pending?.onOutput(message.stream, message.text);
        break;
      case MESSAGE.display:
        pending?.onDisplay?.(message.item);
        break;
      case MESSAGE.done:
        this.finish(message.id, message);
        break;
    }
  }

  run(message, listeners) {
    const id = nextRunId++;
    if (this.interruptBuffer) Atomics.store(this.interruptBuffer, 0, 0);
    setTimeout(() => this.runs.has(id) && this === primary && keepSpareWarm(), LONG_RUN_MS);
    return new Promise((resolve) => {
      this.runs.set(id, { resolve, ...listeners });
      this.worker.postMessage({ id, ...message });
    });
  }

  finish(id, result) {
    this.runs.get(id)?.resolve(result);
    this.runs.delete(id);
    if (this.busy) return;
    this.idleWaiters.splice(0).forEach((wake) => wake(true));
    if (this === primary) keepSpareWarm();
  }

  whenIdle() {
    return this.busy ? new Promise((wake) => this.idleWaiters.push(wake)) : Promise.resolve(true);
  }

  idleWithin(milliseconds) {
    const timeout = new Promise((wake) => setTimeout(() => wake(false), milliseconds));
    return Promise.race([this.whenIdle(), timeout]);
  }

  terminate() {
    this.worker.terminate();
    this.settleReady.reject(new Error("the Python session was reset"));
    for (const id of [...this.runs.keys()]) this.finish(id, { status: STATUS.reset, droppedLines: 0 });
  }
}
