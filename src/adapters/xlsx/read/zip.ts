/**
 * The ZIP container of an .xlsx package, read from its central directory (APPNOTE 4.3.12–4.3.16,
 * with ZIP64 where the sizes need it). Platform-free: plain `Uint8Array`s, no inflating here — the
 * caller brings an `Inflater` (Node's zlib in the CLI, `fflate` in the browser).
 */
import { WorkbookReadError } from "./errors";

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  /** General purpose flags; bit 0 = the entry is encrypted. */
  readonly flags: number;
  readonly compressedSize: number;
  /** Declared uncompressed size. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}
/** A little-endian 64-bit size; beyond 2^53 it cannot be a real size in memory anyway. */
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

const utf8 = new TextDecoder("utf-8");

function truncated(): WorkbookReadError {
  return new WorkbookReadError("truncated", "文件不完整（ZIP 压缩包被截断），请重新获取文件");
}

function badDirectory(): WorkbookReadError {
  return new WorkbookReadError("corrupt", "文件已损坏（ZIP 目录无法读取）");
}

/** Offset of the end-of-central-directory record, searched from the end (it may carry a comment). */
function findEndRecord(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === EOCD) return i;
  }
  return -1;
}

/**
 * The entries of the central directory. Throws `truncated` when the end record is missing (the
 * tail of the file is cut off) and `corrupt` when the directory points outside the file.
 */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const end = findEndRecord(bytes);
  if (end < 0) throw truncated();
  let count = u16(bytes, end + 10);
  let size = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR) {
      const at = u64(bytes, locator + 8);
      if (at + 56 > bytes.length || u32(bytes, at) !== ZIP64_EOCD) throw badDirectory();
      count = u64(bytes, at + 32);
      size = u64(bytes, at + 40);
      offset = u64(bytes, at + 48);
    }
  }
  if (offset + size > bytes.length) throw truncated();
  const entries: ZipEntry[] = [];
  let p = offset;
  // Each central header is at least 46 bytes: a lying count cannot make this loop long.
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw badDirectory();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressed = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw badDirectory();
    // ZIP64 extended information (header 0x0001): the 64-bit values, in order, of those set to ~0.
    for (let e = extraStart; e + 4 <= extraStart + extraLength;) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (uncompressed === 0xffffffff && f + 8 <= e + 4 + len) {
          uncompressed = u64(bytes, f);
          f += 8;
        }
        if (compressedSize === 0xffffffff && f + 8 <= e + 4 + len) {
          compressedSize = u64(bytes, f);
          f += 8;
        }
        if (localHeaderOffset === 0xffffffff && f + 8 <= e + 4 + len) localHeaderOffset = u64(bytes, f);
      }
      e += 4 + len;
    }
    entries.push({
      name: utf8.decode(bytes.subarray(nameStart, extraStart)),
      method,
      flags,
      compressedSize,
      size: uncompressed,
      localHeaderOffset,
    });
    p = next;
  }
  return entries;
}

/** The entry's compressed bytes (a view, not a copy), located through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) {
    throw new WorkbookReadError("corrupt", `文件已损坏（${shortName(entry.name)} 的本地文件头无法读取）`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw truncated();
  return bytes.subarray(start, end);
}

/** An entry name for a one-line message. */
export function shortName(name: string): string {
  return name.length > 60 ? name.slice(0, 60) + "…" : name;
}
