/**
 * What 附件3 learns from the ledgers themselves (SPEC §5, §7): a sheet's 填报单位 owns its sheet-level
 * issues, and a `合并台账` row's issue names the unit's own file and cell (来源文件, 来源行) — through
 * validateRun and planNoticeWorkbook, as every front end calls them.
 */
import { type CellValue, type DocCell, planNoticeWorkbook, validateRun } from "../../src/core";
import { HEADERS, TITLE, ledgerSheet, rosterSheet, validRow, workbook } from "./helpers";

const TODAY = "2022-11-01";

function reportOf(sheets: Parameters<typeof workbook>[0], file = "a.xlsx") {
  const run = validateRun([{ file, workbook: workbook(sheets) }], { today: TODAY, asOf: "2022-10-31" });
  const planned = planNoticeWorkbook(run, { history: [], today: TODAY });
  if (!planned.ok) throw new Error(planned.issues.map((i) => i.code).join(", "));
  const { table } = planned.report;
  const at = (name: string) => table.headers.indexOf(name);
  const rows = table.rows.map((r: readonly DocCell[]) => ({
    unit: r[at("单位")]!.text,
    file: r[at("文件")]!.text,
    cell: r[at("单元格")]!.text,
    problem: r[at("问题")]!.text,
  }));
  return { run, planned, rows };
}

describe("填报单位 owns a sheet's sheet-level issues (SPEC §5)", () => {
  // Two units' rows in one sheet: without 填报单位 the sheet's own unit is unknown.
  const rows = [validRow({ 责任单位: "青山区" }), validRow({ 任务编号: "CS-02", 责任单位: "江南区" })];
  const withExtra = (metadata: string) =>
    ledgerSheet({
      above: [[TITLE], [metadata]],
      headers: [...HEADERS, "联系电话"],
      rows: rows.map((r) => [...HEADERS.map((h) => (r[h] ?? null) as CellValue), "123"]),
    });

  it("an unknown-column warning goes to the unit the metadata row names (an alias too)", () => {
    const { rows: report, run } = reportOf([
      withExtra("填报单位：青山（盖章）  填报日期：2022年10月31日"),
      rosterSheet(),
    ]);
    expect(run.files[0]!.declaredUnits).toEqual(new Map([["重点任务台账", "青山区"]]));
    expect(report.filter((r) => r.problem === "无法识别的列").map((r) => r.unit)).toEqual(["青山区"]);
  });

  it("without a 填报单位 it belongs to nobody (unidentified, listed last)", () => {
    const { rows: report, run } = reportOf([withExtra("填报日期：2022年10月31日"), rosterSheet()]);
    expect(run.files[0]!.declaredUnits).toEqual(new Map());
    expect(report.filter((r) => r.problem === "无法识别的列").map((r) => r.unit)).toEqual(["单位无法识别"]);
  });
});

describe("a 合并台账 row's issue names the unit's own file and cell (SPEC §7)", () => {
  const headers = [...HEADERS, "来源文件", "来源行"];
  const merged = ledgerSheet({
    name: "合并台账",
    above: [[TITLE]],
    headers,
    rows: [
      [
        ...HEADERS.map((h) => (validRow({ 责任单位: "青山区" })[h] ?? null) as CellValue),
        "青山区-台账.xlsx",
        7,
      ],
      [
        ...HEADERS.map(
          (h) =>
            (validRow({ 任务编号: "JN-01", 责任单位: "江南区", 完成时限: "10月底" })[h] ?? null) as CellValue,
        ),
        "江南区-重点任务台账.xlsx",
        12,
      ],
    ],
  });

  it("文件 is 来源文件 and 单元格 is the column at 来源行; the merged workbook's own file never shows", () => {
    const { rows } = reportOf([merged, rosterSheet()], "/tmp/汇总/合并台账.xlsx");
    expect(rows.filter((r) => r.problem === "日期无法识别")).toEqual([
      { unit: "江南区", file: "江南区-重点任务台账.xlsx", cell: "G12", problem: "日期无法识别" },
    ]);
    expect(rows.map((r) => r.file)).not.toContain("合并台账.xlsx");
  });

  it("an ordinary ledger's issue keeps its own file name and cell (no path)", () => {
    const ledger = ledgerSheet({ rows: [validRow({ 完成时限: "10月底" })] });
    const { rows } = reportOf([ledger, rosterSheet()], "/home/clerk/收件/青山区.xlsx");
    expect(rows).toEqual([{ unit: "青山区", file: "青山区.xlsx", cell: "G4", problem: "日期无法识别" }]);
  });
});
