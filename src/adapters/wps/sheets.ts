/**
 * Finding sheets and reading the ownership mark, over ET.
 *
 * A generated sheet carries the same hidden worksheet-scoped name as in Excel (`TaizhangKind`,
 * `="notice"`, core/plan `OWNER_MARK`), written with `Worksheet.Names.Add(Name, RefersTo, Visible)`,
 * so a notice made in WPS, in Excel or by the CLI is recognised as the product's in every host.
 */
import { OWNER_MARK, type SheetKind } from "../../core/plan";
import { type EtApplication, type EtWorkbook, type EtWorksheet, SHEET_VISIBLE } from "./et";
import { NoWorkbookError } from "./errors";

/** The very hidden sheet that keeps highlighted cells' original fills (see highlight.ts). */
export const STORE_SHEET = "台账助手标注记录";

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const workbook = app.ActiveWorkbook as EtWorkbook | null | undefined;
  if (!workbook) throw new NoWorkbookError();
  return workbook;
}

/** The worksheet named `name` (ignoring case, as WPS does), or null. One `Item` call per sheet, no exceptions relied on. */
export function findSheet(workbook: EtWorkbook, name: string): EtWorksheet | null {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const lower = name.toLowerCase();
  for (let i = 1; i <= count; i++) {
    const sheet = sheets.Item(i) as EtWorksheet;
    if (sheet.Name.toLowerCase() === lower) return sheet;
  }
  return null;
}

/** Every worksheet in tab order with its name and visibility. */
export function listSheets(workbook: EtWorkbook): { sheet: EtWorksheet; name: string; visible: boolean }[] {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const out: { sheet: EtWorksheet; name: string; visible: boolean }[] = [];
  for (let i = 1; i <= count; i++) {
    const sheet = sheets.Item(i) as EtWorksheet;
    out.push({ sheet, name: sheet.Name, visible: sheet.Visible === SHEET_VISIBLE });
  }
  return out;
}

const KINDS: readonly SheetKind[] = ["notice", "report", "history", "summary", "ledger", "template", "other"];

/** The kind recorded on `sheet` (null when the sheet is not the product's). */
export function kindOf(sheet: EtWorksheet): SheetKind | null {
  let formula: unknown;
  try {
    // ET, like VBA, raises an error for an unknown name: there is no "…OrNullObject".
    formula = sheet.Names.Item(OWNER_MARK).RefersTo;
  } catch {
    return null;
  }
  const m = typeof formula === "string" ? /^="(\w+)"$/.exec(formula.trim()) : null;
  return m && KINDS.includes(m[1] as SheetKind) ? (m[1] as SheetKind) : null;
}

export function markSheet(sheet: EtWorksheet, kind: SheetKind): void {
  sheet.Names.Add(OWNER_MARK, `="${kind}"`, false);
}

/** The last worksheet, to add new ones after it (ET's `Add` without arguments inserts before the active sheet). */
export function lastSheet(workbook: EtWorkbook): EtWorksheet {
  const sheets = workbook.Worksheets;
  return sheets.Item(sheets.Count) as EtWorksheet;
}
