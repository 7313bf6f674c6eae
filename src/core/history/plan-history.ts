/**
 * The hidden history sheet `通报记录` (SPEC §6) as a sheet plan. Its header row is exactly
 * `HISTORY_HEADERS`, so `readHistory` reads what this writes.
 */
import { HISTORY_HEADERS, HISTORY_SHEET, type HistoryRecord } from "./history";
import type { PlanCell, SheetPlan } from "../plan";
import { DATE_FORMAT, PERCENT_FORMAT, cell, isoToSerial } from "../plan/layout";

/**
 * The history sheet's plan: one row per unit per period, in the order given. 统计截止日期 is an Excel
 * serial formatted `yyyy-mm-dd` (empty when the record's date is unknown), 完成率 a fraction formatted
 * `0.0%`, 排名 empty for units not ranked, 红榜/黑榜 `是` or empty.
 *
 * @example buildHistoryPlan(notice.history).visibility // "hidden"
 */
export function buildHistoryPlan(history: readonly HistoryRecord[]): SheetPlan {
  const rows: Array<ReadonlyArray<PlanCell | null>> = [HISTORY_HEADERS.map((h) => cell(h, "head"))];
  for (const r of history) {
    rows.push([
      cell(r.period),
      cell(isoToSerial(r.asOf), "date"),
      cell(r.unit),
      cell(r.group),
      cell(r.assigned),
      cell(r.completed),
      cell(r.completionRate, "pct"),
      cell(r.rank),
      cell(r.red ? "是" : null),
      cell(r.black ? "是" : null),
      cell(r.category === "" ? null : r.category),
    ]);
  }
  return {
    name: HISTORY_SHEET,
    kind: "history",
    visibility: "hidden",
    rows,
    styles: {
      head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center" },
      date: { numFmt: DATE_FORMAT },
      pct: { numFmt: PERCENT_FORMAT },
    },
    merges: [],
    columnWidths: [6, 14, 24, 10, 8, 8, 10, 6, 6, 6, 16],
    freeze: { rows: 1, columns: 0 },
  };
}
