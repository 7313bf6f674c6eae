/**
 * The cell parsers' edges (SPEC §3) that the first mutation run of `core/cell` found unpinned: which
 * number formats show dates or percentages, how values are reported and turned into text, the date
 * range's first and last days, numbers that are not numbers, and suggestions for nothing typed.
 */
import {
  type CellValue,
  dayNumber,
  isDateFormat,
  isPercentFormat,
  makeVocabulary,
  parseDate,
  parsePercent,
  parseText,
  rawValue,
  reportedValue,
  suggestValue,
} from "../../src/core";

describe("isDateFormat: a year, month or day token outside quotes, escapes, [sections] and padding", () => {
  it.each([
    ["yyyy/m/d", true],
    ['yyyy"年"m"月"d"日"', true],
    ["d-mmm-yy", true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["[$-411]ge.m.d", true], // the first section's first character is no date token
    ["yyyy/m/d h:mm", true],
    ["m/d", true],
    ["mmm", true],
    ["mm", true], // alone, mm is the month
    // Times alone: m after an hour or before seconds is minutes, AM/PM's M no month.
    ["h:mm", false],
    ["hh:mm:ss", false],
    ["mm:ss", false],
    ["[h]:mm:ss", false],
    ["[h]:mm", false],
    ["[mm]:ss", false],
    ["[hh]:mm", false],
    ["[mm]", false], // elapsed minutes alone: no month
    ["[m]", false],
    ["mm:[ss]", false],
    ['h"时"mm"分"', false], // minutes right after the hour, nothing between them once quotes go
    ['mm"分"ss"秒"', false], // minutes right before the seconds
    ['yyyy"年"m"月"d"日" h"时"mm"分"', true],
    ["h:mm AM/PM", false],
    ["h:mm:ss A/P", false],
    ["0.00", false],
    ['0"天"', false],
    ['0.0" days"', false],
    ["0\\d", false],
    ["[Red]0.00", false],
    ["[Blue]#,##0;[Red]-#,##0", false],
    ["#,##0_);(#,##0)", false],
    ["0_d", false],
    ["0*d", false],
    ["0;yyyy", false],
    ["General", false],
    ["", false],
    [undefined, false],
  ])("%j → %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe("isPercentFormat: a % outside quotes and escapes", () => {
  it.each([
    ["0.0%", true],
    ['0.0"点"%', true],
    ['0" %"', false],
    ['0"%"', false],
    ["0\\%", false],
    ["0.00", false],
    [undefined, false],
  ])("%j → %s", (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });
});

describe("values as issues report them and as text", () => {
  it("rawValue: a date as YYYY-MM-DD, unless JavaScript cannot print it so", () => {
    expect(rawValue(new Date(Date.UTC(2022, 9, 31)))).toBe("2022-10-31");
    const last = new Date(8.64e15); // the last day JavaScript knows: +275760-09-13
    expect(rawValue(last)).toBe(String(last));
    const invalid = new Date(NaN);
    expect(rawValue(invalid)).toBe(String(invalid));
  });

  it("reportedValue turns only numbers shown as dates into YYYY-MM-DD; text stays as typed", () => {
    expect(reportedValue(44865, "yyyy/m/d", false)).toBe("2022-10-31");
    expect(reportedValue(44865, "0", false)).toBe(44865);
    expect(reportedValue("2022/10/31", "yyyy/m/d", false)).toBe("2022/10/31");
    expect(reportedValue(true, "yyyy/m/d", false)).toBe(true);
  });

  it.each<[CellValue, string]>([
    [1001, "1001"],
    // A whole number is written digit for digit, never rounded to its shortest form
    // (String(2 ** 60) is "1152921504606847000"); up to 1e21, never in exponent form.
    [2 ** 60, "1152921504606846976"],
    [-(2 ** 62), "-4611686018427387904"],
    [1e20, "100000000000000000000"],
    [-3, "-3"],
    [0.1, "0.1"],
    [1.5, "1.5"],
    [true, "TRUE"],
    [false, "FALSE"],
    [new Date(Date.UTC(2022, 9, 31)), "2022-10-31"],
    ["  甲 乙  ", "甲 乙"],
  ])("parseText(%j) is %j", (value, text) => {
    expect(parseText(value)).toEqual({ kind: "ok", value: text });
  });
});

describe("dates: 2000-01-01 to 2099-12-31 in every form", () => {
  const day = (v: CellValue) => parseDate(v, false);
  it("accepts the first and the last day", () => {
    for (const v of ["2000-01-01", 20000101, 36526, new Date(Date.UTC(2000, 0, 1))])
      expect(day(v)).toEqual({ kind: "ok", value: dayNumber(2000, 1, 1) });
    for (const v of ["2099-12-31", 20991231, 73050, new Date(Date.UTC(2099, 11, 31))])
      expect(day(v)).toEqual({ kind: "ok", value: dayNumber(2099, 12, 31) });
  });

  it("refuses the days just outside, and numbers that are no serial", () => {
    for (const v of [
      "1999-12-31",
      19991231,
      36525,
      "2100-01-01",
      21000101,
      73051,
      0,
      -1,
      -36526,
      NaN,
      Infinity,
      -Infinity,
    ])
      expect(day(v)).toEqual({ kind: "bad", code: "invalid-date" });
  });
});

describe("percentages that are not numbers", () => {
  it.each([NaN, Infinity, -Infinity])("%s is invalid-number", (value) => {
    expect(parsePercent(value, undefined)).toEqual({ kind: "bad", code: "invalid-number" });
    expect(parsePercent(value, "0%")).toEqual({ kind: "bad", code: "invalid-number" });
  });
});

describe("suggestValue", () => {
  it("suggests nothing for nothing typed, however short the values", () => {
    const short = makeVocabulary(["是", "否"], [["Y", "是"]]);
    expect(suggestValue("", short)).toBeNull();
    expect(suggestValue(" \u3000", short)).toBeNull();
    expect(suggestValue("是了", short)).toBe("是");
  });
});
