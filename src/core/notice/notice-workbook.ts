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
import { type IsoDate } from "../date";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, readSettings } from "../settings";
import { type RunValidation, chooseAsOf, findSheet } from "../workbook";
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
  return requested ?? settings.period ?? history.reduce((max, h) => Math.max(max, h.period), 0) + 1;
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
  /** Periods already in `通报记录`, ascending. */
  readonly periods: readonly number[];
}

/** 统计截止日期 and 期数 of the next notice for a workbook: `设置` first, then history + 1, then today / 1. */
export function noticeDefaults(workbook: WorkbookGrid, today: IsoDate): NoticeDefaults {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  const settings = sheet ? readSettings(sheet, workbook.date1904).settings : DEFAULT_SETTINGS;
  const history = readWorkbookHistory(workbook) ?? [];
  const periods = [...new Set(history.map((h) => h.period))].sort((a, b) => a - b);
  const asOf = chooseAsOf(undefined, [settings], today);
  return {
    asOf: asOf.asOf,
    asOfFromSettings: asOf.source === "settings",
    period: noticePeriod(undefined, settings, history),
    periodSource: settings.period !== null ? "settings" : periods.length > 0 ? "history" : "first",
    periods,
  };
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

/** A planned notice workbook, or the setup errors that refused it. */
export type NoticeWorkbookResult =
  | { readonly ok: true; readonly notice: NoticeData; readonly sheets: SheetPlan[] }
  | { readonly ok: false; readonly issues: IssueData[] };

/**
 * Computes the notice of a validated run and plans its sheets: `通报（第N期）`, `校验报告`, optionally
 * `合并台账`, and the hidden `通报记录`. Refuses (`ok: false`, with the issues) while `设置` or
 * `单位名册` has an error: the product does not guess (SPEC §9). Every front end goes through here.
 */
export function planNoticeWorkbook(run: RunValidation, options: NoticeWorkbookOptions): NoticeWorkbookResult {
  const refused = setupErrors(run);
  if (refused.length > 0) return { ok: false, issues: refused };
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
  return { ok: true, notice, sheets };
}
