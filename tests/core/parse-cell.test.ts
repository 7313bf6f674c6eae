import {
  dayToIso,
  parseDate,
  parseEnum,
  parsePercent,
  parseText,
  makeVocabulary,
  STATUS_VOCABULARY,
} from "../../src/core";
import type { CellValue } from "../../src/core";

const iso = (v: CellValue, date1904 = false) => {
  const r = parseDate(v, date1904);
  return r.kind === "ok" ? dayToIso(r.value) : r.kind === "bad" ? r.code : "empty";
};

describe("parseDate (SPEC §3)", () => {
  const cases: Array<[string, CellValue, string, boolean?]> = [
    ["ISO with dashes", "2022-10-31", "2022-10-31"],
    ["single-digit month/day", "2022-9-3", "2022-09-03"],
    ["slashes", "2022/9/30", "2022-09-30"],
    ["dots", "2022.9.30", "2022-09-30"],
    ["Chinese", "2022年9月30日", "2022-09-30"],
    ["YYYYMMDD string", "20220930", "2022-09-30"],
    ["full-width digits", "２０２２－９－３０", "2022-09-30"],
    ["full-width Chinese", "２０２２年９月３０日", "2022-09-30"],
    ["with time", "2022-09-30 14:30", "2022-09-30"],
    ["with seconds and T", "2022-09-30T14:30:15", "2022-09-30"],
    ["Chinese with time", "2022年9月30日 9:00", "2022-09-30"],
    ["surrounding spaces", "  2022/10/1  ", "2022-10-01"],
    ["serial 1900 system", 44834, "2022-09-30"],
    ["serial with time fraction", 44834.75, "2022-09-30"],
    ["serial 1904 system", 43372, "2022-09-30", true],
    ["YYYYMMDD number", 20220930, "2022-09-30"],
    ["Date object", new Date(Date.UTC(2022, 8, 30)), "2022-09-30"],
    ["empty", null, "empty"],
    ["white space", "  ", "empty"],
    ["month-end words", "10月底", "invalid-date"],
    ["no year", "9月30日", "invalid-date"],
    ["Feb 30", "2022-02-30", "invalid-date"],
    ["month 13", "2022/13/1", "invalid-date"],
    ["mixed separators", "2022-9/30", "invalid-date"],
    ["year 1999", "1999-12-31", "invalid-date"],
    ["year 2100", "2100-01-01", "invalid-date"],
    ["YYYYMMDD not a date", 20221332, "invalid-date"],
    ["small serial is 1900", 5, "invalid-date"],
    ["zero", 0, "invalid-date"],
    ["negative", -3, "invalid-date"],
    ["boolean", true, "invalid-date"],
    ["formula error", { error: "#N/A" }, "formula-error"],
    ["formula error text", "#REF!", "formula-error"],
  ];
  // Rest parameters: Jest treats a callback with more parameters than the row has as `done`-style.
  it.each(cases)("%s", (...[, value, expected, date1904]) => {
    expect(iso(value, date1904 ?? false)).toBe(expected);
  });
});

describe("parsePercent (SPEC §3)", () => {
  const cases: Array<[string, CellValue, string | undefined, number | string, string?]> = [
    ["% format", 0.8, "0%", 80],
    ["% format with decimals", 0.075, "0.0%", 7.5],
    ["% format 1", 1, "0%", 100],
    ["plain points", 80, undefined, 80],
    ["plain 1 is one point", 1, undefined, 1],
    ["plain 0", 0, undefined, 0],
    ["fraction without % is ambiguous", 0.8, undefined, 80, "ambiguous-percent"],
    ["string with %", "80%", undefined, 80],
    ["string with full-width %", "８０％", undefined, 80],
    ["string points", "80", undefined, 80],
    ["string decimal %", "0.5%", undefined, 0.5],
    ["string fraction is ambiguous", "0.8", undefined, 80, "ambiguous-percent"],
    ["quoted % does not scale", 80, '0"%"', 80],
    ["over 100", 120, undefined, "out-of-range"],
    ["negative", "-5", undefined, "out-of-range"],
    // The 0–1 rule is for fractions strictly between 0 and 1: a negative one is out of range, not ×100.
    ["negative fraction", -0.5, undefined, "out-of-range"],
    ["negative fraction as text", "-0.5", undefined, "out-of-range"],
    ["% format over 100", 1.2, "0%", "out-of-range"],
    ["words", "大部分", undefined, "invalid-number"],
    ["boolean", false, undefined, "invalid-number"],
    ["error", { error: "#DIV/0!" }, undefined, "formula-error"],
    ["empty", "", undefined, "empty"],
  ];
  it.each(cases)("%s", (...[, value, fmt, expected, warning]) => {
    const r = parsePercent(value, fmt);
    if (typeof expected === "number") {
      expect(r).toMatchObject({ kind: "ok", value: expected });
      expect(r.kind === "ok" ? r.warning?.code : undefined).toBe(warning);
    } else if (expected === "empty") {
      expect(r.kind).toBe("empty");
    } else {
      expect(r).toMatchObject({ kind: "bad", code: expected });
    }
  });
});

describe("parseEnum (SPEC §3)", () => {
  it.each([
    ["已完成", "已完成", undefined],
    [" 已 完成 ", "已完成", undefined],
    ["完成", "已完成", "nonstandard-value"],
    ["已办结", "已完成", "nonstandard-value"],
    ["进行中", "推进中", "nonstandard-value"],
    ["未开始", "未启动", "nonstandard-value"],
    ["销号", "已销号", "nonstandard-value"],
  ])("status %s → %s", (typed, canonical, warning) => {
    const r = parseEnum(typed, STATUS_VOCABULARY, "invalid-enum");
    expect(r).toMatchObject({ kind: "ok", value: canonical });
    expect(r.kind === "ok" ? r.warning?.code : undefined).toBe(warning);
  });

  it("suggests the closest canonical value", () => {
    expect(parseEnum("已完", STATUS_VOCABULARY, "invalid-enum")).toEqual({
      kind: "bad",
      code: "invalid-enum",
      suggestion: "已完成",
    });
    expect(parseEnum("完全不知道是什么", STATUS_VOCABULARY, "invalid-enum")).toEqual({
      kind: "bad",
      code: "invalid-enum",
      suggestion: null,
    });
  });

  it("matches units by alias and suggests by containment", () => {
    const units = makeVocabulary(["青山经济技术开发区", "江南区"], [["青山开发区", "青山经济技术开发区"]], {
      suggestByContainment: true,
    });
    expect(parseEnum("青山开发区", units, "unknown-unit")).toMatchObject({
      kind: "ok",
      value: "青山经济技术开发区",
      warning: { code: "nonstandard-value" },
    });
    expect(parseEnum("经济技术", units, "unknown-unit")).toEqual({
      kind: "bad",
      code: "unknown-unit",
      suggestion: "青山经济技术开发区",
    });
    expect(parseEnum("江南", units, "unknown-unit")).toEqual({
      kind: "bad",
      code: "unknown-unit",
      suggestion: "江南区",
    });
  });
});

describe("parseText", () => {
  it("turns numbers into their decimal string and trims", () => {
    expect(parseText(1001)).toEqual({ kind: "ok", value: "1001" });
    expect(parseText("  RW-01 ")).toEqual({ kind: "ok", value: "RW-01" });
    expect(parseText("ＲＷ－０１")).toEqual({ kind: "ok", value: "ＲＷ－０１" });
    expect(parseText(" 任务（一）：１项， a  b\nc ")).toEqual({
      kind: "ok",
      value: "任务（一）：１项， a  b\nc",
    });
    expect(parseText(" ").kind).toBe("empty");
  });
});
