/**
 * The sheets of a collection (SPEC §10 merge, §11 收集): `合并台账` and `收集情况` as plans, the
 * 处理结果 words, and both sheets read back from a workbook that collected before (`readCollected`).
 */
import {
  type CellValue,
  type CollectEntry,
  type CollectOutcome,
  type Collected,
  type MergedRow,
  type RawCell,
  type SheetPlan,
  COLLECT_LOG_HEADERS,
  COLLECT_LOG_HIDDEN_COLUMNS,
  COLLECT_LOG_SHEET,
  COLUMNS,
  DATE_FORMAT,
  MERGED_SHEET,
  STANDARD_WIDTHS,
  buildCollectLogPlan,
  buildMergedSheetPlan,
  buildTemplateSheet,
  describeOutcome,
  gridFromRows,
  readCollected,
  readRoster,
  unitVocabulary,
} from "../../src/core";
import { nodeCodec } from "../../src/adapters/xlsx/write/deflate-node";
import { renderWorkbook } from "../../src/adapters/xlsx/write/render";
import { STREAMED_TABLE_ROWS, expandBody } from "../../src/core/plan";
import { HEADERS, rosterSheet, workbook } from "./helpers";

const raw = (value: CellValue, format?: string): RawCell => ({ value, format });

function mergedRow(cells: Record<string, RawCell>, source: Partial<MergedRow> = {}): MergedRow {
  return {
    cells: new Map(Object.entries(cells)),
    date1904: false,
    sourceFile: "a.xlsx",
    sourceRow: 4,
    entry: 0,
    ...source,
  };
}

const values = (plan: SheetPlan, r: number) => plan.rows[r]!.map((c) => c?.value ?? null);
const styleOf = (plan: SheetPlan, r: number, c: number) => plan.styles[plan.rows[r]![c]!.style!]!;

describe("合并台账 (buildMergedSheetPlan)", () => {
  it("writes the header, then each row: its cells by column, empty where it has none, and its source", () => {
    const collected: Collected = {
      extraColumns: [{ header: "联系电话", key: null }],
      rows: [
        mergedRow({ "k:taskId": raw("A1"), "u:联系电话": raw("0139", "@") }),
        mergedRow({ "k:task": raw("任务") }, { sourceFile: "b.xlsx", sourceRow: null }),
      ],
      entries: [],
    };
    const plan = buildMergedSheetPlan(collected);
    expect(values(plan, 0)).toEqual([...HEADERS, "联系电话", "来源文件", "来源行"]);
    expect(values(plan, 1)).toEqual([null, "A1", ...Array(10).fill(null), "0139", "a.xlsx", 4]);
    expect(values(plan, 2)).toEqual([null, null, null, "任务", ...Array(9).fill(null), "b.xlsx", null]);
    // A cell's own number format comes on top of the sheet's cell style.
    expect(styleOf(plan, 1, 12)).toMatchObject({ numFmt: "@", border: true, vAlign: "middle" });
    expect(styleOf(plan, 1, 13).numFmt).toBeUndefined();
    expect(styleOf(plan, 0, 0)).toMatchObject({ bold: true, border: true });
    expect(styleOf(plan, 1, 1)).toMatchObject({ border: true, vAlign: "middle" });
  });

  it("moves 1904-system serials into the 1900 system in 完成时限 and 完成时间 only", () => {
    const row = mergedRow(
      { "k:deadline": raw(43403), "k:doneDate": raw(43403), "k:progress": raw(50), "k:note": raw(43403) },
      { date1904: true },
    );
    const plan = buildMergedSheetPlan({ extraColumns: [], rows: [row], entries: [] });
    const at = (key: string) => COLUMNS.findIndex((c) => c.key === key);
    expect(
      [at("deadline"), at("doneDate"), at("progress"), at("note")].map((c) => values(plan, 1)[c]),
    ).toEqual([44865, 44865, 50, 43403]);
  });

  it("is headed and printed as the standard template is", () => {
    const plan = buildMergedSheetPlan({ extraColumns: [], rows: [], entries: [] });
    const template = buildTemplateSheet({ categories: [], units: [] });
    expect(plan.styles[plan.rows[0]![0]!.style!]).toEqual(template.styles["head"]);
    expect(plan.print?.margins).toEqual(template.print?.margins);
  });

  it("streams a long ledger: expanded, it is the sheet of ordinary rows, and the .xlsx bytes are the same", () => {
    // Cells of several number formats down one column (a percentage, text, dates as typed), rows of
    // a 1904-system workbook, empty cells and a value the row above repeats.
    const rows = Array.from({ length: 60 }, (_, i) =>
      mergedRow(
        {
          "k:taskId": raw(`RW-${i}`, i % 7 === 0 ? "@" : undefined),
          "k:unit": raw(i % 2 ? "青山区" : "东湖区"),
          "k:deadline":
            i % 5 === 0
              ? raw(new Date(Date.UTC(2022, 9, (i % 28) + 1)))
              : raw(44800 + i, i % 3 ? "yyyy-mm-dd" : 'yyyy"年"m"月"d"日"'),
          ...(i % 4 === 0 ? {} : { "k:progress": raw(i / 100, i % 2 ? "0%" : "0.0%") }),
          "u:联系电话": raw(i % 6 === 0 ? 139 : "0139", i % 6 === 0 ? "0" : "@"),
        },
        { date1904: i % 9 === 0, sourceRow: i + 4, sourceFile: i < 30 ? "a.xlsx" : "b.xlsx" },
      ),
    );
    const collected: Collected = { extraColumns: [{ header: "联系电话", key: null }], rows, entries: [] };
    const plain = buildMergedSheetPlan(collected, Infinity);
    const streamed = buildMergedSheetPlan(collected, 10);
    expect(plain.body).toBeUndefined();
    expect(streamed.body?.count).toBe(60);
    expect(streamed.rows).toEqual([plain.rows[0]]);
    // Several styles down a column: the body carries each cell's own.
    expect(new Set(plain.rows.slice(1).map((r) => r[8]!.style)).size).toBeGreaterThan(2);
    expect(expandBody(streamed)).toEqual({ ...plain, rowHeights: {} });
    expect(renderWorkbook({ sheets: [streamed] }, nodeCodec)).toEqual(
      renderWorkbook({ sheets: [plain] }, nodeCodec),
    );
    // By default, a ledger streams past STREAMED_TABLE_ROWS rows.
    const long = Array.from({ length: STREAMED_TABLE_ROWS + 1 }, (_, i) => rows[i % rows.length]!);
    expect(buildMergedSheetPlan({ ...collected, rows: long }).body?.count).toBe(STREAMED_TABLE_ROWS + 1);
    expect(buildMergedSheetPlan({ ...collected, rows: long.slice(1) }).body).toBeUndefined();
  });

  it("is laid out to be read and printed: widths, frozen header, landscape A4 one page wide", () => {
    const plan = buildMergedSheetPlan({
      extraColumns: [{ header: "联系电话", key: null }],
      rows: [],
      entries: [],
    });
    expect(plan).toMatchObject({
      name: MERGED_SHEET,
      kind: "ledger",
      columnWidths: [...STANDARD_WIDTHS, 14, 24, 8],
      freeze: { rows: 1, columns: 0 },
      print: {
        orientation: "landscape",
        paperSize: "A4",
        fitToWidth: true,
        repeatRows: { first: 0, last: 0 },
      },
    });
  });
});

describe("处理结果 (describeOutcome)", () => {
  it.each<[CollectOutcome, string]>([
    [{ kind: "merged" }, "合并"],
    [{ kind: "unreadable", reason: "文件已加密" }, "无法读取：文件已加密"],
    [{ kind: "no-ledger" }, "无台账"],
    [
      { kind: "superseded", by: "b.xlsx", why: "later-date" },
      "重复报送：以 b.xlsx 为准（填报日期较晚），本文件未合并",
    ],
    [
      { kind: "superseded", by: "b.xlsx", why: "later-order" },
      "重复报送：以 b.xlsx 为准（报送在后），本文件未合并",
    ],
    [
      { kind: "superseded", by: "b.xlsx", why: "same-content" },
      "重复报送：以 b.xlsx 为准（内容相同），本文件未合并",
    ],
    [{ kind: "already-collected", as: "a.xlsx" }, "已收集过：与 a.xlsx 内容相同，未重复添加"],
    [{ kind: "recorded", text: "合并（手工补录）", active: true }, "合并（手工补录）"],
  ])("%j → %s", (outcome, text) => {
    expect(describeOutcome(outcome)).toBe(text);
  });
});

const entry = (file: string, outcome: CollectOutcome, extra: Partial<CollectEntry> = {}): CollectEntry => ({
  file,
  unit: "青山区",
  rows: 2,
  errors: 1,
  warnings: 3,
  outcome,
  hash: "h",
  filed: 19301,
  ...extra,
});

describe("收集情况 (buildCollectLogPlan)", () => {
  it("writes one line per file; a line whose rows are not in 合并台账 is flagged red", () => {
    const plan = buildCollectLogPlan([
      entry("a.xlsx", { kind: "merged" }),
      entry("b.xlsx", { kind: "no-ledger" }, { unit: null, hash: null, filed: null, rows: 0 }),
      entry("c.xlsx", { kind: "recorded", text: "合并", active: true }),
      entry("d.xlsx", { kind: "recorded", text: "无台账", active: false }),
    ]);
    expect(values(plan, 0)).toEqual([...COLLECT_LOG_HEADERS]);
    expect(values(plan, 1)).toEqual(["a.xlsx", "青山区", 2, 1, 3, "合并", "h", 44870]);
    expect(values(plan, 2)).toEqual(["b.xlsx", null, 0, 1, 3, "无台账", null, null]);
    expect([1, 2, 3, 4].map((r) => styleOf(plan, r, 5).fontColor ?? null)).toEqual([
      null,
      "C00000",
      null,
      "C00000",
    ]);
    expect(styleOf(plan, 1, 7).numFmt).toBe(DATE_FORMAT);
    // Every line bordered; text wraps, counts centred.
    expect(styleOf(plan, 1, 0)).toMatchObject({ border: true, wrap: true });
    expect(styleOf(plan, 1, 2)).toMatchObject({ border: true, hAlign: "center" });
    // A flagged line's outcome too (red, as long as it takes), and the date.
    expect(styleOf(plan, 2, 5)).toMatchObject({ border: true, wrap: true, fontColor: "C00000" });
    expect(styleOf(plan, 1, 7)).toMatchObject({ border: true, hAlign: "center" });
    expect(plan).toMatchObject({
      name: COLLECT_LOG_SHEET,
      kind: "other",
      hiddenColumns: COLLECT_LOG_HIDDEN_COLUMNS,
      freeze: { rows: 1, columns: 0 },
      print: { orientation: "portrait", paperSize: "A4" },
    });
    expect(plan.columnWidths).toHaveLength(COLLECT_LOG_HEADERS.length);
  });
});

describe("readCollected", () => {
  // Read in each test (StrykerJS counts only what runs inside a test; see docs/QUALITY.md).
  const units = () => unitVocabulary(readRoster(rosterSheet()).roster);
  const log = (rows: CellValue[][]) => gridFromRows(COLLECT_LOG_SHEET, rows);

  it("reads 收集情况 by its headers, in any order and below a title, skipping lines without a file", () => {
    const sheet = log([
      ["收集情况（第一次）"],
      ["处理结果", "文件", "单位", "行数", "错误", "警告", "填报日期", "内容哈希"],
      ["合并", "a.xlsx", "青山区", 2, 1, "三", 43408, "h1"],
      [null, null, "江南区", 5],
      [
        "重复报送：以 c.xlsx 为准（报送在后），本文件未合并",
        "b.xlsx",
        null,
        Number.NaN,
        null,
        0,
        "不详",
        null,
      ],
      ["合并（手工补录）", "c.xlsx", "江南区", 1, 0, 0, null, "h3"],
      [null, "d.xlsx", "江南区", 1, 0, 0, null, null],
    ]);
    const read = readCollected(workbook([sheet], true), units());
    expect(read.rows).toEqual([]);
    expect(read.entries).toEqual([
      {
        file: "a.xlsx",
        unit: "青山区",
        rows: 2,
        errors: 1,
        warnings: 0,
        outcome: { kind: "recorded", text: "合并", active: true },
        hash: "h1",
        filed: 19301,
      },
      {
        file: "b.xlsx",
        unit: null,
        rows: 0,
        errors: 0,
        warnings: 0,
        outcome: {
          kind: "recorded",
          text: "重复报送：以 c.xlsx 为准（报送在后），本文件未合并",
          active: false,
        },
        hash: null,
        filed: null,
      },
      {
        file: "c.xlsx",
        unit: "江南区",
        rows: 1,
        errors: 0,
        warnings: 0,
        outcome: { kind: "recorded", text: "合并（手工补录）", active: true },
        hash: "h3",
        filed: null,
      },
      {
        file: "d.xlsx",
        unit: "江南区",
        rows: 1,
        errors: 0,
        warnings: 0,
        outcome: { kind: "recorded", text: "", active: false },
        hash: null,
        filed: null,
      },
    ]);
  });

  it("finds no 收集情况 lines without both 文件 and 处理结果 in one of the first 20 rows", () => {
    const line = ["合并", "a.xlsx"];
    const late = log([...Array.from({ length: 20 }, () => ["说明"]), ["处理结果", "文件"], line]);
    expect(readCollected(workbook([late]), units()).entries).toEqual([]);
    const inTime = log([...Array.from({ length: 19 }, () => ["说明"]), ["处理结果", "文件"], line]);
    // Columns the log lacks are read as empty.
    expect(readCollected(workbook([inTime]), units()).entries).toEqual([
      {
        file: "a.xlsx",
        unit: null,
        rows: 0,
        errors: 0,
        warnings: 0,
        outcome: { kind: "recorded", text: "合并", active: true },
        hash: null,
        filed: null,
      },
    ]);
    const noResult = log([
      ["文件", "单位"],
      ["a.xlsx", "青山区"],
    ]);
    expect(readCollected(workbook([noResult]), units()).entries).toEqual([]);
    const resultAbove = log([["处理结果"], ["文件", "处理结果"], ["a.xlsx", "合并"]]);
    expect(readCollected(workbook([resultAbove]), units()).entries.map((e) => e.file)).toEqual(["a.xlsx"]);
  });

  it("ties each row of 合并台账 to its file's active line, by unit when the file has several", () => {
    const logSheet = log([
      ["文件", "单位", "处理结果"],
      ["a.xlsx", "青山区", "合并"],
      ["a.xlsx", "江南区", "合并"],
      ["b.xlsx", "青山区", "重复报送：以 b2.xlsx 为准（报送在后），本文件未合并"],
      ["b.xlsx", "浮溪县", "合并"],
      ["e.xlsx", null, "合并"],
      ["e.xlsx", "青山区", "合并"],
      ["f.xlsx", "外 单位", "合并"],
      ["f.xlsx", "江南区", "合并"],
      ["g.xlsx", "青山区", "合并"],
      ["g.xlsx", "青山区", "合并"],
    ]);
    const row = (unit: CellValue, file: CellValue, line: CellValue) => [
      ...HEADERS.map((h) => (h === "责任单位" ? unit : h === "任务编号" ? "T" : null)),
      "139",
      "138",
      file,
      line,
    ];
    const merged = gridFromRows(MERGED_SHEET, [
      [...HEADERS, "联系电话", "联系 电话", "来源文件", "来源行"],
      row("青山", "a.xlsx", 4),
      row("江南区", "a.xlsx", 5),
      row("外单位", "a.xlsx", 6),
      row(null, "a.xlsx", 7),
      row("青山区", "b.xlsx", "第8行"),
      row("青山区", "e.xlsx", 9),
      row("青山区", "d.xlsx", 10),
      row("青山区", null, 11),
      row("外　单位", "f.xlsx", 12),
      row("青山区", "g.xlsx", 13),
    ]);
    const read = readCollected(workbook([merged, logSheet], true), units());
    expect(read.extraColumns).toEqual([{ header: "联系电话", key: null }]);
    expect(read.rows.map((r) => [r.sourceFile, r.sourceRow, r.entry])).toEqual([
      ["a.xlsx", 4, 0],
      ["a.xlsx", 5, 1],
      ["a.xlsx", 6, -1],
      ["a.xlsx", 7, -1],
      ["b.xlsx", null, 3],
      ["e.xlsx", 9, 5],
      ["d.xlsx", 10, -1],
      ["", 11, -1],
      ["f.xlsx", 12, 6],
      ["g.xlsx", 13, -1],
    ]);
    expect(read.rows[0]!.cells.get("u:联系电话")?.value).toBe("139");
    expect(read.rows.every((r) => r.date1904)).toBe(true);
    // Without 收集情况 the rows are read, tied to no line.
    expect(readCollected(workbook([merged]), units()).rows.map((r) => r.entry)).toEqual(Array(10).fill(-1));
  });

  it("reads a 合并台账 whose 来源文件, 来源行 or 责任单位 column was deleted: those are unknown, the rows still read", () => {
    const logSheet = log([
      ["文件", "单位", "处理结果"],
      ["a.xlsx", "青山区", "合并"],
    ]);
    const without = (...gone: string[]) => {
      const headers = [...HEADERS, "来源文件", "来源行"].filter((h) => !gone.includes(h));
      const values: Record<string, CellValue> = {
        任务编号: "T",
        责任单位: "青山区",
        来源文件: "a.xlsx",
        来源行: 4,
      };
      return gridFromRows(MERGED_SHEET, [headers, headers.map((h) => values[h] ?? null)]);
    };
    const read = (sheet: ReturnType<typeof without>) =>
      readCollected(workbook([sheet, logSheet]), units()).rows.map((r) => [
        r.sourceFile,
        r.sourceRow,
        r.entry,
      ]);
    expect(read(without())).toEqual([["a.xlsx", 4, 0]]);
    expect(read(without("来源文件"))).toEqual([["", 4, -1]]);
    expect(read(without("来源行"))).toEqual([["a.xlsx", null, 0]]);
    // The one line of a.xlsx is its line, with or without the unit.
    expect(read(without("责任单位"))).toEqual([["a.xlsx", 4, 0]]);
  });

  it("finds 来源文件, 来源行 and 责任单位 by their headers, the first column too", () => {
    const logSheet = log([
      ["文件", "单位", "处理结果"],
      ["a.xlsx", "青山区", "合并"],
      ["a.xlsx", "江南区", "合并"],
    ]);
    const first = (header: string, value: CellValue) => {
      const rest = [...HEADERS, "来源文件", "来源行"].filter((h) => h !== header);
      const cells: Record<string, CellValue> = {
        任务编号: "T",
        责任单位: "江南区",
        来源文件: "a.xlsx",
        来源行: 4,
      };
      const sheet = gridFromRows(MERGED_SHEET, [
        [header, ...rest],
        [value, ...rest.map((h) => cells[h] ?? null)],
      ]);
      const [row] = readCollected(workbook([sheet, logSheet]), units()).rows;
      return [row!.sourceFile, row!.sourceRow, row!.entry];
    };
    expect(first("来源文件", "a.xlsx")).toEqual(["a.xlsx", 4, 1]);
    expect(first("来源行", 4)).toEqual(["a.xlsx", 4, 1]);
    expect(first("责任单位", "江南区")).toEqual(["a.xlsx", 4, 1]);
  });

  it("has no rows when there is no 合并台账, or one without a header row; the 收集情况 lines still count", () => {
    const logSheet = log([
      ["文件", "处理结果"],
      ["a.xlsx", "合并"],
    ]);
    const headless = gridFromRows(MERGED_SHEET, [["说明：空表"], ["A1", "青山区"]]);
    for (const book of [workbook([logSheet]), workbook([headless, logSheet])]) {
      const read = readCollected(book, null);
      expect(read.rows).toEqual([]);
      expect(read.extraColumns).toEqual([]);
      expect(read.entries.map((e) => e.file)).toEqual(["a.xlsx"]);
    }
  });
});
