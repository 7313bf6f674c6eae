/**
 * How the header and score cells of scoring sheets read (SPEC §8): the maximum a header states,
 * which headers are the 单位 and 合计 columns, numbers typed as text, 加分/扣分 cells and the
 * 6-decimal rounding. Table-driven, through the engine's public surface.
 */
import {
  headerMaximum,
  isTotalHeader,
  isUnitHeader,
  numberIn,
  parsePoints,
  parseScore,
  round6,
} from "../../src/core";

describe("the maximum a header states", () => {
  const cases: Array<[string, number | null]> = [
    ["组织建设（20分）", 20],
    ["书记述职评议(30分)", 30],
    ["作风（满分10分）", 10],
    ["基础保障10分", 10],
    // A sub-indicator cell that holds only its maximum.
    ["10分", 10],
    // Decimals, in brackets and trailing, with one or two places.
    ["作风（2.5分）", 2.5],
    ["作风（12.25分）", 12.25],
    ["作风2.5分", 2.5],
    ["作风12.25分", 12.25],
    // A bracketed maximum counts only at the header's end, and the last one wins.
    ["组织建设（20分）（10分）", 10],
    ["组织建设（20分）说明", null],
    // 分 inside a name is no maximum (5 分钟 is five minutes).
    ["5分钟响应率", null],
    ["组织建设", null],
    // A maximum of 0 is none: the column is no indicator.
    ["指标（0分）", null],
    ["指标0分", null],
  ];
  test.each(cases)("%s → %p", (header, max) => {
    expect(headerMaximum(header)).toBe(max);
  });

  test("a cell that is not text states none", () => {
    expect(headerMaximum(10)).toBeNull();
    expect(headerMaximum(null)).toBeNull();
  });
});

describe("the 单位 and 合计 headers", () => {
  const units: Array<[string, boolean]> = [
    ["单位", true],
    ["单位名称", true],
    ["被考核单位", true],
    ["单 位", true],
    // A required-field star, before or after.
    ["*单位", true],
    ["单位*", true],
    ["单位（分）", true],
    ["单位类别", false],
    ["序号", false],
  ];
  test.each(units)("unit header %s → %p", (header, expected) => {
    expect(isUnitHeader(header)).toBe(expected);
  });

  const totals: Array<[string, boolean]> = [
    ["合计", true],
    ["总分", true],
    ["*总分", true],
    ["合计（100分）", true],
    ["总分(满分100分)", true],
    // A trailing maximum, whole or with decimals, is set aside.
    ["合计100分", true],
    ["合计10.5分", true],
    ["合计12.25分", true],
    // Only a trailing maximum: a name that goes on after it is another header.
    ["100分合计", false],
    ["合计说明", false],
    ["组织建设（20分）", false],
  ];
  test.each(totals)("total header %s → %p", (header, expected) => {
    expect(isTotalHeader(header)).toBe(expected);
  });
});

describe("a number as a cell holds it or as text", () => {
  const cases: Array<[string | number | boolean | null, number | null]> = [
    [20, 20],
    [2.5, 2.5],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    ["20", 20],
    [" 20 ", 20],
    ["２０", 20],
    ["+5", 5],
    ["-3", -3],
    ["2.5", 2.5],
    ["12.25", 12.25],
    // Text around the digits, an exponent or a bare point: no number.
    ["约20", null],
    ["20分", null],
    ["x+5", null],
    ["1e2", null],
    [".5", null],
    ["5.", null],
    ["", null],
    [true, null],
    [null, null],
  ];
  test.each(cases)("%p → %p", (value, expected) => {
    expect(numberIn(value)).toBe(expected);
  });
});

describe("a score cell (0…max) and a 加分/扣分 cell (≥ 0)", () => {
  test("scores: the bounds are inside, compared to 6 decimals", () => {
    expect(parseScore(0, 10)).toEqual({ kind: "ok", value: 0 });
    expect(parseScore("10", 10)).toEqual({ kind: "ok", value: 10 });
    expect(parseScore(10.0000004, 10)).toEqual({ kind: "ok", value: 10.0000004 });
    expect(parseScore(10.01, 10)).toEqual({ kind: "bad", code: "out-of-range" });
    expect(parseScore(-1, 10)).toEqual({ kind: "bad", code: "out-of-range" });
    expect(parseScore(" ", 10)).toEqual({ kind: "bad", code: "score-missing" });
    expect(parseScore("十", 10)).toEqual({ kind: "bad", code: "invalid-number" });
    expect(parseScore({ error: "#DIV/0!" }, 10)).toEqual({ kind: "bad", code: "formula-error" });
  });

  test("points: empty is 0, 0 itself is a valid entry, a negative is no number of points", () => {
    expect(parsePoints(null)).toEqual({ kind: "ok", value: 0 });
    expect(parsePoints(0)).toEqual({ kind: "ok", value: 0 });
    expect(parsePoints("0")).toEqual({ kind: "ok", value: 0 });
    expect(parsePoints("２.5")).toEqual({ kind: "ok", value: 2.5 });
    expect(parsePoints(-1)).toEqual({ kind: "bad", code: "invalid-number" });
    expect(parsePoints("两分")).toEqual({ kind: "bad", code: "invalid-number" });
    expect(parsePoints({ error: "#REF!" })).toEqual({ kind: "bad", code: "formula-error" });
  });
});

describe("rounding to 6 decimals", () => {
  test("sums that differ only past the 6th decimal are equal", () => {
    expect(round6(0.1 + 0.2)).toBe(0.3);
    expect(round6(89.9999999)).toBe(90);
  });

  test("a value that rounds to nothing is 0, not -0 (which prints as “-0”)", () => {
    expect(Object.is(round6(-1e-9), 0)).toBe(true);
    expect(Object.is(round6(-0), 0)).toBe(true);
  });
});
