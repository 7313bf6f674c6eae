/**
 * The notice workbook, assembled once for both front ends: the CLI's `taizhang notice` and the
 * add-in's 生成通报 make the same calls here and differ only in how they render the plans.
 */
import { type WorkbookGrid } from "../grid";
import { type IssueData } from "../issue";
import { type LedgerRow } from "../ledger";
import { type SheetPlan } from "../plan";
import { type Language } from "../message";
import { type Settings } from "../settings";
import { type RunValidation, findSheet } from "../workbook";
import { HISTORY_SHEET, type HistoryRecord, readHistory } from "../history";
import { buildMergedLedgerPlan, buildReportPlan } from "../report";
import { type NoticeData, computeNotice } from "./compute";
import { buildHistoryPlan } from "./plan-history";
import { buildNoticePlan } from "./plan-notice";

/** The history in a workbook's `通报记录` sheet, or `null` when it has none. */
export function readWorkbookHistory(workbook: WorkbookGrid): HistoryRecord[] | null {
  const sheet = findSheet(workbook, HISTORY_SHEET);
  return sheet ? readHistory(sheet, workbook.date1904).records : null;
}

/** 期数: the one asked for, else `设置`'s 通报期数, else the last period in the history + 1. */
export function noticePeriod(
  requested: number | undefined,
  settings: Settings,
  history: readonly HistoryRecord[],
): number {
  return requested ?? settings.period ?? Math.max(0, ...history.map((h) => h.period)) + 1;
}

/** Errors in `设置` or `单位名册`: while there are any, no notice is generated (SPEC §9). */
export function setupErrors(run: RunValidation): IssueData[] {
  return run.files.flatMap((f) => f.setupIssues).filter((i) => i.severity === "error");
}

export interface NoticeWorkbookOptions {
  readonly period?: number | undefined;
  readonly history: readonly HistoryRecord[];
  readonly language?: Language;
  /** Sheets in the same workbook that 校验报告 may link to (the ledgers, in the add-in). */
  readonly linkSheets?: ReadonlySet<string>;
  /** Rows for a `合并台账` sheet (`--with-ledger`), each with the file it came from. */
  readonly mergedLedger?: ReadonlyArray<LedgerRow & { file: string }>;
}

/**
 * Computes the notice of a validated run and plans its sheets: `通报（第N期）`, `校验报告`, optionally
 * `合并台账`, and the hidden `通报记录`.
 */
export function planNoticeWorkbook(
  run: RunValidation,
  options: NoticeWorkbookOptions,
): { notice: NoticeData; sheets: SheetPlan[] } {
  const notice = computeNotice({
    rows: run.files.flatMap((f) => f.rows),
    roster: run.roster,
    settings: run.settings,
    asOf: run.asOf,
    period: noticePeriod(options.period, run.settings, options.history),
    history: options.history,
  });
  const sheets = [
    buildNoticePlan(notice),
    buildReportPlan(run.issues, {
      language: options.language ?? "zh",
      ...(options.linkSheets ? { linkSheets: options.linkSheets } : {}),
    }),
  ];
  if (options.mergedLedger) sheets.push(buildMergedLedgerPlan(options.mergedLedger));
  sheets.push(buildHistoryPlan(notice.history));
  return { notice, sheets };
}
