/**
 * Real-client test: a plan-rendered workbook opened by LibreOffice (headless). Skipped only when
 * LibreOffice is not installed; CI installs it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbookFile } from "../../../src/adapters/xlsx/write";
import type { PlanCell, PrintSetup, SheetPlan, WorkbookPlan } from "../../../src/core/plan";
import {
  convertWithLibreOffice,
  csvPathForSheet,
  libreOfficeAvailable,
  pdfBars,
  pdfUsesFill,
  readPdf,
} from "../../helpers/libreoffice";

const BAR = "5B9BD5";
const LAST_COLUMN_FILL = "FFC7CE";
const HEADER_FILL = "DDEBF7";
const HEADERS = [
  "排名",
  "单位",
  "任务数",
  "已完成",
  "完成率",
  "逾期",
  "按时完成率",
  "平均进度",
  "排名变化",
  "备注",
];
const ROWS = 60;
const NOTICE = "通报（第3期）";

/** A notice-like sheet: merged title, 10 columns about 1.5 A4-landscape widths wide, 60 rows. */
function noticePlan(print: PrintSetup): WorkbookPlan {
  const rows: Array<Array<PlanCell | null>> = [
    [{ value: "关于基层党建工作重点任务推进情况的通报（第3期）", style: "title" }],
    [{ value: "统计截至：2022年10月31日" }],
    HEADERS.map((h) => ({ value: h, style: "head" })),
  ];
  for (let i = 0; i < ROWS; i++) {
    const assigned = 14;
    const completed = i % 15;
    rows.push([
      { value: i + 1, style: "cell" },
      { value: `第${i + 1}责任单位`, style: "cell" },
      { value: assigned, style: "cell" },
      { value: completed, style: "cell" },
      { value: completed / assigned, style: "pct" },
      { value: i % 4, style: "cell" },
      { value: 0.5, style: "pct" },
      { value: 62.5, style: "cell" },
      { value: i === 0 ? "新" : "↑1", style: "cell" },
      { value: i === 0 ? "=SUM(A1)" : `说明文字${i + 1}`, style: "last" },
    ]);
  }
  const notice: SheetPlan = {
    name: NOTICE,
    rows,
    styles: {
      title: { bold: true, fontSize: 16, hAlign: "center" },
      head: { bold: true, fill: HEADER_FILL, border: true, hAlign: "center" },
      cell: { border: true },
      pct: { border: true, numFmt: "0.0%" },
      last: { border: true, fill: LAST_COLUMN_FILL },
    },
    merges: [{ top: 0, left: 0, bottom: 0, right: 9 }],
    columnWidths: [8, 28, 12, 12, 24, 10, 16, 14, 12, 60],
    rowHeights: { 0: 30 },
    freeze: { rows: 3, columns: 0 },
    print,
    bars: [{ range: { top: 3, left: 4, bottom: 2 + ROWS, right: 4 }, color: BAR }],
  };
  const history: SheetPlan = {
    name: "通报记录",
    visibility: "hidden",
    rows: [
      [{ value: "期数" }, { value: "单位" }],
      [{ value: 3 }, { value: "第1责任单位" }],
    ],
    styles: {},
    merges: [],
    columnWidths: [],
  };
  return { sheets: [notice, history] };
}

const landscapeFit: PrintSetup = {
  orientation: "landscape",
  paperSize: "A4",
  fitToWidth: true,
  repeatRows: { first: 0, last: 2 },
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
  centerHorizontally: true,
};

/** Two or three LibreOffice conversions per test: generous, for a machine shared by many builds. */
const LO_TIMEOUT = 600_000;

(libreOfficeAvailable() ? describe : describe.skip)("LibreOffice opens what the writer produces", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "taizhang-lo-"));
  }, LO_TIMEOUT);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  }, LO_TIMEOUT);

  async function toPdf(name: string, print: PrintSetup) {
    const file = join(dir, `${name}.xlsx`);
    await writeWorkbookFile(file, noticePlan(print));
    const outDir = join(dir, `${name}-pdf`);
    mkdirSync(outDir);
    const result = await convertWithLibreOffice(file, "pdf", outDir);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.paths).toEqual([join(outDir, `${name}.pdf`)]);
    return readPdf(result.paths[0] ?? "");
  }

  test(
    "landscape A4, fit to one page wide: every page holds all ten columns",
    async () => {
      const fit = await toPdf("fit", landscapeFit);
      // 63 rows shrunk to about two thirds fit on two pages (LibreOffice 7.4: 52 + 11 rows).
      expect(fit.pages).toBeGreaterThanOrEqual(1);
      expect(fit.pages).toBeLessThanOrEqual(2);
      for (const box of fit.mediaBoxes) {
        // A4 landscape: 297 mm × 210 mm = 841.9 pt × 595.3 pt.
        expect(box[2]).toBeCloseTo(841.9, 0);
        expect(box[3]).toBeCloseTo(595.3, 0);
      }
      for (const page of fit.pageContents) {
        // Column E (the bars) and column J (the last, filled) are on every page: nothing spills right.
        expect(pdfBars(page, BAR).length).toBeGreaterThan(0);
        expect(pdfUsesFill(page, LAST_COLUMN_FILL)).toBe(true);
        // The header row is repeated at the top of every page (print titles).
        expect(pdfUsesFill(page, HEADER_FILL)).toBe(true);
      }

      // The same sheet printed at 100 %: too wide for one page, so some pages lack the bars or the
      // last column. This is what the fit setting prevents (and shows the check above can fail).
      const unscaled = await toPdf("unscaled", { ...landscapeFit, fitToWidth: false });
      expect(unscaled.pages).toBeGreaterThan(fit.pages);
      expect(
        unscaled.pageContents.some((p) => pdfBars(p, BAR).length === 0 || !pdfUsesFill(p, LAST_COLUMN_FILL)),
      ).toBe(true);
    },
    LO_TIMEOUT,
  );

  test(
    "data bars are drawn with lengths proportional to the rates",
    async () => {
      const fit = await toPdf("bars", landscapeFit);
      const bars = fit.pageContents.flatMap((p) => pdfBars(p, BAR));
      // Rates are (i mod 15) / 14: 0 draws no bar, so 60 rows give 56 bars.
      expect(bars).toHaveLength(56);
      const longest = Math.max(...bars.map((b) => b.width));
      const firstPage = pdfBars(fit.pageContents[0] ?? "", BAR);
      // Rows 2…5 of the table have rates 1/14 … 4/14: lengths 1 : 2 : 3 : 4 of the full (14/14) bar.
      firstPage.slice(0, 4).forEach((bar, k) => expect(bar.width / longest).toBeCloseTo((k + 1) / 14, 2));
    },
    LO_TIMEOUT,
  );

  test(
    "CSV of every sheet has the Chinese text, literal formula-looking text and formatted rates",
    async () => {
      const file = join(dir, "通报.xlsx");
      await writeWorkbookFile(file, noticePlan(landscapeFit));
      const outDir = join(dir, "csv");
      mkdirSync(outDir);
      const result = await convertWithLibreOffice(file, "csv", outDir);
      const noticeCsv = csvPathForSheet(result, file, NOTICE);
      const historyCsv = csvPathForSheet(result, file, "通报记录");
      expect(noticeCsv).toBeDefined();
      expect(historyCsv).toBeDefined();
      const lines = readFileSync(noticeCsv ?? "", "utf8").split(/\r?\n/);
      expect(lines[0]).toBe("关于基层党建工作重点任务推进情况的通报（第3期）,,,,,,,,,");
      expect(lines[1]?.startsWith("统计截至：2022年10月31日")).toBe(true);
      expect(lines[2]).toBe(HEADERS.join(","));
      expect(lines[3]).toBe("1,第1责任单位,14,0,0.0%,0,50.0%,62.5,新,=SUM(A1)");
      expect(lines[9]).toBe("7,第7责任单位,14,6,42.9%,2,50.0%,62.5,↑1,说明文字7");
      expect(lines.filter((l) => l !== "")).toHaveLength(3 + ROWS);
      expect(readFileSync(historyCsv ?? "", "utf8").split(/\r?\n/)[1]).toBe("3,第1责任单位");
    },
    LO_TIMEOUT,
  );
});
