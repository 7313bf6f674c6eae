/**
 * Copying users' cells into a sheet plan without changing them (SPEC §3: text is never normalised in
 * what the product writes). Only the representation changes where it must: a date value becomes an
 * Excel serial with a date format, a serial of a 1904-system workbook becomes the same day's serial
 * in the 1900 system that every written workbook uses, a formula error becomes its text (`#N/A`,
 * which validation still reports as `formula-error`).
 */
import { type SheetGrid, cellFormat } from "../grid";
import { isDateFormat } from "../cell";
import { dateToDay, dayToSerial } from "../date";
import type { CellStyle, PlanCell, PlanValue, SheetPlan } from "../plan";
import type { RawCell } from "./ledger-table";

/** Days between the 1904 and the 1900 date systems' serial 0 (1904-01-01 is serial 1462 in 1900). */
export const DATE1904_OFFSET = 1462;
/** The format a date value gets when its cell had none. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** How a value is to be read: a date column's plain numbers are serials too (SPEC §3). */
export interface CopyContext {
  readonly date1904: boolean;
  readonly dateColumn: boolean;
}

/** The value and number format to write for a raw cell. */
export function copyValue(cell: RawCell, context: CopyContext): { value: PlanValue; numFmt?: string } {
  const { value, format } = cell;
  const numFmt = format === undefined || format === "General" ? undefined : format;
  const withFormat = (v: PlanValue, f: string | undefined) =>
    f === undefined ? { value: v } : { value: v, numFmt: f };
  if (value === null || typeof value === "string" || typeof value === "boolean")
    return withFormat(value, numFmt);
  if (typeof value === "number") {
    const isSerial =
      isDateFormat(numFmt) ||
      (context.dateColumn &&
        value > 0 &&
        !(Number.isInteger(value) && value >= 19000101 && value <= 99991231));
    return withFormat(context.date1904 && isSerial ? value + DATE1904_OFFSET : value, numFmt);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null };
    return { value: dayToSerial(dateToDay(value)), numFmt: isDateFormat(numFmt) ? numFmt! : DATE_FORMAT };
  }
  // A formula error: its text (`#N/A`), the one kind of value left.
  return withFormat(value.error, numFmt);
}

/** Style ids for copied cells: one base style, one id per number format met. */
export class CopyStyles {
  readonly styles: Record<string, CellStyle> = {};
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly base: CellStyle,
    private readonly prefix = "c",
  ) {
    this.styles[prefix] = base;
  }

  /** The style id for a cell with this number format (`undefined` = General). */
  id(numFmt: string | undefined): string {
    if (numFmt === undefined) return this.prefix;
    let id = this.ids.get(numFmt);
    if (id === undefined) {
      id = `${this.prefix}${this.ids.size + 1}`;
      this.ids.set(numFmt, id);
      this.styles[id] = { ...this.base, numFmt };
    }
    return id;
  }

  cell(raw: RawCell, context: CopyContext): PlanCell {
    const { value, numFmt } = copyValue(raw, context);
    return { value, style: this.id(numFmt) };
  }
}

/**
 * A user sheet (单位名册, 设置) copied as it is: values, number formats, merges. Used to carry the
 * roster and the settings into the workbooks `split` and `merge` write.
 */
export function copySheetPlan(sheet: SheetGrid, date1904: boolean): SheetPlan {
  const styles = new CopyStyles({});
  let width = 0;
  const rows = sheet.values.map((cells, r) => {
    if (!cells) return [];
    width = Math.max(width, cells.length);
    return cells.map((value, c) =>
      value === null
        ? null
        : styles.cell({ value, format: cellFormat(sheet, r, c) }, { date1904, dateColumn: false }),
    );
  });
  // Widths from the longest text of each column (Excel's unit: one Latin character, CJK counts two).
  const widths = Array.from({ length: width }, (_, c) => {
    let w = 8;
    for (const cells of sheet.values) {
      const v = cells?.[c];
      if (typeof v === "string") w = Math.max(w, Math.min(60, textUnits(v) + 2));
    }
    return w;
  });
  return {
    name: sheet.name,
    kind: "other",
    rows,
    styles: styles.styles,
    merges: sheet.merges,
    columnWidths: widths,
  };
}

/** Display width of text in Excel's character units (CJK characters count two). */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1;
  return n;
}
