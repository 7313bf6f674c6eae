/**
 * `退回修改说明` as a unit receives it (SPEC §11): every line of the instructions with its style, the
 * issue table's rows and heights, the sheet's layout (merges, freeze, print, tab colour), the cell
 * marks and their comments. Written against the mutants StrykerJS found surviving in
 * `src/core/feedback/feedback.ts`: the earlier tests checked a few texts and left the rest unpinned.
 */
import { buildFeedback, commentParagraph, feedbackMarks, feedbackSheetName, makeIssue } from "../../src/core";

const at = (cell: string, row: number, column: string) => ({ sheet: "重点任务台账", cell, row, column });

const issues = () => [
  makeIssue("invalid-date", at("G5", 5, "完成时限"), "10月底"),
  makeIssue("invalid-number", at("$I$6", 6, "完成进度"), 1001),
  makeIssue("nonstandard-value", at("H7", 7, "推进状态"), "完成", {
    params: { resolved: "已完成" },
    suggestion: "已完成",
  }),
  makeIssue("no-roster", { sheet: "单位名册", cell: null, row: null, column: null }, null),
];

/** Display width of a text: 2 per CJK character (from U+2E80), 1 per other character. */
const units = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

describe("buildFeedback: the 退回修改说明 sheet", () => {
  const build = (unit?: string | null) =>
    buildFeedback(issues(), { file: "青山区.xlsx", asOf: "2022-10-31", resubmitDays: 3, unit });

  it("states who, which file, the as-of date, the counts and what to do, one merged line each", () => {
    const { sheet } = build("青山区");
    const lines = sheet.rows.slice(0, 6).map((r) => [r[0]?.value, r[0]?.style, r.length]);
    const ask =
      "请于2022年11月3日前修改后重新报送。标红的单元格为错误，须逐项更正；标黄的为警告，请核实后修改或说明。" +
      "单元格上的批注写明了问题和修改建议；点击下表“单元格”一栏可直接跳到该单元格。";
    expect(lines).toEqual([
      ["退回修改说明", "title", 7],
      ["单位：青山区", "info", 7],
      ["文件：青山区.xlsx", "info", 7],
      ["统计截止日期：2022年10月31日", "info", 7],
      ["共发现问题 4 个：错误 2 个，警告 2 个。", "info", 7],
      [ask, "ask", 7],
    ]);
    expect(sheet.merges).toEqual([0, 1, 2, 3, 4, 5].map((r) => ({ top: r, left: 0, bottom: r, right: 6 })));
    // The ask line is as tall as its wrapped text at 16 points a line, across the whole table's width.
    const total = 6 + 16 + 9 + 7 + 56 + 22 + 18;
    expect(sheet.rowHeights?.[5]).toBe(16 * Math.ceil(units(ask) / (total - 1)));
    expect(sheet.rowHeights?.[0]).toBe(30);
    expect(build(null).sheet.rows[1]![0]!.value).toBe("单位：（未能识别）");
  });

  it("lists every issue under its header, the cell a link, values as text, cell-less issues too", () => {
    const { sheet } = build("青山区");
    expect(sheet.rows[6]).toEqual([]);
    expect(sheet.rows[7]!.map((c) => [c?.value, c?.style])).toEqual(
      ["序号", "工作表", "单元格", "级别", "说明", "原值", "建议"].map((h) => [h, "head"]),
    );
    expect(sheet.rowHeights?.[7]).toBe(20);
    const table = sheet.rows.slice(8);
    expect(table.map((r) => r.map((c) => c?.value ?? null))).toEqual([
      [1, "重点任务台账", "G5", "错误", expect.stringContaining("10月底"), "10月底", null],
      [2, "重点任务台账", "I6", "错误", expect.stringContaining("1001"), "1001", null],
      [3, "重点任务台账", "H7", "警告", expect.stringContaining("完成"), "完成", "已完成"],
      [4, "单位名册", "—", "警告", expect.any(String), null, null],
    ]);
    expect(table.map((r) => r[3]!.style)).toEqual(["error", "error", "warning", "warning"]);
    expect(table[1]![2]).toEqual({ value: "I6", style: "link", link: { sheet: "重点任务台账", cell: "I6" } });
    expect(table[3]![2]).toEqual({ value: "—", style: "num" });
  });

  it("gives an issue row the height of its longest wrapped text, at 15 points a line", () => {
    const long = makeIssue(
      "unknown-unit",
      at("E9", 9, "责任单位"),
      "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某",
    );
    const fb = buildFeedback([long], { file: "a.xlsx", asOf: "2022-10-31" });
    // 原值 is 22 wide: 30 CJK characters are 60 units, 3 lines of 21.
    expect(fb.sheet.rowHeights?.[8]).toBe(45);
    const short = buildFeedback([makeIssue("invalid-date", at("G5", 5, "完成时限"), "x")], {
      file: "a.xlsx",
      asOf: "2022-10-31",
    });
    expect(short.sheet.rowHeights?.[8]).toBe(30);
    // 工作表 is 16 wide, 15 usable: a 24-character sheet name is 48 units, 4 lines (not 3 of 16).
    const sheet = "重点任务推进台账".repeat(3);
    const named = buildFeedback(
      [makeIssue("invalid-date", { sheet, cell: "G5", row: 5, column: "完成时限" }, "x")],
      {
        file: "a.xlsx",
        asOf: "2022-10-31",
      },
    );
    expect(named.sheet.rowHeights?.[8]).toBe(60);
  });

  it("freezes and repeats the table's header, fits the width in landscape, and has a red tab", () => {
    const { sheet } = build("青山区");
    expect(sheet).toMatchObject({
      name: "退回修改说明",
      kind: "other",
      columnWidths: [6, 16, 9, 7, 56, 22, 18],
      freeze: { rows: 8, columns: 0 },
      print: {
        orientation: "landscape",
        paperSize: "A4",
        fitToWidth: true,
        repeatRows: { first: 7, last: 7 },
      },
      tabColor: "C00000",
    });
  });

  it("counts errors and warnings apart and gives the deadline", () => {
    const fb = build("青山区");
    expect([fb.errors, fb.warnings, fb.deadline, fb.unit, fb.asOf]).toEqual([
      2,
      2,
      "2022-11-03",
      "青山区",
      "2022-10-31",
    ]);
  });
});

describe("feedbackMarks and their comments", () => {
  it("marks each cell once, without $, amber when all its issues are warnings, red when any is an error (one of two)", () => {
    const marks = feedbackMarks([
      makeIssue("nonstandard-value", at("H7", 7, "推进状态"), "完成", { params: { resolved: "已完成" } }),
      makeIssue("invalid-date", at("$G$5", 5, "完成时限"), "10月底"),
      makeIssue("nonstandard-value", at("H7", 7, "推进状态"), "完成", { params: { resolved: "已完成" } }),
      makeIssue("done-date-in-future", at("G5", 5, "完成时限"), "2023-01-01"),
      makeIssue("nonstandard-value", at("H8", 8, "推进状态"), "完成", { params: { resolved: "已完成" } }),
      makeIssue("invalid-enum", at("H8", 8, "推进状态"), "乱写"),
    ]);
    expect(marks.map((m) => [m.sheet, m.cell, m.row, m.column, m.severity])).toEqual([
      ["重点任务台账", "H7", 6, 7, "warning"],
      ["重点任务台账", "G5", 4, 6, "error"],
      ["重点任务台账", "H8", 7, 7, "error"],
    ]);
    expect(marks[0]!.comment.split("\n").filter((l) => l.startsWith("【警告】"))).toHaveLength(2);
  });

  it("words a comment as 【级别】message, then 建议 on its own line when there is one", () => {
    const plain = makeIssue("invalid-date", at("G5", 5, "完成时限"), "10月底");
    expect(commentParagraph(plain)).toMatch(/^【错误】[^\n]+$/u);
    const hinted = makeIssue("unknown-unit", at("E4", 4, "责任单位"), "青山", { suggestion: "青山区" });
    expect(commentParagraph(hinted)).toMatch(/^【错误】[^\n]+\n建议：青山区$/u);
  });
});

describe("feedbackSheetName", () => {
  it("compares names as Excel does (case and width aside)", () => {
    expect(feedbackSheetName(["退回修改说明 "])).toBe("退回修改说明（2）");
    expect(feedbackSheetName(["Sheet1", "退回修改说明（2）"])).toBe("退回修改说明");
  });
});
