/**
 * The notice history (通报记录, SPEC §6): one row per unit per period, kept in a hidden sheet so
 * that rank changes, 末位驻点 and 停滞 work across notices. Regenerating a period replaces its rows.
 */
import { type SheetGrid, cellValue } from "../grid";
import { type IsoDate, dayToIso } from "../date";
import { type IssueData, makeIssue } from "../issue";
import { parseDate, rawValue } from "../cell";
import { GROUPS, type Group } from "../settings";
import { nfkcTrim } from "../text";
import { normalizeHeader } from "../ledger/columns";

export const HISTORY_SHEET = "通报记录";

/** The history sheet's columns, in order. */
export const HISTORY_HEADERS = [
  "期数",
  "统计截止日期",
  "单位",
  "单位类别",
  "任务数",
  "已完成",
  "完成率",
  "排名",
  "红榜",
  "黑榜",
  "类别",
] as const;

/**
 * The 类别 of a notice's history rows: `""` for the 综合通报, else the categories of a 专项通报 joined
 * with `、` in the order given (SPEC §6, §7).
 */
export function categoryKey(categories: readonly string[] | null | undefined): string {
  return categories ? categories.join("、") : "";
}

/** One unit in one period's notice. */
export interface HistoryRecord {
  readonly period: number;
  readonly asOf: IsoDate;
  readonly unit: string;
  readonly group: Group;
  readonly assigned: number;
  readonly completed: number;
  readonly completionRate: number | null;
  readonly rank: number | null;
  readonly red: boolean;
  readonly black: boolean;
  /** 类别: `""` for the 综合通报, else the 专项通报's categories (`categoryKey`). */
  readonly category: string;
}

const YES = new Set(["是", "√", "✓", "Y", "YES", "TRUE", "1"]);

function asNumber(value: ReturnType<typeof cellValue>): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** Reads `通报记录`; rows it cannot read are reported (code `invalid-setting`) and skipped. */
export function readHistory(
  sheet: SheetGrid,
  date1904: boolean,
): { records: HistoryRecord[]; issues: IssueData[] } {
  const records: HistoryRecord[] = [];
  const issues: IssueData[] = [];
  const header = (sheet.values[0] ?? []).map((v) => (typeof v === "string" ? normalizeHeader(v) : ""));
  const col = Object.fromEntries(HISTORY_HEADERS.map((h) => [h, header.indexOf(h)])) as Record<
    (typeof HISTORY_HEADERS)[number],
    number
  >;
  if (col.期数 < 0 || col.单位 < 0 || col.已完成 < 0) {
    issues.push(
      makeIssue("invalid-setting", { sheet: sheet.name, cell: "A1", row: 1, column: null }, null, {
        params: { key: HISTORY_SHEET, expected: "history-header" },
      }),
    );
    return { records, issues };
  }
  for (let r = 1; r < sheet.values.length; r++) {
    // A column the sheet lacks has index -1, which reads as an empty cell.
    const get = (h: (typeof HISTORY_HEADERS)[number]) => cellValue(sheet, r, col[h]);
    const period = asNumber(get("期数"));
    const unit = get("单位");
    if (period === null && unit === null) continue;
    const assigned = asNumber(get("任务数"));
    const completed = asNumber(get("已完成"));
    const date = parseDate(get("统计截止日期"), date1904);
    const group = GROUPS.find((g) => g === nfkcTrim(String(get("单位类别") ?? ""))) ?? "其他";
    if (period === null || typeof unit !== "string" || assigned === null || completed === null) {
      issues.push(
        makeIssue(
          "invalid-setting",
          { sheet: sheet.name, cell: `A${r + 1}`, row: r + 1, column: null },
          rawValue(unit),
          {
            params: { key: HISTORY_SHEET },
          },
        ),
      );
      continue;
    }
    const rank = asNumber(get("排名"));
    const flag = (h: "红榜" | "黑榜") => YES.has(nfkcTrim(String(get(h) ?? "")).toUpperCase());
    records.push({
      period,
      asOf: date.kind === "ok" ? dayToIso(date.value) : "",
      unit: unit.trim(),
      group,
      assigned,
      completed,
      completionRate: assigned > 0 ? completed / assigned : null,
      rank,
      red: flag("红榜"),
      black: flag("黑榜"),
      // Histories written before 类别 existed hold 综合通报 rows only.
      category: typeof get("类别") === "string" ? String(get("类别")).trim() : "",
    });
  }
  return { records, issues };
}

/**
 * History with the rows of `period` and `category` replaced by `current` (idempotent), ordered by
 * period; other kinds of notice keep their rows.
 */
export function replacePeriod(
  history: readonly HistoryRecord[],
  period: number,
  current: readonly HistoryRecord[],
  category = "",
): HistoryRecord[] {
  return [...history.filter((h) => h.period !== period || h.category !== category), ...current].sort(
    (a, b) => a.period - b.period,
  );
}

/** The latest period before `period` among the notices of `category` in the history, or `null`. */
export function previousPeriod(
  history: readonly HistoryRecord[],
  period: number,
  category = "",
): number | null {
  let best: number | null = null;
  for (const h of history)
    if (h.category === category && h.period < period && (best === null || h.period > best)) best = h.period;
  return best;
}

/** The last period of `category` in the history, or 0. */
export function lastPeriod(history: readonly HistoryRecord[], category = ""): number {
  return history.reduce((max, h) => (h.category === category && h.period > max ? h.period : max), 0);
}
