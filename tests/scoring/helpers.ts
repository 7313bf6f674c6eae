/** Builders for scoring workbooks as grids: a roster, a 设置 with 考核权重, evaluation sheets. */
import {
  type CellValue,
  type ScoringResult,
  type SheetGrid,
  type WorkbookGrid,
  gridFromRows,
  scoreRun,
} from "../../src/core";

export type Rows = CellValue[][];

/** Ten units in two groups: 甲区…戊区 (县市区, 甲区 alias 甲), 一局…五局 (市直机关). */
export const UNITS = {
  county: ["甲区", "乙区", "丙区", "丁区", "戊区"],
  organ: ["一局", "二局", "三局", "四局", "五局"],
} as const;

export function roster(
  units: ReadonlyArray<readonly [string, string, string?]> = defaultRoster(),
): SheetGrid {
  return gridFromRows("单位名册", [
    ["单位名称", "单位类别", "别名"],
    ...units.map((u) => [u[0], u[1], u[2] ?? null]),
  ]);
}

/** A roster of three 县市区: 甲区, 乙区, 丙区 (rules that need only a few units). */
export function threeCounties(): SheetGrid {
  return roster([
    ["甲区", "县市区"],
    ["乙区", "县市区"],
    ["丙区", "县市区"],
  ]);
}

function defaultRoster(): Array<[string, string, string?]> {
  return [
    ...UNITS.county.map((u): [string, string, string?] =>
      u === "甲区" ? [u, "县市区", "甲"] : [u, "县市区"],
    ),
    ...UNITS.organ.map((u): [string, string] => [u, "市直机关"]),
  ];
}

/** `设置` with optional key/value rows and an optional 考核权重 table. */
export function settings(
  values: Rows = [],
  weights?: ReadonlyArray<readonly [string, CellValue]>,
): SheetGrid {
  const rows: Rows = [["项目", "值"], ...values];
  if (weights) rows.push([], ["考核表", "权重"], ...weights.map((w) => [w[0], w[1]]));
  return gridFromRows("设置", rows);
}

/**
 * An evaluation sheet with one indicator per max, headers `指标K（M分）`, and a row per unit:
 * `[unit, ...scores]`.
 */
export function evaluation(
  name: string,
  maxima: readonly number[],
  rows: Rows,
  extra: { total?: boolean } = {},
): SheetGrid {
  const header: CellValue[] = ["单位", ...maxima.map((m, i) => `指标${i + 1}（${m}分）`)];
  if (extra.total) header.push("合计");
  return gridFromRows(name, [header, ...rows]);
}

/** Every unit with the same scores. */
export function everyone(scores: readonly number[]): Rows {
  return [...UNITS.county, ...UNITS.organ].map((u) => [u, ...scores]);
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets, date1904: false };
}

/** The file name of a one-file run (`run`). */
export const FILE = "考核.xlsx";

/** Scores one workbook `FILE` of `sheets`. */
export function run(sheets: SheetGrid[], options: Parameters<typeof scoreRun>[1] = {}): ScoringResult {
  return scoreRun([{ file: FILE, workbook: workbook(...sheets) }], options);
}

/** The unit called `name` in a result (throws when there is none). */
export function unit(result: ScoringResult, name: string) {
  const u = result.units.find((x) => x.unit === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}
