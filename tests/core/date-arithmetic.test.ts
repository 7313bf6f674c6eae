/**
 * `dayNumber` and `dayToIso` compute years 100–9999 with integer arithmetic (issue #9: 200,000
 * dates per 100k-row ledger). They must give exactly what the Date-based conversions give — the
 * reference here — over whole ranges of days and every (year, month, day) triple, valid or not.
 */
import { dayNumber, dayToIso } from "../../src/core";

const MS_PER_DAY = 86_400_000;
function referenceDayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}
const referenceIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

const YEARS = [
  ...Array.from({ length: 260 }, (_, i) => 1890 + i), // every year a ledger may hold, and around
  -1,
  0,
  4,
  99,
  100,
  101,
  399,
  400,
  401,
  999,
  1000,
  1600,
  1700,
  1800,
  1900,
  2400,
  9998,
  9999,
  10000,
];

test("dayNumber: every month and day (0–32) of those years, as Date.UTC decides", () => {
  const differ: string[] = [];
  for (const year of YEARS)
    for (let month = 0; month <= 13; month++)
      for (let day = 0; day <= 32; day++)
        if (dayNumber(year, month, day) !== referenceDayNumber(year, month, day))
          differ.push(`${year}-${month}-${day}`);
  expect(differ).toEqual([]);
  expect([dayNumber(2022.5, 1, 1), dayNumber(2022, 1, NaN), dayNumber(2022, 2, 29)]).toEqual([
    null,
    null,
    null,
  ]);
  expect(dayNumber(2024, 2, 29)).toBe(referenceDayNumber(2024, 2, 29));
});

test("dayToIso: every day from 1800 to 2300, the range's edges, and what falls outside it", () => {
  const differ: number[] = [];
  const from = referenceDayNumber(1800, 1, 1)!;
  const to = referenceDayNumber(2300, 12, 31)!;
  for (let day = from; day <= to; day++) if (dayToIso(day) !== referenceIso(day)) differ.push(day);
  for (const year of [100, 101, 999, 1000, 9999])
    for (const [m, d] of [
      [1, 1],
      [2, 28],
      [3, 1],
      [12, 31],
    ] as const) {
      const day = referenceDayNumber(year, m, d)!;
      for (const near of [day - 1, day, day + 1])
        if (dayToIso(near) !== referenceIso(near)) differ.push(near);
    }
  for (const day of [-800_000, -1, 0, 3_000_000, 0.5, -0.5])
    if (dayToIso(day) !== referenceIso(day)) differ.push(day);
  expect(differ).toEqual([]);
});
