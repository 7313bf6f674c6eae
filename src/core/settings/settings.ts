/**
 * Reading the `设置` sheet of SPEC §9 through the settings table (`./table.ts`): one row per key in
 * columns A–B, then the 考核权重 block. Invalid entries become issues with their cell; a caller
 * that needs valid settings (the notice, scoring) refuses to go on when any of them is an error.
 */
import { type SheetGrid, a1, cellFormat, cellValue, rowCount } from "../grid";
import { type IssueData, makeIssue } from "../issue";
import { isEmptyValue, rawValue } from "../cell";
import { enumKey, nfkcTrim } from "../text";
import { normalizeHeader } from "../ledger/columns";
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SheetWeight,
  WEIGHTS_HEADER,
  rateOf,
  settingRow,
} from "./table";

export const SETTINGS_SHEET = "设置";

/** The `项目 | 值` header of the settings rows. */
export const SETTINGS_HEADER = { key: "项目", value: "值" } as const;

function textAt(sheet: SheetGrid, row: number, column: number): string {
  const v = cellValue(sheet, row, column);
  return typeof v === "string" ? normalizeHeader(v) : "";
}

/** Whether row `r` is the 考核权重 block's header (`考核表 | 权重`). */
export function isWeightsHeader(sheet: SheetGrid, r: number): boolean {
  return textAt(sheet, r, 0) === WEIGHTS_HEADER.sheet && textAt(sheet, r, 1) === WEIGHTS_HEADER.weight;
}

/**
 * Whether row `r` ends the 考核权重 table: a blank row (no name, no weight), or a known setting even
 * without a blank row before it — it is no evaluation sheet, and reading it as one would reject it as
 * a weight. A weight without a name keeps the table open.
 */
export function endsWeightsTable(sheet: SheetGrid, r: number): boolean {
  const key = textAt(sheet, r, 0);
  return key === "" ? isEmptyValue(cellValue(sheet, r, 1)) : settingRow(key) !== undefined;
}

/** Reads `设置`. Empty values keep their defaults. */
export function readSettings(
  sheet: SheetGrid,
  date1904: boolean,
): { settings: Settings; issues: IssueData[] } {
  const issues: IssueData[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const place = (row: number, column: number, key: string) => ({
    sheet: sheet.name,
    cell: a1(row, column),
    row: row + 1,
    column: key,
  });
  let inWeights = false;
  let weights: SheetWeight[] | null = null;
  for (let r = 0; r < rowCount(sheet); r++) {
    if (inWeights && endsWeightsTable(sheet, r)) inWeights = false;
    const key = textAt(sheet, r, 0);
    if (key === "") continue;
    if (key === SETTINGS_HEADER.key && textAt(sheet, r, 1) === SETTINGS_HEADER.value) continue;
    if (isWeightsHeader(sheet, r)) {
      inWeights = true;
      weights = [];
      out["weightsCell"] = a1(r, 1);
      continue;
    }
    const row = settingRow(key);
    if (inWeights && weights) {
      const issue = readWeight(sheet, r, weights);
      if (issue) issues.push(issue);
      continue;
    }
    if (!row) {
      issues.push(
        makeIssue("unknown-setting", place(r, 0, SETTINGS_HEADER.key), rawValue(cellValue(sheet, r, 0))),
      );
      continue;
    }
    const value = cellValue(sheet, r, 1);
    if (isEmptyValue(value)) continue;
    const parsed = row.parse(value, cellFormat(sheet, r, 1), date1904);
    if (parsed !== undefined) {
      out[row.field] = parsed;
    } else {
      issues.push(
        makeIssue("invalid-setting", place(r, 1, key), rawValue(value), {
          params: { key, expected: row.expected },
        }),
      );
    }
  }
  out["weights"] = weights;
  return { settings: out as unknown as Settings, issues };
}

/** Reads one row of the 考核权重 block into `weights`, or returns its issue. */
function readWeight(sheet: SheetGrid, r: number, weights: SheetWeight[]): IssueData | null {
  const name = cellValue(sheet, r, 0);
  const value = cellValue(sheet, r, 1);
  const place = (column: number, header: string) => ({
    sheet: sheet.name,
    cell: a1(r, column),
    row: r + 1,
    column: header,
  });
  const listed = weights.find((w) => enumKey(w.sheet) === enumKey(String(name)));
  if (listed) {
    return makeIssue("invalid-setting", place(0, WEIGHTS_HEADER.sheet), rawValue(name), {
      params: { key: WEIGHTS_HEADER.sheet, expected: "listed-once", firstRow: Number(listed.cell.slice(1)) },
    });
  }
  const weight = rateOf(value, cellFormat(sheet, r, 1));
  if (weight === undefined) {
    return makeIssue("invalid-setting", place(1, WEIGHTS_HEADER.weight), rawValue(value), {
      params: { key: String(name), expected: "percent" },
    });
  }
  weights.push({ sheet: nfkcTrim(String(name)), weight: Math.round(weight * 1e9) / 1e7, cell: a1(r, 1) });
  return null;
}
