/**
 * Builders for ledger workbooks as grids (`WorkbookGrid`), so that engine tests can state a case in a
 * few lines: a standard header row, rows as objects keyed by canonical header, optional title rows,
 * a `单位名册` and a `设置` sheet, number formats by A1 cell and merges as `E4:E6`.
 */
import {
  type CellRange,
  type CellValue,
  type IssueData,
  type RunValidation,
  type SheetGrid,
  type WorkbookGrid,
  gridFromRows,
  parseA1,
  validateRun,
} from "../../src/core";

/** The canonical headers of SPEC §2 in template order: columns A–L. */
export const HEADERS = [
  "序号",
  "任务编号",
  "任务类别",
  "重点任务",
  "责任单位",
  "责任人",
  "完成时限",
  "推进状态",
  "完成进度",
  "完成时间",
  "佐证材料",
  "备注",
] as const;
export type Header = (typeof HEADERS)[number];

/** A data row by canonical header; missing headers are empty cells. */
export type RowSpec = { [K in Header]?: CellValue | undefined };

/** The row without some columns (for layouts that lack them). */
export function without(spec: RowSpec, ...headers: Header[]): RowSpec {
  return Object.fromEntries(Object.entries(spec).filter(([h]) => !headers.includes(h as Header)));
}

/** The column letter of a canonical header in the standard layout (`col("完成时限")` → `"G"`). */
export function col(header: Header): string {
  return String.fromCharCode(65 + HEADERS.indexOf(header));
}

export const TITLE = "基层党建工作重点任务推进台账";
export const METADATA = "填报单位：青山区  填报日期：2022年10月31日";

/** A complete, valid row (推进中, 50%) that rules accept; override what a case needs. */
export function validRow(overrides: RowSpec = {}): RowSpec {
  return {
    序号: 1,
    任务编号: "CS-01",
    任务类别: "城市基层党建",
    重点任务: "推进红色物业全覆盖",
    责任单位: "青山区",
    责任人: "张三",
    完成时限: "2022-12-31",
    推进状态: "推进中",
    完成进度: 50,
    完成时间: null,
    佐证材料: "会议纪要",
    备注: null,
    ...overrides,
  };
}

/** A valid completed row (已完成, 100%, done 2022-09-15). */
export function doneRow(overrides: RowSpec = {}): RowSpec {
  return validRow({ 推进状态: "已完成", 完成进度: 100, 完成时间: "2022-09-15", ...overrides });
}

export interface LedgerOptions {
  name?: string;
  /** Rows above the header row; default: the title and the metadata row (header on row 3). */
  above?: CellValue[][];
  /** Header texts; default: the canonical headers A–L. */
  headers?: readonly CellValue[];
  /** Data rows: objects by canonical header (placed by `headers` when they are canonical) or raw arrays. */
  rows?: ReadonlyArray<RowSpec | readonly CellValue[] | null>;
  /** Rows after the data rows, raw (e.g. footers). */
  below?: CellValue[][];
  /** Number formats by A1 cell. */
  formats?: Record<string, string>;
  /** Merged ranges such as `E4:E6`. */
  merges?: string[];
}

function range(ref: string): CellRange {
  const [from, to = from] = ref.split(":") as [string, string?];
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) throw new Error(`bad range ${ref}`);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

function withFormats(formats: Record<string, string> | undefined): (string | undefined)[][] {
  const out: (string | undefined)[][] = [];
  for (const [ref, fmt] of Object.entries(formats ?? {})) {
    const p = parseA1(ref);
    if (!p) throw new Error(`bad cell ${ref}`);
    (out[p.row] ??= [])[p.column] = fmt;
  }
  return out;
}

/** A ledger sheet. With default `above`, the header is row 3 and data starts on row 4. */
export function ledgerSheet(options: LedgerOptions = {}): SheetGrid {
  const headers = options.headers ?? HEADERS;
  const above = options.above ?? [[TITLE], [METADATA]];
  const data = (options.rows ?? []).map((row): CellValue[] => {
    if (row === null) return [];
    if (Array.isArray(row)) return [...(row as readonly CellValue[])];
    const spec = row as RowSpec;
    for (const [key, value] of Object.entries(spec)) {
      if (value !== undefined && !headers.includes(key))
        throw new Error(`row key ${key} is not among the headers`);
    }
    return headers.map((h) => (typeof h === "string" ? (spec[h as Header] ?? null) : null));
  });
  const rows = [...above, [...headers], ...data, ...(options.below ?? [])];
  return gridFromRows(options.name ?? "重点任务台账", rows, {
    numberFormats: withFormats(options.formats),
    merges: (options.merges ?? []).map(range),
  });
}

/** The sample's roster: [name, group, aliases]. */
export const ROSTER: ReadonlyArray<readonly [string, string, string?]> = [
  ["青山区", "县市区", "青山"],
  ["江南区", "县市区"],
  ["浮溪县", "县市区", "浮溪"],
  ["江城高新区", "开发区", "高新区、江城高新技术产业开发区"],
  ["江城经济技术开发区", "开发区", "经开区"],
  ["市卫生健康委", "市直机关", "市卫健委、卫健委"],
  ["江城城投集团", "市属国企", "城投集团"],
];

/** A `单位名册` sheet with the header 单位名称 | 单位类别 | 别名. */
export function rosterSheet(
  units: ReadonlyArray<readonly CellValue[]> = ROSTER as ReadonlyArray<readonly CellValue[]>,
  options: { header?: CellValue[]; name?: string } = {},
): SheetGrid {
  return gridFromRows(options.name ?? "单位名册", [
    options.header ?? ["单位名称", "单位类别", "别名"],
    ...units.map((u) => [...u]),
  ]);
}

/** A `设置` sheet: 项目 | 值, the settings, then optionally the 考核权重 table after a blank row. */
export function settingsSheet(
  settings: ReadonlyArray<readonly CellValue[]>,
  options: { weights?: ReadonlyArray<readonly CellValue[]>; formats?: Record<string, string> } = {},
): SheetGrid {
  const rows: CellValue[][] = [["项目", "值"], ...settings.map((s) => [...s])];
  if (options.weights) rows.push([], ["考核表", "权重"], ...options.weights.map((w) => [...w]));
  return gridFromRows("设置", rows, { numberFormats: withFormats(options.formats) });
}

export function workbook(sheets: SheetGrid[], date1904 = false): WorkbookGrid {
  return { sheets, date1904 };
}

/** A workbook with one ledger sheet and the sample roster. */
export function ledgerBook(options: LedgerOptions = {}, extra: SheetGrid[] = [rosterSheet()]): WorkbookGrid {
  return workbook([ledgerSheet(options), ...extra]);
}

export const TODAY = "2022-11-01";
export const FILE = "青山区.xlsx";

/** Validates one workbook as a run (as `validate` does); today is 2022-11-01. */
export function validateBook(
  book: WorkbookGrid,
  options: { asOf?: string; today?: string } = {},
): RunValidation {
  return validateRun([{ file: FILE, workbook: book }], { today: options.today ?? TODAY, asOf: options.asOf });
}

/** The run's issues. */
export function issuesOf(
  book: WorkbookGrid,
  options: { asOf?: string; today?: string } = {},
): ReadonlyArray<IssueData & { file: string }> {
  return validateBook(book, options).issues;
}

/** Issues as `cell code` strings, for asserting an exact list. */
export function places(issues: ReadonlyArray<IssueData>): string[] {
  return issues.map((i) => `${i.sheet}!${i.cell ?? "-"} ${i.code}`);
}

/** A whole expected issue on the default ledger sheet, with defaults for the optional fields. */
export function expected(
  code: IssueData["code"],
  cell: string | null,
  column: string | null,
  value: IssueData["value"],
  extra: Partial<Pick<IssueData, "suggestion" | "params" | "sheet" | "severity">> = {},
): IssueData & { file: string } {
  const row = cell === null ? null : Number(/\d+$/.exec(cell)![0]);
  const severity = extra.severity ?? (WARNINGS.has(code) ? "warning" : "error");
  return {
    file: FILE,
    code,
    severity,
    sheet: extra.sheet ?? "重点任务台账",
    cell,
    row,
    column,
    value,
    suggestion: extra.suggestion ?? null,
    params: extra.params ?? {},
  } as IssueData & { file: string };
}

/** Warnings per SPEC §4 (stated here, not imported, so a wrong severity in the engine shows up). */
const WARNINGS = new Set<string>([
  "unknown-column",
  "no-roster",
  "nonstandard-value",
  "ambiguous-percent",
  "blank-row",
  "unknown-setting",
]);
