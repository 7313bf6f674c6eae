// The WPS adapter's writers over the fake ET: plans, highlights, cell selection, sheet inspection
// and single-cell writes. Where the Office adapter does the same job, its output on the fake Excel
// (same workbook model) is the oracle.
import { renderSheetPlan as renderOffice } from "../../../src/adapters/office";
import {
  ERROR_FILL,
  ReplaceCancelledError,
  STORE_SHEET,
  SheetNotOwnedError,
  WARNING_FILL,
  clearHighlights,
  hasHighlights,
  highlightIssues,
  inspectSheets,
  readWorkbook,
  renderSheetPlan,
  selectCell,
  writeCells,
} from "../../../src/adapters/wps";
import type { PlanCell, SheetPlan } from "../../../src/core/plan";
import { createFakeEt } from "../../fake-et";
import { type FakeSheetInput, cellAt, createFakeExcel } from "../../fake-excel";
import type { WorkbookModel } from "../../fake-excel/model";

const noYield = () => Promise.resolve();

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
      {
        value: i === 3 ? '=HYPERLINK("x")' : `单位${i}`,
        style: "cell",
        link: { sheet: "校验报告", cell: `A${i + 2}` },
      },
      { value: 30, style: "cell" },
      { value: i === 5 ? "1001" : 20, style: "cell" },
      { value: 20 / 30, style: "pct" },
      { value: i % 5, style: "cell" },
      { value: i === 7 ? "2022-10-31" : 0.9, style: "pct" },
      { value: i === 8 ? "TRUE" : 88.5, style: "cell" },
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
    tabColor: "C00000",
  };
}

/** What a sheet holds, comparable across the two fakes. */
function snapshot(model: WorkbookModel, name: string) {
  const s = model.sheet(name)!;
  return {
    values: s.values.map((row) => (row ? Array.from(row, (v) => v ?? null) : null)),
    formats: s.numberFormats.map((row) => (row ? Array.from(row, (f) => f ?? "General") : null)),
    formulas: [...s.formulas].sort(),
    merges: s.merges,
    fills: [...s.styles].map(([k, v]) => [k, v.fill, v.bold, v.border, v.hAlign]).sort(),
    freeze: s.freeze,
    kind: s.names.get("TaizhangKind"),
    links: [...s.hyperlinks.keys()].sort(),
  };
}

const SHEETS: FakeSheetInput[] = [
  {
    name: "台账",
    rows: [
      ["a", "b"],
      [1, 2],
    ],
    fills: { B2: "#00B0F0" },
  },
  { name: "说明", rows: [["x"]] },
];

describe("WPS renderSheetPlan", () => {
  test("writes the same cells, formats, merges and fills as the Office adapter; text stays text", async () => {
    const plan = noticePlan();
    const et = createFakeEt(SHEETS);
    const result = await renderSheetPlan(et.Application as any, plan, { kind: "notice", yieldNow: noYield });
    const excel = createFakeExcel(SHEETS);
    await renderOffice(excel.newContext() as unknown as Excel.RequestContext, plan, { kind: "notice" });
    const wps = snapshot(et.model, plan.name);
    const office = snapshot(excel.model, plan.name);
    // Office writes every cell of the block's formats (General where none); compare the non-General ones.
    const nonGeneral = (f: (string[] | null)[]) =>
      f
        .flatMap((row, r) => (row ?? []).map((x, c) => (x !== "General" ? `${r},${c}:${x}` : null)))
        .filter(Boolean);
    expect(wps.values).toEqual(office.values);
    expect(nonGeneral(wps.formats)).toEqual(nonGeneral(office.formats));
    expect(wps.formulas).toEqual(office.formulas);
    expect(wps.formulas).toEqual([[`${plan.rows.length - 1},2`, "=SUM(C4:C43)"]]);
    expect(wps.merges).toEqual(office.merges);
    expect(wps.fills).toEqual(office.fills);
    expect(wps.freeze).toEqual({ rows: 3, columns: 0 });
    expect(wps.kind).toBe('="notice"');
    expect(wps.links).toEqual(office.links);
    expect(cellAt(et.model, plan.name, "B7")).toBe('=HYPERLINK("x")');
    expect(cellAt(et.model, plan.name, "D9")).toBe("1001");
    expect(cellAt(et.model, plan.name, "G11")).toBe("2022-10-31");
    expect(cellAt(et.model, plan.name, "H12")).toBe("TRUE");
    expect(et.model.sheet(plan.name)!.columnWidths.get(1)).toBe(20); // characters, the plan's unit
    expect(et.model.sheet(plan.name)!.pageLayout).toMatchObject({
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      PrintTitleRows: "$1:$3",
    });
    expect(result.notes).toEqual(["bars-skipped"]);
    expect(et.model.sheets.map((s) => s.name)).toEqual(["台账", "说明", plan.name]);
    // Screen updating off throughout, restored after; no dialog; block calls, not one per cell.
    expect(et.log.repaints).toBe(0);
    expect(et.state.screenUpdating).toBe(true);
    expect(et.state.dialogs).toEqual([]);
    expect(et.log.of("Range.Value2.set")).toBe(1);
    // Block calls: ten times the rows cost only the extra hyperlinks (one Add per linked cell, as in
    // Excel), the extra value slices, and a few more address lists where a list passes 255 characters.
    const big = createFakeEt(SHEETS);
    const bigPlan = noticePlan("通报（第1期）", 400);
    await renderSheetPlan(big.Application as any, bigPlan, { kind: "notice", yieldNow: noYield });
    const extraLinks = big.log.of("Hyperlinks.Add") - et.log.of("Hyperlinks.Add");
    expect(extraLinks).toBe(360);
    const extraSlices = big.log.of("Range.Value2.set") - 1;
    expect(big.log.total - et.log.total - extraLinks * 3 - extraSlices * 2).toBeLessThanOrEqual(8);
  });

  test("a large plan is written in slices, yielding between them", async () => {
    const plan = noticePlan("大表", 5000);
    const et = createFakeEt(SHEETS);
    await renderSheetPlan(et.Application as any, plan, { kind: "report" });
    expect(et.log.of("Range.Value2.set")).toBe(Math.ceil(plan.rows.length / Math.floor(20_000 / 9)));
    expect(et.log.maxBurst).toBeLessThanOrEqual(220);
  });

  test("never overwrites a sheet the product did not create; replacing its own needs confirmation and keeps its place", async () => {
    const et = createFakeEt([...SHEETS, { name: "通报（第1期）", rows: [["mine"]] }]);
    const app = et.Application as any;
    await expect(
      renderSheetPlan(app, noticePlan(), { kind: "notice", yieldNow: noYield }),
    ).rejects.toBeInstanceOf(SheetNotOwnedError);
    expect(cellAt(et.model, "通报（第1期）", "A1")).toBe("mine");

    const et2 = createFakeEt(SHEETS);
    const app2 = et2.Application as any;
    await renderSheetPlan(app2, noticePlan(), { kind: "notice", yieldNow: noYield });
    et2.model.sheets.push(et2.model.sheets.splice(0, 1)[0]!); // move 台账 to the end: the notice is 2nd
    expect(et2.model.sheets.map((s) => s.name)).toEqual(["说明", "通报（第1期）", "台账"]);
    await expect(
      renderSheetPlan(app2, noticePlan(), { kind: "notice", yieldNow: noYield }),
    ).rejects.toBeInstanceOf(ReplaceCancelledError);
    const asked: string[] = [];
    const again = await renderSheetPlan(app2, noticePlan(), {
      kind: "notice",
      yieldNow: noYield,
      confirmReplace: (sheet, kind) => (asked.push(`${sheet}:${kind}`), Promise.resolve(true)),
    });
    expect(again.replaced).toBe(true);
    expect(asked).toEqual(["通报（第1期）:notice"]);
    expect(et2.model.sheets.map((s) => s.name)).toEqual(["说明", "通报（第1期）", "台账"]);
    expect(et2.state.dialogs).toEqual([]);
  });

  test("a hidden history sheet is hidden, not frozen, and the user's active sheet stays active", async () => {
    const et = createFakeEt(SHEETS);
    const plan: SheetPlan = { ...noticePlan("通报记录", 2), visibility: "hidden" };
    await renderSheetPlan(et.Application as any, plan, { kind: "history", yieldNow: noYield });
    expect(et.model.sheet("通报记录")!.visibility).toBe("Hidden");
    expect(et.model.activeSheet!.name).toBe("台账");
  });
});

describe("WPS highlight and clear", () => {
  const base: FakeSheetInput[] = [
    {
      name: "台账",
      rows: [
        ["a", "b", "c"],
        [1, 2, 3],
        [4, 5, 6],
      ],
      fills: { B2: "#00B0F0", C3: "#FFFF00" },
    },
  ];

  test("fills issue cells and restores every original fill exactly; values never change", async () => {
    const et = createFakeEt(base);
    const app = et.Application as any;
    const sheet = et.model.sheet("台账")!;
    const before = JSON.stringify([...sheet.styles]);
    const values = JSON.stringify(sheet.values);
    const result = await highlightIssues(
      app,
      [
        { sheet: "台账", cell: "B2", severity: "warning" },
        { sheet: "台账", cell: "B2", severity: "error" },
        { sheet: "台账", cell: "A2", severity: "warning" },
        { sheet: "台账", cell: "C3", severity: "error" },
        { sheet: "没有", cell: "A1", severity: "error" },
      ],
      { yieldNow: noYield },
    );
    expect(result).toEqual({ highlighted: 3, missingSheets: ["没有"] });
    expect(sheet.getStyle(1, 1).fill).toBe(ERROR_FILL);
    expect(sheet.getStyle(1, 0).fill).toBe(WARNING_FILL);
    expect(sheet.getStyle(2, 2).fill).toBe(ERROR_FILL);
    expect(hasHighlights(app)).toBe(true);
    // The record is a very hidden sheet of the product's; reading the workbook does not see it.
    expect(et.model.sheet(STORE_SHEET)!.visibility).toBe("VeryHidden");
    expect((await readWorkbook(app, { yieldNow: noYield })).sheets.map((s) => s.name)).toEqual(["台账"]);
    expect(et.model.activeSheet!.name).toBe("台账");

    // Highlighting again keeps the first originals.
    await highlightIssues(app, [{ sheet: "台账", cell: "A2", severity: "error" }], { yieldNow: noYield });
    const cleared = await clearHighlights(app, { yieldNow: noYield });
    expect(cleared).toEqual({ restored: 3, missingSheets: [] });
    expect(JSON.stringify([...sheet.styles])).toBe(before);
    expect(JSON.stringify(sheet.values)).toBe(values);
    expect(et.model.sheet(STORE_SHEET)).toBeUndefined();
    expect(hasHighlights(app)).toBe(false);
    expect(et.log.repaints).toBe(0);
    expect(et.state.dialogs).toEqual([]);
  });

  test("clearing with nothing recorded changes nothing", async () => {
    const et = createFakeEt(base);
    expect(await clearHighlights(et.Application as any)).toEqual({ restored: 0, missingSheets: [] });
    expect(et.model.sheets.map((s) => s.name)).toEqual(["台账"]);
  });

  test("a block of cells with the same fill is read in one call, a mixed one is halved", async () => {
    const rows = Array.from({ length: 64 }, () => [1]);
    const et = createFakeEt([{ name: "S", rows, fills: { A40: "#00B0F0" } }]);
    const targets = rows.map((_, i) => ({ sheet: "S", cell: `A${i + 1}`, severity: "error" as const }));
    await highlightIssues(et.Application as any, targets, { yieldNow: noYield });
    // 64 cells, one of them filled: about 2·log₂64 block reads instead of 64.
    expect(et.log.of("Interior.Pattern.get")).toBeLessThanOrEqual(2 * 6 + 1);
    await clearHighlights(et.Application as any, { yieldNow: noYield });
    expect([...et.model.sheet("S")!.styles.keys()]).toEqual(["39,0"]);
    expect(et.model.sheet("S")!.getStyle(39, 0).fill).toBe("#00B0F0");
  });
});

describe("WPS selectCell, inspectSheets, writeCells", () => {
  test("selecting activates the sheet first; missing and hidden sheets give clear errors", () => {
    const et = createFakeEt([...SHEETS, { name: "藏", rows: [], visibility: "Hidden" }]);
    const app = et.Application as any;
    selectCell(app, "说明", "C3");
    expect(et.model.selection).toEqual({ sheet: "说明", address: "C3" });
    expect(et.model.activeSheet!.name).toBe("说明");
    expect(() => selectCell(app, "没有", "A1")).toThrow(expect.objectContaining({ code: "sheet-not-found" }));
    expect(() => selectCell(app, "藏", "A1")).toThrow(expect.objectContaining({ code: "sheet-hidden" }));
  });

  test("inspectSheets tells absent, foreign and our sheets apart", async () => {
    const et = createFakeEt(SHEETS);
    const app = et.Application as any;
    await renderSheetPlan(app, noticePlan("校验报告", 1), { kind: "report", yieldNow: noYield });
    expect(inspectSheets(app, ["校验报告", "台账", "通报记录"])).toEqual(
      new Map([
        ["校验报告", "report"],
        ["台账", "foreign"],
        ["通报记录", "absent"],
      ]),
    );
  });

  test("writeCells keeps text WPS would reinterpret as text, numbers as numbers; create adds the sheet once", async () => {
    const et = createFakeEt(SHEETS);
    const app = et.Application as any;
    await writeCells(
      app,
      "设置",
      [
        { cell: "A1", value: "项目" },
        { cell: "B2", value: "=书记述职" },
        { cell: "B3", value: 5 },
        { cell: "B4", value: "2022-10-31" },
      ],
      {
        create: true,
      },
    );
    expect(["A1", "B2", "B3", "B4"].map((c) => cellAt(et.model, "设置", c))).toEqual([
      "项目",
      "=书记述职",
      5,
      "2022-10-31",
    ]);
    expect(et.model.sheet("设置")!.formulas.size).toBe(0);
    expect(et.model.sheets.map((s) => s.name)).toEqual(["台账", "说明", "设置"]);
    expect(et.model.activeSheet!.name).toBe("台账");
    await expect(writeCells(app, "设置", [], { create: true })).rejects.toMatchObject({
      code: "sheet-exists",
    });
    await writeCells(app, "设置", [{ cell: "B3", value: "" }]);
    expect(cellAt(et.model, "设置", "B3")).toBe("");
  });
});
