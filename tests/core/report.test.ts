/**
 * The validation report (附件3) and the merged ledger.
 */
import {
  type IssueData,
  type SheetPlan,
  ISSUE_CODES,
  problemName,
  sourceKey,
  MERGED_LEDGER_HEADERS,
  buildMergedLedgerPlan,
  buildReportPlan,
  dayToSerial,
  isoToDay,
  makeIssue,
  validateRun,
} from "../../src/core";
import { gridOfPlan, ledgerRow, planCell, rowValues, rowsWhere } from "./notice-plan-fixture";
import { HEADERS } from "./helpers";

const LEDGER = "重点任务台账";

type Owned = IssueData & { file: string; unit: string | null };
const owned = (issue: IssueData, file: string, unit: string | null): Owned => ({ ...issue, file, unit });

const issues: readonly Owned[] = [
  owned(
    makeIssue("nonstandard-value", { sheet: LEDGER, cell: "H13", row: 13, column: "推进状态" }, "完成", {
      params: { resolved: "已完成" },
    }),
    "/data/台账/青山区.xlsx",
    "青山区",
  ),
  owned(
    makeIssue("invalid-date", { sheet: LEDGER, cell: "G12", row: 12, column: "完成时限" }, "10月底"),
    "C:\\台账\\青山区.xlsx",
    "青山区",
  ),
  owned(
    makeIssue("unknown-unit", { sheet: "Sheet1", cell: "E4", row: 4, column: "责任单位" }, "=1+1", {
      suggestion: "青山区",
    }),
    "江南区.xlsx",
    null,
  ),
  owned(
    makeIssue("invalid-number", { sheet: LEDGER, cell: "I5", row: 5, column: "完成进度" }, 1001),
    "江南区.xlsx",
    "江南区",
  ),
  owned(
    makeIssue("no-roster", { sheet: "单位名册", cell: null, row: null, column: null }, null),
    "江南区.xlsx",
    null,
  ),
];
const UNITS = ["江南区", "青山区"];

/** The rows of the issue table (after its header, whose first cell is 单位 and second 文件). */
function issueRows(plan: SheetPlan): number[] {
  const header = plan.rows.findIndex((r) => r[0]?.value === "单位" && r[1]?.value === "文件");
  return plan.rows.flatMap((_, i) => (i > header ? [i] : []));
}

describe("buildReportPlan (SPEC §7 附件3)", () => {
  // Built inside each test: StrykerJS's per-test coverage counts only code a test itself runs.
  const build = () =>
    buildReportPlan(issues, { units: UNITS, linkSheets: new Set([LEDGER]) }, "通报（第2期）附件3");

  test("label, title, the summary line, the per-unit summary, then the issue table with its header repeated", () => {
    const plan = build();
    expect(plan.name).toBe("通报（第2期）附件3");
    expect(planCell(plan, 0, 0).value).toBe("附件3");
    expect(planCell(plan, 1, 0).value).toBe("台账填报问题清单");
    expect(planCell(plan, 2, 0).value).toBe(
      "\u3000\u3000共发现错误3个、警告2个。错误须更正后重新报送，警告请核实。",
    );
    const header = issueRows(plan)[0]! - 1;
    expect(rowValues(plan, header)).toEqual([
      "单位",
      "文件",
      "工作表",
      "单元格",
      "级别",
      "问题",
      "说明",
      "原值",
      "建议",
    ]);
    expect(plan.print?.repeatRows).toEqual({ first: header, last: header });
  });

  test("sorted by unit in roster order, unidentified last, errors before warnings; file names only; Chinese problem names", () => {
    const plan = build();
    const rows = issueRows(plan).map((r) => rowValues(plan, r).slice(0, 6));
    expect(rows).toEqual([
      ["江南区", "江南区.xlsx", LEDGER, "I5", "错误", "数值无法识别"],
      ["青山区", "青山区.xlsx", LEDGER, "G12", "错误", "日期无法识别"],
      ["青山区", "青山区.xlsx", LEDGER, "H13", "警告", "非标准写法"],
      ["单位无法识别", "江南区.xlsx", "Sheet1", "E4", "错误", "责任单位不在名册中"],
      ["单位无法识别", "江南区.xlsx", "单位名册", "", "警告", "缺少单位名册"],
    ]);
  });

  test("within a unit and severity: by file, then sheet, then row, then column", () => {
    const at = (file: string, sheet: string, row: number, column: string) =>
      owned(
        makeIssue("invalid-date", { sheet, cell: `${column}${row}`, row, column: "完成时限" }, "x"),
        file,
        "青山区",
      );
    const shuffled = [
      at("b.xlsx", "乙表", 4, "G"),
      at("a.xlsx", "乙表", 9, "G"),
      at("a.xlsx", "甲表", 9, "J"),
      at("a.xlsx", "甲表", 9, "G"),
      at("a.xlsx", "甲表", 5, "J"),
    ];
    const p = buildReportPlan(shuffled, { units: UNITS });
    expect(issueRows(p).map((r) => rowValues(p, r).slice(1, 4))).toEqual([
      ["a.xlsx", "乙表", "G9"],
      ["a.xlsx", "甲表", "J5"],
      ["a.xlsx", "甲表", "G9"],
      ["a.xlsx", "甲表", "J9"],
      ["b.xlsx", "乙表", "G4"],
    ]);
  });

  test("the per-unit summary links to each unit's block", () => {
    const plan = build();
    const first = issueRows(plan)[0]!;
    const summaryRow = rowsWhere(plan, 0, "青山区")[0]!;
    expect(rowValues(plan, summaryRow).slice(0, 3)).toEqual(["青山区", 1, 1]);
    expect(planCell(plan, summaryRow, 0).link).toEqual({ sheet: plan.name, cell: `A${first + 2}` });
    expect(planCell(plan, first + 1, 0).value).toBe("青山区");
  });

  test("cells link to the ledger only when it is in the same workbook", () => {
    const plan = build();
    const links = issueRows(plan).flatMap((r) => (plan.rows[r]![3]?.link ? [plan.rows[r]![3]!.link] : []));
    expect(links).toEqual([
      { sheet: LEDGER, cell: "I5" },
      { sheet: LEDGER, cell: "G12" },
      { sheet: LEDGER, cell: "H13" },
    ]);
    const none = buildReportPlan(issues, { units: UNITS });
    expect(issueRows(none).some((r) => none.rows[r]!.some((c) => c?.link !== undefined))).toBe(false);
  });

  test("raw values are text, even numbers and formula-looking strings", () => {
    const plan = build();
    const values = issueRows(plan).map((r) => planCell(plan, r, 7).value);
    expect(values).toContain("1001");
    expect(values).toContain("=1+1");
    for (const row of plan.rows)
      for (const c of row) expect(typeof c?.value === "object" && c?.value !== null).toBe(false);
  });

  test("three or more warnings with one code and value in one sheet are one row listing their cells", () => {
    const same = [13, 14, 15].map((r) =>
      owned(
        makeIssue("nonstandard-value", { sheet: LEDGER, cell: `H${r}`, row: r, column: "推进状态" }, "完成", {
          params: { resolved: "已完成" },
        }),
        "青山区.xlsx",
        "青山区",
      ),
    );
    const two = same.slice(0, 2);
    const folded = buildReportPlan(same, { units: UNITS });
    expect(issueRows(folded)).toHaveLength(1);
    expect(planCell(folded, issueRows(folded)[0]!, 3).value).toBe("H13、H14、H15");
    expect(String(planCell(folded, issueRows(folded)[0]!, 6).value)).toContain("（共3处）");
    expect(planCell(folded, 2, 0).value).toBe(
      "\u3000\u3000共发现错误0个、警告3个。错误须更正后重新报送，警告请核实。",
    );
    expect(issueRows(buildReportPlan(two, { units: UNITS }))).toHaveLength(2);
  });

  test("rows of a 合并台账 point at the unit's own file and row", () => {
    const merged = [
      owned(
        makeIssue("invalid-date", { sheet: "合并台账", cell: "G40", row: 40, column: "完成时限" }, "10月底"),
        "汇总.xlsx",
        "青山区",
      ),
    ];
    const sources = new Map([
      [sourceKey("汇总.xlsx", "合并台账", 40), { file: "D:\\收件\\青山区.xlsx", row: 7 }],
    ]);
    const p = buildReportPlan(merged, { units: UNITS, sources });
    expect(rowValues(p, issueRows(p)[0]!).slice(1, 4)).toEqual(["青山区.xlsx", "合并台账", "G7"]);
  });

  test("no issues", () => {
    const empty = buildReportPlan([], { units: UNITS });
    expect(planCell(empty, 2, 0).value).toBe("\u3000\u3000本期各单位台账未发现问题。");
    expect(empty.rows.some((r) => r[0]?.value === "本期各单位台账未发现填报问题。")).toBe(true);
  });

  test("every issue code has a Chinese problem name of its own", () => {
    for (const code of ISSUE_CODES) expect(problemName(code)).toMatch(/[\u4e00-\u9fff]/u);
    expect(new Set(ISSUE_CODES.map(problemName)).size).toBe(ISSUE_CODES.length);
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
  // Planned before each test, not as the file loads: StrykerJS counts only what runs in a test (docs/QUALITY.md).
  let plan: ReturnType<typeof buildMergedLedgerPlan>;
  beforeEach(() => {
    plan = buildMergedLedgerPlan(rows);
  });

  test("the standard header plus the source columns; canonical values, numbered afresh", () => {
    expect(plan.name).toBe("合并台账");
    expect(rowValues(plan, 0)).toEqual([...MERGED_LEDGER_HEADERS]);
    expect(MERGED_LEDGER_HEADERS).toEqual([...HEADERS, "来源文件", "来源行"]);
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
