/**
 * Evaluation scoring (SPEC §8) through its public entry point, `scoreRun`: every issue code failing
 * and passing (whole issue objects), maxima in each form, weights, 加减分, quota, veto, grade lines,
 * ranking methods, and sheets of the same name across files.
 */
import { type CellValue, type ScoringResult, gridFromRows, scoreRun } from "../../src/core";
import { FILE, UNITS, evaluation, everyone, roster, run, settings, unit, workbook } from "./helpers";
import type { SheetGrid } from "../../src/core";

const ALL = [...UNITS.county, ...UNITS.organ];

/** A place-and-value issue of the run's file, with defaults for what most cases leave empty. */
function issue(fields: {
  code: string;
  sheet: string;
  cell: string | null;
  column: string | null;
  value: CellValue | number | string | null;
  severity?: "error" | "warning";
  params?: object;
  suggestion?: string | null;
}) {
  const row = fields.cell === null ? null : Number(/\d+$/.exec(fields.cell)![0]);
  return {
    file: FILE,
    code: fields.code,
    severity: fields.severity ?? "error",
    sheet: fields.sheet,
    cell: fields.cell,
    row,
    column: fields.column,
    value: fields.value,
    suggestion: fields.suggestion ?? null,
    params: fields.params ?? {},
  };
}

const codes = (r: ScoringResult) => r.issues.map((i) => i.code);

describe("maxima", () => {
  const forms: Array<[string, SheetGrid, number[]]> = [
    [
      "full-width brackets",
      gridFromRows("A", [
        ["单位", "甲（10分）", "乙（30分）"],
        ["甲区", 5, 15],
      ]),
      [10, 30],
    ],
    [
      "half-width brackets",
      gridFromRows("A", [
        ["单位", "甲(10分)", "乙(30分)"],
        ["甲区", 5, 15],
      ]),
      [10, 30],
    ],
    [
      "trailing 10分",
      gridFromRows("A", [
        ["单位名称", "基础保障10分", "乙 30 分"],
        ["甲区", 5, 15],
      ]),
      [10, 30],
    ],
    [
      "(满分10分) and a line break",
      gridFromRows("A", [
        ["单位", "甲\n（满分10分）", "乙(30分)"],
        ["甲区", 5, 15],
      ]),
      [10, 30],
    ],
    [
      "a 分值 row",
      gridFromRows("A", [
        ["单位", "甲", "乙", "合计"],
        ["分值", 10, 30, 40],
        ["甲区", 5, 15, 20],
      ]),
      [10, 30],
    ],
    [
      "a 满分 row under a title",
      gridFromRows("A", [
        ["某某考评表"],
        ["序号", "单位", "甲", "乙"],
        [null, "满分", "10", 30],
        [1, "甲区", 5, 15],
      ]),
      [10, 30],
    ],
    [
      "the 分值 row wins over the header",
      gridFromRows("A", [
        ["单位", "甲（20分）", "乙"],
        ["分值", 10, 30],
        ["甲区", 5, 15],
      ]),
      [10, 30],
    ],
  ];
  test.each(forms)("%s", (_name, sheet, maxima) => {
    const r = run([roster([["甲区", "县市区"]]), sheet]);
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0]!.indicators.map((i) => i.max)).toEqual(maxima);
    expect(r.sheets[0]!.maxTotal).toBe(40);
    expect(unit(r, "甲区").scores["A"]).toBe(50);
    expect(r.issues).toEqual([]);
  });

  test("a two-row header: 单位 merged down, indicators under a group heading", () => {
    const sheet = gridFromRows(
      "A",
      [
        ["序号", "单位", "党建工作（30分）", null, "作风（10分）", "合计"],
        [null, null, "组织建设（20分）", "党员管理（10分）", null, null],
        [1, "甲区", 10, 10, 10, 30],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 1, right: 4 },
          { top: 0, left: 5, bottom: 1, right: 5 },
        ],
      },
    );
    const r = run([roster([["甲区", "县市区"]]), sheet]);
    expect(r.sheets[0]!.indicators.map((i) => [i.header, i.max])).toEqual([
      ["组织建设（20分）", 20],
      ["党员管理（10分）", 10],
      ["作风（10分）", 10],
    ]);
    expect(unit(r, "甲区").scores["A"]).toBe(75);
    expect(r.issues).toEqual([]);
  });

  test("序号, 备注 and 合计 columns are no indicators; 合计（100分） is still the total", () => {
    const sheet = gridFromRows("A", [
      ["序号", "单位", "甲（60分）", "乙（40分）", "合计（100分）", "备注"],
      [1, "甲区", 30, 20, 50, "无"],
    ]);
    const r = run([roster([["甲区", "县市区"]]), sheet]);
    expect(r.sheets[0]!.indicators.map((i) => i.header)).toEqual(["甲（60分）", "乙（40分）"]);
    expect(r.issues).toEqual([]);
  });
});

describe("issue codes, failing and passing", () => {
  const rosterOne = roster([
    ["甲区", "县市区", "甲"],
    ["乙区", "县市区"],
  ]);
  const sheet = (rows: CellValue[][]) =>
    gridFromRows("平时", [["单位", "组织（20分）", "作风（10分）", "合计"], ...rows]);

  test("score-missing: an empty score is an error and counts 0", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲区", 10, "  ", 10],
        ["乙区", 20, 10, 30],
      ]),
    ]);
    expect(r.issues).toEqual([
      issue({ code: "score-missing", sheet: "平时", cell: "C2", column: "作风（10分）", value: "  " }),
    ]);
    expect(unit(r, "甲区").scores["平时"]).toBeCloseTo((10 / 30) * 100, 12);
    expect(unit(r, "乙区").scores["平时"]).toBe(100);
    expect(unit(r, "甲区").reasons).toContainEqual({
      code: "scores-unusable",
      params: { sheet: "平时", cells: 1 },
    });
    expect(unit(r, "乙区").reasons.map((x) => x.code)).toEqual(["grade-lines"]);
  });

  test("invalid-number, out-of-range, formula-error; text and full-width numbers pass", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲区", "九分", 11, 0],
        ["乙区", { error: "#N/A" }, "１０", 10],
      ]),
    ]);
    expect(r.issues).toEqual([
      issue({
        code: "invalid-number",
        sheet: "平时",
        cell: "B2",
        column: "组织（20分）",
        value: "九分",
        params: { min: 0, max: 20 },
      }),
      issue({
        code: "out-of-range",
        sheet: "平时",
        cell: "C2",
        column: "作风（10分）",
        value: 11,
        params: { min: 0, max: 10 },
      }),
      issue({ code: "formula-error", sheet: "平时", cell: "B3", column: "组织（20分）", value: "#N/A" }),
    ]);
    expect(unit(r, "甲区").scores["平时"]).toBe(0);
    expect(unit(r, "乙区").scores["平时"]).toBeCloseTo((10 / 30) * 100, 12);
  });

  test("out-of-range: negative scores too; 0 and the maximum itself pass", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲区", -1, 10],
        ["乙区", 0, 10],
      ]),
    ]);
    expect(r.issues).toEqual([
      issue({
        code: "out-of-range",
        sheet: "平时",
        cell: "B2",
        column: "组织（20分）",
        value: -1,
        params: { min: 0, max: 20 },
      }),
    ]);
  });

  test("total-mismatch: a typed 合计 that differs is a warning; one equal after 6 decimals passes", () => {
    const r = run([
      rosterOne,
      gridFromRows("平时", [
        ["单位", "组织（20分）", "作风（10分）", "合计"],
        ["甲区", 0.1, 0.2, 0.3],
        ["乙区", 15, 8, 25],
      ]),
    ]);
    expect(r.issues).toEqual([
      issue({
        code: "total-mismatch",
        severity: "warning",
        sheet: "平时",
        cell: "D3",
        column: "合计",
        value: 25,
        params: { resolved: 23 },
      }),
    ]);
    expect(unit(r, "乙区").scores["平时"]).toBeCloseTo((23 / 30) * 100, 12);
  });

  test("total-mismatch is not checked on a row whose scores have issues", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲区", "x", 5, 99],
        ["乙区", 1, 1, 2],
      ]),
    ]);
    expect(codes(r)).toEqual(["invalid-number"]);
  });

  test("unit-missing-in-sheet: cell is the unit header, value the unit; it scores 0 there", () => {
    const r = run([rosterOne, sheet([["甲区", 20, 10]])]);
    expect(r.issues).toEqual([
      issue({ code: "unit-missing-in-sheet", sheet: "平时", cell: "A1", column: "单位", value: "乙区" }),
    ]);
    expect(unit(r, "乙区").scores["平时"]).toBe(0);
    expect(unit(r, "乙区").missingSheets).toEqual(["平时"]);
    expect(unit(r, "乙区").reasons).toContainEqual({ code: "sheet-missing", params: { sheet: "平时" } });
  });

  test("duplicate-unit: the later row (alias or not) is ignored", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲区", 20, 10],
        ["乙区", 10, 5],
        ["甲", 0, 0],
      ]),
    ]);
    expect(r.issues).toContainEqual(
      issue({
        code: "duplicate-unit",
        sheet: "平时",
        cell: "A4",
        column: "单位",
        value: "甲",
        params: { firstRow: 2 },
      }),
    );
    expect(unit(r, "甲区").scores["平时"]).toBe(100);
  });

  test("unknown-unit with a suggestion; its row is ignored; an alias is nonstandard-value", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲", 20, 10],
        ["乙去", 10, 5],
        ["乙区", 10, 5],
      ]),
    ]);
    expect(r.issues).toEqual([
      issue({
        code: "nonstandard-value",
        severity: "warning",
        sheet: "平时",
        cell: "A2",
        column: "单位",
        value: "甲",
        params: { resolved: "甲区" },
      }),
      issue({
        code: "unknown-unit",
        sheet: "平时",
        cell: "A3",
        column: "单位",
        value: "乙去",
        suggestion: "乙区",
      }),
    ]);
    expect(unit(r, "甲区").scores["平时"]).toBe(100);
  });

  test("合计/平均 rows and footer notes under the table are no units", () => {
    const r = run([
      rosterOne,
      sheet([
        ["甲区", 20, 10],
        ["乙区", 10, 5],
        ["合计", 30, 15],
        ["注：满分30分", null, null],
      ]),
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe("weights (考核权重)", () => {
  const base = [
    roster(),
    evaluation("平时", [100], everyone([80])),
    evaluation("年终", [50], everyone([45])),
  ];

  test("missing: every evaluation sheet, equal weights", () => {
    const r = run(base);
    expect(r.sheets.map((s) => [s.sheet, s.weight])).toEqual([
      ["平时", 50],
      ["年终", 50],
    ]);
    expect(unit(r, "甲区").composite).toBeCloseTo(85, 12);
    expect(r.blocking).toEqual([]);
  });

  test("listed: only those sheets, with their weights, in the table's order", () => {
    const r = run([
      ...base,
      settings(
        [],
        [
          ["年终", 40],
          ["平时", 60],
        ],
      ),
    ]);
    expect(r.sheets.map((s) => [s.sheet, s.weight])).toEqual([
      ["年终", 40],
      ["平时", 60],
    ]);
    expect(unit(r, "甲区").composite).toBeCloseTo(0.4 * 90 + 0.6 * 80, 12);
    expect(r.issues).toEqual([]);
  });

  test("weights-sum: not summing to 100 is an error on the table's header, and blocks", () => {
    const r = run([
      ...base,
      settings(
        [],
        [
          ["平时", 60],
          ["年终", 30],
        ],
      ),
    ]);
    const expected = issue({
      code: "weights-sum",
      sheet: "设置",
      cell: "B3",
      column: "权重",
      value: 90,
      params: { sum: 90 },
    });
    expect(r.issues).toEqual([expected]);
    expect(r.blocking).toEqual([expected]);
  });

  test("weights summing to 100 only after rounding to 6 decimals pass", () => {
    const three = [...base, evaluation("督查", [10], everyone([10]))];
    const r = run([
      ...three,
      settings(
        [],
        [
          ["平时", 33.3333333],
          ["年终", 33.3333333],
          ["督查", 33.3333334],
        ],
      ),
    ]);
    expect(codes(r)).toEqual([]);
  });

  test("evaluation-sheet-missing: a weight naming a sheet no file has", () => {
    const r = run([
      ...base,
      settings(
        [],
        [
          ["平时", 50],
          ["年终考评", 50],
        ],
      ),
    ]);
    const expected = issue({
      code: "evaluation-sheet-missing",
      sheet: "设置",
      cell: "B5",
      column: "考核表",
      value: "年终考评",
    });
    expect(r.issues).toEqual([expected]);
    expect(r.blocking).toEqual([expected]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(["平时"]);
  });

  test("scoring-sheet-invalid: a listed sheet without maxima", () => {
    const plain = gridFromRows("年终", [
      ["单位", "得分"],
      ["甲区", 90],
    ]);
    const r = run([
      roster(),
      evaluation("平时", [100], everyone([80])),
      plain,
      settings(
        [],
        [
          ["平时", 50],
          ["年终", 50],
        ],
      ),
    ]);
    expect(r.issues).toEqual([
      issue({
        code: "scoring-sheet-invalid",
        sheet: "年终",
        cell: "A1",
        column: "单位",
        value: null,
        params: { lacks: "maxima" },
      }),
    ]);
    expect(r.blocking).toHaveLength(1);
  });
});

describe("sheets that are never evaluation sheets", () => {
  test("加减分, 一票否决, generated sheets, a ledger, the roster and 设置 are not scored", () => {
    const lookalike = (name: string) =>
      gridFromRows(name, [
        ["单位", "加分（5分）", "扣分（5分）"],
        ["甲区", 1, 0],
      ]);
    const ledger = gridFromRows("重点任务台账", [
      [
        "序号",
        "任务编号",
        "任务类别",
        "重点任务",
        "责任单位",
        "责任人",
        "完成时限",
        "推进状态",
        "完成进度（10分）",
      ],
    ]);
    const r = run([
      roster(),
      evaluation("平时", [100], everyone([80])),
      lookalike("加减分"),
      lookalike("一票否决"),
      lookalike("考核汇总"),
      lookalike("通报（第2期）"),
      lookalike("通报（第2期）附件1"),
      ledger,
    ]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(["平时"]);
  });
});

describe("加减分", () => {
  const sheets = (rows: CellValue[][], cap?: number) => [
    roster(),
    evaluation("平时", [100], everyone([80])),
    gridFromRows("加减分", [["单位", "加分", "扣分", "事由"], ...rows]),
    ...(cap === undefined ? [] : []),
  ];

  test("bonus-capped: 加分 over the cap (default 5) counts the cap, with a warning on the first 加分 cell", () => {
    const r = run(
      sheets([
        ["甲区", 4, null, "a"],
        ["乙区", 1, 2, "b"],
        ["甲", 3, 0.5, "c"],
      ]),
    );
    expect(r.issues).toEqual([
      issue({
        code: "bonus-capped",
        severity: "warning",
        sheet: "加减分",
        cell: "B2",
        column: "加分",
        value: 7,
        params: { sum: 7, limit: 5 },
      }),
      issue({
        code: "nonstandard-value",
        severity: "warning",
        sheet: "加减分",
        cell: "A4",
        column: "单位",
        value: "甲",
        params: { resolved: "甲区" },
      }),
    ]);
    const a = unit(r, "甲区");
    expect([a.bonus, a.penalty, a.composite]).toEqual([5, 0.5, 84.5]);
    expect(a.reasons).toContainEqual({ code: "bonus-capped", params: { sum: 7, limit: 5 } });
    const b = unit(r, "乙区");
    expect([b.bonus, b.penalty, b.composite]).toEqual([1, 2, 79]);
  });

  test("a bonus exactly at the cap passes; the cap comes from the settings", () => {
    const r = run(sheets([["甲区", 5]]));
    expect(codes(r)).toEqual([]);
    const capped = run(sheets([["甲区", 5]]), { settings: { bonusCap: 3 } });
    expect(unit(capped, "甲区").bonus).toBe(3);
    expect(codes(capped)).toEqual(["bonus-capped"]);
  });

  test("the composite may pass 100 or fall below 0", () => {
    const r = run([
      roster(),
      evaluation("平时", [100], [["甲区", 100], ["乙区", 1], ...ALL.slice(2).map((u) => [u, 50])]),
      gridFromRows("加减分", [
        ["单位", "加分", "扣分"],
        ["甲区", 2, null],
        ["乙区", null, 3],
      ]),
    ]);
    expect(unit(r, "甲区").composite).toBe(102);
    expect(unit(r, "乙区").composite).toBe(-2);
  });

  test("invalid-number: negative or text points; formula-error; unknown-unit", () => {
    const r = run(
      sheets([
        ["甲区", -1, "两分"],
        ["乙区", { error: "#REF!" }, 1],
        ["庚区", 1, 0],
      ]),
    );
    expect(r.issues).toEqual([
      issue({
        code: "invalid-number",
        sheet: "加减分",
        cell: "B2",
        column: "加分",
        value: -1,
        params: { expected: "non-negative-number" },
      }),
      issue({
        code: "invalid-number",
        sheet: "加减分",
        cell: "C2",
        column: "扣分",
        value: "两分",
        params: { expected: "non-negative-number" },
      }),
      issue({ code: "formula-error", sheet: "加减分", cell: "B3", column: "加分", value: "#REF!" }),
      issue({
        code: "unknown-unit",
        sheet: "加减分",
        cell: "A4",
        column: "单位",
        value: "庚区",
        suggestion: "甲区",
      }),
    ]);
    expect(unit(r, "乙区").penalty).toBe(1);
  });

  test("scoring-sheet-invalid: a 加减分 without 加分/扣分 columns, and a 一票否决 without 单位", () => {
    const r = run([
      roster(),
      evaluation("平时", [100], everyone([80])),
      gridFromRows("加减分", [
        ["单位", "分数"],
        ["甲区", 1],
      ]),
      gridFromRows("一票否决", [
        ["名称", "事由"],
        ["甲区", "x"],
      ]),
    ]);
    expect(r.issues).toEqual([
      issue({
        code: "scoring-sheet-invalid",
        sheet: "加减分",
        cell: "A1",
        column: "单位",
        value: null,
        params: { lacks: "adjustment-columns" },
      }),
      issue({
        code: "scoring-sheet-invalid",
        sheet: "一票否决",
        cell: "A1",
        column: "单位",
        value: null,
        params: { lacks: "unit-column" },
      }),
    ]);
    expect(r.blocking).toHaveLength(2);
  });
});

describe("grades, quota and veto", () => {
  test.each([
    [90, "好"],
    [89.9999995, "好"],
    [89.999999, "较好"],
    [80, "较好"],
    [79.99, "一般"],
    [60, "一般"],
    [59.9999994, "差"],
  ])("a composite of %s is %s (lines 90、80、60, compared to 6 decimals)", (score, grade) => {
    const r = run([
      roster([["甲区", "县市区"]]),
      gridFromRows("A", [
        ["单位", "甲（100分）"],
        ["甲区", score],
      ]),
    ]);
    expect(unit(r, "甲区").grade).toBe(grade);
    expect(unit(r, "甲区").gradeBeforeLimits).toBe(grade);
  });

  test("a composite on a grade line reached by floating-point sums makes the line, and ties", () => {
    // 0.3 × 83 + 0.3 × 86.5 + 0.4 × 79 = 82.45 on paper, 82.44999999999999 in floating point.
    const sheets = [
      roster([
        ["甲区", "县市区"],
        ["乙区", "县市区"],
        ["丙区", "县市区"],
      ]),
      gridFromRows("A", [
        ["单位", "x（100分）"],
        ["甲区", 83],
        ["乙区", 82.45],
        ["丙区", 82.44],
      ]),
      gridFromRows("B", [
        ["单位", "x（100分）"],
        ["甲区", 86.5],
        ["乙区", 82.45],
        ["丙区", 82.46],
      ]),
      gridFromRows("C", [
        ["单位", "x（100分）"],
        ["甲区", 79],
        ["乙区", 82.45],
        ["丙区", 82.45],
      ]),
      settings(
        [],
        [
          ["A", 30],
          ["B", 30],
          ["C", 40],
        ],
      ),
    ];
    const r = run(sheets, { settings: { gradeThresholds: [82.45, 80, 60] } });
    const a = unit(r, "甲区");
    expect(a.composite).toBeLessThan(82.45); // the float sum is off in the last bits …
    expect(a.grade).toBe("好"); // … and still makes the line
    expect(["甲区", "乙区", "丙区"].map((u) => [unit(r, u).rank, unit(r, u).tied])).toEqual([
      [1, true],
      [1, true],
      [1, true],
    ]);
  });

  test("grade lines from the settings", () => {
    const r = run(
      [
        roster([["甲区", "县市区"]]),
        gridFromRows("A", [
          ["单位", "甲（100分）"],
          ["甲区", 85],
        ]),
      ],
      {
        settings: { gradeThresholds: [85, 75, 65] },
      },
    );
    expect(unit(r, "甲区").grade).toBe("好");
  });

  const quotaRows = (scores: number[]) =>
    evaluation(
      "A",
      [100],
      [...UNITS.county.map((u, i) => [u, scores[i]!]), ...UNITS.organ.map((u) => [u, 70])],
    );

  test("quota: q = max(1, ⌊n × 比例⌋), the boundary inside a tie keeps every tied unit", () => {
    // 5 units, 40% → q = 2; 好 candidates 95, 93, 93, 91 → competition ranks 1, 2, 2, 4.
    const r = run([roster(), quotaRows([95, 93, 93, 91, 85])], {
      settings: { goodQuota: { numerator: 2, denominator: 5 } },
    });
    const grades = UNITS.county.map((u) => unit(r, u).grade);
    expect(grades).toEqual(["好", "好", "好", "较好", "较好"]);
    expect(unit(r, "丁区").gradeBeforeLimits).toBe("好");
    expect(unit(r, "丁区").reasons).toContainEqual({ code: "quota-lowered", params: { quota: 2, rank: 4 } });
    expect(unit(r, "丙区").reasons).toContainEqual({ code: "quota-kept", params: { quota: 2, rank: 2 } });
    const group = r.groups.find((g) => g.group === "县市区")!;
    expect([group.quota, group.good]).toEqual([2, 3]);
  });

  test("quota: the candidates' rank is the competition rank even under 中国式", () => {
    // q = 2; candidates 95, 95, 93: ranks 1, 1, 3 → the third is lowered although 中国式 ranks it 2.
    const r = run([roster(), quotaRows([95, 95, 93, 80, 70])], {
      settings: { goodQuota: { numerator: 2, denominator: 5 }, rankingMethod: "dense" },
    });
    expect(UNITS.county.map((u) => unit(r, u).grade)).toEqual(["好", "好", "较好", "较好", "一般"]);
    expect(unit(r, "丙区").rank).toBe(2);
  });

  test("quota: at least one 好, even when ⌊n × 比例⌋ is 0", () => {
    const r = run([roster(), quotaRows([95, 94, 80, 80, 80])], {
      settings: { goodQuota: { numerator: 1, denominator: 10 } },
    });
    expect(UNITS.county.map((u) => unit(r, u).grade)).toEqual(["好", "较好", "较好", "较好", "较好"]);
  });

  test("a vetoed unit that would have been 好 gets at most 否决等次, keeps its score and rank, and frees its quota place", () => {
    const r = run(
      [
        roster(),
        quotaRows([95, 93, 91, 85, 70]),
        gridFromRows("一票否决", [
          ["单位", "事由"],
          ["甲区", "发生严重违纪问题"],
        ]),
      ],
      { settings: { goodQuota: { numerator: 2, denominator: 5 } } },
    );
    const a = unit(r, "甲区");
    expect([a.rank, a.composite, a.gradeBeforeLimits, a.grade, a.veto]).toEqual([
      1,
      95,
      "好",
      "一般",
      "发生严重违纪问题",
    ]);
    expect(a.reasons).toContainEqual({
      code: "veto",
      params: { reason: "发生严重违纪问题", cap: "一般", lowered: true },
    });
    // Candidates 乙区 93 and 丙区 91 both keep 好: the vetoed unit takes no place.
    expect(["乙区", "丙区"].map((u) => unit(r, u).grade)).toEqual(["好", "好"]);
  });

  test("veto: a grade already below the cap stays; 否决等次 from the settings; no 事由", () => {
    const r = run(
      [roster(), quotaRows([95, 50, 91, 85, 70]), gridFromRows("一票否决", [["单位"], ["甲区"], ["乙区"]])],
      { settings: { vetoGrade: "较好" } },
    );
    expect([unit(r, "甲区").grade, unit(r, "甲区").veto]).toEqual(["较好", ""]);
    expect(unit(r, "乙区").grade).toBe("差");
    expect(unit(r, "乙区").reasons).toContainEqual({
      code: "veto",
      params: { reason: "", cap: "较好", lowered: false },
    });
  });
});

describe("ranking", () => {
  const tied = () => [
    roster(),
    evaluation(
      "A",
      [100],
      [...UNITS.county.map((u, i) => [u, [95, 90, 90, 85, 80][i]!]), ...UNITS.organ.map((u) => [u, 70])],
    ),
  ];

  test("competition ranks by default (1, 2, 2, 4) per group, ties shown as 并列", () => {
    const r = run(tied());
    expect(UNITS.county.map((u) => unit(r, u).rank)).toEqual([1, 2, 2, 4, 5]);
    expect(UNITS.county.map((u) => unit(r, u).tied)).toEqual([false, true, true, false, false]);
    expect(UNITS.organ.map((u) => unit(r, u).rank)).toEqual([1, 1, 1, 1, 1]);
  });

  test("中国式 (dense) ranks: 1, 2, 2, 3", () => {
    const r = run(tied(), { settings: { rankingMethod: "dense" } });
    expect(UNITS.county.map((u) => unit(r, u).rank)).toEqual([1, 2, 2, 3, 4]);
  });

  test("groups in roster-group order, units by rank then name", () => {
    const r = run(tied());
    expect(r.groups.map((g) => g.group)).toEqual(["县市区", "市直机关"]);
    expect(r.groups[0]!.units.map((u) => u.unit)).toEqual(["甲区", "丙区", "乙区", "丁区", "戊区"]);
  });
});

describe("several files", () => {
  test("sheets of the same name are one; a unit in both is duplicate-unit naming the first file", () => {
    const a = workbook(
      roster(),
      evaluation(
        "平时",
        [100],
        UNITS.county.map((u) => [u, 80]),
      ),
    );
    const b = workbook(evaluation("平时", [50], [...UNITS.organ.map((u) => [u, 40]), ["甲区", 10]]));
    const r = scoreRun([
      { file: "a.xlsx", workbook: a },
      { file: "b.xlsx", workbook: b },
    ]);
    expect(r.sheets.map((s) => [s.sheet, s.files])).toEqual([["平时", ["a.xlsx", "b.xlsx"]]]);
    expect(r.issues).toEqual([
      {
        ...issue({
          code: "duplicate-unit",
          sheet: "平时",
          cell: "A7",
          column: "单位",
          value: "甲区",
          params: { firstRow: 2, firstFile: "a.xlsx" },
        }),
        file: "b.xlsx",
      },
    ]);
    expect(unit(r, "甲区").scores["平时"]).toBe(80);
    expect(unit(r, "一局").scores["平时"]).toBe(80);
  });

  test("without a roster: units are those the sheets name, one group, and no-roster once", () => {
    const r = run([
      evaluation(
        "A",
        [10],
        [
          ["甲", 9],
          ["乙", 8],
        ],
      ),
      gridFromRows("加减分", [
        ["单位", "加分"],
        ["丙", 1],
      ]),
    ]);
    expect(r.groups.map((g) => [g.group, g.units.map((u) => u.unit)])).toEqual([[null, ["甲", "乙"]]]);
    expect(codes(r)).toEqual(["no-roster", "unknown-unit"]);
  });
});
