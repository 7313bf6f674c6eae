/**
 * Properties of ranks, grades, the 好 quota and the veto over random groups (fast-check): whatever
 * the scores, ties, quota and vetoes, the rules of SPEC §8 hold.
 */
import fc from "fast-check";
import { GRADES, gridFromRows, scoreRun } from "../../src/core";
import { roster, workbook } from "./helpers";

const key = (x: number) => Math.round(x * 1e6);

test("ranks, grade lines, quota and veto hold for random groups", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ half: fc.integer({ min: 100, max: 200 }), veto: fc.boolean() }), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.integer({ min: 1, max: 100 }),
      fc.constantFrom<"competition" | "dense">("competition", "dense"),
      (units, percent, rankingMethod) => {
        const names = units.map((_, i) => `单位${i + 1}`);
        const scores = units.map((u) => u.half / 2); // 50–100 in halves: many ties
        const sheets = [
          roster(names.map((n) => [n, "县市区"] as [string, string])),
          gridFromRows("A", [["单位", "得分（100分）"], ...names.map((n, i) => [n, scores[i]!])]),
          gridFromRows("一票否决", [
            ["单位", "事由"],
            ...names.filter((_, i) => units[i]!.veto).map((n) => [n, "x"]),
          ]),
        ];
        const r = scoreRun([{ file: "x.xlsx", workbook: workbook(...sheets) }], {
          settings: { goodQuota: { numerator: percent, denominator: 100 }, rankingMethod },
        });
        const q = Math.max(1, Math.floor((names.length * percent) / 100));
        expect(r.groups[0]!.quota).toBe(q);
        const all = r.units;
        const candidates = all.filter((u) => u.gradeBeforeLimits === "好" && u.veto === null);
        for (const u of all) {
          const better = all.filter((o) => key(o.composite) > key(u.composite));
          const distinctBetter = new Set(better.map((o) => key(o.composite))).size;
          expect(u.rank).toBe(rankingMethod === "dense" ? distinctBetter + 1 : better.length + 1);
          const line =
            u.composite >= 90 ? "好" : u.composite >= 80 ? "较好" : u.composite >= 60 ? "一般" : "差";
          expect(u.gradeBeforeLimits).toBe(line);
          if (u.veto !== null) expect(GRADES.indexOf(u.grade)).toBeGreaterThanOrEqual(GRADES.indexOf("一般"));
          if (u.grade === "好") {
            expect(u.veto).toBeNull();
            const among = 1 + candidates.filter((o) => key(o.composite) > key(u.composite)).length;
            expect(among).toBeLessThanOrEqual(q);
          }
          if (candidates.includes(u)) {
            const among = 1 + candidates.filter((o) => key(o.composite) > key(u.composite)).length;
            expect(u.grade).toBe(among <= q ? "好" : "较好");
          } else if (u.veto === null) {
            expect(u.grade).toBe(u.gradeBeforeLimits);
          }
        }
        // Only a tie at the boundary lets more than q units be 好.
        const good = all.filter((u) => u.grade === "好");
        if (good.length > q) {
          const lowest = Math.min(...good.map((u) => key(u.composite)));
          expect(good.filter((u) => key(u.composite) === lowest).length).toBeGreaterThan(1);
        }
      },
    ),
    { numRuns: 200 },
  );
});
