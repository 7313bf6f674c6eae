/**
 * Independent views of a workbook for the 退回修改 tests: SheetJS (@e965/xlsx) for every cell's
 * value, type, formula and number format, ExcelJS for fills and comments, fflate for the package's
 * parts. None of them is the product's reader or patcher.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";

export interface OracleCell {
  t: string;
  v: unknown;
  f?: string;
  z?: string;
}

/** Every non-empty cell of every sheet: sheet → A1 → value, type, formula, number format. */
export function sheetjsCells(bytes: Uint8Array): Map<string, Map<string, OracleCell>> {
  const wb = XLSX.read(bytes, {
    type: "array",
    cellFormula: true,
    cellNF: true,
    cellDates: false,
    cellText: false,
  });
  const out = new Map<string, Map<string, OracleCell>>();
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name]!;
    const cells = new Map<string, OracleCell>();
    for (const [key, raw] of Object.entries(sheet)) {
      if (key.startsWith("!")) continue;
      const cell = raw as XLSX.CellObject;
      // A stub: SheetJS makes one for an empty cell that carries a comment. Empty is empty.
      if (cell.t === "z") continue;
      const entry: OracleCell = { t: cell.t, v: cell.t === "d" ? String(cell.v) : cell.v };
      if (cell.f !== undefined) entry.f = cell.f;
      if (cell.z !== undefined && cell.z !== "General") entry.z = String(cell.z);
      cells.set(key, entry);
    }
    out.set(name, cells);
  }
  return out;
}

/** SheetJS's view of the workbook-level structure: sheet order, defined names with their sheet, 1904. */
export function sheetjsWorkbook(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: "array", bookSheets: false });
  return {
    sheets: wb.SheetNames,
    names: (wb.Workbook?.Names ?? []).map((n) => ({
      name: n.Name,
      ref: n.Ref,
      sheet: n.Sheet === undefined ? null : (wb.SheetNames[n.Sheet] ?? `#${n.Sheet}`),
    })),
    date1904: Boolean(wb.Workbook?.WBProps?.date1904),
    merges: Object.fromEntries(
      wb.SheetNames.map((s) => [
        s,
        (wb.Sheets[s]!["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m)).sort(),
      ]),
    ),
  };
}

export interface ExcelJsCell {
  fill: string | null;
  note: string | null;
  numFmt: string | null;
  font: string;
  border: string;
  alignment: string;
}

/** Alignment without the values OOXML takes when none is given (so "none" and "the defaults" compare equal). */
const ALIGNMENT_DEFAULTS: Record<string, unknown> = {
  horizontal: "general",
  vertical: "bottom",
  wrapText: false,
  shrinkToFit: false,
  indent: 0,
  textRotation: 0,
};
function withoutDefaults(alignment: Partial<ExcelJS.Alignment>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(alignment).filter(([k, v]) => ALIGNMENT_DEFAULTS[k] !== v && v !== undefined),
  );
}

function noteText(note: ExcelJS.Cell["note"]): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** Fill colour (ARGB of a solid fill), comment text, number format, font, border and alignment of every cell ExcelJS sees. */
export async function exceljsCells(bytes: Uint8Array): Promise<Map<string, Map<string, ExcelJsCell>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out = new Map<string, Map<string, ExcelJsCell>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, ExcelJsCell>();
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        cells.set(cell.address, {
          fill:
            fill && fill.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null,
          note: noteText(cell.note),
          numFmt: cell.numFmt === undefined || cell.numFmt === "General" ? null : cell.numFmt,
          font: JSON.stringify(cell.font ?? {}),
          border: JSON.stringify(cell.border ?? {}),
          alignment: JSON.stringify(withoutDefaults(cell.alignment ?? {})),
        });
      });
    });
    out.set(ws.name, cells);
  });
  return out;
}

/** The package's parts by name. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
