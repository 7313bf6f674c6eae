import { readFile } from "node:fs/promises";
import type { SheetGrid, WorkbookGrid } from "../../../core/grid";
import { DEFAULT_MAX_UNPACKED_BYTES, XlsxArchive, decodePart } from "./archive";
import { WorkbookReadError, corruptPart } from "./errors";
import { parseSharedStrings } from "./shared-strings";
import { parseCellFormats } from "./styles";
import { parseRelationships, parseWorkbookPart, relationshipKind } from "./workbook";
import { parseWorksheet } from "./worksheet";

export interface ReadWorkbookOptions {
  /**
   * Refuse (`too-large`) when the parts to inflate declare more than this many bytes in total.
   * Default 1 GiB.
   */
  readonly maxUnpackedBytes?: number;
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/**
 * Reads an .xlsx file's bytes into grids: every worksheet in workbook order (chart and dialog sheets
 * are skipped) with values, number formats and merges, and the workbook's date system.
 * Throws `WorkbookReadError` for a file that is not a readable .xlsx.
 *
 * @example
 * const book = readWorkbook(bytes);
 * book.sheets[0]?.values[0]?.[0]; // A1 of the first sheet
 */
export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): WorkbookGrid {
  const archive = new XlsxArchive(bytes, options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES);
  const workbookName = archive.find(WORKBOOK);
  if (workbookName === undefined) {
    throw new WorkbookReadError("not-xlsx", "不是 .xlsx 文件（压缩包中没有 xl/workbook.xml）");
  }
  const relsName = archive.find(WORKBOOK_RELS);
  if (relsName === undefined) throw corruptPart(WORKBOOK_RELS, "缺少工作簿关系文件");

  const first = archive.inflate([workbookName, relsName]);
  const workbook = parseWorkbookPart(decodePart(first.get(workbookName)!, WORKBOOK), WORKBOOK);
  const rels = parseRelationships(decodePart(first.get(relsName)!, WORKBOOK_RELS), "xl", WORKBOOK_RELS);

  let sharedStringsPath = "xl/sharedStrings.xml";
  let stylesPath = "xl/styles.xml";
  for (const rel of rels.values()) {
    const kind = relationshipKind(rel.type);
    if (kind === "sharedStrings" && rel.path) sharedStringsPath = rel.path;
    if (kind === "styles" && rel.path) stylesPath = rel.path;
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
  const wanted = sheetParts.map((s) => s.entry);
  if (sharedStringsEntry !== undefined) wanted.push(sharedStringsEntry);
  if (stylesEntry !== undefined) wanted.push(stylesEntry);
  const parts = archive.inflate(wanted);

  const sharedStringsBytes = sharedStringsEntry === undefined ? undefined : parts.get(sharedStringsEntry);
  const sharedStrings = sharedStringsBytes
    ? parseSharedStrings(decodePart(sharedStringsBytes, sharedStringsPath), sharedStringsPath)
    : [];
  const stylesBytes = stylesEntry === undefined ? undefined : parts.get(stylesEntry);
  const cellFormats = stylesBytes ? parseCellFormats(decodePart(stylesBytes, stylesPath), stylesPath) : [];

  const sheets: SheetGrid[] = sheetParts.map((sheet) => {
    const bytes = parts.get(sheet.entry);
    if (bytes === undefined) throw corruptPart(sheet.path, `工作表“${sheet.name}”无法读取`);
    const xml = decodePart(bytes, sheet.path);
    if (sheetParts.filter((s) => s.entry === sheet.entry).length === 1) {
      parts.delete(sheet.entry); // let the inflated bytes go while the next sheet is read
    }
    const data = parseWorksheet(xml, { sharedStrings, cellFormats }, sheet.path);
    return { name: sheet.name, hidden: sheet.hidden, ...data };
  });
  return { sheets, date1904: workbook.date1904 };
}

/** Reads an .xlsx file from disk (never writes to it). Same result and errors as `readWorkbook`. */
export async function readWorkbookFile(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookGrid> {
  const bytes = await readFile(path);
  return readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
}
