/**
 * Compression for the .xlsx writer, with no Node import so the writer runs in the browser too.
 *
 * A `DeflateCodec` compresses one ZIP entry as a stream of chunks (raw DEFLATE, RFC 1951) and
 * computes its CRC-32 (`./codec`). `browserCodec` uses fflate's streaming `Deflate`; Node uses
 * `nodeCodec` (deflate-node.ts: native zlib, several times faster than JavaScript DEFLATE), which
 * never loads `fflate`.
 */
import { Deflate } from "fflate";
import { DEFLATE_LEVEL, type DeflateCodec, crc32 } from "./codec";

/** fflate's streaming DEFLATE: the codec for the browser (the task pane's 导出). */
export const browserCodec: DeflateCodec = {
  start(onData) {
    const deflate = new Deflate({ level: DEFLATE_LEVEL }, (data) => onData(data));
    return {
      push: (chunk) => deflate.push(chunk.slice(), false),
      finish: () => deflate.push(new Uint8Array(0), true),
    };
  },
  crc32,
};
