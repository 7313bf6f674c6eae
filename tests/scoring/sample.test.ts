/**
 * The bundled evaluation workbook (`seeds/考核评分.xlsx`, written by the independent ExcelJS
 * generator) against its expected results (`seeds/scoring-expected.json`, computed by the generator
 * from the scores it wrote, not by our engine).
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { scoreRun } from "../../src/core";

const SEEDS = path.join(__dirname, "../../seeds");
interface Expected {
  file: string;
  weights: Record<string, number>;
  units: Array<{ unit: string; group: string; scores: Record<string, number>; composite: number } & Record<string, unknown>>;
  issues: Array<{ file: string; sheet: string; cell: string; code: string }>;
}
const expected = JSON.parse(readFileSync(path.join(SEEDS, "scoring-expected.json"), "utf8")) as Expected;

test("the sample's scores, composites and issues equal the generator's", async () => {
  const workbook = await readWorkbookFile(path.join(SEEDS, expected.file));
  const result = scoreRun([{ file: expected.file, workbook }]);
  expect(result.sheets.map((s) => [s.sheet, s.weight])).toEqual(Object.entries(expected.weights));
  for (const e of expected.units) {
    const u = result.units.find((x) => x.unit === e.unit);
    expect(u).toBeDefined();
    expect(u!.group).toBe(e.group);
    for (const [sheet, score] of Object.entries(e.scores)) expect(u!.scores[sheet]).toBeCloseTo(score, 9);
    expect(u!.composite).toBeCloseTo(e.composite, 9);
  }
  expect(result.units).toHaveLength(expected.units.length);
  expect(result.issues.map(({ file, sheet, cell, code }) => ({ file, sheet, cell, code }))).toEqual(expected.issues);
});
