/**
 * Manual page breaks for a printed sheet (SPEC §7 "no heading left alone at the foot of a page"):
 * rows that must stay on one page (a heading with what follows it, a short table) are moved to the
 * next page whole when they would not fit. Heights are estimated on the safe side (as the sheet
 * prints one page wide, at the scale that fits the columns), so the real page holds at least as much
 * as the estimate and no automatic break falls inside a run.
 */
import type { PrintSetup } from "../plan";

/** Rows `first…last` (0-based, inclusive) that must print on one page. */
export interface PageRun {
  readonly first: number;
  readonly last: number;
}

/** A4 in points. */
const A4 = { width: 595, height: 842 };
/** Share of the printable height the estimate may fill (row heights round up in real renderers). */
const SAFETY = 0.9;
const DEFAULT_ROW = 16;

/** Column width in Excel units → points (7 px per unit + 5 px padding, 0.75 pt per px). */
function columnPoints(units: number): number {
  return (units * 7 + 5) * 0.75;
}

/** The printable height in sheet points for a sheet printed one page wide. */
export function pageHeight(print: PrintSetup, widths: readonly number[], repeatedHeight = 0): number {
  const portrait = print.orientation === "portrait";
  const paperW = portrait ? A4.width : A4.height;
  const paperH = portrait ? A4.height : A4.width;
  const m = print.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
  const content = widths.reduce((s, w) => s + columnPoints(w), 0);
  const scale = print.fitToWidth ? Math.min(1, (paperW - (m.left + m.right) * 72) / content) : 1;
  return ((paperH - (m.top + m.bottom) * 72) / scale) * SAFETY - repeatedHeight;
}

/**
 * The rows a new page must start at (manual breaks), given the rows' heights and the runs to keep
 * together. A run taller than a page is left to break where it must. `heights` gives a row's height
 * in points, `undefined` (or no entry) for the default: a record by row, or a function for a sheet
 * whose streamed body keeps its heights apart.
 *
 * @example paginate({ 0: 300, 1: 300, 2: 300 }, 3, [{ first: 1, last: 2 }], setup) // [1] when 900 > a page
 */
export function paginate(
  heights: Readonly<Record<number, number>> | ((row: number) => number | undefined),
  rowCount: number,
  runs: readonly PageRun[],
  layout: {
    readonly print: PrintSetup;
    readonly widths: readonly number[];
    readonly repeatedHeight?: number;
  },
): number[] {
  const page = pageHeight(layout.print, layout.widths, layout.repeatedHeight ?? 0);
  const h =
    typeof heights === "function"
      ? (r: number) => heights(r) ?? DEFAULT_ROW
      : (r: number) => heights[r] ?? DEFAULT_ROW;
  // Overlapping runs are one: a heading kept with a table's first rows keeps the whole short table.
  const runEnd = new Map<number, number>();
  let open: { first: number; last: number } | null = null;
  for (const run of [...runs].sort((a, b) => a.first - b.first)) {
    const last = Math.min(run.last, rowCount - 1);
    if (open !== null && run.first <= open.last) open.last = Math.max(open.last, last);
    else {
      if (open !== null) runEnd.set(open.first, open.last);
      open = { first: run.first, last };
    }
  }
  if (open !== null) runEnd.set(open.first, open.last);
  const breaks: number[] = [];
  let used = 0;
  for (let r = 0; r < rowCount; r++) {
    const end = runEnd.get(r);
    if (end !== undefined && used > 0) {
      let runHeight = 0;
      for (let k = r; k <= end; k++) runHeight += h(k);
      if (used + runHeight > page && runHeight <= page) {
        breaks.push(r);
        used = 0;
      }
    }
    if (used > 0 && used + h(r) > page) {
      breaks.push(r);
      used = 0;
    }
    used += h(r);
  }
  return breaks;
}
