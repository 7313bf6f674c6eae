/**
 * Validation of whole workbooks and of a run of several (SPEC §1, §4, §9): which sheets are
 * ledgers, which roster and settings apply, the as-of date, and `no-roster` once per run.
 */
import { type SheetGrid, type WorkbookGrid, parseA1 } from "../grid";
import { type IssueData, makeIssue } from "../issue";
import { type IsoDate, isoToDay } from "../date";
import { type Vocabulary, makeVocabulary, parseEnum } from "../cell";
// The module itself, not the collect barrel (which imports this one).
import { enumKey } from "../text";
import {
  DEFAULT_SETTINGS,
  ROSTER_SHEET,
  type Roster,
  SETTINGS_SHEET,
  type Settings,
  readRoster,
  readSettings,
} from "../settings";
import {
  type LedgerRow,
  type LedgerSheetSummary,
  MAX_ISSUES_PER_WORKBOOK,
  findHeaderRow,
  readFiling,
  validateLedgerSheet,
} from "../ledger";
import { chooseAsOf } from "./run-options";

/** Sheets the product writes; they are never read as ledgers (`合并台账` is, see `ledgerSheets`). */
export const GENERATED_SHEET =
  /^(通报[(（]第\d+期[)）](附件\d+)?|专项通报[(（].*[)）]第\d+期(附件\d+)?|台账汇总[(（]第\d+期[)）]|考核汇总|通报记录|校验报告|收集情况|选项|退回修改说明([(（]\d+[)）])?)$/u;

/** The merged ledger (SPEC §1): a workbook that has one reads only that sheet as its ledger. */
const MERGED_LEDGER = "合并台账";

/** The sheets that may be ledgers: `合并台账` alone when the workbook has one, else every sheet. */
export function ledgerCandidates(workbook: WorkbookGrid): readonly SheetGrid[] {
  const merged = findSheet(workbook, MERGED_LEDGER);
  return merged ? [merged] : workbook.sheets;
}

/** The roster, settings and as-of date that one file was validated with. */
export interface FileContext {
  readonly roster: Roster | null;
  readonly settings: Settings;
  readonly asOf: IsoDate;
}

/** One workbook's validation. */
export interface WorkbookValidation {
  readonly sheets: readonly LedgerSheetSummary[];
  readonly rows: readonly LedgerRow[];
  /** Ledger, settings and roster issues, ordered by sheet, row and column. */
  readonly issues: readonly IssueData[];
  readonly context: FileContext;
  /** Issues of `设置` and `单位名册` alone; when it holds an error the notice refuses to run. */
  readonly setupIssues: readonly IssueData[];
  /**
   * Each ledger sheet's 填报单位 (the metadata row above its header, SPEC §2), as its roster name
   * when the roster knows it: a sheet-level issue belongs to that unit (SPEC §5).
   */
  readonly declaredUnits?: ReadonlyMap<string, string>;
}

export interface ValidateOptions {
  /** `--as-of`; else `设置`'s 统计截止日期; else `today`. */
  readonly asOf?: IsoDate | undefined;
  /** Today's date where the program runs. */
  readonly today: IsoDate;
  /** Roster and settings from another file of the run, used when this workbook has none. */
  readonly fallback?: { readonly roster: Roster | null; readonly settings: Settings | null } | undefined;
  /** Issues a workbook may have before its validation stops (`TooManyIssuesError`); default `MAX_ISSUES_PER_WORKBOOK`. */
  readonly maxIssues?: number | undefined;
}

/** The sheet whose name is `name` once NFKC'd and stripped of white space, if any. */
export function findSheet(workbook: WorkbookGrid, name: string): SheetGrid | undefined {
  return workbook.sheets.find((s) => sheetIs(s.name, name));
}

/** True when a sheet named `name` is the product's `canonical` sheet (`设置`…), as `findSheet` matches it. */
export function sheetIs(name: string, canonical: string): boolean {
  return enumKey(name) === canonical;
}

/** Reads `设置` and `单位名册` of a workbook, if present. */
export interface Setup {
  readonly roster: Roster | null;
  readonly settings: Settings | null;
  readonly issues: IssueData[];
}

export function readSetup(workbook: WorkbookGrid): Setup {
  const issues: IssueData[] = [];
  const settingsSheet = findSheet(workbook, SETTINGS_SHEET);
  const rosterSheet = findSheet(workbook, ROSTER_SHEET);
  let settings: Settings | null = null;
  let roster: Roster | null = null;
  if (settingsSheet) {
    const read = readSettings(settingsSheet, workbook.date1904);
    settings = read.settings;
    for (const issue of read.issues) issues.push(issue);
  }
  if (rosterSheet) {
    const read = readRoster(rosterSheet);
    roster = read.roster;
    for (const issue of read.issues) issues.push(issue);
  }
  return { roster, settings, issues };
}

export function unitVocabulary(roster: Roster): Vocabulary {
  const all = [...roster.units, ...(roster.unranked ?? [])];
  return makeVocabulary(
    all.map((u) => u.name),
    all.flatMap((u) => u.aliases.map((a) => [a, u.name] as const)),
    { suggestByContainment: true },
  );
}

/** True for sheets that are never ledgers: roster, settings, evaluation sheets, generated sheets. */
export function isReservedSheet(name: string, settings: Settings): boolean {
  const key = enumKey(name);
  if (key === SETTINGS_SHEET || key === ROSTER_SHEET || GENERATED_SHEET.test(key)) return true;
  return settings.weights?.some((w) => enumKey(w.sheet) === key) ?? false;
}

/**
 * Validates every ledger sheet of a workbook.
 *
 * @example validateWorkbook(grid, { today: "2022-11-01" }).issues
 */
export function validateWorkbook(
  workbook: WorkbookGrid,
  options: ValidateOptions,
  setup: Setup = readSetup(workbook),
): WorkbookValidation {
  const settings = setup.settings ?? options.fallback?.settings ?? DEFAULT_SETTINGS;
  const roster = setup.roster ?? options.fallback?.roster ?? null;
  const maxIssues = options.maxIssues ?? MAX_ISSUES_PER_WORKBOOK;
  const { asOf } = chooseAsOf(options.asOf, [settings], options.today);
  const asOfDay = isoToDay(asOf);
  if (asOfDay === null) throw new RangeError(`as-of date must be YYYY-MM-DD, got ${asOf}`);
  const context = {
    date1904: workbook.date1904,
    asOfDay,
    categories: makeVocabulary(settings.categories),
    units: roster ? unitVocabulary(roster) : null,
  };
  const sheets: LedgerSheetSummary[] = [];
  const rows: LedgerRow[] = [];
  const issues: IssueData[] = [...setup.issues];
  const declaredUnits = new Map<string, string>();
  for (const sheet of ledgerCandidates(workbook)) {
    if (isReservedSheet(sheet.name, settings)) continue;
    const headerRow = findHeaderRow(sheet);
    if (headerRow === null) continue;
    const declared = declaredUnit(sheet, headerRow, workbook.date1904, context.units);
    if (declared !== null) declaredUnits.set(sheet.name, declared);
    const result = validateLedgerSheet(sheet, headerRow, context, {
      budget: maxIssues - issues.length,
      limit: maxIssues,
    });
    sheets.push(result.summary);
    // Not push(...many): a spread of 125,000 issues overflows the call stack.
    for (const row of result.rows) rows.push(row);
    for (const issue of result.issues) issues.push(issue);
  }
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  return {
    sheets,
    rows,
    issues: sortIssues(issues, order),
    context: { roster, settings, asOf },
    setupIssues: setup.issues,
    declaredUnits,
  };
}

/** A sheet's 填报单位 as the roster names it (as typed without a roster), or `null`. */
function declaredUnit(
  sheet: SheetGrid,
  headerRow: number,
  date1904: boolean,
  units: Vocabulary | null,
): string | null {
  const typed = readFiling(sheet, headerRow, date1904).unit;
  if (typed === null) return null;
  if (units === null) return typed;
  const parsed = parseEnum(typed, units, "unknown-unit");
  return parsed.kind === "ok" ? parsed.value : null;
}

function columnIndex(cell: string | null): number {
  return cell === null ? -1 : (parseA1(cell)?.column ?? -1);
}

/** Orders issues by sheet (workbook order), row, then column; stable otherwise. */
export function sortIssues(
  issues: readonly IssueData[],
  sheetOrder: ReadonlyMap<string, number>,
): IssueData[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (sheetOrder.get(a.issue.sheet) ?? -1) - (sheetOrder.get(b.issue.sheet) ?? -1) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        columnIndex(a.issue.cell) - columnIndex(b.issue.cell) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}

/** One input of a run: a label (file name) and its grid. */
export interface RunInput {
  readonly file: string;
  readonly workbook: WorkbookGrid;
}

export interface RunFileResult extends WorkbookValidation {
  readonly file: string;
}

export interface RunValidation {
  readonly asOf: IsoDate;
  readonly files: readonly RunFileResult[];
  /** Every issue with the file it belongs to. */
  readonly issues: ReadonlyArray<IssueData & { readonly file: string }>;
  readonly roster: Roster | null;
  readonly settings: Settings;
}

/**
 * Validates several workbooks as one run. A workbook without `单位名册`/`设置` uses the first one
 * found in the run; when no workbook has a roster, one `no-roster` warning is reported.
 */
export function validateRun(inputs: readonly RunInput[], options: ValidateOptions): RunValidation {
  const setups = inputs.map((input) => readSetup(input.workbook));
  const runRoster = setups.find((s) => s.roster !== null)?.roster ?? null;
  const runSettings = setups.find((s) => s.settings !== null)?.settings ?? null;
  // One as-of date for the whole run, the one `validate --json` reports (the first 设置 of the run
  // that names a 统计截止日期): a file whose own 设置 names another date is still judged on the
  // run's date (done-date-in-future).
  const { asOf } = chooseAsOf(
    options.asOf,
    setups.map((s) => s.settings),
    options.today,
  );
  const files = inputs.map((input, i) => ({
    file: input.file,
    ...validateWorkbook(
      input.workbook,
      { ...options, asOf, fallback: { roster: runRoster, settings: runSettings } },
      setups[i],
    ),
  }));
  const issues: Array<IssueData & { file: string }> = [];
  if (runRoster === null && inputs.length > 0) {
    issues.push({
      file: inputs[0]!.file,
      ...makeIssue("no-roster", { sheet: ROSTER_SHEET, cell: null, row: null, column: null }, null),
    });
  }
  for (const f of files) for (const issue of f.issues) issues.push({ file: f.file, ...issue });
  const settings = runSettings ?? DEFAULT_SETTINGS;
  return {
    asOf,
    files,
    issues,
    roster: runRoster,
    settings,
  };
}
