/**
 * The bundled evaluation workbook (`seeds/考核评分.xlsx`, written by the independent ExcelJS
 * generator) against its expected results (`seeds/scoring-expected.json`, computed by the generator
 * from the scores, 加减分 and 一票否决 it wrote — not by our engine).
 */
import path from "node:path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { scoreRun } from "../../src/core";
import { sortIssues } from "../../seeds/generate";
import { SEEDS, expected } from "./expected";

test("the sample's scores, composites, ranks, grades and issues equal the generator's", async () => {
  const workbook = await readWorkbookFile(path.join(SEEDS, expected.file));
  const result = scoreRun([{ file: expected.file, workbook }]);
  expect(result.sheets.map((s) => [s.sheet, s.weight])).toEqual(Object.entries(expected.weights));
  expect(result.units).toHaveLength(expected.units.length);
  for (const e of expected.units) {
    const u = result.units.find((x) => x.unit === e.unit);
    expect(u).toBeDefined();
    for (const [sheet, score] of Object.entries(e.scores)) expect(u!.scores[sheet]).toBeCloseTo(score, 9);
    expect(u!.composite).toBeCloseTo(e.composite, 9);
    const { unit, group, bonus, penalty, veto, rank, grade, gradeBeforeLimits } = u!;
    expect({ unit, group, bonus, penalty, veto, rank, grade, gradeBeforeLimits }).toEqual({
      unit: e.unit,
      group: e.group,
      bonus: e.bonus,
      penalty: e.penalty,
      veto: e.veto,
      rank: e.rank,
      grade: e.grade,
      gradeBeforeLimits: e.gradeBeforeLimits,
    });
  }
  expect(result.groups.map((g) => [g.group, g.quota])).toEqual(
    Object.entries(expected.quotas).map(([g, q]) => [g, q.quota]),
  );
  const found = result.issues.map(({ file, sheet, cell, code }) => ({ file, sheet, cell: cell ?? "", code }));
  expect(sortIssues(found)).toEqual(expected.issues);
  expect(result.blocking).toEqual([]);
});
