/**
 * The validation report sheet `校验报告` (SPEC §10 `notice`): every issue of the run as a row, with
 * a link from its cell reference to the cell itself when the ledger is in the same workbook.
 */
import { countIssues, type IssueData } from "../issue";
import { type Language, localizeIssue } from "../message";
import { RowBuilder, spanWidth } from "../notice/plan-layout";
import type { CellStyle, PlanCell, SheetPlan } from "../plan";

/** The report sheet's name; it stays Chinese in every language, since other sheets link to it. */
export const REPORT_SHEET = "校验报告";

const HEADERS: Readonly<Record<Language, readonly string[]>> = {
  zh: ["文件", "工作表", "单元格", "行", "列", "级别", "问题代码", "说明", "原值", "建议"],
  en: ["File", "Sheet", "Cell", "Row", "Column", "Severity", "Code", "Message", "Value", "Suggestion"],
};

const SEVERITY: Readonly<Record<Language, Readonly<Record<IssueData["severity"], string>>>> = {
  zh: { error: "错误", warning: "警告" },
  en: { error: "error", warning: "warning" },
};

const WIDTHS = [20, 16, 8, 6, 12, 8, 22, 50, 20, 16];
/** Columns whose text wraps (and sets the row height): 文件, 工作表, 列, 说明, 原值, 建议. */
const WRAPPED = [0, 1, 4, 7, 8, 9];

const ERROR_FILL = "FCE4E4";
const WARNING_FILL = "FFF2CC";

function rowStyles(fill: string): Record<string, CellStyle> {
  return {
    text: { border: true, vAlign: "middle", wrap: true, fill },
    centre: { border: true, vAlign: "middle", hAlign: "center", fill },
  };
}

function prefixed(prefix: string, styles: Record<string, CellStyle>): Record<string, CellStyle> {
  return Object.fromEntries(
    Object.entries(styles).map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]),
  );
}

const STYLES: Readonly<Record<string, CellStyle>> = {
  summary: { bold: true, fontSize: 12, vAlign: "middle" },
  head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle", wrap: true },
  ...prefixed("error", rowStyles(ERROR_FILL)),
  ...prefixed("warning", rowStyles(WARNING_FILL)),
};

function summaryLine(errors: number, warnings: number, language: Language): string {
  if (language === "en") {
    return errors + warnings === 0 ? "No issues found." : `${errors} errors, ${warnings} warnings.`;
  }
  return errors + warnings === 0
    ? "未发现问题。"
    : `共发现错误 ${errors} 个、警告 ${warnings} 个。错误须更正后重新报送，警告请核实。`;
}

/** Raw values are written as text (`1001` → `"1001"`), never as numbers or formulas. */
function rawText(value: IssueData["value"]): string | null {
  return value === null ? null : String(value);
}

export interface ReportOptions {
  /** Language of the headers, severities and messages; default Chinese. */
  readonly language?: "zh" | "en";
  /**
   * Sheets present in the same workbook as the report: a cell reference on one of them links to the
   * cell. Only for issues of that very workbook (the add-in): issues from other files that happen to
   * use the same sheet name must not be given it.
   */
  readonly linkSheets?: ReadonlySet<string>;
}

/**
 * The validation report's plan: a summary line (errors and warnings), then one row per issue in the
 * order given — 文件, 工作表, 单元格, 行, 列, 级别, 问题代码, 说明, 原值, 建议 — errors on light red,
 * warnings on light yellow.
 *
 * @example buildReportPlan(run.issues, { linkSheets: new Set(["重点任务台账"]) }).name // "校验报告"
 */
export function buildReportPlan(
  issues: ReadonlyArray<IssueData & { file?: string }>,
  options: ReportOptions = {},
): SheetPlan {
  const language = options.language ?? "zh";
  const linkSheets = options.linkSheets ?? new Set<string>();
  const { errors, warnings } = countIssues(issues);
  const b = new RowBuilder();
  const last = WIDTHS.length - 1;

  const summary = b.add([{ value: summaryLine(errors, warnings, language), style: "summary" }]);
  b.merge(summary, 0, last);
  b.height(summary, 24);
  b.add(HEADERS[language].map((h) => ({ value: h, style: "head" })));

  for (const issue of issues) {
    const { message } = localizeIssue(issue, language);
    const prefix = issue.severity === "error" ? "error" : "warning";
    const text = `${prefix}Text`;
    const centre = `${prefix}Centre`;
    const ref: PlanCell =
      issue.cell !== null && linkSheets.has(issue.sheet)
        ? { value: issue.cell, style: centre, link: { sheet: issue.sheet, cell: issue.cell } }
        : { value: issue.cell, style: centre };
    const values: PlanCell[] = [
      { value: issue.file ?? null, style: text },
      { value: issue.sheet, style: text },
      ref,
      { value: issue.row, style: centre },
      { value: issue.column, style: text },
      { value: SEVERITY[language][issue.severity], style: centre },
      { value: issue.code, style: text },
      { value: message, style: text },
      { value: rawText(issue.value), style: text },
      { value: issue.suggestion, style: text },
    ];
    const row = b.add(values);
    b.fit(
      row,
      WRAPPED.map((c) => ({ text: String(values[c]?.value ?? ""), width: spanWidth(WIDTHS, c, c) })),
    );
  }

  return {
    name: REPORT_SHEET,
    kind: "report",
    rows: b.rows,
    styles: STYLES,
    merges: b.merges,
    columnWidths: WIDTHS,
    rowHeights: b.rowHeights,
    freeze: { rows: 2, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 1 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    },
  };
}
