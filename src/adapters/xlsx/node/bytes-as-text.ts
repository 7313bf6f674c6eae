/** Node's `Buffer` codecs as the reader's `BytesAsText`: Latin-1 is one copy, UTF-8 native. */
import type { BytesAsText } from "../read/inflate";

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const nodeBytesAsText: BytesAsText = {
  latin1: (bytes) => asBuffer(bytes).toString("latin1"),
  utf8(bytes) {
    const buffer = asBuffer(bytes); // one view per part, not per cell
    return (start, end) => buffer.toString("utf8", start, end);
  },
};
