/** Saving 考核权重 from the pane: which cells of `设置` are written. */
import { gridFromRows, planWeightsWrite, readSettings } from "../../src/core";

const W = [
  { sheet: "平时掌握情况", weight: 30 },
  { sheet: "年终专项考评", weight: 70 },
];

test("without 设置: the sheet is created with its header and the table", () => {
  expect(planWeightsWrite(null, W)).toEqual({
    sheet: "设置",
    create: true,
    cells: [
      { cell: "A1", value: "项目" },
      { cell: "B1", value: "值" },
      { cell: "A3", value: "考核表" },
      { cell: "B3", value: "权重" },
      { cell: "A4", value: "平时掌握情况" },
      { cell: "B4", value: 30 },
      { cell: "A5", value: "年终专项考评" },
      { cell: "B5", value: 70 },
    ],
  });
});

test("without a table: one is added after a blank row, and reads back", () => {
  const sheet = gridFromRows("设置", [
    ["项目", "值"],
    ["等次线", "90、80、60"],
  ]);
  const plan = planWeightsWrite(sheet, W)!;
  expect(plan.cells.slice(0, 2)).toEqual([
    { cell: "A4", value: "考核表" },
    { cell: "B4", value: "权重" },
  ]);
  const rows = sheet.values.map((r) => [...(r ?? [])]);
  for (const { cell, value } of plan.cells) {
    const row = Number(cell.slice(1)) - 1;
    (rows[row] ??= [])[cell.charCodeAt(0) - 65] = value;
  }
  const read = readSettings(
    gridFromRows(
      "设置",
      rows.map((r) => r ?? []),
    ),
    false,
  );
  expect(read.settings.weights?.map((w) => [w.sheet, w.weight])).toEqual([
    ["平时掌握情况", 30],
    ["年终专项考评", 70],
  ]);
});

test("with a table: listed sheets keep their rows; a new one goes at the table's end", () => {
  const sheet = gridFromRows("设置", [
    ["项目", "值"],
    [],
    ["考核表", "权重"],
    ["年终专项考评", 40],
    ["平时掌握情况", 60],
  ]);
  expect(planWeightsWrite(sheet, [...W, { sheet: "日常督查检查", weight: 0 }])!.cells).toEqual([
    { cell: "B5", value: 30 },
    { cell: "B4", value: 70 },
    { cell: "A6", value: "日常督查检查" },
    { cell: "B6", value: 0 },
  ]);
});

test("no room at the table's end: nothing is planned", () => {
  const sheet = gridFromRows("设置", [["考核表", "权重"], ["年终专项考评", 40], [], ["备注", "x"]]);
  expect(planWeightsWrite(sheet, [{ sheet: "年终专项考评", weight: 100 }])!.cells).toEqual([
    { cell: "B2", value: 100 },
  ]);
  const full = gridFromRows("设置", [
    ["考核表", "权重"],
    ["年终专项考评", 40],
    ["等次线", "90、80、60"],
  ]);
  expect(planWeightsWrite(full, [{ sheet: "平时", weight: 100 }])).toBeNull();
});
