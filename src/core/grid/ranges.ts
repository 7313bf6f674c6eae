/** A1 ranges shared by the spreadsheet adapters (Office.js and WPS address the same way). */
import { type CellRange, columnName, parseA1 } from "./grid";

/** `rangeAddress({top:0,left:0,bottom:1,right:2})` → `"A1:C2"` (a single cell stays `"A1"`). */
export function rangeAddress(range: CellRange): string {
  const start = `${columnName(range.left)}${range.top + 1}`;
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${columnName(range.right)}${range.bottom + 1}`;
}

/** Parses `A1` or `A1:C3` (with or without a `Sheet!` prefix and `$`) into a 0-based range. */
export function parseRangeAddress(address: string): CellRange | null {
  // After the last `!`, if any (lastIndexOf's -1 then slices from 0).
  const ref = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = ref.split(":");
  const start = parseA1(a ?? "");
  const end = parseA1(b ?? "");
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/**
 * Groups cells (0-based `[row, column]`) into rectangles: runs of adjacent cells in a row, then
 * runs stacked over the same columns in consecutive rows. Order of the result is row-major.
 */
export function cellsToRanges(cells: Iterable<readonly [number, number]>): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const [row, column] of cells) {
    let list = byRow.get(row);
    if (!list) byRow.set(row, (list = []));
    list.push(column);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const done: CellRange[] = [];
  for (const row of rows) {
    const columns = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of columns) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    for (const block of open.values()) done.push(block);
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  for (const block of open.values()) done.push(block);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
