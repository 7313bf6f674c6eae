/**
 * How a zip entry's deflated bytes become its content. The reader is platform-free and takes an
 * `Inflater`: Node's native zlib in the CLI (`../node/inflate`), `fflate` where there is no
 * `node:zlib` (the task pane in the browser, `fflateInflate` here).
 */
import { inflateSync } from "fflate";

/**
 * Inflates raw DEFLATE `data` whose declared uncompressed size is `size`. Must never return more
 * than `size` bytes (the declared sizes are what the unpacked-size cap is checked against), and
 * throws on damaged data.
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;

/** `fflate`'s JavaScript inflate into a buffer of the declared size (longer output is cut there). */
export const fflateInflate: Inflater = (data, size) => inflateSync(data, { out: new Uint8Array(size) });
