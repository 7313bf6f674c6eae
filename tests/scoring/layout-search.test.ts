/**
 * Where a scoring sheet's table is (SPEC §8): the header row searched in the first 20 rows, a
 * two-row header only under a merged 单位 cell, the maxima from a 分值/满分 row or the headers, the
 * names of indicator columns; and the header rows of 加减分 and 一票否决.
 */
import {
  type CellValue,
  type CellRange,
  gridFromRows,
  readAdjustmentLayout,
  readEvaluationLayout,
} from "../../src/core";

/** `count` rows of notes above a table (a title, a date line, …), none of them a header. */
function notes(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => [`说明${i + 1}`]);
}

describe("the header row is searched in the first 20 rows", () => {
  const table: CellValue[][] = [
    ["单位", "组织（10分）"],
    ["甲区", 5],
  ];

  test("a header in the 20th row is found", () => {
    const result = readEvaluationLayout(gridFromRows("A", [...notes(19), ...table]));
    expect(result).toEqual({
      kind: "ok",
      layout: {
        headerRow: 19,
        unitColumn: 0,
        maxRow: null,
        indicators: [{ column: 1, header: "组织（10分）", max: 10 }],
        totalColumn: null,
        firstDataRow: 20,
      },
    });
  });

  test("a header in the 21st row is not: the sheet lacks its unit column", () => {
    expect(readEvaluationLayout(gridFromRows("A", [...notes(20), ...table]))).toEqual({
      kind: "bad",
      lacks: "unit-column",
    });
  });

  test("加减分 and 一票否决 likewise", () => {
    const bonus = [["单位", "加分", "扣分", "事由"]];
    expect(readAdjustmentLayout(gridFromRows("加减分", [...notes(19), ...bonus]), true)).toEqual({
      headerRow: 19,
      unitColumn: 0,
      bonusColumn: 1,
      penaltyColumn: 2,
      reasonColumn: 3,
    });
    expect(
      readAdjustmentLayout(gridFromRows("加减分", [...notes(20), ...bonus, ["甲区", 1, 0, "x"]]), true),
    ).toBeNull();
  });
});

describe("what a sheet lacks", () => {
  test("no 单位 header: the unit column, even with indicator headers", () => {
    const sheet = gridFromRows("A", [
      ["考核对象", "组织（10分）"],
      ["甲区", 5],
    ]);
    expect(readEvaluationLayout(sheet)).toEqual({ kind: "bad", lacks: "unit-column" });
  });

  test("a 单位 header without any maximum: the maxima", () => {
    const sheet = gridFromRows("A", [
      ["单位", "组织", "作风"],
      ["甲区", 5, 5],
    ]);
    expect(readEvaluationLayout(sheet)).toEqual({ kind: "bad", lacks: "maxima" });
  });

  test("a row above the table with maxima but no 单位 is not the header", () => {
    const sheet = gridFromRows("A", [
      ["2026年度考核表", "满分（100分）"],
      ["单位", "组织（10分）"],
      ["甲区", 5],
    ]);
    const result = readEvaluationLayout(sheet);
    expect(result.kind === "ok" && result.layout).toMatchObject({ headerRow: 1, unitColumn: 0 });
  });
});

describe("a two-row header only under a merged 单位 cell", () => {
  test("单位 merged down: the header is two rows and names the sub-indicators", () => {
    const sheet = gridFromRows(
      "A",
      [
        ["单位", "党建（30分）", null, "合计"],
        [null, "组织（20分）", "管理（10分）", null],
        ["甲区", 10, 10, 20],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 0, right: 2 },
          { top: 0, left: 3, bottom: 1, right: 3 },
        ],
      },
    );
    expect(readEvaluationLayout(sheet)).toEqual({
      kind: "ok",
      layout: {
        headerRow: 0,
        unitColumn: 0,
        maxRow: null,
        indicators: [
          { column: 1, header: "组织（20分）", max: 20 },
          { column: 2, header: "管理（10分）", max: 10 },
        ],
        totalColumn: 3,
        firstDataRow: 2,
      },
    });
  });

  test("other merges (a side label, a 备注 column, a footer note) leave the header one row", () => {
    const merges: CellRange[] = [
      // A side label merged down column A, left of 单位.
      { top: 0, left: 0, bottom: 3, right: 0 },
      // One remark for every unit, merged down its column from the header row.
      { top: 0, left: 4, bottom: 3, right: 4 },
      // A note under the table, merged across it.
      { top: 4, left: 0, bottom: 4, right: 4 },
    ];
    const sheet = gridFromRows(
      "A",
      [
        ["考核结果", "单位", "组织（10分）", "作风（10分）", "备注"],
        [null, "甲区", 5, 5, "均已整改"],
        [null, "乙区", 6, 6, null],
        [null, "丙区", 7, 7, null],
        ["注：以上得分经考核组审定。"],
      ],
      { merges },
    );
    expect(readEvaluationLayout(sheet)).toEqual({
      kind: "ok",
      layout: {
        headerRow: 0,
        unitColumn: 1,
        maxRow: null,
        indicators: [
          { column: 2, header: "组织（10分）", max: 10 },
          { column: 3, header: "作风（10分）", max: 10 },
        ],
        totalColumn: null,
        firstDataRow: 1,
      },
    });
  });
});

describe("maxima and names of indicator columns", () => {
  test("a blank or 0 in the 分值 row leaves the column to its header's maximum", () => {
    const sheet = gridFromRows("A", [
      ["单位", "组织", "作风（10分）", "备注（5分）", "说明"],
      ["分值", 20, null, 0, 0],
      ["甲区", 10, 5, 5, "无"],
    ]);
    expect(readEvaluationLayout(sheet)).toEqual({
      kind: "ok",
      layout: {
        headerRow: 0,
        unitColumn: 0,
        maxRow: 1,
        indicators: [
          { column: 1, header: "组织", max: 20 },
          { column: 2, header: "作风（10分）", max: 10 },
          { column: 3, header: "备注（5分）", max: 5 },
        ],
        totalColumn: null,
        firstDataRow: 2,
      },
    });
  });

  test("a header is kept as typed but trimmed; a number names its column as itself; none, by its letter", () => {
    const sheet = gridFromRows("A", [
      ["单位", " 组织（10分） ", 2, null, "作风"],
      ["满分", 10, 20, 30, 40],
      ["甲区", 10, 20, 30, 40],
    ]);
    const result = readEvaluationLayout(sheet);
    expect(result.kind === "ok" && result.layout.indicators).toEqual([
      { column: 1, header: "组织（10分）", max: 10 },
      { column: 2, header: "2", max: 20 },
      { column: 3, header: "D", max: 30 },
      { column: 4, header: "作风", max: 40 },
    ]);
  });

  test("an empty header cell is not named by a title above the header row", () => {
    const sheet = gridFromRows("A", [
      [null, null, "考核表（满分100分）"],
      ["单位", "组织（10分）", null, "作风（10分）"],
      ["甲区", 5, null, 5],
    ]);
    const result = readEvaluationLayout(sheet);
    expect(result.kind === "ok" && result.layout.indicators).toEqual([
      { column: 1, header: "组织（10分）", max: 10 },
      { column: 3, header: "作风（10分）", max: 10 },
    ]);
  });

  test("the unit column is never an indicator, even when its header states a maximum", () => {
    const sheet = gridFromRows("A", [
      ["单位（满分100分）", "组织（60分）", "作风（40分）"],
      ["甲区", 50, 30],
    ]);
    const result = readEvaluationLayout(sheet);
    expect(result.kind === "ok" && result.layout.indicators.map((i) => i.column)).toEqual([1, 2]);
  });
});

describe("加减分 and 一票否决 headers", () => {
  test("加减分 needs a 加分 or 扣分 column: a 单位 row without one is passed over", () => {
    const sheet = gridFromRows("加减分", [
      ["单位", "填报人"],
      [],
      ["单位", "扣分（分）", "原因"],
      ["甲区", 1, "通报批评"],
    ]);
    expect(readAdjustmentLayout(sheet, true)).toEqual({
      headerRow: 2,
      unitColumn: 0,
      bonusColumn: null,
      penaltyColumn: 1,
      reasonColumn: 2,
    });
  });

  test("一票否决 needs only 单位", () => {
    const sheet = gridFromRows("一票否决", [
      ["单位", "否决事由"],
      ["甲区", "发生重大问题"],
    ]);
    expect(readAdjustmentLayout(sheet, false)).toEqual({
      headerRow: 0,
      unitColumn: 0,
      bonusColumn: null,
      penaltyColumn: null,
      reasonColumn: 1,
    });
    expect(readAdjustmentLayout(gridFromRows("一票否决", [["单位名称"], ["甲区"]]), false)).toEqual({
      headerRow: 0,
      unitColumn: 0,
      bonusColumn: null,
      penaltyColumn: null,
      reasonColumn: null,
    });
    expect(readAdjustmentLayout(gridFromRows("一票否决", [["序号", "事由"]]), false)).toBeNull();
  });
});
