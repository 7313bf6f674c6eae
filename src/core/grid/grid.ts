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

/** Excel's limits (SPEC §4): 1,048,576 rows and 16,384 columns (`XFD`). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * One worksheet (工作表) as a grid. Rows may be ragged or missing; a missing cell is empty.
 *
 * The arrays may be **sparse** (holes where a file names no cell): a stray value in row 1,048,576
 * makes `values.length` a million, not a million rows. Code that walks a grid must therefore go
 * through `forEachRow`/`forEachCell` (cost = the cells present), never `for (r < values.length)`
 * over data whose size it does not control.
 */
export interface SheetGrid {
  readonly name: string;
  /** values[row][column], 0-based. */
  readonly values: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  /** numberFormats[row][column]; missing means `General`. */
  readonly numberFormats: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
  readonly merges: readonly CellRange[];
  /** Hidden or very hidden in the workbook. */
  readonly hidden?: boolean;
  /**
   * The 0-based indexes of the rows that hold at least one cell, ascending, when the adapter knows
   * them (the .xlsx reader does). Absent: any row below `values.length` may hold cells.
   */
  readonly rowIndexes?: readonly number[];
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

/**
 * The indexes of the rows present, ascending: `rowIndexes` when the adapter gave them, else every
 * row below `values.length` that is not a hole. Cost: the rows present (or the grid's own length
 * for an adapter that hands over dense rows, such as Office.js's used range).
 */
export function presentRows(sheet: SheetGrid): readonly number[] {
  if (sheet.rowIndexes) return sheet.rowIndexes;
  const rows: number[] = [];
  const values = sheet.values;
  for (let r = 0; r < values.length; r++) if (values[r] !== undefined) rows.push(r);
  return rows;
}

/** Calls `visit(row, cells)` for every row present, top to bottom. */
export function forEachRow(
  sheet: SheetGrid,
  visit: (row: number, cells: ReadonlyArray<CellValue>) => void,
  from = 0,
  to = Infinity,
): void {
  const rows = presentRows(sheet);
  for (let i = firstAtLeast(rows, from); i < rows.length; i++) {
    const r = rows[i]!;
    if (r > to) break;
    const cells = sheet.values[r];
    if (cells) visit(r, cells);
  }
}

/** The first position in the ascending list `sorted` whose value is ≥ `value` (binary search). */
export function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows up to this length are walked index by index; longer ones may be sparse and are enumerated. */
const DENSE_ROW = 256;

/**
 * Calls `visit(column, value)` for every cell of a row that holds a value (not `null`, not a
 * hole), left to right. A long row is enumerated by its keys, so a row with cells in A and XFD
 * costs two visits, not 16,384.
 */
export function forEachCell(
  cells: ReadonlyArray<CellValue> | undefined,
  visit: (column: number, value: CellValue) => void,
): void {
  forEachCellUntil(cells, (c, v) => {
    visit(c, v);
    return false;
  });
}

/** `forEachCell` that stops at the first cell for which `visit` returns true. */
export function forEachCellUntil(
  cells: ReadonlyArray<CellValue> | undefined,
  visit: (column: number, value: CellValue) => boolean,
): void {
  if (!cells) return;
  if (cells.length <= DENSE_ROW) {
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v !== null && v !== undefined && visit(c, v)) return;
    }
    return;
  }
  // Integer keys are enumerated in ascending order (ECMA-262 OrdinaryOwnPropertyKeys).
  for (const key in cells) {
    const c = Number(key);
    if (!Number.isInteger(c) || c < 0) continue;
    const v = cells[c];
    if (v !== null && v !== undefined && visit(c, v)) return;
  }
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
