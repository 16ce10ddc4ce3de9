// How a stored snapshot is read back: decompressed bytes re-cut into chunks of one size.
import assert from "node:assert/strict";
import { test } from "node:test";

import { inChunks } from "../../overrides/assets/javascripts/python/snapshot.js";

async function chunksOf(pieces, size) {
  const chunks = [];
  for await (const chunk of inChunks(pieces, size)) chunks.push(chunk);
  return chunks;
}

const bytes = (count, start = 0) => Uint8Array.from({ length: count }, (_, i) => (start + i) % 256);

test("pieces of any size come out as chunks of the size asked, the last one shorter", async () => {
  const pieces = [bytes(3), bytes(10, 3), bytes(1, 13), bytes(6, 14)]; // 20 bytes
  const chunks = await chunksOf(pieces, 8);
  assert.deepEqual(
    chunks.map((chunk) => chunk.length),
    [8, 8, 4],
  );
  assert.deepEqual(Buffer.concat(chunks), Buffer.from(bytes(20)));
});

test("each chunk has a buffer of its own, so it can be transferred", async () => {
  const chunks = await chunksOf([bytes(20)], 8);
  assert.equal(new Set(chunks.map((chunk) => chunk.buffer)).size, chunks.length);
  assert.ok(chunks.every((chunk) => chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length));
});

test("an exact multiple ends without an empty chunk, and nothing gives nothing", async () => {
  assert.deepEqual(
    (await chunksOf([bytes(16)], 8)).map((chunk) => chunk.length),
    [8, 8],
  );
  assert.deepEqual(await chunksOf([], 8), []);
});
