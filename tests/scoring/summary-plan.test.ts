/**
 * The `考核汇总` plan (SPEC §8) from a scored run: the title, the weights, grade lines and limits
 * stated above the tables, per group its heading, header and one row per unit (rank with 并列,
 * normalised scores, 加减分, 综合得分, 等次 coloured, 备注 from the reasons), the closing note; merges,
 * widths, row heights for wrapped text, and the print setup.
 */
import { type PlanCell, buildScoreSummaryPlan, gridFromRows, scoreRun } from "../../src/core";
import { roster, settings, workbook } from "./helpers";

const head = (...names: string[]): PlanCell[] =>
  ["排名", "单位", ...names, "加减分", "综合得分", "等次", "备注"].map((value) => ({ value, style: "head" }));

/** A unit's row: the values as the plan should hold them, each with its column's style. */
function unitRow(
  rank: number | string,
  unit: string,
  scores: number[],
  adjust: number,
  composite: number,
  grade: [string, string],
  remark: string | null,
): PlanCell[] {
  return [
    { value: rank, style: "rank" },
    { value: unit, style: "unit" },
    ...scores.map((value) => ({ value, style: "score" })),
    { value: adjust, style: "adjust" },
    { value: composite, style: "composite" },
    { value: grade[0], style: grade[1] },
    { value: remark, style: "remark" },
  ];
}

const NOTE =
  "注：排名按综合得分（保留 6 位小数比较）由高到低，得分相同者并列；表中得分保留 1 位小数，综合得分保留 2 位小数。";
const FORMULA = "各考核表得分折算为百分制，综合得分 = Σ（各表得分 × 权重）+ 加分 − 扣分。";
const LINES = "等次线：综合得分 90 分及以上为好，80 分及以上为较好，60 分及以上为一般，60 分以下为差。";
const QUOTA_RULE =
  "（各组好等次名额为单位数乘以该比例后取整，至少 1 个；名额边界上得分相同的单位一并评为好）";

describe("two groups, with 加减分, 一票否决, the quota, a tie and a missing sheet", () => {
  const LONG = "市直机关工委机关党支部";
  // Planned inside each test, not here: StrykerJS runs a mutant only against the tests that reach it,
  // and code run while the file loads reaches none of them.
  const summary = () =>
    buildScoreSummaryPlan(
      scoreRun([
        {
          file: "考核.xlsx",
          workbook: workbook(
            roster([
              ["甲区", "县市区"],
              ["乙区", "县市区"],
              ["丙区", "县市区"],
              ["丁区", "县市区"],
              ["一局", "市直机关"],
              [LONG, "市直机关"],
            ]),
            settings(
              [
                ["好等次比例", "25%"],
                ["加分上限", 5],
              ],
              [
                ["平时", 40],
                ["日常督查表", 60],
              ],
            ),
            gridFromRows("平时", [
              ["单位", "组织（50分）", "作风（50分）"],
              ["甲区", 45, 45],
              ["乙区", 50, 45],
              ["丙区", 50, 50],
              ["丁区", 40, "x"],
              ["一局", 40, 40],
              [LONG, 40, 40],
            ]),
            gridFromRows("日常督查表", [
              ["单位", "考评（100分）"],
              ["甲区", 95],
              ["乙区", 90],
              ["丙区", 100],
              ["一局", 80],
              [LONG, 80],
            ]),
            gridFromRows("加减分", [
              ["单位", "加分", "扣分", "事由"],
              ["甲区", 4, null, "获表彰"],
              ["甲区", 2, null, "获表彰"],
              ["乙区", null, 1, "通报批评"],
            ]),
            gridFromRows("一票否决", [
              ["单位", "事由"],
              ["丙区", "发生问题"],
            ]),
          ),
        },
      ]),
    );

  test("the rows", () => {
    const plan = summary();
    expect(plan.rows).toEqual([
      [{ value: "考核汇总", style: "title" }],
      [{ value: `考核权重：平时 40%、日常督查表 60%。${FORMULA}`, style: "note" }],
      [{ value: LINES, style: "note" }],
      [
        {
          value: `加分上限 5 分；列入一票否决的单位等次不高于“一般”；好等次比例 25%${QUOTA_RULE}。`,
          style: "note",
        },
      ],
      [],
      [{ value: "一、县市区（4 个单位；好等次名额 1 个；评为好等次 1 个）", style: "section" }],
      head("平时\n（40%）", "日常督查表\n（60%）"),
      // 丙区: 100 by the lines, vetoed down to 一般.
      unitRow(1, "丙区", [100, 100], 0, 100, ["一般", "grade"], "一票否决：发生问题，等次不高于“一般”"),
      // 甲区: 0.4 × 90 + 0.6 × 95 = 93, 加分 4 + 2 capped at 5: 98; first 好 candidate, kept.
      unitRow(2, "甲区", [90, 95], 5, 98, ["好", "gradeGood"], "加分 6 分超过上限，按 5 分计"),
      // 乙区: 0.4 × 95 + 0.6 × 90 − 1 = 91; second 好 candidate, past the quota of 1.
      unitRow(
        3,
        "乙区",
        [95, 90],
        -1,
        91,
        ["较好", "grade"],
        "好等次名额 1 个，在好等次候选单位中列第 2 位，按比例评为较好",
      ),
      // 丁区: 平时 40 + 0 (an invalid score), 日常督查表 missing: 0.4 × 40 = 16.
      unitRow(
        4,
        "丁区",
        [40, 0],
        0,
        16,
        ["差", "gradePoor"],
        "“日常督查表”无得分，按 0 分计；“平时”有 1 项得分漏填或有误，按 0 分计",
      ),
      [],
      [{ value: "二、市直机关（2 个单位；好等次名额 1 个；评为好等次 0 个）", style: "section" }],
      head("平时\n（40%）", "日常督查表\n（60%）"),
      unitRow("1（并列）", LONG, [80, 80], 0, 80, ["较好", "grade"], null),
      unitRow("1（并列）", "一局", [80, 80], 0, 80, ["较好", "grade"], null),
      [],
      [{ value: NOTE, style: "note" }],
    ]);
  });

  test("merges, widths, heights, freeze and print", () => {
    const plan = summary();
    const across = (row: number) => ({ top: row, left: 0, bottom: row, right: 7 });
    expect(plan.name).toBe("考核汇总");
    expect(plan.kind).toBe("summary");
    expect(plan.merges).toEqual([0, 1, 2, 3, 5, 12, 17].map(across));
    expect(plan.columnWidths).toEqual([8, 18, 14, 14, 9, 10, 7, 34]);
    // Title 32 pt; two lines 37, three 53: the weights and limits notes, the header (name, then
    // weight: 日常督查表 takes one line in its 14-wide column), a long 备注 or unit name.
    expect(plan.rowHeights).toEqual({
      0: 32,
      1: 37,
      3: 37,
      6: 37,
      7: 37,
      9: 37,
      10: 53,
      13: 37,
      14: 37,
      17: 37,
    });
    expect(plan.freeze).toEqual({ rows: 1, columns: 0 });
    expect(plan.print).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    });
  });

  test("styles: header fill, good and poor grades coloured, number formats", () => {
    const plan = summary();
    expect(plan.styles["head"]).toMatchObject({ bold: true, fill: "DDEBF7", border: true });
    expect(plan.styles["gradeGood"]).toMatchObject({ fill: "E2EFDA", bold: true });
    expect(plan.styles["gradePoor"]).toMatchObject({ fill: "FDE2E2" });
    expect(plan.styles["score"]).toMatchObject({ numFmt: "0.0" });
    expect(plan.styles["adjust"]).toMatchObject({ numFmt: "+0.0#;-0.0#;0" });
    expect(plan.styles["composite"]).toMatchObject({ numFmt: "0.00", bold: true });
  });
});

test("without a roster: one group of every unit; equal weights and scores to 6 decimals; the quota as a decimal percent", () => {
  const sheet = (name: string, max: number, a: number, b: number) =>
    gridFromRows(name, [
      ["单位", `组织（${max}分）`],
      ["甲区", a],
      ["乙区", b],
    ]);
  const result = scoreRun(
    [
      {
        file: "考核.xlsx",
        workbook: workbook(sheet("A", 3, 1, 2), sheet("B", 10, 7, 8), sheet("C", 10, 7, 8)),
      },
    ],
    { settings: { goodQuota: { numerator: 67, denominator: 200 } } },
  );
  const plan = buildScoreSummaryPlan(result);
  const third = "33.333333%";
  expect(plan.rows).toEqual([
    [{ value: "考核汇总", style: "title" }],
    [{ value: `考核权重：A ${third}、B ${third}、C ${third}。${FORMULA}`, style: "note" }],
    [{ value: LINES, style: "note" }],
    [
      {
        value: `加分上限 5 分；列入一票否决的单位等次不高于“一般”；好等次比例 33.5%${QUOTA_RULE}。`,
        style: "note",
      },
    ],
    [],
    [{ value: "一、全部单位（2 个单位；好等次名额 1 个；评为好等次 0 个）", style: "section" }],
    head(`A\n（${third}）`, `B\n（${third}）`, `C\n（${third}）`),
    // (200/3 + 80 + 80) / 3 and (100/3 + 70 + 70) / 3, rounded to 6 decimals.
    unitRow(1, "乙区", [66.666667, 80, 80], 0, 75.555556, ["一般", "grade"], null),
    unitRow(2, "甲区", [33.333333, 70, 70], 0, 57.777778, ["差", "gradePoor"], null),
    [],
    [{ value: NOTE, style: "note" }],
  ]);
  expect(plan.columnWidths).toEqual([8, 18, 14, 14, 14, 9, 10, 7, 34]);
});

test("without 好等次比例: no quota in the limits or the headings", () => {
  const result = scoreRun([
    {
      file: "考核.xlsx",
      workbook: workbook(
        gridFromRows("A", [
          ["单位", "组织（10分）"],
          ["甲区", 9],
        ]),
      ),
    },
  ]);
  const plan = buildScoreSummaryPlan(result);
  expect(plan.rows[3]).toEqual([
    { value: "加分上限 5 分；列入一票否决的单位等次不高于“一般”。", style: "note" },
  ]);
  expect(plan.rows[5]).toEqual([{ value: "一、全部单位（1 个单位；评为好等次 1 个）", style: "section" }]);
  expect(plan.rows[7]).toEqual(unitRow(1, "甲区", [90], 0, 90, ["好", "gradeGood"], null));
});
