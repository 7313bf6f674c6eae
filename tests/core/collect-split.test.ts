/**
 * `split` (SPEC §10): a master ledger read (`readMaster`), its rows sorted by roster unit
 * (`masterRows`), one pre-filled template per unit (`planUnitWorkbook`, `planSplit`) and the file
 * names they get (`unitFileName`).
 */
import {
  type CellValue,
  type SheetPlan,
  type WorkbookGrid,
  COLUMNS,
  DEFAULT_SETTINGS,
  SOURCE_COLUMNS,
  UNKNOWN_UNIT_FILE,
  columnId,
  masterRows,
  planSplit,
  planUnitWorkbook,
  readMaster,
  unitFileName,
} from "../../src/core";
import { HEADERS, ROSTER, ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

const TODAY = "2022-11-01";

/** A master row: the standard columns of `validRow`, then `extra` raw. */
const masterRow = (id: string, unit: CellValue, ...extra: CellValue[]): CellValue[] => {
  const spec = validRow({ 任务编号: id, 责任单位: unit });
  return [...HEADERS.map((h) => spec[h] ?? null), ...extra];
};

function master(rows: CellValue[][], extra: WorkbookGrid["sheets"] = [rosterSheet()], date1904 = false) {
  return workbook([ledgerSheet({ name: "台账", above: [], rows }), ...extra], date1904);
}

/** One column of a plan's values (row by row, `null` for no cell). */
function column(plan: SheetPlan, c: number): CellValue[] {
  return plan.rows.map((r) => (r[c]?.value ?? null) as CellValue);
}

describe("unitFileName", () => {
  it.each([
    ["青山区", "青山区-重点任务台账.xlsx"],
    [" 青山 区 ", "青山 区-重点任务台账.xlsx"],
    ['A/B\\C:D*E?F"G<H>I|J', "A_B_C_D_E_F_G_H_I_J-重点任务台账.xlsx"],
    ["青山\u0000区\u001f", "青山_区_-重点任务台账.xlsx"],
  ])("%j → %j", (unit, file) => {
    expect(unitFileName(unit)).toBe(file);
  });
});

describe("readMaster", () => {
  it("is null for a workbook without a ledger sheet", () => {
    expect(readMaster(workbook([rosterSheet()]), TODAY)).toBeNull();
  });

  it("lists the master's own columns once, first seen first, across its ledger sheets", () => {
    const book = workbook([
      ledgerSheet({
        name: "一月",
        above: [],
        headers: [...HEADERS, "牵头领导", "联系电话", "来源文件"],
        rows: [masterRow("A1", "青山区", "王", "139", "a.xlsx")],
      }),
      ledgerSheet({
        name: "二月",
        above: [],
        headers: [...HEADERS, "联系 电话", "督办"],
        rows: [masterRow("A2", "江南区", "138", "是")],
      }),
      rosterSheet(),
    ]);
    const read = readMaster(book, TODAY)!;
    expect(read.tables.map((t) => t.sheet)).toEqual(["一月", "二月"]);
    expect(read.extraColumns).toEqual([
      { id: "u:牵头领导", header: "牵头领导" },
      { id: "u:联系电话", header: "联系电话" },
      { id: "u:督办", header: "督办" },
    ]);
  });

  it("takes the categories of 设置, else the default ones, and carries roster, settings and date system", () => {
    const settings = settingsSheet([["任务类别", "甲类、乙类"]]);
    const withSettings = readMaster(
      master([masterRow("A1", "青山区")], [rosterSheet(), settings], true),
      TODAY,
    )!;
    expect(withSettings.categories).toEqual(["甲类", "乙类"]);
    expect(withSettings.rosterSheet?.name).toBe("单位名册");
    expect(withSettings.settingsSheet).toBe(settings);
    expect(withSettings.date1904).toBe(true);
    const bare = readMaster(master([masterRow("A1", "青山区")], []), TODAY)!;
    expect(bare.categories).toEqual(DEFAULT_SETTINGS.categories);
    expect(bare.roster).toBeNull();
    expect(bare.rosterSheet).toBeUndefined();
    expect(bare.settingsSheet).toBeUndefined();
  });
});

describe("masterRows", () => {
  it("gives each row the roster's name of its unit, or null for an unknown or empty unit", () => {
    const read = readMaster(
      master([masterRow("A1", "青山"), masterRow("A2", "外单位"), masterRow("A3", null)]),
      TODAY,
    )!;
    expect(masterRows(read).map((r) => r.unit)).toEqual(["青山区", null, null]);
  });

  it("without a roster, takes the unit as typed (trimmed); an empty unit is none", () => {
    const read = readMaster(master([masterRow("A1", " 外单位 "), masterRow("A2", null)], []), TODAY)!;
    expect(masterRows(read).map((r) => r.unit)).toEqual(["外单位", null]);
  });

  it("finds 责任单位 wherever it stands, the first column too, with a roster or without", () => {
    const headers = ["责任单位" as const, ...HEADERS.filter((h) => h !== "责任单位")];
    const row = (unit: string) => {
      const spec = validRow({ 任务编号: "A1", 责任单位: unit });
      return headers.map((h) => spec[h] ?? null);
    };
    const book = (unit: string, extra: WorkbookGrid["sheets"]) =>
      workbook([ledgerSheet({ name: "台账", above: [], headers, rows: [row(unit)] }), ...extra]);
    expect(masterRows(readMaster(book("青山", [rosterSheet()]), TODAY)!).map((r) => r.unit)).toEqual([
      "青山区",
    ]);
    expect(masterRows(readMaster(book("外单位", []), TODAY)!).map((r) => r.unit)).toEqual(["外单位"]);
  });

  it("gives no unit to the rows of a master without a 责任单位 column", () => {
    const headers = HEADERS.filter((h) => h !== "责任单位");
    const row = validRow({ 任务编号: "A1" });
    const book = workbook([
      ledgerSheet({ name: "台账", above: [], headers, rows: [headers.map((h) => row[h] ?? null)] }),
      rosterSheet(),
    ]);
    expect(masterRows(readMaster(book, TODAY)!).map((r) => r.unit)).toEqual([null]);
  });

  it("leaves 来源文件 and 来源行 out of the cells: the unit's return gets its own", () => {
    const book = workbook([
      ledgerSheet({
        name: "合并台账",
        above: [],
        headers: [...HEADERS, "来源文件", "来源行"],
        rows: [masterRow("A1", "青山区", "a.xlsx", 4)],
      }),
      rosterSheet(),
    ]);
    const [row] = masterRows(readMaster(book, TODAY)!);
    // Under any id a column of the master could have, §2's or its header's.
    const held = [...COLUMNS, ...SOURCE_COLUMNS]
      .flatMap((c) => [columnId(c), columnId({ header: c.header, key: null })])
      .map((id) => row!.row.cells.get(id)?.value);
    expect(held).toContain("A1");
    expect(held).not.toContain("a.xlsx");
    expect(row!.row.cells.get("k:taskId")?.value).toBe("A1");
  });
});

describe("planUnitWorkbook", () => {
  it("offers the roster's units in the 责任单位 list; without a roster, the unit alone, or none", () => {
    const rostered = readMaster(master([masterRow("A1", "青山区")]), TODAY)!;
    const units = (plan: ReturnType<typeof planUnitWorkbook>) =>
      column(plan.sheets[0]!, 2).filter((v) => v !== null);
    expect(units(planUnitWorkbook(rostered, "青山区", []))).toEqual(["责任单位", ...ROSTER.map(([n]) => n)]);
    const bare = readMaster(master([masterRow("A1", "外单位")], []), TODAY)!;
    expect(units(planUnitWorkbook(bare, "外单位", []))).toEqual(["责任单位", "外单位"]);
    expect(units(planUnitWorkbook(bare, null, []))).toEqual(["责任单位"]);
    // Nothing to choose from: no drop-down on 责任单位 (only 推进状态 and 任务类别 have one).
    const lists = (plan: ReturnType<typeof planUnitWorkbook>) =>
      (plan.sheets[1]!.validations ?? [])
        .filter((v) => v.rule.type === "list")
        .map((v) => HEADERS[v.range.left]);
    expect(lists(planUnitWorkbook(bare, null, []))).toEqual(["推进状态", "任务类别"]);
    expect(lists(planUnitWorkbook(bare, "外单位", []))).toEqual(["推进状态", "任务类别", "责任单位"]);
  });

  it("carries the master's 单位名册 and 设置 after the template's sheets, when it has them", () => {
    const names = (book: WorkbookGrid) =>
      planUnitWorkbook(readMaster(book, TODAY)!, null, []).sheets.map((s) => s.name);
    const row = [masterRow("A1", "青山区")];
    expect(names(master(row, []))).toEqual(["选项", "重点任务台账"]);
    expect(names(master(row, [settingsSheet([["通报期数", 2]])]))).toEqual(["选项", "重点任务台账", "设置"]);
    expect(names(master(row, [settingsSheet([["通报期数", 2]]), rosterSheet()]))).toEqual([
      "选项",
      "重点任务台账",
      "单位名册",
      "设置",
    ]);
  });
});

describe("planSplit", () => {
  it("without a roster, gives a unit written two ways one workbook, named as first written (rows were sent twice)", () => {
    const rows = [
      masterRow("A1", "外 单位"),
      masterRow("A2", "ＷＡ"),
      masterRow("A3", "外单位"),
      masterRow("A4", "WA"),
    ];
    const split = planSplit(readMaster(master(rows, []), TODAY)!);
    expect(split.files.map((f) => [f.fileName, f.unit, f.rows])).toEqual([
      ["外 单位-重点任务台账.xlsx", "外 单位", 2],
      ["ＷＡ-重点任务台账.xlsx", "ＷＡ", 2],
    ]);
    expect(split.files.reduce((n, f) => n + f.rows, 0)).toBe(split.rowsIn);
  });

  it("gives a unit the roster cannot rank (no valid 单位类别) its workbook too, after the others", () => {
    const roster = rosterSheet([
      ["青山区", "县市区"],
      ["江南区", "不是类别"],
    ]);
    const split = planSplit(
      readMaster(master([masterRow("A1", "江南区"), masterRow("A2", "青山区")], [roster]), TODAY)!,
    );
    expect(split.files.map((f) => [f.fileName, f.unit, f.rows])).toEqual([
      ["青山区-重点任务台账.xlsx", "青山区", 1],
      ["江南区-重点任务台账.xlsx", "江南区", 1],
    ]);
    expect(split).toMatchObject({ rowsIn: 2, unknownRows: 0 });
  });

  it("without a roster, one workbook per unit named in the rows, first seen first; empty units to the unknown file", () => {
    const rows = [
      masterRow("A1", "外单位"),
      masterRow("A2", "江南区"),
      masterRow("A3", null),
      masterRow("A4", "外单位"),
    ];
    const split = planSplit(readMaster(master(rows, []), TODAY)!);
    expect(split.files.map((f) => [f.fileName, f.unit, f.rows])).toEqual([
      ["外单位-重点任务台账.xlsx", "外单位", 2],
      ["江南区-重点任务台账.xlsx", "江南区", 1],
      [UNKNOWN_UNIT_FILE, null, 1],
    ]);
    expect(split).toMatchObject({ rowsIn: 4, unknownRows: 1 });
    // Each workbook holds its own rows, in the master's order.
    const ids = (i: number) =>
      column(split.files[i]!.plan().sheets[1]!, 1).filter((v) => /^A\d$/.test(String(v)));
    expect([ids(0), ids(1), ids(2)]).toEqual([["A1", "A4"], ["A2"], ["A3"]]);
  });
});
