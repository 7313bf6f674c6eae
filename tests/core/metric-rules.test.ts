/**
 * SPEC §5's metric rules, one boundary at a time — written against the mutants the `metric` Stryker
 * run left alive (docs/QUALITY.md): 逾期 only after the deadline day, 已销号 counted apart, a task
 * done on its deadline day on time, the units found without a roster, an empty run's rate, a rate
 * exactly at a threshold, and which issues belong to which unit.
 */
import {
  type IssueData,
  type LedgerRow,
  type Roster,
  assignIssueUnits,
  compareRateWith,
  computeMetrics,
  countErrorsByUnit,
  isOverdue,
  isoToDay,
  makeIssue,
  toPoints,
} from "../../src/core";

const day = (iso: string) => isoToDay(iso)!;
let seq = 0;
function row(unit: string | null, over: Partial<LedgerRow> = {}): LedgerRow {
  seq++;
  return {
    sheet: "台账",
    row: seq + 3,
    taskId: `T${seq}`,
    category: "其他",
    task: `任务${seq}`,
    unit,
    owner: null,
    deadline: day("2022-10-31"),
    status: "推进中",
    progress: 50,
    doneDate: null,
    evidence: null,
    note: null,
    duplicate: false,
    errors: 0,
    ...over,
  };
}
const roster = (...names: string[]): Roster => ({
  units: names.map((name) => ({ name, group: "县市区" as const, aliases: [] })),
});

test("逾期: not completed and due before the as-of day; due on it is not overdue", () => {
  const asOf = day("2022-10-31");
  expect(isOverdue(row("甲", { deadline: day("2022-10-30") }), asOf)).toBe(true);
  expect(isOverdue(row("甲", { deadline: day("2022-10-31") }), asOf)).toBe(false);
  expect(isOverdue(row("甲", { deadline: day("2022-10-30"), status: "已完成" }), asOf)).toBe(false);
  expect(isOverdue(row("甲", { deadline: null }), asOf)).toBe(false);
});

test("已销号 is counted apart from 已完成; done on the deadline day is on time, a day later is late", () => {
  const deadline = day("2022-10-15");
  const { units } = computeMetrics(
    [
      row("甲", { status: "已完成", deadline, doneDate: deadline }),
      row("甲", { status: "已完成", deadline, doneDate: day("2022-10-16") }),
      row("甲", { status: "已销号", deadline, doneDate: day("2022-10-01"), evidence: "纪要" }),
    ],
    roster("甲"),
    day("2022-10-31"),
  );
  expect(units[0]).toMatchObject({ completed: 3, closed: 1, onTime: 2, completedLate: 1 });
});

test("without a roster the units are the names in the rows, first seen first; rows with no unit are totals only", () => {
  const { units, totals } = computeMetrics(
    [row("乙"), row(null), row("甲"), row("乙", { status: "已完成" })],
    null,
    day("2022-10-01"),
  );
  expect(units.map((u) => [u.unit, u.group, u.assigned])).toEqual([
    ["乙", "其他", 2],
    ["甲", "其他", 1],
  ]);
  expect(totals.assigned).toBe(4);
});

test("no rows at all: the totals' rate is null, not 0/0", () => {
  expect(computeMetrics([], roster("甲"), day("2022-10-31")).totals).toEqual({
    assigned: 0,
    completed: 0,
    overdue: 0,
    completionRate: null,
  });
});

test("a rate exactly at a threshold compares equal, though 64.4 × 250 is not exact in floating point", () => {
  const points = toPoints(0.644);
  expect(points * 250).not.toBe(16100); // the noise the comparison must absorb
  expect(compareRateWith(161, 250, points)).toBe(0);
  expect(compareRateWith(160, 250, points)).toBe(-1);
  expect(compareRateWith(162, 250, points)).toBe(1);
});

describe("issues to units (SPEC §5)", () => {
  const place = (row: number, cell: string) => ({ sheet: "台账", row, cell, column: null });

  test("a sheet-level issue goes to the one unit of the sheet's rows, however many rows it has", () => {
    const rows = [row("甲", { row: 4 }), row("甲", { row: 5 }), row("甲", { row: 6 })];
    const issue = makeIssue("missing-column", place(3, "A3"), null, { params: { key: "完成时限" } });
    const owned = assignIssueUnits([{ file: "a.xlsx", rows, issues: [issue] }], new Set(["甲"]));
    expect(owned.map((i) => i.unit)).toEqual(["甲"]);
    const two = [...rows, row("乙", { row: 7 })];
    const shared = assignIssueUnits([{ file: "a.xlsx", rows: two, issues: [issue] }], new Set(["甲", "乙"]));
    expect(shared.map((i) => i.unit)).toEqual([null]);
  });

  test("a row's issue goes to its unit only when the roster knows it", () => {
    const rows = [row("甲", { row: 4 }), row("白露县", { row: 5 })];
    const issues: IssueData[] = [
      makeIssue("invalid-date", place(4, "G4"), "10月底"),
      makeIssue("invalid-date", place(5, "G5"), "10月底"),
    ];
    const owned = assignIssueUnits([{ file: "a.xlsx", rows, issues }], new Set(["甲"]));
    expect(owned.map((i) => i.unit)).toEqual(["甲", null]);
  });

  test("only errors are counted per unit; warnings are not", () => {
    const error = makeIssue("invalid-date", place(4, "G4"), "10月底");
    const warning = makeIssue("nonstandard-value", place(4, "H4"), "完成", {
      params: { resolved: "已完成" },
    });
    expect(error.severity).toBe("error");
    expect(warning.severity).toBe("warning");
    const counted = countErrorsByUnit([
      { ...error, file: "a.xlsx", unit: "甲" },
      { ...warning, file: "a.xlsx", unit: "甲" },
      { ...warning, file: "a.xlsx", unit: null },
      { ...error, file: "a.xlsx", unit: null },
    ]);
    expect([...counted.byUnit]).toEqual([["甲", 1]]);
    expect(counted.unidentified).toBe(1);
  });
});
