/**
 * The grid model: what an adapter (Office.js or an .xlsx file) hands the engine for one sheet.
 * Adapters do nothing clever: values, number formats and merged ranges, as the workbook holds them.
 */

/** A formula error such as `#N/A` (Excel's `t="e"` cells). Strings like "#N/A" are recognised too. */
export interface CellError {
  readonly error: string;
}

/**
 * A cell value. Dates arrive either as numbers (serials, which is what Excel stores and Office.js
 * returns) or as `Date` objects whose UTC fields hold the calendar date (from `t="d"` cells).
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One worksheet (工作表) as a grid. Rows may be ragged or missing; a missing cell is empty. */
export interface SheetGrid {
  readonly name: string;
  /** values[row][column], 0-based. */
  readonly values: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  /** numberFormats[row][column]; missing means `General`. */
  readonly numberFormats: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
  readonly merges: readonly CellRange[];
  /** Hidden or very hidden in the workbook. */
  readonly hidden?: boolean;
}

/** A whole workbook (工作簿) as grids. */
export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** The workbook was saved with the 1904 date system (serial 0 = 1904-01-01). */
  readonly date1904: boolean;
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

export function cellValue(sheet: SheetGrid, row: number, column: number): CellValue {
  return sheet.values[row]?.[column] ?? null;
}

export function cellFormat(sheet: SheetGrid, row: number, column: number): string | undefined {
  return sheet.numberFormats[row]?.[column];
}

/** Number of rows the grid spans. */
export function rowCount(sheet: SheetGrid): number {
  return sheet.values.length;
}

/** `columnName(0)` → `"A"`, `columnName(27)` → `"AB"`. */
export function columnName(column: number): string {
  let name = "";
  let n = column + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** `a1(0, 0)` → `"A1"` (0-based row and column in, A1 reference out). */
export function a1(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** `parseA1("AB12")` → `{ row: 11, column: 27 }`; `null` when it is not a plain A1 reference. */
export function parseA1(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** A simple in-memory grid from rows of values, for tests and generated data. */
export function gridFromRows(
  name: string,
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  options: { numberFormats?: ReadonlyArray<ReadonlyArray<string | undefined>>; merges?: CellRange[] } = {},
): SheetGrid {
  return { name, values: rows, numberFormats: options.numberFormats ?? [], merges: options.merges ?? [] };
}
