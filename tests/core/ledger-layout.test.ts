/**
 * The layout rules of a ledger sheet that the mutation run of `src/core/ledger` found unpinned
 * (docs/QUALITY.md): header normalisation of `%` and brackets (SPEC §2), a header merged down with a
 * title merged across above it, empty header cells, which rows are data, blank or footer (SPEC §4),
 * several vertical merges in one column (SPEC §3), the per-workbook issue limit, duplicate-task
 * without a task id, and 来源文件/来源行 of a merged ledger. Through the public entry point
 * (`validateRun`), with the standard layout of `helpers.ts` (header on row 3, data from row 4).
 */
import { type CellValue, type IssueCode, TooManyIssuesError, validateRun } from "../../src/core";
import {
  FILE,
  HEADERS,
  TODAY,
  type RowSpec,
  expected,
  issuesOf,
  ledgerBook,
  places,
  validRow,
  validateBook,
} from "./helpers";

const codes = (book: Parameters<typeof issuesOf>[0]): IssueCode[] => issuesOf(book).map((i) => i.code);

/** The standard headers with 完成进度 (column I) written as `text`. */
const withProgressHeader = (text: string): CellValue[] => HEADERS.map((h) => (h === "完成进度" ? text : h));

/** A valid row as a raw array in the standard column order. */
const rawRow = (overrides: RowSpec = {}): CellValue[] => {
  const spec = validRow(overrides);
  return HEADERS.map((h) => spec[h] ?? null);
};

describe("header normalisation of % and brackets (SPEC §2)", () => {
  it.each(["完成进度（%）", "完成进度(%)", "完成进度（%%）", "完成进度[%]", "完成进度（ % ）"])(
    "reads %p as 完成进度: every %% inside a bracket pair goes with the brackets",
    (header) => {
      expect(codes(ledgerBook({ headers: withProgressHeader(header), rows: [rawRow()] }))).toEqual([]);
    },
  );

  it.each(["完成进度%）", "完成进度（%", "完成进度%"])(
    "keeps a %% that no bracket pair encloses: %p is no known header",
    (header) => {
      const issues = issuesOf(ledgerBook({ headers: withProgressHeader(header), rows: [rawRow()] }));
      expect(issues).toEqual([
        expected("missing-column", "A3", "完成进度", null, { params: { key: "完成进度" } }),
        expected("unknown-column", "I3", header, header),
      ]);
    },
  );
});

describe("the header row's extent and cells (SPEC §2, §4)", () => {
  it("a header merged down over two rows ends with its merges, whatever merge the sheet lists after them", () => {
    const headerMerges = HEADERS.map(
      (_, i) => `${String.fromCharCode(65 + i)}3:${String.fromCharCode(65 + i)}4`,
    );
    // The title merged across row 1, listed last: its bottom (row 1) must not end the header.
    const merges = [...headerMerges, "A1:L1"];
    const run = validateBook(ledgerBook({ rows: [null, validRow()], merges }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.sheets[0]).toMatchObject({ headerRow: 3, rows: 1 });
  });

  it("a header cell holding only white space is no column: no unknown-column for it", () => {
    const headers: CellValue[] = [...HEADERS, "  ", "联系电话"];
    const issues = issuesOf(ledgerBook({ headers, rows: [[...rawRow(), null, "12345678"]] }));
    expect(issues).toEqual([expected("unknown-column", "N3", "联系电话", "联系电话")]);
  });
});

describe("data, blank and footer rows (SPEC §4)", () => {
  it("a row whose first cell holds only white space is still a data row", () => {
    const run = validateBook(ledgerBook({ rows: [validRow(), validRow({ 序号: "  ", 任务编号: "CS-02" })] }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows.map((r) => r.taskId)).toEqual(["CS-01", "CS-02"]);
  });

  it("a data row whose last cell is a note (备注：…) is data, not a footer", () => {
    const run = validateBook(ledgerBook({ rows: [validRow({ 备注: "说明：按期完成" })] }));
    expect(run.files[0]!.rows.map((r) => [r.taskId, r.note])).toEqual([["CS-01", "说明：按期完成"]]);
  });

  it("a row whose first cell is a note but whose other cells hold data is data", () => {
    const run = validateBook(ledgerBook({ rows: [validRow({ 序号: "注：新增任务" })] }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.sheets[0]!.rows).toBe(1);
  });
});

describe("several vertical merges in one column (SPEC §3)", () => {
  it("each fills its own rows, in whatever order the sheet lists them, and a row below them keeps its own value", () => {
    const rows = [
      validRow({ 任务编号: "A-1", 责任单位: "青山区" }),
      validRow({ 任务编号: "A-2", 责任单位: null }),
      validRow({ 任务编号: "A-3", 责任单位: "江南区" }),
      validRow({ 任务编号: "A-4", 责任单位: null }),
      validRow({ 任务编号: "A-5", 责任单位: "浮溪县" }),
    ];
    const run = validateBook(ledgerBook({ rows, merges: ["E6:E7", "E4:E5"] }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows.map((r) => r.unit)).toEqual(["青山区", "青山区", "江南区", "江南区", "浮溪县"]);
  });
});

describe("the issue limit of a workbook (TooManyIssuesError)", () => {
  // One error on rows 4, 6 and 8, a blank row before rows 6 and 8: issues 1, 3 (blank + error), 5.
  const rows = [
    validRow({ 任务编号: "A-1", 责任人: null }),
    null,
    validRow({ 任务编号: "A-2", 责任人: null }),
    null,
    validRow({ 任务编号: "A-3", 责任人: null }),
  ];
  const run = (maxIssues: number) =>
    validateRun([{ file: FILE, workbook: ledgerBook({ rows }) }], { today: TODAY, maxIssues });

  it("stops at the first row after which the workbook holds more issues than the limit, naming it", () => {
    let thrown: unknown;
    try {
      run(3);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TooManyIssuesError);
    const error = thrown as TooManyIssuesError;
    expect([error.name, error.sheet, error.row, error.limit]).toEqual([
      "TooManyIssuesError",
      "重点任务台账",
      8,
      3,
    ]);
    expect(error.message).toBe("more than 3 issues: stopped at row 8 of sheet 重点任务台账");
  });

  it("does not stop when the issues reach the limit without passing it", () => {
    expect(places(run(5).issues)).toEqual([
      "重点任务台账!F4 required-missing",
      "重点任务台账!A5 blank-row",
      "重点任务台账!F6 required-missing",
      "重点任务台账!A7 blank-row",
      "重点任务台账!F8 required-missing",
    ]);
  });
});

describe("duplicate-task needs a task id and a unit (SPEC §4)", () => {
  it("rows without a task id are never repeats of each other: both count", () => {
    const run = validateBook(
      ledgerBook({ rows: [validRow({ 任务编号: null }), validRow({ 任务编号: null })] }),
    );
    expect(run.files[0]!.rows.map((r) => r.duplicate)).toEqual([false, false]);
    expect(codes(ledgerBook({ rows: [validRow({ 任务编号: null }), validRow({ 任务编号: null })] }))).toEqual(
      ["required-missing", "required-missing"],
    );
  });

  it("rows without a unit are never repeats of each other either", () => {
    const run = validateBook(
      ledgerBook({ rows: [validRow({ 责任单位: null }), validRow({ 责任单位: null })] }),
    );
    expect(run.files[0]!.rows.map((r) => r.duplicate)).toEqual([false, false]);
  });
});

describe("来源文件 and 来源行 of a merged ledger", () => {
  it("a row keeps its source when 来源行 is a row number (1 and up), and has none otherwise", () => {
    const headers: CellValue[] = [...HEADERS, "来源文件", "来源行"];
    const lines: CellValue[] = [1, 12, " 7 ", 0, -3, 2.5, "第3行"];
    const rows = lines.map((line, i) => [...rawRow({ 任务编号: `S-${i}` }), "江南区.xlsx", line]);
    const run = validateBook(ledgerBook({ headers, rows }));
    expect(run.files[0]!.rows.map((r) => [r.sourceFile, r.sourceRow])).toEqual([
      ["江南区.xlsx", 1],
      ["江南区.xlsx", 12],
      ["江南区.xlsx", 7],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });
});
