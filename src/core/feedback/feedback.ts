/**
 * 退回修改 (SPEC §10 `feedback`, issue #14): what a unit's returned workbook gets when it goes back
 * to the unit — each problem cell marked (errors red, warnings amber) with a comment holding the
 * message and the suggestion, and a first sheet `退回修改说明` listing every issue with a link to
 * its cell and the date by which to send the workbook back.
 *
 * Core only decides *what* is marked and said; adapters apply it: the xlsx patcher onto the
 * original package's bytes, the add-in onto a fresh per-unit workbook.
 */
import { type LedgerRow, readFiling } from "../ledger";
import { type IsoDate, formatChineseDate, isoToDay } from "../date";
import { type WorkbookGrid, parseA1 } from "../grid";
import { type IssueData, type Severity, countIssues } from "../issue";
import { localizeIssue } from "../message";
import type { CellStyle, PlanCell, SheetPlan } from "../plan";
import { enumKey } from "../text";

/** The instructions sheet's name (a generated sheet, never read as a ledger). */
export const FEEDBACK_SHEET = "退回修改说明";

/** 补报天数 when `设置` names none: the unit has three days to send the corrected workbook back. */
export const DEFAULT_RESUBMIT_DAYS = 3;

/** Fill of a marked cell, `RRGGBB`: light red for errors, amber for warnings. */
export const MARK_FILL: Readonly<Record<Severity, string>> = { error: "FFC7CE", warning: "FFEB9C" };

/** The author written on the comments the product adds. */
export const COMMENT_AUTHOR = "台账助手";

/** One marked cell: its worst severity and the comment text (every issue of the cell). */
export interface FeedbackMark {
  readonly sheet: string;
  /** A1 reference as the issue gives it (no `$`). */
  readonly cell: string;
  /** 0-based row and column of `cell`. */
  readonly row: number;
  readonly column: number;
  readonly severity: Severity;
  /** Comment text: one paragraph per issue, message then suggestion. */
  readonly comment: string;
}

/** Everything that goes back to one unit for one workbook. */
export interface Feedback {
  /** The unit the workbook belongs to (its 填报单位, else the only unit of its rows), or null. */
  readonly unit: string | null;
  readonly asOf: IsoDate;
  /** 请于…前修改后重新报送: as-of + 补报天数. */
  readonly deadline: IsoDate;
  readonly errors: number;
  readonly warnings: number;
  /** The issues listed, in the order given (sheet, row, column). */
  readonly issues: readonly IssueData[];
  /** One mark per distinct cell, in the order of the issues. */
  readonly marks: readonly FeedbackMark[];
  /** The `退回修改说明` sheet (named `FEEDBACK_SHEET`, or with a suffix when the workbook already has one). */
  readonly sheet: SheetPlan;
}

export interface FeedbackOptions {
  /** File name shown on the sheet (no path). */
  readonly file: string;
  readonly asOf: IsoDate;
  /** 设置 补报天数; default 3. */
  readonly resubmitDays?: number | undefined;
  /** The unit, when the caller knows it (the add-in's per-unit split); else found from the workbook. */
  readonly unit?: string | null | undefined;
  /** Names of the sheets already in the target workbook: the new sheet must not clash with one. */
  readonly existingSheets?: readonly string[];
}

const SEVERITY_ZH: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告" };

/** Comment paragraph of one issue: `【错误】message` and, when there is one, `建议：suggestion`. */
export function commentParagraph(issue: IssueData): string {
  const { message } = localizeIssue(issue, "zh");
  const hint = issue.suggestion ? `\n建议：${issue.suggestion}` : "";
  return `【${SEVERITY_ZH[issue.severity]}】${message}${hint}`;
}

/**
 * The cells to mark: one per distinct (sheet, cell) among `issues`, red when any of its issues is an
 * error, amber otherwise, its comment listing each issue. Issues without a cell (e.g. `no-roster`)
 * mark nothing.
 */
export function feedbackMarks(issues: readonly IssueData[]): FeedbackMark[] {
  const byCell = new Map<string, { mark: Omit<FeedbackMark, "comment" | "severity">; issues: IssueData[] }>();
  for (const issue of issues) {
    if (issue.cell === null) continue;
    const at = parseA1(issue.cell);
    if (at === null) continue;
    const key = `${issue.sheet}\u0000${at.row}\u0000${at.column}`;
    let entry = byCell.get(key);
    if (!entry) {
      entry = { mark: { sheet: issue.sheet, cell: issue.cell.replace(/\$/g, ""), ...at }, issues: [] };
      byCell.set(key, entry);
    }
    entry.issues.push(issue);
  }
  return [...byCell.values()].map(({ mark, issues: cellIssues }) => ({
    ...mark,
    severity: cellIssues.some((i) => i.severity === "error") ? "error" : "warning",
    comment: cellIssues.map(commentParagraph).join("\n"),
  }));
}

/** ISO date `days` after `iso`. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const day = isoToDay(iso);
  if (day === null) throw new RangeError(`not a date: ${iso}`);
  return new Date((day + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The workbook's unit, as the instructions sheet names it: the only unit of its rows (the roster's
 * name), else the 填报单位 of its first ledger sheet that names one (without `（盖章）`), else null.
 */
export function workbookUnit(
  workbook: WorkbookGrid,
  sheets: ReadonlyArray<{ sheet: string; headerRow: number }>,
  rows: readonly LedgerRow[],
): string | null {
  const units = new Set(rows.map((r) => r.unit).filter((u): u is string => u !== null));
  if (units.size === 1) return [...units][0]!;
  for (const s of sheets) {
    const grid = workbook.sheets.find((g) => g.name === s.sheet);
    // `headerRow` is 1-based: the rows above it are 0 … headerRow - 2.
    const unit = grid ? readFiling(grid, s.headerRow - 1, workbook.date1904).unit : null;
    if (unit !== null) return unit;
  }
  return null;
}

/** `退回修改说明`, or `退回修改说明（2）`… when the workbook already holds a sheet of that name. */
export function feedbackSheetName(existing: readonly string[]): string {
  // Compared as Excel compares sheet names, less case: these names have no letters that have one.
  const taken = new Set(existing.map(enumKey));
  let name = FEEDBACK_SHEET;
  for (let k = 2; taken.has(enumKey(name)); k++) name = `${FEEDBACK_SHEET}（${k}）`;
  return name;
}

const HEADERS = ["序号", "工作表", "单元格", "级别", "说明", "原值", "建议"] as const;
const WIDTHS = [6, 16, 9, 7, 56, 22, 18];
const LAST = HEADERS.length - 1;

const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 16, hAlign: "center", vAlign: "middle" },
  info: { vAlign: "middle" },
  ask: { bold: true, fontColor: "C00000", wrap: true, vAlign: "top" },
  para: { wrap: true, vAlign: "top" },
  head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle" },
  num: { border: true, hAlign: "center", vAlign: "top" },
  text: { border: true, wrap: true, vAlign: "top" },
  link: { border: true, hAlign: "center", vAlign: "top", fontColor: "0563C1" },
  error: { border: true, hAlign: "center", vAlign: "top", fill: MARK_FILL.error },
  warning: { border: true, hAlign: "center", vAlign: "top", fill: MARK_FILL.warning },
};

function text(value: string | null, style: string): PlanCell {
  return { value, style };
}

/** Rough row height (points) for wrapped text in a column `width` characters wide. */
function wrappedHeight(texts: ReadonlyArray<readonly [string, number]>, base = 15): number {
  let lines = 1;
  for (const [s, width] of texts) {
    let n = 0;
    for (const part of s.split("\n")) {
      let units = 0;
      for (const ch of part) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
      n += Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
    }
    lines = Math.max(lines, n);
  }
  return Math.round(lines * base * 10) / 10;
}

/**
 * What goes back to the unit for one workbook: the marks and the `退回修改说明` sheet.
 *
 * @example
 * const fb = buildFeedback(result.issues, { file: "青山区.xlsx", asOf: "2022-10-31", unit: "青山区" });
 * fb.deadline; // "2022-11-03"
 */
export function buildFeedback(issues: readonly IssueData[], options: FeedbackOptions): Feedback {
  const days = options.resubmitDays ?? DEFAULT_RESUBMIT_DAYS;
  const deadline = addDays(options.asOf, days);
  const { errors, warnings } = countIssues(issues);
  const unit = options.unit ?? null;
  const name = feedbackSheetName(options.existingSheets ?? []);

  const sheet = new FeedbackSheet();
  sheet.line(text(FEEDBACK_SHEET, "title"), 30);
  sheet.line(text(`单位：${unit ?? "（未能识别）"}`, "info"));
  sheet.line(text(`文件：${options.file}`, "info"));
  sheet.line(text(`统计截止日期：${formatChineseDate(isoToDay(options.asOf)!)}`, "info"));
  const counts = `共发现问题 ${errors + warnings} 个：错误 ${errors} 个，警告 ${warnings} 个。`;
  sheet.line(text(counts, "info"));
  const ask =
    `请于${formatChineseDate(isoToDay(deadline)!)}前修改后重新报送。` +
    "标红的单元格为错误，须逐项更正；标黄的为警告，请核实后修改或说明。" +
    "单元格上的批注写明了问题和修改建议；点击下表“单元格”一栏可直接跳到该单元格。";
  sheet.line(text(ask, "ask"), wrappedHeight([[ask, WIDTHS.reduce((a, b) => a + b, 0)]], 16));
  sheet.rows.push([]);
  sheet.add(
    HEADERS.map((h) => text(h, "head")),
    20,
  );
  const headerRow = sheet.rows.length - 1;
  issues.forEach((issue, i) => {
    const [cells, height] = issueRow(issue, i);
    sheet.add(cells, height);
  });

  return {
    unit,
    asOf: options.asOf,
    deadline,
    errors,
    warnings,
    issues,
    marks: feedbackMarks(issues),
    sheet: {
      name,
      kind: "other",
      rows: sheet.rows,
      styles: STYLES,
      merges: sheet.merges,
      columnWidths: WIDTHS,
      rowHeights: sheet.heights,
      freeze: { rows: headerRow + 1, columns: 0 },
      print: {
        orientation: "landscape",
        paperSize: "A4",
        fitToWidth: true,
        repeatRows: { first: headerRow, last: headerRow },
      },
      tabColor: "C00000",
    },
  };
}

/** The rows of `退回修改说明` as they are added, with their heights and merges. */
class FeedbackSheet {
  readonly rows: Array<Array<PlanCell | null>> = [];
  readonly heights: Record<number, number> = {};
  readonly merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];

  /** A row of cells, `height` points high when given. */
  add(cells: Array<PlanCell | null>, height?: number): void {
    this.rows.push(cells);
    if (height !== undefined) this.heights[this.rows.length - 1] = height;
  }

  /** One cell across the table's width. */
  line(cell: PlanCell, height?: number): void {
    const r = this.rows.length;
    this.add([cell, ...Array<null>(LAST).fill(null)], height);
    this.merges.push({ top: r, left: 0, bottom: r, right: LAST });
  }
}

/** The table row of one issue (its cell a link to the cell), and a height that fits its texts. */
function issueRow(issue: IssueData, i: number): [PlanCell[], number] {
  const { message } = localizeIssue(issue, "zh");
  const value = issue.value === null ? null : String(issue.value);
  const cellRef = issue.cell === null ? null : issue.cell.replace(/\$/g, "");
  const cells = [
    { value: i + 1, style: "num" },
    text(issue.sheet, "text"),
    cellRef === null
      ? text("—", "num")
      : { value: cellRef, style: "link", link: { sheet: issue.sheet, cell: cellRef } },
    text(SEVERITY_ZH[issue.severity], issue.severity),
    text(message, "text"),
    text(value, "text"),
    text(issue.suggestion, "text"),
  ];
  const height = wrappedHeight([
    [issue.sheet, WIDTHS[1]!],
    [message, WIDTHS[4]!],
    [value ?? "", WIDTHS[5]!],
    [issue.suggestion ?? "", WIDTHS[6]!],
  ]);
  return [cells, height];
}
