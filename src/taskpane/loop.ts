/**
 * The task pane's side of the email loop (SPEC §11): parse returned files in the browser (nothing
 * leaves the machine), collect them into the open workbook's `合并台账`/`收集情况`, insert the
 * standard template, and render the notice as a workbook of its own for 导出. Loaded lazily
 * (`import("./loop")`): the xlsx reader, SheetJS (for `.xls` only) and the writer stay out of the
 * pane's first load.
 */
import {
  type CollectEntry,
  type CollectOutcome,
  type CollectResult,
  type ReturnedFile,
  type SheetKind,
  type SheetPlan,
  type WorkbookGrid,
  COLLECT_LOG_SHEET,
  DEFAULT_SETTINGS,
  MERGED_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  TEMPLATE_SHEET,
  buildCollectLogPlan,
  buildMergedSheetPlan,
  buildTemplateSheets,
  collectReturns,
  copySheetPlan,
  describeOutcome,
  enumKey,
  findHeaderRow,
  findSheet,
  readCollected,
  readSetup,
  sheetIs,
  isReservedSheet,
  unitVocabulary,
} from "../core";
import { WorkbookReadError, readSpreadsheet } from "../adapters/xlsx/read";

/** A sheet to write with its ownership kind (as the host port takes it). */
export interface LoopSheet {
  readonly plan: SheetPlan;
  readonly kind: SheetKind;
}

/** Hex SHA-256 of a file's bytes (WebCrypto); `null` where the browser offers none (not a secure context). */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as BufferSource));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/**
 * Reads one returned file by its content: `.xlsx`/`.xlsm`, or old `.xls` through SheetJS (loaded for
 * such a file only). A file that cannot be read becomes a `收集情况` line, not a failure of the batch.
 */
export async function readReturnedFile(name: string, bytes: Uint8Array): Promise<ReturnedFile> {
  const hash = await sha256Hex(bytes);
  try {
    const workbook = await readSpreadsheet(bytes, {
      readXls: async (b) =>
        (await import(/* webpackChunkName: "xls" */ "../adapters/xlsx/xls/read-xls")).readXlsWorkbook(b),
    });
    return { file: name, hash, workbook };
  } catch (error) {
    // One line for 收集情况, where 处理结果 already says 无法读取.
    const reason =
      error instanceof WorkbookReadError
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
    return { file: name, hash, workbook: null, error: reason };
  }
}

/** Sheets replaced without asking when ours: 收集's 合并台账 and 收集情况, 插入标准台账's 选项 (core's policy). */
export { COLLECT_REWRITTEN, TEMPLATE_REWRITTEN } from "../core";

/** A sheet named 合并台账 (as core matches sheet names). */
export function isMergedSheet(name: string): boolean {
  return sheetIs(name, MERGED_SHEET);
}

/** The sheets 收集 reads from the open workbook: the setup and what was collected before. */
export function isCollectSheet(name: string): boolean {
  const key = enumKey(name);
  return key === SETTINGS_SHEET || key === ROSTER_SHEET || key === MERGED_SHEET || key === COLLECT_LOG_SHEET;
}

/**
 * Collects `returns` into what the open workbook holds (`open`: at least its 设置, 单位名册,
 * 合并台账 and 收集情况). The sheets to write: `合并台账` and `收集情况` rewritten whole, and the
 * first return's roster and settings when the workbook has none.
 */
export function planCollect(
  open: WorkbookGrid,
  returns: readonly ReturnedFile[],
  today: string,
): { result: CollectResult; sheets: LoopSheet[] } {
  const setup = readSetup(open);
  const previous = readCollected(open, setup.roster ? unitVocabulary(setup.roster) : null);
  const result = collectReturns(previous, returns, { today, setup: open });
  const sheets: LoopSheet[] = [
    { plan: buildMergedSheetPlan(result.collected), kind: "ledger" },
    { plan: buildCollectLogPlan(result.collected.entries), kind: "other" },
  ];
  if (!findSheet(open, ROSTER_SHEET) && result.roster) {
    sheets.push({ plan: copySheetPlan(result.roster.sheet, result.roster.date1904), kind: "other" });
  }
  if (!findSheet(open, SETTINGS_SHEET) && result.settings) {
    sheets.push({ plan: copySheetPlan(result.settings.sheet, result.settings.date1904), kind: "other" });
  }
  return { result, sheets };
}

/**
 * The standard template for the open workbook (插入标准台账): `选项` (hidden) and the ledger, with
 * the workbook's own categories and roster in the lists. The ledger gets a free name when the
 * workbook already has a `重点任务台账` that is not one of ours.
 */
export function planTemplateInsert(open: WorkbookGrid, foreignNames: ReadonlySet<string>): LoopSheet[] {
  const setup = readSetup(open);
  let sheetName = TEMPLATE_SHEET;
  for (let n = 2; foreignNames.has(sheetName); n++) sheetName = `${TEMPLATE_SHEET}（${n}）`;
  const sheets = buildTemplateSheets({
    categories: (setup.settings ?? DEFAULT_SETTINGS).categories,
    units: setup.roster ? setup.roster.units.map((u) => u.name) : [],
    sheetName,
  });
  return sheets.map((plan) => ({ plan, kind: "template" }));
}

/** The .xlsx bytes of a workbook rendered in the browser by the writer (lazy-loaded). */
export async function renderWorkbookInBrowser(sheets: readonly SheetPlan[]): Promise<Uint8Array> {
  const { renderWorkbookBytes } = await import(
    /* webpackChunkName: "writer" */ "../adapters/xlsx/write/browser"
  );
  return renderWorkbookBytes({ sheets });
}

/** A line of the pane's per-file table: the entry, its result in the pane's language. */
export interface CollectLine {
  readonly file: string;
  readonly unit: string | null;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly kind: CollectOutcome["kind"];
  readonly text: string;
}

/** 处理结果 in the pane's language (the `收集情况` sheet itself is always Chinese). */
export function outcomeText(outcome: CollectOutcome, language: "zh" | "en"): string {
  if (language === "zh") return describeOutcome(outcome);
  const why = {
    "later-date": "later 填报日期",
    "later-order": "returned later",
    "same-content": "same content",
  };
  switch (outcome.kind) {
    case "merged":
      return "merged";
    case "unreadable":
      return `cannot be read: ${outcome.reason}`;
    case "no-ledger":
      return "no ledger sheet";
    case "superseded":
      return `returned twice: ${outcome.by} kept (${why[outcome.why]}); this file not merged`;
    case "already-collected":
      return `already collected as ${outcome.as}; not added again`;
    case "recorded":
      return outcome.text;
  }
}

export function collectLines(entries: readonly CollectEntry[], language: "zh" | "en"): CollectLine[] {
  return entries.map((e) => ({
    file: e.file,
    unit: e.unit,
    rows: e.rows,
    errors: e.errors,
    warnings: e.warnings,
    kind: e.outcome.kind,
    text: outcomeText(e.outcome, language),
  }));
}

/** True when the workbook holds a ledger (a `合并台账`, or a sheet with a §2 header row). */
export function hasLedger(open: WorkbookGrid): boolean {
  if (findSheet(open, MERGED_SHEET)) return true;
  const settings = readSetup(open).settings ?? DEFAULT_SETTINGS;
  return open.sheets.some((s) => !isReservedSheet(s.name, settings) && findHeaderRow(s) !== null);
}
