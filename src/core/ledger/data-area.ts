/**
 * The data area of a ledger sheet (SPEC §4): every row after the header up to the last data row.
 * A row is blank (no non-empty cell under a header), a footer (every non-empty cell is a note such
 * as `填报人：…`, skipped silently) or data. A run of blank rows followed by a data row is one
 * `blank-row` warning on its first row, naming the rows; blank rows after the last data row (before
 * the footer notes, or at the end) are not reported.
 */
import { type CellValue, type SheetGrid, a1, forEachCellUntil, forEachRow } from "../grid/grid";
import { type IssueOf, makeIssue } from "../issue/issue";
import { isEmptyValue } from "../cell/parse-cell";
import { isFooterText } from "./columns";
import type { LedgerHeader } from "./header";

export type RowKind = "blank" | "footer" | "data";

/**
 * The kind of a row with `cells`, judged by its own cells in the table's columns (not by values a
 * vertical merge fills in: a 责任单位 merged down over rows left empty would otherwise make each of
 * them a data row with seven `required-missing` errors). A row is data as soon as one of those
 * cells holds something that is not a note, so a data row usually costs its first cell (序号); a
 * blank or footer row costs the cells present in it.
 */
export function rowKind(cells: ReadonlyArray<CellValue> | undefined, table: ReadonlySet<number>): RowKind {
  let kind: RowKind = "blank";
  forEachCellUntil(cells, (c, v) => {
    if (!table.has(c) || isEmptyValue(v)) return false;
    // Signature lines are sometimes spread over several cells (填报人：… 审核人：…).
    if (!isFooterText(v)) {
      kind = "data";
      return true;
    }
    kind = "footer";
    return false;
  });
  return kind;
}

/** A run of blank rows, 0-based and inclusive. */
export interface BlankRun {
  readonly first: number;
  readonly last: number;
}

/** The rows below the header that hold data, and the blank runs among them. */
export interface DataArea {
  /** 0-based rows that hold data, ascending. */
  readonly dataRows: readonly number[];
  /** Runs of blank rows, each followed (after footer rows, if any) by a data row, ascending. */
  readonly blankRuns: readonly BlankRun[];
}

/**
 * Finds the data rows below `header` and the blank runs before them. Visits only the rows present
 * in the grid (SPEC §4: cost follows the cells present): an absent row is blank, so a gap between
 * two rows present is a blank run, however many rows it spans. A footer row ends a run; the runs
 * seen since the last data row count once a data row follows, and are dropped at the end.
 */
export function findDataArea(sheet: SheetGrid, header: LedgerHeader): DataArea {
  const table = new Set(header.tableColumns);
  const dataRows: number[] = [];
  const blankRuns: BlankRun[] = [];
  const pending: BlankRun[] = [];
  let lastFilled = header.end; // the last row, header included, that is data or a footer
  forEachRow(
    sheet,
    (r, cells) => {
      const kind = rowKind(cells, table);
      if (kind === "blank") return;
      if (r > lastFilled + 1) pending.push({ first: lastFilled + 1, last: r - 1 });
      lastFilled = r;
      if (kind === "footer") return;
      // Most data rows follow a data row: nothing pending, and no array to empty (7 ms a 100k sheet).
      if (pending.length > 0) {
        for (const run of pending) blankRuns.push(run);
        pending.length = 0;
      }
      dataRows.push(r);
    },
    header.end + 1,
  );
  return { dataRows, blankRuns };
}

/** The `blank-row` warning of `run`: on the table's first column of its first row, naming its rows. */
export function blankRowIssue(sheet: SheetGrid, header: LedgerHeader, run: BlankRun): IssueOf<"blank-row"> {
  const column = header.tableColumns[0] ?? 0;
  return makeIssue(
    "blank-row",
    { sheet: sheet.name, cell: a1(run.first, column), row: run.first + 1, column: null },
    null,
    { params: { firstRow: run.first + 1, lastRow: run.last + 1 } },
  );
}
