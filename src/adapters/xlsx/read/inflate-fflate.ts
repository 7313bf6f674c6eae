/** The reader's `Inflater` where there is no `node:zlib` (the task pane): `fflate`'s JavaScript inflate. */
import { inflateSync } from "fflate";
import type { Inflater } from "./inflate";

/** `fflate`'s JavaScript inflate into a buffer of the declared size (longer output is cut there). */
export const fflateInflate: Inflater = (data, size) => inflateSync(data, { out: new Uint8Array(size) });
