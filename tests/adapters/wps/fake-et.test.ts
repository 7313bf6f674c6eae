// The fake ET object model must behave like WPS where the WPS adapter depends on it (see the
// sources cited in tests/fake-et/et.ts), or the adapter tests prove nothing.
import { FakeVBArray, XL, createFakeEt } from "../../fake-et";
import { cellAt } from "../../fake-excel";

const sheet = (rows: unknown[][], extra: object = {}) => [{ name: "S", rows: rows as any, ...extra }];

describe("fake ET object model", () => {
  test("Value2: one cell is a bare value, a block is rows indexed from 0, empty cells are undefined", () => {
    const { Application } = createFakeEt(
      sheet([
        ["a", 1],
        [null, true],
      ]),
    );
    const ws = Application.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Range("A1").Value2).toBe("a");
    expect(ws.Range("B2").Value2).toBe(true);
    expect(ws.Range("A2").Value2).toBeUndefined();
    expect(ws.Range("A1:B2").Value2).toEqual([
      ["a", 1],
      [undefined, true],
    ]);
    expect(ws.Range("A1:B1").Value2).toEqual([["a", 1]]);
  });

  test("Value2 shapes of older or COM-bridged hosts: a flat single row, a 1-based VBArray", () => {
    const flat = createFakeEt(sheet([["a", 1]]), { valueShape: "flat-row" });
    expect(flat.Application.ActiveWorkbook!.Worksheets.Item(1).Range("A1:B1").Value2).toEqual(["a", 1]);
    const vb = createFakeEt(
      sheet([
        ["a", 1],
        ["b", 2],
      ]),
      { valueShape: "vbarray" },
    );
    const arr = vb.Application.ActiveWorkbook!.Worksheets.Item(1).Range("A1:B2").Value2 as FakeVBArray;
    expect([arr.lbound(1), arr.ubound(1), arr.ubound(2), arr.getItem(1, 1), arr.getItem(2, 2)]).toEqual([
      1,
      2,
      2,
      "a",
      2,
    ]);
  });

  test("errors read as text or as CVErr numbers, as configured", () => {
    const text = createFakeEt(sheet([["#N/A"]]));
    expect(text.Application.ActiveWorkbook!.Worksheets.Item(1).Range("A1").Value2).toBe("#N/A");
    const cverr = createFakeEt(sheet([["#N/A", "#DIV/0!"]]), { errorStyle: "cverr" });
    expect(cverr.Application.ActiveWorkbook!.Worksheets.Item(1).Range("A1:B1").Value2).toEqual([
      [-2146826246, -2146826281],
    ]);
  });

  test("a string starting with = becomes a formula unless the cell is formatted @ first", () => {
    const et = createFakeEt(sheet([]));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    ws.Range("A1:D1").Value2 = [["=1+2", "1001", "TRUE", "2022-10-31"]];
    ws.Range("A2:D2").NumberFormat = "@";
    ws.Range("A2:D2").Value2 = [["=1+2", "1001", "TRUE", "2022-10-31"]];
    expect(["A1", "B1", "C1", "D1"].map((c) => cellAt(et.model, "S", c))).toEqual([3, 1001, true, 44865]);
    expect(et.model.sheet("S")!.formulas.get("0,0")).toBe("=1+2");
    expect(["A2", "B2", "C2", "D2"].map((c) => cellAt(et.model, "S", c))).toEqual([
      "=1+2",
      "1001",
      "TRUE",
      "2022-10-31",
    ]);
    expect(et.model.sheet("S")!.formulas.size).toBe(1);
  });

  test("Value2 assignment: one value fills the block; an array of the wrong size is refused", () => {
    const et = createFakeEt(sheet([]));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    ws.Range("A1:B2").Value2 = "x";
    expect(ws.Range("A1:B2").Value2).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
    expect(() => (ws.Range("A1:B2").Value2 = [["a", "b"]])).toThrow(/数组大小/);
  });

  test("NumberFormat reads null when the cells differ, and takes one format code only", () => {
    const et = createFakeEt(sheet([[1, 2]], { numberFormats: [["0%", undefined]] }));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Range("A1").NumberFormat).toBe("0%");
    expect(ws.Range("A1:B1").NumberFormat).toBeNull();
    expect(() => ((ws.Range("A1:B1") as any).NumberFormat = [["@", "@"]])).toThrow(/格式代码/);
    ws.Range("A1:B1").NumberFormat = "@";
    expect(ws.Range("A1:B1").NumberFormat).toBe("@");
  });

  test("MergeCells is true, false or null; MergeArea only on one cell", () => {
    const et = createFakeEt(sheet([["title"]], { merges: ["A1:C1"] }));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    expect([
      ws.Range("A1:C1").MergeCells,
      ws.Range("A2:C2").MergeCells,
      ws.Range("A1:A2").MergeCells,
    ]).toEqual([true, false, null]);
    expect(ws.Range("B1").MergeArea.Address()).toBe("$A$1:$C$1");
    expect(ws.Range("B2").MergeArea.Address()).toBe("$B$2");
    expect(() => ws.Range("A1:B1").MergeArea).toThrow(/单个单元格/);
  });

  test("Interior: no fill reads white + xlNone; mixed fills read null; xlNone removes the fill", () => {
    const et = createFakeEt(sheet([[1, 2]], { fills: { A1: "#FFFF00" } }));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    expect([ws.Range("B1").Interior.Color, ws.Range("B1").Interior.Pattern]).toEqual([16777215, XL.none]);
    expect([ws.Range("A1").Interior.Color, ws.Range("A1").Interior.Pattern]).toEqual([0x00ffff, XL.solid]);
    expect(ws.Range("A1:B1").Interior.Color).toBeNull();
    ws.Range("B1").Interior.Color = 0x0000ff; // red in BGR
    expect(et.model.sheet("S")!.getStyle(0, 1).fill).toBe("#FF0000");
    ws.Range("A1:B1").Interior.Pattern = XL.none;
    expect(et.model.sheet("S")!.styles.size).toBe(0);
  });

  test("UsedRange starts where the data starts; an empty sheet's is A1", () => {
    const et = createFakeEt([
      { name: "S", rows: [undefined, [null, null, "x"], [null, "y"]] },
      { name: "E", rows: [] },
    ]);
    const used = et.Application.ActiveWorkbook!.Worksheets.Item("S").UsedRange;
    expect([used.Row, used.Column, used.Rows.Count, used.Columns.Count]).toEqual([2, 2, 2, 2]);
    expect(et.Application.ActiveWorkbook!.Worksheets.Item("E").UsedRange.Address()).toBe("$A$1");
  });

  test("Range addresses over 255 characters are refused; lists of areas work", () => {
    const et = createFakeEt(sheet([]));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    ws.Range("A1,C3:D4").Interior.Color = 0;
    expect(et.model.sheet("S")!.styles.size).toBe(5);
    const long = Array.from({ length: 80 }, (_, i) => `A${i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(255);
    expect(() => ws.Range(long)).toThrow(/255/);
  });

  test("sheets: Item is 1-based and by name (any case); a missing one throws; Add goes before the active sheet", () => {
    const et = createFakeEt([
      { name: "A", rows: [] },
      { name: "B", rows: [] },
    ]);
    const sheets = et.Application.ActiveWorkbook!.Worksheets;
    expect(sheets.Item(2).Name).toBe("B");
    expect(sheets.Item("b").Name).toBe("B");
    expect(() => sheets.Item("C")).toThrow(/下标越界/);
    const added = sheets.Add();
    expect(et.model.sheets.map((s) => s.name)).toEqual([added.Name, "A", "B"]);
    sheets.Add(undefined, sheets.Item("B")).Name = "C";
    expect(et.model.sheets.map((s) => s.name)).toEqual(["Sheet3", "A", "B", "C"]);
    expect(() => (sheets.Item("C").Name = "a")).toThrow(/已存在/);
  });

  test("Delete asks the user unless DisplayAlerts is off; the last visible sheet stays", () => {
    const et = createFakeEt([
      { name: "A", rows: [] },
      { name: "B", rows: [] },
    ]);
    const app = et.Application;
    app.ActiveWorkbook!.Worksheets.Item("B").Delete();
    expect(et.state.dialogs).toEqual(["确认删除工作表“B”"]);
    app.DisplayAlerts = false;
    expect(() => app.ActiveWorkbook!.Worksheets.Item("A").Delete()).toThrow(/至少/);
  });

  test("Select needs the range's sheet to be active", () => {
    const et = createFakeEt([
      { name: "A", rows: [] },
      { name: "B", rows: [] },
    ]);
    const b = et.Application.ActiveWorkbook!.Worksheets.Item("B");
    expect(() => b.Range("C3").Select()).toThrow(/未激活/);
    b.Activate();
    b.Range("C3").Select();
    expect(et.model.selection).toEqual({ sheet: "B", address: "C3" });
  });

  test("calls are counted; a burst without yielding is measured; repaints count only with ScreenUpdating on", async () => {
    const et = createFakeEt(sheet([[1]]));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    for (let i = 0; i < 10; i++) void ws.Range("A1").Value2;
    ws.Range("A2").Value2 = 1;
    expect(et.log.of("Range.Value2.get")).toBe(10);
    expect(et.log.repaints).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    et.Application.ScreenUpdating = false;
    ws.Range("A3").Value2 = 1;
    expect(et.log.repaints).toBe(1);
    expect(et.log.maxBurst).toBe(3 + 10 * 2 + 2); // ActiveWorkbook, Worksheets, Item; (Range, Value2)×10; Range, set
  });

  test("names are sheet-scoped; an unknown name throws", () => {
    const et = createFakeEt(sheet([]));
    const ws = et.Application.ActiveWorkbook!.Worksheets.Item(1);
    ws.Names.Add("TaizhangKind", '="notice"', false);
    expect(ws.Names.Item("TaizhangKind").RefersTo).toBe('="notice"');
    expect(() => ws.Names.Item("Other")).toThrow(/找不到名称/);
  });

  test("task panes: CreateTaskPane returns a pane with an ID, shown by Visible, found by GetTaskPane", () => {
    const et = createFakeEt(sheet([]));
    const pane = et.Application.CreateTaskPane("file:///x/taskpane.html", "台账助手");
    expect(pane.Visible).toBe(false);
    pane.Visible = true;
    expect(et.Application.GetTaskPane(pane.ID)).toBe(pane);
  });
});
