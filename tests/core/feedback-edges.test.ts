/**
 * 退回修改's edges (SPEC §11): the unit a returned workbook names (`填报单位` above the header, or its
 * rows' one unit), and each unit's copy of a ledger — vertical merges in the data area written out
 * into each row, title merges kept, dates and formula errors as a new workbook writes them.
 */
import {
  type CellValue,
  type LedgerRow,
  addDays,
  gridFromRows,
  readFiling,
  unitFeedbackWorkbooks,
  validateRun,
  workbookUnit,
} from "../../src/core";
import { ledgerSheet, rosterSheet, validRow, workbook } from "./helpers";

const sheet = (rows: CellValue[][]) => gridFromRows("台账", rows);

describe("addDays: the date a 退回修改 deadline falls on", () => {
  it("counts calendar days across a month and a leap day, and refuses a date that is none", () => {
    expect(addDays("2024-02-27", 3)).toBe("2024-03-01");
    expect(addDays("2023-12-25", 10)).toBe("2024-01-04");
    expect(() => addDays("2024-02-30", 1)).toThrow(new RangeError("not a date: 2024-02-30"));
  });
});

/** The 填报单位 above a 1-based header row, as 退回修改 reads it (the same rule as 收集 and 校验). */
const filingUnit = (grid: ReturnType<typeof sheet>, headerRow: number) =>
  readFiling(grid, headerRow - 1, false).unit;

describe("readFiling: the 填报单位 written above the header row", () => {
  it.each<[string, CellValue[][], number, string | null]>([
    [
      "two spaces before the next label",
      [["标题"], ["填报单位：青山区  填报日期：2022年10月31日"]],
      3,
      "青山区",
    ],
    ["one space, then another label", [["填报单位:江南区 联系人:李四"]], 2, "江南区"],
    ["two spaces end it, with no label after them", [["填报单位：青山区    二〇二二年十月"]], 2, "青山区"],
    ["a full-width space, then another label", [["填报单位：江南区\u3000填报日期：2022-10-31"]], 2, "江南区"],
    ["the name in the next cell", [["填报单位：", null, "浮溪县", "填报日期："]], 2, "浮溪县"],
    ["a label further right in the row", [["说明", 42, "填报单位：市卫生健康委"]], 2, "市卫生健康委"],
    ["a blank cell after the label is passed over", [["填报单位：", "  ", "青山区"]], 2, "青山区"],
    ["no space before the next label it knows", [["填报单位：青山区填报日期：2022年10月31日"]], 2, "青山区"],
    ["nothing after the label", [["填报单位：", null, 7]], 2, null],
    ["the label only on the header row itself", [["标题"], ["填报单位：青山区"]], 2, null],
    ["no label", [["基层党建工作重点任务推进台账"], ["填报日期：2022-10-31"]], 3, null],
  ])("%s", (_, rows, headerRow, unit) => {
    expect(filingUnit(sheet(rows), headerRow)).toBe(unit);
  });

  it("does not look past the last row the sheet holds", () => {
    expect(filingUnit(sheet([["填报单位：青山区"]]), 50)).toBe("青山区");
  });
});

describe("workbookUnit: the unit a returned workbook is from", () => {
  const row = (unit: string | null) => ({ unit }) as LedgerRow;
  const book = workbook([
    sheet([["填报单位：江南区（盖章）"], ["序号"]]),
    gridFromRows("另一台账", [["填报单位：青山区"], ["序号"]]),
  ]);

  it("is the one unit of its rows", () => {
    expect(
      workbookUnit(book, [{ sheet: "台账", headerRow: 2 }], [row("浮溪县"), row(null), row("浮溪县")]),
    ).toBe("浮溪县");
  });

  it("else the 填报单位 of the first ledger sheet that names one, without （盖章）", () => {
    const two = [row("浮溪县"), row("青山区")];
    expect(workbookUnit(book, [{ sheet: "台账", headerRow: 2 }], two)).toBe("江南区");
    expect(
      workbookUnit(
        book,
        [
          { sheet: "不存在", headerRow: 2 },
          { sheet: "另一台账", headerRow: 2 },
        ],
        two,
      ),
    ).toBe("青山区");
    expect(workbookUnit(book, [{ sheet: "台账", headerRow: 1 }], [])).toBeNull();
    expect(workbookUnit(book, [], [])).toBeNull();
  });
});

describe("unitFeedbackWorkbooks: each unit's copy of a ledger", () => {
  function split(date1904: boolean) {
    const ledger = ledgerSheet({
      rows: [
        validRow({ 任务编号: "A-1", 责任人: null }),
        validRow({ 任务编号: "A-2", 责任单位: null, 完成时限: 44926, 备注: { error: "#N/A" } }),
        validRow({
          任务编号: "B-1",
          责任单位: "江南区",
          责任人: null,
          完成时限: new Date(Date.UTC(2022, 11, 30)),
        }),
      ],
      merges: ["A1:L1", "E4:E5"],
      formats: { G5: "yyyy-mm-dd" },
    });
    const book = workbook([ledger, rosterSheet()], date1904);
    const run = validateRun([{ file: "合并.xlsx", workbook: book }], {
      today: "2022-11-01",
      asOf: "2022-10-31",
    });
    return unitFeedbackWorkbooks(book, run.files[0]!, { asOf: run.asOf });
  }
  const values = (rows: ReadonlyArray<ReadonlyArray<{ value: unknown } | null>>, column: number) =>
    rows.slice(3).map((r) => r[column]?.value ?? null);

  it("writes a vertical merge of the data area into each row it covered, and keeps the title's merge", () => {
    const [qs, jn] = split(false);
    expect([qs!.unit, jn!.unit]).toEqual(["青山区", "江南区"]);
    const rows = qs!.sheets[0]!.rows;
    expect(values(rows, 1)).toEqual(["A-1", "A-2"]);
    expect(values(rows, 4)).toEqual(["青山区", "青山区"]);
    expect(qs!.sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 11 }]);
  });

  it("writes a date as a 1900-system serial and a formula error as its text", () => {
    const [qs, jn] = split(false);
    expect(values(qs!.sheets[0]!.rows, 11)).toEqual([null, "#N/A"]);
    expect(values(qs!.sheets[0]!.rows, 6)).toEqual(["2022-12-31", 44926]);
    expect(values(jn!.sheets[0]!.rows, 6)).toEqual([44925]);
  });

  it("moves a date-formatted serial of a 1904 workbook into the 1900 system the new workbook uses", () => {
    const [qs] = split(true);
    expect(values(qs!.sheets[0]!.rows, 6)).toEqual(["2022-12-31", 44926 + 1462]);
  });
});
