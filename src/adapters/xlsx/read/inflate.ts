/**
 * How a zip entry's deflated bytes become its content. The reader is platform-free and takes an
 * `Inflater`: Node's native zlib in the CLI (`../node/inflate`), `fflate` where there is no
 * `node:zlib` (the task pane in the browser, `./inflate-fflate`). Nothing here loads either: the
 * CLI never loads `fflate` to read (about 16 ms of a run).
 */

/**
 * Inflates raw DEFLATE `data` whose declared uncompressed size is `size`. Must never return more
 * than `size` bytes (the declared sizes are what the unpacked-size cap is checked against), and
 * throws on damaged data.
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;

/**
 * A part's bytes as text without decoding them whole: `latin1` gives one character per byte (the
 * markup is ASCII, so it is scanned in place) and `utf8` decodes text from the bytes where needed.
 * Node passes its `Buffer` codecs (`../node`), where this is several times cheaper than decoding
 * a large worksheet as UTF-8 and holds one byte per character instead of two. The browser decodes
 * whole parts (`TextDecoder`), as without this option.
 */
export interface BytesAsText {
  latin1(bytes: Uint8Array): string;
  /**
   * The UTF-8 text held one byte per character in `latin1` between two offsets, with replacement
   * characters for bytes that are not UTF-8 (as `TextDecoder`). It reads the Latin-1 string, not
   * the bytes, so that the bytes can go as soon as `latin1` has them.
   */
  utf8(latin1: string, start: number, end: number): string;
}
