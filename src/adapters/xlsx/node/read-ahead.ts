/**
 * Reading ahead (CLI only): the ledger a command will read first is read, and its large worksheets
 * and shared strings start inflating on zlib's thread pool, before the CLI's own modules load
 * (about 55 ms of a run, in which this thread does nothing else). The reader then takes the same
 * bytes and the inflated parts (`takeReadAhead`) instead of reading and inflating them itself.
 *
 * It changes nothing the reader decides: the bytes are the ones it reads and hashes, a part is
 * inflated with the same zlib options as `zlibInflate` (never beyond its declared size), the
 * archive still admits every part by its declared size before it is used, and anything that goes
 * wrong here (no such file, no zip, damaged data) only means the reader does its own work, and
 * reports its own error, as it would have without this.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { inflateRaw } from "node:zlib";
import { DEFAULT_MAX_UNPACKED_BYTES } from "../read/archive";
import type { Inflater } from "../read/inflate";
import { type ZipEntry, entryData, readCentralDirectory } from "../read/zip";
import { zlibInflate } from "./inflate";

/** Parts smaller than this are inflated when read, as before: they take little time. */
const READ_AHEAD_BYTES = 1024 * 1024;

/**
 * Whether an entry is read ahead: a worksheet or the shared strings (the large parts the reader
 * needs; a workbook saved by Excel keeps its text in `sharedStrings.xml`), deflated, not encrypted,
 * of a megabyte or more. Pictures and other large parts the reader never opens are left alone.
 */
export function readsAhead(entry: ZipEntry): boolean {
  return (
    entry.size >= READ_AHEAD_BYTES &&
    entry.method === 8 &&
    (entry.flags & 1) === 0 &&
    /^xl\/(?:worksheets\/[^/]+|sharedStrings\.xml)$/iu.test(entry.name)
  );
}

interface Ahead {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** A part's inflated bytes (or `undefined` when zlib failed) by the offset of its data in `bytes`. */
  readonly parts: ReadonlyArray<{
    readonly data: Uint8Array;
    readonly result: Promise<Uint8Array | undefined>;
  }>;
}

let ahead: Ahead | undefined;

/**
 * Reads `path` and starts inflating its large parts (`readsAhead`), within the reader's ceiling on
 * unpacked bytes. The bytes are kept whatever they hold (an old .xls, a damaged zip): the reader
 * takes them and reads nothing twice. Silent: a file that cannot be read here is read as usual.
 */
export function readAhead(path: string): void {
  ahead = undefined;
  let bytes: Uint8Array;
  try {
    // A regular file only: a pipe or a device is left to the command, which may never read it.
    if (!statSync(path).isFile()) return;
    const file = readFileSync(path);
    bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  } catch {
    return;
  }
  ahead = { path: resolve(path), bytes, parts: inflateAhead(bytes) };
}

/** The large parts of a zip, each inflating on zlib's thread pool; none for what is no readable zip. */
function inflateAhead(bytes: Uint8Array): Ahead["parts"] {
  const parts: Array<Ahead["parts"][number]> = [];
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch {
    return parts;
  }
  let total = 0;
  for (const entry of entries) {
    if (!readsAhead(entry)) continue;
    if ((total += entry.size) > DEFAULT_MAX_UNPACKED_BYTES) break;
    let data: Uint8Array;
    try {
      data = entryData(bytes, entry);
    } catch {
      continue;
    }
    const size = entry.size;
    const result = new Promise<Uint8Array | undefined>((done) =>
      // No more than the declared size, as `zlibInflate`, in one output chunk. One byte to spare:
      // a chunk filled to the last byte makes the stream allocate another (57 MB for the 100k
      // bench ledger's sheet, counted by V8 as outside memory until collected).
      inflateRaw(data, { maxOutputLength: size, chunkSize: size + 1 }, (error, out) =>
        done(error ? undefined : out.length > size ? out.subarray(0, size) : out),
      ),
    );
    parts.push({ data, result });
  }
  return parts;
}

/**
 * The bytes of `path` as read ahead, with an `Inflater` that gives each part inflated ahead (once)
 * and inflates any other as `zlibInflate`; `undefined` when `path` was not read ahead. Taken once.
 */
export async function takeReadAhead(
  path: string,
): Promise<{ bytes: Uint8Array; inflate: Inflater } | undefined> {
  const taken = ahead;
  if (taken === undefined || taken.path !== resolve(path)) return undefined;
  ahead = undefined;
  const ready = new Map<number, { length: number; out: Uint8Array }>();
  for (const { data, result } of taken.parts) {
    const out = await result;
    if (out !== undefined) ready.set(data.byteOffset, { length: data.byteLength, out });
  }
  // A zlib stream holds its output until its handle has closed, in a later turn of the event loop:
  // without this turn, the reader's first collections could not free a part it has read.
  await new Promise((turn) => setTimeout(turn, 0));
  // The inflater holds the parts not yet used, and nothing else: a part's bytes can go once the
  // reader has its text, as with `zlibInflate`.
  const file = taken.bytes.buffer;
  const inflate: Inflater = (data, size) => {
    const part = data.buffer === file ? ready.get(data.byteOffset) : undefined;
    // A part read ahead was inflated to its entry's declared size, the `size` the archive passes.
    if (part === undefined || part.length !== data.byteLength) return zlibInflate(data, size);
    ready.delete(data.byteOffset);
    return part.out;
  };
  return { bytes: taken.bytes, inflate };
}
