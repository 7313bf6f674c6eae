/**
 * Real-client test of the notice workbook: the plans core builds, written by the xlsx adapter and
 * opened by LibreOffice (headless), exported to CSV (what the cells show) and PDF (what prints).
 * Skipped only when LibreOffice is not installed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbookFile } from "../../../src/adapters/xlsx/write";
import {
  NOTICE_COLORS,
  type SheetPlan,
  buildHistoryPlan,
  buildNoticeDocument,
  buildNoticePlans,
  buildReportPlan,
  makeIssue,
  reasonText,
} from "../../../src/core";
import { fixtureNotice, rowsWhere } from "../../core/notice-plan-fixture";
import {
  convertWithLibreOffice,
  csvPathForSheet,
  libreOfficeAvailable,
  pdfBars,
  pdfUsesFill,
  readPdf,
} from "../../helpers/libreoffice";
import { type TextRun, pdfLines, pdfTextRuns } from "./notice-pdf-text";

const notice = fixtureNotice();
const document = buildNoticeDocument(notice, { today: "2022-11-02" });
const [noticePlan, overduePlan, dueSoonPlan] = buildNoticePlans(document, 2, null) as [
  SheetPlan,
  SheetPlan,
  SheetPlan,
];
const SUMMARY = (document.body[1] as { text: string }).text;
const A4_PORTRAIT = [595.3, 841.9];

/** Approximate advance of a run: an em per CJK character, about half an em otherwise. */
function runWidth(run: TextRun): number {
  let ems = 0;
  for (const ch of run.text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : ch === " " ? 0.28 : 0.56;
  return ems * run.size;
}

/**
 * Text that does not fit its cell shows as overlapping runs: a wrapped line that overflows its row
 * is drawn across the next row's text (a baseline a few points away, or the same one). Returns
 * the offending pairs on one page.
 */
function overlaps(runs: readonly TextRun[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i]!;
      const b = runs[j]!;
      const dy = Math.abs(a.y - b.y);
      const size = Math.min(a.size, b.size);
      const overlapX = Math.min(a.x + runWidth(a), b.x + runWidth(b)) - Math.max(a.x, b.x);
      // Runs on one baseline touch (cells side by side, a run split at a space): only a wide
      // overlap counts there; on nearby baselines any real overlap does.
      const limit = dy < 0.5 ? 1.5 * size : 0.3 * size;
      if (dy < 0.8 * size && overlapX > limit) found.push(`${a.text} / ${b.text}`);
    }
  }
  return found;
}

const clean = (s: string) => s.replace(/\s+/g, "");

/** The page's text without white space, line by line. */
function flat(runs: readonly TextRun[]): string {
  return clean(
    pdfLines(runs)
      .map((l) => l.text)
      .join(""),
  );
}

/**
 * Whether `target` is shown whole on the page: wrapped text is its runs from one left edge down,
 * with other cells' runs (to the right, on the same lines) left out.
 */
function shownWhole(page: readonly TextRun[], target: string): boolean {
  const want = clean(target);
  const sorted = [...page].sort((a, b) => b.y - a.y || a.x - b.x);
  return sorted.some((first, i) => {
    const start = clean(first.text);
    if (start === "" || !want.startsWith(start)) return false;
    let shown = "";
    for (const run of sorted.slice(i)) {
      if (shown.length >= want.length || first.y - run.y > 12 * first.size) break;
      const t = clean(run.text);
      if (run.x >= first.x - 1 && t !== "" && want.startsWith(shown + t)) shown += t;
    }
    return shown === want;
  });
}

(libreOfficeAvailable() ? describe : describe.skip)("the notice workbook in LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "taizhang-notice-lo-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function convert(name: string, sheets: SheetPlan[], format: "pdf" | "csv") {
    const file = join(dir, `${name}.xlsx`);
    await writeWorkbookFile(file, { sheets });
    const outDir = join(dir, `${name}-${format}`);
    mkdirSync(outDir);
    return { file, result: await convertWithLibreOffice(file, format, outDir) };
  }

  test("CSV: the notice shows the figures, formatted; formula-looking text stays text", async () => {
    const report = buildReportPlan(
      [
        {
          ...makeIssue(
            "invalid-date",
            { sheet: "重点任务台账", cell: "G12", row: 12, column: "完成时限" },
            "10月底",
          ),
          file: "青山区.xlsx",
          unit: "青山区",
        },
      ],
      { units: ["青山区"], linkSheets: new Set(["重点任务台账"]) },
      "通报（第2期）附件3",
    );
    const { file, result } = await convert(
      "notice",
      [noticePlan, overduePlan, dueSoonPlan, report, buildHistoryPlan(notice.history)],
      "csv",
    );
    const lines = readFileSync(csvPathForSheet(result, file, "通报（第2期）") ?? "", "utf8").split(/\r?\n/);
    expect(lines[0]).toBe("重点任务推进情况通报,,,,,,,,");
    expect(lines[1]).toBe("第2期,,,,,,,,");
    expect(lines).toContain("关于基层党建工作重点任务推进情况的通报,,,,,,,,");
    expect(lines).toContain("（统计截至2022年10月31日）,,,,,,,,");
    expect(lines).toContain(`\u3000\u3000${SUMMARY},,,,,,,,`);
    // Ranked rows: ties shown, rates as the percent format shows them, rank changes.
    expect(lines).toContain("排名,单位,任务数,已完成,完成率,逾期,按时完成率,平均进度,排名变化");
    expect(lines).toContain("1,青山区,4,4,100.0%,0,75.0%,100.0%,↑2");
    expect(lines).toContain("2（并列）,浮溪县,4,2,50.0%,1,100.0%,75.0%,↓1");
    expect(lines).toContain("2,江城经济技术开发区,2,0,0.0%,1,—,15.0%,–");
    expect(lines).toContain(`1,东湖区,县市区,${reasonText(notice.blackList[0]!.reason)},,,,,`);
    const shown = (r: ReadonlyArray<{ value: unknown } | null>) =>
      r.some((c) => c !== null && c.value !== null && c.value !== "");
    expect(lines.filter((l) => l.replace(/,/g, "") !== "")).toHaveLength(
      noticePlan.rows.filter(shown).length,
    );

    // Attachment 1: deadlines are real dates shown as yyyy-mm-dd; task text starting with = or - is text.
    const overdue = readFileSync(csvPathForSheet(result, file, "通报（第2期）附件1") ?? "", "utf8").split(
      /\r?\n/,
    );
    expect(overdue.slice(0, 3)).toEqual([
      "附件1,,,,,,",
      "逾期任务清单,,,,,,",
      "单位,任务编号,重点任务,完成时限,逾期天数,推进状态,责任人",
    ]);
    expect(overdue).toContain(
      "江南区,JN-03,推进城市社区党群服务中心提档升级，完善服务功能和运行机制,2022-10-15,16,推进中,李四",
    );
    expect(overdue).toContain("江城经济技术开发区,JK-01,=SUM(A1),2022-10-01,30,未启动,-王五");
    const dueSoon = readFileSync(csvPathForSheet(result, file, "通报（第2期）附件2") ?? "", "utf8").split(
      /\r?\n/,
    );
    expect(dueSoon).toContain("江南区,JN-04,重点任务JN-04,2022-11-10,10,推进中,张三");

    const reportLines = readFileSync(csvPathForSheet(result, file, "通报（第2期）附件3") ?? "", "utf8").split(
      /\r?\n/,
    );
    expect(reportLines).toContain("单位,文件,工作表,单元格,级别,问题,说明,原值,建议");
    expect(
      reportLines.some((l) => l.startsWith("青山区,青山区.xlsx,重点任务台账,G12,错误,日期无法识别,")),
    ).toBe(true);
    const historyLines = readFileSync(csvPathForSheet(result, file, "通报记录") ?? "", "utf8").split(/\r?\n/);
    expect(historyLines[0]).toBe("期数,统计截止日期,单位,单位类别,任务数,已完成,完成率,排名,红榜,黑榜,类别");
    expect(historyLines).toContain("2,2022-10-31,东湖区,县市区,4,1,25.0%,4,,是,");
  });

  async function pdfOf(name: string, plan: SheetPlan) {
    const { result } = await convert(name, [plan, buildHistoryPlan(notice.history)], "pdf");
    expect(result.paths).toHaveLength(1);
    const path = result.paths[0]!;
    return { summary: readPdf(path), runs: pdfTextRuns(path) };
  }

  /** Texts that must be shown whole: the summary, the long task, every list reason. */
  const wholeTexts = [
    SUMMARY,
    ...[...notice.redList, ...notice.blackList, ...notice.stationed, ...notice.stalled].map((e) =>
      reasonText(e.reason),
    ),
  ];

  test("PDF: A4 portrait, one page wide, nothing cut", async () => {
    const { summary, runs } = await pdfOf("print", noticePlan);
    expect(summary.pages).toBeGreaterThanOrEqual(2);
    for (const box of summary.mediaBoxes) {
      expect(box[2]).toBeCloseTo(A4_PORTRAIT[0]!, 0);
      expect(box[3]).toBeCloseTo(A4_PORTRAIT[1]!, 0);
    }
    runs.forEach((page) => {
      const lines = pdfLines(page).map((l) => l.text);
      // One page wide: every table header line holds all its columns, and no text runs off the page.
      for (const line of lines.filter((l) => l.startsWith("排名单位"))) expect(line).toMatch(/排名变化$/);
      for (const run of page) expect(run.x + runWidth(run)).toBeLessThan(A4_PORTRAIT[0]! - 20);
      expect(overlaps(page)).toEqual([]);
    });
    // Nothing cut: every long text is there in full.
    for (const text of wholeTexts)
      expect([text, runs.some((page) => shownWhole(page, text))]).toEqual([text, true]);
    const all = runs.map(flat).join("");
    // Everything of the plan is printed once: 七 is on the last page, the parts in order.
    const order = ["一、基本情况", "二、红黑榜", "三、存在问题", "四、下步要求", "附件：1."];
    const at = order.map((h) => all.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Bars with lengths in proportion to the rates 100%, 50% (twice), 25%, 66.7% and 100% (0% draws
    // none). LibreOffice draws the two identical adjacent 50% bars as one clip.
    const bars = summary.pageContents.flatMap((p) => pdfBars(p, NOTICE_COLORS.bar));
    const longest = Math.max(...bars.map((b) => b.width));
    const ratios = bars.map((b) => b.width / longest);
    expect(ratios).toHaveLength(5);
    [1, 0.5, 0.25, 2 / 3, 1].forEach((r, i) => expect(ratios[i]).toBeCloseTo(r, 2));
    // Red and black list headers filled.
    expect(summary.pageContents.some((p) => pdfUsesFill(p, NOTICE_COLORS.redHeader))).toBe(true);
    expect(summary.pageContents.some((p) => pdfUsesFill(p, NOTICE_COLORS.blackHeader))).toBe(true);
  });

  test("the checks above catch cut text: rows made too short fail them", async () => {
    const summaryRow = rowsWhere(noticePlan, 0, `\u3000\u3000${SUMMARY}`)[0]!;
    const cut: SheetPlan = { ...noticePlan, rowHeights: { ...noticePlan.rowHeights, [summaryRow]: 16 } };
    const { runs } = await pdfOf("cut", cut);
    const missing = wholeTexts.filter((t) => !runs.some((page) => shownWhole(page, t)));
    const overlapping = runs.flatMap(overlaps);
    expect(missing.length + overlapping.length).toBeGreaterThan(0);
  });
});
