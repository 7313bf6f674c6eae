/**
 * The cell parsers of SPEC §3. Each turns a raw grid value into a typed value, an issue code, or
 * "empty". They never throw and never look at other cells.
 */
// Hot code imports from the modules, not their barrels: a compiled barrel's exports are getters,
// called on every use (issue #9).
import { type CellValue, isCellError } from "../grid/grid";
import type { IssueDetail } from "../issue/issue";
import { dateToDay, dayNumber, dayToIso, serialToDay } from "../date";
import { editDistance, enumKey, nfkcTrim } from "../text/text";

export type CellParse<T> =
  | { readonly kind: "empty" }
  | { readonly kind: "ok"; readonly value: T; readonly warning?: IssueDetail }
  | ({ readonly kind: "bad"; readonly suggestion?: string | null } & IssueDetail);

const EMPTY = { kind: "empty" } as const;

const ERROR_STRINGS = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);

/** True when the cell holds a formula error, as an error value or as its text (`"#N/A"`). */
export function isFormulaError(value: CellValue): boolean {
  if (isCellError(value)) return true;
  return (
    typeof value === "string" && mayBeErrorText(value) && ERROR_STRINGS.has(nfkcTrim(value).toUpperCase())
  );
}

/**
 * The cheap test before NFKC: every error text starts with `#`, and the only characters NFKC turns
 * into a leading `#` are `#`, `﹟` (U+FE5F) and `＃` (U+FF03) — checked over all of Unicode, as is
 * that NFKC turns no character `trim` keeps into white space. So a string whose first character
 * after white space is none of them is no error text, and most cells skip normalising altogether.
 */
function mayBeErrorText(text: string): boolean {
  const c = text.trimStart().charCodeAt(0);
  return c === 0x23 || c === 0xfe5f || c === 0xff03;
}

/**
 * Empty: no value, or a string of white space only. (JavaScript's `trim` removes every character
 * that NFKC maps to white space — U+00A0, U+2000–U+200A, U+3000, … — checked over all of Unicode,
 * so no normalising is needed to decide emptiness.)
 */
export function isEmptyValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * What a number format shows, decided once per format text: a workbook has a handful of formats
 * and a ledger asks for one per cell. Bounded, so odd input costs no more than the test itself.
 */
const dateFormats = new Map<string, boolean>();
const percentFormats = new Map<string, boolean>();
const FORMAT_MEMO_LIMIT = 1024;

function memoFormat(memo: Map<string, boolean>, numFmt: string, test: (numFmt: string) => boolean): boolean {
  let known = memo.get(numFmt);
  if (known === undefined) {
    known = test(numFmt);
    if (memo.size < FORMAT_MEMO_LIMIT) memo.set(numFmt, known);
  }
  return known;
}

/** The days that SPEC §3 accepts as dates: 2000-01-01 to 2099-12-31. */
const FIRST_DAY = dayNumber(2000, 1, 1)!;
const LAST_DAY = dayNumber(2099, 12, 31)!;

/** The raw value as issues report it: dates as `YYYY-MM-DD`, errors as their text. */
export function rawValue(value: CellValue): string | number | boolean | null {
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  ) {
    return value;
  }
  if (value instanceof Date) {
    // A date outside what JavaScript can print (or no date at all) is reported as text, never thrown.
    const day = dateToDay(value);
    return Number.isFinite(day) && Math.abs(day) < 1e8 ? dayToIso(day) : String(value);
  }
  return value.error;
}

/**
 * True when a number format shows a calendar date (`yyyy/m/d`, `yyyy"年"m"月"d"日"`, `d-mmm-yy`):
 * it has a year, month or day token outside quotes, escapes and `[…]` sections. Times alone are not dates.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return memoFormat(dateFormats, numFmt, dateFormatTest);
}

function dateFormatTest(numFmt: string): boolean {
  const section = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    // Elapsed time (`[h]:mm`, `[mm]:ss`) is time: elapsed minutes, which alone would read as a month,
    // become an hour; elapsed hours and seconds keep their letters. Other [sections] (colours, locales) go.
    .replace(/\[m+\]/gi, "h")
    .replace(/\[(h+|s+)\]/gi, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "")
    .split(";")[0]!;
  // `m` after an hour or before seconds is minutes (`h:mm`, `mm:ss`), as Excel reads it, and the
  // M of AM/PM is no month: a format of times alone is no date.
  const tokens = section
    .replace(/am\/pm|a\/p/gi, "")
    .replace(/(h+[^a-z]*)m+/gi, "$1")
    .replace(/m+(?=[^a-z]*s)/gi, "");
  return /[ymd]/i.test(tokens);
}

/**
 * The value an issue reports for a cell: `rawValue`, except that a number shown as a date (an Excel
 * date cell as Office.js and most files hand it over) is reported as `YYYY-MM-DD`, like a date cell
 * stored as a date. The user sees 2022/11/15 in the cell, not 44880.
 */
export function reportedValue(
  value: CellValue,
  numFmt: string | undefined,
  date1904: boolean,
): string | number | boolean | null {
  if (typeof value === "number" && isDateFormat(numFmt)) {
    const parsed = parseDate(value, date1904);
    if (parsed.kind === "ok") return dayToIso(parsed.value);
  }
  return rawValue(value);
}

/** Text columns: trimmed; a number becomes its decimal string (`1001` → `"1001"`). */
export function parseText(value: CellValue): CellParse<string> {
  if (isEmptyValue(value)) return EMPTY;
  if (isFormulaError(value)) return { kind: "bad", code: "formula-error" };
  // Kept as typed (SPEC §3): full-width punctuation, digits, inner spaces and line breaks stay.
  if (typeof value === "string") return { kind: "ok", value: value.trim() };
  if (typeof value === "number") return { kind: "ok", value: numberToText(value) };
  if (typeof value === "boolean") return { kind: "ok", value: value ? "TRUE" : "FALSE" };
  return { kind: "ok", value: rawValue(value) as string };
}

function numberToText(n: number): string {
  // Shortest round-trip form, without exponent for ordinary sizes (1001 → "1001", 0.1 → "0.1").
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

const DATE_TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?`;
const DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)${DATE_TIME})?$`),
  new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*${DATE_TIME})?$`),
  new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(?:(?:\s+|T)${DATE_TIME})?$`),
];

/** Day number from a string in one of the accepted forms, or `null`. */
function parseDateString(text: string): number | null {
  const s = nfkcTrim(text);
  for (const [i, re] of DATE_PATTERNS.entries()) {
    const m = re.exec(s);
    if (!m) continue;
    // The first pattern captures the separator as group 2.
    const [y, mo, d] = i === 0 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return dayNumber(Number(y), Number(mo), Number(d));
  }
  return null;
}

/**
 * Dates (完成时限, 完成时间): a date value; a number (`YYYYMMDD` or an Excel serial); or a string
 * `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, `YYYYMMDD`, optionally with a time. The year
 * must be 2000–2099. Returns a day number (see `../date`).
 */
export function parseDate(value: CellValue, date1904: boolean): CellParse<number> {
  if (isEmptyValue(value)) return EMPTY;
  if (isFormulaError(value)) return { kind: "bad", code: "formula-error" };
  let day: number | null = null;
  if (value instanceof Date) {
    day = Number.isNaN(value.getTime()) ? null : dateToDay(value);
  } else if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
      day = dayNumber(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    } else {
      // An Excel serial; one ≤ 0, NaN or infinite lands outside 2000–2099 and is refused below.
      day = serialToDay(value, date1904);
    }
  } else if (typeof value === "string") {
    day = parseDateString(value);
  }
  // Compared as day numbers, so that a serial of 1e12 or a Date beyond JavaScript's range (whose
  // year would be NaN) is invalid too, in every form (SPEC §3: years 2000–2099).
  if (day === null || !(day >= FIRST_DAY && day <= LAST_DAY)) return { kind: "bad", code: "invalid-date" };
  return { kind: "ok", value: day };
}

/** True when a number format scales by 100 (a `%` outside quotes and escapes). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return memoFormat(percentFormats, numFmt, percentFormatTest);
}

function percentFormatTest(numFmt: string): boolean {
  return numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .includes("%");
}

const NUMBER_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%)?$/;

/** Removes binary floating-point noise from scaled values (0.07 × 100 → 7, not 7.000000000000001). */
function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/**
 * Percent (完成进度), in percentage points 0–100. A number formatted with `%` is × 100; otherwise
 * it is points, except a non-integer strictly between 0 and 1, which is × 100 with warning
 * `ambiguous-percent`. Strings: a decimal number, optionally followed by `%`.
 */
export function parsePercent(value: CellValue, numFmt: string | undefined): CellParse<number> {
  if (isEmptyValue(value)) return EMPTY;
  if (isFormulaError(value)) return { kind: "bad", code: "formula-error" };
  let points: number;
  let hasPercent: boolean;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "bad", code: "invalid-number" };
    hasPercent = isPercentFormat(numFmt);
    points = hasPercent ? tidy(value * 100) : value;
  } else if (typeof value === "string") {
    const m = NUMBER_TEXT.exec(nfkcTrim(value));
    if (!m) return { kind: "bad", code: "invalid-number" };
    points = Number(m[1]);
    hasPercent = m[2] !== undefined;
  } else {
    return { kind: "bad", code: "invalid-number" };
  }
  if (!hasPercent && !Number.isInteger(points) && points > 0 && points < 1) {
    const scaled = tidy(points * 100);
    return {
      kind: "ok",
      value: scaled,
      warning: { code: "ambiguous-percent", params: { resolved: scaled } },
    };
  }
  if (points < 0 || points > 100) return { kind: "bad", code: "out-of-range", params: { min: 0, max: 100 } };
  return { kind: "ok", value: points };
}

/**
 * The vocabulary of one enum column: canonical values and synonyms (aliases for units). Built once
 * per run with `makeVocabulary`.
 */
export interface Vocabulary {
  readonly canonical: readonly string[];
  /** enumKey(canonical or synonym) → canonical. */
  readonly lookup: ReadonlyMap<string, string>;
  /** enumKey of the canonical values, for telling canonical from synonym. */
  readonly canonicalKeys: ReadonlySet<string>;
  /** Suggest the only canonical value containing the typed text (used for units). */
  readonly suggestByContainment: boolean;
}

export function makeVocabulary(
  canonical: readonly string[],
  synonyms: ReadonlyArray<readonly [synonym: string, canonical: string]> = [],
  options: { suggestByContainment?: boolean } = {},
): Vocabulary {
  const lookup = new Map<string, string>();
  for (const [synonym, target] of synonyms) lookup.set(enumKey(synonym), target);
  // Canonical values win over a synonym that happens to normalise to the same key.
  for (const value of canonical) lookup.set(enumKey(value), value);
  return {
    canonical,
    lookup,
    canonicalKeys: new Set(canonical.map(enumKey)),
    suggestByContainment: options.suggestByContainment ?? false,
  };
}

/**
 * The canonical value at the smallest edit distance (≤ 2) from the typed text, measured against
 * canonical values and their synonyms; else, for units, the only canonical value containing it.
 * Equally near values are decided by list order (categories as listed, units in roster order), so
 * the suggestion never depends on how synonyms were registered: `城市党建` is 2 from both
 * `城市基层党建` and `两新党建` and gets the former.
 */
export function suggestValue(typed: string, vocabulary: Vocabulary): string | null {
  const key = enumKey(typed);
  if (key === "") return null;
  const distance = new Map<string, number>();
  for (const [candidateKey, canonical] of vocabulary.lookup) {
    // The distance is at least the difference in length: a long cell (up to 32,767 characters) is
    // never compared letter by letter with every candidate.
    if (Math.abs(key.length - candidateKey.length) > 4) continue;
    const d = editDistance(key, candidateKey);
    if (d < (distance.get(canonical) ?? Infinity)) distance.set(canonical, d);
  }
  let best: string | null = null;
  let bestDistance = 3;
  for (const canonical of vocabulary.canonical) {
    const d = distance.get(canonical) ?? Infinity;
    if (d < bestDistance) {
      bestDistance = d;
      best = canonical;
    }
  }
  if (best !== null) return best;
  if (vocabulary.suggestByContainment) {
    const containing = vocabulary.canonical.filter((c) => enumKey(c).includes(key));
    if (containing.length === 1) return containing[0]!;
  }
  return null;
}

/**
 * Enum columns (状态, 类别, 单位): compared after NFKC with white space removed. A canonical value
 * passes; a synonym maps to its canonical value with warning `nonstandard-value`; anything else is
 * `badCode` with a suggestion.
 */
export function parseEnum(
  value: CellValue,
  vocabulary: Vocabulary,
  badCode: "invalid-enum" | "unknown-unit",
): CellParse<string> {
  if (typeof value !== "string") return parseEnumValue(value, vocabulary, badCode);
  let caches = enumCaches.get(vocabulary);
  if (caches === undefined) enumCaches.set(vocabulary, (caches = new Map()));
  let cache = caches.get(badCode);
  if (cache === undefined) caches.set(badCode, (cache = new Map()));
  let result = cache.get(value);
  if (result === undefined) {
    result = deepFreeze(parseEnumValue(value, vocabulary, badCode));
    if (cache.size < ENUM_CACHE_LIMIT) cache.set(value, result);
  }
  return result;
}

/**
 * The answers of `parseEnum` by the text as typed, per vocabulary and code. A ledger repeats its
 * few units, statuses and categories on every row, so most cells are answered without
 * normalising, and a misspelt value is measured against the vocabulary (edit distance) once, not
 * once per row. Bounded, so a column of all-different text costs no more memory than its cells.
 * The answers are frozen: one object is handed to many rows.
 */
const enumCaches = new WeakMap<Vocabulary, Map<string, Map<string, CellParse<string>>>>();
const ENUM_CACHE_LIMIT = 4096;

function deepFreeze<T extends object>(result: T): T {
  for (const v of Object.values(result)) if (typeof v === "object" && v !== null) deepFreeze(v);
  return Object.freeze(result);
}

function parseEnumValue(
  value: CellValue,
  vocabulary: Vocabulary,
  badCode: "invalid-enum" | "unknown-unit",
): CellParse<string> {
  const text = parseText(value);
  if (text.kind !== "ok") return text;
  const key = enumKey(text.value);
  const canonical = vocabulary.lookup.get(key);
  if (canonical === undefined) {
    return { kind: "bad", code: badCode, suggestion: suggestValue(text.value, vocabulary) };
  }
  if (vocabulary.canonicalKeys.has(key)) return { kind: "ok", value: canonical };
  return {
    kind: "ok",
    value: canonical,
    warning: { code: "nonstandard-value", params: { resolved: canonical } },
  };
}
