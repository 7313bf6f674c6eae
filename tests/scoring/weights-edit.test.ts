/** Saving 考核权重 from the pane: which cells of `设置` are written. */
import {
  checkTypedWeights,
  gridFromRows,
  parseTypedWeight,
  planWeightsWrite,
  readSettings,
} from "../../src/core";

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

/** `sheet` with `cells` written in, read back as `设置`. */
function readBack(
  sheet: ReturnType<typeof gridFromRows>,
  cells: ReadonlyArray<{ cell: string; value: unknown }>,
) {
  const rows = sheet.values.map((r) => [...(r ?? [])]);
  for (const { cell, value } of cells) {
    const row = Number(cell.slice(1)) - 1;
    (rows[row] ??= [])[cell.charCodeAt(0) - 65] = value as string | number;
  }
  // The cells keep their number formats, as a write of values does.
  return readSettings(
    gridFromRows(
      "设置",
      rows.map((r) => r ?? []),
      { numberFormats: sheet.numberFormats.map((r) => r ?? []) },
    ),
    false,
  );
}

test("a weight of 1% or less reads back as itself, not as a fraction of 100% (regression)", () => {
  // In a cell, a plain number ≤ 1 is a fraction (SPEC §9: 0.3 is 30%), so 1 alone would read as 100%.
  const sheet = gridFromRows("设置", [["项目", "值"]]);
  const weights = [
    { sheet: "平时掌握情况", weight: 98.5 },
    { sheet: "日常督查检查", weight: 1 },
    { sheet: "年终专项考评", weight: 0.5 },
    { sheet: "专项", weight: 0 },
  ];
  const read = readBack(sheet, planWeightsWrite(sheet, weights)!.cells);
  expect(read.issues).toEqual([]);
  expect(read.settings.weights?.map((w) => [w.sheet, w.weight])).toEqual(
    weights.map((w) => [w.sheet, w.weight]),
  );
});

test("typed weights: percents 0–100 (a trailing % and full-width digits allowed), together 100", () => {
  expect(parseTypedWeight(" 30 ")).toBe(30);
  expect(parseTypedWeight("30%")).toBe(30);
  expect(parseTypedWeight("３０．５")).toBe(30.5);
  expect(parseTypedWeight("100")).toBe(100);
  expect(parseTypedWeight("0")).toBe(0);
  for (const bad of ["", "100.5", "-1", "三十", "30%%", "1e2", ".5"])
    expect(parseTypedWeight(bad)).toBeNull();
  expect(
    checkTypedWeights([
      { sheet: "甲", text: "30" },
      { sheet: "乙", text: "70%" },
    ]),
  ).toEqual({
    ok: true,
    weights: [
      { sheet: "甲", weight: 30 },
      { sheet: "乙", weight: 70 },
    ],
  });
  expect(
    checkTypedWeights([
      { sheet: "甲", text: "30" },
      { sheet: "乙", text: "x" },
    ]),
  ).toEqual({
    ok: false,
    sheet: "乙",
    sum: NaN,
  });
  expect(
    checkTypedWeights([
      { sheet: "甲", text: "30" },
      { sheet: "乙", text: "60" },
    ]),
  ).toEqual({
    ok: false,
    sheet: null,
    sum: 90,
  });
  // Compared to 6 decimals, as 考核权重's weights-sum is (SPEC §8).
  const thirds = ["33.3333333", "33.3333333", "33.3333334"].map((text, i) => ({ sheet: `表${i}`, text }));
  expect(checkTypedWeights(thirds).ok).toBe(true);
  const off = ["33.33333", "33.33333", "33.33333"].map((text, i) => ({ sheet: `表${i}`, text }));
  expect(checkTypedWeights(off).ok).toBe(false);
});

test("a %-formatted weight cell gets the fraction, so it reads back as the weight typed (regression)", () => {
  // Typing 30% in Excel stores 0.3 formatted 0%; writing 40 there would read as 4000% and be refused.
  const sheet = gridFromRows(
    "设置",
    [
      ["考核表", "权重"],
      ["平时掌握情况", 0.3],
      ["年终专项考评", 0.7],
    ],
    { numberFormats: [[], [undefined, "0%"], [undefined, "0.0%"]] },
  );
  expect(readBack(sheet, []).settings.weights?.map((w) => w.weight)).toEqual([30, 70]);
  const plan = planWeightsWrite(sheet, [
    { sheet: "平时掌握情况", weight: 40 },
    { sheet: "年终专项考评", weight: 60 },
  ])!;
  expect(plan.cells).toEqual([
    { cell: "B2", value: 0.4 },
    { cell: "B3", value: 0.6 },
  ]);
  const read = readBack(sheet, plan.cells);
  expect(read.issues).toEqual([]);
  expect(read.settings.weights?.map((w) => [w.sheet, w.weight])).toEqual([
    ["平时掌握情况", 40],
    ["年终专项考评", 60],
  ]);
});
