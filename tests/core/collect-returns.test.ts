/**
 * The rules of collecting returned ledgers (SPEC §10 merge, §11 收集) that `collect.test.ts` states
 * only in passing: what a 收集情况 line counts, which return of a unit wins and why, the same bytes
 * twice in one run, collecting again into what was collected (rows tied to their line, unknown
 * columns kept), and a merged ledger returned as a return (each row keeps its own source).
 */
import {
  type CellValue,
  type ReturnedFile,
  type WorkbookGrid,
  COLUMNS,
  NOTHING_COLLECTED,
  SOURCE_COLUMNS,
  collectReturns,
  columnId,
  mergedColumns,
} from "../../src/core";
import { HEADERS, ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

const TODAY = "2022-11-01";

function returned(file: string, book: WorkbookGrid, hash: string | null = file): ReturnedFile {
  return { file, hash, workbook: book };
}

/** A return: title, a 填报单位/填报日期 row, rows; the sample roster unless `extra` says otherwise. */
function unitReturn(
  unit: string,
  filed: string | null,
  rows: ReturnType<typeof validRow>[],
  extra = [rosterSheet()],
): WorkbookGrid {
  const meta = `填报单位：${unit}    填报日期：${filed ?? ""}`;
  return workbook([ledgerSheet({ above: [["台账"], [meta]], rows }), ...extra]);
}

const qs = (id: string, extra = {}) => validRow({ 任务编号: id, 责任单位: "青山区", ...extra });
const jn = (id: string, extra = {}) => validRow({ 任务编号: id, 责任单位: "江南区", ...extra });

describe("a 收集情况 line", () => {
  it("counts the errors and the warnings of the file's ledger sheets, not those of its 设置 or 单位名册", () => {
    // Two invalid dates (errors) and one nonstandard status (warning) in the ledger; an unknown
    // setting (warning) and an invalid one (error) in 设置; no roster (a warning on 单位名册).
    const book = unitReturn(
      "青山区",
      "2022-11-01",
      [
        qs("CS-01", { 完成时限: "10月底" }),
        qs("CS-02", { 完成时限: "年底前" }),
        qs("CS-03", { 推进状态: "完成", 完成进度: 100, 完成时间: "2022-09-01" }),
      ],
      [
        settingsSheet([
          ["不存在的项目", 1],
          ["临期天数", "很多"],
        ]),
      ],
    );
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", book)], { today: TODAY });
    const sheetsWithIssues = new Set(result.validation.issues.map((i) => `${i.sheet} ${i.severity}`));
    // The file does have issues outside its ledger, of both severities.
    expect(sheetsWithIssues).toEqual(
      new Set([
        "重点任务台账 error",
        "重点任务台账 warning",
        "设置 error",
        "设置 warning",
        "单位名册 warning",
      ]),
    );
    expect(result.added.map((e) => [e.rows, e.errors, e.warnings])).toEqual([[3, 2, 1]]);
  });

  it("says 无法读取 for a file that could not be read and gave no reason", () => {
    const result = collectReturns(NOTHING_COLLECTED, [{ file: "x.xlsx", hash: null, workbook: null }], {
      today: TODAY,
    });
    expect(result.added).toEqual([
      {
        file: "x.xlsx",
        unit: null,
        rows: 0,
        errors: 0,
        warnings: 0,
        outcome: { kind: "unreadable", reason: "无法读取" },
        hash: null,
        filed: null,
      },
    ]);
  });
});

describe("a return's unit", () => {
  it("is its 填报单位 even when its rows name several units", () => {
    const book = unitReturn("青山区", "2022-11-01", [qs("CS-01"), jn("JN-01")]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", book)], { today: TODAY });
    expect(result.added.map((e) => e.unit)).toEqual(["青山区"]);
  });

  it("is named as the open workbook's roster names it when the return carries no roster", () => {
    const open = workbook([rosterSheet(), settingsSheet([["不存在的项目", 1]])]);
    const book = unitReturn("青山", "2022-11-01", [qs("CS-01")], []);
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", book)], {
      today: TODAY,
      setup: open,
    });
    expect(result.added.map((e) => e.unit)).toEqual(["青山区"]);
    // The open workbook's own issues are its own, under no returned file's name.
    expect(result.validation.files.map((f) => f.file)).toEqual(["", "a.xlsx"]);
    expect(result.validation.issues.filter((i) => i.code === "unknown-setting").map((i) => i.file)).toEqual([
      "",
    ]);
  });
});

describe("a return's unit from its rows, when it names none", () => {
  const bare = (
    rows: ReturnType<typeof validRow>[],
    headers: readonly string[] = HEADERS,
    extra = [rosterSheet()],
  ) => workbook([ledgerSheet({ above: [], headers, rows }), ...extra]);

  it("is the roster's name of the one unit the rows name, however written", () => {
    const result = collectReturns(
      NOTHING_COLLECTED,
      [
        returned(
          "a.xlsx",
          bare([qs("CS-01", { 责任单位: "青山" }), qs("CS-02"), qs("CS-03", { 责任单位: null })]),
        ),
        returned(
          "b.xlsx",
          bare([jn("JN-01", { 责任单位: "外单位" }), jn("JN-02", { 责任单位: "外 单位" })], HEADERS, []),
        ),
      ],
      { today: TODAY },
    );
    expect(result.added.map((e) => e.unit)).toEqual(["青山区", "外单位"]);
  });

  it("is none for a ledger without a 责任单位 column, whose rows are still merged", () => {
    const headers = HEADERS.filter((h) => h !== "责任单位");
    const row = qs("CS-01");
    const sheet = ledgerSheet({ above: [], headers, rows: [headers.map((h) => row[h] ?? null)] });
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", workbook([sheet, rosterSheet()]))], {
      today: TODAY,
    });
    expect(result.added.map((e) => [e.unit, e.rows, e.outcome.kind])).toEqual([[null, 1, "merged"]]);
    expect(result.collected.rows).toHaveLength(1);
  });
});

describe("the same unit returned twice", () => {
  it("keeps the later in order when both have the same 填报日期, and says it won by order", () => {
    const first = unitReturn("青山区", "2022-11-03", [qs("CS-01"), qs("CS-02")]);
    const second = unitReturn("青山区", "2022年11月3日", [qs("CS-01")]);
    const result = collectReturns(
      NOTHING_COLLECTED,
      [returned("1.xlsx", first), returned("2.xlsx", second)],
      {
        today: TODAY,
      },
    );
    expect(result.added.map((e) => e.outcome)).toEqual([
      { kind: "superseded", by: "2.xlsx", why: "later-order" },
      { kind: "merged" },
    ]);
    expect(result.collected.rows.map((r) => r.sourceFile)).toEqual(["2.xlsx"]);
    expect(result.figures).toEqual({ rowsIn: 3, rowsBefore: 0, rowsOut: 1, rowsReported: 2 });
  });

  it("keeps the later in order, not the dated one, when only one of them has a 填报日期", () => {
    const undated = unitReturn("青山区", null, [qs("CS-01")]);
    const dated = unitReturn("青山区", "2022-11-05", [qs("CS-01")]);
    const result = collectReturns(
      NOTHING_COLLECTED,
      [returned("1.xlsx", undated), returned("2.xlsx", dated)],
      {
        today: TODAY,
      },
    );
    expect(result.added.map((e) => e.outcome)).toEqual([
      { kind: "superseded", by: "2.xlsx", why: "later-order" },
      { kind: "merged" },
    ]);
  });
});

describe("the same bytes twice in one run", () => {
  it("merges them once: the later copy stands and the earlier is reported as the same content", () => {
    const book = unitReturn("青山区", "2022-11-01", [qs("CS-01"), qs("CS-02")]);
    const other = unitReturn("江南区", "2022-11-01", [jn("JN-01")]);
    const result = collectReturns(
      NOTHING_COLLECTED,
      [
        returned("青山.xlsx", book, "h1"),
        returned("江南.xlsx", other, "h2"),
        returned("青山-副本.xlsx", book, "h1"),
      ],
      { today: TODAY },
    );
    expect(result.added.map((e) => e.outcome)).toEqual([
      { kind: "superseded", by: "青山-副本.xlsx", why: "same-content" },
      { kind: "merged" },
      { kind: "merged" },
    ]);
    expect(result.figures).toEqual({ rowsIn: 5, rowsBefore: 0, rowsOut: 3, rowsReported: 2 });
  });
});

describe("files whose bytes are unknown or already collected", () => {
  it("never takes two files without a content hash for the same content", () => {
    const result = collectReturns(
      NOTHING_COLLECTED,
      [
        returned("青山.xlsx", unitReturn("青山区", "2022-11-01", [qs("CS-01")]), null),
        returned("江南.xlsx", unitReturn("江南区", "2022-11-01", [jn("JN-01")]), null),
      ],
      { today: TODAY },
    );
    expect(result.added.map((e) => e.outcome)).toEqual([{ kind: "merged" }, { kind: "merged" }]);
  });

  it("says of every copy of a file collected before that it was collected, none superseding another", () => {
    const book = unitReturn("青山区", "2022-11-01", [qs("CS-01")]);
    const first = collectReturns(NOTHING_COLLECTED, [returned("青山.xlsx", book, "h1")], { today: TODAY });
    const second = collectReturns(
      first.collected,
      [returned("副本1.xlsx", book, "h1"), returned("副本2.xlsx", book, "h1")],
      { today: TODAY },
    );
    expect(second.added.map((e) => e.outcome)).toEqual([
      { kind: "already-collected", as: "青山.xlsx" },
      { kind: "already-collected", as: "青山.xlsx" },
    ]);
    expect(second.collected.entries[0]!.outcome).toEqual({ kind: "merged" });
    expect(second.figures).toEqual({ rowsIn: 2, rowsBefore: 1, rowsOut: 1, rowsReported: 2 });
  });
});

describe("collecting into what was collected before", () => {
  it("leaves an earlier return that had already lost as it was, when the unit returns again", () => {
    const first = collectReturns(
      NOTHING_COLLECTED,
      [
        returned("青山-1.xlsx", unitReturn("青山区", "2022-11-01", [qs("CS-01")])),
        returned("青山-2.xlsx", unitReturn("青山区", "2022-11-02", [qs("CS-01")])),
      ],
      { today: TODAY },
    );
    const second = collectReturns(
      first.collected,
      [returned("青山-3.xlsx", unitReturn("青山区", "2022-11-03", [qs("CS-01")]))],
      { today: TODAY },
    );
    expect(second.collected.entries.map((e) => e.outcome)).toEqual([
      { kind: "superseded", by: "青山-2.xlsx", why: "later-date" },
      { kind: "superseded", by: "青山-3.xlsx", why: "later-date" },
      { kind: "merged" },
    ]);
  });

  it("recognises a file collected before by its bytes, though it has no ledger", () => {
    const noLedger = workbook([rosterSheet()]);
    const first = collectReturns(NOTHING_COLLECTED, [returned("名册.xlsx", noLedger, "h0")], {
      today: TODAY,
    });
    expect(first.added.map((e) => e.outcome)).toEqual([{ kind: "no-ledger" }]);
    const second = collectReturns(first.collected, [returned("名册（再次）.xlsx", noLedger, "h0")], {
      today: TODAY,
    });
    expect(second.added.map((e) => e.outcome)).toEqual([{ kind: "already-collected", as: "名册.xlsx" }]);
  });

  it("reads the open workbook's 设置 in its own date system, and gives each carried sheet its file's", () => {
    const settings = settingsSheet([["统计截止日期", 43403]], { formats: { B2: "yyyy-mm-dd" } });
    const open = workbook([rosterSheet(), settings], true);
    const book = workbook([...unitReturn("青山区", "2022-11-01", [qs("CS-01")]).sheets, settings], true);
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", book)], {
      today: TODAY,
      setup: open,
    });
    expect(result.validation.asOf).toBe("2022-10-31");
    expect(result.roster?.date1904).toBe(true);
    expect(result.settings?.date1904).toBe(true);
  });

  it("ties each row to its 收集情况 line, so a later return of the unit takes the earlier rows out", () => {
    const first = collectReturns(
      NOTHING_COLLECTED,
      [
        returned("江南.xlsx", unitReturn("江南区", "2022-11-01", [jn("JN-01")])),
        returned("青山.xlsx", unitReturn("青山区", "2022-11-01", [qs("CS-01"), qs("CS-02")])),
      ],
      { today: TODAY },
    );
    expect(first.collected.rows.map((r) => r.entry)).toEqual([0, 1, 1]);
    const second = collectReturns(
      first.collected,
      [returned("青山-更正.xlsx", unitReturn("青山区", "2022-11-04", [qs("CS-01", { 完成进度: 80 })]))],
      { today: TODAY },
    );
    expect(second.collected.entries.map((e) => e.outcome)).toEqual([
      { kind: "merged" },
      { kind: "superseded", by: "青山-更正.xlsx", why: "later-date" },
      { kind: "merged" },
    ]);
    expect(second.collected.rows.map((r) => [r.sourceFile, r.entry])).toEqual([
      ["江南.xlsx", 0],
      ["青山-更正.xlsx", 2],
    ]);
    expect(second.figures).toEqual({ rowsIn: 1, rowsBefore: 3, rowsOut: 2, rowsReported: 2 });
  });

  it("keeps the unknown columns collected before, in their place, though no new file has them", () => {
    const withPhone = workbook([
      ledgerSheet({
        headers: [...HEADERS, "联系电话"],
        rows: [
          [
            1,
            "CS-01",
            "城市基层党建",
            "任务",
            "青山区",
            "张三",
            "2022-12-31",
            "推进中",
            50,
            null,
            "纪要",
            null,
            "139",
          ],
        ],
      }),
      rosterSheet(),
    ]);
    const first = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", withPhone)], { today: TODAY });
    const second = collectReturns(
      first.collected,
      [returned("b.xlsx", unitReturn("江南区", "2022-11-01", [jn("JN-01")]))],
      { today: TODAY },
    );
    expect(mergedColumns(second.collected).map((c) => c.header)).toEqual([
      ...COLUMNS.map((c) => c.header),
      "联系电话",
      ...SOURCE_COLUMNS.map((c) => c.header),
    ]);
    expect(second.collected.rows).toHaveLength(2);
  });
});

describe("unknown columns", () => {
  it("keeps every column headed by a date, each with its values (all but the first were lost)", () => {
    const weeks = [new Date(Date.UTC(2022, 9, 24)), new Date(Date.UTC(2022, 9, 31))];
    const row = qs("CS-01");
    const book = workbook([
      ledgerSheet({
        headers: [...HEADERS, ...weeks],
        rows: [[...HEADERS.map((h) => row[h] ?? null), "一周", "两周"]],
      }),
      rosterSheet(),
    ]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", book)], { today: TODAY });
    expect(result.collected.extraColumns.map((c) => c.header)).toEqual(["2022-10-24", "2022-10-31"]);
    const cells = result.collected.rows[0]!.cells;
    expect(result.collected.extraColumns.map((c) => cells.get(columnId(c))?.value)).toEqual(["一周", "两周"]);
  });
});

describe("a merged ledger returned as a return", () => {
  const mergedRow = (id: string, file: CellValue, row: CellValue): CellValue[] => [
    ...HEADERS.map((h) => qs(id)[h] ?? null),
    file,
    row,
  ];

  it("keeps each row's own 来源文件 and 来源行; a row without them is this file's", () => {
    const book = workbook([
      ledgerSheet({
        name: "合并台账",
        above: [],
        headers: [...HEADERS, "来源文件", "来源行"],
        rows: [
          mergedRow("CS-01", "青山.xlsx", 7),
          mergedRow("CS-02", "青山.xlsx", null),
          mergedRow("CS-03", null, 9),
        ],
      }),
      rosterSheet(),
    ]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("汇总.xlsx", book)], { today: TODAY });
    expect(result.collected.rows.map((r) => [r.sourceFile, r.sourceRow])).toEqual([
      ["青山.xlsx", 7],
      ["汇总.xlsx", 3],
      ["汇总.xlsx", 4],
    ]);
    // 来源文件/来源行 are not copied as cells: the merged ledger writes them from the row's source.
    expect(result.collected.extraColumns).toEqual([]);
    const cells = result.collected.rows[0]!.cells;
    expect(cells.get("k:taskId")).toBeDefined();
    for (const c of SOURCE_COLUMNS) {
      expect(cells.get(columnId(c))).toBeUndefined();
      expect(cells.get(columnId({ header: c.header, key: null }))).toBeUndefined();
    }
  });

  it("finds 来源文件 and 来源行 by their headers wherever they stand, the first column too", () => {
    const book = workbook([
      ledgerSheet({
        name: "合并台账",
        above: [],
        headers: ["来源文件", "来源行", ...HEADERS],
        rows: [["江南.xlsx", 5, ...HEADERS.map((h) => jn("JN-01")[h] ?? null)]],
      }),
      rosterSheet(),
    ]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("汇总.xlsx", book)], { today: TODAY });
    expect(result.collected.rows.map((r) => [r.sourceFile, r.sourceRow])).toEqual([["江南.xlsx", 5]]);
    const rowFirst = workbook([
      ledgerSheet({
        name: "合并台账",
        above: [],
        headers: ["来源行", ...HEADERS, "来源文件"],
        rows: [[6, ...HEADERS.map((h) => jn("JN-01")[h] ?? null), "江南.xlsx"]],
      }),
      rosterSheet(),
    ]);
    const again = collectReturns(NOTHING_COLLECTED, [returned("汇总.xlsx", rowFirst)], { today: TODAY });
    expect(again.collected.rows.map((r) => [r.sourceFile, r.sourceRow])).toEqual([["江南.xlsx", 6]]);
  });
});
