// The fake must behave like Excel where the adapter depends on it, or the adapter tests prove nothing.
import { cellAt, createFakeExcel } from "../../fake-excel";

describe("fake Excel object model", () => {
  test("a property cannot be read before load + sync, as in Office.js", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [["a", 1]] }]);
    const ctx = excel.newContext();
    const range = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(range.values).toEqual([["a", 1]]);
    expect(ctx.syncCount).toBe(1);
  });

  test("strings starting with = become formulas unless the cell is formatted as Text", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    const ctx = excel.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1:E1").values = [["=1+2", "=SUM(1,2)", "=foo()", "-abc", "1001"]];
    ws.getRange("A2:B2").numberFormat = [["@", "@"]];
    ws.getRange("A2:B2").values = [["=1+2", "1001"]];
    await ctx.sync();
    expect(["A1", "B1", "C1", "D1", "E1"].map((c) => cellAt(excel.model, "S", c))).toEqual([
      3,
      3,
      "#NAME?",
      "#NAME?",
      1001,
    ]);
    expect(excel.model.sheet("S")!.formulas.get("0,0")).toBe("=1+2");
    expect([cellAt(excel.model, "S", "A2"), cellAt(excel.model, "S", "B2")]).toEqual(["=1+2", "1001"]);
  });

  test("a request over 5 MB is refused with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    const ctx = excel.newContext();
    const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
    ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").values = big;
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(cellAt(excel.model, "S", "A1")).toBe("");
  });

  test("a response over 5 MB is refused with ResponsePayloadSizeLimitExceeded", async () => {
    const rows = Array.from({ length: 60000 }, () => ["y".repeat(100)]);
    const excel = createFakeExcel([{ name: "S", rows }]);
    const ctx = excel.newContext();
    ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("getItemOrNullObject gives a null object readable after sync; getItem fails at sync", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    const ctx = excel.newContext();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("nope").load("name");
    const present = ctx.workbook.worksheets.getItemOrNullObject("s").load("name");
    await ctx.sync();
    expect([missing.isNullObject, present.isNullObject, present.name]).toEqual([true, false, "S"]);
    ctx.workbook.worksheets.getItem("nope").load("name");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("used range, merged areas and RangeAreas formats", async () => {
    const excel = createFakeExcel([
      { name: "S", rows: [[], [null, "a"], [null, null, "b"]], merges: ["B2:C2"] },
    ]);
    const ctx = excel.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    const used = ws.getUsedRange(true).load("address,rowIndex,columnIndex");
    const merged = ws.getRange().getMergedAreasOrNullObject().load("address");
    ws.getRanges("A1, C3:D4").format.fill.color = "#ff0000";
    await ctx.sync();
    expect([used.address, used.rowIndex, used.columnIndex, merged.address]).toEqual([
      "S!B2:C3",
      1,
      1,
      "S!B2:C2",
    ]);
    const s = excel.model.sheet("S")!;
    expect([s.getStyle(0, 0).fill, s.getStyle(3, 3).fill, s.getStyle(1, 1).fill]).toEqual([
      "#FF0000",
      "#FF0000",
      null,
    ]);
  });

  test("data validation: a list source must be an existing sheet or name; Excel's text limits", async () => {
    const excel = createFakeExcel([
      { name: "S", rows: [] },
      { name: "选项", rows: [["a"], ["b"]] },
    ]);
    const ctx = excel.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1:A9").dataValidation.rule = {
      list: { inCellDropDown: true, source: "='选项'!$A$1:$A$2" },
    };
    await ctx.sync();
    expect(excel.model.sheet("S")!.dataValidations).toHaveLength(1);
    ws.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "='名册'!$A$1:$A$2" } };
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("C1").dataValidation.rule = { list: { inCellDropDown: true, source: "=没有这个名称" } };
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("A5:B5").dataValidation.rule = {
      wholeNumber: { operator: "Between", formula1: 0, formula2: 9 },
    };
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    ws.getRange("D1").dataValidation.prompt = { showPrompt: true, title: "标".repeat(33), message: "x" };
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a protected sheet refuses writes into locked cells, not into unlocked ones", async () => {
    const excel = createFakeExcel([{ name: "S", rows: [] }]);
    const ctx = excel.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("B1:B3").format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true });
    ws.getRange("B2").values = [["可以填"]];
    await ctx.sync();
    expect(cellAt(excel.model, "S", "B2")).toBe("可以填");
    ws.getRange("A1").values = [["不行"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(cellAt(excel.model, "S", "A1")).toBe("");
  });

  test("workbook names: added, looked up, and #REF! once their sheet is deleted", async () => {
    const excel = createFakeExcel([
      { name: "S", rows: [] },
      { name: "选项", rows: [["a"]] },
    ]);
    const ctx = excel.newContext();
    ctx.workbook.names.add("类别", ctx.workbook.worksheets.getItem("选项").getRange("A1:A3"));
    await ctx.sync();
    expect(excel.model.names.get("类别")).toBe("='选项'!A1:A3");
    ctx.workbook.worksheets.getItem("选项").delete();
    const name = ctx.workbook.names.getItemOrNullObject("类别");
    name.load("formula");
    await ctx.sync();
    expect(name.formula).toBe("=#REF!");
  });
});
