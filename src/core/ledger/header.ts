/**
 * The header of a ledger sheet (SPEC §2, §4): which column holds which key, the columns of the
 * table, and the header issues — `unknown-column` (a long run summarised in one), `duplicate-column`
 * and `missing-column`.
 */
import { type SheetGrid, a1, cellValue, forEachCell } from "../grid";
import { type IssueData, makeIssue } from "../issue";
import { isEmptyValue, rawValue } from "../cell";
import { type ColumnDef, type ColumnKey, COLUMNS, COLUMN_BY_KEY, matchHeader } from "./columns";

/**
 * Unknown headers side by side, at least this many, are one `unknown-column` on the first of them
 * (naming how many and the last): a sheet with thousands of extra columns gets one warning, not
 * thousands (issue #8), while two or three extra columns are still named one by one.
 */
export const UNKNOWN_RUN_SUMMARY = 5;

export interface LedgerHeader {
  /** 0-based header row. */
  readonly row: number;
  /** The last row the header spans (a header merged down over two rows ends with its merges). */
  readonly end: number;
  /** 0-based column of each key found (the first, when a key appears twice). */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  /** Every column with a header, known or not, ascending: the cells that make a row non-blank. */
  readonly tableColumns: readonly number[];
  /** Required columns that are absent: the rows are then not checked. */
  readonly missing: readonly ColumnDef[];
  readonly issues: readonly IssueData[];
}

/** Reads the header row `row` (0-based) of `sheet`. */
export function readHeader(sheet: SheetGrid, row: number): LedgerHeader {
  const issues: IssueData[] = [];
  const columns: Partial<Record<ColumnKey, number>> = {};
  const tableColumns: number[] = [];
  let unknownRun: number[] = [];
  const place = (c: number, column: string) => ({
    sheet: sheet.name,
    cell: a1(row, c),
    row: row + 1,
    column,
  });
  const flushUnknown = () => {
    if (unknownRun.length > 0)
      for (const issue of unknownColumnIssues(sheet, row, unknownRun)) issues.push(issue);
    unknownRun = [];
  };
  // Cost: the cells present in the header row (a row with cells in A and XFD is two visits).
  forEachCell(sheet.values[row], (c, value) => {
    if (isEmptyValue(value)) return;
    tableColumns.push(c);
    const key = typeof value === "string" ? matchHeader(value) : undefined;
    if (key === undefined) {
      unknownRun.push(c);
      return;
    }
    flushUnknown();
    if (columns[key] !== undefined) {
      issues.push(
        makeIssue("duplicate-column", place(c, COLUMN_BY_KEY[key].header), rawValue(value), {
          params: { firstCell: a1(row, columns[key]) },
        }),
      );
    } else {
      columns[key] = c;
    }
  });
  flushUnknown();
  const firstColumn = tableColumns[0] ?? 0;
  const missing = COLUMNS.filter((c) => c.required && columns[c.key] === undefined);
  for (const c of missing) {
    issues.push(
      makeIssue("missing-column", place(firstColumn, c.header), null, { params: { key: c.header } }),
    );
  }
  return { row, end: headerEnd(sheet, row, tableColumns), columns, tableColumns, missing, issues };
}

/** `unknown-column` for a run of unknown headers side by side: one each, or one for a long run. */
function unknownColumnIssues(sheet: SheetGrid, row: number, run: readonly number[]): IssueData[] {
  const issue = (c: number, params = {}) => {
    const value = rawValue(cellValue(sheet, row, c));
    return makeIssue(
      "unknown-column",
      { sheet: sheet.name, cell: a1(row, c), row: row + 1, column: String(value) },
      value,
      { params },
    );
  };
  if (run.length < UNKNOWN_RUN_SUMMARY) return run.map((c) => issue(c));
  const last = run[run.length - 1]!;
  return [
    issue(run[0]!, {
      count: run.length,
      lastCell: a1(row, last),
      lastValue: String(rawValue(cellValue(sheet, row, last))),
    }),
  ];
}

/** The last row of a header whose cells are merged down over the next row(s). */
function headerEnd(sheet: SheetGrid, row: number, tableColumns: readonly number[]): number {
  const table = new Set(tableColumns);
  let end = row;
  for (const m of sheet.merges) if (m.top <= row && m.bottom > end && table.has(m.left)) end = m.bottom;
  return end;
}
