/**
 * A returned ledger as split/merge/收集 read it (SPEC §2–§4): its table of raw cells
 * (`readLedgerTable`: which columns, which rows, what a merged cell gives) and its metadata row
 * (`readFiling`: 填报单位 and 填报日期).
 */
import {
  type CellValue,
  findHeaderRow,
  gridFromRows,
  headerKey,
  readFiling,
  readLedgerTable,
} from "../../src/core";
import { HEADERS, ledgerSheet, validRow } from "./helpers";

describe("readLedgerTable: columns", () => {
  it("maps headers to §2 keys, keeps the header as typed (trimmed), and makes a second column of a key unknown", () => {
    const sheet = gridFromRows("台账", [
      ["台账"],
      [" 任务编号 ", "责任单位", null, "单位", 2022, "  ", "联系ＴＥＬ", true],
      ["A-1", "青山区", null, "青山", 1, null, "139", null],
    ]);
    const table = readLedgerTable(sheet, 1);
    expect(table.columns).toEqual([
      { column: 0, header: "任务编号", key: "taskId" },
      { column: 1, header: "责任单位", key: "unit" },
      { column: 3, header: "单位", key: null },
      { column: 4, header: "2022", key: null },
      { column: 6, header: "联系ＴＥＬ", key: null },
      { column: 7, header: "true", key: null },
    ]);
    expect(table).toMatchObject({ sheet: "台账", headerRow: 1 });
    expect(table.rows).toEqual([
      {
        row: 3,
        cells: [
          { value: "A-1", format: undefined },
          { value: "青山区", format: undefined },
          { value: "青山", format: undefined },
          { value: 1, format: undefined },
          { value: "139", format: undefined },
          { value: null, format: undefined },
        ],
      },
    ]);
  });

  it("names a date or an error header as issues name the value, so two of them stay two columns", () => {
    const sheet = gridFromRows("台账", [
      ["任务编号", new Date(Date.UTC(2022, 9, 24)), new Date(Date.UTC(2022, 9, 31)), { error: "#REF!" }],
      ["A-1", "周一进展", "周二进展", "x"],
    ]);
    expect(readLedgerTable(sheet, 0).columns.map((c) => c.header)).toEqual([
      "任务编号",
      "2022-10-24",
      "2022-10-31",
      "#REF!",
    ]);
  });

  it("compares headers as SPEC §2 normalises them", () => {
    expect(headerKey("联系 电话（%）")).toBe(headerKey("联系电话"));
    expect(headerKey("联系ＴＥＬ")).toBe(headerKey("联系TEL"));
    expect(headerKey("联系人")).not.toBe(headerKey("联系电话"));
  });
});

describe("readLedgerTable: rows", () => {
  const row = (id: string, extra = {}) => validRow({ 任务编号: id, ...extra });

  it("reads the rows validation counts: blank rows, footers and cells outside the table are not rows", () => {
    const outside: CellValue[] = [...HEADERS.map(() => null), "表外的字"];
    const sheet = ledgerSheet({
      rows: [
        row("CS-01"),
        null,
        ["说明：以下为补报任务"],
        row("CS-02", { 备注: "注：已完成" }),
        ["  ", null, "\t"],
        row("CS-03"),
      ],
      below: [
        ["注：本表由各单位填报"],
        [],
        ["填报人：张三", null, null, null, null, "审核人：李四"],
        outside,
      ],
    });
    const table = readLedgerTable(sheet, findHeaderRow(sheet)!);
    expect(table.rows.map((r) => [r.row, r.cells[1]!.value])).toEqual([
      [4, "CS-01"],
      [7, "CS-02"],
      [9, "CS-03"],
    ]);
  });

  it("copies each cell's value and number format; an empty cell has neither", () => {
    const sheet = ledgerSheet({
      rows: [row("CS-01", { 完成时限: 44926, 完成进度: 0.5, 备注: null })],
      formats: { G4: "yyyy-mm-dd", I4: "0%", L4: "@" },
    });
    const cells = readLedgerTable(sheet, findHeaderRow(sheet)!).rows[0]!.cells;
    expect(cells[6]).toEqual({ value: 44926, format: "yyyy-mm-dd" });
    expect(cells[8]).toEqual({ value: 0.5, format: "0%" });
    expect(cells[11]).toEqual({ value: null, format: undefined });
  });

  it("gives a vertical merge's value and format to every data row it covers; a merge across columns fills nothing", () => {
    const sheet = ledgerSheet({
      rows: [
        row("CS-01", { 责任单位: "江南区" }),
        row("CS-02", { 责任单位: "青山区", 佐证材料: "纪要" }),
        row("CS-03", { 责任单位: null }),
        row("CS-04", { 责任单位: "浮溪县" }),
      ],
      formats: { E5: "@" },
      merges: ["E5:E6", "K5:L5"],
    });
    const table = readLedgerTable(sheet, findHeaderRow(sheet)!);
    expect(table.rows.map((r) => r.cells[4])).toEqual([
      { value: "江南区", format: undefined },
      { value: "青山区", format: "@" },
      { value: "青山区", format: "@" },
      { value: "浮溪县", format: undefined },
    ]);
    expect(table.rows[1]!.cells[11]).toEqual({ value: null, format: undefined });
  });

  it("starts the data below a header merged down over several rows, but not for a merge outside the table", () => {
    const merged = ledgerSheet({
      rows: [["（续）", null, null, "其中：子任务"], row("CS-01"), row("CS-02")],
      merges: ["D3:D4", "A1:L1"],
    });
    expect(readLedgerTable(merged, 2).rows.map((r) => r.row)).toEqual([5, 6]);
    const outside = ledgerSheet({ rows: [row("CS-01"), row("CS-02")], merges: ["N1:N6"] });
    expect(readLedgerTable(outside, 2).rows.map((r) => r.row)).toEqual([4, 5]);
  });
});

describe("readFiling", () => {
  const sheet = (above: CellValue[][]) => ledgerSheet({ above, rows: [] });
  // 2022-11-05 is day 19301; its serial is 44870 in the 1900 system and 43408 in the 1904 one.
  it.each<[string, CellValue[][], string | null, number | null]>([
    [
      "报送单位/报送日期 and a half-width colon",
      [["报送单位：青山区(公章)  报送日期:2022/11/5"]],
      "青山区",
      19301,
    ],
    [
      "labels with no space between them",
      [["填报单位：青山区填报日期：2022 年 11 月 5 日（星期六）"]],
      "青山区",
      19301,
    ],
    ["an eight-digit date", [["填报日期：20221105（星期六）"]], null, 19301],
    ["a date with no 日, then the weekday", [["填报日期：2022.11.5 周六"]], null, 19301],
    ["full-width digits", [["填报日期：２０２２年１１月５日（星期六）"]], null, 19301],
    [
      "a date inside the 填报单位 text is no 填报日期",
      [["填报单位：青山区 2022年11月5日"]],
      "青山区 2022年11月5日",
      null,
    ],
    [
      "a unit in the next cell, spaces and seal dropped",
      [["填报单位：", " 青山区（盖章） "]],
      "青山区",
      null,
    ],
    [
      "a seal alone is no unit: the next 填报单位 is",
      [["填报单位：（章）", "填报单位：江南区"]],
      "江南区",
      null,
    ],
    ["the first 填报单位 wins", [["填报单位：青山区"], ["填报单位：江南区"]], "青山区", null],
    [
      "the first readable 填报日期 wins",
      [["填报日期：不详"], ["填报日期：2022-11-05", "填报日期：2022-11-09"]],
      null,
      19301,
    ],
    [
      "a label whose next cell is another label takes nothing from it",
      [["填报单位：", "填报日期：2022-11-05"]],
      null,
      19301,
    ],
    [
      "a label alone, spaces after it, takes the next filled cell",
      [["填报单位： ", null, "青山区"]],
      "青山区",
      null,
    ],
    ["a label followed by a number is no unit", [["填报单位：", 123]], null, null],
    ["a date cell after the label", [["填报日期：", new Date(Date.UTC(2022, 10, 5))]], null, 19301],
  ])("%s", (_, above, unit, date) => {
    const s = sheet(above);
    expect(readFiling(s, findHeaderRow(s)!, false)).toEqual({ unit, date });
  });

  it("reads a date serial in the workbook's own date system", () => {
    const s = sheet([["填报日期：", 43408]]);
    expect(readFiling(s, findHeaderRow(s)!, true)).toEqual({ unit: null, date: 19301 });
  });

  it("reads only the rows above the header, not the header or the data", () => {
    const s = ledgerSheet({
      above: [],
      headers: [...HEADERS, "报送单位：青山区"],
      rows: [["填报单位：青山区    填报日期：2022-11-05"]],
    });
    expect(readFiling(s, findHeaderRow(s)!, false)).toEqual({ unit: null, date: null });
  });
});
