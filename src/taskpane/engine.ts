/**
 * The one module through which the task pane calls the core engine, so that a renamed core export
 * changes only this file. Loaded lazily (`import("./engine")`) to keep the pane's first paint small.
 *
 * The notice is assembled with the same core calls as the CLI's `taizhang notice`: `validateRun` →
 * `setupErrors` (refuse) → `readWorkbookHistory` → `planNoticeWorkbook`. Only the rendering differs.
 */
import {
  type CellValue,
  type HistoryRecord,
  type IssueData,
  type NoticeData,
  type Settings,
  type SheetGrid,
  type SheetKind,
  type SheetPlan,
  type WorkbookGrid,
  DEFAULT_SETTINGS,
  HISTORY_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  a1,
  cellValue,
  countIssues,
  enumKey,
  findSheet,
  formatRate,
  isEmptyValue,
  isoToDay,
  localizeIssue,
  normalizeHeader,
  rawValue,
  planNoticeWorkbook,
  readRoster,
  readWorkbookHistory,
  setupErrors,
  readSettings,
  validateRun,
} from "../core";
import type { Language } from "./i18n";

/** The label of the open workbook in a run (the CLI uses the file name). */
export const CURRENT_WORKBOOK = "当前工作簿";

export interface SheetSummary {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface PaneIssue extends IssueData {
  readonly message: string;
}

export interface PaneValidation {
  readonly asOf: string;
  readonly sheets: readonly SheetSummary[];
  readonly issues: readonly PaneIssue[];
}

/**
 * Validates the open workbook as a run of one file, as the CLI validates its files: `no-roster`
 * comes once per run (SPEC §4), messages in `language`.
 */
export function validateForPane(
  workbook: WorkbookGrid,
  options: { today: string; language: Language; file?: string },
): PaneValidation {
  const run = validateRun([{ file: options.file ?? CURRENT_WORKBOOK, workbook }], { today: options.today });
  const file = run.files[0];
  return {
    asOf: run.asOf,
    sheets: (file?.sheets ?? []).map((s) => ({
      sheet: s.sheet,
      headerRow: s.headerRow,
      rows: s.rows,
      errors: s.errors,
      warnings: s.warnings,
    })),
    issues: run.issues.map(({ file: _file, ...issue }) => localizeIssue(issue, options.language)),
  };
}

/** Today's date where the pane runs, as `YYYY-MM-DD` (local calendar, not UTC). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---- notice -------------------------------------------------------------------------------------

/** The sheets the notice form needs for its defaults (read those alone: it is quick). */
export function isNoticeSetupSheet(name: string): boolean {
  const key = enumKey(name);
  return key === SETTINGS_SHEET || key === HISTORY_SHEET;
}

function historyOf(workbook: WorkbookGrid): HistoryRecord[] {
  return readWorkbookHistory(workbook) ?? [];
}

function settingsOf(workbook: WorkbookGrid): Settings {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  return sheet ? readSettings(sheet, workbook.date1904).settings : DEFAULT_SETTINGS;
}

/** Where a default came from, so the form can say so. */
export type PeriodSource = "settings" | "history" | "first";

export interface NoticeDefaults {
  readonly asOf: string;
  readonly asOfFromSettings: boolean;
  readonly period: number;
  readonly periodSource: PeriodSource;
  /** Periods already in `通报记录`. */
  readonly periods: readonly number[];
}

/** 统计截止日期 and 期数 as the CLI would pick them: `设置` first, then history + 1, then today / 1. */
export function noticeDefaults(workbook: WorkbookGrid, today: string): NoticeDefaults {
  const settings = settingsOf(workbook);
  const history = historyOf(workbook);
  const periods = [...new Set(history.map((h) => h.period))].sort((a, b) => a - b);
  const last = periods.at(-1);
  return {
    asOf: settings.asOf ?? today,
    asOfFromSettings: settings.asOf !== null,
    period: settings.period ?? (last !== undefined ? last + 1 : 1),
    periodSource: settings.period !== null ? "settings" : last !== undefined ? "history" : "first",
    periods,
  };
}

/** One generated sheet to write, with the ownership kind the Office adapter records on it. */
export interface SheetToWrite {
  readonly plan: SheetPlan;
  readonly kind: SheetKind;
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
  /** No previous notice in the history: nobody can be stationed yet. */
  readonly firstNotice: boolean;
  readonly stalled: readonly string[];
  readonly notSubmitted: readonly string[];
  readonly overdueTasks: number;
  readonly dueSoonTasks: number;
  readonly errors: number;
  readonly warnings: number;
}

export type NoticePreparation =
  | { readonly ok: true; readonly sheets: readonly SheetToWrite[]; readonly summary: NoticeSummary }
  | { readonly ok: false; readonly setupIssues: readonly PaneIssue[] };

function summarize(notice: NoticeData, noticeSheet: string, issues: readonly IssueData[]): NoticeSummary {
  const { errors, warnings } = countIssues(issues);
  return {
    period: notice.period,
    asOf: notice.asOf,
    noticeSheet,
    totals: {
      assigned: notice.totals.assigned,
      completed: notice.totals.completed,
      overdue: notice.totals.overdue,
      rate: formatRate(notice.totals.completionRate),
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
    redList: notice.redList.map((e) => e.unit),
    blackList: notice.blackList.map((e) => e.unit),
    stationed: notice.stationed.map((e) => e.unit),
    firstNotice: notice.previous === null,
    stalled: notice.stalled.map((e) => e.unit),
    notSubmitted: notice.notSubmitted.map((e) => e.unit),
    overdueTasks: notice.overdueTasks.length,
    dueSoonTasks: notice.dueSoonTasks.length,
    errors,
    warnings,
  };
}

/**
 * Validates the workbook and builds the three sheets of a notice, or refuses (with the cells) when
 * `设置` or `单位名册` has an error — the product does not guess (SPEC §9).
 */
export function prepareNotice(
  workbook: WorkbookGrid,
  options: { today: string; asOf?: string; period?: number; language: Language; file?: string },
): NoticePreparation {
  if (options.asOf !== undefined && isoToDay(options.asOf) === null)
    throw new RangeError(`统计截止日期应为 YYYY-MM-DD：${options.asOf}`);
  const run = validateRun([{ file: options.file ?? CURRENT_WORKBOOK, workbook }], {
    asOf: options.asOf,
    today: options.today,
  });
  const refused = setupErrors(run);
  if (refused.length > 0) {
    return { ok: false, setupIssues: refused.map((i) => localizeIssue(i, options.language)) };
  }
  const { notice, sheets } = planNoticeWorkbook(run, {
    period: options.period,
    history: historyOf(workbook),
    language: options.language,
    linkSheets: new Set(run.files.flatMap((f) => f.sheets.map((s) => s.sheet))),
  });
  const toWrite = sheets.map((plan) => ({ plan, kind: plan.kind ?? "other" }));
  return { ok: true, sheets: toWrite, summary: summarize(notice, sheets[0]!.name, run.issues) };
}

// ---- settings -----------------------------------------------------------------------------------

/** `设置` and `单位名册`: all the settings view reads. */
export function isSetupSheet(name: string): boolean {
  const key = enumKey(name);
  return key === SETTINGS_SHEET || key === ROSTER_SHEET;
}

/** The §9 settings, in the order the `设置` sheet lists them. */
export const SETTING_KEYS = [
  "通报期数",
  "统计截止日期",
  "红榜名次",
  "红榜最低完成率",
  "黑榜名次",
  "黑榜完成率低于",
  "临期天数",
  "排名方式",
  "任务类别",
  "等次线",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface SettingEntry {
  readonly key: SettingKey;
  /** The text the form starts with: the value as the core read it, or the raw cell when invalid. */
  readonly text: string;
  /** What applies when the value is empty. */
  readonly defaultText: string;
  /** A1 cell of the value in `设置`, or null when the sheet has no row for it. */
  readonly cell: string | null;
}

export interface PaneSetup {
  readonly hasSettingsSheet: boolean;
  readonly settingsSheet: string;
  readonly entries: readonly SettingEntry[];
  readonly weights: ReadonlyArray<{ sheet: string; weight: number; cell: string }> | null;
  readonly settingsIssues: readonly PaneIssue[];
  readonly hasRoster: boolean;
  readonly rosterSheet: string;
  readonly roster: ReadonlyArray<{ group: string; units: ReadonlyArray<{ name: string; aliases: string }> }>;
  /** Units whose 单位类别 is invalid: still matched, never ranked. */
  readonly unranked: readonly string[];
  readonly rosterIssues: readonly PaneIssue[];
}

/** The text of a setting as the form shows it (the inverse of the core's parsing, for valid values). */
function settingText(key: SettingKey, s: Settings): string {
  const percent = (rate: number) => `${Math.round(rate * 10000) / 100}%`;
  switch (key) {
    case "通报期数":
      return s.period === null ? "" : String(s.period);
    case "统计截止日期":
      return s.asOf ?? "";
    case "红榜名次":
      return String(s.redTop);
    case "红榜最低完成率":
      return percent(s.redMinRate);
    case "黑榜名次":
      return String(s.blackTop);
    case "黑榜完成率低于":
      return percent(s.blackBelowRate);
    case "临期天数":
      return String(s.dueSoonDays);
    case "排名方式":
      return s.rankingMethod === "dense" ? "中国式" : "竞争式";
    case "任务类别":
      return s.categories.join("、");
    case "等次线":
      return s.gradeThresholds.join("、");
  }
}

function textOf(value: CellValue): string {
  const raw = rawValue(value);
  return raw === null ? "" : String(raw);
}

/** Rows of `设置` by setting key (outside the 考核权重 table), first occurrence wins. */
function settingRows(sheet: SheetGrid): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = 0; r < sheet.values.length; r++) {
    const v = cellValue(sheet, r, 0);
    const key = typeof v === "string" ? normalizeHeader(v) : "";
    if ((SETTING_KEYS as readonly string[]).includes(key) && !rows.has(key)) rows.set(key, r);
  }
  return rows;
}

/** `设置` and `单位名册` as the core reads them, for the settings view. */
export function readSetupForPane(workbook: WorkbookGrid, language: Language): PaneSetup {
  const settingsSheet = findSheet(workbook, SETTINGS_SHEET);
  const rosterSheet = findSheet(workbook, ROSTER_SHEET);
  const settingsRead = settingsSheet ? readSettings(settingsSheet, workbook.date1904) : null;
  const settings = settingsRead?.settings ?? DEFAULT_SETTINGS;
  const rows = settingsSheet ? settingRows(settingsSheet) : new Map<string, number>();
  const badCells = new Set((settingsRead?.issues ?? []).map((i) => i.cell));
  const entries = SETTING_KEYS.map((key): SettingEntry => {
    const row = rows.get(key);
    const cell = row === undefined ? null : a1(row, 1);
    const value = row === undefined || !settingsSheet ? null : cellValue(settingsSheet, row, 1);
    const text = isEmptyValue(value) ? "" : badCells.has(cell) ? textOf(value) : settingText(key, settings);
    return { key, text, defaultText: settingText(key, DEFAULT_SETTINGS), cell };
  });
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
    entries,
    weights: settings.weights?.map((w) => ({ sheet: w.sheet, weight: w.weight, cell: w.cell })) ?? null,
    settingsIssues: (settingsRead?.issues ?? []).map((i) => localizeIssue(i, language)),
    hasRoster: !!rosterSheet,
    rosterSheet: rosterSheet?.name ?? ROSTER_SHEET,
    roster: [...groups].map(([group, units]) => ({ group, units })),
    unranked: (rosterRead?.roster.unranked ?? []).map((u) => u.name),
    rosterIssues: (rosterRead?.issues ?? []).map((i) => localizeIssue(i, language)),
  };
}

/** What a typed value is written as: a plain decimal number as a number, anything else as text. */
export function settingCellValue(text: string): string | number {
  const t = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * Checks one typed value with the core's own parser (a one-row `设置` sheet through `readSettings`),
 * so the form accepts exactly what the product will accept. `null` when valid or empty.
 */
export function checkSetting(key: SettingKey, text: string, language: Language): string | null {
  if (text.trim() === "") return null;
  const sheet: SheetGrid = {
    name: SETTINGS_SHEET,
    values: [
      ["项目", "值"],
      [key, settingCellValue(text)],
    ],
    numberFormats: [],
    merges: [],
  };
  const issue = readSettings(sheet, false).issues[0];
  return issue ? localizeIssue(issue, language).message : null;
}

/** The cell writes that save `changes` into `设置` (column B only; new keys appended with A). */
export interface SettingsWrite {
  readonly sheet: string;
  readonly create: boolean;
  readonly cells: ReadonlyArray<{ cell: string; value: string | number }>;
}

/**
 * Plans saving the changed settings: a key the sheet lists gets its B cell written; a key it lacks
 * gets a new row below the last used one (after a blank row when a 考核权重 table is present, so
 * the table still ends where it did); a missing sheet is created with the `项目 | 值` header.
 */
export function planSettingsWrite(
  workbook: WorkbookGrid,
  changes: ReadonlyArray<{ key: SettingKey; text: string }>,
): SettingsWrite {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  const cells: { cell: string; value: string | number }[] = [];
  if (!sheet) {
    cells.push({ cell: "A1", value: "项目" }, { cell: "B1", value: "值" });
    let row = 1;
    for (const { key, text } of changes) {
      if (text.trim() === "") continue;
      cells.push({ cell: a1(row, 0), value: key }, { cell: a1(row, 1), value: settingCellValue(text) });
      row++;
    }
    return { sheet: SETTINGS_SHEET, create: true, cells };
  }
  const rows = settingRows(sheet);
  let last = -1;
  let weightsTable = false;
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.some((v) => !isEmptyValue(v ?? null))) last = r;
    const a = cellValue(sheet, r, 0);
    const b = cellValue(sheet, r, 1);
    if (typeof a === "string" && typeof b === "string" && normalizeHeader(a) === "考核表")
      weightsTable = true;
  }
  let next = last + (weightsTable ? 2 : 1);
  for (const { key, text } of changes) {
    const row = rows.get(key);
    if (row !== undefined) {
      cells.push({ cell: a1(row, 1), value: text.trim() === "" ? "" : settingCellValue(text) });
    } else if (text.trim() !== "") {
      cells.push({ cell: a1(next, 0), value: key }, { cell: a1(next, 1), value: settingCellValue(text) });
      next++;
    }
  }
  return { sheet: sheet.name, create: false, cells };
}
