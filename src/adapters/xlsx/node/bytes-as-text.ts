/** Node's `Buffer` codecs as the reader's `BytesAsText`: Latin-1 is one copy, UTF-8 native. */
import type { BytesAsText } from "../read/inflate";
import { noteSheetText } from "./release-text";

/** `bytes` as a `Buffer` over the same memory (no copy). */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const nodeBytesAsText: BytesAsText = {
  latin1: (bytes) => {
    noteSheetText(bytes.byteLength);
    return asBuffer(bytes).toString("latin1");
  },
  // Only for long text and bytes that are not UTF-8: the reader decodes the rest itself.
  utf8: (latin1, start, end) => Buffer.from(latin1.slice(start, end), "latin1").toString("utf8"),
};
