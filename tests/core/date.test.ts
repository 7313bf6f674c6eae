/**
 * Calendar dates (SPEC §3) at their edges — written against the mutants the `date` Stryker run left
 * alive (docs/QUALITY.md): impossible dates, a two-digit year, an ISO string with anything around it,
 * Excel's 1900 serials before and after its fictitious 1900-02-29, the year of a day, today's date.
 */
import { dayNumber, dayToIso, dayYear, isoToDay, localToday, serialToDay } from "../../src/core";

test("a date that does not exist is null, a leap day only in a leap year", () => {
  expect(isoToDay("2022-02-30")).toBeNull();
  expect(isoToDay("2022-04-31")).toBeNull();
  expect(isoToDay("2022-02-29")).toBeNull();
  expect(dayToIso(isoToDay("2024-02-29")!)).toBe("2024-02-29");
  expect(dayToIso(isoToDay("2022-12-31")!)).toBe("2022-12-31");
});

test("a two-digit year is not read as 19xx", () => {
  // Date.UTC maps years 0–99 to 1900–1999: the round trip must refuse it.
  expect(dayNumber(22, 10, 31)).toBeNull();
  expect(dayNumber(2022, 10, 31)).toBe(isoToDay("2022-10-31"));
});

test("an ISO date is the whole string: nothing before or after it", () => {
  expect(isoToDay("2022-10-31")).not.toBeNull();
  expect(isoToDay("2022-10-31x")).toBeNull();
  expect(isoToDay("x2022-10-31")).toBeNull();
  expect(isoToDay("2022-10-31T00:00")).toBeNull();
});

test("Excel 1900 serials: 1 is 1900-01-01, 59 is 02-28, 61 is 03-01 (60 is Excel's fictitious 02-29)", () => {
  const iso = (serial: number) => dayToIso(serialToDay(serial, false));
  expect(iso(1)).toBe("1900-01-01");
  expect(iso(59)).toBe("1900-02-28");
  expect(iso(61)).toBe("1900-03-01");
  expect(iso(44865)).toBe("2022-10-31");
  expect(iso(44865.75)).toBe("2022-10-31"); // the integer part
  expect(dayToIso(serialToDay(0, true))).toBe("1904-01-01");
});

test("the year of a day", () => {
  expect(dayYear(isoToDay("2022-12-31")!)).toBe(2022);
  expect(dayYear(isoToDay("2023-01-01")!)).toBe(2023);
});

test("today where the program runs, as a zero-padded ISO date in local time", () => {
  expect(localToday(new Date(2022, 0, 5, 23, 59))).toBe("2022-01-05");
  expect(localToday(new Date(2022, 10, 30, 0, 1))).toBe("2022-11-30");
});
