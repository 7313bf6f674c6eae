import {
  SheetExistsError,
  inspectSheets,
  readWorkbook,
  renderSheetPlan,
  writeCells,
} from "../../../src/adapters/office";
import type { SheetPlan } from "../../../src/core/plan";
import { cellAt, createFakeExcel } from "../../fake-excel";

const ctxOf = (excel: ReturnType<typeof createFakeExcel>) =>
  excel.newContext() as unknown as Excel.RequestContext;

const plan = (name: string): SheetPlan => ({
  name,
  rows: [[{ value: "x" }]],
  styles: {},
  merges: [],
  columnWidths: [],
});

describe("readWorkbook with include", () => {
  test("reads only the sheets asked for, in two syncs plus their rows", async () => {
    const excel = createFakeExcel([
      { name: "台账", rows: Array.from({ length: 300 }, (_, i) => [i, `行${i}`]) },
      {
        name: "设置",
        rows: [
          ["项目", "值"],
          ["红榜名次", 3],
        ],
      },
      { name: "通报记录", rows: [["期数"], [1]], visibility: "Hidden" },
    ]);
    const context = ctxOf(excel);
    const result = await readWorkbook(context, { include: (n) => n === "设置" || n === "通报记录" });
    expect(result.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["设置", false],
      ["通报记录", true],
    ]);
    expect(result.sheets[0]!.values).toEqual([
      ["项目", "值"],
      ["红榜名次", 3],
    ]);
    // The 300-row ledger was never requested.
    expect(JSON.stringify(result)).not.toContain("行299");
    expect(result.stats.syncs).toBe(3);
  });

  test("no matching sheet: an empty workbook after one sync", async () => {
    const excel = createFakeExcel([{ name: "台账", rows: [["a"]] }]);
    const result = await readWorkbook(ctxOf(excel), { include: () => false });
    expect(result.sheets).toEqual([]);
    expect(result.stats.syncs).toBe(1);
  });
});

describe("inspectSheets", () => {
  test("tells absent, foreign and our sheets apart, in two syncs", async () => {
    const excel = createFakeExcel([
      { name: "校验报告", rows: [["我的"]] },
      { name: "其他", rows: [] },
    ]);
    await renderSheetPlan(ctxOf(excel), plan("通报（第1期）"), { kind: "notice" });
    await renderSheetPlan(ctxOf(excel), plan("通报记录"), { kind: "history" });
    const context = ctxOf(excel);
    const status = await inspectSheets(context, ["通报（第1期）", "校验报告", "通报记录", "通报（第2期）"]);
    expect([...status]).toEqual([
      ["通报（第1期）", "notice"],
      ["校验报告", "foreign"],
      ["通报记录", "history"],
      ["通报（第2期）", "absent"],
    ]);
    expect((context as unknown as { syncCount: number }).syncCount).toBe(2);
  });

  test("all absent: one sync", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    const context = ctxOf(excel);
    expect([...(await inspectSheets(context, ["校验报告"]))]).toEqual([["校验报告", "absent"]]);
    expect((context as unknown as { syncCount: number }).syncCount).toBe(1);
  });
});

describe("writeCells", () => {
  test("writes the given cells only; text Excel would reinterpret stays text, numbers are numbers", async () => {
    const excel = createFakeExcel([
      {
        name: "设置",
        rows: [
          ["项目", "值"],
          ["红榜名次", "3"],
          ["任务类别", "党建"],
          ["备注", "保留"],
        ],
        numberFormats: [undefined, [undefined, "@"]],
      },
    ]);
    await writeCells(ctxOf(excel), "设置", [
      { cell: "B2", value: 5 },
      { cell: "B3", value: "=SUM(1,2)、其他" },
      { cell: "A5", value: "统计截止日期" },
      { cell: "B5", value: "2022-10-31" },
    ]);
    const sheet = excel.model.sheet("设置")!;
    expect(cellAt(excel.model, "设置", "B2")).toBe(5);
    expect(cellAt(excel.model, "设置", "B3")).toBe("=SUM(1,2)、其他");
    expect(sheet.formulas.size).toBe(0);
    expect(cellAt(excel.model, "设置", "B5")).toBe("2022-10-31");
    expect(sheet.getFormat(4, 1)).toBe("@");
    expect(cellAt(excel.model, "设置", "A4")).toBe("备注");
    expect(cellAt(excel.model, "设置", "B4")).toBe("保留");
  });

  test("create: adds the sheet, and refuses when it exists", async () => {
    const excel = createFakeExcel([{ name: "台账", rows: [["a"]] }]);
    await writeCells(
      ctxOf(excel),
      "设置",
      [
        { cell: "A1", value: "项目" },
        { cell: "B1", value: "值" },
      ],
      { create: true },
    );
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["台账", "设置"]);
    expect(cellAt(excel.model, "设置", "B1")).toBe("值");
    await expect(
      writeCells(ctxOf(excel), "设置", [{ cell: "A1", value: "x" }], { create: true }),
    ).rejects.toThrow(SheetExistsError);
    expect(cellAt(excel.model, "设置", "A1")).toBe("项目");
  });
});
