/** core/feedback: what is marked, what the instructions sheet says, and the deadline. */
import { buildFeedback, feedbackMarks, feedbackSheetName, makeIssue } from "../../src/core";

const at = (cell: string, row: number, column: string) => ({ sheet: "重点任务台账", cell, row, column });

describe("buildFeedback", () => {
  const issues = [
    makeIssue("invalid-date", at("G5", 5, "完成时限"), "10月底"),
    makeIssue("done-date-in-future", at("J6", 6, "完成时间"), "2022-12-01"),
    makeIssue("done-date-unexpected", at("J6", 6, "完成时间"), "2022-12-01", {
      params: { status: "推进中" },
    }),
    makeIssue("nonstandard-value", at("H7", 7, "推进状态"), "完成", { params: { resolved: "已完成" } }),
    makeIssue("no-roster", { sheet: "单位名册", cell: null, row: null, column: null }, null),
  ];

  test("one mark per cell, red when any of its issues is an error, every message in its comment", () => {
    const marks = feedbackMarks(issues);
    expect(marks.map((m) => [m.cell, m.severity])).toEqual([
      ["G5", "error"],
      ["J6", "error"],
      ["H7", "warning"],
    ]);
    expect(marks[1]!.comment.split("\n").filter((l) => l.startsWith("【错误】"))).toHaveLength(2);
    expect(marks[0]).toMatchObject({ row: 4, column: 6 });
  });

  test("the instructions: unit, counts, deadline = as-of + 补报天数, one numbered row per issue (cell-less ones too)", () => {
    const fb = buildFeedback(issues, {
      file: "青山区.xlsx",
      asOf: "2022-10-31",
      resubmitDays: 5,
      unit: "青山区",
    });
    expect(fb.deadline).toBe("2022-11-05");
    expect([fb.errors, fb.warnings]).toEqual([3, 2]);
    const texts = fb.sheet.rows
      .flatMap((r) => r.map((c) => c?.value))
      .filter((v): v is string => typeof v === "string");
    expect(texts).toContain("单位：青山区");
    expect(texts.some((t) => t.startsWith("请于2022年11月5日前修改后重新报送"))).toBe(true);
    const numbered = fb.sheet.rows.filter((r) => typeof r[0]?.value === "number");
    expect(numbered.map((r) => r[0]!.value)).toEqual([1, 2, 3, 4, 5]);
    expect(numbered[0]![2]).toEqual({
      value: "G5",
      style: "link",
      link: { sheet: "重点任务台账", cell: "G5" },
    });
    expect(numbered[4]![2]!.link).toBeUndefined();
    expect(buildFeedback(issues, { file: "a.xlsx", asOf: "2022-12-30" }).deadline).toBe("2023-01-02");
  });

  test("the sheet name does not clash with one the workbook has", () => {
    expect(feedbackSheetName(["重点任务台账"])).toBe("退回修改说明");
    expect(feedbackSheetName(["退回修改说明", "退回修改说明（2）"])).toBe("退回修改说明（3）");
  });
});
