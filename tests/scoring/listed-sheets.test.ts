/**
 * Which sheets 考核权重 makes evaluation sheets, and the line a grade's reason names (SPEC §8).
 * Written against mutants StrykerJS found surviving in `src/core/scoring/score.ts` (docs/QUALITY.md,
 * session 17).
 */
import { type CellValue, type SheetGrid, gridFromRows, scoringSettingsOf } from "../../src/core";
import { run, settings, threeCounties, unit } from "./helpers";

const sheet = (name: string, rows: CellValue[][]) => gridFromRows(name, [["单位", "组织（10分）"], ...rows]);

describe("with 考核权重, the sheets it lists and only those", () => {
  test("a sheet it does not list is not scored, though laid out as an evaluation sheet", () => {
    const r = run([
      threeCounties(),
      settings([], [["A", 100]]),
      sheet("A", [
        ["甲区", 5],
        ["乙区", 6],
        ["丙区", 7],
      ]),
      sheet("B", [
        ["甲区", 9],
        ["乙区", 9],
        ["丙区", 9],
      ]),
    ]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(["A"]);
    expect(unit(r, "甲区").composite).toBe(50);
  });

  test("a sheet it lists is scored though hidden (without 考核权重 a hidden sheet is not)", () => {
    const hidden: SheetGrid = {
      ...sheet("A", [
        ["甲区", 5],
        ["乙区", 6],
        ["丙区", 7],
      ]),
      hidden: true,
    };
    const r = run([threeCounties(), settings([], [["A", 100]]), hidden]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(["A"]);
    expect(unit(r, "丙区").composite).toBe(70);
  });
});

test("a 一般 grade's reason names the 一般 line", () => {
  const r = run([
    threeCounties(),
    sheet("A", [
      ["甲区", 7],
      ["乙区", 9],
      ["丙区", 8],
    ]),
  ]);
  const pass = scoringSettingsOf(null).gradeThresholds[2];
  expect(unit(r, "甲区").reasons).toEqual([{ code: "grade-lines", params: { grade: "一般", line: pass } }]);
  expect(pass).toBe(60);
});
