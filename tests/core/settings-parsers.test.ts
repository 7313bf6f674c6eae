/**
 * SPEC §9's value parsers one at a time (rates, ratios, counts, free text) and the rows of `设置` that
 * are not settings: its own header, the 考核权重 block's header and the blank row that ends the block.
 * `settings.test.ts` covers whole sheets.
 */
import { type CellValue, gridFromRows, rateOf, ratioOf, readSettings } from "../../src/core";

const read = (rows: ReadonlyArray<readonly CellValue[]>) => readSettings(gridFromRows("设置", rows), false);
const codes = (rows: ReadonlyArray<readonly CellValue[]>) =>
  read(rows).issues.map((i) => `${i.code} ${i.cell}`);

describe("rates (红榜最低完成率, 黑榜完成率低于)", () => {
  test.each<[CellValue, string | undefined, number | undefined]>([
    [1, undefined, 1], // a plain number ≤ 1 is a fraction: 1 is 100 %
    [0.8, undefined, 0.8],
    [80, undefined, 0.8],
    [0.8, "0%", 0.8],
    [1.5, "0%", undefined], // %-formatted: already a fraction, and above 100 %
    ["80%", undefined, 0.8],
    ["80 %", undefined, 0.8],
    ["+80", undefined, 0.8],
    ["80", undefined, 0.8],
    ["1", undefined, 1],
    ["1%", undefined, 0.01],
    ["0.8", undefined, 0.8],
    ["80.55", undefined, 0.8055],
    ["-5", undefined, undefined],
    ["约80%", undefined, undefined],
    ["80%以上", undefined, undefined],
    ["八成", undefined, undefined],
    [true, undefined, undefined],
  ])("%p (format %p) → %p", (value, format, rate) => {
    expect(rateOf(value, format)).toBe(rate);
  });
});

describe("ratios (好等次比例): exact, in (0, 1]", () => {
  test.each<[CellValue, string | undefined, [number, number] | undefined]>([
    [30, undefined, [30, 100]],
    [0.3, undefined, [3, 10]],
    [0.25, undefined, [25, 100]],
    [1, undefined, [1, 1]],
    [0.3, "0%", [3, 10]],
    ["30%", undefined, [30, 100]],
    ["30 %", undefined, [30, 100]],
    ["1%", undefined, [1, 100]],
    ["0.3", undefined, [3, 10]],
    ["0.25", undefined, [25, 100]],
    ["1", undefined, [1, 1]],
    ["12.5%", undefined, [125, 1000]],
    ["30%以内", undefined, undefined],
    ["约30%", undefined, undefined],
    [1e21, undefined, undefined], // "1e+21": no decimal to read exactly
    [0.12345678901234568, undefined, undefined], // 17 decimals: no exact ratio in safe integers
    [0, undefined, undefined],
    [null, undefined, undefined],
  ])("%p (format %p) → %p", (value, format, ratio) => {
    const r = ratioOf(value, format);
    expect(r === undefined ? undefined : [r.numerator, r.denominator]).toEqual(ratio);
  });
});

describe("counts and free text", () => {
  test("a count is a whole number from 0 to 1000", () => {
    const { settings, issues } = read([
      ["红榜名次", 1000],
      ["黑榜名次", 0],
    ]);
    expect(issues).toEqual([]);
    expect([settings.redTop, settings.blackTop]).toEqual([1000, 0]);
    expect(codes([["红榜名次", 1001]])).toEqual(["invalid-setting B1"]);
    expect(codes([["红榜名次", 2.5]])).toEqual(["invalid-setting B1"]);
  });

  test("发文机关 as a number is its decimal; as text it is trimmed, and blank keeps the default", () => {
    const defaults = read([]).settings;
    expect(read([["发文机关", 2022]]).settings.issuer).toBe("2022");
    expect(read([["发文机关", "  中共某市委组织部  "]]).settings.issuer).toBe("中共某市委组织部");
    expect(read([["发文机关", "   "]]).settings.issuer).toBe(defaults.issuer);
    expect(codes([["发文机关", true]])).toEqual(["invalid-setting B1"]);
  });
});

describe("设置's own rows", () => {
  test("项目 | 值 is the header; 项目 with another value beside it is an unknown setting", () => {
    expect(codes([["项目", "值"]])).toEqual([]);
    expect(codes([["项目", "说明"]])).toEqual(["unknown-setting A1"]);
  });

  test("考核表 | 权重 starts the weights; 考核表 beside anything else does not", () => {
    expect(
      read([
        ["考核表", "权重"],
        ["平时掌握情况", 100],
      ]).settings.weights,
    ).toHaveLength(1);
    const other = read([
      ["考核表", "说明"],
      ["平时掌握情况", 100],
    ]);
    expect(other.settings.weights).toBeNull();
    expect(other.issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
      "unknown-setting A1",
      "unknown-setting A2",
    ]);
  });

  test("a blank row ends the weights: a name after it is an unknown setting, not a weight", () => {
    const { settings, issues } = read([["考核表", "权重"], ["平时掌握情况", 60], [], ["年终专项考评", 40]]);
    expect(settings.weights?.map((w) => w.sheet)).toEqual(["平时掌握情况"]);
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["unknown-setting A4"]);
  });

  test("a row with a weight but no name keeps the block open", () => {
    const { settings } = read([
      ["考核表", "权重"],
      ["平时掌握情况", 60],
      [null, 5],
      ["年终专项考评", 40],
    ]);
    expect(settings.weights?.map((w) => w.sheet)).toEqual(["平时掌握情况", "年终专项考评"]);
  });
});
