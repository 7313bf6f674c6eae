/**
 * The zip layer: sniffing what the file is, refusing zip bombs before anything is inflated, and
 * inflating only the parts the reader needs (`fflate`'s `unzipSync` with a filter).
 */
import { unzipSync } from "fflate";
import { WorkbookReadError } from "./errors";

/** Default ceiling on the declared unpacked size of the parts we inflate: 1 GiB. */
export const DEFAULT_MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.ceil(n / (1024 * 1024))} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** An opened .xlsx zip: the entry list from the central directory, parts inflated on request. */
export class XlsxArchive {
  private readonly bytes: Uint8Array;
  private readonly maxUnpackedBytes: number;
  /** Declared uncompressed size per entry name, from the central directory. */
  private readonly sizes = new Map<string, number>();
  /** Normalised name (lower case, `/` separators, no leading `/`) → the entry's name. */
  private readonly names = new Map<string, string>();
  private unpacked = 0;

  constructor(bytes: Uint8Array, maxUnpackedBytes: number) {
    this.bytes = bytes;
    this.maxUnpackedBytes = maxUnpackedBytes;
    if (bytes.length === 0) throw new WorkbookReadError("not-xlsx", "不是 .xlsx 文件（文件为空）");
    if (startsWith(bytes, CFB_SIGNATURE)) {
      throw new WorkbookReadError("encrypted", "文件已加密或为旧版 .xls 格式，请另存为 .xlsx");
    }
    if (!startsWith(bytes, [0x50, 0x4b])) {
      throw new WorkbookReadError("not-xlsx", "不是 .xlsx 文件（文件头不是 ZIP 格式）");
    }
    try {
      unzipSync(bytes, {
        filter: (file) => {
          this.sizes.set(file.name, file.originalSize);
          this.names.set(normaliseName(file.name), file.name);
          return false;
        },
      });
    } catch {
      // fflate finds no end-of-central-directory record: the tail of the file is missing.
      if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
        throw new WorkbookReadError("truncated", "文件不完整（ZIP 压缩包被截断），请重新获取文件");
      }
      throw new WorkbookReadError("not-xlsx", "不是 .xlsx 文件（ZIP 目录无法读取）");
    }
  }

  /** Every entry's name, in the order of the zip's central directory (the patcher copies them all). */
  entryNames(): string[] {
    return [...this.sizes.keys()];
  }

  /** The entry's actual name for a part path such as `xl/workbook.xml`, matched leniently. */
  find(path: string): string | undefined {
    if (this.sizes.has(path)) return path;
    return this.names.get(normaliseName(path));
  }

  /**
   * Inflates the named entries (names as returned by `find`). Their declared sizes, added to what
   * was already inflated, must stay within `maxUnpackedBytes`: checked before inflating anything.
   * A part whose data inflates beyond its declared size is cut at that size by fflate, so the
   * declared sizes bound the memory used even when they lie.
   */
  inflate(entries: readonly string[]): Map<string, Uint8Array> {
    const wanted = new Set(entries);
    let total = this.unpacked;
    for (const name of wanted) total += this.sizes.get(name) ?? 0;
    if (total > this.maxUnpackedBytes) {
      throw new WorkbookReadError(
        "too-large",
        `文件解压后过大（约 ${megabytes(total)}，超过上限 ${megabytes(this.maxUnpackedBytes)}），拒绝读取`,
      );
    }
    this.unpacked = total;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(this.bytes, { filter: (file) => wanted.has(file.name) });
    } catch (e) {
      if (e instanceof RangeError) {
        throw new WorkbookReadError("too-large", "文件解压后过大，内存不足以读取");
      }
      throw new WorkbookReadError("corrupt", "文件已损坏（压缩数据无法解压）");
    }
    return new Map(Object.entries(files));
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
