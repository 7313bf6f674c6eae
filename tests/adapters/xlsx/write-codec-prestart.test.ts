/**
 * `startDeflateWorker`: started ahead of a large write (notice on a long ledger), the compressing
 * thread takes a part's chunks from the first; started by the first large chunk, it cannot take that
 * one (it is not running yet). Each test loads the codec afresh: one worker per process.
 */
import { inflateRawSync } from "node:zlib";
import { nodeCodec } from "../../../src/adapters/xlsx/write/deflate-node";

type WorkerModule = typeof import("../../../src/adapters/xlsx/write/deflate-worker");

function freshCodec(): WorkerModule {
  let loaded: WorkerModule | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<WorkerModule>("../../../src/adapters/xlsx/write/deflate-worker");
  });
  return loaded!;
}

const pieces = Array.from({ length: 3 }, (_, i) =>
  new TextEncoder().encode(`<c r="A${i}">台账${i}</c>`.repeat(60_000)).subarray(0, 1 << 20),
);

function compress(m: WorkerModule): Buffer {
  const out: Uint8Array[] = [];
  const stream = m.workerCodec.start((d) => out.push(d));
  for (const p of pieces) stream.push(p);
  stream.finish();
  return Buffer.concat(out);
}

async function until(ready: () => boolean): Promise<void> {
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > 30_000) throw new Error("the worker did not start");
    await new Promise((r) => setTimeout(r, 10));
  }
}

test("started ahead, the worker takes a part's chunks from the first, with the same bytes", async () => {
  const m = freshCodec();
  expect(m.deflateWorkerReady()).toBe(false);
  expect(m.startDeflateWorker()).toBe(true);
  await until(m.deflateWorkerReady);
  const out = compress(m);
  expect(m.chunksCompressedElsewhere()).toBe(pieces.length);
  expect(out.equals(compress({ ...m, workerCodec: nodeCodec }))).toBe(true);
  expect(inflateRawSync(out).equals(Buffer.concat(pieces))).toBe(true);
});

test("not started ahead, the first large chunk starts the worker and is compressed here", () => {
  const m = freshCodec();
  const out = compress(m);
  // The worker was started by the first chunk, which did not wait for it.
  expect(m.chunksCompressedElsewhere()).toBeLessThan(pieces.length);
  expect(inflateRawSync(out).equals(Buffer.concat(pieces))).toBe(true);
});
