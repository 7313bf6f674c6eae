/**
 * Saving 考核权重 from the task pane: the cells a save writes into `设置`. Rows of the table keep
 * their place (the weight cell is rewritten); without a table one is added under the last used row,
 * after a blank row, with its `考核表 | 权重` header; without `设置` the sheet is created.
 */
import { type SheetGrid, a1, cellValue } from "../grid";
import { isEmptyValue } from "../cell";
import { enumKey } from "../text";
import { normalizeHeader } from "../ledger/columns";
import { SETTINGS_SHEET, isWeightsHeader, settingRow } from "../settings";

export interface WeightsWrite {
  readonly sheet: string;
  /** `设置` does not exist yet: create it. */
  readonly create: boolean;
  readonly cells: ReadonlyArray<{ readonly cell: string; readonly value: string | number }>;
}

function text(sheet: SheetGrid, r: number, c: number): string {
  const v = cellValue(sheet, r, c);
  return typeof v === "string" ? normalizeHeader(v) : "";
}

/**
 * Plans writing `weights` (sheet → percent) into `设置`. A listed sheet gets its weight cell
 * rewritten; a sheet the table lacks is added at the table's end when the row there is free; `null`
 * when it is not (nothing of the user's is ever overwritten).
 *
 * @example planWeightsWrite(null, [{ sheet: "平时掌握情况", weight: 30 }]).cells[0] // { cell: "A1", value: "项目" }
 */
export function planWeightsWrite(
  sheet: SheetGrid | null,
  weights: ReadonlyArray<{ readonly sheet: string; readonly weight: number }>,
): WeightsWrite | null {
  const table = (top: number) =>
    [
      { cell: a1(top, 0), value: "考核表" },
      { cell: a1(top, 1), value: "权重" },
      ...weights.flatMap((w, i) => [
        { cell: a1(top + 1 + i, 0), value: w.sheet },
        { cell: a1(top + 1 + i, 1), value: w.weight },
      ]),
    ] as const;
  if (!sheet) {
    return {
      sheet: SETTINGS_SHEET,
      create: true,
      cells: [{ cell: "A1", value: "项目" }, { cell: "B1", value: "值" }, ...table(2)],
    };
  }
  let header = -1;
  let last = -1;
  for (let r = 0; r < sheet.values.length; r++) {
    if ((sheet.values[r] ?? []).some((v) => !isEmptyValue(v ?? null))) last = r;
    if (header < 0 && isWeightsHeader(sheet, r)) header = r;
  }
  if (header < 0) return { sheet: sheet.name, create: false, cells: table(last + 2) };
  // The table's rows, as the reader takes them: down to the first empty name or known setting.
  const rows = new Map<string, number>();
  let end = header + 1;
  for (; end < sheet.values.length; end++) {
    const name = text(sheet, end, 0);
    if (name === "" || settingRow(name) !== undefined) break;
    rows.set(enumKey(name), end);
  }
  const cells: Array<{ cell: string; value: string | number }> = [];
  let next = end;
  for (const w of weights) {
    const row = rows.get(enumKey(w.sheet));
    if (row !== undefined) {
      cells.push({ cell: a1(row, 1), value: w.weight });
      continue;
    }
    // No room at the table's end: nothing is written rather than a cell of the user's overwritten.
    if (!isEmptyValue(cellValue(sheet, next, 0)) || !isEmptyValue(cellValue(sheet, next, 1))) return null;
    cells.push({ cell: a1(next, 0), value: w.sheet }, { cell: a1(next, 1), value: w.weight });
    next++;
  }
  return { sheet: sheet.name, create: false, cells };
}
