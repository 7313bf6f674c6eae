import type { PlanCell, SheetPlan } from "../../../src/core/plan";
import {
  OWNER_NAME,
  ReplaceCancelledError,
  SheetNotOwnedError,
  needsTextFormat,
  renderSheetPlan,
} from "../../../src/adapters/office";
import { cellAt, createFakeExcel } from "../../fake-excel";

const ctxOf = (excel: ReturnType<typeof createFakeExcel>) =>
  excel.newContext() as unknown as Excel.RequestContext;
const MB4 = 4 * 1024 * 1024;

/** A notice-like plan: title, summary, a ranked table of 40 units with bars, a chart, print setup. */
function noticePlan(name = "通报（第1期）", units = 40): SheetPlan {
  const header = ["排名", "单位", "任务数", "已完成", "完成率", "逾期", "按时完成率", "平均进度", "排名变化"];
  const rows: (PlanCell | null)[][] = [
    [{ value: "关于基层党建工作重点任务推进情况的通报（第1期）", style: "title" }],
    [{ value: "统计截至：2022年10月31日", style: "sub" }],
    header.map((h) => ({ value: h, style: "head" })),
  ];
  for (let i = 0; i < units; i++) {
    rows.push([
      { value: i + 1, style: "cell" },
      { value: i === 3 ? '=HYPERLINK("x")' : `单位${i}`, style: "cell" },
      { value: 30, style: "cell" },
      { value: 20, style: "cell" },
      { value: 20 / 30, style: "pct" },
      { value: i % 5, style: "cell" },
      { value: 0.9, style: "pct" },
      { value: 88.5, style: "cell" },
      { value: i % 2 ? "↑2" : "-1", style: i < 3 ? "red" : "cell" },
    ]);
  }
  rows.push([{ value: "合计", style: "head" }, null, { value: { formula: `SUM(C4:C${units + 3})` } }]);
  return {
    name,
    rows,
    styles: {
      title: { bold: true, fontSize: 16, hAlign: "center" },
      sub: { italic: true },
      head: { bold: true, fill: "D9D9D9", border: true, hAlign: "center" },
      cell: { border: true },
      pct: { border: true, numFmt: "0.0%" },
      red: { border: true, fill: "FFC7CE" },
    },
    merges: [{ top: 0, left: 0, bottom: 0, right: 8 }],
    columnWidths: [6, 20, 8, 8, 10, 6, 12, 10, 10],
    rowHeights: { 0: 28 },
    freeze: { rows: 3, columns: 0 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 2 } },
    bars: [{ range: { top: 3, left: 4, bottom: 42, right: 4 }, color: "5B9BD5" }],
    charts: [
      {
        title: "完成率",
        categories: { top: 3, left: 1, bottom: 42, right: 1 },
        values: { top: 3, left: 4, bottom: 42, right: 4 },
        anchor: { row: 2, column: 10 },
      },
    ],
    tabColor: "C00000",
  };
}

describe("renderSheetPlan", () => {
  test("writes a notice-sized plan in two syncs with a handful of calls, not one per cell", async () => {
    const excel = createFakeExcel([{ name: "重点任务台账", rows: [["x"]] }]);
    const result = await renderSheetPlan(ctxOf(excel), noticePlan(), { kind: "notice" });
    const ctx = excel.contexts[0]!;
    expect(result).toEqual({ sheet: "通报（第1期）", replaced: false, syncs: 2, notes: [] });
    expect(ctx.syncCount).toBe(2);
    // The number of calls does not grow with the number of cells: ten times the rows, same calls.
    const bigger = createFakeExcel([{ name: "重点任务台账", rows: [["x"]] }]);
    await renderSheetPlan(ctxOf(bigger), noticePlan("通报（第1期）", 400), { kind: "notice" });
    expect(bigger.contexts[0]!.syncs[1]!.ops).toBe(ctx.syncs[1]!.ops);
    expect(ctx.syncs[1]!.ops).toBeLessThan(100);

    const s = excel.model.sheet("通报（第1期）")!;
    expect(cellAt(excel.model, "通报（第1期）", "A1")).toBe(
      "关于基层党建工作重点任务推进情况的通报（第1期）",
    );
    expect(cellAt(excel.model, "通报（第1期）", "B6")).toBe("单位2");
    expect(cellAt(excel.model, "通报（第1期）", "E4")).toBeCloseTo(2 / 3);
    expect(s.getFormat(3, 4)).toBe("0.0%");
    // The one formula the plan means is a formula; its result is computed.
    expect(s.formulas.get("43,2")).toBe("=SUM(C4:C43)");
    // Styles: header fill and bold, borders, red-list fill, title font.
    expect(s.getStyle(2, 3)).toMatchObject({ fill: "#D9D9D9", bold: true, border: true, hAlign: "Center" });
    expect(s.getStyle(3, 8)).toMatchObject({ fill: "#FFC7CE" });
    expect(s.getStyle(10, 8)).toMatchObject({ fill: null, border: true });
    expect(s.getStyle(0, 0)).toMatchObject({ bold: true, fontSize: 16 });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 8 }]);
    expect(s.columnWidths.get(1)).toBeCloseTo((20 * 7 + 5) * 0.75);
    expect(s.rowHeights.get(0)).toBe(28);
    expect(s.freeze).toEqual({ rows: 3, columns: 0 });
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
    });
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.conditionalFormats[0]).toMatchObject({
      type: "DataBar",
      rect: { top: 3, left: 4, bottom: 42, right: 4 },
    });
    expect(s.conditionalFormats[0]!.props).toMatchObject({
      dataBar: { positiveFormat: { fillColor: "#5B9BD5" }, upperBoundRule: { type: "Number", formula: "1" } },
    });
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ type: "BarClustered", source: "E4:E43" });
    expect(s.charts[0]!.props).toMatchObject({
      "series0.categories": "B4:B43",
      position: "K3",
      title: { text: "完成率" },
    });
    expect(s.tabColor).toBe("#C00000");
    expect(s.names.get(OWNER_NAME)).toBe('="notice"');
  });

  test("text that starts with =, +, -, @ or looks like a number stays text", async () => {
    const texts = [
      "=1+2",
      "+86 138",
      "-abc",
      "@user",
      '=HYPERLINK("http://x")',
      "1001",
      "2022-10-31",
      "#N/A",
      "TRUE",
      "普通文字",
    ];
    const plan: SheetPlan = {
      name: "文本",
      rows: [
        texts.map((value) => ({ value })),
        [{ value: 1001 }, { value: true }, { value: { formula: "=1+2" } }],
      ],
      styles: {},
      merges: [],
      columnWidths: [],
    };
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    await renderSheetPlan(ctxOf(excel), plan, { kind: "report" });
    const s = excel.model.sheet("文本")!;
    expect(texts.map((_, c) => s.getValue(0, c))).toEqual(texts);
    expect(texts.map((_, c) => s.formulas.has(`0,${c}`))).toEqual(texts.map(() => false));
    expect([s.getValue(1, 0), s.getValue(1, 1), s.getValue(1, 2)]).toEqual([1001, true, 3]);
    expect(s.getFormat(0, 9)).toBe("General");
    expect(texts.filter(needsTextFormat)).toEqual(texts.slice(0, 9));
  });

  test("never overwrites a sheet the product did not create", async () => {
    const excel = createFakeExcel([{ name: "通报（第1期）", rows: [["用户自己的数据"]] }]);
    const confirm = jest.fn(async () => true);
    const failing = renderSheetPlan(ctxOf(excel), noticePlan(), { kind: "notice", confirmReplace: confirm });
    await expect(failing).rejects.toBeInstanceOf(SheetNotOwnedError);
    await expect(failing).rejects.toThrow("工作表“通报（第1期）”不是台账助手生成的");
    expect(confirm).not.toHaveBeenCalled();
    expect(cellAt(excel.model, "通报（第1期）", "A1")).toBe("用户自己的数据");
    expect(excel.model.sheets).toHaveLength(1);
  });

  test("replacing its own sheet needs confirmation and keeps the sheet's position", async () => {
    const excel = createFakeExcel([
      { name: "台账", rows: [["x"]] },
      { name: "其他", rows: [] },
    ]);
    await renderSheetPlan(ctxOf(excel), noticePlan(), { kind: "notice" });
    excel.model.sheets.push(excel.model.sheets.splice(2, 1)[0]!); // notice last
    const order = () => excel.model.sheets.map((s) => s.name);
    excel.model.sheets.splice(1, 0, excel.model.sheets.pop()!); // notice second
    expect(order()).toEqual(["台账", "通报（第1期）", "其他"]);

    await expect(renderSheetPlan(ctxOf(excel), noticePlan(), { kind: "notice" })).rejects.toBeInstanceOf(
      ReplaceCancelledError,
    );
    const declined = jest.fn(async () => false);
    await expect(
      renderSheetPlan(ctxOf(excel), noticePlan(), { kind: "notice", confirmReplace: declined }),
    ).rejects.toThrow("已取消");
    expect(declined).toHaveBeenCalledWith("通报（第1期）", "notice");

    const changed = noticePlan();
    (changed.rows[1] as PlanCell[])[0] = { value: "统计截至：2022年11月30日" };
    const result = await renderSheetPlan(ctxOf(excel), changed, {
      kind: "notice",
      confirmReplace: async () => true,
    });
    expect(result.replaced).toBe(true);
    expect(order()).toEqual(["台账", "通报（第1期）", "其他"]);
    expect(cellAt(excel.model, "通报（第1期）", "A2")).toBe("统计截至：2022年11月30日");
    expect(excel.model.sheet("通报（第1期）")!.charts).toHaveLength(1);
  });

  test("a hidden history sheet; without ExcelApi 1.9 formats go per block and print setup is skipped with a note", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [["x"]] }]);
    const plan = { ...noticePlan("通报记录"), visibility: "hidden" as const };
    const result = await renderSheetPlan(ctxOf(excel), plan, { kind: "history", supports: (m) => m <= 7 });
    const s = excel.model.sheet("通报记录")!;
    expect(s.visibility).toBe("Hidden");
    expect(s.getStyle(2, 3)).toMatchObject({ fill: "#D9D9D9", bold: true });
    expect(s.pageLayout).toEqual({});
    expect(result.notes).toEqual([{ code: "print-setup-unavailable", requirement: "ExcelApi 1.9" }]);
  });

  test("a large plan is written in several syncs, none over 4 MB", async () => {
    const rows: PlanCell[][] = Array.from({ length: 30000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => ({ value: `第${r}行第${c}列的较长说明文字内容` })),
    );
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    const result = await renderSheetPlan(
      ctxOf(excel),
      { name: "校验报告", rows, styles: {}, merges: [], columnWidths: [] },
      { kind: "report" },
    );
    const ctx = excel.contexts[0]!;
    expect(result.syncs).toBeGreaterThan(3);
    for (const s of ctx.syncs) expect(s.requestBytes).toBeLessThanOrEqual(MB4);
    expect(cellAt(excel.model, "校验报告", "J30000")).toBe("第29999行第9列的较长说明文字内容");
  });
});
