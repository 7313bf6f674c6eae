/**
 * SPEC §9 at its edges: the settings editor's plan (`planSettingsWrite`, `settingEntries`,
 * `settingCellValue`, `checkSettingText`), the parsers' boundaries (counts, rates, ratios), the
 * `项目 | 值` and `考核表 | 权重` header rows, and where `单位名册`'s header may be. Written against
 * the mutants StrykerJS found surviving in `src/core/settings` (docs/QUALITY.md).
 */
import {
  type CellValue,
  DEFAULT_SETTINGS,
  checkSettingText,
  gridFromRows,
  planSettingsWrite,
  rateOf,
  ratioOf,
  readRoster,
  readSettings,
  settingCellValue,
  settingEntries,
  settingRows,
} from "../../src/core";
import { settingsSheet } from "./helpers";

const sheetOf = (rows: ReadonlyArray<readonly CellValue[]>) =>
  gridFromRows(
    "设置",
    rows.map((r) => [...r]),
  );

describe("settingCellValue: a plain decimal is written as a number, anything else as the trimmed text", () => {
  it.each<[string, string | number]>([
    ["12", 12],
    [" 7 ", 7],
    ["+2", 2],
    ["-3.5", -3.5],
    ["1.25", 1.25],
    ["12a", "12a"],
    ["a12", "a12"],
    ["1.", "1."],
    [".5", ".5"],
    ["1.2.3", "1.2.3"],
    ["1e3", "1e3"],
    ["1.x", "1.x"],
    [" 第3期 ", "第3期"],
  ])("%j → %j", (text, value) => {
    expect(settingCellValue(text)).toBe(value);
  });
});

describe("checkSettingText checks what a save would write, as the reader reads it", () => {
  it("reads a typed serial in the 1900 date system (the sheet's own system is not known while typing)", () => {
    // 73050 is 2099-12-31 in the 1900 system (valid) and 2103-12-31 in the 1904 system (beyond 2099).
    expect(checkSettingText("统计截止日期", "73050")).toBeNull();
    expect(checkSettingText("统计截止日期", "73051")).not.toBeNull();
    expect(checkSettingText("统计截止日期", "2022-10-31")).toBeNull();
    expect(checkSettingText("统计截止日期", "明天")).not.toBeNull();
    expect(checkSettingText("统计截止日期", "  ")).toBeNull();
  });
});

describe("planSettingsWrite", () => {
  it("creates 设置 with its 项目 | 值 header when the workbook has none, skipping empty fields", () => {
    expect(
      planSettingsWrite(null, [
        { key: "通报期数", text: " 3 " },
        { key: "发文机关", text: "  " },
        { key: "主送", text: "各县市区党委组织部：" },
      ]),
    ).toEqual({
      sheet: "设置",
      create: true,
      cells: [
        { cell: "A1", value: "项目" },
        { cell: "B1", value: "值" },
        { cell: "A2", value: "通报期数" },
        { cell: "B2", value: 3 },
        { cell: "A3", value: "主送" },
        { cell: "B3", value: "各县市区党委组织部：" },
      ],
    });
  });

  it("writes a listed key's B cell (emptied when the field is cleared) and adds the others below the last used row", () => {
    const sheet = sheetOf([
      ["项目", "值"],
      ["红榜名次", 3],
      ["发文机关", "中共江城市委组织部"],
      ["", null],
      [null, ""],
    ]);
    expect(
      planSettingsWrite(sheet, [
        { key: "红榜名次", text: "5" },
        { key: "发文机关", text: " " },
        { key: "临期天数", text: "" },
        { key: "排名方式", text: "  " },
        { key: "黑榜名次", text: "2" },
        { key: "主送", text: "各单位：" },
      ]),
    ).toEqual({
      sheet: "设置",
      create: false,
      cells: [
        { cell: "B2", value: 5 },
        { cell: "B3", value: "" },
        { cell: "A4", value: "黑榜名次" },
        { cell: "B4", value: 2 },
        { cell: "A5", value: "主送" },
        { cell: "B5", value: "各单位：" },
      ],
    });
  });

  it("keeps a blank row before new keys when the sheet ends with the 考核权重 table, so the table still ends there", () => {
    const sheet = settingsSheet([["红榜名次", 3]], { weights: [["平时掌握情况", 100]] });
    // 项目|值, 红榜名次, blank, 考核表|权重, 平时掌握情况: the last used row is 5 (0-based 4).
    expect(planSettingsWrite(sheet, [{ key: "临期天数", text: "7" }]).cells).toEqual([
      { cell: "A7", value: "临期天数" },
      { cell: "B7", value: 7 },
    ]);
  });

  it("gives a 设置 with nothing in it the 项目 | 值 header, as a new one", () => {
    const empty = { name: "设置", values: [[], [null, ""]], numberFormats: [], merges: [] };
    expect(planSettingsWrite(empty, [{ key: "临期天数", text: "7" }])).toEqual({
      sheet: "设置",
      create: false,
      cells: [
        { cell: "A1", value: "项目" },
        { cell: "B1", value: "值" },
        { cell: "A2", value: "临期天数" },
        { cell: "B2", value: 7 },
      ],
    });
  });

  it("finds the last used row past rows the file never named (holes)", () => {
    const values: CellValue[][] = [];
    values[0] = ["项目", "值"];
    values[5] = ["红榜名次", 3];
    // A row with any value is used, though not all its cells are.
    values[6] = ["注：以上为本期设置", null];
    // Far below, past a gap the reader leaves as holes, a row of empty text only: not used.
    values[80] = ["", null];
    const sheet = { name: "设置", values, numberFormats: [], merges: [] };
    expect(planSettingsWrite(sheet, [{ key: "黑榜名次", text: "4" }]).cells).toEqual([
      { cell: "A8", value: "黑榜名次" },
      { cell: "B8", value: 4 },
    ]);
  });
});

describe("settingRows and settingEntries", () => {
  it("finds each key's row by its normalised text, the first occurrence winning", () => {
    const sheet = sheetOf([
      ["项目", "值"],
      ["红榜 名次", 3],
      [42, 1],
      ["红榜名次", 4],
      ["通报期数", 2],
    ]);
    expect([...settingRows(sheet)]).toEqual([
      ["红榜名次", 1],
      ["通报期数", 4],
    ]);
  });

  it("starts each field with the value as read, the raw cell when invalid, empty when unset", () => {
    const sheet = sheetOf([
      ["项目", "值"],
      ["红榜最低完成率", 0.85],
      ["黑榜名次", "三名"],
      ["临期天数", null],
    ]);
    const entries = new Map(settingEntries(sheet, false).map((e) => [e.key, e]));
    expect(entries.get("红榜最低完成率")).toEqual({
      key: "红榜最低完成率",
      text: "85%",
      defaultText: "80%",
      cell: "B2",
    });
    expect(entries.get("黑榜名次")).toEqual({ key: "黑榜名次", text: "三名", defaultText: "3", cell: "B3" });
    expect(entries.get("临期天数")).toEqual({ key: "临期天数", text: "", defaultText: "15", cell: "B4" });
    expect(entries.get("通报期数")).toEqual({ key: "通报期数", text: "", defaultText: "", cell: null });
  });

  it("offers the defaults, with no cells, without a 设置 sheet", () => {
    const entries = settingEntries(null, false);
    expect(entries.every((e) => e.cell === null && e.text === "")).toBe(true);
    expect(entries.find((e) => e.key === "红榜名次")?.defaultText).toBe(String(DEFAULT_SETTINGS.redTop));
  });
});

describe("the parsers' boundaries", () => {
  it("accepts a count of exactly 1000 and refuses 1001", () => {
    expect(readSettings(settingsSheet([["红榜名次", 1000]]), false).settings.redTop).toBe(1000);
    expect(readSettings(settingsSheet([["红榜名次", 1001]]), false).issues).toHaveLength(1);
  });

  it.each<[CellValue, string | undefined, number | undefined]>([
    [1, undefined, 1],
    [0.8, undefined, 0.8],
    [80, undefined, 0.8],
    [0.8, "0%", 0.8],
    ["80%", undefined, 0.8],
    ["80", undefined, 0.8],
    ["0.8", undefined, 0.8],
    ["1", undefined, 1],
    ["+80%", undefined, 0.8],
    ["80.25%", undefined, 0.8025],
    ["８０％", undefined, 0.8],
    ["80%x", undefined, undefined],
    ["x80%", undefined, undefined],
    ["-10%", undefined, undefined],
    ["120%", undefined, undefined],
  ])("rateOf(%j, %j) → %j", (value, format, rate) => {
    const got = rateOf(value, format);
    if (rate === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(rate, 12);
  });

  it.each<[CellValue, { numerator: number; denominator: number } | undefined]>([
    ["30%", { numerator: 30, denominator: 100 }],
    ["30", { numerator: 30, denominator: 100 }],
    ["0.3", { numerator: 3, denominator: 10 }],
    ["1", { numerator: 1, denominator: 1 }],
    ["12.5%", { numerator: 125, denominator: 1000 }],
    // 16 decimals: the numerator (1) is exact, the denominator (10¹⁶) is not.
    ["0.0000000000000001", undefined],
    ["0", undefined],
    ["150%", undefined],
    ["三成", undefined],
  ])("ratioOf(%j) → %j", (value, ratio) => {
    expect(ratioOf(value, undefined)).toEqual(ratio);
  });
});

describe("设置's header rows", () => {
  it("skips only the exact 项目 | 值 row; 项目 with another value, or 值 under a key, is read as such", () => {
    const { settings, issues } = readSettings(
      sheetOf([
        ["项目", "值"],
        ["项目", "其他"],
        ["通报期数", "值"],
      ]),
      false,
    );
    expect(settings.period).toBeNull();
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["unknown-setting", "A2"],
      ["invalid-setting", "B3"],
    ]);
  });

  it("starts the 考核权重 table only at 考核表 | 权重: 考核表 with another value is an unknown 项目", () => {
    const { settings, issues } = readSettings(
      sheetOf([
        ["项目", "值"],
        ["考核表", "说明"],
        ["平时掌握情况", "100%"],
        // 权重 under another key is that key's value.
        ["发文机关", "权重"],
        ["日常督查检查", "100%"],
      ]),
      false,
    );
    expect(settings.weights).toBeNull();
    expect(settings.issuer).toBe("权重");
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["unknown-setting", "A2"],
      ["unknown-setting", "A3"],
      ["unknown-setting", "A5"],
    ]);
  });

  it("keeps the table going over a row with no sheet name but a value, and ends it at a blank row", () => {
    const { settings, issues } = readSettings(
      sheetOf([
        ["项目", "值"],
        ["考核表", "权重"],
        ["平时掌握情况", "40%"],
        ["", "备注"],
        ["日常督查检查", "60%"],
        [],
        ["年终专项考评", "10%"],
      ]),
      false,
    );
    expect(settings.weights?.map((w) => [w.sheet, w.weight])).toEqual([
      ["平时掌握情况", 40],
      ["日常督查检查", 60],
    ]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["unknown-setting", "A7"]]);
  });
});

describe("单位名册's header", () => {
  const units = [
    ["青山区", "县市区"],
    ["江南区", "县市区"],
  ];

  it("is looked for in the first 20 rows only", () => {
    const at = (blank: number) =>
      readRoster(
        gridFromRows("单位名册", [
          ...Array.from({ length: blank }, () => ["名册说明"]),
          ["单位名称", "单位类别"],
          ...units,
        ]),
      );
    expect(at(19).roster.units.map((u) => u.name)).toEqual(["青山区", "江南区"]);
    expect(at(20).roster.units).toEqual([]);
    expect(at(20).issues.map((i) => [i.code, i.cell, i.params])).toEqual([
      ["invalid-roster", "A1", { expected: "roster-header" }],
    ]);
  });

  it("is refused when no row names both 单位名称 and 单位类别, even in a short sheet", () => {
    const { roster, issues } = readRoster(gridFromRows("单位名册", [["单位名称", "别名"], ...units]));
    expect(roster.units).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["invalid-roster"]);
  });

  it("needs both words in one row: a row with 单位名称 alone above the header is not it", () => {
    const { roster, issues } = readRoster(
      gridFromRows("单位名册", [["单位名称"], ["单位名称", "单位类别"], ...units]),
    );
    expect(issues).toEqual([]);
    expect(roster.units.map((u) => u.name)).toEqual(["青山区", "江南区"]);
  });

  it("is the first row naming both: a row of units called 单位 and 类别 below it is data", () => {
    const { roster, issues } = readRoster(
      gridFromRows("单位名册", [["单位名称", "单位类别"], ["单位", "类别"], ...units]),
    );
    expect(roster.units.map((u) => u.name)).toEqual(["青山区", "江南区"]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["invalid-roster", "B2"]]);
  });

  it("needs both words in one row: a row with 单位类别 alone above the header is not it", () => {
    const { roster, issues } = readRoster(
      gridFromRows("单位名册", [["说明", "单位类别"], ["单位名称", "单位类别"], ...units]),
    );
    expect(issues).toEqual([]);
    expect(roster.units.map((u) => u.name)).toEqual(["青山区", "江南区"]);
  });

  it("takes the first column a header word names (责任单位 further right is not the unit column)", () => {
    const { roster, issues } = readRoster(
      gridFromRows("单位名册", [
        ["单位名称", "单位类别", "责任单位"],
        ["青山区", "县市区", "张三"],
      ]),
    );
    expect(issues).toEqual([]);
    expect(roster.units.map((u) => u.name)).toEqual(["青山区"]);
  });

  it("trims a unit name, and drops an alias repeated on its own row without an issue", () => {
    const { roster, issues } = readRoster(
      gridFromRows("单位名册", [
        ["单位名称", "单位类别", "别名"],
        [" 青山区 ", "县市区", "青山、青山"],
      ]),
    );
    expect(issues).toEqual([]);
    expect(roster.units).toEqual([{ name: "青山区", group: "县市区", aliases: ["青山"] }]);
  });
});
