/**
 * The email loop in the engine (SPEC §10 split/merge, §11 收集): nothing lost, nothing mixed.
 * Plans are turned back into grids by `planToGrid` (what a renderer and reader would do), so the
 * round trip merge(split(X)) is checked here on values, and on real files in tests/cli/loop.test.ts.
 */
import fc from "fast-check";
import {
  type CellValue,
  type Collected,
  type ReturnedFile,
  type SheetGrid,
  type SheetPlan,
  type WorkbookGrid,
  type WorkbookPlan,
  COLLECT_LOG_HIDDEN_COLUMNS,
  NOTHING_COLLECTED,
  buildCollectLogPlan,
  buildMergedSheetPlan,
  collectReturns,
  findHeaderRow,
  readCollected,
  readFiling,
  readLedgerTable,
  readMaster,
  planSplit,
  rawValue,
  unitVocabulary,
  validateRun,
} from "../../src/core";
import { HEADERS, ROSTER, ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

/** A plan as the grid a reader would hand back: values and each cell's number format. */
export function planToGrid(plan: SheetPlan): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: Array<Array<string | undefined>> = [];
  plan.rows.forEach((cells, r) => {
    values[r] = cells.map((c) => {
      const v = c?.value ?? null;
      return typeof v === "object" && v !== null ? null : v;
    });
    numberFormats[r] = cells.map((c) => (c?.style ? plan.styles[c.style]?.numFmt : undefined));
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return {
    name: plan.name,
    values,
    numberFormats,
    merges: plan.merges,
    ...(plan.visibility === "hidden" ? { hidden: true } : {}),
  };
}

export function bookOf(plan: WorkbookPlan): WorkbookGrid {
  return { sheets: plan.sheets.map(planToGrid), date1904: false };
}

const TODAY = "2022-11-01";

function returned(file: string, book: WorkbookGrid | null, hash: string | null = file): ReturnedFile {
  return book === null
    ? { file, hash: null, workbook: null, error: "不是 .xlsx 文件" }
    : { file, hash, workbook: book };
}

/** A unit's return: title, 填报单位/填报日期 row, rows of that unit. */
function unitReturn(unit: string, filed: string | null, rows: ReturnType<typeof validRow>[]): WorkbookGrid {
  const meta = `填报单位：${unit}（盖章）    填报日期：${filed ?? ""}`;
  return workbook([ledgerSheet({ above: [["台账"], [meta]], rows }), rosterSheet()]);
}

/** Every data row of the merged ledger as `header=value` strings, for multiset comparison. */
function rowsOf(book: WorkbookGrid, sheetName: string, drop: readonly string[] = []): string[] {
  const sheet = book.sheets.find((s) => s.name === sheetName)!;
  const table = readLedgerTable(sheet, findHeaderRow(sheet)!);
  return table.rows
    .map((row) =>
      table.columns
        .map((c, i) => [c.key ?? c.header, row.cells[i]!] as const)
        .filter(([k, cell]) => !drop.includes(k) && cell.value !== null && rawValue(cell.value) !== "")
        .map(([k, cell]) => `${k}=${String(rawValue(cell.value))}|${cell.format ?? ""}`)
        .sort()
        .join(";"),
    )
    .sort();
}

describe("readFiling", () => {
  const sheet = (rows: CellValue[][]) => ledgerSheet({ above: rows, rows: [] });
  it.each([
    [[["填报单位：青山区（盖章）    填报日期：2022年11月5日"]], "青山区", 19301],
    [[["填报单位：", "青山区", null, "填报日期：", 44870]], "青山区", 19301],
    [[["填报单位：青山区"], ["填报日期：2022-11-05（星期六）"]], "青山区", 19301],
    [[["填报单位：", null, null, "填报日期：", null]], null, null],
    [[["重点任务台账"]], null, null],
  ])("%j → %s, %s", (above, unit, day) => {
    const s = sheet(above as CellValue[][]);
    expect(readFiling(s, findHeaderRow(s)!, false)).toEqual({ unit, date: day });
  });
});

describe("collectReturns (merge)", () => {
  const qs = (id: string, extra = {}) => validRow({ 任务编号: id, 责任单位: "青山区", ...extra });
  const jn = (id: string, extra = {}) => validRow({ 任务编号: id, 责任单位: "江南区", ...extra });

  it("merges every row in §2 order, unknown columns first-seen, then 来源文件 and 来源行", () => {
    const a = workbook([
      ledgerSheet({
        headers: [...HEADERS, "联系电话"],
        rows: [
          [
            1,
            "CS-01",
            "城市基层党建",
            "任务一",
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
    const b = workbook([
      ledgerSheet({
        above: [["台账"]],
        headers: [
          "任务编号",
          "重点任务",
          "责任单位",
          "责任人",
          "完成时限",
          "完成情况",
          "进度",
          "完成时间",
          "佐证",
          "类别",
          "经办人",
        ],
        rows: [
          ["JN-01", "任务二", "江南区", "李四", 44926, "推进中", 0.5, null, "=不是公式", "乡村振兴", "王五"],
        ],
        formats: { E3: "yyyy-mm-dd", G3: "0%" },
      }),
    ]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", a), returned("b.xlsx", b)], {
      today: TODAY,
    });
    const plan = buildMergedSheetPlan(result.collected);
    const grid = planToGrid(plan);
    expect(grid.values[0]).toEqual([...HEADERS, "联系电话", "经办人", "来源文件", "来源行"]);
    expect(grid.values[1]).toEqual([
      1,
      "CS-01",
      "城市基层党建",
      "任务一",
      "青山区",
      "张三",
      "2022-12-31",
      "推进中",
      50,
      null,
      "纪要",
      null,
      "139",
      null,
      "a.xlsx",
      4,
    ]);
    expect(grid.values[2]).toEqual([
      null,
      "JN-01",
      "乡村振兴",
      "任务二",
      "江南区",
      "李四",
      44926,
      "推进中",
      0.5,
      null,
      "=不是公式",
      null,
      null,
      "王五",
      "b.xlsx",
      3,
    ]);
    // Formats travel with the values: the percentage stays a percentage, the date a date.
    expect(grid.numberFormats[2]?.[6]).toBe("yyyy-mm-dd");
    expect(grid.numberFormats[2]?.[8]).toBe("0%");
    expect(result.figures).toEqual({ rowsIn: 2, rowsBefore: 0, rowsOut: 2, rowsReported: 0 });
    expect(result.added.map((e) => [e.file, e.unit, e.rows, e.outcome.kind])).toEqual([
      ["a.xlsx", "青山区", 1, "merged"],
      ["b.xlsx", "江南区", 1, "merged"],
    ]);
  });

  it("reads the merged ledger back as the ledger, with the same issues as the returns (SPEC §1)", () => {
    const a = unitReturn("青山区", "2022年10月30日", [qs("CS-01"), qs("CS-02", { 完成时限: "10月底" })]);
    const b = unitReturn("江南区", "2022年10月30日", [
      jn("JN-01", { 推进状态: "完成", 完成进度: 100, 完成时间: "2022-09-01" }),
    ]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("a.xlsx", a), returned("b.xlsx", b)], {
      today: TODAY,
    });
    const merged = workbook([
      planToGrid(buildMergedSheetPlan(result.collected)),
      rosterSheet(),
      ledgerSheet({ name: "旧台账", rows: [qs("X-1")] }),
    ]);
    const run = validateRun([{ file: "m.xlsx", workbook: merged }], { today: TODAY });
    // Only 合并台账 is read: the other ledger-looking sheet is not.
    expect(run.files[0]!.sheets.map((s) => s.sheet)).toEqual(["合并台账"]);
    expect(run.files[0]!.rows.map((r) => [r.taskId, r.sourceFile, r.sourceRow])).toEqual([
      ["CS-01", "a.xlsx", 4],
      ["CS-02", "a.xlsx", 5],
      ["JN-01", "b.xlsx", 4],
    ]);
    const codes = (v: typeof run) => v.issues.map((i) => i.code).sort();
    const original = validateRun(
      [
        { file: "a.xlsx", workbook: a },
        { file: "b.xlsx", workbook: b },
      ],
      { today: TODAY },
    );
    expect(codes(run)).toEqual(codes(original));
    expect(codes(run)).toEqual(["invalid-date", "nonstandard-value"]);
    // 来源文件 and 来源行 are known columns: no unknown-column warning.
    expect(run.issues.some((i) => i.code === "unknown-column")).toBe(false);
  });

  it("keeps the later 填报日期 of a unit returned twice, whatever the order, and reports the other", () => {
    const late = unitReturn("青山区", "2022年11月5日", [qs("CS-01"), qs("CS-02")]);
    const early = unitReturn("青山", "2022-11-01", [qs("CS-01"), qs("CS-02"), qs("CS-03")]);
    const other = unitReturn("江南区", null, [jn("JN-01")]);
    const result = collectReturns(
      NOTHING_COLLECTED,
      [returned("晚.xlsx", late), returned("江南.xlsx", other), returned("早.xlsx", early)],
      { today: TODAY },
    );
    expect(result.added.map((e) => [e.file, e.unit, e.outcome])).toEqual([
      ["晚.xlsx", "青山区", { kind: "merged" }],
      ["江南.xlsx", "江南区", { kind: "merged" }],
      ["早.xlsx", "青山区", { kind: "superseded", by: "晚.xlsx", why: "later-date" }],
    ]);
    expect(result.figures).toEqual({ rowsIn: 6, rowsBefore: 0, rowsOut: 3, rowsReported: 3 });
    expect(result.collected.rows.map((r) => r.sourceFile)).toEqual(["晚.xlsx", "晚.xlsx", "江南.xlsx"]);
  });

  it("falls back to argument order when a return has no 填报日期, and says so", () => {
    const first = unitReturn("青山区", "2022年11月5日", [qs("CS-01")]);
    const second = unitReturn("青山区", null, [qs("CS-01"), qs("CS-02")]);
    const result = collectReturns(
      NOTHING_COLLECTED,
      [returned("1.xlsx", first), returned("2.xlsx", second)],
      {
        today: TODAY,
      },
    );
    expect(result.added[0]!.outcome).toEqual({ kind: "superseded", by: "2.xlsx", why: "later-order" });
    expect(result.collected.rows).toHaveLength(2);
  });

  it("takes the unit from the rows when there is no 填报单位; a file of several units is merged as it is", () => {
    const one = workbook([ledgerSheet({ above: [], rows: [qs("CS-01"), qs("CS-02")] }), rosterSheet()]);
    const several = workbook([ledgerSheet({ above: [], rows: [qs("CS-09"), jn("JN-01")] })]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("1.xlsx", one), returned("2.xlsx", several)], {
      today: TODAY,
    });
    expect(result.added.map((e) => [e.unit, e.outcome.kind])).toEqual([
      ["青山区", "merged"],
      [null, "merged"],
    ]);
    expect(result.collected.rows).toHaveLength(4);
  });

  it("finds the rows' unit in whichever column 责任单位 stands, the first too (SPEC §2: any order)", () => {
    const headers = ["责任单位", ...HEADERS.filter((h) => h !== "责任单位")];
    const book = workbook([
      ledgerSheet({ above: [], headers, rows: [qs("CS-01"), qs("CS-02")] }),
      rosterSheet(),
    ]);
    const result = collectReturns(NOTHING_COLLECTED, [returned("1.xlsx", book)], { today: TODAY });
    expect(result.added.map((e) => e.unit)).toEqual(["青山区"]);
  });

  it("reports a broken file and a file without a ledger, and merges the rest", () => {
    const ok = unitReturn("青山区", null, [qs("CS-01")]);
    const noLedger = workbook([rosterSheet(), settingsSheet([["通报期数", 2]])]);
    const result = collectReturns(
      NOTHING_COLLECTED,
      [returned("坏.xlsx", null), returned("ok.xlsx", ok), returned("空.xlsx", noLedger)],
      { today: TODAY },
    );
    expect(result.added.map((e) => e.outcome)).toEqual([
      { kind: "unreadable", reason: "不是 .xlsx 文件" },
      { kind: "merged" },
      { kind: "no-ledger" },
    ]);
    expect(result.collected.rows).toHaveLength(1);
    expect(result.roster?.sheet.name).toBe("单位名册");
    expect(result.settings?.sheet.name).toBe("设置");
  });

  it("collects into a workbook that has collected before: same file skipped, later return replaces rows", () => {
    const first = collectReturns(
      NOTHING_COLLECTED,
      [
        returned("青山.xlsx", unitReturn("青山区", "2022-11-01", [qs("CS-01"), qs("CS-02")]), "h1"),
        returned("江南.xlsx", unitReturn("江南区", "2022-11-01", [jn("JN-01")]), "h2"),
      ],
      { today: TODAY },
    );
    const open = workbook([
      planToGrid(buildMergedSheetPlan(first.collected)),
      planToGrid(buildCollectLogPlan(first.collected.entries)),
      rosterSheet(),
    ]);
    const before: Collected = readCollected(
      open,
      unitVocabulary({
        units: ROSTER.map(([name, group, aliases]) => ({
          name,
          group: group as "县市区",
          aliases: aliases ? aliases.split("、") : [],
        })),
      }),
    );
    expect(before.rows.map((r) => r.entry)).toEqual([0, 0, 1]);
    expect(before.entries.map((e) => [e.file, e.hash, e.filed])).toEqual([
      ["青山.xlsx", "h1", 19297],
      ["江南.xlsx", "h2", 19297],
    ]);

    const second = collectReturns(
      before,
      [
        returned("青山（再次）.xlsx", unitReturn("青山区", "2022-11-01", [qs("CS-01"), qs("CS-02")]), "h1"),
        returned(
          "青山-更正.xlsx",
          unitReturn("青山区", "2022-11-03", [qs("CS-01", { 完成进度: 60 }), qs("CS-02"), qs("CS-03")]),
          "h3",
        ),
      ],
      { today: TODAY, setup: open },
    );
    expect(second.added.map((e) => e.outcome)).toEqual([
      { kind: "already-collected", as: "青山.xlsx" },
      { kind: "merged" },
    ]);
    expect(second.collected.entries[0]!.outcome).toEqual({
      kind: "superseded",
      by: "青山-更正.xlsx",
      why: "later-date",
    });
    expect(second.collected.rows.map((r) => `${r.sourceFile}:${r.sourceRow}`)).toEqual([
      "江南.xlsx:4",
      "青山-更正.xlsx:4",
      "青山-更正.xlsx:5",
      "青山-更正.xlsx:6",
    ]);
    // Rows before + rows in = rows out + rows reported (2 old 青山 rows, 2 of the file already collected).
    const f = second.figures;
    expect(f).toEqual({ rowsIn: 5, rowsBefore: 3, rowsOut: 4, rowsReported: 4 });
    expect(f.rowsBefore + f.rowsIn).toBe(f.rowsOut + f.rowsReported);
    const log = buildCollectLogPlan(second.collected.entries);
    expect(log.hiddenColumns).toEqual(COLLECT_LOG_HIDDEN_COLUMNS);
    expect(planToGrid(log).values.map((r) => r?.[5])).toEqual([
      "处理结果",
      "重复报送：以 青山-更正.xlsx 为准（填报日期较晚），本文件未合并",
      "合并",
      "已收集过：与 青山.xlsx 内容相同，未重复添加",
      "合并",
    ]);
  });
});

describe("split then merge", () => {
  const units = ["青山区", "江南区", "浮溪县"];
  const master = (rows: ReturnType<typeof validRow>[]) =>
    workbook([
      ledgerSheet({
        name: "合并台账",
        above: [],
        headers: [...HEADERS, "牵头领导"],
        rows: rows.map((r) => [...HEADERS.map((h) => r[h] ?? null), `领导${String(r.任务编号)}`]),
      }),
      rosterSheet(),
      settingsSheet([["任务类别", "城市基层党建、乡村振兴、其他"]]),
    ]);

  it("gives every roster unit its workbook, unknown units one more, with roster and settings", () => {
    const book = master([
      validRow({ 任务编号: "A1", 责任单位: "青山" }),
      validRow({ 任务编号: "A2", 责任单位: "江南区" }),
      validRow({ 任务编号: "A3", 责任单位: "不存在区" }),
      validRow({ 任务编号: "A4", 责任单位: null }),
    ]);
    const split = planSplit(readMaster(book, TODAY)!);
    expect(split.files.map((f) => [f.fileName, f.rows])).toEqual([
      ...ROSTER.map(([name]) => [
        `${name}-重点任务台账.xlsx`,
        name === "青山区" || name === "江南区" ? 1 : 0,
      ]),
      ["未识别单位-重点任务台账.xlsx", 2],
    ]);
    expect(split.unknownRows).toBe(2);
    const qs = split.files[0]!.plan();
    expect(qs.sheets.map((s) => [s.name, s.visibility ?? "visible"])).toEqual([
      ["选项", "hidden"],
      ["重点任务台账", "visible"],
      ["单位名册", "visible"],
      ["设置", "visible"],
    ]);
    // The 选项 lists come from the settings' categories and the roster.
    const options = planToGrid(qs.sheets[0]!);
    expect(options.values.map((r) => r?.[1]).filter((v) => v !== null && v !== undefined)).toEqual([
      "任务类别",
      "城市基层党建",
      "乡村振兴",
      "其他",
    ]);
    expect(options.values.map((r) => r?.[2]).filter((v) => v !== null && v !== undefined)).toEqual([
      "责任单位",
      ...ROSTER.map(([n]) => n),
    ]);
    // The typed alias stays as typed (SPEC §3): 青山, not 青山区.
    const ledger = planToGrid(qs.sheets[1]!);
    expect(ledger.values[3]?.[4]).toBe("青山");
    expect(ledger.values[2]?.[12]).toBe("牵头领导");
    expect(ledger.values[3]?.[12]).toBe("领导A1");
  });

  it("merge(split(X)) keeps every row and every value of every column (property)", () => {
    const text = fc.oneof(
      fc.constantFrom(
        "推进中",
        "已完成",
        "完成",
        "=SUM(A1)",
        "+86 139",
        "１２３",
        "全角，标点（）",
        " 前后空格 ",
        "多行\n文本",
      ),
      fc.string({ minLength: 1, maxLength: 8 }),
    );
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      text,
      fc.integer({ min: -5, max: 50000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const row = fc.record({
      unit: fc.constantFrom(...units, "青山", "浮溪", "外单位", null),
      cells: fc.array(value, { minLength: 12, maxLength: 12 }),
      extra: value,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        // A row must be a data row (not blank, not a footer): give it a task id.
        const data = rows.map((r, i) => {
          const cells = [...r.cells];
          cells[1] = `T-${i}`;
          cells[4] = r.unit;
          return [...cells, r.extra];
        });
        const formats: Record<string, string> = {};
        data.forEach((_, i) => {
          formats[`G${i + 2}`] = "yyyy-mm-dd";
          formats[`I${i + 2}`] = "0%";
        });
        const x = workbook([
          ledgerSheet({ name: "台账", above: [], headers: [...HEADERS, "督办意见"], rows: data, formats }),
          rosterSheet(),
        ]);
        const split = planSplit(readMaster(x, TODAY)!);
        const returns = split.files.map((f) => returned(f.fileName, bookOf(f.plan())));
        const merged = collectReturns(NOTHING_COLLECTED, returns, { today: TODAY });
        expect(merged.figures.rowsIn).toBe(rows.length);
        expect(merged.figures.rowsOut).toBe(rows.length);
        const out = workbook([planToGrid(buildMergedSheetPlan(merged.collected))]);
        expect(rowsOf(out, "合并台账", ["sourceFile", "sourceRow"])).toEqual(rowsOf(x, "台账"));
      }),
      { numRuns: 60 },
    );
  });
});
