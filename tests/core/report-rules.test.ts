/**
 * 附件3's rules one at a time, on the document model (`buildReportAttachment`): the order of issues
 * that agree on every sort key, which issues fold, what a row's cells say, the summary line and table.
 * `report.test.ts` covers the sheet as a whole.
 */
import {
  type IssueData,
  type DocCell,
  buildReportAttachment,
  makeIssue,
  reportSummary,
  sourceKey,
  REPORT_UNIDENTIFIED_UNIT,
} from "../../src/core";

const LEDGER = "重点任务台账";
type Owned = IssueData & { file: string; unit: string | null };
const owned = (issue: IssueData, unit: string | null = "青山区", file = "青山区.xlsx"): Owned => ({
  ...issue,
  file,
  unit,
});
const at = (cell: string, column = "推进状态") => ({
  sheet: LEDGER,
  cell,
  row: Number(cell.replace(/^[A-Z]+/u, "")),
  column,
});
const text = (row: readonly DocCell[]) => row.map((c) => c.text);
const UNITS = ["青山区", "江南区"];

describe("附件3: which row comes first", () => {
  test("within a unit and severity: by file, then sheet, then row", () => {
    const issue = (file: string, sheet: string, row: number) =>
      owned(
        makeIssue("invalid-date", { sheet, cell: `G${row}`, row, column: "完成时限" }, "10月底"),
        "青山区",
        file,
      );
    const list = [
      issue("b.xlsx", "甲", 3),
      issue("a.xlsx", "乙", 3),
      issue("a.xlsx", "甲", 5),
      issue("a.xlsx", "甲", 4),
      issue("b.xlsx", "乙", 3),
    ];
    const rows = buildReportAttachment(list, { units: UNITS }).table.rows.map(text);
    expect(rows.map((r) => `${r[1]} ${r[2]} ${r[3]}`)).toEqual([
      "a.xlsx 乙 G3",
      "a.xlsx 甲 G4",
      "a.xlsx 甲 G5",
      "b.xlsx 乙 G3",
      "b.xlsx 甲 G3",
    ]);
  });

  test("issues that agree on unit, severity, file, sheet, row and column keep the order they were found in", () => {
    const place = at("G12", "完成时限");
    const found = [
      owned(makeIssue("invalid-date", place, "10月底")),
      owned(makeIssue("done-date-in-future", place, "10月底")),
      owned(makeIssue("evidence-missing", place, "10月底")),
      owned(makeIssue("invalid-enum", place, "10月底")),
    ];
    const names = (list: Owned[]) =>
      buildReportAttachment(list, { units: UNITS }).table.rows.map((r) => r[5]!.text);
    const forward = names(found);
    expect(new Set(forward).size).toBe(found.length);
    expect(names([...found].reverse())).toEqual([...forward].reverse());
    expect(names([found[2]!, found[0]!, found[3]!, found[1]!])).toEqual([2, 0, 3, 1].map((i) => forward[i]));
  });

  test("on one row, an issue without a cell (or with no A1 cell) comes before the issue in column A", () => {
    const inA = owned(makeIssue("invalid-enum", at("A12", "序号"), "x"));
    const rowOnly = owned(
      makeIssue("evidence-missing", { sheet: LEDGER, cell: null, row: 12, column: null }, ""),
    );
    const notA1 = owned(
      makeIssue("invalid-date", { sheet: LEDGER, cell: "第12行", row: 12, column: null }, ""),
    );
    const codes = (list: Owned[]) =>
      buildReportAttachment(list, { units: UNITS }).table.rows.map((r) => r[5]!.text);
    const [a, row, text] = [inA, rowOnly, notA1].map((i) => codes([i])[0]);
    expect(codes([inA, rowOnly])).toEqual([row, a]);
    expect(codes([inA, notA1])).toEqual([text, a]);
  });
});

describe("附件3: folding", () => {
  const warn = (cell: string, value: string, unit = "青山区") =>
    owned(makeIssue("nonstandard-value", at(cell), value, { params: { resolved: "已完成" } }), unit);
  // Another code with the same value: 完成进度 "完成" read as 100 %.
  const percent = (cell: string) =>
    owned(makeIssue("ambiguous-percent", at(cell, "完成进度"), "完成", { params: { resolved: 100 } }));

  test("warnings fold by unit, code and value: each group of three or more is one row", () => {
    const list = [
      warn("H12", "完成"),
      warn("H12", "完成", "江南区"),
      warn("H13", "完成"),
      warn("H13", "完成", "江南区"),
      warn("H14", "完成"),
      warn("H14", "完成", "江南区"),
      warn("H15", "完毕"),
      warn("H16", "完毕"),
      warn("H17", "完毕"),
      percent("I18"),
      percent("I19"),
      percent("I20"),
    ];
    const rows = buildReportAttachment(list, { units: UNITS }).table.rows.map(text);
    expect(rows.map((r) => [r[0], r[3], r[7]])).toEqual([
      ["青山区", "H12、H13、H14", "完成"],
      ["青山区", "H15、H16、H17", "完毕"],
      ["青山区", "I18、I19、I20", "完成"],
      ["江南区", "H12、H13、H14", "完成"],
    ]);
    expect(rows[0]![6]).toContain("（共3处）");
  });

  test("three errors with one code and value are three rows: only warnings fold", () => {
    const errors = [12, 13, 14].map((r) =>
      owned(makeIssue("invalid-date", at(`G${r}`, "完成时限"), "10月底")),
    );
    const table = buildReportAttachment(errors, { units: UNITS }).table;
    expect(table.rows.map((r) => r[3]!.text)).toEqual(["G12", "G13", "G14"]);
    expect(table.rows.every((r) => !r[6]!.text.includes("共"))).toBe(true);
  });

  test("a warning of the sheet as a whole (no cell) is its own row (first: no row sorts as row 0) beside a folded group of the same code", () => {
    const warn = (cell: string | null) =>
      owned(
        makeIssue(
          "nonstandard-value",
          cell === null ? { sheet: LEDGER, cell: null, row: null, column: "推进状态" } : at(cell),
          "完成",
          { params: { resolved: "已完成" } },
        ),
      );
    const table = buildReportAttachment([warn("H13"), warn("H14"), warn("H15"), warn(null)], {
      units: UNITS,
    }).table;
    expect(table.rows.map((r) => r[3]!.text)).toEqual(["", "H13、H14、H15"]);
  });

  test("a single issue's message has no count", () => {
    const one = owned(makeIssue("invalid-date", at("G12", "完成时限"), "10月底"));
    const row = buildReportAttachment([one], { units: UNITS }).table.rows[0]!;
    expect(row[6]!.text).not.toContain("共");
    expect(row[6]!.text).not.toBe("");
  });
});

describe("附件3: a row's cells", () => {
  test("an issue without a cell links nowhere, even when its sheet is in the workbook", () => {
    const sheetWide = owned(
      makeIssue("missing-column", { sheet: LEDGER, cell: null, row: null, column: "佐证材料" }, null, {
        params: { key: "佐证材料" },
      }),
    );
    const row = buildReportAttachment([sheetWide], { units: UNITS, linkSheets: new Set([LEDGER]) }).table
      .rows[0]!;
    expect(row[3]).toEqual({ text: "", severity: "error" });
  });

  test("severity, value and suggestion: 错误 or 警告, and blank where there is none", () => {
    const error = owned(makeIssue("invalid-date", at("G12", "完成时限"), "10月底"));
    const warning = owned(
      makeIssue("nonstandard-value", at("H13"), "完成", {
        params: { resolved: "已完成" },
        suggestion: "已完成",
      }),
    );
    const noValue = owned(makeIssue("required-missing", at("D14", "责任单位"), null), null);
    const rows = buildReportAttachment([error, warning, noValue], { units: UNITS }).table.rows.map(text);
    expect(rows.map((r) => r[4])).toEqual(["错误", "警告", "错误"]);
    expect(rows.map((r) => r[7])).toEqual(["10月底", "完成", ""]);
    expect(rows.map((r) => r[8])).toEqual(["", "已完成", ""]);
    expect(rows[2]![0]).toBe(REPORT_UNIDENTIFIED_UNIT);
  });

  test("every column holds text but 级别, which is centred", () => {
    const table = buildReportAttachment([], { units: UNITS }).table;
    expect(table.textColumns).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  test("a 合并台账 row without a source keeps the collected file and its own cell", () => {
    const sources = new Map([[sourceKey("汇总.xlsx", LEDGER, 40), { file: "青山区.xlsx", row: 7 }]]);
    const list = [40, 41].map((r) =>
      owned(makeIssue("invalid-date", at(`G${r}`, "完成时限"), "10月底"), "青山区", "汇总.xlsx"),
    );
    const rows = buildReportAttachment(list, { units: UNITS, sources }).table.rows.map(text);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ["青山区.xlsx", "G7"],
      ["汇总.xlsx", "G41"],
    ]);
  });

  test("sourceKey tells file, sheet and row apart", () => {
    const keys = [
      sourceKey("a.xlsx", LEDGER, 1),
      sourceKey("a.xlsx", LEDGER, 2),
      sourceKey("a.xlsx", "合并台账", 1),
      sourceKey("b.xlsx", LEDGER, 1),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("附件3: the summary", () => {
  test("the summary line counts errors and warnings, even when they are equal in number", () => {
    const list = [
      owned(makeIssue("invalid-date", at("G12", "完成时限"), "10月底")),
      owned(makeIssue("nonstandard-value", at("H13"), "完成", { params: { resolved: "已完成" } })),
    ];
    expect(reportSummary(list)).toBe("共发现错误1个、警告1个。错误须更正后重新报送，警告请核实。");
    expect(reportSummary([])).toBe("本期各单位台账未发现问题。");
  });

  test("the per-unit table says on which row of the sheet each unit's issues start, and is left out when there are none", () => {
    const list = [
      owned(makeIssue("invalid-date", at("G12", "完成时限"), "10月底"), "江南区"),
      owned(makeIssue("invalid-date", at("G13", "完成时限"), "10月底"), "江南区"),
      owned(makeIssue("invalid-date", at("G12", "完成时限"), "10月底")),
    ];
    const doc = buildReportAttachment(list, { units: UNITS }, "附件3");
    const summary = doc.intro.find((b) => b.kind === "table");
    expect(summary?.kind).toBe("table");
    if (summary?.kind !== "table") return;
    // label, title, summary line, the table's header and 2 units, a blank row, the issue header: row 9.
    expect(summary.table.rows.map(text)).toEqual([
      ["青山区", "1", "0", "第9行起"],
      ["江南区", "2", "0", "第10行起"],
    ]);
    expect(summary.table.headers).toEqual(["单位", "错误", "警告", "问题所在"]);
    // The issue table's own first columns (单位, 文件, 工作表) line up with it.
    expect(summary.table.widths).toEqual([14, 16, 12, 92]);
    expect(summary.table.textColumns).toEqual([0, 3]);
    expect(summary.table.rows.map((r) => r[0]!.link)).toEqual([
      { sheet: "附件3", cell: "A9" },
      { sheet: "附件3", cell: "A10" },
    ]);
    expect(buildReportAttachment([], { units: UNITS }).intro.some((b) => b.kind === "table")).toBe(false);
  });
});
