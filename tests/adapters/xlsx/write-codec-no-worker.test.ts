/**
 * Where no worker thread can run, the worker codec compresses every chunk on the calling thread and
 * writes the same bytes: a worker that cannot be created, and one that never starts.
 */
import { inflateRawSync } from "node:zlib";
import type { DeflateCodec } from "../../../src/adapters/xlsx/write/codec";
import { nodeCodec } from "../../../src/adapters/xlsx/write/deflate-node";

type WorkerModule = typeof import("../../../src/adapters/xlsx/write/deflate-worker");

const pieces = Array.from({ length: 6 }, (_, i) =>
  new TextEncoder().encode(`<c r="A${i}">台账${i}</c>`.repeat(60_000)).subarray(0, 1 << 20),
);

function compress(codec: DeflateCodec): Buffer {
  const out: Uint8Array[] = [];
  const stream = codec.start((d) => out.push(d));
  for (const p of pieces) stream.push(p);
  stream.finish();
  return Buffer.concat(out);
}

/** The worker codec loaded with `worker_threads.Worker` replaced by `Worker`. */
function withWorker(Worker: unknown): WorkerModule {
  let loaded: WorkerModule | undefined;
  jest.isolateModules(() => {
    jest.doMock("node:worker_threads", () => ({ ...jest.requireActual("node:worker_threads"), Worker }));
    loaded = jest.requireActual<WorkerModule>("../../../src/adapters/xlsx/write/deflate-worker");
  });
  return loaded!;
}

afterEach(() => jest.dontMock("node:worker_threads"));

test("a worker that cannot be created: every chunk compressed here, the same bytes", () => {
  let tries = 0;
  const { workerCodec, chunksCompressedElsewhere } = withWorker(
    class {
      constructor() {
        tries++;
        throw new Error("ERR_WORKER_INIT_FAILED");
      }
    },
  );
  const out = compress(workerCodec);
  expect(out.equals(compress(nodeCodec))).toBe(true);
  expect(inflateRawSync(out).equals(Buffer.concat(pieces))).toBe(true);
  compress(workerCodec);
  expect(tries).toBe(1); // tried once per process, not once per chunk
  expect(chunksCompressedElsewhere()).toBe(0);
});

test("a worker that never starts (it never says it runs): every chunk compressed here", () => {
  const { workerCodec, chunksCompressedElsewhere } = withWorker(
    class {
      on(): this {
        return this;
      }
      unref(): void {}
    },
  );
  expect(compress(workerCodec).equals(compress(nodeCodec))).toBe(true);
  expect(chunksCompressedElsewhere()).toBe(0);
});
