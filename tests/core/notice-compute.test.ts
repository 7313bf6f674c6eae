import {
  DEFAULT_SETTINGS,
  type Group,
  type HistoryRecord,
  type LedgerRow,
  type Roster,
  type Settings,
  type Status,
  computeNotice,
  isoToDay,
  rankGroup,
  computeMetrics,
  changeClause,
  reasonText,
  classifyUnit,
  assignIssueUnits,
  makeIssue,
  subNumber,
} from "../../src/core";

const day = (iso: string) => isoToDay(iso)!;
let seq = 0;

function row(unit: string | null, status: Status | null, extra: Partial<LedgerRow> = {}): LedgerRow {
  seq++;
  const done = status === "已完成" || status === "已销号";
  return {
    sheet: "重点任务台账",
    row: seq + 3,
    taskId: `T${seq}`,
    category: "其他",
    task: `任务${seq}`,
    unit,
    owner: "张三",
    deadline: day("2022-09-30"),
    status,
    progress: done ? 100 : status === "未启动" ? 0 : 50,
    doneDate: done ? day("2022-09-20") : null,
    evidence: null,
    note: null,
    duplicate: false,
    errors: 0,
    ...extra,
  };
}

/** `n` rows for `unit`, the first `completed` of them completed. */
function rows(unit: string, n: number, completed: number, extra: Partial<LedgerRow> = {}): LedgerRow[] {
  return Array.from({ length: n }, (_, i) => row(unit, i < completed ? "已完成" : "推进中", extra));
}

function roster(groups: Record<string, Group>): Roster {
  return { units: Object.entries(groups).map(([name, group]) => ({ name, group, aliases: [] })) };
}

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe("metrics (SPEC §5)", () => {
  it("counts every figure of a unit", () => {
    const data = [
      row("甲", "已完成", { doneDate: day("2022-09-20"), deadline: day("2022-09-30") }), // on time
      row("甲", "已销号", { doneDate: day("2022-10-05"), deadline: day("2022-09-30"), evidence: "x" }), // late
      row("甲", "推进中", { deadline: day("2022-10-30"), progress: 40 }), // overdue on 10-31
      row("甲", "未启动", { deadline: day("2022-10-31"), progress: 0 }), // due on the as-of day: not overdue
      row("甲", "推进中", { deadline: null, progress: null }),
      row("甲", "推进中", { duplicate: true, errors: 1 }), // does not count again, its error does
      row(null, "推进中", { deadline: day("2022-01-01") }), // unknown unit: totals only
    ];
    const { units, totals } = computeMetrics(data, roster({ 甲: "县市区", 乙: "县市区" }), day("2022-10-31"));
    expect(units[0]).toMatchObject({
      unit: "甲",
      assigned: 5,
      completed: 2,
      closed: 1,
      overdue: 1,
      completedLate: 1,
      onTime: 1,
      completionRate: 2 / 5,
      onTimeRate: 1 / 2,
      avgProgress: (100 + 100 + 40 + 0) / 4,
      errors: 1,
    });
    expect(units[1]).toMatchObject({
      unit: "乙",
      assigned: 0,
      completionRate: null,
      onTimeRate: null,
      avgProgress: null,
    });
    expect(totals).toEqual({ assigned: 6, completed: 2, overdue: 2, completionRate: 2 / 6 });
  });
});

describe("ranking (SPEC §5)", () => {
  const group = (spec: Array<[string, number, number]>) =>
    computeMetrics(
      spec.flatMap(([u, n, c]) => rows(u, n, c)),
      roster(Object.fromEntries(spec.map(([u]) => [u, "县市区" as Group]))),
      day("2022-09-01"),
    ).units;

  it.each([
    ["competition", [1, 2, 2, 4]],
    ["dense", [1, 2, 2, 3]],
  ] as const)("%s ranks ties", (...[method, expected]) => {
    const units = group([
      ["甲", 10, 9],
      ["乙", 10, 5],
      ["丙", 4, 2], // 1/2 exactly like 乙
      ["丁", 10, 1],
    ]);
    const ranked = rankGroup(units, method);
    expect(ranked.map((r) => r.rank)).toEqual(expected);
    expect(ranked.map((r) => r.tied)).toEqual([false, true, true, false]);
  });

  it("compares rates exactly, then overdue, then average progress", () => {
    // 1/3 and 2/6 are equal as fractions although 1/3 !== 2/6 is not guaranteed in floating point elsewhere.
    const units = computeMetrics(
      [
        ...rows("甲", 3, 1),
        ...rows("乙", 6, 2),
        ...rows("丙", 6, 2, { deadline: day("2022-12-31") }), // no overdue: better than 乙
        ...rows("丁", 6, 2, { deadline: day("2022-12-31"), progress: 80 }), // same overdue, higher progress
      ],
      roster({ 甲: "县市区", 乙: "县市区", 丙: "县市区", 丁: "县市区" }),
      day("2022-10-01"),
    ).units;
    const ranked = rankGroup(units, "competition");
    // 甲 (1/3, 2 overdue) and 乙 (2/6, 4 overdue) tie on the rate; fewer overdue ranks first.
    expect(ranked.map((r) => [r.metrics.unit, r.rank])).toEqual([
      ["丁", 1],
      ["丙", 2],
      ["甲", 3],
      ["乙", 4],
    ]);
  });
});

describe("red and black lists (SPEC §6)", () => {
  const notice = (
    spec: Array<[string, number, number]>,
    over: Partial<Settings> = {},
    history: HistoryRecord[] = [],
  ) =>
    computeNotice({
      rows: spec.flatMap(([u, n, c]) => rows(u, n, c)),
      roster: roster(Object.fromEntries(spec.map(([u]) => [u, "县市区" as Group]))),
      settings: settings(over),
      asOf: "2022-10-31",
      period: 2,
      history,
    });

  it("red: rank within 红榜名次 and rate at least 红榜最低完成率", () => {
    const n = notice([
      ["甲", 10, 10],
      ["乙", 10, 8], // exactly 80%: on the red list
      ["丙", 10, 7], // rank 3 but 70%
      ["丁", 10, 9],
    ]);
    expect(n.redList.map((e) => e.unit)).toEqual(["甲", "丁", "乙"]);
  });

  it("a cut-off inside a tie takes in every tied unit", () => {
    const n = notice(
      [
        ["甲", 10, 10],
        ["乙", 10, 9],
        ["丙", 10, 9],
        ["丁", 10, 9],
        ["戊", 10, 1],
      ],
      { redTop: 2 },
    );
    expect(n.redList.map((e) => e.unit).sort()).toEqual(["丁", "丙", "乙", "甲"].sort());
  });

  it("black in a small group: only the rate floor applies", () => {
    const n = notice([
      ["甲", 10, 10],
      ["乙", 10, 6],
      ["丙", 10, 4], // below 50%
    ]);
    expect(n.blackList.map((e) => e.unit)).toEqual(["丙"]);
    expect(n.blackList[0]!.reason).toEqual({
      code: "black",
      params: { rate: 0.4, rank: 3, groupSize: 3, floor: 0.5, bottom: null },
    });
    expect(reasonText(n.blackList[0]!.reason)).toBe("完成率40.0%，低于50%");
  });

  it("black in a group of at least 2 × 黑榜名次: the last 黑榜名次 ranks too", () => {
    const n = notice([
      ["A", 10, 10],
      ["B", 10, 10],
      ["C", 10, 10],
      ["D", 10, 9],
      ["E", 10, 8],
      ["F", 10, 7], // rank 6 of 6: > 6 − 3
    ]);
    // n = 6, ranks 4..6 are the last three; D (90%) and E (80%) are not red (ranks 4, 5 > 3).
    expect(n.blackList.map((e) => e.unit)).toEqual(["D", "E", "F"]);
    expect(reasonText(n.blackList[2]!.reason)).toBe("完成率70.0%，组内6个单位中排名后3位（第6名）");
  });

  it("100% is exempt from the black list even when last", () => {
    const n = notice(
      [
        ["A", 10, 10],
        ["B", 10, 10],
        ["C", 10, 10],
        ["D", 10, 10],
        ["E", 10, 10],
        ["F", 10, 10],
      ],
      { redTop: 0 },
    );
    expect(n.blackList).toEqual([]);
  });

  it("a group of one", () => {
    const n = notice([["甲", 10, 3]]);
    expect(n.units[0]).toMatchObject({ rank: 1, red: false, black: true });
  });

  it("not submitted units are listed, not ranked", () => {
    const n = computeNotice({
      rows: rows("甲", 4, 4),
      roster: roster({ 甲: "县市区", 乙: "县市区" }),
      settings: settings(),
      asOf: "2022-10-31",
      period: 1,
      history: [],
    });
    expect(n.notSubmitted).toEqual([{ unit: "乙", group: "县市区" }]);
    expect(n.units.find((u) => u.unit === "乙")).toMatchObject({ rank: null, completionRate: null });
  });
});

describe("history (SPEC §6)", () => {
  const input = (period: number, completed: Record<string, number>, history: HistoryRecord[]) =>
    computeNotice({
      rows: Object.entries(completed).flatMap(([u, c]) => rows(u, 10, c)),
      roster: roster(Object.fromEntries(Object.keys(completed).map((u) => [u, "市直机关" as Group]))),
      settings: settings(),
      asOf: period === 1 ? "2022-09-30" : "2022-10-31",
      period,
      history,
    });

  it("rank changes, stationing and stalling across periods; regenerating a period is idempotent", () => {
    const p1 = input(1, { 甲: 9, 乙: 5, 丙: 3, 丁: 2 }, []);
    expect(p1.stationed).toEqual([]);
    expect(p1.stalled).toEqual([]);
    expect(p1.units.map((u) => u.rankChange)).toEqual([null, null, null, null]);
    expect(p1.blackList.map((e) => e.unit).sort()).toEqual(["丁", "丙"].sort());

    const p2 = input(2, { 甲: 9, 乙: 5, 丙: 8, 丁: 2 }, p1.history as HistoryRecord[]);
    const byUnit = Object.fromEntries(p2.units.map((u) => [u.unit, u]));
    expect(byUnit["丙"]!.rankChange).toBe(3 - 2);
    expect(byUnit["乙"]!.rankChange).toBe(2 - 3);
    expect(p2.stationed.map((e) => e.unit)).toEqual(["丁"]); // black in period 1 and 2
    expect(p2.stalled.map((e) => e.unit).sort()).toEqual(["丁", "乙", "甲"].sort()); // no growth, below 100%

    const again = input(2, { 甲: 9, 乙: 5, 丙: 8, 丁: 2 }, p2.history as HistoryRecord[]);
    expect(again.history).toEqual(p2.history);
    expect(again.history.filter((h) => h.period === 2)).toHaveLength(4);
    expect(again.units.map((u) => u.rankChange)).toEqual(p2.units.map((u) => u.rankChange));
  });
});

describe("the 100% guard of 停滞 and 黑榜, and 新 (SPEC §6)", () => {
  const input = (period: number, completed: Record<string, [number, number]>, history: HistoryRecord[]) =>
    computeNotice({
      rows: Object.entries(completed).flatMap(([u, [n, c]]) => rows(u, n, c)),
      roster: roster(Object.fromEntries(Object.keys(completed).map((u) => [u, "市直机关" as Group]))),
      settings: settings(),
      asOf: period === 1 ? "2022-09-30" : "2022-10-31",
      period,
      history,
    });

  it("a unit at 100% whose completed count did not grow is not 停滞; one below 100% is", () => {
    const p1 = input(1, { 甲: [5, 5], 乙: [10, 3] }, []);
    const p2 = input(2, { 甲: [5, 5], 乙: [10, 3] }, p1.history as HistoryRecord[]);
    expect(p2.stalled.map((e) => e.unit)).toEqual(["乙"]);
    expect(p2.units.find((u) => u.unit === "甲")).toMatchObject({ completionRate: 1, stalled: false });
  });

  it("a unit at 100% ranked last of a large group is not on the black list", () => {
    // Six units at 100%; the last one ranks 6th only on its lower mean progress (its rows say 90).
    const data = ["甲", "乙", "丙", "丁", "戊"].flatMap((u) => rows(u, 2, 2));
    data.push(...rows("己", 2, 2, { progress: 90 }));
    const n = computeNotice({
      rows: data,
      roster: roster(
        Object.fromEntries(["甲", "乙", "丙", "丁", "戊", "己"].map((u) => [u, "县市区" as Group])),
      ),
      settings: settings({ blackTop: 3 }),
      asOf: "2022-10-31",
      period: 1,
      history: [],
    });
    expect(n.units.find((u) => u.unit === "己")).toMatchObject({ rank: 6, red: false, black: false });
    expect(n.blackList).toEqual([]);
  });

  it("新: a unit ranked now and not in the previous period has no rank change; the others have one", () => {
    const p1 = input(1, { 甲: [10, 5], 乙: [10, 3] }, []);
    expect(p1.units.map((u) => u.rankChange)).toEqual([null, null]);
    const p2 = input(2, { 甲: [10, 6], 乙: [10, 4], 丙: [10, 2] }, p1.history as HistoryRecord[]);
    const byUnit = Object.fromEntries(p2.units.map((u) => [u.unit, u]));
    expect([byUnit["甲"]!.rankChange, byUnit["乙"]!.rankChange, byUnit["丙"]!.rankChange]).toEqual([
      0,
      0,
      null,
    ]);
  });
});

describe("overdue and due-soon tasks (SPEC §7)", () => {
  it("lists overdue tasks with days overdue and due-soon tasks within 临期天数", () => {
    const n = computeNotice({
      rows: [
        row("甲", "推进中", { deadline: day("2022-10-01"), taskId: "A1" }),
        row("甲", "已完成", { deadline: day("2022-10-01"), taskId: "A2" }),
        row("甲", "未启动", { deadline: day("2022-11-15"), taskId: "A3", progress: 0 }),
        row("甲", "推进中", { deadline: day("2022-11-16"), taskId: "A4" }),
      ],
      roster: roster({ 甲: "县市区" }),
      settings: settings(),
      asOf: "2022-10-31",
      period: 1,
      history: [],
    });
    expect(n.overdueTasks.map((t) => [t.taskId, t.days, t.deadline])).toEqual([["A1", 30, "2022-10-01"]]);
    expect(n.dueSoonTasks.map((t) => [t.taskId, t.days])).toEqual([["A3", 15]]);
  });
});

describe("change since the previous notice", () => {
  it("compares on the history's basis: rows of unknown units are left out of both sides", () => {
    const unit = { 甲: "县市区" as Group };
    const p1 = computeNotice({
      rows: rows("甲", 10, 5),
      roster: roster(unit),
      settings: settings(),
      asOf: "2022-09-30",
      period: 1,
      history: [],
    });
    const p2 = computeNotice({
      rows: [...rows("甲", 10, 5), row(null, "推进中"), row(null, "推进中")],
      roster: roster(unit),
      settings: settings(),
      asOf: "2022-10-31",
      period: 2,
      history: p1.history as HistoryRecord[],
    });
    expect(p2.totals).toMatchObject({ assigned: 12, completed: 5 });
    expect(p2.rosterTotals).toMatchObject({ assigned: 10, completed: 5, completionRate: 0.5 });
    expect(changeClause(p2)).toBe("与第1期（50.0%）持平");
    expect(p2.unidentified).toEqual({ assigned: 2, completed: 0, overdue: 2, errors: 0 });
  });
});

describe("classifyUnit (SPEC §6)", () => {
  const rules = { redTop: 3, redMinRate: 0.8, blackTop: 3, blackBelowRate: 0.5 };
  it.each([
    // [rank, completed, assigned, groupSize, previous, expected]
    [1, 8, 10, 6, null, { red: true, black: false }],
    [1, 7, 10, 6, null, { red: false, black: false }], // rank 1 but 70% < 80%
    [4, 9, 10, 6, null, { red: false, black: true, inBottom: true, belowFloor: false }],
    [3, 4, 10, 3, null, { red: false, black: true, belowFloor: true, inBottom: false }],
    [3, 6, 10, 5, null, { red: false, black: false }], // last of 5 (< 2 × 3): only the floor
    [6, 10, 10, 6, null, { red: false, black: false }], // last of 6 at 100%: never black
    [2, 4, 10, 6, { completed: 4, black: true }, { black: true, stationed: true, stalled: true }],
    [2, 4, 10, 6, { completed: 3, black: false }, { black: true, stationed: false, stalled: false }],
    [2, 5, 10, 6, null, { black: false }], // exactly 50%: not below the floor
    [1, 10, 10, 6, { completed: 10, black: false }, { stalled: false }], // 100% is never stalled
  ] as const)(
    "rank %i, %i/%i of %i, previous %j",
    (rank, completed, assigned, groupSize, previous, expected) => {
      expect(classifyUnit({ rank, completed, assigned, groupSize }, previous, rules)).toMatchObject(expected);
    },
  );
});

describe("专项通报 (SPEC §7)", () => {
  it("counts only the categories' tasks, with its own history rows and comparisons", () => {
    const mixed = (done: number) => [
      ...rows("甲", 4, done, { category: "巡察整改" }),
      ...rows("甲", 4, 4, { category: "乡村振兴" }),
      ...rows("乙", 2, 2, { category: "乡村振兴" }),
    ];
    const base = { roster: roster({ 甲: "县市区", 乙: "县市区" }), settings: settings() };
    const general = computeNotice({ ...base, rows: mixed(1), asOf: "2022-09-30", period: 1, history: [] });
    const special1 = computeNotice({
      ...base,
      rows: mixed(1),
      asOf: "2022-09-30",
      period: 1,
      history: general.history as HistoryRecord[],
      categories: ["巡察整改"],
    });
    expect(special1.rosterTotals).toMatchObject({ assigned: 4, completed: 1 });
    expect(special1.withoutTasks).toEqual([{ unit: "乙", group: "县市区" }]);
    expect(special1.notSubmitted).toEqual([]);
    // Both period-1 notices are kept: one per kind.
    expect(
      special1.history
        .filter((h) => h.period === 1)
        .map((h) => h.category)
        .sort(),
    ).toEqual(["", "", "巡察整改", "巡察整改"]);
    const special2 = computeNotice({
      ...base,
      rows: mixed(3),
      asOf: "2022-10-31",
      period: 2,
      history: special1.history as HistoryRecord[],
      categories: ["巡察整改"],
    });
    expect(special2.previous).toMatchObject({ period: 1, totals: { assigned: 4, completed: 1 } });
    expect(changeClause(special2)).toBe("较第1期（25.0%）提高50.0个百分点");
  });
});

describe("a later period without history (SPEC §6)", () => {
  it("says 上期记录缺失, shows no rank change and names nobody stationed or stalled", () => {
    const n = computeNotice({
      rows: [...rows("甲", 10, 2), ...rows("乙", 10, 9)],
      roster: roster({ 甲: "县市区", 乙: "县市区" }),
      settings: settings(),
      asOf: "2022-10-31",
      period: 3,
      history: [],
    });
    expect(n.previousMissing).toBe(true);
    expect(n.previous).toBeNull();
    expect(n.stationed).toEqual([]);
    expect(n.stalled).toEqual([]);
    expect(changeClause(n)).toBe("上期记录缺失，无法与上期比较");
  });
});

describe("errors per unit (SPEC §5)", () => {
  it("counts a unit's row issues and its sheet's issues; the rest are unidentified", () => {
    const place = (sheet: string, row: number | null, cell: string | null) => ({
      sheet,
      row,
      cell,
      column: null,
    });
    const r1 = row("甲", "推进中", { row: 4, sheet: "甲台账" });
    const r2 = row(null, "推进中", { row: 5, sheet: "甲台账" });
    const issues = [
      makeIssue("invalid-date", place("甲台账", 4, "G4"), "10月底"),
      makeIssue("unknown-unit", place("甲台账", 5, "E5"), "白露县"),
      makeIssue("duplicate-column", place("甲台账", 3, "M3"), "备注", { params: { firstCell: "L3" } }),
      makeIssue("missing-column", place("乙台账", 3, "A3"), null, { params: { key: "完成时限" } }),
    ];
    const owned = assignIssueUnits([{ file: "a.xlsx", rows: [r1, r2], issues }], new Set(["甲", "乙"]));
    expect(owned.map((i) => i.unit)).toEqual(["甲", null, "甲", null]);
    const declared = assignIssueUnits(
      [{ file: "a.xlsx", rows: [r1, r2], issues, declaredUnits: new Map([["乙台账", "乙"]]) }],
      new Set(["甲", "乙"]),
    );
    expect(declared[3]!.unit).toBe("乙");
    const n = computeNotice({
      rows: [r1, r2],
      roster: roster({ 甲: "县市区", 乙: "县市区" }),
      settings: settings(),
      asOf: "2022-10-31",
      period: 1,
      history: [],
      issues: declared,
    });
    expect(n.units.find((u) => u.unit === "甲")!.errors).toBe(2);
    expect(n.unidentified.errors).toBe(1);
    // 乙's sheet could not be checked: not 未报送.
    expect(n.unchecked).toEqual([{ unit: "乙", group: "县市区" }]);
    expect(n.notSubmitted).toEqual([]);
  });

  it("gives a sheet's issues to its 填报单位 as the rows spell it when they differ only in width or spaces", () => {
    // Without a roster the known units are the rows' units as typed, and so is the 填报单位.
    const a = row("青山区(开发区)", "推进中", { row: 4, sheet: "台账" });
    const b = row("白露县", "推进中", { row: 5, sheet: "台账" });
    const sheetIssue = makeIssue(
      "unknown-column",
      { sheet: "台账", row: 3, cell: "M3", column: null },
      "备用",
    );
    const known = new Set(["青山区(开发区)", "白露县"]);
    const owner = (declared: string) =>
      assignIssueUnits(
        [
          {
            file: "a.xlsx",
            rows: [a, b],
            issues: [sheetIssue],
            declaredUnits: new Map([["台账", declared]]),
          },
        ],
        known,
      )[0]!.unit;
    expect(owner("青山区（开发区）")).toBe("青山区(开发区)");
    expect(owner("青山区 (开发区)")).toBe("青山区(开发区)");
    // Two rows' units with the same key: the 填报单位 names neither, and the sheet has two units.
    const c = row("白 露县", "推进中", { row: 6, sheet: "台账" });
    expect(
      assignIssueUnits(
        [
          {
            file: "a.xlsx",
            rows: [a, b, c],
            issues: [sheetIssue],
            declaredUnits: new Map([["台账", "白露县 "]]),
          },
        ],
        new Set(["青山区(开发区)", "白露县", "白 露县"]),
      )[0]!.unit,
    ).toBeNull();
    expect(owner("黄石县")).toBeNull();
  });
});

describe("the notice's edges", () => {
  it("refuses an as-of date that is no YYYY-MM-DD day, naming it (front ends check it first)", () => {
    expect(() =>
      computeNotice({
        rows: [],
        roster: null,
        settings: DEFAULT_SETTINGS,
        asOf: "2022-10-32",
        period: 1,
        history: [],
      }),
    ).toThrow(new RangeError("as-of date must be YYYY-MM-DD, got 2022-10-32"));
  });

  it("numbers sub-sections （一） to （十）, then in digits", () => {
    expect([0, 1, 9, 10, 11].map(subNumber)).toEqual(["（一）", "（二）", "（十）", "（11）", "（12）"]);
  });
});
