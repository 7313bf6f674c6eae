/**
 * Saving 考核权重 from the task pane: the typed weights checked (each a percent 0–100, together 100
 * as `weights-sum` checks them), and the cells a save writes into `设置`. Rows of the table keep
 * their place (the weight cell is rewritten); without a table one is added under the last used row,
 * after a blank row, with its `考核表 | 权重` header; without `设置` the sheet is created.
 */
import { type SheetGrid, a1, cellFormat, cellValue } from "../grid";
import { isEmptyValue, isPercentFormat } from "../cell";
import { enumKey } from "../text";
import { normalizeHeader } from "../ledger/columns";
import { SETTINGS_SHEET, endsWeightsTable, isWeightsHeader, settingRow } from "../settings";
import { nfkcTrim } from "../text";

export interface WeightsWrite {
  readonly sheet: string;
  /** `设置` does not exist yet: create it. */
  readonly create: boolean;
  readonly cells: ReadonlyArray<{ readonly cell: string; readonly value: string | number }>;
}

/** True when weights add up to 100, compared to 6 decimals (SPEC §8's `weights-sum`). */
export function weightsAddUp(sum: number): boolean {
  return Math.round(sum * 1e6) === 100e6;
}

/**
 * A weight typed into the pane's 权重 field, a percent (`30`, `30%`, `３０`), or `null` when it is not
 * a number in 0–100.
 */
export function parseTypedWeight(typed: string): number | null {
  const t = nfkcTrim(typed).replace(/%$/, "");
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) > 100) return null;
  return Number(t);
}

/** Typed weights checked: the weights, or the first sheet whose weight is not a percent, or their sum. */
export function checkTypedWeights(
  typed: ReadonlyArray<{ sheet: string; text: string }>,
):
  | { ok: true; weights: Array<{ sheet: string; weight: number }> }
  | { ok: false; sheet: string | null; sum: number } {
  const weights: Array<{ sheet: string; weight: number }> = [];
  for (const { sheet, text } of typed) {
    const weight = parseTypedWeight(text);
    if (weight === null) return { ok: false, sheet, sum: NaN };
    weights.push({ sheet, weight });
  }
  const sum = weights.reduce((a, w) => a + w.weight, 0);
  if (!weightsAddUp(sum)) return { ok: false, sheet: null, sum };
  return { ok: true, weights };
}

/**
 * A weight as written into its cell so that it reads back as the same percent (as `rateOf` reads
 * it): into a %-formatted cell the fraction (typing 30% in Excel stores 0.3); elsewhere a number
 * above 1 (or 0) as itself, and from 0 to 1 as `1%`-style text, since a plain number ≤ 1 is a
 * fraction (SPEC §9: `0.3` is 30%).
 */
function weightCell(weight: number, numFmt: string | undefined): string | number {
  if (isPercentFormat(numFmt)) return weight / 100;
  return weight > 0 && weight <= 1 ? `${weight}%` : weight;
}

function text(sheet: SheetGrid, r: number, c: number): string {
  const v = cellValue(sheet, r, c);
  return typeof v === "string" ? normalizeHeader(v) : "";
}

/**
 * Plans writing `weights` (sheet → percent) into `设置`. A listed sheet gets its weight cell
 * rewritten; a sheet the table lacks is added at the table's end when the row there is free and the
 * table still ends under the added rows; `null` when not (nothing of the user's is ever overwritten
 * or read as part of the table).
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
        {
          cell: a1(top + 1 + i, 1),
          value: weightCell(w.weight, sheet ? cellFormat(sheet, top + 1 + i, 1) : undefined),
        },
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
    // The last header, as readSettings takes it (each 考核表 | 权重 row starts the table anew).
    if (isWeightsHeader(sheet, r)) header = r;
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
      cells.push({ cell: a1(row, 1), value: weightCell(w.weight, cellFormat(sheet, row, 1)) });
      continue;
    }
    // No room at the table's end: nothing is written rather than a cell of the user's overwritten.
    if (!isEmptyValue(cellValue(sheet, next, 0)) || !isEmptyValue(cellValue(sheet, next, 1))) return null;
    cells.push(
      { cell: a1(next, 0), value: w.sheet },
      { cell: a1(next, 1), value: weightCell(w.weight, cellFormat(sheet, next, 1)) },
    );
    next++;
  }
  // Rows added into the blank row that ended the table would join the rows under it to the table
  // (a note read as one more weight): then there is no room either.
  if (next > end && !endsWeightsTable(sheet, next)) return null;
  return { sheet: sheet.name, create: false, cells };
}
