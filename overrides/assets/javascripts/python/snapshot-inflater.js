// Decompresses a stored memory snapshot on a thread of its own, so that the Python worker
// fetches and instantiates the WebAssembly meanwhile instead of after (snapshot.js). Started by
// findSnapshot() before it is needed. Receives {cache, url}: where the snapshot (gzip) is
// stored; answers {chunk} (a Uint8Array of up to 1 MB, transferred) as often as needed, then
// {done: true}, or {error} if it is gone or cannot be decompressed.

const CHUNK_BYTES = 1 << 20; // few messages, each small enough to copy in well under a millisecond

self.onmessage = async ({ data: { cache, url } }) => {
  try {
    const { body } = await (await caches.open(cache)).match(url);
    let chunk = new Uint8Array(CHUNK_BYTES);
    let used = 0;
    for await (const piece of body.pipeThrough(new DecompressionStream("gzip"))) {
      for (let at = 0; at < piece.length;) {
        const taken = Math.min(CHUNK_BYTES - used, piece.length - at);
        chunk.set(piece.subarray(at, at + taken), used);
        used += taken;
        at += taken;
        if (used === CHUNK_BYTES) {
          send(chunk);
          chunk = new Uint8Array(CHUNK_BYTES);
          used = 0;
        }
      }
    }
    if (used) send(chunk.subarray(0, used));
    postMessage({ done: true });
  } catch (error) {
    postMessage({ error: String(error?.message ?? error) });
  }
};

function send(chunk) {
  postMessage({ chunk }, [chunk.buffer]);
}
