/**
 * The task pane's one door into the core engine: it maps core results to what the views show and
 * holds no rule of its own (settings, defaults, the as-of check, setup refusal and the notice are
 * core's). Loaded lazily (`import("./engine")`) to keep the pane's first paint small.
 *
 * The notice is assembled with the same core call as the CLI's `taizhang notice`:
 * `validateRun` → `planNoticeWorkbook` (which refuses on setup errors). Only the rendering differs.
 */
import {
  type Issue,
  type IssueData,
  type IsoDate,
  type Language,
  type LedgerSheetSummary,
  type NoticeData,
  type SettingEntry,
  type SettingKey,
  type SettingsWrite,
  type WorkbookGrid,
  type NoticeDocument,
  type DocAttachment,
  type NoticeCoverage,
  type EmptyRun,
  HISTORY_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  checkSettingText,
  countIssues,
  emptyRun,
  enumKey,
  mostlyMissing,
  noticeCoverage,
  findSheet,
  formatRate,
  localToday,
  localizeIssue,
  parseAsOf,
  parsePeriod,
  planNoticeWorkbook,
  planSettingsWrite,
  readRoster,
  readSettings,
  readWorkbookHistory,
  settingEntries,
  validateRun,
} from "../core";
import type { SheetToWrite } from "../host";

export { exportedNotice, noticeDefaults, type NoticeDefaults, type SettingKey } from "../core";
export { localToday, parseAsOf, parsePeriod };

/** The label of the open workbook in a run (the CLI uses the file name). */
export const CURRENT_WORKBOOK = "当前工作簿";

export interface PaneValidation {
  readonly asOf: string;
  readonly sheets: readonly LedgerSheetSummary[];
  readonly issues: readonly Issue[];
}

/**
 * Validates the open workbook as a run of one file, as the CLI validates its files: `no-roster`
 * comes once per run (SPEC §4), messages in `language`.
 */
export function validateForPane(
  workbook: WorkbookGrid,
  options: { today: IsoDate; language: Language },
): PaneValidation {
  const run = validateRun([{ file: CURRENT_WORKBOOK, workbook }], { today: options.today });
  return {
    asOf: run.asOf,
    sheets: run.files[0]?.sheets ?? [],
    issues: run.issues.map(({ file: _file, ...issue }) => localizeIssue(issue, options.language)),
  };
}

// ---- notice -------------------------------------------------------------------------------------

/** The sheets the notice form needs for its defaults (read those alone: it is quick). */
export function isNoticeSetupSheet(name: string): boolean {
  const key = enumKey(name);
  return key === SETTINGS_SHEET || key === HISTORY_SHEET;
}

export interface UnitLine {
  readonly rank: number | null;
  readonly tied: boolean;
  readonly unit: string;
  readonly rate: string;
  readonly completed: number;
  readonly assigned: number;
  readonly red: boolean;
  readonly black: boolean;
}

/** What the pane shows after generating (the figures come from the same `NoticeData` as the sheet). */
export interface NoticeSummary {
  readonly period: number;
  readonly asOf: string;
  readonly noticeSheet: string;
  readonly totals: { assigned: number; completed: number; overdue: number; rate: string };
  readonly groups: ReadonlyArray<{ group: string; units: readonly UnitLine[] }>;
  readonly redList: readonly string[];
  readonly blackList: readonly string[];
  readonly stationed: readonly string[];
  /** Period 1 with no previous notice: nobody can be stationed yet (首期). */
  readonly firstNotice: boolean;
  /** A later period whose previous notice is not in the history (上期记录缺失). */
  readonly previousMissing: boolean;
  readonly stalled: readonly string[];
  readonly notSubmitted: readonly string[];
  readonly overdueTasks: number;
  readonly dueSoonTasks: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The notice as Word renders it (导出Word): the document and 附件3, the same text as the sheets. */
export interface NoticeWord {
  readonly document: NoticeDocument;
  readonly attachments: readonly DocAttachment[];
  /** `通报（第2期）.docx` */
  readonly fileName: string;
}

export type NoticePreparation =
  | {
      readonly ok: true;
      readonly sheets: readonly SheetToWrite[];
      readonly summary: NoticeSummary;
      readonly coverage: NoticeCoverage;
      /** Fewer than half of the roster's units present: ask before listing the rest as 未报送. */
      readonly mostlyMissing: boolean;
      readonly word: NoticeWord;
    }
  /** `设置` or `单位名册` has errors: nothing is generated (SPEC §9). */
  | { readonly ok: false; readonly reason: "setup"; readonly setupIssues: readonly Issue[] }
  /** No ledger sheet, or none with a task row: an empty 通报 would mislead, so none is written. */
  | { readonly ok: false; readonly reason: EmptyRun };

function summarize(notice: NoticeData, noticeSheet: string, issues: readonly IssueData[]): NoticeSummary {
  const { errors, warnings } = countIssues(issues);
  const names = (list: readonly { unit: string }[]) => list.map((e) => e.unit);
  return {
    period: notice.period,
    asOf: notice.asOf,
    noticeSheet,
    totals: {
      // What the notice prints: roster units' sums (rows of unknown units are said apart).
      assigned: notice.rosterTotals.assigned,
      completed: notice.rosterTotals.completed,
      overdue: notice.rosterTotals.overdue,
      rate: formatRate(notice.rosterTotals.completionRate),
    },
    groups: notice.groups.map((g) => ({
      group: g.group,
      units: g.units.map((u) => ({
        rank: u.rank,
        tied: u.tied,
        unit: u.unit,
        rate: formatRate(u.completionRate),
        completed: u.completed,
        assigned: u.assigned,
        red: u.red,
        black: u.black,
      })),
    })),
    redList: names(notice.redList),
    blackList: names(notice.blackList),
    stationed: names(notice.stationed),
    firstNotice: notice.previous === null && !notice.previousMissing,
    previousMissing: notice.previousMissing,
    stalled: names(notice.stalled),
    notSubmitted: names(notice.notSubmitted),
    overdueTasks: notice.overdueTasks.length,
    dueSoonTasks: notice.dueSoonTasks.length,
    errors,
    warnings,
  };
}

/**
 * Validates the workbook and plans the notice's sheets through core's `planNoticeWorkbook`, or
 * returns its refusal (the cells of the setup errors) in the pane's language.
 */
export function prepareNotice(
  workbook: WorkbookGrid,
  options: {
    today: IsoDate;
    asOf?: IsoDate;
    period?: number;
    language: Language;
    /** Links from the report to the ledgers' cells (default); `false` for a workbook sent by email. */
    links?: boolean;
    /** A 专项通报 over these categories; absent or empty for the 综合通报. */
    categories?: readonly string[];
  },
): NoticePreparation {
  const run = validateRun([{ file: CURRENT_WORKBOOK, workbook }], {
    asOf: options.asOf,
    today: options.today,
  });
  const planned = planNoticeWorkbook(run, {
    period: options.period,
    history: readWorkbookHistory(workbook) ?? [],
    today: options.today,
    categories: options.categories ?? null,
    linkSheets:
      options.links === false ? new Set() : new Set(run.files.flatMap((f) => f.sheets.map((s) => s.sheet))),
  });
  if (!planned.ok) {
    return {
      ok: false,
      reason: "setup",
      setupIssues: planned.issues.map((i) => localizeIssue(i, options.language)),
    };
  }
  const empty = emptyRun(run);
  if (empty !== null) return { ok: false, reason: empty };
  const sheets = planned.sheets.map((plan) => ({ plan, kind: plan.kind ?? "other" }));
  const noticeSheet = sheets[0]!.plan.name;
  const coverage = noticeCoverage(planned.notice);
  return {
    ok: true,
    sheets,
    summary: summarize(planned.notice, noticeSheet, run.issues),
    coverage,
    mostlyMissing: mostlyMissing(coverage),
    word: {
      document: planned.document,
      attachments: [...planned.document.attachments, planned.report],
      fileName: `${noticeSheet}.docx`,
    },
  };
}

/** The `.docx` of a prepared notice (§7's 公文 format); the Word renderer is loaded on first use. */
export async function renderNoticeWord(word: NoticeWord): Promise<Uint8Array> {
  const docx = await import(/* webpackChunkName: "docx" */ "../adapters/docx");
  return docx.renderNoticeDocx(word.document, word.attachments);
}

// ---- settings -----------------------------------------------------------------------------------

/** `设置` and `单位名册`: all the settings view reads. */
export function isSetupSheet(name: string): boolean {
  const key = enumKey(name);
  return key === SETTINGS_SHEET || key === ROSTER_SHEET;
}

export interface PaneSetup {
  readonly hasSettingsSheet: boolean;
  readonly settingsSheet: string;
  readonly entries: readonly SettingEntry[];
  readonly weights: ReadonlyArray<{ sheet: string; weight: number; cell: string }> | null;
  readonly settingsIssues: readonly Issue[];
  readonly hasRoster: boolean;
  readonly rosterSheet: string;
  readonly roster: ReadonlyArray<{ group: string; units: ReadonlyArray<{ name: string; aliases: string }> }>;
  /** Units whose 单位类别 is invalid: still matched, never ranked. */
  readonly unranked: readonly string[];
  readonly rosterIssues: readonly Issue[];
}

/** `设置` and `单位名册` as the core reads them, for the settings view. */
export function readSetupForPane(workbook: WorkbookGrid, language: Language): PaneSetup {
  const settingsSheet = findSheet(workbook, SETTINGS_SHEET);
  const rosterSheet = findSheet(workbook, ROSTER_SHEET);
  const settingsRead = settingsSheet ? readSettings(settingsSheet, workbook.date1904) : null;
  const rosterRead = rosterSheet ? readRoster(rosterSheet) : null;
  const groups = new Map<string, { name: string; aliases: string }[]>();
  for (const unit of rosterRead?.roster.units ?? []) {
    const list = groups.get(unit.group) ?? [];
    list.push({ name: unit.name, aliases: unit.aliases.join("、") });
    groups.set(unit.group, list);
  }
  return {
    hasSettingsSheet: !!settingsSheet,
    settingsSheet: settingsSheet?.name ?? SETTINGS_SHEET,
    entries: settingEntries(settingsSheet ?? null, workbook.date1904),
    weights:
      settingsRead?.settings.weights?.map(({ sheet, weight, cell }) => ({ sheet, weight, cell })) ?? null,
    settingsIssues: (settingsRead?.issues ?? []).map((i) => localizeIssue(i, language)),
    hasRoster: !!rosterSheet,
    rosterSheet: rosterSheet?.name ?? ROSTER_SHEET,
    roster: [...groups].map(([group, units]) => ({ group, units })),
    unranked: (rosterRead?.roster.unranked ?? []).map((u) => u.name),
    rosterIssues: (rosterRead?.issues ?? []).map((i) => localizeIssue(i, language)),
  };
}

/** The message for a typed setting the product would not accept, or `null` when valid or empty. */
export function checkSetting(key: SettingKey, text: string, language: Language): string | null {
  const issue = checkSettingText(key, text);
  return issue ? localizeIssue(issue, language).message : null;
}

/** The cells that save `changes` into the workbook's `设置` (created when missing). */
export function planSettingsSave(
  workbook: WorkbookGrid,
  changes: ReadonlyArray<{ key: SettingKey; text: string }>,
): SettingsWrite {
  return planSettingsWrite(findSheet(workbook, SETTINGS_SHEET) ?? null, changes);
}
