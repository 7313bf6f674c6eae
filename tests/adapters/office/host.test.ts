// The host port over Office.js, against the fake Excel: what the views rely on.
import { createOfficeHost } from "../../../src/adapters/office";
import type { SheetPlan } from "../../../src/core/plan";
import { HostError, hostProblemMessage } from "../../../src/host";
import { cellAt, createFakeExcel } from "../../fake-excel";

const plan = (name: string, text = "x"): SheetPlan => ({
  name,
  rows: [[{ value: text }]],
  styles: {},
  merges: [],
  columnWidths: [],
});

const hostOf = (excel: ReturnType<typeof createFakeExcel>, supports = (_: number) => true) =>
  createOfficeHost({ excel: excel as any, sleep: async () => {}, supports });

describe("createOfficeHost", () => {
  test("lists sheets in tab order with visibility and ownership", async () => {
    const excel = createFakeExcel([
      { name: "台账", rows: [["a"]] },
      { name: "通报记录", rows: [], visibility: "Hidden" },
    ]);
    const host = hostOf(excel);
    await host.writeSheets([{ plan: plan("通报（第1期）"), kind: "notice" }], { replace: new Set() });
    expect(await host.listSheets()).toEqual([
      { name: "台账", visible: true, status: "foreign" },
      { name: "通报记录", visible: false, status: "foreign" },
      { name: "通报（第1期）", visible: true, status: "notice" },
    ]);
  });

  test("reads only the sheets asked for, with the date-system note as data", async () => {
    const excel = createFakeExcel([
      { name: "台账", rows: [["a"]] },
      { name: "设置", rows: [["项目", "值"]] },
    ]);
    const progress: string[] = [];
    const workbook = await hostOf(excel).readWorkbook({
      include: (n) => n === "设置",
      onProgress: (p) => progress.push(p.sheet),
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual(["设置"]);
    expect(workbook.date1904).toBe(false);
    expect(workbook.notes).toEqual([{ code: "date-system-assumed" }]);
    expect(progress).toContain("设置");
  });

  test("writes ours, replaces ours only when named, refuses a foreign sheet", async () => {
    const excel = createFakeExcel([{ name: "校验报告", rows: [["我的"]] }]);
    const host = hostOf(excel);
    await host.writeSheets([{ plan: plan("通报（第1期）", "一"), kind: "notice" }], {
      replace: new Set(),
      activate: "通报（第1期）",
    });
    expect(excel.model.activeSheet?.name).toBe("通报（第1期）");
    // Ours, not named in `replace`: cancelled, unchanged.
    await expect(
      host.writeSheets([{ plan: plan("通报（第1期）", "二"), kind: "notice" }], { replace: new Set() }),
    ).rejects.toMatchObject({ problem: { code: "replace-cancelled", sheet: "通报（第1期）" } });
    expect(cellAt(excel.model, "通报（第1期）", "A1")).toBe("一");
    // Named: replaced.
    const onSheet: string[] = [];
    await host.writeSheets([{ plan: plan("通报（第1期）", "二"), kind: "notice" }], {
      replace: new Set(["通报（第1期）"]),
      onSheet: (n) => onSheet.push(n),
    });
    expect(cellAt(excel.model, "通报（第1期）", "A1")).toBe("二");
    expect(onSheet).toEqual(["通报（第1期）"]);
    // Foreign, even when named: refused, with the problem as data.
    const refused = host.writeSheets([{ plan: plan("校验报告"), kind: "report" }], {
      replace: new Set(["校验报告"]),
    });
    await expect(refused).rejects.toBeInstanceOf(HostError);
    await expect(refused).rejects.toMatchObject({ problem: { code: "sheet-not-owned", sheet: "校验报告" } });
    expect(cellAt(excel.model, "校验报告", "A1")).toBe("我的");
    expect(await host.inspectSheets(["校验报告", "通报（第1期）", "无"])).toEqual(
      new Map([
        ["校验报告", "foreign"],
        ["通报（第1期）", "notice"],
        ["无", "absent"],
      ]),
    );
  });

  test("notes come back as data once per kind (no print setup before ExcelApi 1.9)", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    const host = hostOf(excel, (minor) => minor < 9);
    const printed = (name: string): SheetPlan => ({
      ...plan(name),
      print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
    });
    const notes = await host.writeSheets(
      [
        { plan: printed("A"), kind: "notice" },
        { plan: printed("B"), kind: "report" },
      ],
      { replace: new Set() },
    );
    expect(notes).toEqual([{ code: "print-setup-unavailable", requirement: "ExcelApi 1.9" }]);
    expect(host.capabilities).toEqual({
      dateSystem: false,
      readMerges: false,
      highlight: false,
      printSetup: false,
    });
  });

  test("select, settings writes and host problems in both languages", async () => {
    const excel = createFakeExcel([
      { name: "台账", rows: [["a"]] },
      { name: "隐藏", rows: [], visibility: "Hidden" },
    ]);
    const host = hostOf(excel);
    await host.writeCells("设置", [{ cell: "A1", value: "项目" }], { create: true });
    expect(cellAt(excel.model, "设置", "A1")).toBe("项目");
    await host.selectCell("台账", "A1");
    expect(excel.model.activeSheet?.name).toBe("台账");
    const hidden = await host.selectCell("隐藏", "A1").catch((e: unknown) => e);
    expect(hidden).toBeInstanceOf(HostError);
    const problem = (hidden as HostError).problem;
    expect(problem).toEqual({ code: "sheet-hidden", sheet: "隐藏" });
    expect((hidden as HostError).message).toBe(hostProblemMessage(problem, "zh"));
    expect(hostProblemMessage(problem, "en")).toBe(
      "Sheet 隐藏 is hidden, so its cell cannot be selected. Unhide the sheet first.",
    );
    await expect(host.selectCell("无此表", "A1")).rejects.toMatchObject({
      problem: { code: "sheet-not-found", sheet: "无此表" },
    });
  });

  test("highlight and clear go through the port", async () => {
    const excel = createFakeExcel([{ name: "台账", rows: [["a", "b"]], fills: { B1: "#00FF00" } }]);
    const host = hostOf(excel);
    const done = await host.highlight([
      { sheet: "台账", cell: "A1", severity: "error" },
      { sheet: "台账", cell: "B1", severity: "warning" },
      { sheet: "已删", cell: "A1", severity: "error" },
    ]);
    expect(done).toEqual({ highlighted: 2, missingSheets: ["已删"] });
    expect(await host.clearHighlights()).toEqual({ restored: 2, missingSheets: [] });
  });
});
