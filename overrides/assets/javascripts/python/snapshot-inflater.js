// Decompresses a stored memory snapshot on a thread of its own, so that the Python worker
// fetches and instantiates the WebAssembly meanwhile instead of after (snapshot.js). Started by
// findSnapshot() before it is needed. Receives {cache, url}: where the snapshot (gzip) is
// stored; answers {chunk} (a Uint8Array of up to 1 MB, transferred) as often as needed, then
// {done: true}, or {error} if it is gone or cannot be decompressed.

import { inChunks } from "./snapshot.js";

const CHUNK_BYTES = 1 << 20; // few messages, each small enough to copy in well under a millisecond

self.onmessage = async ({ data: { cache, url } }) => {
  try {
    const { body } = await (await caches.open(cache)).match(url);
    for await (const chunk of inChunks(body.pipeThrough(new DecompressionStream("gzip")), CHUNK_BYTES)) {
      postMessage({ chunk }, [chunk.buffer]);
    }
    postMessage({ done: true });
  } catch (error) {
    postMessage({ error: String(error?.message ?? error) });
  }
};
