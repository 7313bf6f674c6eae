/**
 * Generators for the property-based tests: cell values as files and hosts hand them over, number
 * formats, and whole ledger grids. `runs(n)` is the modest count of `npm test`; `npm run fuzz`
 * raises every count through `FUZZ_RUNS`.
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import type { CellError, CellValue } from "../../src/core";

/** The sum of the counts the properties of tests/property ask for in `npm test`. */
const DEFAULT_TOTAL = 2400;

/**
 * The number of cases of a property: `n` in `npm test`; under `npm run fuzz` (`FUZZ_TOTAL`), its
 * share of the total, in proportion to `n`.
 */
export function runs(n: number): number {
  const total = Number(process.env["FUZZ_TOTAL"]);
  return Number.isFinite(total) && total > 0 ? Math.max(1, Math.round((n * total) / DEFAULT_TOTAL)) : n;
}

/**
 * Checks a property on `runs(n)` cases (seed from `FUZZ_SEED` when set, so a failure can be
 * replayed) and, under `npm run fuzz`, records how many ran.
 */
export function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, n: number): void {
  const numRuns = runs(n);
  const seed = Number(process.env["FUZZ_SEED"]);
  fc.assert(property, { numRuns, ...(Number.isFinite(seed) ? { seed } : {}) });
  const report = process.env["FUZZ_REPORT"];
  if (report)
    appendFileSync(report, JSON.stringify({ name: expect.getState().currentTestName, runs: numRuns }) + "\n");
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

/** Date-like text in every accepted form, with years and days in and out of range. */
const dateText = fc
  .tuple(
    fc.integer({ min: -20000, max: 120000 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom("-", "/", ".", "年", "", "－"),
    fc.constantFrom("", " 14:30", "T09:00:00", " 9:00"),
  )
  .map(([y, m, d, sep, time]) =>
    sep === "年"
      ? `${y}年${m}月${d}日${time}`
      : sep === ""
        ? `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}${time}`
        : `${y}${sep}${m}${sep}${d}${time}`,
  );

const interestingText = fc.constantFrom(
  "",
  " ",
  "\u3000",
  "\u00a0",
  "\t\n",
  "已完成",
  "完成",
  "推进中",
  "进行中",
  "未启动",
  "已销号",
  "青山区",
  "高新区",
  "#N/A",
  "#REF!",
  "＃Ｎ／Ａ",
  "50%",
  "０．５",
  "0.5",
  "100",
  "101",
  "-1",
  "1e3",
  "NaN",
  "Infinity",
  '=HYPERLINK("x")',
  "+1+1",
  "@SUM(A1)",
  "注：本表由各单位填写",
  "10月底",
  "２０２２－９－３０",
  "\ud800",
  "𠀀",
);

const cellError: fc.Arbitrary<CellError> = fc
  .constantFrom(
    "#N/A",
    "#REF!",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#BOGUS",
  )
  .map((error) => ({ error }));

const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 110 }),
  fc.integer({ min: 18000000, max: 100000000 }),
  fc.integer({ min: 0, max: 3_000_000 }),
  fc.constantFrom(
    0,
    0.5,
    1,
    1e12,
    -1e12,
    1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
    2958465,
    2958466,
  ),
);

const date = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
  fc.constant(new Date(NaN)),
);

/** Any value a grid cell may hold. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: interestingText },
  { weight: 3, arbitrary: dateText },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: date },
  { weight: 1, arbitrary: cellError },
);

/** Number formats as files carry them (or none). */
export const numberFormat: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    undefined,
    "General",
    "0",
    "0%",
    "0.00%",
    "yyyy/m/d",
    'yyyy"年"m"月"d"日"',
    "@",
    '"%"0',
    "\\%0",
    "[Red]0.00",
    "d-mmm-yy",
    "[h]:mm",
    'm"月"d"日"',
  ),
  fc.string({ maxLength: 10 }),
);
