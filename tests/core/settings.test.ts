/**
 * SPEC §9: the `设置` sheet (every setting, valid and invalid, and the 考核权重 table) and the
 * `单位名册` roster (groups, aliases, duplicates), through `readSettings`/`readRoster` and through a run.
 */
import {
  type CellValue,
  type Expectation,
  SETTINGS_TABLE,
  SETTING_KEYS,
  checkSettingText,
  localizeIssue,
  DEFAULT_SETTINGS,
  type IssueData,
  type Settings,
  gridFromRows,
  readRoster,
  readSettings,
  validateRun,
} from "../../src/core";
import {
  FILE,
  expected,
  issuesOf,
  ledgerBook,
  ledgerSheet,
  rosterSheet,
  settingsSheet,
  validRow,
  validateBook,
  workbook,
} from "./helpers";

const read = (
  rows: ReadonlyArray<readonly CellValue[]>,
  formats: Record<string, string> = {},
  date1904 = false,
) => readSettings(settingsSheet(rows, { formats }), date1904);

/** A whole settings issue; the 设置 row is 2 for the first setting (row 1 is 项目 | 值). */
function settingIssue(
  code: IssueData["code"],
  cell: string,
  column: string,
  value: IssueData["value"],
  params: IssueData["params"],
): IssueData {
  return {
    code,
    severity: code === "unknown-setting" ? "warning" : "error",
    sheet: "设置",
    cell,
    row: Number(/\d+$/.exec(cell)![0]),
    column,
    value,
    suggestion: null,
    params,
  } as IssueData;
}

describe("设置: defaults", () => {
  it("keeps every default with no setting rows and without the sheet", () => {
    expect(read([]).settings).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      period: null,
      asOf: null,
      redTop: 3,
      redMinRate: 0.8,
      blackTop: 3,
      blackBelowRate: 0.5,
      dueSoonDays: 15,
      rankingMethod: "competition",
      gradeThresholds: [90, 80, 60],
      weights: null,
    });
    expect(DEFAULT_SETTINGS.categories).toEqual([
      "书记述职",
      "成效考核",
      "城市基层党建",
      "乡村振兴",
      "两新党建",
      "巡察整改",
      "宣传信息",
      "其他",
    ]);
    expect(validateBook(ledgerBook({ rows: [validRow()] })).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("keeps the default of a setting left empty, without an issue", () => {
    const { settings, issues } = read([
      ["红榜名次", null],
      ["临期天数", "  "],
    ]);
    expect(issues).toEqual([]);
    expect(settings.redTop).toBe(3);
    expect(settings.dueSoonDays).toBe(15);
  });
});

describe("设置: valid values", () => {
  const cases: Array<[string, CellValue, keyof Settings, unknown, string?]> = [
    ["通报期数", 3, "period", 3],
    ["通报期数", "3", "period", 3],
    ["通报期数", "第3期", "period", 3],
    ["通报期数", "第 12 期", "period", 12],
    ["统计截止日期", "2022-10-31", "asOf", "2022-10-31"],
    ["统计截止日期", "2022年10月31日", "asOf", "2022-10-31"],
    ["统计截止日期", 44865, "asOf", "2022-10-31"],
    ["统计截止日期", new Date(Date.UTC(2022, 9, 31)), "asOf", "2022-10-31"],
    ["统计截止日期", 20221031, "asOf", "2022-10-31"],
    ["红榜名次", 5, "redTop", 5],
    ["红榜名次", "５", "redTop", 5],
    ["红榜名次", 0, "redTop", 0],
    ["黑榜名次", 2, "blackTop", 2],
    ["临期天数", 30, "dueSoonDays", 30],
    ["临期天数", 0, "dueSoonDays", 0],
    ["红榜最低完成率", "90%", "redMinRate", 0.9],
    ["红榜最低完成率", 90, "redMinRate", 0.9],
    ["红榜最低完成率", 0.9, "redMinRate", 0.9],
    ["红榜最低完成率", 0.9, "redMinRate", 0.9, "0%"],
    ["红榜最低完成率", "１００％", "redMinRate", 1],
    ["黑榜完成率低于", "40%", "blackBelowRate", 0.4],
    ["黑榜完成率低于", 40, "blackBelowRate", 0.4],
    ["黑榜完成率低于", 0, "blackBelowRate", 0],
    ["排名方式", "中国式", "rankingMethod", "dense"],
    ["排名方式", "中国式排名", "rankingMethod", "dense"],
    ["排名方式", "竞争式", "rankingMethod", "competition"],
    ["排名方式", "RANK.EQ", "rankingMethod", "competition"],
    ["任务类别", "组织建设、作风建设", "categories", ["组织建设", "作风建设"]],
    ["任务类别", "组织建设，作风建设, 纪律建设", "categories", ["组织建设", "作风建设", "纪律建设"]],
    ["等次线", "90、80、60", "gradeThresholds", [90, 80, 60]],
    ["等次线", "95、85.5、70", "gradeThresholds", [95, 85.5, 70]],
    ["发文机关", "  中共江城市委组织部  ", "issuer", "中共江城市委组织部"],
    ["发文机关", "中共江城市委组织部（党建办）", "issuer", "中共江城市委组织部（党建办）"],
    ["成文日期", "2022年11月2日", "issueDate", "2022-11-02"],
    ["成文日期", 44867, "issueDate", "2022-11-02"],
    ["主送", "各县（市、区）委组织部：", "addressee", "各县（市、区）委组织部："],
    ["补报天数", 5, "resubmitDays", 5],
    ["补报天数", 0, "resubmitDays", 0],
    ["加分上限", 3.5, "bonusCap", 3.5],
    ["加分上限", "0", "bonusCap", 0],
    ["否决等次", "较好", "vetoGrade", "较好"],
    ["否决等次", " 差 ", "vetoGrade", "差"],
    ["好等次比例", "30%", "topGradeRatio", { numerator: 30, denominator: 100 }],
    ["好等次比例", "33.3%", "topGradeRatio", { numerator: 333, denominator: 1000 }],
    ["好等次比例", 30, "topGradeRatio", { numerator: 30, denominator: 100 }],
    ["好等次比例", 0.3, "topGradeRatio", { numerator: 3, denominator: 10 }],
    ["好等次比例", 0.3, "topGradeRatio", { numerator: 3, denominator: 10 }, "0%"],
    ["好等次比例", "１００％", "topGradeRatio", { numerator: 100, denominator: 100 }],
    ["好等次比例", 1, "topGradeRatio", { numerator: 1, denominator: 1 }],
  ];

  it.each(cases)("%s = %p", (...[key, value, field, want, fmt]) => {
    const { settings, issues } = read([[key, value]], fmt ? { B2: fmt } : {});
    expect(issues).toEqual([]);
    expect(settings[field]).toEqual(want);
  });

  it("matches the 项目 text after header normalisation (spaces, full width)", () => {
    const { settings, issues } = read([
      [" 红榜 名次 ", 4],
      ["临期\n天数", 10],
    ]);
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({ redTop: 4, dueSoonDays: 10 });
  });

  it("reads 统计截止日期 serials in the 1904 system of a 1904 workbook", () => {
    expect(read([["统计截止日期", 43400]], {}, true).settings.asOf).toBe("2022-10-28");
  });
});

describe("设置: invalid values are issues with their cell", () => {
  const cases: Array<[string, string | number | boolean, Expectation]> = [
    ["通报期数", 0, "positive-integer"],
    ["通报期数", 2.5, "positive-integer"],
    ["通报期数", "第三期", "positive-integer"],
    ["统计截止日期", "10月底", "date"],
    ["统计截止日期", "2022-02-30", "date"],
    ["红榜名次", -1, "count"],
    ["红榜名次", "前三名", "count"],
    ["黑榜名次", 1.5, "count"],
    ["临期天数", "半个月", "count"],
    ["红榜最低完成率", "120%", "rate"],
    ["红榜最低完成率", "高", "rate"],
    ["黑榜完成率低于", -10, "rate"],
    ["排名方式", "随便", "ranking-method"],
    ["排名方式", 1, "ranking-method"],
    ["任务类别", "组织建设、组织建设", "category-list"],
    ["任务类别", "、", "category-list"],
    ["等次线", "60、80、90", "grade-lines"],
    ["等次线", "90、80", "grade-lines"],
    ["等次线", "110、80、60", "grade-lines"],
    ["等次线", 90, "grade-lines"],
    ["成文日期", "下周一", "date"],
    ["补报天数", "三天", "count"],
    ["补报天数", 1001, "count"],
    ["加分上限", -1, "non-negative-number"],
    ["加分上限", "五分", "non-negative-number"],
    ["否决等次", "良好", "grade"],
    ["否决等次", 1, "grade"],
    ["好等次比例", "0%", "ratio"],
    ["好等次比例", "120%", "ratio"],
    ["好等次比例", "-30%", "ratio"],
    ["好等次比例", "三成", "ratio"],
    ["发文机关", true, "text"],
  ];

  it.each(cases)("%s = %p", (...[key, value, expectedText]) => {
    const { settings, issues } = read([
      ["通报期数", 2],
      [key, value],
    ]);
    expect(issues).toEqual([
      settingIssue("invalid-setting", "B3", key, value, { key, expected: expectedText }),
    ]);
    // The invalid value is not used: the default (or the earlier valid 通报期数) stays.
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, period: 2 });
  });

  it("reports a formula error in a setting as invalid", () => {
    expect(read([["红榜名次", { error: "#REF!" }]]).issues).toEqual([
      settingIssue("invalid-setting", "B2", "红榜名次", "#REF!", { key: "红榜名次", expected: "count" }),
    ]);
  });

  it("warns about an unknown 项目 on its A cell", () => {
    expect(read([["通报标题", "第三季度通报"]]).issues).toEqual([
      settingIssue("unknown-setting", "A2", "项目", "通报标题", {}),
    ]);
  });

  it("brings settings issues into the run, and the run still validates the ledgers", () => {
    const book = ledgerBook({ rows: [validRow({ 完成时限: "10月底" })] }, [
      rosterSheet(),
      settingsSheet([["统计截止日期", "十月底"]]),
    ]);
    const run = validateBook(book, { today: "2022-11-05" });
    expect(run.asOf).toBe("2022-11-05");
    expect(run.issues).toEqual([
      expected("invalid-date", "G4", "完成时限", "10月底"),
      {
        file: FILE,
        ...settingIssue("invalid-setting", "B2", "统计截止日期", "十月底", {
          key: "统计截止日期",
          expected: "date",
        }),
      },
    ]);
    expect(run.files[0]!.setupIssues).toHaveLength(1);
  });
});

describe("设置: 考核权重", () => {
  it("reads the table after the settings, weights in percent", () => {
    const { settings, issues } = readSettings(
      settingsSheet([["红榜名次", 3]], {
        weights: [
          ["平时掌握情况", 30],
          ["日常督查检查", "30%"],
          ["年终专项考评", 0.4],
        ],
      }),
      false,
    );
    expect(issues).toEqual([]);
    expect(settings.weights).toEqual([
      { sheet: "平时掌握情况", weight: 30, cell: "B5" },
      { sheet: "日常督查检查", weight: 30, cell: "B6" },
      { sheet: "年终专项考评", weight: 40, cell: "B7" },
    ]);
    expect(settings.weightsCell).toBe("B4");
  });

  it("reports an invalid weight on its cell and leaves that sheet out", () => {
    const { settings, issues } = readSettings(
      settingsSheet([], {
        weights: [
          ["平时掌握情况", "三成"],
          ["年终专项考评", 150],
          ["日常督查检查", 100],
        ],
      }),
      false,
    );
    expect(issues).toEqual([
      settingIssue("invalid-setting", "B4", "权重", "三成", { key: "平时掌握情况", expected: "percent" }),
      settingIssue("invalid-setting", "B5", "权重", 150, { key: "年终专项考评", expected: "percent" }),
    ]);
    expect(settings.weights?.map((w) => w.sheet)).toEqual(["日常督查检查"]);
  });

  it("ends the table at a blank row; settings below it are read again", () => {
    const sheet = gridFromRows("设置", [
      ["项目", "值"],
      ["考核表", "权重"],
      ["平时掌握情况", 100],
      [],
      ["临期天数", 7],
    ]);
    const { settings, issues } = readSettings(sheet, false);
    expect(issues).toEqual([]);
    expect(settings.weights).toEqual([{ sheet: "平时掌握情况", weight: 100, cell: "B3" }]);
    expect(settings.dueSoonDays).toBe(7);
  });

  it("is null without the table (equal weights then)", () => {
    expect(read([["红榜名次", 3]]).settings.weights).toBeNull();
  });
});

describe("单位名册", () => {
  it("reads names, groups and 、-separated aliases", () => {
    const { roster, issues } = readRoster(
      rosterSheet([
        ["青山区", "县市区", "青山"],
        ["江城高新区", "开发区", "高新区、江城高新技术产业开发区"],
        ["市卫生健康委", "市直机关", "市卫健委，卫健委"],
        ["江城城投集团", "市属国企", null],
        ["市委党校", "其他", ""],
        [null, null, null],
        ["  ", "县市区", null],
      ]),
    );
    expect(issues).toEqual([]);
    expect(roster.units).toEqual([
      { name: "青山区", group: "县市区", aliases: ["青山"] },
      { name: "江城高新区", group: "开发区", aliases: ["高新区", "江城高新技术产业开发区"] },
      { name: "市卫生健康委", group: "市直机关", aliases: ["市卫健委", "卫健委"] },
      { name: "江城城投集团", group: "市属国企", aliases: [] },
      { name: "市委党校", group: "其他", aliases: [] },
    ]);
  });

  it("finds its header below a title and accepts the header words 单位 and 类别", () => {
    const sheet = gridFromRows("单位名册", [
      ["2022年责任单位名册"],
      [],
      ["序号", "单位", "类别", "简称"],
      [1, "青山区", "县市区", "青山"],
    ]);
    expect(readRoster(sheet)).toEqual({
      roster: { units: [{ name: "青山区", group: "县市区", aliases: ["青山"] }] },
      issues: [],
    });
  });

  it("reports a missing header on A1 and checks no unit", () => {
    const sheet = gridFromRows("单位名册", [["青山区", "县市区"]]);
    expect(readRoster(sheet).issues).toEqual([
      {
        code: "invalid-roster",
        severity: "error",
        sheet: "单位名册",
        cell: "A1",
        row: 1,
        column: "单位名称",
        value: null,
        suggestion: null,
        params: { expected: "roster-header" },
      },
    ]);
  });

  it.each<[CellValue]>([["县区"], [null], ["直属机关"]])(
    "reports the group %p as invalid on its cell",
    (group) => {
      const { roster, issues } = readRoster(
        rosterSheet([
          ["青山区", "县市区"],
          ["江南区", group, "江南"],
        ]),
      );
      expect(issues).toEqual([
        {
          code: "invalid-roster",
          severity: "error",
          sheet: "单位名册",
          cell: "B3",
          row: 3,
          column: "单位类别",
          value: group,
          suggestion: null,
          params: { expected: "group" },
        },
      ]);
      expect(roster.units.map((u) => u.name)).toEqual(["青山区"]);
    },
  );

  it("regression: a unit with an invalid group is not ranked, but its rows are not unknown-unit errors", () => {
    const roster = rosterSheet([
      ["青山区", "县市区"],
      ["江南区", "县区", "江南"],
    ]);
    const run = validateBook(
      ledgerBook(
        { rows: [validRow({ 责任单位: "江南区" }), validRow({ 任务编号: "CS-02", 责任单位: "江南" })] },
        [roster],
      ),
    );
    expect(run.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      "重点任务台账!E5 nonstandard-value",
      "单位名册!B3 invalid-roster",
    ]);
    expect(run.files[0]!.rows.map((r) => r.unit)).toEqual(["江南区", "江南区"]);
    expect(run.roster?.units.map((u) => u.name)).toEqual(["青山区"]);
  });

  it("reports a name listed twice on the later row and keeps the first", () => {
    const { roster, issues } = readRoster(
      rosterSheet([
        ["青山区", "县市区", "青山"],
        ["江南区", "县市区"],
        ["青 山 区", "开发区"],
      ]),
    );
    expect(issues).toEqual([
      {
        code: "invalid-roster",
        severity: "error",
        sheet: "单位名册",
        cell: "A4",
        row: 4,
        column: "单位名称",
        value: "青 山 区",
        suggestion: null,
        params: { clash: "青山区", firstRow: 2 },
      },
    ]);
    expect(roster.units.map((u) => [u.name, u.group])).toEqual([
      ["青山区", "县市区"],
      ["江南区", "县市区"],
    ]);
  });

  it("regression: an alias that another unit already uses is dropped, the unit itself is kept", () => {
    const roster = rosterSheet([
      ["江城高新区", "开发区", "高新区"],
      ["青山高新区", "开发区", "高新区、青山高新"],
    ]);
    const { roster: read1, issues } = readRoster(roster);
    expect(issues).toEqual([
      {
        code: "invalid-roster",
        severity: "error",
        sheet: "单位名册",
        cell: "C3",
        row: 3,
        column: "别名",
        value: "高新区",
        suggestion: null,
        params: { clash: "高新区", firstRow: 2 },
      },
    ]);
    expect(read1.units).toEqual([
      { name: "江城高新区", group: "开发区", aliases: ["高新区"] },
      { name: "青山高新区", group: "开发区", aliases: ["青山高新"] },
    ]);
    const run = validateBook(ledgerBook({ rows: [validRow({ 责任单位: "青山高新区" })] }, [roster]));
    expect(run.issues.filter((i) => i.sheet === "重点任务台账")).toEqual([]);
  });

  it("regression: skips a note under the list (注：…) instead of calling it a unit without a group", () => {
    const { roster, issues } = readRoster(
      rosterSheet([
        ["青山区", "县市区"],
        ["注：单位类别按市委组织部文件划分", null],
      ]),
    );
    expect(issues).toEqual([]);
    expect(roster.units.map((u) => u.name)).toEqual(["青山区"]);
  });

  it("ignores an alias equal to the unit's own name", () => {
    expect(readRoster(rosterSheet([["青山区", "县市区", "青山区、青山"]])).roster.units).toEqual([
      { name: "青山区", group: "县市区", aliases: ["青山"] },
    ]);
  });

  it("is taken from another file of the run when a workbook has none", () => {
    const withRoster = workbook([ledgerSheet({ rows: [validRow()] }), rosterSheet()]);
    const without = workbook([ledgerSheet({ rows: [validRow({ 责任单位: "青山县" })] })]);
    const run = validateRun(
      [
        { file: "a.xlsx", workbook: without },
        { file: "b.xlsx", workbook: withRoster },
      ],
      { today: "2022-11-01" },
    );
    expect(run.issues.map((i) => `${i.file} ${i.cell} ${i.code} ${i.suggestion}`)).toEqual([
      "a.xlsx E4 unknown-unit 青山区",
    ]);
  });

  it("makes an empty roster check every unit as unknown (the roster is there, only empty)", () => {
    const book = ledgerBook({ rows: [validRow()] }, [rosterSheet([])]);
    expect(issuesOf(book).map((i) => i.code)).toEqual(["unknown-unit"]);
  });
});

describe("设置: 考核权重 table boundaries", () => {
  it("regression: a known setting right after the table ends it (no blank row needed)", () => {
    const sheet = gridFromRows("设置", [
      ["项目", "值"],
      ["考核表", "权重"],
      ["平时掌握情况", 60],
      ["年终专项考评", 40],
      ["临期天数", 7],
    ]);
    const { settings, issues } = readSettings(sheet, false);
    expect(issues).toEqual([]);
    expect(settings.weights?.map((w) => [w.sheet, w.weight])).toEqual([
      ["平时掌握情况", 60],
      ["年终专项考评", 40],
    ]);
    expect(settings.dueSoonDays).toBe(7);
  });

  it("regression: a sheet listed twice is an invalid setting on the later name, the first weight stays", () => {
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 60],
      ["平时掌握情况 ", 40],
    ]);
    const { settings, issues } = readSettings(sheet, false);
    expect(issues).toEqual([
      settingIssue("invalid-setting", "A3", "考核表", "平时掌握情况 ", {
        key: "考核表",
        expected: "listed-once",
        firstRow: 2,
      }),
    ]);
    expect(settings.weights?.map((w) => [w.sheet, w.weight])).toEqual([["平时掌握情况", 60]]);
  });
});

describe("the settings table (SPEC §9)", () => {
  it("lists every §9 key once, in the sheet's order, each with its own field", () => {
    expect(SETTING_KEYS).toEqual([
      "通报期数",
      "统计截止日期",
      "红榜名次",
      "红榜最低完成率",
      "黑榜名次",
      "黑榜完成率低于",
      "临期天数",
      "排名方式",
      "任务类别",
      "等次线",
      "发文机关",
      "成文日期",
      "主送",
      "补报天数",
      "加分上限",
      "否决等次",
      "好等次比例",
    ]);
    expect(new Set(SETTINGS_TABLE.map((r) => r.field)).size).toBe(SETTINGS_TABLE.length);
  });

  it("has SPEC's defaults for the new settings", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      issuer: null,
      issueDate: null,
      addressee: "各县市区、各开发区、市直各单位、市属各国有企业党组织：",
      resubmitDays: 3,
      bonusCap: 5,
      vetoGrade: "一般",
      topGradeRatio: null,
    });
  });

  it("writes back as text what it reads (format ∘ parse is the identity on valid texts)", () => {
    const texts: Record<string, string> = {
      通报期数: "3",
      统计截止日期: "2022-10-31",
      红榜名次: "5",
      红榜最低完成率: "85%",
      黑榜名次: "2",
      黑榜完成率低于: "40%",
      临期天数: "10",
      排名方式: "中国式",
      任务类别: "组织建设、作风建设",
      等次线: "95、85、70",
      发文机关: "中共江城市委组织部",
      成文日期: "2022-11-02",
      主送: "各党（工）委：",
      补报天数: "5",
      加分上限: "3.5",
      否决等次: "较好",
      好等次比例: "33.3%",
    };
    const { settings, issues } = read(Object.entries(texts));
    expect(issues).toEqual([]);
    for (const row of SETTINGS_TABLE)
      expect([row.key, row.text(settings)]).toEqual([row.key, texts[row.key]]);
    // Defaults that are "nothing" show as empty.
    expect(SETTINGS_TABLE.find((r) => r.key === "好等次比例")!.text(DEFAULT_SETTINGS)).toBe("");
    expect(SETTINGS_TABLE.find((r) => r.key === "发文机关")!.text(DEFAULT_SETTINGS)).toBe("");
  });

  it("words what was expected in both languages", () => {
    const issue = read([["好等次比例", "三成"]]).issues[0]!;
    expect(localizeIssue(issue, "zh").message).toBe(
      "设置项“好等次比例”的值“三成”无效，应为0–100% 之间的比例，如 30%",
    );
    expect(localizeIssue(issue, "en").message).toBe(
      'Setting "好等次比例" has an invalid value "三成"; expected a share between 0 and 100%, e.g. 30%',
    );
  });

  it("checks a typed value as the reader would read the saved cell", () => {
    expect(checkSettingText("红榜名次", "5")).toBeNull();
    expect(checkSettingText("红榜名次", " ")).toBeNull();
    expect(checkSettingText("否决等次", "良好")).toMatchObject({
      code: "invalid-setting",
      column: "否决等次",
      value: "良好",
      params: { key: "否决等次", expected: "grade" },
    });
  });
});
