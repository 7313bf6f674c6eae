/**
 * Node's codec for large parts: chunks are compressed on a second thread while the writer renders
 * the next ones, so compressing a 100,000-row sheet costs the writer's thread little beyond copying
 * (docs/PERFORMANCE.md, issue #9).
 *
 * The writer stays synchronous. Chunks go through a ring of `SLOTS` shared buffers: the writer copies
 * a chunk into the next free slot (waiting with `Atomics.wait` only when all are taken), the worker
 * compresses it with the same zlib call and options as `nodeCodec` and posts the bytes back, and
 * `finish` collects them in order with `receiveMessageOnPort`. So the bytes are exactly
 * `nodeCodec`'s, and the only memory that comes and goes is the compressed output (a tenth of the
 * text): an earlier try that handed each chunk's copy to libuv's thread pool made V8 count a
 * megabyte of outside memory per chunk and run three extra full collections (+0.9 s CPU, +110 MB).
 *
 * The worker starts at the first chunk of half a megabyte or more, or earlier when a caller expects
 * a large write (`startDeflateWorker`), and takes chunks once it runs (its start costs about 60 ms of
 * the other core, measured); until then, and in a workbook of small parts, which never starts it,
 * chunks are compressed on the calling thread.
 */
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { DeflateCodec } from "./codec";
import { CHUNK_OPTIONS, FINAL_BLOCK, compressChunk, nodeCodec } from "./deflate-node";
import { CHUNK_BYTES } from "./zip";

/** Shared buffers in the ring: the writer runs at most this many chunks ahead of the worker. */
const SLOTS = 4;
/** `state[i]`: slot `i` is free for the writer, or full and waiting for the worker. */
const FREE = 0;
const FULL = 1;

/** Compresses what the writer puts in the ring, in order; posts each result or the error. */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const { state, lengths, data, port, slots, slotBytes, options, ready } = workerData;
Atomics.store(ready, 0, 1);
for (let n = 0; ; n++) {
  const i = n % slots;
  Atomics.wait(state, i, ${FREE});
  const length = lengths[i];
  try {
    const out = zlib.deflateRawSync(data.subarray(i * slotBytes, i * slotBytes + length), options);
    const bytes = new Uint8Array(out);
    port.postMessage(bytes, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ error: String(error && error.message || error) });
  }
  Atomics.store(state, i, ${FREE});
  Atomics.notify(state, i);
}
`;

interface Ring {
  /** `ready[0]` is 1 once the worker runs: until then, chunks are compressed here, never waited for. */
  readonly ready: Int32Array;
  readonly state: Int32Array;
  readonly lengths: Int32Array;
  readonly data: Uint8Array;
  readonly port: MessagePort;
  /** Chunks handed to the worker so far (the next slot is `sent % SLOTS`). */
  sent: number;
  /** Results posted or to be posted and not yet taken: a part abandoned mid-way (its plan failed) leaves some. */
  unread: number;
}

let ring: Ring | undefined;

/** Set when a worker could not be started here: every chunk is then compressed on this thread. */
let noWorker = false;

/**
 * The worker and its ring, started on first use and kept for the process (it does not hold it open);
 * `undefined` where no worker can be started (the chunks are then compressed here, as before).
 */
function startRing(): Ring | undefined {
  if (ring !== undefined || noWorker) return ring;
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const state = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  const lengths = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  const data = new Uint8Array(new SharedArrayBuffer(SLOTS * CHUNK_BYTES));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        ready,
        state,
        lengths,
        data,
        port: port2,
        slots: SLOTS,
        slotBytes: CHUNK_BYTES,
        options: CHUNK_OPTIONS,
      },
      transferList: [port2],
    });
  } catch {
    noWorker = true;
    port1.close();
    return undefined;
  }
  // A worker that fails as it starts never sets `ready`, so it is never given a chunk.
  worker.on("error", () => undefined);
  worker.unref();
  port1.unref();
  ring = { ready, state, lengths, data, port: port1, sent: 0, unread: 0 };
  return ring;
}

/**
 * A megabyte takes the worker milliseconds; a slot still full after this long means the worker is gone
 * (it cannot say so: its `error` event would wait for this thread, which is blocked here).
 */
const STALLED_MS = 60_000;

/** Waits until slot `i` is free again (the worker has compressed and posted what it held). */
function waitFree(r: Ring, i: number): void {
  const until = Date.now() + STALLED_MS;
  while (Atomics.load(r.state, i) !== FREE) {
    if (Atomics.wait(r.state, i, FULL, STALLED_MS) === "timed-out" && Date.now() >= until)
      throw new Error("压缩线程无响应");
  }
}

/** The worker's next result, in order: it is posted before its slot is freed, so it is there now. */
function received(r: Ring): Uint8Array {
  r.unread--;
  const message = receiveMessageOnPort(r.port)?.message as Uint8Array | { error: string } | undefined;
  if (message === undefined) throw new Error("压缩线程没有返回结果");
  if (!(message instanceof Uint8Array)) throw new Error(`压缩失败：${message.error}`);
  return message;
}

/**
 * Starts the worker now, ahead of a large write (`notice` on a long ledger): it then runs by the time
 * the first large chunk comes, instead of the writer compressing the chunks that come while it starts
 * (7–9 of a 100k-row ledger's notice, measured). False where no worker can be started.
 */
export function startDeflateWorker(): boolean {
  return startRing() !== undefined;
}

/** Whether the worker runs and takes chunks (what the tests wait for). */
export function deflateWorkerReady(): boolean {
  return ring !== undefined && Atomics.load(ring.ready, 0) === 1;
}

/** Chunks the worker has been given so far in this process (what the tests and the bench check). */
export function chunksCompressedElsewhere(): number {
  return ring?.sent ?? 0;
}

/** Drops the results of a part that was never finished, so the next part reads only its own. */
function discardUnread(r: Ring): void {
  for (let i = 0; i < SLOTS; i++) waitFree(r, i);
  while (r.unread > 0) {
    r.unread--;
    receiveMessageOnPort(r.port);
  }
}

export const workerCodec: DeflateCodec = {
  start(onData) {
    if (ring !== undefined && ring.unread > 0) discardUnread(ring);
    /** The ring slots of this part's chunks the worker has, in order. */
    let slots: number[] = [];
    return {
      push(chunk) {
        if (chunk.length === 0) return;
        // A chunk of half a megabyte or more (a part that may go on) starts the worker; until it
        // runs, and for small parts, chunks are compressed here. Once a part's chunk has gone to
        // the worker, the rest follow it, so that the results stay in order.
        const large = chunk.length >= CHUNK_BYTES / 2 && chunk.length <= CHUNK_BYTES;
        const r = large ? startRing() : ring;
        if (r === undefined || (slots.length === 0 && (!large || Atomics.load(r.ready, 0) === 0))) {
          onData(compressChunk(chunk));
          return;
        }
        // The writer's chunks fit a slot (zip.ts fills one buffer of CHUNK_BYTES at a time): a
        // larger one can only come after the part's first went to the worker.
        if (chunk.length > CHUNK_BYTES) throw new Error("压缩块超过共享缓冲区");
        const i = r.sent % SLOTS;
        waitFree(r, i);
        r.data.set(chunk, i * CHUNK_BYTES);
        r.lengths[i] = chunk.length;
        r.sent++;
        r.unread++;
        slots.push(i);
        Atomics.store(r.state, i, FULL);
        Atomics.notify(r.state, i);
      },
      finish() {
        for (const i of slots) {
          waitFree(ring!, i);
          onData(received(ring!));
        }
        slots = [];
        onData(FINAL_BLOCK);
      },
    };
  },
  crc32: nodeCodec.crc32,
};
