// The WPS adapter's reader over the fake ET. The oracle for "the same grid" is the Office adapter
// reading the same workbook through the fake Excel (both fakes share one workbook model), so the
// two hosts hand the engine identical grids.
import { readWorkbook as readOffice } from "../../../src/adapters/office";
import {
  SLICE_CELLS,
  cellFromValue2,
  readWorkbook,
  value2Rows,
  wpsDisplayLanguage,
} from "../../../src/adapters/wps";
import { HEADERS } from "../../core/helpers";
import { type FakeEtOptions, FakeVBArray, createFakeEt } from "../../fake-et";
import { type FakeSheetInput, createFakeExcel } from "../../fake-excel";

const noYield = () => Promise.resolve();

const LEDGER: FakeSheetInput = {
  name: "重点任务台账",
  rows: [
    ["基层党建工作重点任务推进台账"],
    ["填报单位：青山区"],
    [...HEADERS],
    [
      1,
      "RW-001",
      "城市基层党建",
      "党群服务中心",
      "青山区",
      "张三",
      "10月底",
      "推进中",
      50,
      null,
      null,
      "=1+1",
    ],
    [2, "RW-002", "乡村振兴", "集体经济", "青山区", "李四", 44834, "已完成", 0.8, 44830, "纪要", null],
    [3, "RW-003", "乡村振兴", "集体经济", null, "王五", 44834, "#N/A", 1, 44830, "纪要", null],
  ],
  numberFormats: [
    undefined,
    undefined,
    undefined,
    undefined,
    [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "yyyy-mm-dd",
      undefined,
      "0%",
      "yyyy-mm-dd",
    ],
    [
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
    ],
  ],
  merges: ["A1:L1", "E5:E6"],
};
const OTHER: FakeSheetInput = {
  name: "说明",
  rows: [undefined, [null, "填表说明", true]],
  visibility: "Hidden",
};

async function officeGrid(sheets: FakeSheetInput[]) {
  const excel = createFakeExcel(sheets);
  const { sheets: grids } = await readOffice(excel.newContext() as unknown as Excel.RequestContext);
  return grids;
}

describe("WPS readWorkbook", () => {
  test.each<[string, FakeEtOptions]>([
    ["nested rows (current WPS)", {}],
    ["flat single rows (older WPS)", { valueShape: "flat-row" }],
    ["a 1-based SAFEARRAY", { valueShape: "vbarray" }],
    ["errors as CVErr numbers", { errorStyle: "cverr" }],
  ])(
    "gives the same grid as the Office adapter: values, formats, merges, hidden — %s",
    async (_label, options) => {
      const et = createFakeEt([LEDGER, OTHER], options);
      const result = await readWorkbook(et.Application as any, { yieldNow: noYield, sliceCells: 24 });
      const expected = await officeGrid([LEDGER, OTHER]);
      const errorAsText = (rows: readonly (readonly unknown[] | undefined)[]) =>
        rows.map((row) =>
          row?.map((v) => (typeof v === "object" && v !== null && "error" in v ? v.error : v)),
        );
      expect(result.sheets.map((s) => s.name)).toEqual(["重点任务台账", "说明"]);
      result.sheets.forEach((sheet, i) => {
        const office = expected[i]!;
        expect(errorAsText(sheet.values)).toEqual(office.values);
        expect(sheet.numberFormats).toEqual(office.numberFormats);
        expect(sheet.merges).toEqual(office.merges);
        expect(sheet.hidden).toBe(office.hidden);
      });
      expect(result.date1904).toBe(false);
      // 24 cells per slice over 12 columns: two rows per Value2 read, three reads for the ledger's six
      // rows; one for 说明's used range B2:C2.
      expect(result.stats.valueReads).toBe(3 + 1);
    },
  );

  test("an error cell is a formula error whichever way WPS hands it over", () => {
    expect(cellFromValue2(-2146826246, false)).toEqual({ error: "#N/A" });
    expect(cellFromValue2("#N/A", false)).toBe("#N/A");
    expect(cellFromValue2(-2146826246.5, false)).toBe(-2146826246.5);
    expect([
      cellFromValue2(undefined, false),
      cellFromValue2(null, false),
      cellFromValue2("", false),
    ]).toEqual([null, null, null]);
  });

  test("Value2 shapes: one cell, a flat row, a flat column, a SAFEARRAY; anything else is refused", () => {
    expect(value2Rows("x", 1, 1, "A1")).toEqual([["x"]]);
    expect(value2Rows(["a", "b"], 1, 2, "A1:B1")).toEqual([["a", "b"]]);
    expect(value2Rows(["a", "b"], 2, 1, "A1:A2")).toEqual([["a"], ["b"]]);
    expect(value2Rows(new FakeVBArray([["a"], ["b"]]), 2, 1, "A1:A2")).toEqual([["a"], ["b"]]);
    expect(() => value2Rows("x", 2, 2, "A1:B2")).toThrow(/无法识别/);
    expect(() => value2Rows(["a", "b", "c"], 2, 2, "A1:B2")).toThrow(/无法识别/);
  });

  test("the 1904 date system comes from ActiveWorkbook.Date1904", async () => {
    const et = createFakeEt([LEDGER], { date1904: true });
    const result = await readWorkbook(et.Application as any, { yieldNow: noYield });
    expect(result.date1904).toBe(true);
    expect(result.sheets[0]!.values[4]![6]).toBe(44834); // serials are passed through; core applies the system
  });

  test("no open workbook is a clear error", async () => {
    const et = createFakeEt([LEDGER], { noWorkbook: true });
    await expect(readWorkbook(et.Application as any)).rejects.toMatchObject({ code: "no-workbook" });
  });

  test("include reads only the sheets asked for", async () => {
    const et = createFakeEt([LEDGER, OTHER]);
    const result = await readWorkbook(et.Application as any, {
      yieldNow: noYield,
      include: (n) => n === "说明",
    });
    expect(result.sheets.map((s) => s.name)).toEqual(["说明"]);
    expect(et.log.of("Range.Value2.get")).toBe(1);
  });

  test("a 20,000-row ledger: a few block reads, formats per column not per cell, and the pane is never blocked long", async () => {
    const rows: unknown[][] = [[...HEADERS]];
    const formats: (string | undefined)[][] = [[]];
    for (let i = 1; i <= 20_000; i++) {
      rows.push([
        i,
        `RW-${i}`,
        "乡村振兴",
        `任务${i}`,
        "青山区",
        "张三",
        44834,
        "推进中",
        50,
        null,
        null,
        null,
      ]);
      formats.push([undefined, undefined, undefined, undefined, undefined, undefined, "yyyy-mm-dd"]);
    }
    const et = createFakeEt([{ name: "台账", rows: rows as any, numberFormats: formats, merges: ["A1:B1"] }]);
    const progress: number[] = [];
    const result = await readWorkbook(et.Application as any, {
      onProgress: (p) => progress.push(p.rowsRead),
    });
    const cells = 20_001 * 12;
    expect(result.stats.valueReads).toBe(Math.ceil(20_001 / Math.floor(SLICE_CELLS / 12)));
    expect(et.log.of("Range.Value2.get")).toBe(result.stats.valueReads);
    // Each column: the header row differs from the data rows, found by halving (≈ 2·log₂ 20001 reads).
    expect(result.stats.formatReads).toBeLessThanOrEqual(12 * 2 * 16);
    expect(et.log.total).toBeLessThan(cells / 100);
    expect(progress.at(-1)).toBe(20_001);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Never more than one slice of calls without giving the event loop a turn.
    expect(et.log.maxBurst).toBeLessThanOrEqual(220);
    expect(result.sheets[0]!.numberFormats[5]![6]).toBe("yyyy-mm-dd");
    expect(result.sheets[0]!.numberFormats[0]).toBeUndefined();
    expect(result.sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  test("reading changes nothing in the workbook", async () => {
    const et = createFakeEt([LEDGER, OTHER]);
    const before = JSON.stringify(
      et.model.sheets.map((s) => [s.name, s.values, s.numberFormats, [...s.styles]]),
    );
    await readWorkbook(et.Application as any, { yieldNow: noYield });
    expect(
      JSON.stringify(et.model.sheets.map((s) => [s.name, s.values, s.numberFormats, [...s.styles]])),
    ).toBe(before);
    expect(et.log.repaints).toBe(0);
  });
});

describe("WPS display language", () => {
  test("comes from LanguageSettings.LanguageID(msoLanguageIDUI) as a language tag", () => {
    expect(wpsDisplayLanguage(createFakeEt([]).Application as any)).toBe("zh-CN");
    expect(wpsDisplayLanguage(createFakeEt([], { languageId: 1033 }).Application as any)).toBe("en-US");
    expect(wpsDisplayLanguage(createFakeEt([], { languageId: 1041 }).Application as any)).toBe("lcid-1041");
    expect(wpsDisplayLanguage({} as any)).toBeUndefined();
  });
});
