/**
 * Which sheets 台账助手 created (SPEC §12: never overwrite a sheet the product did not create).
 *
 * A generated sheet carries a hidden worksheet-scoped name `TaizhangKind` whose formula is the
 * sheet's kind as a string constant (`="notice"`). Worksheet-scoped names exist since ExcelApi 1.4,
 * survive saving in every Excel, and are written by the .xlsx adapter as a local defined name too,
 * so a notice made by the CLI is recognised as ours when opened in Excel.
 */

import { OWNER_MARK, type SheetKind } from "../../core/plan";

export type { SheetKind };
export const OWNER_NAME = OWNER_MARK;

/** Queues marking `sheet` as a generated sheet of `kind`. */
export function markSheet(sheet: Excel.Worksheet, kind: SheetKind): void {
  const name = sheet.names.add(OWNER_NAME, `="${kind}"`, "台账助手生成的工作表（请勿删除此名称）");
  name.visible = false;
}

/** The kind recorded on a sheet, from its loaded `TaizhangKind` name (null when not ours). */
export function kindOf(name: Excel.NamedItem): SheetKind | null {
  if (name.isNullObject) return null;
  const m = /^="(\w+)"$/.exec(name.formula.trim());
  return m ? (m[1] as SheetKind) : null;
}

/** Queues loading the ownership mark of `sheet`; read it with `kindOf` after the sync. */
export function loadOwnerMark(sheet: Excel.Worksheet): Excel.NamedItem {
  const mark = sheet.names.getItemOrNullObject(OWNER_NAME);
  mark.load("formula");
  return mark;
}
