/**
 * The notice workbook (SPEC §7, §10 `notice`), assembled once for every front end — the CLI's
 * `taizhang notice`, the demo and the add-in's 生成通报 make the same calls here and differ only in
 * how they render the plans. It sits above `notice/` (the document) and `report/` (附件3), which do
 * not import each other: `通报（第N期）`, its three attachments, optionally `台账汇总（第N期）`, and the
 * hidden `通报记录`. The Word notice (`adapters/docx`) renders the same `NoticeDocument`.
 */
import type { IsoDate } from "../date";
import { type WorkbookGrid } from "../grid";
import { type IssueData } from "../issue";
import { type LedgerRow } from "../ledger";
import { assignIssueUnits } from "../metric";
import { type SheetPlan } from "../plan";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, type Settings, readSettings } from "../settings";
import { type DocAttachment, attachmentPlan } from "../document";
import { type RunValidation, chooseAsOf, findSheet } from "../workbook";
import {
  HISTORY_SHEET,
  type HistoryRecord,
  buildHistoryPlan,
  categoryKey,
  lastPeriod,
  readHistory,
} from "../history";
import {
  type LedgerSource,
  type RowSource,
  buildReportAttachment,
  mergedLedgerPlan,
  sourceKey,
} from "../report";
import {
  type DocumentOptions,
  type NoticeData,
  type NoticeDocument,
  buildNoticeDocument,
  buildNoticePlans,
  computeNotice,
  noticeSheetName,
} from "../notice";

/** The history in a workbook's `通报记录` sheet, or `null` when it has none. */
export function readWorkbookHistory(workbook: WorkbookGrid): HistoryRecord[] | null {
  const sheet = findSheet(workbook, HISTORY_SHEET);
  return sheet ? readHistory(sheet, workbook.date1904).records : null;
}

/**
 * 期数: the one asked for, else `设置`'s 通报期数 (综合通报 only), else the last period of the same kind
 * of notice in the history + 1.
 */
export function noticePeriod(
  requested: number | undefined,
  settings: Settings,
  history: readonly HistoryRecord[],
  categories: readonly string[] | null = null,
): number {
  const kind = categoryKey(categories);
  return requested ?? (kind === "" ? settings.period : null) ?? lastPeriod(history, kind) + 1;
}

/** Where a notice's period comes from: `设置`, the history (last + 1), or none (the first notice). */
export type PeriodSource = "settings" | "history" | "first";

/** What the notice form starts with, as the CLI would choose it for the same workbook. */
export interface NoticeDefaults {
  readonly asOf: IsoDate;
  /** `设置` names a 统计截止日期 (else it is today). */
  readonly asOfFromSettings: boolean;
  readonly period: number;
  readonly periodSource: PeriodSource;
  /** Periods of the same kind of notice already in `通报记录`, ascending. */
  readonly periods: readonly number[];
  /** `设置`'s 任务类别: what a 专项通报 may cover. */
  readonly categories: readonly string[];
}

/**
 * 统计截止日期 and 期数 of the next notice for a workbook: `设置` first, then history + 1, then today
 * / 1. A 专项通报 (`categories`) has its own periods: `设置`'s 通报期数 is the 综合通报's.
 */
export function noticeDefaults(
  workbook: WorkbookGrid,
  today: IsoDate,
  categories: readonly string[] | null = null,
): NoticeDefaults {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  const settings = sheet ? readSettings(sheet, workbook.date1904).settings : DEFAULT_SETTINGS;
  const history = readWorkbookHistory(workbook) ?? [];
  const kind = categoryKey(categories);
  const periods = [...new Set(history.filter((h) => h.category === kind).map((h) => h.period))].sort(
    (a, b) => a - b,
  );
  const asOf = chooseAsOf(undefined, [settings], today);
  const fromSettings = kind === "" && settings.period !== null;
  return {
    asOf: asOf.asOf,
    asOfFromSettings: asOf.source === "settings",
    period: noticePeriod(undefined, settings, history, categories),
    periodSource: fromSettings ? "settings" : periods.length > 0 ? "history" : "first",
    periods,
    categories: settings.categories,
  };
}

/**
 * The notice 导出 sends out (SPEC §11): the latest 综合通报 in `通报记录`, its period and 统计截止日期;
 * without one, the next notice as `noticeDefaults` chooses it.
 */
export function exportedNotice(workbook: WorkbookGrid, today: IsoDate): { period: number; asOf: IsoDate } {
  const general = (readWorkbookHistory(workbook) ?? []).filter((r) => r.category === categoryKey(null));
  if (general.length === 0) {
    const next = noticeDefaults(workbook, today);
    return { period: next.period, asOf: next.asOf };
  }
  const latest = general.reduce((a, b) => (b.period > a.period ? b : a));
  return { period: latest.period, asOf: latest.asOf };
}

/** Errors in `设置` or `单位名册`: while there are any, no notice is generated (SPEC §9). */
export function setupErrors(run: RunValidation): IssueData[] {
  return run.files.flatMap((f) => f.setupIssues).filter((i) => i.severity === "error");
}

/** `台账汇总（第3期）`: `--with-ledger`'s canonical copy of every row (SPEC §1, §10). */
export function ledgerCopySheetName(period: number): string {
  return `台账汇总（第${period}期）`;
}

export interface NoticeWorkbookOptions extends Omit<DocumentOptions, "today"> {
  readonly period?: number | undefined;
  readonly history: readonly HistoryRecord[];
  /** A 专项通报 over these categories (SPEC §7); absent or empty for the 综合通报. */
  readonly categories?: readonly string[] | null;
  /** The day the notice is generated (成文日期's default). */
  readonly today: IsoDate;
  /** Sheets in the same workbook that 附件3 may link to (the ledgers, in the add-in). */
  readonly linkSheets?: ReadonlySet<string>;
  /** Rows for `台账汇总（第N期）` (`--with-ledger`), by the file they came from. */
  readonly ledgerCopy?: readonly LedgerSource[];
  /** Where the rows of a `合并台账` came from (来源文件, 来源行), by `sourceKey`. */
  readonly sources?: ReadonlyMap<string, RowSource>;
}

export interface NoticeWorkbook {
  readonly ok: true;
  readonly notice: NoticeData;
  readonly document: NoticeDocument;
  /** 附件3, the validation report, in the document model (the Word notice renders it too). */
  readonly report: DocAttachment;
  readonly sheets: SheetPlan[];
}

/**
 * The document's settings: an explicit option first, else `设置`'s 发文机关, 成文日期, 主送 and
 * 补报天数 (SPEC §9), else their defaults (成文日期: the day it is generated).
 */
export function documentOptions(settings: Settings, options: NoticeWorkbookOptions): DocumentOptions {
  return {
    issuer: options.issuer ?? settings.issuer,
    documentDate: options.documentDate ?? settings.issueDate,
    addressee: options.addressee ?? settings.addressee,
    resubmitDays: options.resubmitDays ?? settings.resubmitDays,
    today: options.today,
  };
}

/**
 * Why a run has nothing to report (the pane refuses rather than write an empty official-looking
 * 通报): no ledger sheet at all, or ledger sheets without a task row that could be read.
 */
export type EmptyRun = "no-ledger" | "no-rows";

/** `no-ledger`, `no-rows`, or `null` when the run has task rows to report on. */
export function emptyRun(run: RunValidation): EmptyRun | null {
  if (run.files.every((f) => f.sheets.length === 0)) return "no-ledger";
  if (run.files.every((f) => f.rows.length === 0)) return "no-rows";
  return null;
}

/** How many of the roster's units the notice has ledgers from. */
export interface NoticeCoverage {
  /** Roster units (ranked groups and units whose group is invalid alike). */
  readonly rosterUnits: number;
  /** Units with rows, or with a sheet that could not be checked (not 未报送). */
  readonly present: number;
  /** The units the notice lists as 未报送. */
  readonly notSubmitted: readonly string[];
}

/** The notice's coverage of the roster. */
export function noticeCoverage(notice: NoticeData): NoticeCoverage {
  const notSubmitted = notice.notSubmitted.map((e) => e.unit);
  return {
    rosterUnits: notice.units.length,
    present: notice.units.length - notSubmitted.length,
    notSubmitted,
  };
}

/**
 * Fewer than half of the roster's units present: a workbook that holds one unit's return, not the
 * collected ledgers; the pane asks before listing the rest as 未报送.
 */
export function mostlyMissing(coverage: NoticeCoverage): boolean {
  // No roster (0 units): 0 < 0, never mostly missing.
  return coverage.present * 2 < coverage.rosterUnits;
}

/** A planned notice workbook, or the setup errors that refused it. */
export type NoticeWorkbookResult = NoticeWorkbook | { readonly ok: false; readonly issues: IssueData[] };

/**
 * Computes the notice of a validated run and plans its sheets. Refuses (`ok: false`, with the
 * issues) while `设置` or `单位名册` has an error: the product does not guess (SPEC §9). Every front
 * end goes through here.
 *
 * @example planNoticeWorkbook(run, { history: [], today: "2022-11-01" }).sheets.map(s => s.name)
 * // ["通报（第1期）", "通报（第1期）附件1", "通报（第1期）附件2", "通报（第1期）附件3", "通报记录"]
 */
export function planNoticeWorkbook(run: RunValidation, options: NoticeWorkbookOptions): NoticeWorkbookResult {
  const refused = setupErrors(run);
  if (refused.length > 0) return { ok: false, issues: refused };
  const categories = options.categories && options.categories.length > 0 ? options.categories : null;
  const known = new Set(run.roster?.units.map((u) => u.name) ?? allRows(run).map((r) => r.unit ?? ""));
  // Issues of the run rather than of a file (`no-roster`) belong to nobody.
  const runLevel = run.issues.filter((i) => i.code === "no-roster");
  const owned = assignIssueUnits(run.files, known, runLevel);
  const period = noticePeriod(options.period, run.settings, options.history, categories);
  const notice = computeNotice({
    rows: allRows(run),
    roster: run.roster,
    settings: run.settings,
    asOf: run.asOf,
    period,
    history: options.history,
    categories,
    issues: owned,
  });
  const document = buildNoticeDocument(notice, documentOptions(run.settings, options));
  const reportName = noticeSheetName(period, categories, "附件3");
  const sources = options.sources ?? mergedSources(run);
  const reportOptions = {
    units: notice.units.map((u) => u.unit),
    ...(options.linkSheets ? { linkSheets: options.linkSheets } : {}),
    sources,
  };
  // One report, rendered as the sheet here and as Word's 附件3 by the caller.
  const report = buildReportAttachment(owned, reportOptions, reportName);
  const sheets = buildNoticePlans(document, period, categories);
  sheets.push(attachmentPlan(report, reportName, "report"));
  if (options.ledgerCopy) sheets.push(mergedLedgerPlan(options.ledgerCopy, ledgerCopySheetName(period)));
  sheets.push(buildHistoryPlan(notice.history));
  return {
    ok: true,
    notice,
    document,
    report,
    sheets,
  };
}

/** Every file's rows, in order: one file's own array (the usual run), else one copy (`flatMap` costs more). */
function allRows(run: RunValidation): readonly LedgerRow[] {
  if (run.files.length === 1) return run.files[0]!.rows;
  const rows: LedgerRow[] = [];
  for (const f of run.files) for (const r of f.rows) rows.push(r);
  return rows;
}

/**
 * Where each row of a `合并台账` came from (its 来源文件 and 来源行), keyed by `sourceKey`, so that
 * 附件3 names the unit's own file and cell (SPEC §7). Empty when no input is a merged ledger.
 */
export function mergedSources(run: RunValidation): Map<string, RowSource> {
  const sources = new Map<string, RowSource>();
  for (const f of run.files)
    for (const r of f.rows)
      if (r.sourceFile !== undefined && r.sourceRow !== undefined)
        sources.set(sourceKey(f.file, r.sheet, r.row), { file: r.sourceFile, row: r.sourceRow });
  return sources;
}

export { sourceKey };
