/**
 * Layout helpers shared by the generated sheets' plans (notice, history, validation report, merged
 * ledger): how wide Chinese text is in Excel's column units, how many lines wrapped text takes, and a
 * small row-by-row builder. Internal to core: the barrels do not export it.
 */
import type { CellRange } from "../grid";
import { dayToSerial, isoToDay } from "../date";
import type { PlanCell, PlanValue } from "./plan";

/** Date format of every date cell the product writes (the cell holds an Excel serial). */
export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.0%";

/**
 * True for characters that CJK fonts draw full width: CJK ideographs and punctuation, full-width
 * forms, and the dashes, quotes and arrows that Chinese fonts draw as wide as an ideograph.
 */
function isWide(code: number): boolean {
  return (
    code >= 0x2e80 ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2190 && code <= 0x21ff) ||
    (code >= 0x2460 && code <= 0x24ff)
  );
}

/**
 * Width of `text` in Excel column units (the width of `0` in the default font): about 2 per Chinese
 * character, 1 per digit or Latin letter. `textWidth("青山区")` → 6.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    width += isWide(code) ? 2 : 1;
    // A surrogate pair is one (wide) character: its high half counted it.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return width;
}

/**
 * Lines `text` takes when wrapped in a cell `width` units wide at `fontSize` points. It errs on the
 * generous side (a CJK glyph is a little over 2 units, and Latin words break at spaces), because a
 * row that is too short cuts text off in print while one line too many only leaves white space.
 */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - 1);
  const scale = (fontSize / 11) * 1.1;
  // No character is wider than 2 units nor takes less than one UTF-16 code unit, so text that
  // would fit even if every character were wide is one line, without measuring it (most cells).
  const oneLine = text.indexOf("\n") < 0;
  if (oneLine && 2 * text.length * scale <= usable) return 1;
  // One line (most cells) is measured without splitting: no array, no substring.
  if (oneLine) return Math.max(1, Math.ceil((textWidth(text) * scale) / usable));
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil((textWidth(line) * scale) / usable));
  return lines;
}

/** Row height in points for `lines` lines at `fontSize` (CJK fonts need about 1.45 em a line). */
export function heightForLines(lines: number, fontSize = 11): number {
  return Math.ceil(lines * fontSize * 1.45 + 5);
}

/** Excel serial of an ISO date, or `null` when the text is not a date (old history rows). */
export function isoToSerial(iso: string): number | null {
  const day = isoToDay(iso);
  return day === null ? null : dayToSerial(day);
}

/**
 * `make` kept for a value that repeats from one call to the next (a list sorted by unit, then
 * deadline, repeats its unit, deadline, status and owner row after row): a repeat costs one
 * comparison and gives the very result made for the first of the run.
 */
export function repeating<T, U>(make: (value: T) => U): (value: T) => U {
  let made = false;
  let last: T | undefined;
  let result: U | undefined;
  return (value) => {
    if (!made || value !== last) {
      made = true;
      last = value;
      result = make(value);
    }
    return result!;
  };
}

/** A cell; a `null` value with a style still draws its border and fill. */
export function cell(value: PlanValue, style?: string): PlanCell {
  return style === undefined ? { value } : { value, style };
}

/** Builds a sheet's rows one at a time, with merges and row heights. */
export class RowBuilder {
  readonly rows: Array<ReadonlyArray<PlanCell | null>> = [];
  readonly merges: CellRange[] = [];
  readonly rowHeights: Record<number, number> = {};

  /** The 0-based index the next row gets. */
  get next(): number {
    return this.rows.length;
  }

  /** Adds a row; returns its 0-based index. */
  add(cells: ReadonlyArray<PlanCell | null> = []): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  merge(row: number, left: number, right: number, bottom = row): void {
    if (right > left || bottom > row) this.merges.push({ top: row, left, bottom, right });
  }

  /** Sets a row's height, keeping the larger one when called twice. */
  height(row: number, points: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, points);
  }

  /**
   * Sets the height of a row whose wrapped cells need more than one line: `cells` lists each
   * cell's text and the width (in units) it has.
   */
  fit(row: number, cells: ReadonlyArray<{ text: string; width: number }>, fontSize = 11): void {
    let lines = 1;
    for (const c of cells) lines = Math.max(lines, wrappedLines(c.text, c.width, fontSize));
    if (lines > 1) this.height(row, heightForLines(lines, fontSize));
  }
}

/** The width in units of columns `left…right` (inclusive). */
export function spanWidth(widths: readonly number[], left: number, right: number): number {
  let total = 0;
  for (let c = left; c <= right; c++) total += widths[c] ?? 0;
  return total;
}
