/**
 * Gives back the memory of a large worksheet's text once it has been read.
 *
 * The reader holds a worksheet's bytes as one Latin-1 string (`bytes-as-text.ts`). Node makes a
 * string of over about a megabyte an external string, whose memory lives outside the JavaScript
 * heap and is freed only when a full collection finds the string dead. The string is alive while
 * its sheet is parsed, which is long enough for it to be promoted, and V8 starts a full collection
 * for external memory only past 64 MB of it: the 62 MB text of a 100,000-row ledger stayed resident,
 * dead, through validation, planning and writing — 44 MB of `notice`'s 318 MB peak on that ledger
 * (measured in process: 318 → 274 MB), for about 120 ms of CPU for the one collection.
 *
 * So once the files read hold at least `THRESHOLD` bytes of such text, one full collection is run.
 * The collector is reached the way Jest's `--logHeapUsage` reaches it (V8's `gc` function, exposed
 * for a new context only). Runs that read less never pay for it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const THRESHOLD = 32 * 1024 * 1024;
let pending = 0;
let collect: (() => void) | null | undefined;

/** Notes `bytes` of worksheet text made (only text over a megabyte is external). */
export function noteSheetText(bytes: number): void {
  if (bytes > 1 << 20) pending += bytes;
}

/** After reading a file: a full collection when enough dead worksheet text waits for one. */
export function releaseSheetText(): void {
  if (pending < THRESHOLD) return;
  pending = 0;
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/**
 * After the patcher let go of a part's inflated bytes (`XlsxPackage.markup`, `feedback`): a full
 * collection when enough of them wait for one, before the edit makes its garbage on top of them.
 */
export function releasePartBytes(bytes: number): void {
  noteSheetText(bytes);
  releaseSheetText();
}
