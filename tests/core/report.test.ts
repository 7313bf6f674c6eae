/**
 * The validation report `校验报告` and the merged ledger `合并台账`.
 */
import {
  type IssueData,
  MERGED_LEDGER_HEADERS,
  buildMergedLedgerPlan,
  buildReportPlan,
  dayToSerial,
  isoToDay,
  localizeIssue,
  makeIssue,
  validateRun,
} from "../../src/core";
import { gridOfPlan, ledgerRow, planCell, rowValues } from "./notice-plan-fixture";

const LEDGER = "重点任务台账";

const issues: ReadonlyArray<IssueData & { file?: string }> = [
  {
    ...makeIssue("invalid-date", { sheet: LEDGER, cell: "G12", row: 12, column: "完成时限" }, "10月底"),
    file: "青山区.xlsx",
  },
  {
    ...makeIssue("nonstandard-value", { sheet: LEDGER, cell: "H13", row: 13, column: "推进状态" }, "完成", {
      params: { resolved: "已完成" },
    }),
    file: "青山区.xlsx",
  },
  {
    ...makeIssue("unknown-unit", { sheet: "Sheet1", cell: "E4", row: 4, column: "责任单位" }, "=1+1", {
      suggestion: "青山区",
    }),
    file: "江南区.xlsx",
  },
  {
    ...makeIssue("invalid-number", { sheet: LEDGER, cell: "I5", row: 5, column: "完成进度" }, 1001),
    file: "青山区.xlsx",
  },
  makeIssue("no-roster", { sheet: "", cell: null, row: null, column: null }, null),
];

describe("buildReportPlan", () => {
  const plan = buildReportPlan(issues, { linkSheets: new Set([LEDGER]) });

  test("a summary line, the header, then one row per issue in the order given", () => {
    expect(plan.name).toBe("校验报告");
    expect(planCell(plan, 0, 0).value).toBe("共发现错误 3 个、警告 2 个。错误须更正后重新报送，警告请核实。");
    expect(rowValues(plan, 1)).toEqual([
      "文件",
      "工作表",
      "单元格",
      "行",
      "列",
      "级别",
      "问题代码",
      "说明",
      "原值",
      "建议",
    ]);
    expect(plan.rows).toHaveLength(2 + issues.length);
    expect(rowValues(plan, 2)).toEqual([
      "青山区.xlsx",
      LEDGER,
      "G12",
      12,
      "完成时限",
      "错误",
      "invalid-date",
      localizeIssue(issues[0]!).message,
      "10月底",
      null,
    ]);
    expect(rowValues(plan, 3).slice(5, 9)).toEqual([
      "警告",
      "nonstandard-value",
      localizeIssue(issues[1]!).message,
      "完成",
    ]);
    expect(rowValues(plan, 6)).toEqual([
      null,
      "",
      null,
      null,
      null,
      "警告",
      "no-roster",
      localizeIssue(issues[4]!).message,
      null,
      null,
    ]);
    expect(plan.freeze).toEqual({ rows: 2, columns: 0 });
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: { first: 0, last: 1 },
    });
  });

  test("errors on light red, warnings on light yellow", () => {
    const fill = (row: number, col: number) => plan.styles[planCell(plan, row, col).style!]?.fill;
    expect(fill(2, 7)).toBe("FCE4E4");
    expect(fill(3, 7)).toBe("FFF2CC");
    expect(fill(4, 0)).toBe("FCE4E4");
    expect(fill(6, 2)).toBe("FFF2CC");
  });

  test("links only to cells on sheets in linkSheets", () => {
    expect(planCell(plan, 2, 2).link).toEqual({ sheet: LEDGER, cell: "G12" });
    expect(planCell(plan, 5, 2).link).toEqual({ sheet: LEDGER, cell: "I5" });
    // Sheet1 is not in this workbook; no-roster has no cell.
    expect(planCell(plan, 4, 2).link).toBeUndefined();
    expect(planCell(plan, 6, 2).link).toBeUndefined();
    const links = plan.rows.flatMap((r) => r.flatMap((c) => (c?.link ? [c.link] : [])));
    expect(links).toEqual([
      { sheet: LEDGER, cell: "G12" },
      { sheet: LEDGER, cell: "H13" },
      { sheet: LEDGER, cell: "I5" },
    ]);
    const none = buildReportPlan(issues, {});
    expect(none.rows.some((r) => r.some((c) => c?.link !== undefined))).toBe(false);
  });

  test("raw values are text, even numbers and formula-looking strings", () => {
    expect(planCell(plan, 5, 8).value).toBe("1001");
    expect(planCell(plan, 4, 8).value).toBe("=1+1");
    expect(planCell(plan, 4, 9).value).toBe("青山区");
    for (const row of plan.rows)
      for (const c of row) expect(typeof c?.value === "object" && c?.value !== null).toBe(false);
  });

  test("English headers and messages on request; the sheet keeps its name", () => {
    const en = buildReportPlan(issues, { language: "en" });
    expect(en.name).toBe("校验报告");
    expect(planCell(en, 0, 0).value).toBe("3 errors, 2 warnings.");
    expect(rowValues(en, 1)[7]).toBe("Message");
    expect(planCell(en, 2, 5).value).toBe("error");
    expect(planCell(en, 2, 7).value).toBe(localizeIssue(issues[0]!, "en").message);
  });

  test("no issues", () => {
    const empty = buildReportPlan([], {});
    expect(planCell(empty, 0, 0).value).toBe("未发现问题。");
    expect(empty.rows).toHaveLength(2);
  });

  test("a long message makes its row taller", () => {
    const long = makeIssue(
      "invalid-setting",
      { sheet: "设置", cell: "B3", row: 3, column: null },
      "x".repeat(90),
      {
        params: { key: "任务类别", expected: "category-list" },
      },
    );
    const p = buildReportPlan([long], {});
    expect(p.rowHeights?.[2]).toBeGreaterThan(20);
  });
});

describe("buildMergedLedgerPlan", () => {
  const rows = [
    {
      ...ledgerRow("青山区", "QS-01", "已完成", 100, "2022-10-15", { done: "2022-10-10" }),
      file: "青山区.xlsx",
    },
    {
      ...ledgerRow("江南区", "JN-01", "推进中", 55.5, "2022-12-31", { task: "=SUM(A1)", owner: "+86 138" }),
      file: "江南区.xlsx",
    },
    { ...ledgerRow(null, "X-1", "未启动", 0, "2022-11-30"), file: "江南区.xlsx", owner: null, status: null },
  ];
  const plan = buildMergedLedgerPlan(rows);

  test("the standard header plus the source columns; canonical values, numbered afresh", () => {
    expect(plan.name).toBe("合并台账");
    expect(rowValues(plan, 0)).toEqual([...MERGED_LEDGER_HEADERS]);
    expect(MERGED_LEDGER_HEADERS).toEqual([
      "序号",
      "任务编号",
      "任务类别",
      "重点任务",
      "责任单位",
      "责任人",
      "完成时限",
      "推进状态",
      "完成进度",
      "完成时间",
      "佐证材料",
      "备注",
      "来源文件",
      "来源行",
    ]);
    const serial = (iso: string) => dayToSerial(isoToDay(iso)!);
    expect(rowValues(plan, 1)).toEqual([
      1,
      "QS-01",
      "城市基层党建",
      "重点任务QS-01",
      "青山区",
      "张三",
      serial("2022-10-15"),
      "已完成",
      100,
      serial("2022-10-10"),
      null,
      null,
      "青山区.xlsx",
      rows[0]!.row,
    ]);
    expect(plan.styles[planCell(plan, 1, 6).style!]?.numFmt).toBe("yyyy-mm-dd");
    // Unparsed or empty cells are written empty.
    expect(rowValues(plan, 3).slice(4, 8)).toEqual([null, null, serial("2022-11-30"), null]);
    expect(planCell(plan, 2, 3).value).toBe("=SUM(A1)");
    expect(planCell(plan, 2, 5).value).toBe("+86 138");
  });

  test("read back as a ledger, it gives the same canonical rows", () => {
    const grid = gridOfPlan(plan);
    const run = validateRun(
      [{ file: "合并.xlsx", workbook: { sheets: [{ ...grid, name: "汇总" }], date1904: false } }],
      {
        today: "2022-11-01",
        asOf: "2022-10-31",
      },
    );
    const back = run.files[0]!.rows;
    const fields = (r: (typeof back)[number]) => [
      r.taskId,
      r.category,
      r.task,
      r.unit,
      r.owner,
      r.deadline,
      r.status,
      r.progress,
      r.doneDate,
    ];
    expect(back.slice(0, 2).map(fields)).toEqual(rows.slice(0, 2).map(fields));
    // 来源文件 and 来源行 are known columns of a merged ledger (SPEC §1): no header issue.
    const codes = run.issues.filter((i) => i.row === 1).map((i) => `${i.code} ${i.column}`);
    expect(codes).toEqual([]);
    expect(back.slice(0, 2).map((r) => [r.sourceFile, r.sourceRow])).toEqual(
      rows.slice(0, 2).map((r) => [r.file, r.row]),
    );
  });
});
