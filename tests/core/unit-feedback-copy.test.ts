/**
 * 退回修改, each unit's workbook (SPEC §11, `unitFeedbackWorkbooks`): who gets one, which sheets and
 * rows it holds and in what order, which issues move into it, its number formats and its file name.
 * `feedback-edges.test.ts` covers merges, dates and formula errors in the copy.
 */
import {
  type IssueData,
  type PlanCell,
  type SheetGrid,
  type WorkbookGrid,
  gridFromRows,
  makeIssue,
  unitFeedbackWorkbooks,
  validateRun,
} from "../../src/core";
import { HEADERS, METADATA, TITLE, ledgerSheet, rosterSheet, validRow, workbook } from "./helpers";

const AS_OF = "2022-10-31";

function run(book: WorkbookGrid) {
  return validateRun([{ file: "合并.xlsx", workbook: book }], { today: "2022-11-01", asOf: AS_OF }).files[0]!;
}
const split = (book: WorkbookGrid, validation = run(book)) =>
  unitFeedbackWorkbooks(book, validation, { asOf: AS_OF });
const values = (rows: ReadonlyArray<ReadonlyArray<PlanCell | null>>) =>
  rows.map((r) => r.map((c) => c?.value ?? null));

/** 青山区 has an error (no 责任人) on rows 4 and 6; 江南区's row 5 is valid. */
const ledger = (name = "重点任务台账", formats: Record<string, string> = {}): SheetGrid => ({
  ...ledgerSheet({
    rows: [
      validRow({ 任务编号: "A-1", 责任人: null }),
      validRow({ 任务编号: "B-1", 责任单位: "江南区" }),
      validRow({ 任务编号: "A-2", 责任人: null }),
    ],
    formats,
  }),
  name,
});

describe("unitFeedbackWorkbooks: who gets a workbook", () => {
  it("only a unit with issues; its feedback names it", () => {
    const out = split(workbook([ledger(), rosterSheet()]));
    expect(out.map((u) => [u.unit, u.fileName, u.feedback.unit])).toEqual([
      ["青山区", "青山区-退回修改.xlsx", "青山区"],
    ]);
    // No number formats in the source, none in the copy; a column width for each of its columns.
    expect(out[0]!.sheets[0]!.styles).toEqual({});
    expect(out[0]!.sheets[0]!.columnWidths).toHaveLength(HEADERS.length);
  });

  it("a name Windows cannot hold as a file name: its forbidden characters become _ and the spaces around it go", () => {
    const book = workbook([ledger(), rosterSheet()]);
    const validation = run(book);
    const renamed = {
      ...validation,
      rows: validation.rows.map((r) => (r.unit === "青山区" ? { ...r, unit: " 青山/区:党委 " } : r)),
    };
    expect(split(book, renamed).map((u) => u.fileName)).toEqual(["青山_区_党委-退回修改.xlsx"]);
  });
});

describe("unitFeedbackWorkbooks: the unit's copy of a sheet", () => {
  it("keeps every row above the data as it is, then the unit's rows in sheet order", () => {
    const book = workbook([ledger(), rosterSheet()]);
    const validation = run(book);
    // Rows listed out of order (a caller's merge of several runs, say) still come out in sheet order.
    const reversed = { ...validation, rows: [...validation.rows].reverse() };
    const [qs] = split(book, reversed);
    const rows = values(qs!.sheets[0]!.rows);
    expect(rows[0]![0]).toBe(TITLE);
    expect(rows[1]![0]).toBe(METADATA);
    expect(rows[2]).toEqual([...HEADERS]);
    expect(rows.slice(3).map((r) => r[1])).toEqual(["A-1", "A-2"]);
    // The issues moved with their rows: A-2 was on row 6 and is now on row 5.
    expect(qs!.feedback.issues.map((i) => [i.cell, i.row])).toEqual([
      ["F4", 4],
      ["F5", 5],
    ]);
  });

  it("finds each ledger sheet by its name, and leaves out a sheet holding none of the unit's rows", () => {
    const other = gridFromRows("说明", [["填报说明"]]);
    const jnOnly = {
      ...ledgerSheet({ rows: [validRow({ 任务编号: "B-2", 责任单位: "江南区", 责任人: null })] }),
      name: "第二台账",
    };
    const out = split(workbook([other, ledger(), jnOnly, rosterSheet()]));
    expect(out.map((u) => [u.unit, u.sheets.map((s) => s.name)])).toEqual([
      ["青山区", ["重点任务台账"]],
      ["江南区", ["重点任务台账", "第二台账"]],
    ]);
    expect(values(out[0]!.sheets[0]!.rows)[2]).toEqual([...HEADERS]);
  });

  it("moves only issues of that sheet's cells: not another sheet's, nor one of the sheet as a whole", () => {
    const book = workbook([ledger(), rosterSheet()]);
    const validation = run(book);
    const elsewhere: IssueData[] = [
      makeIssue("invalid-setting", { sheet: "设置", cell: "B4", row: 4, column: "临期天数" }, "七", {
        params: { key: "临期天数", expected: "count" },
      }),
      makeIssue("missing-column", { sheet: "重点任务台账", cell: null, row: 4, column: "佐证材料" }, null, {
        params: { key: "佐证材料" },
      }),
    ];
    const [qs] = split(book, { ...validation, issues: [...validation.issues, ...elsewhere] });
    expect(qs!.feedback.issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      "重点任务台账!F4",
      "重点任务台账!F5",
    ]);
  });

  it("keeps number formats, one style per format, on empty cells too", () => {
    const book = workbook([ledger("重点任务台账", { I4: "0%", I6: "0%", J4: "yyyy-mm-dd" }), rosterSheet()]);
    const [qs] = split(book);
    const sheet = qs!.sheets[0]!;
    const [a1, a2] = [sheet.rows[3]!, sheet.rows[4]!];
    expect(a1[8]!.style).toBeDefined();
    expect(a2[8]!.style).toBe(a1[8]!.style);
    expect(sheet.styles[a1[8]!.style!]).toEqual({ numFmt: "0%" });
    // 完成时间 is empty on A-1, and stays a date cell for the unit to fill in.
    expect(a1[9]).toEqual({ value: null, style: expect.any(String) });
    expect(sheet.styles[a1[9]!.style!]).toEqual({ numFmt: "yyyy-mm-dd" });
    expect(a2[9]).toBeNull();
  });

  it("a vertical merge past a row's last value still fills that row (the reader trims empty cells at the end)", () => {
    const full = ledgerSheet({
      rows: [
        validRow({ 任务编号: "A-1", 责任人: null, 备注: "同上" }),
        validRow({ 任务编号: "A-2", 责任人: null }),
      ],
      merges: ["L4:L5"],
    });
    const trimmed = { ...full, values: full.values.map((r, i) => (i === 4 ? r!.slice(0, 11) : r)) };
    const [qs] = split(workbook([trimmed, rosterSheet()]));
    expect(
      values(qs!.sheets[0]!.rows)
        .slice(3)
        .map((r) => r[11]),
    ).toEqual(["同上", "同上"]);
  });

  it("a merge on a data row, even the first, is written out into its cells: only merges above the header stay", () => {
    const book = workbook([
      ledgerSheet({
        rows: [
          validRow({ 任务编号: "A-1", 责任人: null, 佐证材料: "会议纪要" }),
          validRow({ 任务编号: "A-2" }),
        ],
        merges: ["A1:L1", "K4:L4"],
      }),
      rosterSheet(),
    ]);
    const [qs] = split(book);
    expect(qs!.sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 11 }]);
    expect(values(qs!.sheets[0]!.rows)[3]!.slice(10)).toEqual(["会议纪要", "会议纪要"]);
  });

  it("TRUE and FALSE stay booleans", () => {
    const book = workbook([
      ledgerSheet({ rows: [validRow({ 任务编号: "A-1", 责任人: null, 备注: true })] }),
      rosterSheet(),
    ]);
    const [qs] = split(book);
    expect(values(qs!.sheets[0]!.rows)[3]![11]).toBe(true);
  });

  it("a row the sheet does not hold (a sparse grid) is an empty row", () => {
    const full = ledger();
    const sparse: SheetGrid = { ...full, values: full.values.map((r, i) => (i === 1 ? undefined! : r)) };
    const [qs] = split(workbook([sparse, rosterSheet()]));
    expect(values(qs!.sheets[0]!.rows)[1]).toEqual([]);
  });
});
