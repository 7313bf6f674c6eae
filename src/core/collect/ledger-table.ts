/**
 * A ledger sheet as a table of raw cells (SPEC §2/§4 data area), for moving rows between workbooks
 * (`split`, `merge`, 收集) without changing a value: what the user typed is copied, never the parsed
 * canonical value. Validation (`validateLedgerSheet`) judges the same rows.
 */
import { type CellValue, type SheetGrid, cellFormat, cellValue } from "../grid";
import { isEmptyValue, rawValue } from "../cell";
import { type ColumnKey, isFooterText, matchHeader, normalizeHeader } from "../ledger";

/** One cell as the workbook holds it: value and number format. */
export interface RawCell {
  readonly value: CellValue;
  readonly format: string | undefined;
}

/** A row's cells by column id: a filled cell, or `undefined` for an empty one or a column it lacks. */
export interface CellsById {
  get(id: string): RawCell | undefined;
}

/** A column of the table: where it is, its header as typed, and the §2 key it maps to. */
export interface TableColumn {
  /** 0-based sheet column. */
  readonly column: number;
  /** The header text, trimmed, otherwise as typed. */
  readonly header: string;
  /** `null` for an unknown column; a second column mapping to a key already taken is unknown too. */
  readonly key: ColumnKey | null;
}

/** One data row: `cells[i]` belongs to `columns[i]`. */
export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface LedgerTable {
  readonly sheet: string;
  /** 0-based header row. */
  readonly headerRow: number;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

const EMPTY_CELL: RawCell = { value: null, format: undefined };

/**
 * Reads the data rows of a ledger sheet whose header row is `headerRow` (0-based): every row after
 * the header (and after a header merged down over several rows) that is neither blank nor a footer —
 * the rows validation counts. A vertical merge
 * in the data area gives its top-left value to every row it covers (SPEC §3), so a row keeps its
 * 责任单位 when it leaves the sheet.
 *
 * @example readLedgerTable(grid, findHeaderRow(grid)!).rows.length // = the sheet's `rows` in validate
 */
export function readLedgerTable(sheet: SheetGrid, headerRow: number): LedgerTable {
  const columns: TableColumn[] = [];
  const taken = new Set<ColumnKey>();
  (sheet.values[headerRow] ?? []).forEach((value, column) => {
    if (isEmptyValue(value)) return;
    // A date or an error in the header row names its column as issues name the value
    // (`2022-10-24`, `#REF!`): each such column keeps a header of its own, and its cells.
    const header = typeof value === "string" ? value.trim() : String(rawValue(value));
    let key = typeof value === "string" ? (matchHeader(value) ?? null) : null;
    if (key !== null && taken.has(key)) key = null;
    if (key !== null) taken.add(key);
    columns.push({ column, header, key });
  });

  // Every vertical merge, the header's too: a merge from the header row or above that covers a
  // table column ends the header there (`headerEnd` below), so the rows it fills are never read.
  const fill = new Map<number, RawCell>();
  for (const m of sheet.merges) {
    const source = { value: cellValue(sheet, m.top, m.left), format: cellFormat(sheet, m.top, m.left) };
    for (let r = m.top + 1; r <= m.bottom; r++) fill.set(r * 65536 + m.left, source);
  }

  // A data row: some cell of the table filled with something that is no footer text (a blank row,
  // or one of footer text only, is skipped: SPEC §4).
  const isData = (r: number): boolean => {
    for (const { column } of columns) {
      const v = cellValue(sheet, r, column);
      if (!isEmptyValue(v) && !isFooterText(v)) return true;
    }
    return false;
  };

  let headerEnd = headerRow;
  const tableColumns = new Set(columns.map((c) => c.column));
  for (const m of sheet.merges) {
    if (m.top <= headerRow && m.bottom > headerEnd && tableColumns.has(m.left)) headerEnd = m.bottom;
  }
  const rows: TableRow[] = [];
  for (let r = headerEnd + 1; r < sheet.values.length; r++) {
    if (!isData(r)) continue;
    rows.push({
      row: r + 1,
      cells: columns.map(({ column }) => {
        const filled = fill.get(r * 65536 + column);
        if (filled) return filled;
        const value = cellValue(sheet, r, column);
        return value === null ? EMPTY_CELL : { value, format: cellFormat(sheet, r, column) };
      }),
    });
  }
  return { sheet: sheet.name, headerRow, columns, rows };
}

/** The comparison key of a header (SPEC §2 normalisation), for matching unknown columns across files. */
export function headerKey(header: string): string {
  return normalizeHeader(header);
}
