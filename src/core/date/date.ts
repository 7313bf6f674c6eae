/**
 * Calendar dates without time zones. Internally a date is a day number (days since 1970-01-01);
 * at the edges it is an ISO string `YYYY-MM-DD`.
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

/*
 * Years 100–9999 are converted with integer arithmetic (the proleptic Gregorian calendar, as
 * JavaScript's Date has it: H. Hinnant's days_from_civil / civil_from_days), which is what a
 * 100,000-row ledger's 200,000 dates and 40,000 listed tasks need; other years go through Date as
 * before (years 0–99 are not real dates to `Date.UTC`, which reads them as 1900–1999).
 */
const DAYS_BEFORE_1970 = 719468;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Day number of a calendar date, or `null` when it is not a real date (e.g. 2022-02-30). */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  // Days past the month's length are refused below: by its length (years 100–9999), else by the round trip.
  if (month < 1 || month > 12 || day < 1) return null;
  if (year >= 100 && year <= 9999) {
    if (day > 28) {
      const length =
        month === 2
          ? isLeapYear(year)
            ? 29
            : 28
          : month === 4 || month === 6 || month === 9 || month === 11
            ? 30
            : 31;
      if (day > length) return null;
    }
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - DAYS_BEFORE_1970;
  }
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Day numbers of 0100-01-01 and 9999-12-31: the range `dayToIso` computes without `Date`. */
const FAST_FIRST = Math.round(Date.UTC(100, 0, 1) / MS_PER_DAY);
const FAST_LAST = Math.round(Date.UTC(9999, 11, 31) / MS_PER_DAY);
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

export function dayToIso(day: number): IsoDate {
  if (!(Number.isInteger(day) && day >= FAST_FIRST && day <= FAST_LAST))
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const z = day + DAYS_BEFORE_1970;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${TWO_DIGITS[month]!}-${TWO_DIGITS[date]!}`;
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
