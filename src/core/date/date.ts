/**
 * Calendar dates without time zones. Internally a date is a day number (days since 1970-01-01);
 * at the edges it is an ISO string `YYYY-MM-DD`.
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date, or `null` when it is not a real date (e.g. 2022-02-30). */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function dayToIso(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoToDay(iso: IsoDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function dayYear(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** `2022年10月31日` */
export function formatChineseDate(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** Day number of 1899-12-30, the epoch of Excel's 1900 date system for serials ≥ 61. */
const EXCEL_1900_EPOCH = dayNumber(1899, 12, 30)!;
const EXCEL_1904_EPOCH = dayNumber(1904, 1, 1)!;

/**
 * Day number of an Excel serial (integer part). In the 1900 system 1 = 1900-01-01 and serials ≥ 61
 * are 1899-12-30 + n (Excel's fictitious 1900-02-29 is serial 60); in the 1904 system 0 = 1904-01-01.
 */
export function serialToDay(serial: number, date1904: boolean): number {
  const n = Math.floor(serial);
  if (date1904) return EXCEL_1904_EPOCH + n;
  return n >= 61 ? EXCEL_1900_EPOCH + n : EXCEL_1900_EPOCH + 1 + n;
}

/** The Excel serial (1900 system) of a day number, for writing dates into workbooks. */
export function dayToSerial(day: number): number {
  return day - EXCEL_1900_EPOCH;
}

/** Day number of a JavaScript Date's UTC calendar date. */
export function dateToDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** Today's calendar date where the program runs (local time), as ISO. */
export function localToday(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
