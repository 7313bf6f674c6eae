/**
 * Old-format `.xls` workbooks (BIFF8, and BIFF5 "Book" streams), still mailed back by some offices
 * (SPEC §10). Read through SheetJS Community Edition as published on the npm registry
 * (`@e965/xlsx`), which is loaded only when such a file turns up (a dynamic import: the task pane's
 * first load and the CLI's `.xlsx` path never pay for it).
 *
 * Mapped onto the same grid as the `.xlsx` reader: values (dates stay serials, read with the file's
 * own 1904 flag — never JavaScript `Date`s, which shift with the time zone), number formats, merges,
 * hidden sheets. Platform-free: bytes in, grid out (the CLI and the browser share it).
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../../core/grid";
import { WorkbookReadError } from "../read/errors";

/** What the user is told to do with a workbook the product cannot read (SPEC §10). */
export const SAVE_AS_XLSX = "请在 Excel/WPS 中另存为 .xlsx（不设密码）";

type Sheetjs = typeof import("@e965/xlsx");

let library: Promise<Sheetjs> | undefined;

/** SheetJS, loaded on first use. */
function loadSheetjs(): Promise<Sheetjs> {
  library ??= import("@e965/xlsx");
  return library;
}

/** The first bytes of an OLE2 compound file (`.xls`, `.doc`, encrypted `.xlsx`, old `.et`). */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True for a compound file (OLE2), whatever it holds. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** What a compound file holds, from its directory (and, for a workbook stream, its first records). */
export type CompoundKind = "xls" | "encrypted" | "other";

interface CfbEntry {
  readonly name: string;
  readonly content?: ArrayLike<number>;
}

/** BIFF record types: FILEPASS (the workbook is encrypted) and EOF (end of the globals substream). */
const FILEPASS = 0x002f;
const EOF = 0x000a;

/**
 * Looks inside a compound file: a `Workbook`/`Book` stream without encryption is an old-format
 * workbook; an `EncryptionInfo` stream (a password-protected `.xlsx`) or a FILEPASS record in the
 * workbook's globals is encrypted; anything else (a Word document, a WPS `.et`…) is other.
 */
export async function sniffCompound(bytes: Uint8Array): Promise<CompoundKind> {
  const X = await loadSheetjs();
  let entries: CfbEntry[];
  try {
    const cfb = X.CFB.read(bytes, { type: "array" }) as { FileIndex: CfbEntry[] };
    entries = cfb.FileIndex;
  } catch {
    return "other";
  }
  const named = (n: string) => entries.find((e) => e.name.toLowerCase() === n.toLowerCase());
  if (named("EncryptionInfo") || named("EncryptedPackage")) return "encrypted";
  const stream = named("Workbook") ?? named("Book");
  if (!stream) return "other";
  return hasFilepass(stream.content ?? []) ? "encrypted" : "xls";
}

function hasFilepass(data: ArrayLike<number>): boolean {
  // Records: type (u16 LE), length (u16 LE), body. The globals substream ends at the first EOF.
  for (let at = 0; at + 4 <= data.length;) {
    const type = data[at]! | (data[at + 1]! << 8);
    const length = data[at + 2]! | (data[at + 3]! << 8);
    if (type === FILEPASS) return true;
    if (type === EOF) return false;
    at += 4 + length;
  }
  return false;
}

interface SheetjsCell {
  readonly t: "s" | "n" | "b" | "e" | "d" | "z";
  readonly v?: unknown;
  readonly w?: string;
  readonly z?: string | number;
}

/** Error codes BIFF stores (SheetJS gives the code in `v` and the text in `w`). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/**
 * Reads an old-format workbook's bytes into grids. Throws `WorkbookReadError` for an encrypted
 * file, a compound file that holds no workbook, or one SheetJS cannot parse.
 *
 * @example const book = await readXlsWorkbook(bytes); book.date1904
 */
export async function readXlsWorkbook(bytes: Uint8Array): Promise<WorkbookGrid> {
  const kind = await sniffCompound(bytes);
  if (kind === "encrypted") {
    throw new WorkbookReadError("encrypted", `文件设有密码，无法读取；${SAVE_AS_XLSX}`);
  }
  if (kind === "other") {
    throw new WorkbookReadError(
      "not-xlsx",
      `不是 Excel 工作簿（可能是 WPS .et 或其他格式）；${SAVE_AS_XLSX}`,
    );
  }
  const X = await loadSheetjs();
  let book: ReturnType<Sheetjs["read"]>;
  try {
    book = X.read(bytes, {
      type: "array",
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (/password|encrypt/i.test(why ?? "")) {
      throw new WorkbookReadError("encrypted", `文件设有密码，无法读取；${SAVE_AS_XLSX}`);
    }
    throw new WorkbookReadError("corrupt", `.xls 文件已损坏（${why}）；${SAVE_AS_XLSX}`);
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheets: SheetGrid[] = [];
  book.SheetNames.forEach((name, index) => {
    const sheet = book.Sheets[name];
    if (!sheet || (sheet as { "!type"?: string })["!type"] === "chart") return;
    const hidden = (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
    sheets.push(toGrid(name, sheet as unknown as Record<string, unknown>, hidden, X));
  });
  return { sheets, date1904 };
}

function toGrid(name: string, sheet: Record<string, unknown>, hidden: boolean, X: Sheetjs): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: Array<Array<string | undefined>> = [];
  for (const address of Object.keys(sheet)) {
    if (address.startsWith("!")) continue;
    const cell = sheet[address] as SheetjsCell;
    const value = cellValueOf(cell);
    if (value === null) continue;
    const { r, c } = X.utils.decode_cell(address);
    (values[r] ??= [])[c] = value;
    const format = typeof cell.z === "string" ? cell.z : undefined;
    if (format !== undefined && format !== "General") (numberFormats[r] ??= [])[c] = format;
  }
  // Fill the holes inside each row so that rows read like the .xlsx reader's (null = empty).
  for (const row of values) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  const merges: CellRange[] = (
    (sheet["!merges"] as Array<{ s: { r: number; c: number }; e: { r: number; c: number } }>) ?? []
  ).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  return { name, values, numberFormats, merges, ...(hidden ? { hidden } : {}) };
}

function cellValueOf(cell: SheetjsCell): CellValue {
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v === undefined ? null : String(cell.v);
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "b":
      return Boolean(cell.v);
    case "e":
      return { error: cell.w ?? ERROR_TEXT[cell.v as number] ?? "#VALUE!" };
    case "d":
      // Not produced with `cellDates: false`; kept as the UTC calendar date if a build ever does.
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}
