/**
 * What stands in a sheet's first rows, read and written as its users would expect: the 填报单位 above
 * a ledger's header however its spaces fall, and the settings editor's save into a 设置 whose first
 * row already holds something. Written against mutants StrykerJS found surviving in
 * `src/core/ledger/filing.ts` and `src/core/settings/edit.ts` (docs/QUALITY.md, session 17).
 */
import { type CellValue, gridFromRows, planSettingsWrite, readFiling } from "../../src/core";

describe("readFiling: the 填报单位 as typed, without the spaces around it", () => {
  it.each<[string, CellValue[][], string]>([
    ["the name in the next cell, spaces around it", [["填报单位：", "  浮溪县 "]], "浮溪县"],
    ["a seal after a space", [["填报单位：青山区 （盖章）"]], "青山区"],
  ])("%s", (_, rows, unit) => {
    // The header row is the second: the 填报单位 line is the one above it.
    expect(readFiling(gridFromRows("台账", rows), 1, false).unit).toBe(unit);
  });
});

describe("planSettingsWrite into a 设置 whose first row is used", () => {
  const sheetOf = (rows: CellValue[][]) => gridFromRows("设置", rows);

  it("never writes the header over a first row that holds a setting (a 设置 typed without 项目 | 值)", () => {
    const sheet = sheetOf([["通报期数", 3]]);
    expect(planSettingsWrite(sheet, [{ key: "临期天数", text: "7" }]).cells).toEqual([
      { cell: "A2", value: "临期天数" },
      { cell: "B2", value: 7 },
    ]);
  });

  it("leaves the blank row after a 考核权重 header that is the sheet's only row", () => {
    const sheet = sheetOf([["考核表", "权重"]]);
    expect(planSettingsWrite(sheet, [{ key: "临期天数", text: "7" }]).cells).toEqual([
      { cell: "A3", value: "临期天数" },
      { cell: "B3", value: 7 },
    ]);
  });
});
