/**
 * Where a save of 考核权重 writes in `设置` (SPEC §9): the table as the reader takes it (its header,
 * its rows down to an empty name or a known setting), new sheets at its end only when the row is
 * free, a new table after the last used row; and the typed weight's `%`.
 */
import {
  type SheetGrid,
  gridFromRows,
  parseTypedWeight,
  planWeightsWrite,
  readSettings,
} from "../../src/core";

/** `sheet` with `cells` written in (number formats kept), read back as `设置`. */
function readBack(sheet: SheetGrid, cells: ReadonlyArray<{ cell: string; value: string | number }>) {
  const rows = sheet.values.map((r) => [...(r ?? [])]);
  for (const { cell, value } of cells) {
    const row = Number(cell.slice(1)) - 1;
    while (rows.length <= row) rows.push([]);
    rows[row]![cell.charCodeAt(0) - 65] = value;
  }
  return readSettings(gridFromRows("设置", rows), false);
}

const weightsRead = (read: ReturnType<typeof readSettings>) =>
  read.settings.weights?.map((w) => [w.sheet, w.weight]);

describe("a new table goes after the last used row, past one blank row", () => {
  test("the plan writes into the existing sheet", () => {
    const sheet = gridFromRows("设置", [
      ["项目", "值"],
      ["等次线", "90、80、60"],
    ]);
    expect(planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 100 }])).toEqual({
      sheet: "设置",
      create: false,
      cells: [
        { cell: "A4", value: "考核表" },
        { cell: "B4", value: "权重" },
        { cell: "A5", value: "年终专项考评" },
        { cell: "B5", value: 100 },
      ],
    });
  });

  test("a row used in column B only is used; empty and missing rows under it are not", () => {
    const sheet: SheetGrid = {
      name: "设置",
      values: [
        ["项目", "值"],
        ["等次线", "90、80、60"],
        [null, "（以上为默认值）"],
        [null, null],
        [],
        undefined,
      ],
      numberFormats: [],
      merges: [],
    };
    const plan = planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 100 }])!;
    expect(plan.cells.map((c) => c.cell)).toEqual(["A5", "B5", "A6", "B6"]);
    expect(weightsRead(readBack(sheet, plan.cells))).toEqual([["年终专项考评", 100]]);
  });

  test("an empty 设置: the table starts in the second row, and reads back", () => {
    const sheet = gridFromRows("设置", []);
    const plan = planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 100 }])!;
    expect(plan.cells.map((c) => c.cell)).toEqual(["A2", "B2", "A3", "B3"]);
    expect(weightsRead(readBack(sheet, plan.cells))).toEqual([["年终专项考评", 100]]);
  });
});

describe("the table's rows, as the reader takes them", () => {
  test("an existing table: its weights rewritten, new sheets appended one under another", () => {
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
    ]);
    const weights = [
      { sheet: "平时掌握情况", weight: 30 },
      { sheet: "日常督查检查", weight: 30 },
      { sheet: "年终专项考评", weight: 40 },
    ];
    const plan = planWeightsWrite(sheet, weights);
    expect(plan).toEqual({
      sheet: "设置",
      create: false,
      cells: [
        { cell: "B2", value: 30 },
        { cell: "A3", value: "日常督查检查" },
        { cell: "B3", value: 30 },
        { cell: "A4", value: "年终专项考评" },
        { cell: "B4", value: 40 },
      ],
    });
    expect(weightsRead(readBack(sheet, plan!.cells))).toEqual(weights.map((w) => [w.sheet, w.weight]));
  });

  test("a blank row ends the table: a new sheet goes there, not after the rows below it", () => {
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      [],
      [],
      ["备注", "权重按百分比填写"],
    ]);
    const plan = planWeightsWrite(sheet, [
      { sheet: "平时掌握情况", weight: 50 },
      { sheet: "年终专项考评", weight: 50 },
    ])!;
    expect(plan.cells).toEqual([
      { cell: "B2", value: 50 },
      { cell: "A3", value: "年终专项考评" },
      { cell: "B3", value: 50 },
    ]);
    const read = readBack(sheet, plan.cells);
    expect(weightsRead(read)).toEqual([
      ["平时掌握情况", 50],
      ["年终专项考评", 50],
    ]);
    // The note stays outside the table.
    expect(read.issues.map((i) => [i.code, i.cell])).toEqual([["unknown-setting", "A5"]]);
  });

  test("a row whose name is no text ends the table; its cell is not overwritten", () => {
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      [2026, null],
    ]);
    expect(weightsRead(readBack(sheet, []))).toEqual([["平时掌握情况", 50]]);
    expect(planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 50 }])).toBeNull();
  });

  test("a row under the table with only its B cell used is not overwritten", () => {
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      [null, "合计100"],
    ]);
    expect(planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 50 }])).toBeNull();
  });
});

test("a typed weight may end in %, nowhere else", () => {
  expect(parseTypedWeight("30%")).toBe(30);
  expect(parseTypedWeight("%30")).toBeNull();
  expect(parseTypedWeight("3%0")).toBeNull();
});

describe("regressions", () => {
  test("a new sheet in the blank row above a note would join the note to the table: nothing is planned", () => {
    // One blank row ends the table; filled, the note under it becomes one more (invalid) weight row,
    // which turns a warning (unknown-setting) into an error that stops the scoring.
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      [],
      ["备注", "权重按百分比填写"],
    ]);
    expect(readBack(sheet, []).issues.map((i) => [i.code, i.cell])).toEqual([["unknown-setting", "A4"]]);
    expect(planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 50 }])).toBeNull();
    // With a second blank row, there is room, and the note stays outside the table.
    const roomy = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      [],
      [],
      ["备注", "权重按百分比填写"],
    ]);
    const plan = planWeightsWrite(roomy, [{ sheet: "年终专项考评", weight: 50 }])!;
    const read = readBack(roomy, plan.cells);
    expect(read.issues.map((i) => [i.code, i.cell])).toEqual([["unknown-setting", "A5"]]);
    expect(weightsRead(read)).toEqual([
      ["平时掌握情况", 50],
      ["年终专项考评", 50],
    ]);
  });

  test("the table still ends under the added rows: at a known setting, not at a row used in B", () => {
    const rows = (under: Array<string | null>) =>
      gridFromRows("设置", [["考核表", "权重"], ["平时掌握情况", 50], [], under]);
    const added = [{ sheet: "年终专项考评", weight: 50 }];
    const setting = rows(["等次线", "90、80、60"]);
    const plan = planWeightsWrite(setting, added)!;
    expect(plan.cells.map((c) => c.cell)).toEqual(["A3", "B3"]);
    const read = readBack(setting, plan.cells);
    expect(read.issues).toEqual([]);
    expect(weightsRead(read)).toEqual([
      ["平时掌握情况", 50],
      ["年终专项考评", 50],
    ]);
    expect(planWeightsWrite(rows([null, "以上合计100"]), added)).toBeNull();
    // Rewriting listed sheets adds no row: it needs no room, even with no blank row under the table.
    const full = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      [null, "以上合计100"],
    ]);
    expect(planWeightsWrite(full, [{ sheet: "平时掌握情况", weight: 100 }])).toEqual({
      sheet: "设置",
      create: false,
      cells: [{ cell: "B2", value: 100 }],
    });
  });

  test("with two 考核表 | 权重 headers the save goes to the table the reader takes, the last", () => {
    const sheet = gridFromRows("设置", [
      ["考核表", "权重"],
      ["平时掌握情况", 50],
      ["年终专项考评", 50],
      [],
      ["考核表", "权重"],
      ["平时掌握情况", 40],
      ["年终专项考评", 60],
    ]);
    expect(weightsRead(readBack(sheet, []))).toEqual([
      ["平时掌握情况", 40],
      ["年终专项考评", 60],
    ]);
    const weights = [
      { sheet: "平时掌握情况", weight: 30 },
      { sheet: "年终专项考评", weight: 70 },
    ];
    const plan = planWeightsWrite(sheet, weights)!;
    expect(plan.cells).toEqual([
      { cell: "B6", value: 30 },
      { cell: "B7", value: 70 },
    ]);
    expect(weightsRead(readBack(sheet, plan.cells))).toEqual([
      ["平时掌握情况", 30],
      ["年终专项考评", 70],
    ]);
  });
});
