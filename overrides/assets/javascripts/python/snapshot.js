// Python memory snapshots, used by python-worker.js: a started session (the course wheel
// loaded, pytest run once) saved compressed in Cache Storage, so that later starts restore it
// instead of starting Python from nothing. Pyodide 314 ships the API as private options
// (loadPyodide's _makeSnapshot and _loadSnapshot, pyodide.makeMemorySnapshot, the module's
// growMemory). One snapshot per origin, keyed by the build and the runtime; anything wrong with
// it and it is deleted, and the session starts as it would without. Design and limits:
// README.md ("Memory snapshots").

// Not "mlops-course-…": the service worker deletes every cache of that prefix but its build's.
const CACHE = "mlops-snapshot";
const MEMORY_BYTES = "X-Memory-Bytes"; // the snapshot's size before compression
const QUIET = { messageCallback: () => {} };

/** The key of this build's snapshot for this runtime, as the URL it is stored under. */
export function snapshotUrl(buildVersion, runtimeVersion) {
  return new URL(`/python-snapshot/${buildVersion}/${runtimeVersion}`, self.location.origin).href;
}

/**
 * The stored snapshot under `url`, or undefined if there is none: {memory, filled}. `memory`
 * is its buffer, still being decompressed into; `filled` resolves once it is complete, so the
 * runtime can load meanwhile. One that cannot be read is deleted, and `filled` rejects.
 */
export async function openSnapshot(url) {
  let response;
  try {
    response = await (await caches.open(CACHE)).match(url);
  } catch {
    return undefined; // no Cache Storage here (some private windows)
  }
  const length = Number(response?.headers.get(MEMORY_BYTES));
  if (!length) return undefined;
  const memory = new Uint8Array(length);
  const filled = decompressInto(memory, response.body).catch(async (error) => {
    await forgetSnapshots();
    throw error;
  });
  return { memory, filled };
}

async function decompressInto(memory, body) {
  let offset = 0;
  for await (const chunk of body.pipeThrough(new DecompressionStream("gzip"))) {
    memory.set(chunk, offset); // throws past the end: a snapshot longer than it says
    offset += chunk.length;
  }
  if (offset !== memory.length) throw new Error("the snapshot is shorter than it says");
}

/**
 * loadPyodide options that restore `snapshot` ({memory, filled}). `runtime` is the promise of
 * Pyodide's pyodide.asm.mjs module. Pyodide waits for the snapshot before it instantiates the
 * WebAssembly; handing it the buffer at once and waiting for `filled` only where the module is
 * created lets decompression and instantiation run side by side.
 */
export function restoreOptions(runtime, snapshot) {
  return {
    _loadSnapshot: snapshot.memory,
    createPyodideModule: async (settings) => {
      const { default: createModule } = await runtime;
      // The saved session's memory grew past the runtime's built-in 30 MB (pytest ran once),
      // and Pyodide copies a snapshot into memory as it is: grow it first.
      settings.preRun = [(module) => module.growMemory(snapshot.memory.length), ...settings.preRun];
      const [module] = await Promise.all([createModule(settings), snapshot.filled]);
      return module;
    },
  };
}

/** Store `bytes` as the origin's one snapshot; resolves with its stored (compressed) size. */
export async function storeSnapshot(url, bytes) {
  const packed = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  const compressed = await new Response(packed).blob();
  await forgetSnapshots(); // one per origin: an older build's or runtime's goes
  const cache = await caches.open(CACHE);
  const headers = { "Content-Type": "application/octet-stream", [MEMORY_BYTES]: String(bytes.length) };
  try {
    await cache.put(url, new Response(compressed, { headers }));
  } catch (refused) {
    await forgetSnapshots(); // over quota, say: better none than half of one
    throw refused;
  }
  return compressed.size;
}

export async function forgetSnapshots() {
  await caches.delete(CACHE).catch(() => {});
}

/**
 * Start Python from scratch, bring it to the state every session starts in (`prepare`), and
 * return the snapshot. `prepare(pyodide)` must leave no JavaScript object in Python's hands:
 * a snapshot cannot hold one (display sinks and the like are installed after a restore).
 */
export async function makeSnapshot(loadPyodide, options, packages, prepare) {
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  pyodide.setStdout({ write: (bytes) => bytes.length }); // a warm-up's output goes nowhere
  await pyodide.loadPackage(packages, QUIET);
  prepare(pyodide);
  // Pyodide refuses a snapshot that records loaded packages. Their modules are in the memory
  // saved; their files are not (they live outside WebAssembly memory), so a restored session
  // installs the wheels again, from the cache, before it imports anything new from them.
  for (const name of Object.keys(pyodide.loadedPackages)) delete pyodide.loadedPackages[name];
  return pyodide.makeMemorySnapshot();
}
