/** The generator's expected scoring results (`seeds/scoring-expected.json`), typed. */
import path from "node:path";
import { readFileSync } from "node:fs";

export const SEEDS = path.join(__dirname, "../../seeds");
export interface ExpectedScoring {
  file: string;
  weights: Record<string, number>;
  quotas: Record<string, { units: number; quota: number }>;
  units: Array<{
    unit: string;
    group: string;
    scores: Record<string, number>;
    composite: number;
    bonus: number;
    penalty: number;
    veto: string | null;
    rank: number;
    grade: string;
    gradeBeforeLimits: string;
  }>;
  issues: Array<{ file: string; sheet: string; cell: string; code: string }>;
}
export const expected = JSON.parse(
  readFileSync(path.join(SEEDS, "scoring-expected.json"), "utf8"),
) as ExpectedScoring;
