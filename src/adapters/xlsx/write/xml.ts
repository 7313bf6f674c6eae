/**
 * The writer's XML text: escaping, references and the data bar element, apart from the zip and
 * codec so that loading them loads no `fflate` (the CLI's zip is `./zip` over Node's zlib). The
 * package patcher has its own (`../patch/xml-edit`), which leaves `'` unescaped in the bytes it copies.
 */
import type { CellRange } from "../../../core/grid";
import { a1 } from "../../../core/grid";

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `Sheet 1` → `'Sheet 1'`, doubling any `'` — the form Excel accepts in every reference. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function rangeRef(range: CellRange): string {
  const first = a1(range.top, range.left);
  const last = a1(range.bottom, range.right);
  return first === last ? first : `${first}:${last}`;
}

/**
 * Bars are written as the Excel 2007 (ECMA-376 main namespace) `dataBar` conditional format with a
 * fixed 0–1 scale and bar lengths 0–100 %, and deliberately without the Excel 2010 `x14` extension.
 *
 * Why: SPEC §7.3 asks for a bar that opens cleanly in Excel and LibreOffice. ExcelJS's own dataBar
 * writes the `x14` extension in a form that makes Excel report a damaged file. The plain 2007 element
 * is what Excel 2007 wrote itself and what openpyxl writes: Excel 2010+ and LibreOffice both render
 * it as a real bar (tested in tests/adapters/xlsx/write-libreoffice.test.ts by rendering to an
 * image), the cell keeps its percent value and format, and no neighbouring cell is needed — a text bar
 * of `█` would need an empty column beside every rate. Cells holding text (e.g. `—`) get no bar.
 */
export function dataBarXml(range: CellRange, argbColor: string, priority: number): string {
  return (
    `<conditionalFormatting sqref="${rangeRef(range)}">` +
    `<cfRule type="dataBar" priority="${priority}">` +
    `<dataBar minLength="0" maxLength="100">` +
    `<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="${argbColor}"/>` +
    `</dataBar></cfRule></conditionalFormatting>`
  );
}
