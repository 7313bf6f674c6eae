/**
 * The patcher's codecs in Node (`feedback`): native zlib both ways, on this thread. The writer's
 * second thread (../write/deflate-worker.ts) measured no faster here and held 16 MB more at the
 * peak (the 100,000-row ledger's copy: 1.79–2.03 s against 1.86–2.00 s; docs/PERFORMANCE.md).
 */
import { nodeCodec } from "../write/deflate-node";
import type { PackageCodecs } from "../patch/package";
import { asBuffer } from "./bytes-as-text";
import { zlibInflate } from "./inflate";
import { releasePartBytes } from "./release-text";

export const NODE_PACKAGE_CODECS: PackageCodecs = {
  inflate: zlibInflate,
  deflate: nodeCodec,
  latin1: {
    decode: (bytes) => asBuffer(bytes).toString("latin1"),
    encodeInto: (text, into) => asBuffer(into).write(text, "latin1"),
  },
  released: releasePartBytes,
};
