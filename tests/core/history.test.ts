/**
 * The notice history `通报记录` (SPEC §6) read by hand-made sheets rather than round trips: what a
 * person may have typed into it, the rows it must refuse, and the period arithmetic over categories.
 */
import {
  HISTORY_HEADERS,
  HISTORY_SHEET,
  type CellValue,
  type HistoryRecord,
  categoryKey,
  gridFromRows,
  lastPeriod,
  previousPeriod,
  readHistory,
  replacePeriod,
} from "../../src/core";

const sheetOf = (rows: CellValue[][]) => gridFromRows(HISTORY_SHEET, [[...HISTORY_HEADERS], ...rows]);

function record(period: number, unit: string, category = ""): HistoryRecord {
  return {
    period,
    asOf: "2022-10-31",
    unit,
    group: "县市区",
    assigned: 4,
    completed: 2,
    completionRate: 0.5,
    rank: 1,
    red: false,
    black: false,
    category,
  };
}

describe("readHistory", () => {
  it("reads numbers typed as text, trims units and categories, and knows every way of writing 是", () => {
    const { records, issues } = readHistory(
      sheetOf([
        [" 3 ", "2022-10-31", " 青山区 ", "县市区", "4", " 1.5 ", 0.375, "-2", "yes", "y", " 专项甲 "],
        [4, null, "江南区", "不知道", 0, 0, null, null, "true", "否", null],
      ]),
      false,
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        period: 3,
        asOf: "2022-10-31",
        unit: "青山区",
        group: "县市区",
        assigned: 4,
        completed: 1.5,
        completionRate: 0.375,
        rank: -2,
        red: true,
        black: true,
        category: "专项甲",
      },
      {
        period: 4,
        asOf: "",
        unit: "江南区",
        group: "其他",
        assigned: 0,
        completed: 0,
        completionRate: null,
        rank: null,
        red: true,
        black: false,
        category: "",
      },
    ]);
  });

  it("refuses numbers that are not plain decimals", () => {
    for (const bad of ["1.", ".5", "1.5x", "x1", "1 2", "--1", "１"]) {
      const { records, issues } = readHistory(sheetOf([[bad, null, "青山区", "县市区", 4, 1]]), false);
      expect({ bad, records, codes: issues.map((i) => i.code) }).toEqual({
        bad,
        records: [],
        codes: ["invalid-setting"],
      });
    }
  });

  it("skips rows with neither 期数 nor 单位, reports a row with one of them at its own row", () => {
    const { records, issues } = readHistory(
      sheetOf([
        [null, "2022-10-31", null, "县市区", 4, 1],
        [2, null, null, null, 4, 1],
        [1, null, "青山区", null, 4, 1],
      ]),
      false,
    );
    expect(records.map((r) => r.unit)).toEqual(["青山区"]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("invalid-setting");
    expect(issues[0]).toMatchObject({ sheet: HISTORY_SHEET, cell: "A3", row: 3, value: null });
    const unitOnly = readHistory(sheetOf([[null, null, "青山区", null, 4, 1]]), false);
    expect(unitOnly.records).toEqual([]);
    expect(unitOnly.issues).toMatchObject([{ cell: "A2", row: 2, value: "青山区" }]);
  });

  it.each(["期数", "单位", "已完成"])("without a %s column it reads nothing and says so at A1", (missing) => {
    const headers = HISTORY_HEADERS.map((h) => (h === missing ? "备注" : h));
    const { records, issues } = readHistory(
      gridFromRows(HISTORY_SHEET, [headers, [1, null, "青山区", null, 4, 1]]),
      false,
    );
    expect(records).toEqual([]);
    expect(issues.map((i) => [i.code, i.cell, i.row])).toEqual([["invalid-setting", "A1", 1]]);
  });

  it("finds its columns by header wherever they stand, and reads numbers of several digits typed as text", () => {
    for (const headers of [
      ["单位", "已完成", "期数", "任务数"],
      ["已完成", "期数", "单位", "任务数"],
    ]) {
      const at = (h: string) => headers.indexOf(h);
      const row: CellValue[] = [];
      row[at("期数")] = "12";
      row[at("单位")] = "青山区";
      row[at("任务数")] = "40";
      row[at("已完成")] = "10.25";
      const { records, issues } = readHistory(gridFromRows(HISTORY_SHEET, [headers, row]), false);
      expect(issues).toEqual([]);
      expect(records).toMatchObject([{ period: 12, unit: "青山区", assigned: 40, completed: 10.25 }]);
    }
  });

  it("reads a history whose optional columns are missing (older files)", () => {
    const { records, issues } = readHistory(
      gridFromRows(HISTORY_SHEET, [
        ["期数", "单位", "任务数", "已完成"],
        [1, "青山区", 4, 4],
      ]),
      false,
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        period: 1,
        asOf: "",
        unit: "青山区",
        group: "其他",
        assigned: 4,
        completed: 4,
        completionRate: 1,
        rank: null,
        red: false,
        black: false,
        category: "",
      },
    ]);
  });
});

describe("periods", () => {
  const history = [
    record(3, "甲"),
    record(1, "甲"),
    record(5, "甲", "专项"),
    record(2, "甲"),
    record(4, "乙", "专项"),
  ];

  it("previousPeriod: the latest earlier period of the same kind of notice", () => {
    expect(previousPeriod(history, 3)).toBe(2);
    expect(previousPeriod(history, 4)).toBe(3);
    expect(previousPeriod(history, 1)).toBeNull();
    expect(previousPeriod(history, 5, "专项")).toBe(4);
    expect(previousPeriod(history, 4, "专项")).toBeNull();
    expect(previousPeriod(history, 9, "其他")).toBeNull();
  });

  it("lastPeriod: the highest period of the kind, or 0", () => {
    expect(lastPeriod(history)).toBe(3);
    expect(lastPeriod(history, "专项")).toBe(5);
    expect(lastPeriod(history, "其他")).toBe(0);
    expect(lastPeriod([])).toBe(0);
  });

  it("replacePeriod replaces one period of one kind and orders by period", () => {
    const now = [record(2, "乙"), record(2, "丙")];
    const next = replacePeriod(history, 2, now);
    expect(next.map((h) => [h.period, h.unit, h.category])).toEqual([
      [1, "甲", ""],
      [2, "乙", ""],
      [2, "丙", ""],
      [3, "甲", ""],
      [4, "乙", "专项"],
      [5, "甲", "专项"],
    ]);
    expect(replacePeriod(next, 2, now)).toEqual(next);
    const special = replacePeriod(history, 4, [record(4, "丁", "专项")], "专项");
    expect(special.filter((h) => h.period === 4).map((h) => h.unit)).toEqual(["丁"]);
  });

  it("categoryKey: empty for the 综合通报, else the categories joined with 、", () => {
    expect(categoryKey(null)).toBe("");
    expect(categoryKey(undefined)).toBe("");
    expect(categoryKey([])).toBe("");
    expect(categoryKey(["消防", "燃气"])).toBe("消防、燃气");
  });
});
