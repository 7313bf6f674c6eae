import type { SheetGrid, WorkbookGrid } from "../../../core/grid";
import { DEFAULT_MAX_UNPACKED_BYTES, XlsxArchive, decodePart } from "./archive";
import { WorkbookReadError, corruptPart } from "./errors";
import type { BytesAsText, Inflater } from "./inflate";
import { parseSharedStrings } from "./shared-strings";
import { type FileKind, refusalFor, sniffFile } from "./sniff";
import { parseCellFormats } from "./styles";
import { parseRelationships, parseWorkbookPart, relationshipKind } from "./workbook";
import { parseWorksheet } from "./worksheet";

export interface ReadWorkbookOptions {
  /**
   * Refuse (`too-large`) when the parts to inflate declare more than this many bytes in total.
   * Default `DEFAULT_MAX_UNPACKED_BYTES`.
   */
  readonly maxUnpackedBytes?: number;
  /**
   * How deflated parts are inflated. Default (`./index`'s entry points): `fflate` (runs anywhere);
   * Node passes its zlib (`../node`).
   */
  readonly inflate?: Inflater;
  /** Worksheets read as bytes (see `BytesAsText`); default: decoded whole. Node passes its own. */
  readonly bytesAsText?: BytesAsText;
}

export interface ReadSpreadsheetOptions extends ReadWorkbookOptions {
  /**
   * The reader for old-format `.xls` files (SPEC §10), loaded only when such a file arrives.
   * Without it a `.xls` is refused with one line saying what to do.
   */
  readonly readXls?: (bytes: Uint8Array) => WorkbookGrid | Promise<WorkbookGrid>;
}

/** The options with the inflater given: the platform's entry points (`./index`, `../node`) choose it. */
export interface Inflating {
  readonly inflate: Inflater;
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/**
 * Reads any spreadsheet file's bytes into grids, recognising the format by content (SPEC §10):
 * a ZIP package is read as .xlsx, a `.xls` by `options.readXls`; an encrypted workbook, a WPS
 * `.et`, CSV, HTML and anything else are refused (`WorkbookReadError`, one line).
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  options: ReadSpreadsheetOptions & Inflating,
): Promise<WorkbookGrid> {
  const kind = sniffFile(bytes);
  if (kind === "xls" && options.readXls) return options.readXls(bytes);
  return readWorkbook(bytes, options, kind);
}

/**
 * Reads an .xlsx file's bytes into grids: every worksheet in workbook order (chart and dialog sheets
 * are skipped) with values, number formats, merges and the rows present, and the workbook's date
 * system. Throws `WorkbookReadError` for a file that is not a readable .xlsx (including `.xls`:
 * see `readSpreadsheet`).
 *
 * @example
 * const book = readWorkbook(bytes);
 * book.sheets[0]?.values[0]?.[0]; // A1 of the first sheet
 */
export function readWorkbook(
  bytes: Uint8Array,
  options: ReadWorkbookOptions & Inflating,
  kind: FileKind = sniffFile(bytes),
): WorkbookGrid {
  if (kind !== "zip") throw refusalFor(kind);
  const archive = new XlsxArchive(
    bytes,
    options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES,
    options.inflate,
  );
  const workbookName = archive.find(WORKBOOK);
  if (workbookName === undefined) throw notAWorkbook(archive);
  const relsName = archive.find(WORKBOOK_RELS);
  if (relsName === undefined) throw corruptPart(WORKBOOK_RELS, "缺少工作簿关系文件");

  archive.admit([workbookName, relsName]);
  const workbook = parseWorkbookPart(decodePart(archive.inflateOne(workbookName), WORKBOOK), WORKBOOK);
  const rels = parseRelationships(
    decodePart(archive.inflateOne(relsName), WORKBOOK_RELS),
    "xl",
    WORKBOOK_RELS,
  );

  let sharedStringsPath = "xl/sharedStrings.xml";
  let stylesPath = "xl/styles.xml";
  for (const rel of rels.values()) {
    const relKind = relationshipKind(rel.type);
    if (relKind === "sharedStrings" && rel.path) sharedStringsPath = rel.path;
    if (relKind === "styles" && rel.path) stylesPath = rel.path;
  }

  const sheetParts: Array<{ name: string; hidden: boolean; path: string; entry: string }> = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.relId);
    if (!rel || rel.path === undefined) throw corruptPart(WORKBOOK_RELS, `找不到工作表“${sheet.name}”的关系`);
    if (relationshipKind(rel.type) !== "worksheet") continue; // chartsheet, dialogsheet, macro sheet
    const entry = archive.find(rel.path);
    if (entry === undefined) throw corruptPart(rel.path, `压缩包中缺少工作表“${sheet.name}”`);
    sheetParts.push({ name: sheet.name, hidden: sheet.hidden, path: rel.path, entry });
  }

  const sharedStringsEntry = archive.find(sharedStringsPath);
  const stylesEntry = archive.find(stylesPath);
  // Declared sizes of everything we will inflate are checked against the cap before any inflating.
  const wanted = sheetParts.map((s) => s.entry);
  if (sharedStringsEntry !== undefined) wanted.push(sharedStringsEntry);
  if (stylesEntry !== undefined) wanted.push(stylesEntry);
  archive.admit(wanted);

  const sharedStrings =
    sharedStringsEntry === undefined
      ? []
      : parseSharedStrings(
          decodePart(archive.inflateOne(sharedStringsEntry), sharedStringsPath),
          sharedStringsPath,
        );
  const cellFormats =
    stylesEntry === undefined
      ? []
      : parseCellFormats(decodePart(archive.inflateOne(stylesEntry), stylesPath), stylesPath);

  // One sheet at a time: its inflated bytes and text can go before the next one is inflated.
  const sheets: SheetGrid[] = [];
  for (const sheet of sheetParts) {
    const context = { sharedStrings, cellFormats };
    const asText = options.bytesAsText;
    const text = sheetText(archive.inflateOne(sheet.entry), sheet.path, asText);
    // Read as bytes: the inflated bytes are not kept (a worksheet is held once, not twice).
    const data =
      asText === undefined || !text.latin1
        ? parseWorksheet(text.xml, context, sheet.path)
        : parseWorksheet(text.xml, context, sheet.path, (start, end) => asText.utf8(text.xml, start, end));
    sheets.push({ name: sheet.name, hidden: sheet.hidden, ...data });
  }
  return { sheets, date1904: workbook.date1904 };
}

/** A UTF-16 part (FF FE or FE FF): decoded whole. */
function hasByteOrderMark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** A worksheet's text: decoded whole, or (`bytesAsText`, not UTF-16) one character per byte. */
function sheetText(
  bytes: Uint8Array,
  part: string,
  asText: BytesAsText | undefined,
): { xml: string; latin1: boolean } {
  if (asText === undefined || hasByteOrderMark(bytes)) return { xml: decodePart(bytes, part), latin1: false };
  try {
    return { xml: asText.latin1(bytes), latin1: true };
  } catch {
    // V8 caps a string at about 512 MB; a part beyond that cannot be held as text.
    throw new WorkbookReadError("too-large", `文件解压后过大（${part} 超过单个部件的上限），拒绝读取`);
  }
}

/** A zip that holds no `xl/workbook.xml`: say what it is when we can tell. */
function notAWorkbook(archive: XlsxArchive): WorkbookReadError {
  if (archive.find("content.xml") !== undefined && archive.find("mimetype") !== undefined) {
    return new WorkbookReadError(
      "not-xlsx",
      "是 ODS 表格（LibreOffice/WPS），不是 .xlsx；请在 Excel/WPS 中另存为 .xlsx（不设密码）",
    );
  }
  if (archive.find("word/document.xml") !== undefined) {
    return new WorkbookReadError("not-xlsx", "是 Word 文档，不是工作簿；请改交 .xlsx 台账");
  }
  return new WorkbookReadError(
    "not-xlsx",
    "不是 .xlsx 文件（压缩包中没有 xl/workbook.xml）；请在 Excel/WPS 中另存为 .xlsx（不设密码）",
  );
}
