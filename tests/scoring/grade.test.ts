/** The exact 好等次比例 arithmetic, grade capping, and the words of scoring's issues and reasons. */
import {
  type GradeReason,
  type IssueCode,
  type IssueData,
  gradeReasonEn,
  gradeReasonZh,
  localizeIssue,
  lowerGrade,
  makeIssue,
  quotaOf,
} from "../../src/core";

test.each([
  [9, "30%", 2],
  [10, "30%", 3],
  [7, "30%", 2],
  [4, "30%", 1],
  [1, "30%", 1],
  [5, "0%", 1],
  // 0.1 + 0.2 style traps: 10 × 0.7 = 7.000000000000001 in floating point, exactly 7 here.
  [10, "70%", 7],
  [100, "29%", 29],
  [3, "33.4%", 1],
  [20, "35%", 7],
])("quotaOf(%i, %s) = %i", (n, ratio, q) => {
  const [whole, decimals = ""] = ratio.replace("%", "").split(".");
  expect(quotaOf(n, { numerator: Number(whole! + decimals), denominator: 100 * 10 ** decimals.length })).toBe(
    q,
  );
});

test("lowerGrade keeps the worse grade", () => {
  expect(lowerGrade("好", "一般")).toBe("一般");
  expect(lowerGrade("差", "一般")).toBe("差");
  expect(lowerGrade("较好", "较好")).toBe("较好");
});

const SCORING_CODES: IssueCode[] = [
  "score-missing",
  "unit-missing-in-sheet",
  "duplicate-unit",
  "total-mismatch",
  "weights-sum",
  "bonus-capped",
  "evaluation-sheet-missing",
  "scoring-sheet-invalid",
];

test.each(SCORING_CODES)("%s has Chinese and English words with its values", (code) => {
  // Every scoring code's parameters at once (each code reads its own).
  const params = { firstRow: 3, sum: 7, limit: 5, resolved: 79, lacks: "maxima" } as const;
  const issue = makeIssue(
    code,
    { sheet: "平时掌握情况", cell: "B2", row: 2, column: "组织建设（20分）" },
    "青山区",
    { params } as never,
  ) as IssueData;
  const zh = localizeIssue(issue, "zh").message;
  const en = localizeIssue(issue, "en").message;
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(en).toMatch(/^[A-Z"]/);
  expect(zh).not.toBe(en);
  if (code === "bonus-capped") expect([zh, en].every((m) => m.includes("7") && m.includes("5"))).toBe(true);
  if (code === "unit-missing-in-sheet" || code === "duplicate-unit") expect(zh).toContain("青山区");
});

test("a duplicate across files names the first file", () => {
  const issue = makeIssue("duplicate-unit", { sheet: "A", cell: "A7", row: 7, column: "单位" }, "甲区", {
    params: { firstRow: 2, firstFile: "a.xlsx" },
  });
  expect(localizeIssue(issue).message).toContain("a.xlsx");
  expect(localizeIssue(issue, "en").message).toContain("a.xlsx");
});

const REASONS: Array<[GradeReason, string, string]> = [
  [
    { code: "grade-lines", params: { grade: "好", line: 90 } },
    "综合得分达到“好”等次线 90 分",
    "reaches the 好 line of 90",
  ],
  [{ code: "grade-lines", params: { grade: "差", line: null } }, "未达到“一般”", "below the 一般 line"],
  [
    { code: "quota-kept", params: { quota: 2, rank: 2 } },
    "好等次名额 2 个，在好等次候选单位中列第 2 位",
    "2nd among",
  ],
  [
    { code: "quota-lowered", params: { quota: 2, rank: 3 } },
    "按比例评为较好",
    "3rd among the 好 candidates, so 较好",
  ],
  [
    { code: "veto", params: { reason: "违纪", cap: "一般", lowered: true } },
    "一票否决：违纪，等次不高于“一般”",
    "capped at 一般",
  ],
  [{ code: "veto", params: { reason: "", cap: "一般", lowered: false } }, "一票否决", "Vetoed (一票否决)"],
  [
    { code: "sheet-missing", params: { sheet: "年终专项考评" } },
    "“年终专项考评”无得分，按 0 分计",
    "No score in 年终专项考评",
  ],
  [
    { code: "bonus-capped", params: { sum: 7, limit: 5 } },
    "加分 7 分超过上限，按 5 分计",
    "Bonus 7 over the cap; 5 counts",
  ],
];

test.each(REASONS)("grade reason %j", (reason, zh, en) => {
  expect(gradeReasonZh(reason)).toContain(zh);
  expect(gradeReasonEn(reason)).toContain(en);
});
