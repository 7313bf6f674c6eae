/**
 * Rules of a scoring run (SPEC §8/§9) that the main suite leaves loose: units without a roster,
 * headers and reasons as typed but trimmed, 加减分 and 一票否决 rows adding up, settings and roster
 * from the first file that has them, which sheets are evaluation sheets, names compared as keys,
 * comparisons to 6 decimals, the order of issues, and what blocks a summary.
 */
import { type CellValue, type ScoringResult, type SheetGrid, gridFromRows, scoreRun } from "../../src/core";
import { FILE, roster, run, settings, threeCounties, unit, workbook } from "./helpers";

const where = (r: ScoringResult) => r.issues.map((i) => [i.file, i.code, i.sheet, i.cell, i.column]);

/** 甲区, 乙区 and 丙区 each scoring 5: the rows of a sheet where only something else matters. */
const ALL_FIVE: CellValue[][] = [
  ["甲区", 5],
  ["乙区", 5],
  ["丙区", 5],
];

const sheetA = (rows: CellValue[][]) => gridFromRows("A", [["单位", "组织（10分）"], ...rows]);

describe("units without a roster", () => {
  test("an empty unit cell names no unit", () => {
    const r = run([
      sheetA([
        ["甲区", 5],
        [null, 6],
        ["  ", 7],
        ["乙区", 7],
      ]),
    ]);
    expect(r.units.map((u) => u.unit)).toEqual(["乙区", "甲区"]);
  });

  test("a unit is named as typed, trimmed; a second spelling of one key is the same unit", () => {
    const r = run([
      sheetA([
        [" 甲区 ", 5],
        ["甲 区", 6],
        ["乙区", 7],
      ]),
    ]);
    expect(r.units.map((u) => u.unit)).toEqual(["乙区", "甲区"]);
    expect(r.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["no-roster", null, null],
      ["duplicate-unit", "A3", "甲 区"],
    ]);
  });
});

test("headers and reasons are kept as typed but trimmed", () => {
  const r = run([
    threeCounties(),
    gridFromRows("A", [
      [" 单位 ", "组织（10分）", "作风（10分）", " 合计 "],
      ["甲区", 5, 5, 11],
      ["某某单位", 5, 5, 10],
      ["丙区", 5, 5, 10],
    ]),
    gridFromRows("加减分", [
      [" 单位 ", " 加分 ", " 扣分 "],
      ["甲区", "两分", 1],
      ["甲区", null, 2],
      ["丙区", 1, null],
    ]),
    gridFromRows("一票否决", [
      ["单位", "事由"],
      ["丙区", " 发生问题 "],
      ["丙区", null],
      ["丙区", "另一事由"],
    ]),
  ]);
  expect(r.issues.map((i) => [i.code, i.sheet, i.cell, i.column])).toEqual([
    ["unit-missing-in-sheet", "A", "A1", "单位"],
    ["total-mismatch", "A", "D2", "合计"],
    ["unknown-unit", "A", "A3", "单位"],
    ["invalid-number", "加减分", "B2", "加分"],
  ]);
  // 扣分 rows add up; 一票否决 reasons are joined, the empty one left out.
  expect(unit(r, "甲区")).toMatchObject({ bonus: 0, penalty: 3 });
  expect(unit(r, "丙区")).toMatchObject({ bonus: 1, penalty: 0, veto: "发生问题；另一事由" });
});

test("settings and roster come from the first file that has them", () => {
  const evaluation = sheetA([
    ["甲区", 9],
    ["乙区", 9],
    ["丙区", 8],
  ]);
  const setup = workbook(
    threeCounties(),
    settings([
      ["加分上限", 3],
      ["否决等次", "较好"],
      ["排名方式", "中国式"],
      ["等次线", "95、85、70"],
    ]),
  );
  const r = scoreRun([
    { file: "评分.xlsx", workbook: workbook(evaluation) },
    { file: "设置.xlsx", workbook: setup },
  ]);
  expect(r.settings).toMatchObject({
    bonusCap: 3,
    vetoGrade: "较好",
    rankingMethod: "dense",
    gradeThresholds: [95, 85, 70],
  });
  expect(r.units.map((u) => [u.unit, u.group, u.rank])).toEqual([
    ["甲区", "县市区", 1],
    ["乙区", "县市区", 1],
    ["丙区", "县市区", 2],
  ]);
  expect(r.issues).toEqual([]);
});

test("考核权重's issues go to the file whose 设置 it is", () => {
  const r = scoreRun([
    {
      file: "评分.xlsx",
      workbook: workbook(sheetA(ALL_FIVE)),
    },
    {
      file: "设置.xlsx",
      workbook: workbook(
        threeCounties(),
        settings(
          [],
          [
            ["A", 50],
            ["B", 50],
          ],
        ),
      ),
    },
  ]);
  expect(where(r)).toEqual([["设置.xlsx", "evaluation-sheet-missing", "设置", "B5", "考核表"]]);
});

test("sheet names and summary rows compare as keys: “加减分 ” is 加减分, “ 合 计 ” is no unit", () => {
  const r = run([
    threeCounties(),
    sheetA([...ALL_FIVE, [" 合 计 ", 15], ["平 均", 5]]),
    gridFromRows("加减分 ", [
      ["单位", "扣分"],
      ["甲区", 2],
    ]),
  ]);
  expect(r.issues).toEqual([]);
  expect(unit(r, "甲区").penalty).toBe(2);
});

test("加减分 and 一票否决 skip blank, footer and 合计 rows as evaluation sheets do: no unit, no issue", () => {
  const r = run([
    threeCounties(),
    sheetA(ALL_FIVE),
    gridFromRows("加减分", [
      ["单位", "加分", "扣分", "事由"],
      ["甲区", 2, null, "获表彰"],
      [null, null, null, null],
      ["合计", 2, null, null],
      ["填报人：张三", null, null, null],
    ]),
    gridFromRows("一票否决", [
      ["单位", "事由"],
      ["乙区", "发生问题"],
      ["  ", null],
      ["审核人：李四", null],
    ]),
  ]);
  expect(r.issues).toEqual([]);
  expect(unit(r, "甲区").bonus).toBe(2);
  expect(r.units.filter((u) => u.veto !== null).map((u) => [u.unit, u.veto])).toEqual([["乙区", "发生问题"]]);
});

test("a run of no files scores nothing and reports nothing", () => {
  const r = scoreRun([]);
  expect(r.sheets).toEqual([]);
  expect(r.units).toEqual([]);
  expect(r.issues).toEqual([]);
});

describe("which sheets are scored without 考核权重", () => {
  test("a hidden sheet and a ledger are not, even when laid out like one", () => {
    const hidden: SheetGrid = { ...sheetA([["甲区", 5]]), name: "B", hidden: true };
    const ledger = gridFromRows("台账", [
      [
        "序号",
        "任务编号",
        "任务类别",
        "重点任务",
        "单位",
        "责任人",
        "完成时限",
        "推进状态",
        "完成进度（10分）",
      ],
      [1, "T1", "党建", "任务", "甲区", "张三", "2026-12-31", "已完成", 10],
    ]);
    const r = run([threeCounties(), sheetA([["甲区", 5]]), hidden, ledger]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(["A"]);
  });

  test("a sheet with no 单位 column (填报说明) is no evaluation sheet: left out, no issue", () => {
    const note = gridFromRows("填报说明", [["说明"], ["各单位于每月底前报送评分表"]]);
    const r = run([
      threeCounties(),
      note,
      sheetA([
        ["甲区", 5],
        ["乙区", 6],
        ["丙区", 7],
      ]),
    ]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(["A"]);
    expect(r.issues).toEqual([]);
  });
});

describe("sheet names compare as keys", () => {
  test("a listed sheet is found under another spelling, and named as 考核权重 spells it", () => {
    const r = run([
      threeCounties(),
      settings([], [["一季度考评", 100]]),
      gridFromRows("一季度 考评", [
        ["单位", "组织（10分）"],
        ["甲区", 5],
      ]),
    ]);
    expect(r.sheets.map((s) => [s.sheet, s.weight, s.files])).toEqual([["一季度考评", 100, [FILE]]]);
    expect(r.issues.map((i) => i.code)).toEqual(["unit-missing-in-sheet", "unit-missing-in-sheet"]);
  });

  test("two sheets of one key in a file: one sheet, its file once; unreadable, one issue", () => {
    const a = gridFromRows("平时", [
      ["单位", "组织（10分）"],
      ["甲区", 5],
    ]);
    const b = gridFromRows("平 时", [
      ["单位", "组织（10分）"],
      ["乙区", 6],
      ["丙区", 7],
    ]);
    const r = run([threeCounties(), settings([], [["平时", 100]]), a, b]);
    expect(r.sheets.map((s) => [s.sheet, s.files])).toEqual([["平时", [FILE]]]);
    expect(r.issues).toEqual([]);
    const bad = (name: string) => gridFromRows(name, [["考核对象", "组织"]]);
    const invalid = run([threeCounties(), settings([], [["平时", 100]]), bad("平时"), bad("平 时")]);
    expect(invalid.issues.map((i) => [i.code, i.sheet, i.params])).toEqual([
      ["scoring-sheet-invalid", "平时", { lacks: "unit-column" }],
    ]);
  });
});

test("a unit missing from a sheet split over files is reported in the first file that has the sheet", () => {
  const part = (rows: CellValue[][]) => workbook(sheetA(rows));
  const r = scoreRun([
    { file: "一.xlsx", workbook: workbook(threeCounties(), sheetA([["甲区", 5]])) },
    { file: "二.xlsx", workbook: part([["乙区", 6]]) },
  ]);
  expect(where(r)).toEqual([["一.xlsx", "unit-missing-in-sheet", "A", "A1", "单位"]]);
  expect(r.issues[0]!.value).toBe("丙区");
});

test("weights-sum states the sum to 6 decimals", () => {
  const r = run([
    threeCounties(),
    settings(
      [],
      [
        ["A", 10.1],
        ["B", 20.2],
      ],
    ),
    sheetA(ALL_FIVE),
    gridFromRows("B", [["单位", "组织（10分）"], ...ALL_FIVE]),
  ]);
  expect(r.issues.map((i) => [i.code, i.cell, i.value, i.params])).toEqual([
    ["weights-sum", "B3", 30.3, { sum: 30.3 }],
  ]);
});

test("考核权重 lower down in 设置: its issues name its rows (two digits and more)", () => {
  const filler: CellValue[][] = Array.from({ length: 10 }, () => ["临期天数", 15]);
  const r = run([
    threeCounties(),
    settings(filler, [
      ["A", 60],
      ["缺表", 30],
    ]),
    sheetA(ALL_FIVE),
  ]);
  // 项目 in row 1, ten settings in rows 2–11, a blank row, the table's header in row 13.
  expect(r.issues.map((i) => [i.code, i.cell, i.row])).toEqual([
    ["weights-sum", "B13", 13],
    ["evaluation-sheet-missing", "B15", 15],
  ]);
});

test("with no workbook at all, the issues of weights given by the caller belong to no file", () => {
  const weights = [{ sheet: "A", weight: 100, cell: "B2" }];
  const r = scoreRun([], { settings: { weights } });
  expect(r.issues.map((i) => [i.file, i.code, i.cell])).toEqual([["", "evaluation-sheet-missing", "B2"]]);
});

test("weights given by the caller (no 设置 cell) are not checked for their sum here", () => {
  const r = run([threeCounties(), sheetA(ALL_FIVE)], {
    settings: { weights: [{ sheet: "A", weight: 90, cell: "B2" }] },
  });
  expect(r.issues).toEqual([]);
});

describe("compared to 6 decimals", () => {
  const one = (rows: CellValue[][]) =>
    gridFromRows("A", [["单位", "组织（1分）", "作风（1分）", "合计"], ...rows]);

  test("0.1 + 0.2 ties with 0.3 + 0, and a 合计 that differs states the sum so rounded", () => {
    const r = run([
      threeCounties(),
      one([
        ["甲区", 0.1, 0.2, 1],
        ["乙区", 0.3, 0, 0.3],
        ["丙区", 0, 0, 0],
      ]),
    ]);
    expect(r.units.map((u) => [u.unit, u.rank, u.tied])).toEqual([
      ["甲区", 1, true],
      ["乙区", 1, true],
      ["丙区", 3, false],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.params])).toEqual([
      ["total-mismatch", "D2", { resolved: 0.3 }],
    ]);
  });

  test("加分 of 0.1 + 0.2 is within a cap of 0.3; over a cap of 0.2 the reason states 0.3", () => {
    const bonus = gridFromRows("加减分", [
      ["单位", "加分"],
      ["甲区", 0.1],
      ["甲区", 0.2],
    ]);
    const sheets = [
      threeCounties(),
      one([
        ["甲区", 1, 1, 2],
        ["乙区", 1, 1, 2],
        ["丙区", 1, 1, 2],
      ]),
      bonus,
    ];
    const within = run(sheets, { settings: { bonusCap: 0.3 } });
    expect(within.issues).toEqual([]);
    expect(unit(within, "甲区").reasons.map((x) => x.code)).toEqual(["grade-lines"]);
    expect(unit(within, "甲区")).toMatchObject({ weighted: 100, bonus: 0.1 + 0.2, penalty: 0 });
    const over = run(sheets, { settings: { bonusCap: 0.2 } });
    expect(over.issues.map((i) => [i.code, i.value, i.params])).toEqual([
      ["bonus-capped", 0.3, { sum: 0.3, limit: 0.2 }],
    ]);
    expect(unit(over, "甲区").reasons).toContainEqual({
      code: "bonus-capped",
      params: { sum: 0.3, limit: 0.2 },
    });
  });
});

test("composites apart at the 4th decimal are not tied", () => {
  const bonus = gridFromRows("加减分", [
    ["单位", "加分"],
    ["乙区", 0.0004],
  ]);
  const r = run([
    threeCounties(),
    sheetA([
      ["甲区", 8],
      ["乙区", 8],
      ["丙区", 8],
    ]),
    bonus,
  ]);
  expect(r.units.map((u) => [u.unit, u.rank, u.tied])).toEqual([
    ["乙区", 1, false],
    ["丙区", 2, true],
    ["甲区", 2, true],
  ]);
});

test("a 合计 that is no number differs from any sum, 0 included", () => {
  const r = run([
    threeCounties(),
    gridFromRows("A", [
      ["单位", "组织（10分）", "合计"],
      ["甲区", 0, "无"],
      ["乙区", 0, 0],
      ["丙区", 0, null],
    ]),
  ]);
  expect(r.issues.map((i) => [i.code, i.cell, i.value, i.severity])).toEqual([
    ["total-mismatch", "C2", "无", "warning"],
  ]);
});

test("a grade under every line has none in its reason", () => {
  const r = run([
    threeCounties(),
    sheetA([
      ["甲区", 5],
      ["乙区", 9],
      ["丙区", 8],
    ]),
  ]);
  expect(unit(r, "甲区").reasons).toEqual([{ code: "grade-lines", params: { grade: "差", line: null } }]);
  expect(unit(r, "乙区").reasons).toEqual([{ code: "grade-lines", params: { grade: "好", line: 90 } }]);
  expect(unit(r, "丙区").reasons).toEqual([{ code: "grade-lines", params: { grade: "较好", line: 80 } }]);
});

describe("the order of issues: file, sheet (workbook order), row, column", () => {
  test("files in input order, sheets in workbook order, whatever order 考核权重 lists them in", () => {
    const bad = (name: string) =>
      gridFromRows(name, [
        ["单位", "组织（10分）"],
        ["甲区", "x"],
        ["乙区", 5],
        ["丙区", 5],
      ]);
    const r = scoreRun([
      {
        file: "一.xlsx",
        workbook: workbook(
          threeCounties(),
          settings(
            [],
            [
              ["乙表", 50],
              ["丙表", 25],
              ["甲表", 25],
            ],
          ),
          bad("甲表"),
          bad("丙表"),
        ),
      },
      { file: "二.xlsx", workbook: workbook(bad("乙表")) },
    ]);
    expect(where(r)).toEqual([
      ["一.xlsx", "invalid-number", "甲表", "B2", "组织（10分）"],
      ["一.xlsx", "invalid-number", "丙表", "B2", "组织（10分）"],
      ["二.xlsx", "invalid-number", "乙表", "B2", "组织（10分）"],
    ]);
  });

  test("issues at one place keep the order they were found in: units missing from a sheet, in roster order", () => {
    const r = run([
      roster([
        ["甲区", "县市区"],
        ["乙区", "县市区"],
        ["丙区", "县市区"],
        ["丁区", "县市区"],
      ]),
      sheetA([["丙区", 5]]),
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["unit-missing-in-sheet", "A1", "甲区"],
      ["unit-missing-in-sheet", "A1", "乙区"],
      ["unit-missing-in-sheet", "A1", "丁区"],
    ]);
  });

  test("in a row, by column, though the unit cell right of the scores is read first", () => {
    const rosterAlias = roster([["甲区", "县市区", "甲"]]);
    const r = run([
      rosterAlias,
      gridFromRows("A", [
        ["组织（10分）", "单位"],
        ["x", "甲"],
      ]),
    ]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["invalid-number", "A2"],
      ["nonstandard-value", "B2"],
    ]);
  });

  test("issues of sheets the file lacks (the roster, 设置) come first", () => {
    const r = run([sheetA([["甲区", "x"]])]);
    expect(r.issues.map((i) => [i.code, i.sheet])).toEqual([
      ["no-roster", "单位名册"],
      ["invalid-number", "A"],
    ]);
    // Weights given by the caller: a listed sheet no file has is placed in 设置, which this file lacks.
    const weights = [
      { sheet: "A", weight: 50, cell: "B2" },
      { sheet: "B", weight: 50, cell: "B3" },
    ];
    const listed = run([threeCounties(), gridFromRows("A", [["考核对象", "组织（10分）"]])], {
      settings: { weights },
    });
    expect(listed.issues.map((i) => [i.file, i.code, i.sheet, i.cell])).toEqual([
      [FILE, "evaluation-sheet-missing", "设置", "B3"],
      [FILE, "scoring-sheet-invalid", "A", "A1"],
    ]);
  });
});

test("an invalid roster blocks the summary", () => {
  const r = run([
    roster([
      ["甲区", "县市区"],
      ["乙区", "不存在的类别"],
    ]),
    sheetA([
      ["甲区", 5],
      ["乙区", 5],
    ]),
  ]);
  expect(r.blocking.map((i) => [i.code, i.cell])).toEqual([["invalid-roster", "B3"]]);
});
