// Python memory snapshots, used by python-worker.js: a started session (the course wheel
// loaded, pytest run once) saved compressed in Cache Storage, so that later starts restore it
// instead of starting Python from nothing. Pyodide 314 ships the API as private options
// (loadPyodide's _makeSnapshot and _loadSnapshot, pyodide.makeMemorySnapshot, the module's
// growMemory). One snapshot per origin, keyed by the build and the runtime; anything wrong with
// it and it is deleted, and the session starts as it would without. Design and limits:
// README.md ("Memory snapshots").

// Not "mlops-course-…": the service worker deletes every cache of that prefix but its build's.
// overrides/main.html asks for it by name too (a returning reader's page loads Python early).
const CACHE = "mlops-snapshot";
const MEMORY_BYTES = "X-Memory-Bytes"; // the snapshot's size before compression
/** loadPackage options that keep Pyodide's "Loading …" lines out of the console. */
export const QUIET = { messageCallback: () => {} };
const INFLATER_URL = new URL("snapshot-inflater.js", import.meta.url);

/** The key of this build's snapshot for this runtime, as the URL it is stored under. */
export function snapshotUrl(buildVersion, runtimeVersion) {
  return new URL(`/python-snapshot/${buildVersion}/${runtimeVersion}`, self.location.origin).href;
}

/** Whether the origin holds a snapshot (of any build): worth getting a worker ready early. */
export async function hasSnapshot() {
  try {
    return await caches.has(CACHE);
  } catch {
    return false; // no Cache Storage here (some private windows)
  }
}

/**
 * The stored snapshot under `url`, or undefined if there is none. Only its headers are read
 * now; read() then decompresses it on a thread of its own (snapshot-inflater.js, started now so
 * that it is ready by then), into a buffer it returns at once: {memory, filled}, `filled`
 * resolving once the last byte is in, so the runtime can load meanwhile on this thread. One
 * that cannot be read is deleted, and `filled` rejects.
 */
export async function findSnapshot(url) {
  let response;
  try {
    response = await (await caches.open(CACHE)).match(url);
  } catch {
    return undefined; // no Cache Storage here (some private windows)
  }
  const length = Number(response?.headers.get(MEMORY_BYTES));
  if (!length) return undefined;
  const inflater = new Worker(INFLATER_URL, { type: "module" });
  return {
    read() {
      const memory = new Uint8Array(length);
      const filled = inflateInto(memory, url, inflater).catch(async (error) => {
        await forgetSnapshots();
        throw error;
      });
      return { memory, filled };
    },
  };
}

// The inflater reads the snapshot from Cache Storage itself: a stream handed to it would still
// be read on this thread, which is busy instantiating. Its answers: snapshot-inflater.js.
function inflateInto(memory, url, inflater) {
  return new Promise((resolve, reject) => {
    let offset = 0;
    const end = (error) => {
      inflater.terminate();
      if (error) reject(error);
      else if (offset !== memory.length) reject(new Error("the snapshot is shorter than it says"));
      else resolve();
    };
    inflater.onerror = (event) => end(new Error(event.message || "the snapshot could not be inflated"));
    inflater.onmessage = ({ data }) => {
      if (!data.chunk) return end(data.error && new Error(data.error));
      try {
        memory.set(data.chunk, offset); // throws past the end: a snapshot longer than it says
        offset += data.chunk.length;
      } catch (error) {
        end(error);
      }
    };
    inflater.postMessage({ cache: CACHE, url });
  });
}

/**
 * The bytes of `pieces` (an async iterable of Uint8Arrays, such as a decompressing stream) in
 * chunks of exactly `size` bytes but the last, each a buffer of its own (so it can be
 * transferred to another thread).
 */
export async function* inChunks(pieces, size) {
  let chunk = new Uint8Array(size);
  let used = 0;
  for await (const piece of pieces) {
    for (let at = 0; at < piece.length;) {
      const taken = Math.min(size - used, piece.length - at);
      chunk.set(piece.subarray(at, at + taken), used);
      used += taken;
      at += taken;
      if (used === size) {
        yield chunk;
        chunk = new Uint8Array(size);
        used = 0;
      }
    }
  }
  if (used) yield chunk.slice(0, used);
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
