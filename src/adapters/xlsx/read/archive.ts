/**
 * The zip layer of an .xlsx package: the entry list from the central directory, zip bombs refused
 * by their declared sizes before anything is inflated, and only the parts the reader needs
 * inflated, by the `Inflater` the platform brings.
 */
import { WorkbookReadError } from "./errors";
import { refusalFor, sniffFile } from "./sniff";
import type { Inflater } from "./inflate";
import { type ZipEntry, entryData, readCentralDirectory, shortName } from "./zip";

/**
 * Default ceiling on the declared unpacked size of the parts we inflate: 256 MiB. Set so that the
 * whole process stays under 1 GB of memory for any file it admits (the inflated bytes, their text
 * and the grid built from them; measured in docs/RELIABILITY.md).
 */
export const DEFAULT_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.ceil(n / (1024 * 1024))} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** An opened .xlsx zip: the entry list from the central directory, parts inflated on request. */
export class XlsxArchive {
  /** Entry by its name as stored. */
  private readonly entries = new Map<string, ZipEntry>();
  /** Normalised name (lower case, `/` separators, no leading `/`) → the entry's name. */
  private readonly names = new Map<string, string>();
  private unpacked = 0;
  private readonly admitted = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxUnpackedBytes: number,
    private readonly inflater: Inflater,
  ) {
    const kind = sniffFile(bytes);
    if (kind !== "zip") throw refusalFor(kind);
    for (const entry of readCentralDirectory(bytes)) {
      // Path traversal (`../x`) and absolute names are only names here: nothing is ever written
      // out, and parts are looked up by the paths the package's relationships resolve to.
      if (!this.entries.has(entry.name)) this.entries.set(entry.name, entry);
      const key = normaliseName(entry.name);
      if (!this.names.has(key)) this.names.set(key, entry.name);
    }
  }

  /** Every entry's name, in the order of the zip's central directory (the patcher copies them all). */
  entryNames(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's actual name for a part path such as `xl/workbook.xml`, matched leniently. */
  find(path: string): string | undefined {
    if (this.entries.has(path)) return path;
    return this.names.get(normaliseName(path));
  }

  /**
   * Admits the named entries (names as returned by `find`) for inflating: their declared sizes,
   * added to what was admitted before, must stay within `maxUnpackedBytes`. Called with every part
   * the reader will need before any of them is inflated, so a zip bomb is refused up front.
   */
  admit(names: readonly string[]): void {
    let total = this.unpacked;
    // Each use counts: a part that several sheets point to is inflated, and charged, each time.
    for (const name of names) total += this.entries.get(name)?.size ?? 0;
    if (total > this.maxUnpackedBytes) {
      throw new WorkbookReadError(
        "too-large",
        `文件解压后过大（约 ${megabytes(total)}，超过上限 ${megabytes(this.maxUnpackedBytes)}），拒绝读取`,
      );
    }
    for (const name of names) this.admitted.add(name);
    this.unpacked = total;
  }

  /**
   * Inflates one admitted entry. It is never inflated beyond its declared size, so the declared
   * sizes bound the memory used even when they lie.
   */
  inflateOne(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry || !this.admitted.has(name)) throw new Error(`zip entry not admitted: ${name}`);
    return this.inflateEntry(entry);
  }

  /** Admits (see `admit`) and inflates the named entries at once. */
  inflate(names: readonly string[]): Map<string, Uint8Array> {
    this.admit(names);
    const out = new Map<string, Uint8Array>();
    for (const name of names)
      if (!out.has(name) && this.entries.has(name)) out.set(name, this.inflateOne(name));
    return out;
  }

  private inflateEntry(entry: ZipEntry): Uint8Array {
    if (entry.flags & 1) {
      throw new WorkbookReadError(
        "encrypted",
        `文件已加密（压缩包中的 ${shortName(entry.name)} 设有密码），无法读取`,
      );
    }
    const data = entryData(this.bytes, entry);
    if (entry.method === 0) {
      // Stored: the data is the content; a declared size that disagrees is not believed.
      return data.subarray(0, Math.min(data.length, entry.size));
    }
    if (entry.method !== 8) {
      throw new WorkbookReadError(
        "corrupt",
        `文件已损坏（${shortName(entry.name)} 使用不支持的压缩方式 ${entry.method}）`,
      );
    }
    try {
      return this.inflater(data, entry.size);
    } catch (e) {
      if (e instanceof RangeError && /memory|allocation|Array buffer/i.test(e.message)) {
        throw new WorkbookReadError("too-large", "文件解压后过大，内存不足以读取");
      }
      throw new WorkbookReadError("corrupt", `文件已损坏（${shortName(entry.name)} 的压缩数据无法解压）`);
    }
  }
}

function normaliseName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const utf8 = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");

/** A part's bytes as text (UTF-8, or UTF-16 when a byte order mark says so). */
export function decodePart(bytes: Uint8Array, part: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes);
    return utf8.decode(bytes);
  } catch {
    // V8 caps a string at about 512 MB; a part beyond that cannot be held as text.
    throw new WorkbookReadError("too-large", `文件解压后过大（${part} 超过单个部件的上限），拒绝读取`);
  }
}
