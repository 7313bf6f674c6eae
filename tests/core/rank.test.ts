/**
 * SPEC §5's ranking keys, one at a time, each against a unit that the next key would order the
 * other way: completion rate (exact), then overdue, then average progress (none last, sums of
 * decimals compared with a tolerance that grows with the counts). Written to kill the mutants of
 * `compareForRank` that the rest of the suite let survive (docs/QUALITY.md).
 */
import { type UnitMetrics, compareForRank, compareUnitNames, rankGroup } from "../../src/core";

function unit(name: string, over: Partial<UnitMetrics>): UnitMetrics {
  const assigned = over.assigned ?? 10;
  const completed = over.completed ?? 5;
  const progressCount = over.progressCount ?? assigned;
  const progressSum = over.progressSum ?? progressCount * 50;
  return {
    unit: name,
    group: "县市区",
    assigned,
    completed,
    closed: 0,
    overdue: 0,
    completedLate: 0,
    onTime: completed,
    completionRate: assigned ? completed / assigned : null,
    onTimeRate: completed ? 1 : null,
    avgProgress: progressCount ? progressSum / progressCount : null,
    progressSum,
    progressCount,
    errors: 0,
    ...over,
  };
}

/** Ranks of `units` by name, whichever order they come in. */
function ranks(units: UnitMetrics[]): Record<string, number> {
  const forward = Object.fromEntries(rankGroup(units, "competition").map((r) => [r.metrics.unit, r.rank]));
  const backward = Object.fromEntries(
    rankGroup([...units].reverse(), "competition").map((r) => [r.metrics.unit, r.rank]),
  );
  expect(backward).toEqual(forward);
  return forward;
}

test("a higher completion rate ranks first even with more overdue tasks", () => {
  const a = unit("甲", { completed: 9, overdue: 1 });
  const b = unit("乙", { completed: 5, overdue: 0 });
  expect(ranks([a, b])).toEqual({ 甲: 1, 乙: 2 });
  expect(compareForRank(a, b)).toBeLessThan(0);
});

test("at the same rate, fewer overdue tasks rank first even with lower progress", () => {
  const a = unit("甲", { overdue: 1, progressSum: 900 });
  const b = unit("乙", { overdue: 2, progressSum: 100 });
  expect(ranks([a, b])).toEqual({ 甲: 1, 乙: 2 });
});

test("no progress at all ranks after some progress, whichever comes first; two without progress tie", () => {
  const none = unit("甲", { progressCount: 0, progressSum: 0 });
  const some = unit("乙", { progressSum: 1 });
  expect(ranks([none, some])).toEqual({ 乙: 1, 甲: 2 });
  expect(compareForRank(none, some)).toBe(1);
  expect(compareForRank(some, none)).toBe(-1);
  expect(compareForRank(none, unit("丙", { progressCount: 0, progressSum: 0 }))).toBe(0);
});

test("average progress that differs only by floating-point rounding is a tie (并列), at any count", () => {
  expect(
    compareForRank(
      unit("甲", { progressCount: 1, progressSum: 0.1 + 0.2 }),
      unit("乙", { progressCount: 1, progressSum: 0.3 }),
    ),
  ).toBe(0);
  // 100,000 values of 0.1 added one by one drift from 10,000 by about 2e-8: still the same mean.
  let drifted = 0;
  for (let i = 0; i < 100_000; i++) drifted += 0.1;
  expect(drifted).not.toBe(10_000);
  const a = unit("甲", { assigned: 100_000, completed: 0, progressCount: 100_000, progressSum: drifted });
  const b = unit("乙", { assigned: 100_000, completed: 0, progressCount: 100_000, progressSum: 10_000 });
  expect(compareForRank(a, b)).toBe(0);
  expect(rankGroup([a, b], "competition").map((r) => [r.rank, r.tied])).toEqual([
    [1, true],
    [1, true],
  ]);
  // A real difference in the mean is not a tie.
  expect(
    compareForRank(
      a,
      unit("丙", { assigned: 100_000, completed: 0, progressCount: 100_000, progressSum: 10_001 }),
    ),
  ).toBe(1);
});

test("a unit alone on its rank is not 并列", () => {
  const r = rankGroup(
    [unit("甲", { completed: 9 }), unit("乙", { completed: 5 }), unit("丙", { completed: 5 })],
    "competition",
  );
  expect(r.map((x) => [x.metrics.unit, x.rank, x.tied])).toEqual([
    ["甲", 1, false],
    ["丙", 2, true],
    ["乙", 2, true],
  ]);
});

describe("unit names in ties: 拼音 order, and never two names equal", () => {
  test("by 拼音, not by code point: 阿 (ā) before 白 (bái), though U+963F > U+767D", () => {
    expect(compareUnitNames("阿城区", "白鹭县")).toBeLessThan(0);
    expect(compareUnitNames("白鹭县", "阿城区")).toBeGreaterThan(0);
    // In a tie the names decide the display order.
    const ranked = rankGroup([unit("白鹭县", {}), unit("阿城区", {})], "competition");
    expect(ranked.map((r) => [r.metrics.unit, r.rank])).toEqual([
      ["阿城区", 1],
      ["白鹭县", 1],
    ]);
  });

  test("names the collator calls equal (a soft hyphen pasted in) still get one fixed order", () => {
    const a = "青山区";
    const b = "青山\u00AD区";
    expect(compareUnitNames(a, b)).not.toBe(0);
    expect(Math.sign(compareUnitNames(a, b))).toBe(-Math.sign(compareUnitNames(b, a)));
    expect(compareUnitNames(a, a)).toBe(0);
    expect(compareUnitNames(b, b)).toBe(0);
  });
});
