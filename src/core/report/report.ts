/**
 * The validation report (SPEC §7 附件3, 台账填报问题清单): made for a clerk who forwards each unit its
 * own part. Columns 单位, 文件 (name only), 工作表, 单元格, 级别, 问题 (a Chinese name), 说明, 原值, 建议;
 * sorted by unit (roster order, unidentified last), errors first, then row and column; a per-unit
 * summary at the top links to each unit's block; three or more warnings with the same code and value
 * in one unit's sheet are one row listing their cells.
 */
import { countIssues, type IssueData } from "../issue";
import { messageZh } from "../message";
import type { OwnedIssue } from "../metric";
import { parseA1 } from "../grid";
import { type DocAttachment, type DocCell, type DocTable, attachmentPlan } from "../document";
import type { SheetPlan } from "../plan";
import { problemName } from "./problem-name";

/** The report's title as an attachment. */
export const REPORT_TITLE = "台账填报问题清单";
/** The name of the report's own sheet when it is not a notice's attachment (the add-in's 校验). */
export const REPORT_SHEET = "校验报告";
/** The label of rows whose unit cannot be identified. */
export const REPORT_UNIDENTIFIED_UNIT = "单位无法识别";

export const REPORT_HEADERS = [
  "单位",
  "文件",
  "工作表",
  "单元格",
  "级别",
  "问题",
  "说明",
  "原值",
  "建议",
] as const;
const WIDTHS = [14, 16, 12, 10, 6, 14, 36, 14, 12];
/** Folding: this many warnings or more with one code and value in one sheet become one row. */
const FOLD_AT = 3;

/** Where a row of a `合并台账` came from: the unit's own file and row (来源文件, 来源行). */
export interface RowSource {
  readonly file: string;
  readonly row: number;
}

export interface ReportOptions {
  /** Roster unit names in roster order (the report's unit order). */
  readonly units: readonly string[];
  /**
   * Sheets present in the same workbook as the report: a cell on one of them links to the cell.
   * Only for issues of that very workbook (the add-in).
   */
  readonly linkSheets?: ReadonlySet<string>;
  /** The source of a 合并台账 row, by `sourceKey(file, sheet, row)`. */
  readonly sources?: ReadonlyMap<string, RowSource>;
}

/** Key of `ReportOptions.sources`. */
export function sourceKey(file: string, sheet: string, row: number): string {
  return `${file}\u0000${sheet}\u0000${row}`;
}

/** `C:\\台账\\青山区.xlsx` or `/a/青山区.xlsx` → `青山区.xlsx`. */
export function fileName(file: string): string {
  return file.split(/[\\/]/u).pop() ?? file;
}

/** One row of the report: an issue, or several folded warnings. */
interface ReportRow {
  readonly issue: OwnedIssue;
  readonly cells: readonly string[];
}

function columnOf(cell: string | null): number {
  return cell === null ? -1 : (parseA1(cell)?.column ?? -1);
}

/** Roster order, unidentified last; errors first; then file, sheet, row and column. */
function sortIssues(issues: readonly OwnedIssue[], units: readonly string[]): OwnedIssue[] {
  const order = new Map(units.map((u, i) => [u, i]));
  const unitRank = (i: OwnedIssue) =>
    i.unit === null ? Number.MAX_SAFE_INTEGER : (order.get(i.unit) ?? units.length);
  // Array.prototype.sort is stable: issues equal in every key keep the order they were found in.
  return [...issues].sort(
    (a, b) =>
      unitRank(a) - unitRank(b) ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      columnOf(a.cell) - columnOf(b.cell),
  );
}

/** Folds three or more warnings with one code and value in one unit's sheet into one row. */
function foldWarnings(sorted: readonly OwnedIssue[]): ReportRow[] {
  // Each issue's group: a warning at a cell, by unit, file, sheet, code and value; `null` otherwise.
  const keys = sorted.map((i) =>
    i.severity === "warning" && i.cell !== null
      ? `${i.unit ?? ""}\u0000${i.file}\u0000${i.sheet}\u0000${i.code}\u0000${String(i.value)}`
      : null,
  );
  const groups = new Map<string, OwnedIssue[]>();
  sorted.forEach((i, n) => {
    const key = keys[n] ?? null;
    if (key === null) return;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });
  const rows: ReportRow[] = [];
  const done = new Set<OwnedIssue[]>();
  sorted.forEach((issue, n) => {
    const key = keys[n] ?? null;
    const members = key === null ? undefined : groups.get(key);
    if (members === undefined || members.length < FOLD_AT) {
      rows.push({ issue, cells: issue.cell === null ? [] : [issue.cell] });
    } else if (!done.has(members)) {
      done.add(members);
      rows.push({ issue, cells: members.map((m) => m.cell!) });
    }
  });
  return rows;
}

/** 文件 and 单元格 as the unit knows them: for a 合并台账 row, its own file and row. */
function place(
  issue: OwnedIssue,
  cells: readonly string[],
  options: ReportOptions,
): { file: string; cells: string[] } {
  const source =
    issue.row === null ? undefined : options.sources?.get(sourceKey(issue.file, issue.sheet, issue.row));
  if (source === undefined) return { file: fileName(issue.file), cells: [...cells] };
  return {
    file: fileName(source.file),
    cells: cells.map((c) => {
      const at = parseA1(c);
      const rowOf = (r: number) => options.sources?.get(sourceKey(issue.file, issue.sheet, r))?.row ?? r;
      return at === null ? c : `${c.replace(/\d+$/u, "")}${rowOf(at.row + 1)}`;
    }),
  };
}

function reportRow(r: ReportRow, options: ReportOptions): DocCell[] {
  const { issue } = r;
  const where = place(issue, r.cells, options);
  const severity = issue.severity;
  const linked = issue.cell !== null && options.linkSheets?.has(issue.sheet) === true;
  const cellText = where.cells.join("、");
  // The message alone: `localizeIssue` would copy the issue to carry it.
  const message = r.cells.length > 1 ? `${messageZh(issue)}（共${r.cells.length}处）` : messageZh(issue);
  return [
    { text: issue.unit ?? REPORT_UNIDENTIFIED_UNIT, severity },
    { text: where.file, severity },
    { text: issue.sheet, severity },
    linked
      ? { text: cellText, severity, link: { sheet: issue.sheet, cell: issue.cell! } }
      : { text: cellText, severity },
    { text: severity === "error" ? "错误" : "警告", severity },
    { text: problemName(issue.code), severity },
    { text: message, severity },
    // Raw values are text (`1001` → `"1001"`), never numbers or formulas.
    { text: issue.value === null ? "" : String(issue.value), severity },
    { text: issue.suggestion ?? "", severity },
  ];
}

/** The report's summary line: counts of issues (not of rows). */
export function reportSummary(issues: readonly IssueData[]): string {
  const { errors, warnings } = countIssues(issues);
  return errors + warnings === 0
    ? "本期各单位台账未发现问题。"
    : `共发现错误${errors}个、警告${warnings}个。错误须更正后重新报送，警告请核实。`;
}

/**
 * The report as an attachment of the document model: the summary line, the per-unit summary table
 * (linking to each unit's first row in the sheet), and the issue table.
 *
 * @example buildReportAttachment(owned, { units: roster.units.map(u => u.name) }).table.headers[0] // "单位"
 */
export function buildReportAttachment(
  issues: readonly OwnedIssue[],
  options: ReportOptions,
  sheetName = REPORT_SHEET,
): DocAttachment {
  const rows = foldWarnings(sortIssues(issues, options.units));
  const units = [...new Set(rows.map((r) => r.issue.unit))];
  // Rows of the sheet before the issue table: label, title, summary line, summary table (header +
  // one row per unit), a blank row, then the issue table's header (see `attachmentPlan`).
  const firstIssueRow = 2 + 1 + 1 + units.length + 1 + 1;
  // Errors and warnings per unit in one pass (a roster of 100 units and 100k issues stays linear).
  const counts = new Map<string | null, { errors: number; warnings: number }>();
  for (const i of issues) {
    const c = counts.get(i.unit) ?? { errors: 0, warnings: 0 };
    if (i.severity === "error") c.errors++;
    else c.warnings++;
    counts.set(i.unit, c);
  }
  const firstRowOf = new Map<string | null, number>();
  rows.forEach((r, i) => {
    if (!firstRowOf.has(r.issue.unit)) firstRowOf.set(r.issue.unit, firstIssueRow + i);
  });
  const summaryTable: DocTable = {
    headers: ["单位", "错误", "警告", "问题所在"],
    // The report's own first three columns, so the summary lines up with the issue table.
    widths: [14, 16, 12, 92],
    textColumns: [0, 3],
    tone: "plain",
    rows: units.map((unit) => {
      const { errors, warnings } = counts.get(unit) ?? { errors: 0, warnings: 0 };
      const at = `A${firstRowOf.get(unit)! + 1}`;
      return [
        { text: unit ?? REPORT_UNIDENTIFIED_UNIT, link: { sheet: sheetName, cell: at } },
        { text: String(errors), number: errors },
        { text: String(warnings), number: warnings },
        { text: `第${firstRowOf.get(unit)! + 1}行起`, link: { sheet: sheetName, cell: at } },
      ];
    }),
  };
  return {
    label: "附件3",
    title: REPORT_TITLE,
    intro: [
      { kind: "paragraph", text: reportSummary(issues) },
      ...(units.length > 0 ? [{ kind: "table" as const, table: summaryTable }] : []),
    ],
    table: {
      headers: REPORT_HEADERS,
      widths: WIDTHS,
      textColumns: [0, 1, 2, 3, 5, 6, 7, 8],
      tone: "plain",
      rows: rows.map((r) => reportRow(r, options)),
    },
    empty: "本期各单位台账未发现填报问题。",
  };
}

/**
 * The report's sheet.
 *
 * @example buildReportPlan(owned, { units }, "通报（第2期）附件3").name // "通报（第2期）附件3"
 */
export function buildReportPlan(
  issues: readonly OwnedIssue[],
  options: ReportOptions,
  sheetName = REPORT_SHEET,
): SheetPlan {
  return attachmentPlan(buildReportAttachment(issues, options, sheetName), sheetName, "report");
}
