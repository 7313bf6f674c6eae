/**
 * What the .xlsx writer asks of a compressor (`DeflateCodec`), with no import at all: the browser's
 * codec is `fflate` (./deflate), Node's is zlib (./deflate-node), and neither loads the other.
 */
export interface DeflateStream {
  /** Compresses `chunk`; output goes to the `onData` callback given to `start`. The caller reuses
   * `chunk`'s memory once `push` returns, so a stream that keeps it must copy it. */
  push(chunk: Uint8Array): void;
  /** Ends the stream (the final block); no `push` after it. */
  finish(): void;
}

export interface DeflateCodec {
  start(onData: (compressed: Uint8Array) => void): DeflateStream;
  /** CRC-32 (ISO-HDLC, as ZIP uses) of `data` continuing from `previous` (0 to begin). */
  crc32(data: Uint8Array, previous: number): number;
}

/**
 * DEFLATE level 2, one of zlib's fast levels: compressing was the writer's largest cost at the
 * default 6, for files only somewhat smaller (measured in docs/PERFORMANCE.md).
 */
export const DEFLATE_LEVEL = 2;

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table !== undefined) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 in JavaScript, for hosts without zlib's. */
export function crc32(data: Uint8Array, previous: number): number {
  const t = crcTable();
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}
