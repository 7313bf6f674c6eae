/**
 * The merged ledger copy (`notice --with-ledger`'s `台账汇总（第N期）`) is streamed from the ledger
 * rows to the sheet XML (`PlanBody`) instead of going through a cell object per cell. This checks
 * that the streamed path writes the same workbook as the cell path it replaced: the previous
 * `buildMergedLedgerPlan` is kept below verbatim as the reference; both are rendered by the .xlsx
 * writer and compared byte for byte, then cell by cell through ExcelJS (an independent reader:
 * values, styles, heights, widths, print setup), and LibreOffice opens the streamed file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderWorkbookBuffer, writeWorkbookFile } from "../../../src/adapters/xlsx/write";
import { renderWorkbookBytes } from "../../../src/adapters/xlsx/write/browser";
import {
  type LedgerRow,
  type LedgerSource,
  MERGED_LEDGER_HEADERS,
  type PlanCell,
  type SheetPlan,
  dayToSerial,
  expandBody,
  isoToDay,
  mergedLedgerPlan,
  planNoticeWorkbook,
  validateRun,
} from "../../../src/core";
import {
  DATE_FORMAT,
  RowBuilder,
  heightForLines,
  spanWidth,
  wrappedLines,
} from "../../../src/core/plan/layout";
import { ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "../../core/helpers";
import { convertWithLibreOffice, csvPathForSheet, libreOfficeAvailable } from "../../helpers/libreoffice";
import { loadWorkbook, unzipXlsx } from "../../helpers/xlsx-inspect";

// ---- The reference: `buildMergedLedgerPlan` as it was before the body was streamed (2282f9d). ----
const WIDTHS = [6, 12, 14, 40, 18, 10, 12, 10, 10, 12, 24, 16, 20, 8];
const WRAPPED = [3, 10, 11, 12];
const WRAPPED_WIDTHS = WRAPPED.map((c) => spanWidth(WIDTHS, c, c));

function previousMergedLedgerPlan(
  rows: ReadonlyArray<LedgerRow & { file: string }>,
  name: string,
): SheetPlan {
  const b = new RowBuilder();
  b.add(MERGED_LEDGER_HEADERS.map((h) => ({ value: h, style: "head" })));
  const date = (day: number | null): PlanCell => ({
    value: day === null ? null : dayToSerial(day),
    style: "date",
  });
  const text = (value: string | null): PlanCell => ({ value, style: "text" });
  rows.forEach((r, i) => {
    const cells: PlanCell[] = [
      { value: i + 1, style: "centre" },
      text(r.taskId),
      text(r.category),
      text(r.task),
      text(r.unit),
      text(r.owner),
      date(r.deadline),
      { value: r.status, style: "centre" },
      { value: r.progress, style: "centre" },
      date(r.doneDate),
      text(r.evidence),
      text(r.note),
      text(r.file),
      { value: r.row, style: "centre" },
    ];
    const row = b.add(cells);
    let lines = 1;
    for (let k = 0; k < WRAPPED.length; k++) {
      const value = cells[WRAPPED[k]!]!.value;
      if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, WRAPPED_WIDTHS[k]!));
    }
    if (lines > 1) b.height(row, heightForLines(lines));
  });
  return {
    name,
    kind: "ledger",
    rows: b.rows,
    styles: {
      head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle", wrap: true },
      text: { border: true, vAlign: "middle", wrap: true },
      centre: { border: true, vAlign: "middle", hAlign: "center" },
      date: { border: true, vAlign: "middle", hAlign: "center", numFmt: DATE_FORMAT },
    },
    merges: b.merges,
    columnWidths: WIDTHS,
    rowHeights: b.rowHeights,
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    },
  };
}
// ---- end of the reference ----

const day = (iso: string) => isoToDay(iso)!;
const STATUSES = ["未启动", "推进中", "已完成", "已销号", null] as const;
/** Text that takes the writer's other paths: escapes, Excel's `_x…_`, control characters, edge spaces. */
const AWKWARD = [
  "A & B <c> \"d\" 'e'",
  "_x0041_ stays as typed",
  "tab\there\u0001bell",
  "  leading and trailing  ",
  "=SUM(A1)",
  "第一行\n第二行\n第三行",
  "𠀋𠀌 surrogate pairs 😀",
  "推进“红色物业”全覆盖：完成１２个小区，覆盖率≥９０％，".repeat(4),
];

/** Rows of every shape: long and multi-line text (taller rows), nulls, odd text, fractions. */
function sampleRows(count: number, file: number): LedgerRow[] {
  return Array.from({ length: count }, (_, i): LedgerRow => {
    const odd = AWKWARD[(i + file) % AWKWARD.length]!;
    return {
      sheet: "重点任务台账",
      row: i + 4,
      taskId: i % 17 === 0 ? null : `F${file}-${String(i + 1).padStart(4, "0")}`,
      category: i % 5 === 0 ? null : "城市基层党建",
      task: i % 3 === 0 ? odd : `重点任务${i + 1}`,
      unit: i % 11 === 0 ? null : `第${(i % 7) + 1}责任单位`,
      owner: i % 13 === 0 ? null : "张　三",
      deadline: i % 9 === 0 ? null : day("2022-10-01") + (i % 90),
      status: STATUSES[i % STATUSES.length]!,
      progress: i % 8 === 0 ? null : (i * 7.5) % 100,
      doneDate: i % 4 === 0 ? day("2022-09-15") + (i % 30) : null,
      evidence: i % 6 === 0 ? odd : null,
      note: i % 10 === 0 ? AWKWARD[(i + 3) % AWKWARD.length]! : null,
      duplicate: false,
      errors: 0,
    };
  });
}

const SOURCES: LedgerSource[] = [
  { file: "青山区.xlsx", rows: sampleRows(120, 0) },
  { file: "江南区（第二批）很长很长很长的文件名.xlsx", rows: sampleRows(0, 1) },
  { file: "西城区.xlsx", rows: sampleRows(95, 2) },
  { file: "东城区.xlsx", rows: sampleRows(1, 3) },
];
const FLAT = SOURCES.flatMap((s) => s.rows.map((r) => ({ ...r, file: s.file })));
const NAME = "台账汇总（第3期）";

describe("the merged ledger copy, streamed", () => {
  const streamed = mergedLedgerPlan(SOURCES, NAME);
  const previous = previousMergedLedgerPlan(FLAT, NAME);

  test("has no cell objects for its rows, and expands to the previous plan exactly", () => {
    expect(streamed.rows).toHaveLength(1);
    expect(streamed.body?.count).toBe(FLAT.length);
    expect(expandBody(streamed)).toEqual(previous);
    // The sample exercises the taller rows and the empty cells.
    expect(Object.keys(previous.rowHeights ?? {}).length).toBeGreaterThan(20);
  });

  test("the .xlsx writer writes the same bytes as from the previous plan", async () => {
    const a = await renderWorkbookBuffer({ sheets: [previous] });
    const b = await renderWorkbookBuffer({ sheets: [streamed] });
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  test("the whole notice workbook is the same as with the previous ledger copy", async () => {
    const run = validateRun(
      [
        {
          file: "机关党委.xlsx",
          workbook: workbook([
            ledgerSheet({
              rows: [
                validRow({ 任务编号: "JG-01", 完成时限: "2022-10-01" }),
                validRow({ 任务编号: "JG-02", 完成时限: "2022-11-05", 备注: "A & B" }),
                validRow({ 任务编号: "JG-03", 完成时限: "10月底（待定）" }),
              ],
            }),
            rosterSheet([["市委组织部", "市直机关", "机关党委"]]),
            settingsSheet([["统计截止日期", "2022-10-31"]]),
          ]),
        },
      ],
      { today: "2022-11-01" },
    );
    const plans = planNoticeWorkbook(run, {
      history: [],
      today: "2022-11-01",
      ledgerCopy: run.files.map((f) => ({ file: f.file, rows: f.rows })),
    });
    if (!plans.ok) throw new Error("the test workbook's 设置 or 单位名册 has errors");
    const copy = plans.sheets.findIndex((s) => s.name === "台账汇总（第1期）");
    expect(plans.sheets[copy]?.body?.count).toBe(3);
    const flat = run.files.flatMap((f) => f.rows.map((r) => ({ ...r, file: f.file })));
    const before = plans.sheets.map((s, i) => (i === copy ? previousMergedLedgerPlan(flat, s.name) : s));
    const a = await renderWorkbookBuffer({ sheets: before });
    const b = await renderWorkbookBuffer({ sheets: plans.sheets });
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  test("the browser writer (fflate) writes the same parts", async () => {
    const node = unzipXlsx(await renderWorkbookBuffer({ sheets: [previous] }));
    const browser = unzipXlsx(renderWorkbookBytes({ sheets: [streamed] }));
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    for (const [path, bytes] of Object.entries(node))
      expect(Buffer.from(browser[path]!).equals(Buffer.from(bytes))).toBe(true);
  });

  test("cell by cell, read by ExcelJS: values, styles, heights, widths, print setup", async () => {
    const [a, b] = await Promise.all([
      renderWorkbookBuffer({ sheets: [previous] }).then(loadWorkbook),
      renderWorkbookBuffer({ sheets: [streamed] }).then(loadWorkbook),
    ]);
    const sa = a.getWorksheet(NAME)!;
    const sb = b.getWorksheet(NAME)!;
    expect(sb.rowCount).toBe(FLAT.length + 1);
    expect(sb.rowCount).toBe(sa.rowCount);
    for (let r = 1; r <= sa.rowCount; r++) {
      const ra = sa.getRow(r);
      const rb = sb.getRow(r);
      expect(rb.height).toBe(ra.height);
      for (let c = 1; c <= MERGED_LEDGER_HEADERS.length; c++) {
        const ca = ra.getCell(c);
        const cb = rb.getCell(c);
        expect([r, c, cb.value]).toEqual([r, c, ca.value]);
        expect(cb.style).toEqual(ca.style);
      }
    }
    // A sample of the values against the rows themselves.
    const row = FLAT[7]!;
    expect(sb.getRow(9).getCell(2).value).toBe(row.taskId);
    expect(sb.getRow(9).getCell(13).value).toBe("青山区.xlsx");
    expect(sb.getRow(FLAT.length + 1).getCell(13).value).toBe("东城区.xlsx");
    expect(sb.columns.map((c) => c.width)).toEqual(sa.columns.map((c) => c.width));
    expect(sb.pageSetup).toEqual(sa.pageSetup);
    expect(sb.views).toEqual(sa.views);
  });

  test("the file is written in pieces, with the bytes renderWorkbookBuffer gives", async () => {
    // Enough rows for several compressed chunks (a megabyte of XML each).
    const big = mergedLedgerPlan(
      Array.from({ length: 12 }, (_, i) => ({
        file: `${i}.xlsx`,
        rows: SOURCES[0]!.rows.concat(SOURCES[2]!.rows),
      })),
      NAME,
    );
    const dir = mkdtempSync(join(tmpdir(), "taizhang-pieces-"));
    try {
      const file = join(dir, "汇总.xlsx");
      await writeWorkbookFile(file, { sheets: [big] });
      const bytes = await renderWorkbookBuffer({ sheets: [big] });
      expect(bytes.length).toBeGreaterThan(100_000);
      expect(readFileSync(file).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("merges and planned heights over body rows go the general way, with the same result", async () => {
    const plan: SheetPlan = {
      ...streamed,
      merges: [
        { top: 3, left: 0, bottom: 3, right: 2 },
        { top: 5, left: 10, bottom: 7, right: 11 },
      ],
      rowHeights: { 4: 40, 6: 3, [FLAT.length + 3]: 20 },
    };
    const a = await renderWorkbookBuffer({ sheets: [expandBody(plan)] });
    const b = await renderWorkbookBuffer({ sheets: [plan] });
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });
});

(libreOfficeAvailable() ? describe : describe.skip)("LibreOffice opens the streamed copy", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "taizhang-lo-body-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("every row, with its values as shown", async () => {
    const file = join(dir, "汇总.xlsx");
    await writeWorkbookFile(file, { sheets: [mergedLedgerPlan(SOURCES, NAME)] });
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    const result = await convertWithLibreOffice(file, "csv", outDir);
    const csv = readFileSync(csvPathForSheet(result, file, NAME) ?? result.paths[0]!, "utf8");
    const lines = csv.split("\n").filter((l) => l !== "");
    expect(lines[0]).toBe(MERGED_LEDGER_HEADERS.join(","));
    // Multi-line cells make more physical lines; the plain rows are checked whole.
    const second = FLAT[1]!;
    const fields = [
      "2",
      second.taskId,
      second.category,
      second.task,
      second.unit,
      second.owner,
      "2022-10-02",
      second.status,
      String(second.progress),
      "",
      "",
      "",
      "青山区.xlsx",
      String(second.row),
    ].map((f) => f ?? "");
    expect(lines).toContain(fields.join(","));
    expect(csv).toContain(`,东城区.xlsx,4`);
    expect(csv.split("青山区.xlsx").length - 1).toBe(120);
  }, 180_000);
});
