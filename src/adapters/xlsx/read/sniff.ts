/**
 * What a file is, by its content (SPEC §10), never by its name: a ZIP package (`.xlsx`/`.xlsm`),
 * an old-format `.xls` (a compound file with a `Workbook`/`Book` stream), an encrypted workbook
 * (a compound file with `EncryptionInfo`, or a `.xls` whose BIFF stream starts with FILEPASS),
 * another compound file (WPS `.et`, Word `.doc`, …), text (CSV), a web page saved as “.xls”, or
 * something else. Platform-free; reads only the headers it needs.
 */
import { WorkbookReadError } from "./errors";

export type FileKind =
  /** A ZIP package: read as .xlsx. */
  | "zip"
  /** An unencrypted BIFF workbook in a compound file: old-format .xls. */
  | "xls"
  /** A password-protected workbook: OOXML in a compound file, or a .xls with FILEPASS. */
  | "encrypted"
  /** A compound file without a workbook stream (WPS .et, Word .doc, …). */
  | "compound"
  /** Empty file. */
  | "empty"
  /** Plain text: CSV, tab-separated, … */
  | "text"
  /** An HTML page, as many systems export under an “.xls” name. */
  | "html"
  /** Excel 2003 XML Spreadsheet (SpreadsheetML 2003). */
  | "xml2003"
  | "unknown";

const SAVE_AS = "请在 Excel/WPS 中另存为 .xlsx（不设密码）";

/**
 * The refusal for a file of `kind` that is not read, as the one line the user sees. `xls` has its
 * own reader (loaded only for such files); until one is plugged in, it is refused too.
 */
export function refusalFor(kind: Exclude<FileKind, "zip">): WorkbookReadError {
  switch (kind) {
    case "empty":
      return new WorkbookReadError("not-xlsx", `文件为空，不是工作簿；请重新获取文件`, { format: "empty" });
    case "xls":
      return new WorkbookReadError("xls", `是旧版 .xls 格式，暂不支持；${SAVE_AS}`);
    case "encrypted":
      return new WorkbookReadError("encrypted", `文件已加密（设有打开密码），无法读取；${SAVE_AS}`);
    case "compound":
      return new WorkbookReadError(
        "not-xlsx",
        `不是 Excel 工作簿（可能是 WPS .et 或其他程序的文件）；${SAVE_AS}`,
        { format: "compound" },
      );
    case "text":
      return new WorkbookReadError("not-xlsx", `是文本（CSV）文件，不是工作簿；${SAVE_AS}`, {
        format: "text",
      });
    case "html":
      return new WorkbookReadError("not-xlsx", `是网页（HTML）格式，不是真正的工作簿；${SAVE_AS}`, {
        format: "html",
      });
    case "xml2003":
      return new WorkbookReadError("not-xlsx", `是 Excel 2003 XML 表格，暂不支持；${SAVE_AS}`, {
        format: "xml2003",
      });
    case "unknown":
      return new WorkbookReadError("not-xlsx", `不是 .xlsx 工作簿（无法识别的文件格式）；${SAVE_AS}`, {
        format: "unknown",
      });
  }
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[i] !== signature[i]) return false;
  return true;
}

/** What the file is. Never throws. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7))
    return "zip";
  if (startsWith(bytes, CFB_SIGNATURE)) return sniffCompound(bytes);
  return sniffText(bytes);
}

function sniffText(bytes: Uint8Array): FileKind {
  const head = bytes.subarray(0, 4096);
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3; // UTF-8 BOM
  for (let i = start; i < head.length; i++) {
    const b = head[i]!;
    // NUL or other control bytes (but tab, line ends, form feed): binary.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) return "unknown";
  }
  // Latin-1 is enough to look at the markup; the text itself is never shown.
  let text = "";
  for (let i = start; i < Math.min(head.length, start + 1024); i++) text += String.fromCharCode(head[i]!);
  const t = text.trimStart().toLowerCase();
  if (t.startsWith("<?xml") && t.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
  if (t.startsWith("<!doctype html") || t.startsWith("<html") || /<(table|meta|head|body)\b/.test(t))
    return "html";
  return "text";
}

// --- Compound File Binary ([MS-CFB]) -------------------------------------------------------------

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa;

interface DirectoryEntry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

/** A compound file's directory and enough of its FAT to read the start of a stream. */
class Compound {
  readonly sectorSize: number;
  private readonly fat: number[] = [];
  readonly entries: DirectoryEntry[] = [];
  private readonly miniCutoff: number;
  private readonly miniFatStart: number;

  constructor(private readonly bytes: Uint8Array) {
    const shift = u16(bytes, 30);
    if (shift !== 9 && shift !== 12) throw new Error("sector shift");
    this.sectorSize = 1 << shift;
    this.miniCutoff = u32(bytes, 56);
    this.miniFatStart = u32(bytes, 60);
    // The FAT's sectors: the first 109 in the header, the rest in the DIFAT chain.
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const s = u32(bytes, 76 + i * 4);
      if (s <= MAX_SECTOR) fatSectors.push(s);
    }
    let difat = u32(bytes, 68);
    const perSector = this.sectorSize / 4;
    for (let guard = 0; difat <= MAX_SECTOR && guard < 1 << 16; guard++) {
      const at = this.offset(difat);
      if (at + this.sectorSize > bytes.length) break;
      for (let i = 0; i < perSector - 1; i++) {
        const s = u32(bytes, at + i * 4);
        if (s <= MAX_SECTOR) fatSectors.push(s);
      }
      difat = u32(bytes, at + (perSector - 1) * 4);
    }
    for (const s of fatSectors) {
      const at = this.offset(s);
      if (at + this.sectorSize > bytes.length) continue;
      for (let i = 0; i < perSector; i++) this.fat.push(u32(bytes, at + i * 4));
    }
    const directory = this.chain(u32(bytes, 48), this.fat);
    for (const s of directory) {
      const at = this.offset(s);
      for (let e = at; e + 128 <= at + this.sectorSize && e + 128 <= bytes.length; e += 128) {
        const nameLength = Math.min(u16(bytes, e + 64), 64);
        let name = "";
        for (let k = 0; k + 2 < nameLength; k += 2) name += String.fromCharCode(u16(bytes, e + k));
        this.entries.push({
          name,
          type: bytes[e + 66]!,
          start: u32(bytes, e + 116),
          size: u32(bytes, e + 120),
        });
      }
    }
  }

  private offset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  /** A chain of sectors, cut at the first loop or bad link. */
  private chain(start: number, fat: readonly number[], limit = Infinity): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s <= MAX_SECTOR && !seen.has(s) && out.length < limit; s = fat[s] ?? END_OF_CHAIN) {
      seen.add(s);
      out.push(s);
    }
    return out;
  }

  find(name: string): DirectoryEntry | undefined {
    const wanted = name.toLowerCase();
    return this.entries.find((e) => e.type === 2 && e.name.toLowerCase() === wanted);
  }

  /** The first `max` bytes of a stream (fewer when its chain is short or broken). */
  prefix(entry: DirectoryEntry, max: number): Uint8Array {
    const want = Math.min(entry.size, max);
    const out = new Uint8Array(want);
    let filled = 0;
    if (entry.size >= this.miniCutoff) {
      for (const s of this.chain(entry.start, this.fat, Math.ceil(want / this.sectorSize))) {
        const at = this.offset(s);
        const piece = this.bytes.subarray(at, Math.min(at + this.sectorSize, this.bytes.length));
        const n = Math.min(piece.length, want - filled);
        out.set(piece.subarray(0, n), filled);
        filled += n;
        if (filled >= want) break;
      }
      return out.subarray(0, filled);
    }
    // A small stream lives in the mini stream (the root entry's chain), in 64-byte sectors.
    const root = this.entries[0];
    if (!root) return out.subarray(0, 0);
    const miniFat: number[] = [];
    for (const s of this.chain(this.miniFatStart, this.fat)) {
      const at = this.offset(s);
      for (let i = 0; i < this.sectorSize / 4 && at + i * 4 + 4 <= this.bytes.length; i++) {
        miniFat.push(u32(this.bytes, at + i * 4));
      }
    }
    const rootSectors = this.chain(root.start, this.fat);
    for (const m of this.chain(entry.start, miniFat, Math.ceil(want / 64))) {
      const byteInRoot = m * 64;
      const sector = rootSectors[Math.floor(byteInRoot / this.sectorSize)];
      if (sector === undefined) break;
      const at = this.offset(sector) + (byteInRoot % this.sectorSize);
      const piece = this.bytes.subarray(at, Math.min(at + 64, this.bytes.length));
      const n = Math.min(piece.length, want - filled);
      out.set(piece.subarray(0, n), filled);
      filled += n;
      if (filled >= want) break;
    }
    return out.subarray(0, filled);
  }
}

/** BIFF record types: BOF, EOF and FILEPASS (the workbook is encrypted). */
const BIFF_EOF = 0x000a;
const BIFF_FILEPASS = 0x002f;

function sniffCompound(bytes: Uint8Array): FileKind {
  let cfb: Compound;
  try {
    cfb = new Compound(bytes);
  } catch {
    return "compound";
  }
  if (cfb.find("EncryptionInfo") || cfb.find("EncryptedPackage")) return "encrypted";
  const workbook = cfb.find("Workbook") ?? cfb.find("Book");
  if (!workbook) return "compound";
  // FILEPASS follows BOF in the workbook globals of an encrypted .xls; look through the globals.
  const head = cfb.prefix(workbook, 64 * 1024);
  for (let p = 0, n = 0; p + 4 <= head.length && n < 4096; n++) {
    const type = u16(head, p);
    if (type === BIFF_FILEPASS) return "encrypted";
    if (type === BIFF_EOF) break;
    p += 4 + u16(head, p + 2);
  }
  return "xls";
}
