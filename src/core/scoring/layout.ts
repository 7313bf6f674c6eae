/**
 * Layouts of the scoring sheets (SPEC §8): where the header row is, which column holds the units,
 * which columns are indicators and their maxima (from the headers or a 分值 row), the 合计 column;
 * and the 加减分 and 一票否决 sheets.
 */
import { type CellValue, type SheetGrid, cellValue, columnName } from "../grid";
import { isEmptyValue, isFormulaError, rawValue } from "../cell";
import { enumKey, nfkcTrim } from "../text";
import type { Indicator } from "./types";

const SEARCH_ROWS = 20;

/** Header text as compared: NFKC, no white space, no `*`. */
function key(value: CellValue): string {
  return typeof value === "string" ? enumKey(value).replace(/\*/g, "") : "";
}

/** The key without bracketed parts and a trailing `10分`: `合计（100分）` → `合计`, `加分(分)` → `加分`. */
function bareKey(value: CellValue): string {
  return key(value)
    .replace(/[([][^()[\]]*[)\]]/g, "")
    .replace(/\d+(?:\.\d+)?分$/u, "");
}

const UNIT_HEADERS = new Set(["单位", "单位名称", "被考核单位"]);
const TOTAL_HEADERS = new Set(["合计", "总分", "合计得分", "总得分", "得分合计", "总计", "合计分"]);
/** The unit cell of the row under the header that holds the maxima. */
export const MAX_ROW_LABELS = new Set(["分值", "满分"]);
/** Unit cells of rows that are not units (a sum or mean row under the table). */
export const SUMMARY_ROW_LABELS = new Set(["合计", "总计", "平均", "平均分", "分值", "满分"]);

export function isUnitHeader(value: CellValue): boolean {
  return UNIT_HEADERS.has(bareKey(value));
}

/** A `合计`/`总分` header (with or without its own maximum): recomputed, never an indicator. */
export function isTotalHeader(value: CellValue): boolean {
  return TOTAL_HEADERS.has(bareKey(value));
}

/**
 * The maximum a header states: `组织建设（20分）`, `书记述职评议(30分)`, `(满分10分)`, or a trailing
 * `基础保障10分`; `null` when it states none.
 */
export function headerMaximum(value: CellValue): number | null {
  const k = key(value);
  const m = /[([](?:满分)?(\d+(?:\.\d+)?)分[)\]]$/u.exec(k) ?? /(?:^|[^\d.])(\d+(?:\.\d+)?)分$/u.exec(k);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

/** A number as a cell holds it or as text (`"20"`, `"２０"`), else `null`. */
export function numberIn(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") {
    const s = nfkcTrim(value);
    return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
  }
  return null;
}

export interface EvaluationLayout {
  readonly headerRow: number;
  readonly unitColumn: number;
  /** The 0-based row of the 分值/满分 row, or `null` when the maxima are in the headers. */
  readonly maxRow: number | null;
  readonly indicators: readonly Indicator[];
  readonly totalColumn: number | null;
  readonly firstDataRow: number;
}

export type LayoutResult =
  | { readonly kind: "ok"; readonly layout: EvaluationLayout }
  | { readonly kind: "bad"; readonly lacks: "unit-column" | "maxima" };

function headerCells(sheet: SheetGrid, row: number): readonly CellValue[] {
  return sheet.values[row] ?? [];
}

/**
 * The layout of an evaluation sheet: the first of its first 20 rows with a 单位/单位名称 cell and
 * indicator maxima (in its headers or in a 分值/满分 row right under it).
 */
export function readEvaluationLayout(sheet: SheetGrid): LayoutResult {
  const last = Math.min(SEARCH_ROWS, sheet.values.length);
  let sawUnitHeader = false;
  for (let r = 0; r < last; r++) {
    const cells = headerCells(sheet, r);
    const unitColumn = cells.findIndex((v) => isUnitHeader(v));
    if (unitColumn < 0) continue;
    sawUnitHeader = true;
    // A two-row header (单位 merged down over a row of sub-indicators) ends at the merge's bottom.
    const merge = sheet.merges.find((m) => m.top === r && m.left <= unitColumn && m.right >= unitColumn);
    const bottom = merge ? Math.max(r, merge.bottom) : r;
    const maxRow = MAX_ROW_LABELS.has(bareKey(cellValue(sheet, bottom + 1, unitColumn))) ? bottom + 1 : null;
    let width = 0;
    for (let h = r; h <= (maxRow ?? bottom); h++) width = Math.max(width, sheet.values[h]?.length ?? 0);
    const indicators: Indicator[] = [];
    let totalColumn: number | null = null;
    for (let c = 0; c < width; c++) {
      if (c === unitColumn) continue;
      // The lowest non-empty header cell of the column names it (a sub-indicator under a group).
      let header: CellValue = null;
      for (let h = bottom; h >= r && isEmptyValue(header); h--) header = cellValue(sheet, h, c);
      if (isTotalHeader(header)) {
        totalColumn ??= c;
        continue;
      }
      const fromRow = maxRow === null ? null : numberIn(cellValue(sheet, maxRow, c));
      const max = fromRow !== null && fromRow > 0 ? fromRow : headerMaximum(header);
      if (max === null) continue;
      // The header as typed; a column without one is named by its letter.
      const text =
        typeof header === "string" ? header.trim() : header === null ? "" : String(rawValue(header));
      indicators.push({ column: c, header: text === "" ? columnName(c) : text, max });
    }
    if (indicators.length === 0) continue;
    return {
      kind: "ok",
      layout: {
        headerRow: r,
        unitColumn,
        maxRow,
        indicators,
        totalColumn,
        firstDataRow: (maxRow ?? bottom) + 1,
      },
    };
  }
  return { kind: "bad", lacks: sawUnitHeader ? "maxima" : "unit-column" };
}

const BONUS_HEADERS = new Set(["加分", "加分值", "加分分值"]);
const PENALTY_HEADERS = new Set(["扣分", "减分", "扣分值", "扣分分值"]);
const REASON_HEADERS = new Set(["事由", "原因", "否决事由", "加减分事由", "扣分事由", "情形", "说明"]);

export interface AdjustmentLayout {
  readonly headerRow: number;
  readonly unitColumn: number;
  readonly bonusColumn: number | null;
  readonly penaltyColumn: number | null;
  readonly reasonColumn: number | null;
}

/**
 * The layout of `加减分` (单位, 加分, 扣分, 事由) or `一票否决` (单位, 事由): the first of the first 20
 * rows with a unit header (and, for 加减分, a 加分 or 扣分 header).
 */
export function readAdjustmentLayout(sheet: SheetGrid, needsPoints: boolean): AdjustmentLayout | null {
  const last = Math.min(SEARCH_ROWS, sheet.values.length);
  for (let r = 0; r < last; r++) {
    const cells = headerCells(sheet, r);
    const find = (names: ReadonlySet<string>) => {
      const i = cells.findIndex((v) => names.has(bareKey(v)));
      return i < 0 ? null : i;
    };
    const unitColumn = find(UNIT_HEADERS);
    if (unitColumn === null) continue;
    const bonusColumn = find(BONUS_HEADERS);
    const penaltyColumn = find(PENALTY_HEADERS);
    if (needsPoints && bonusColumn === null && penaltyColumn === null) continue;
    return { headerRow: r, unitColumn, bonusColumn, penaltyColumn, reasonColumn: find(REASON_HEADERS) };
  }
  return null;
}

/** How a score cell reads (SPEC §8): a number in 0…max, else the issue it raises. */
export type ScoreParse =
  | { readonly kind: "ok"; readonly value: number }
  | {
      readonly kind: "bad";
      readonly code: "score-missing" | "invalid-number" | "out-of-range" | "formula-error";
    };

/** Rounds to 6 decimals: scores are compared this way (SPEC §8). */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

export function parseScore(value: CellValue, max: number): ScoreParse {
  if (isFormulaError(value)) return { kind: "bad", code: "formula-error" };
  if (isEmptyValue(value)) return { kind: "bad", code: "score-missing" };
  const n = numberIn(value);
  if (n === null) return { kind: "bad", code: "invalid-number" };
  if (round6(n) < 0 || round6(n) > round6(max)) return { kind: "bad", code: "out-of-range" };
  return { kind: "ok", value: n };
}

/** A 加分/扣分 cell: empty is 0; otherwise a non-negative number. */
export function parsePoints(
  value: CellValue,
): { kind: "ok"; value: number } | { kind: "bad"; code: "invalid-number" | "formula-error" } {
  if (isFormulaError(value)) return { kind: "bad", code: "formula-error" };
  if (isEmptyValue(value)) return { kind: "ok", value: 0 };
  const n = numberIn(value);
  if (n === null || round6(n) < 0) return { kind: "bad", code: "invalid-number" };
  return { kind: "ok", value: n };
}
