import { HEADERS } from "../../core/helpers";
import type { CellValue } from "../../../src/core/grid";
import { READ_BUDGET_BYTES, SAMPLE_ROWS, readWorkbook, runExcel } from "../../../src/adapters/office";
import { type FakeSheetInput, createFakeExcel } from "../../fake-excel";

const MB4 = 4 * 1024 * 1024;
const ctxOf = (excel: ReturnType<typeof createFakeExcel>) =>
  excel.newContext() as unknown as Excel.RequestContext;

describe("readWorkbook", () => {
  test("reads values, formats, merges and visibility of every sheet in three syncs", async () => {
    const sheets: FakeSheetInput[] = [
      {
        name: "重点任务台账",
        rows: [
          ["基层党建工作重点任务推进台账"],
          ["序号", "任务编号", "完成时限", "完成进度"],
          [1, "=不是公式", 44834, 0.5],
        ],
        numberFormats: [undefined, undefined, [undefined, "@", "yyyy-mm-dd", "0%"]],
        merges: ["A1:D1"],
      },
      { name: "偏移", rows: [[], [], [null, "x", ""], [null, null, true]] },
      { name: "空表", rows: [] },
      { name: "隐藏", rows: [["h"]], visibility: "Hidden" },
    ];
    const excel = createFakeExcel(sheets);
    // The fake stores a Text-formatted "=…" as typed; put it there directly.
    excel.model.sheet("重点任务台账")!.setValue(2, 1, "=不是公式");
    const result = await readWorkbook(ctxOf(excel));

    expect(result.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["重点任务台账", false],
      ["偏移", false],
      ["空表", false],
      ["隐藏", true],
    ]);
    const ledger = result.sheets[0]!;
    expect(ledger.values).toEqual([
      ["基层党建工作重点任务推进台账", null, null, null],
      ["序号", "任务编号", "完成时限", "完成进度"],
      [1, "=不是公式", 44834, 0.5],
    ]);
    expect(ledger.numberFormats[2]).toEqual([undefined, "@", "yyyy-mm-dd", "0%"]);
    expect(ledger.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    // The used range starts at B3: rows and columns before it are empty, not shifted.
    expect(result.sheets[1]!.values[2]).toEqual([null, "x", null]);
    expect(result.sheets[1]!.values[3]).toEqual([null, null, true]);
    expect(result.sheets[1]!.values[0]).toBeUndefined();
    expect(result.sheets[2]!.values).toEqual([]);
    expect(result.date1904).toBe(false);
    expect(result.notes.map((n) => n.code)).toEqual(["date-system-assumed"]);
    expect(excel.contexts[0]!.syncCount).toBe(3);
    expect(result.stats.syncs).toBe(3);
  });

  test("without ExcelApi 1.13 merges are empty and a note says why", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [["a", "b"]], merges: ["A1:B1"] }]);
    const result = await readWorkbook(ctxOf(excel), { supports: (minor) => minor <= 12 });
    expect(result.sheets[0]!.merges).toEqual([]);
    expect(result.notes.map((n) => n.code)).toContain("merges-unavailable");
  });

  test("a 100,000-row ledger is read with no payload over 4 MB and no more syncs than its size needs", async () => {
    const ROWS = 100_000;
    const units = ["青山区", "东湖高新技术开发区", "市委办公室", "城投集团"];
    const rows: CellValue[][] = [[...HEADERS]];
    for (let i = 1; i < ROWS; i++) {
      rows.push([
        i,
        `RW-${String(i).padStart(6, "0")}`,
        "城市基层党建",
        `推进第${i}项党群服务中心标准化建设，完善网格化管理机制`,
        units[i % 4]!,
        "张三",
        44834 + (i % 90),
        i % 3 ? "推进中" : "已完成",
        i % 3 ? 50 : 100,
        i % 3 ? "" : 44830,
        i % 3 ? "" : "会议纪要、照片",
        "",
      ]);
    }
    const formats = [
      undefined,
      ...Array.from({ length: ROWS - 1 }, () => [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        "yyyy-mm-dd",
        undefined,
        undefined,
        "yyyy-mm-dd",
      ]),
    ];
    const excel = createFakeExcel([{ name: "重点任务台账", rows: rows as any, numberFormats: formats }]);
    const progress: number[] = [];
    const result = await readWorkbook(ctxOf(excel), { onProgress: (p) => progress.push(p.rowsRead) });

    const ctx = excel.contexts[0]!;
    for (const s of ctx.syncs) {
      expect(s.requestBytes).toBeLessThanOrEqual(MB4);
      expect(s.responseBytes).toBeLessThanOrEqual(MB4);
    }
    // Content arrives whole and in place.
    const sheet = result.sheets[0]!;
    expect(sheet.values.length).toBe(ROWS);
    expect(sheet.values[ROWS - 1]).toEqual(rows[ROWS - 1]!.map((v) => (v === "" ? null : v)));
    expect(sheet.values[54321]![3]).toBe("推进第54321项党群服务中心标准化建设，完善网格化管理机制");
    expect(sheet.numberFormats[777]![6]).toBe("yyyy-mm-dd");

    // The designed bound: 2 metadata syncs + 1 sample sync + the rest packed into the budget,
    // where each sync but the last is filled up to `budget - bytesPerRow`.
    const perRow = result.stats.bytesPerRow["重点任务台账"]!;
    const estimated = (ROWS - SAMPLE_ROWS) * perRow;
    const upper = 3 + Math.ceil(estimated / (READ_BUDGET_BYTES - perRow));
    const lower = 3 + Math.ceil(estimated / READ_BUDGET_BYTES);
    expect(ctx.syncCount).toBe(result.stats.syncs);
    expect(ctx.syncCount).toBeGreaterThanOrEqual(lower);
    expect(ctx.syncCount).toBeLessThanOrEqual(upper);
    // …and the packing is not wasteful: every full data sync carries at least 1.5 MB.
    const dataSyncs = ctx.syncs.slice(3, -1);
    expect(dataSyncs.length).toBeGreaterThan(3);
    for (const s of dataSyncs) expect(s.responseBytes).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(progress[progress.length - 1]).toBe(ROWS);
  });

  test("several small sheets share one data sync", async () => {
    const sheets = Array.from({ length: 8 }, (_, i) => ({
      name: `表${i}`,
      rows: [
        ["a", i],
        ["b", i + 1],
      ],
    }));
    const excel = createFakeExcel(sheets);
    const result = await readWorkbook(ctxOf(excel));
    expect(result.stats.syncs).toBe(3);
    expect(result.sheets[7]!.values).toEqual([
      ["a", 7],
      ["b", 8],
    ]);
  });

  test("rows up to 1.3× the largest sampled row are packed without a re-read (ROW_SAFETY's margin)", async () => {
    // The sample measures rows of 100 characters; the rest are 130. Packing by the measured size alone
    // (or by a margin under 1.3) would fill a sync past the budget, which the fake refuses here.
    const rows = [
      ...Array.from({ length: SAMPLE_ROWS }, (_, i) => ["长".repeat(100), i]),
      ...Array.from({ length: 1000 }, (_, i) => ["长".repeat(130), i]),
    ];
    const budget = 50_000;
    const excel = createFakeExcel([{ name: "S", rows }], { payloadLimit: budget });
    const result = await readWorkbook(ctxOf(excel), { budgetBytes: budget });
    expect(result.notes.map((n) => n.code)).not.toContain("chunk-split");
    expect(result.sheets[0]!.values.length).toBe(rows.length);
    expect(result.sheets[0]!.values[rows.length - 1]).toEqual(["长".repeat(130), 999]);
    for (const s of excel.contexts[0]!.syncs) expect(s.responseBytes).toBeLessThanOrEqual(budget);
    // …and the margin is not so wide that syncs go out half empty.
    const data = excel.contexts[0]!.syncs.slice(3, -1);
    for (const s of data) expect(s.responseBytes).toBeGreaterThan(budget * 0.7);
  });

  test("rows much larger than the sample are re-read in halves instead of failing", async () => {
    const rows = [
      ...Array.from({ length: SAMPLE_ROWS }, (_, i) => ["s", i]),
      ...Array.from({ length: 400 }, (_, i) => ["长".repeat(300), i]),
    ];
    const excel = createFakeExcel([{ name: "S", rows }], { payloadLimit: 200_000 });
    const result = await readWorkbook(ctxOf(excel), { budgetBytes: 150_000 });
    expect(result.sheets[0]!.values.length).toBe(rows.length);
    expect(result.sheets[0]!.values[449]).toEqual(["长".repeat(300), 399]);
    expect(result.notes.map((n) => n.code)).toContain("chunk-split");
  });
});

describe("runExcel retries only on cell-edit mode", () => {
  test("InvalidOperationInCellEditMode is retried until Excel leaves edit mode", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [["v"]] }]);
    excel.model.cellEditModeSyncs = 2;
    const waits: number[] = [];
    const value = await runExcel(
      async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
        await ctx.sync();
        return r.values[0]![0];
      },
      { excel: excel as any, sleep: async (ms) => void waits.push(ms) },
    );
    expect(value).toBe("v");
    expect(waits.length).toBe(2);
  });

  test("other errors are not retried and arrive as a Chinese message", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    let attempts = 0;
    const failing = runExcel(
      async (ctx) => {
        attempts++;
        ctx.workbook.worksheets.getItem("不存在").load("name");
        await ctx.sync();
      },
      { excel: excel as any, sleep: async () => {} },
    );
    await expect(failing).rejects.toMatchObject({ name: "ExcelCallError", excelCode: "ItemNotFound" });
    await expect(failing).rejects.toThrow(/工作表或区域不存在/);
    expect(attempts).toBe(1);
  });

  test("edit mode that never ends becomes CellEditModeError", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    excel.model.cellEditModeSyncs = 99;
    const failing = runExcel(async (ctx) => ctx.sync(), {
      excel: excel as any,
      attempts: 3,
      sleep: async () => {},
    });
    await expect(failing).rejects.toMatchObject({ name: "CellEditModeError" });
    expect(excel.model.cellEditModeSyncs).toBe(96);
  });
});
