/**
 * The Node codec: native zlib. zlib has no synchronous streaming API, so each chunk is compressed
 * on its own with a sync flush (no final bit, ends on a byte boundary) and the stream is closed
 * with an empty final block: the concatenation is one valid DEFLATE stream, as pigz makes them.
 * Chunks are about a megabyte, so starting afresh costs nothing measurable in size (DEFLATE's
 * window is 32 KB).
 */
import * as zlib from "node:zlib";
import { DEFLATE_LEVEL, crc32 as jsCrc32, type DeflateCodec } from "./codec";

/** An empty fixed-Huffman block with the final bit set: BFINAL=1, BTYPE=01, end-of-block. */
export const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

// zlib.crc32 arrived in Node 20.15; older Node 20 falls back to JavaScript.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** The options of every chunk: a sync flush, so the compressed chunks concatenate (see above). */
export const CHUNK_OPTIONS: zlib.ZlibOptions = {
  level: DEFLATE_LEVEL,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};

/** One chunk compressed on this thread. */
export function compressChunk(chunk: Uint8Array): Uint8Array {
  const out = zlib.deflateRawSync(chunk, CHUNK_OPTIONS);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export const nodeCodec: DeflateCodec = {
  start(onData) {
    return {
      push(chunk) {
        if (chunk.length > 0) onData(compressChunk(chunk));
      },
      finish() {
        onData(FINAL_BLOCK);
      },
    };
  },
  crc32: nativeCrc32 ? (data, previous) => nativeCrc32(data, previous) : jsCrc32,
};
