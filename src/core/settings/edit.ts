/**
 * Editing `设置` (the task pane's settings editor) from the settings table: the fields with the text
 * each starts with, the check as one types (the reader's own parser), and the cells a save writes.
 */
import { type CellValue, type SheetGrid, a1, cellValue, rowCount } from "../grid";
import { type IssueData, makeIssue } from "../issue";
import { isEmptyValue, rawValue } from "../cell";
import { normalizeHeader } from "../ledger/columns";
import { SETTINGS_HEADER, SETTINGS_SHEET, isWeightsHeader, readSettings } from "./settings";
import { DEFAULT_SETTINGS, SETTINGS_TABLE, type SettingKey, type Settings, settingRow } from "./table";

/** Rows (0-based) of `设置` by setting key, outside the 考核权重 table; the first occurrence wins. */
export function settingRows(sheet: SheetGrid): Map<SettingKey, number> {
  const rows = new Map<SettingKey, number>();
  for (let r = 0; r < rowCount(sheet); r++) {
    const v = cellValue(sheet, r, 0);
    const row = typeof v === "string" ? settingRow(normalizeHeader(v)) : undefined;
    if (row && !rows.has(row.key)) rows.set(row.key, r);
  }
  return rows;
}

/** One field of the editor. */
export interface SettingEntry {
  readonly key: SettingKey;
  /** The text the field starts with: the value as read, or the raw cell when it is invalid. */
  readonly text: string;
  /** What applies when the field is empty (`""`: nothing, e.g. 通报期数 then follows the history). */
  readonly defaultText: string;
  /** A1 cell of the value in `设置`, or `null` when the sheet has no row for it. */
  readonly cell: string | null;
}

function textOf(value: CellValue): string {
  const raw = rawValue(value);
  return raw === null ? "" : String(raw);
}

/** Every setting of the table as an editor field, from `设置` (or the defaults without one). */
export function settingEntries(sheet: SheetGrid | null, date1904: boolean): SettingEntry[] {
  const read = sheet ? readSettings(sheet, date1904) : null;
  const settings: Settings = read?.settings ?? DEFAULT_SETTINGS;
  const rows = sheet ? settingRows(sheet) : new Map<SettingKey, number>();
  const badCells = new Set((read?.issues ?? []).map((i) => i.cell));
  return SETTINGS_TABLE.map((def): SettingEntry => {
    const row = rows.get(def.key);
    const cell = row === undefined ? null : a1(row, 1);
    const value = row === undefined || !sheet ? null : cellValue(sheet, row, 1);
    const text = isEmptyValue(value) ? "" : badCells.has(cell) ? textOf(value) : def.text(settings);
    return { key: def.key, text, defaultText: def.text(DEFAULT_SETTINGS), cell };
  });
}

/** What a typed value is written as: a plain decimal number as a number, anything else as text. */
export function settingCellValue(text: string): string | number {
  const t = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * Checks a typed value with the reader's own parser, on the value a save would write, so the
 * editor accepts exactly what the product will read. `null` when valid or empty.
 */
export function checkSettingText(key: SettingKey, text: string): IssueData | null {
  if (text.trim() === "") return null;
  const def = settingRow(key)!;
  const value = settingCellValue(text);
  if (def.parse(value, undefined, false) !== undefined) return null;
  return makeIssue("invalid-setting", { sheet: SETTINGS_SHEET, cell: null, row: null, column: key }, value, {
    params: { key, expected: def.expected },
  });
}

/** The cell writes that save settings into `设置` (column B; keys it lacks get a new row). */
export interface SettingsWrite {
  readonly sheet: string;
  /** The sheet does not exist yet: create it (with the `项目 | 值` header). */
  readonly create: boolean;
  readonly cells: ReadonlyArray<{ readonly cell: string; readonly value: string | number }>;
}

/**
 * Plans saving changed settings: a key the sheet lists gets its B cell written; a key it lacks gets
 * a new row below the last used one (after a blank row when a 考核权重 table is present, so the
 * table still ends where it did); without the sheet, it is created with the `项目 | 值` header, which
 * a sheet with nothing in it gets too.
 */
export function planSettingsWrite(
  sheet: SheetGrid | null,
  changes: ReadonlyArray<{ readonly key: SettingKey; readonly text: string }>,
): SettingsWrite {
  const rows = sheet ? settingRows(sheet) : new Map<SettingKey, number>();
  let last = -1;
  let weightsTable = false;
  for (let r = 0; sheet && r < rowCount(sheet); r++) {
    const row = sheet.values[r] ?? [];
    if (row.some((v) => !isEmptyValue(v ?? null))) last = r;
    if (isWeightsHeader(sheet, r)) weightsTable = true;
  }
  const cells: { cell: string; value: string | number }[] = [];
  // A new sheet, or one with nothing in it (its cells cleared), starts with the header.
  if (last < 0)
    cells.push({ cell: "A1", value: SETTINGS_HEADER.key }, { cell: "B1", value: SETTINGS_HEADER.value });
  let next = last < 0 ? 1 : last + (weightsTable ? 2 : 1);
  for (const { key, text } of changes) {
    const row = rows.get(key);
    if (row !== undefined) {
      // Blank text is written as "" (`settingCellValue` trims it), emptying the cell.
      cells.push({ cell: a1(row, 1), value: settingCellValue(text) });
    } else if (text.trim() !== "") {
      cells.push({ cell: a1(next, 0), value: key }, { cell: a1(next, 1), value: settingCellValue(text) });
      next++;
    }
  }
  return sheet ? { sheet: sheet.name, create: false, cells } : { sheet: SETTINGS_SHEET, create: true, cells };
}
