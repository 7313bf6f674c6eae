/**
 * The notice sheet `通报（第N期）` (SPEC §7) as a sheet plan: title, as-of line, summary paragraph,
 * then the seven parts — ranked tables per group, red and black lists, overdue and due-soon tasks,
 * stationed and stalled units, units that did not submit, and the ledgers' quality — laid out on nine
 * columns so that one A4 landscape page wide stays readable.
 */
import { formatChineseDate, isoToDay } from "../date";
import type { CellRange } from "../grid";
import type { CellStyle, PlanBar, PlanCell, PlanChart, SheetPlan } from "../plan";
import { REPORT_SHEET } from "../report/report";
import type { ListEntry, NoticeData, TaskEntry, UnitResult } from "./compute";
import {
  DATE_FORMAT,
  PERCENT_FORMAT,
  RowBuilder,
  cell,
  heightForLines,
  isoToSerial,
  spanWidth,
  textWidth,
  wrappedLines,
} from "./plan-layout";
import { buildNoticeSummary } from "./summary";

/** `通报（第3期）` */
export function noticeSheetName(period: number): string {
  return `通报（第${period}期）`;
}

/** `关于基层党建工作重点任务推进情况的通报（第3期）` */
export function noticeTitle(period: number): string {
  return `关于基层党建工作重点任务推进情况的通报（第${period}期）`;
}

/** Colours of the notice, `RRGGBB`. */
export const NOTICE_COLORS = {
  header: "DDEBF7",
  redHeader: "C00000",
  red: "FDE2E2",
  blackHeader: "404040",
  black: "D9D9D9",
  bar: "5B9BD5",
} as const;

/** Headers of the ranked tables (一、总体进展), columns A–I. */
export const RANK_HEADERS = [
  "排名",
  "单位",
  "任务数",
  "已完成",
  "完成率",
  "逾期",
  "按时完成率",
  "平均进度",
  "排名变化",
] as const;

const COLUMNS = RANK_HEADERS.length;
const LAST = COLUMNS - 1;
/** Column of 完成率 (E), which carries the bars. */
const RATE_COLUMN = 4;
const UNIT_COLUMN = 1;
/** Title rows: the title and the as-of line, repeated on every printed page and frozen. */
const TITLE_ROWS = 2;

const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 18, hAlign: "center", vAlign: "middle", wrap: true },
  asOf: { fontSize: 11, hAlign: "center", vAlign: "middle" },
  summary: { fontSize: 11, hAlign: "left", vAlign: "top", wrap: true },
  section: { bold: true, fontSize: 13, vAlign: "middle" },
  sub: { bold: true, fontSize: 11, vAlign: "middle" },
  note: { fontSize: 11, hAlign: "left", vAlign: "middle", wrap: true },
  head: {
    bold: true,
    fill: NOTICE_COLORS.header,
    border: true,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
  },
  num: { border: true, hAlign: "center", vAlign: "middle" },
  text: { border: true, hAlign: "left", vAlign: "middle", wrap: true },
  pct: { border: true, hAlign: "center", vAlign: "middle", numFmt: PERCENT_FORMAT },
  date: { border: true, hAlign: "center", vAlign: "middle", numFmt: DATE_FORMAT },
  none: { border: true, hAlign: "center", vAlign: "middle", fontColor: "595959" },
  redUnit: { border: true, hAlign: "left", vAlign: "middle", wrap: true, fill: NOTICE_COLORS.red },
  blackUnit: { border: true, hAlign: "left", vAlign: "middle", wrap: true, fill: NOTICE_COLORS.black },
  redHead: {
    bold: true,
    fill: NOTICE_COLORS.redHeader,
    fontColor: "FFFFFF",
    border: true,
    hAlign: "center",
    vAlign: "middle",
  },
  redNum: { border: true, hAlign: "center", vAlign: "middle", fill: NOTICE_COLORS.red },
  redText: { border: true, hAlign: "left", vAlign: "middle", wrap: true, fill: NOTICE_COLORS.red },
  blackHead: {
    bold: true,
    fill: NOTICE_COLORS.blackHeader,
    fontColor: "FFFFFF",
    border: true,
    hAlign: "center",
    vAlign: "middle",
  },
  blackNum: { border: true, hAlign: "center", vAlign: "middle", fill: NOTICE_COLORS.black },
  blackText: { border: true, hAlign: "left", vAlign: "middle", wrap: true, fill: NOTICE_COLORS.black },
};

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** `（一）` … `（十）`, then `（11）`. */
function subNumber(i: number): string {
  return `（${NUMERALS[i] ?? String(i + 1)}）`;
}

/** `2（并列）` for a shared rank, else the number. */
function rankValue(u: UnitResult): string | number | null {
  if (u.rank === null) return null;
  return u.tied ? `${u.rank}（并列）` : u.rank;
}

/** ↑2, ↓1, – (unchanged), 新 (not ranked last time), 首期 (first notice: nothing to compare). */
function rankChangeText(u: UnitResult, firstNotice: boolean): string {
  if (u.rankChange !== null) {
    if (u.rankChange > 0) return `↑${u.rankChange}`;
    if (u.rankChange < 0) return `↓${-u.rankChange}`;
    return "–";
  }
  return firstNotice ? "首期" : "新";
}

/** Column widths: about 2 units per Chinese character; 单位 grows with the longest unit name. */
function columnWidths(notice: NoticeData): number[] {
  const names = [
    ...notice.units.map((u) => u.unit),
    ...notice.overdueTasks.map((t) => t.unit),
    ...notice.dueSoonTasks.map((t) => t.unit),
  ];
  const longest = names.reduce((max, name) => Math.max(max, textWidth(name)), 0);
  // As wide as the longest name on one line (with the margin `wrappedLines` allows), 16–30 units.
  const unit = Math.min(30, Math.max(16, Math.ceil(longest * 1.1) + 2));
  // 排名 fits `10（并列）`; 完成时限 (F) fits a yyyy-mm-dd date; 完成率 (E) leaves room for the bar.
  return [12, unit, 10, 9, 18, 12, 12, 11, 11];
}

interface Layout {
  readonly b: RowBuilder;
  readonly widths: readonly number[];
  readonly firstNotice: boolean;
}

/** A row whose one cell spans the whole table width. */
function wideRow(layout: Layout, value: string, style: string, fontSize = 11): number {
  const { b, widths } = layout;
  const row = b.add([cell(value, style), ...Array.from({ length: LAST }, () => cell(null, style))]);
  b.merge(row, 0, LAST);
  b.fit(row, [{ text: value, width: spanWidth(widths, 0, LAST) }], fontSize);
  return row;
}

function section(layout: Layout, text: string): void {
  const row = layout.b.add([cell(text, "section")]);
  layout.b.height(row, 24);
}

function sub(layout: Layout, text: string): void {
  const row = layout.b.add([cell(text, "sub")]);
  layout.b.height(row, 20);
}

function blank(layout: Layout): void {
  layout.b.add([]);
}

/**
 * A table row from cells, each spanning `span` columns (1 by default); covered cells repeat the
 * style so the merged area keeps its border and fill. Wrapped text sets the row height.
 */
function tableRow(
  layout: Layout,
  cells: ReadonlyArray<{ value: PlanCell["value"]; style: string; span?: number; link?: PlanCell["link"] }>,
): number {
  const { b, widths } = layout;
  const out: Array<PlanCell | null> = [];
  const merges: Array<[number, number]> = [];
  const texts: Array<{ text: string; width: number }> = [];
  for (const c of cells) {
    const left = out.length;
    const span = c.span ?? 1;
    out.push(
      c.link === undefined ? cell(c.value, c.style) : { value: c.value, style: c.style, link: c.link },
    );
    for (let k = 1; k < span; k++) out.push(cell(null, c.style));
    if (span > 1) merges.push([left, left + span - 1]);
    if (typeof c.value === "string")
      texts.push({ text: c.value, width: spanWidth(widths, left, left + span - 1) });
  }
  const row = b.add(out);
  for (const [left, right] of merges) b.merge(row, left, right);
  b.fit(row, texts);
  return row;
}

function noneRow(layout: Layout, text = "本期无"): void {
  tableRow(layout, [{ value: text, style: "none", span: COLUMNS }]);
}

/** 序号 | 单位 | 单位类别 | 原因 (D–I): the red and black lists, stationed and stalled units. */
function listTable(
  layout: Layout,
  entries: readonly ListEntry[],
  kind: "plain" | "red" | "black",
  reasonHeader = "原因",
): void {
  const head = kind === "red" ? "redHead" : kind === "black" ? "blackHead" : "head";
  const num = kind === "red" ? "redNum" : kind === "black" ? "blackNum" : "num";
  const text = kind === "red" ? "redText" : kind === "black" ? "blackText" : "text";
  tableRow(layout, [
    { value: "序号", style: head },
    { value: "单位", style: head },
    { value: "单位类别", style: head },
    { value: reasonHeader, style: head, span: COLUMNS - 3 },
  ]);
  if (entries.length === 0) return noneRow(layout);
  entries.forEach((e, i) =>
    tableRow(layout, [
      { value: i + 1, style: num },
      { value: e.unit, style: text },
      { value: e.group, style: num },
      { value: e.reason, style: text, span: COLUMNS - 3 },
    ]),
  );
}

/** 序号 | 单位 | 任务编号 | 重点任务 (D–E) | 完成时限 | 逾期天数 or 剩余天数 | 推进状态 | 责任人 */
function taskTable(layout: Layout, tasks: readonly TaskEntry[], daysHeader: string): void {
  const header = ["序号", "单位", "任务编号", "重点任务", "完成时限", daysHeader, "推进状态", "责任人"];
  tableRow(
    layout,
    header.map((h) =>
      h === "重点任务" ? { value: h, style: "head", span: 2 } : { value: h, style: "head" },
    ),
  );
  if (tasks.length === 0) return noneRow(layout);
  tasks.forEach((t, i) =>
    tableRow(layout, [
      { value: i + 1, style: "num" },
      { value: t.unit, style: "text" },
      { value: t.taskId ?? "", style: "text" },
      { value: t.task ?? "", style: "text", span: 2 },
      { value: isoToSerial(t.deadline) ?? t.deadline, style: "date" },
      { value: t.days, style: "num" },
      { value: t.status ?? "", style: "num" },
      { value: t.owner ?? "", style: "text" },
    ]),
  );
}

/** One group's ranked table; returns the rows of its units (for the bars and the chart). */
function rankTable(layout: Layout, units: readonly UnitResult[]): { first: number; last: number } {
  tableRow(
    layout,
    RANK_HEADERS.map((h) => ({ value: h, style: "head" })),
  );
  const first = layout.b.next;
  for (const u of units) {
    const pct = (v: number | null) =>
      v === null ? { value: "—", style: "num" } : { value: v, style: "pct" };
    tableRow(layout, [
      { value: rankValue(u), style: "num" },
      { value: u.unit, style: u.red ? "redUnit" : u.black ? "blackUnit" : "text" },
      { value: u.assigned, style: "num" },
      { value: u.completed, style: "num" },
      // Written even when 0 so the bar range holds numbers only.
      { value: u.completionRate ?? 0, style: "pct" },
      { value: u.overdue, style: "num" },
      pct(u.onTimeRate),
      pct(u.avgProgress === null ? null : u.avgProgress / 100),
      { value: rankChangeText(u, layout.firstNotice), style: "num" },
    ]);
  }
  return { first, last: layout.b.next - 1 };
}

/**
 * The notice sheet's plan. Dates are Excel serials formatted `yyyy-mm-dd`; rates are fractions
 * formatted `0.0%` (平均进度 too, as a fraction of 100%); text from the ledgers is plain strings.
 *
 * @example buildNoticePlan(computeNotice(input)).name // "通报（第3期）"
 */
export function buildNoticePlan(notice: NoticeData): SheetPlan {
  const widths = columnWidths(notice);
  const totalWidth = spanWidth(widths, 0, LAST);
  const b = new RowBuilder();
  const layout: Layout = { b, widths, firstNotice: notice.previous === null };
  const bars: PlanBar[] = [];
  const charts: PlanChart[] = [];

  // Title rows.
  const title = noticeTitle(notice.period);
  const titleRow = wideRow(layout, title, "title", 18);
  b.height(titleRow, Math.max(36, heightForLines(wrappedLines(title, totalWidth, 18), 18)));
  const asOfDay = isoToDay(notice.asOf);
  const asOf = wideRow(
    layout,
    `统计截至：${asOfDay === null ? notice.asOf : formatChineseDate(asOfDay)}`,
    "asOf",
  );
  b.height(asOf, 22);

  // The summary paragraph, first line indented by two ideographic spaces as official text is.
  const summary = wideRow(layout, `\u3000\u3000${buildNoticeSummary(notice)}`, "summary");
  b.height(summary, 22);
  blank(layout);

  section(layout, "一、总体进展");
  const shown = notice.groups.filter((g) => g.units.length > 0);
  if (shown.length === 0) noneRow(layout, "本期无参与排名的单位");
  shown.forEach(({ group, units }, i) => {
    const heading = b.next;
    sub(layout, `${subNumber(i)}${group}（${units.length} 个单位参与排名）`);
    const { first, last } = rankTable(layout, units);
    const rates: CellRange = { top: first, left: RATE_COLUMN, bottom: last, right: RATE_COLUMN };
    bars.push({ range: rates, color: NOTICE_COLORS.bar });
    charts.push({
      title: `${group}完成率`,
      categories: { top: first, left: UNIT_COLUMN, bottom: last, right: UNIT_COLUMN },
      values: rates,
      // Beside the table, one empty column to its right.
      anchor: { row: heading, column: COLUMNS + 1 },
    });
    blank(layout);
  });

  section(layout, "二、红榜");
  listTable(layout, notice.redList, "red");
  blank(layout);

  section(layout, "三、黑榜");
  listTable(layout, notice.blackList, "black");
  blank(layout);

  section(layout, "四、逾期任务清单");
  sub(layout, `（一）逾期任务（${notice.overdueTasks.length} 项）`);
  taskTable(layout, notice.overdueTasks, "逾期天数");
  sub(layout, `（二）临期任务（${notice.settings.dueSoonDays} 日内到期，${notice.dueSoonTasks.length} 项）`);
  taskTable(layout, notice.dueSoonTasks, "剩余天数");
  blank(layout);

  section(layout, "五、末位驻点单位和停滞单位");
  sub(layout, "（一）末位驻点单位（连续两期列入黑榜）");
  if (layout.firstNotice) {
    tableRow(layout, [{ value: "本期为首次通报，暂不确定末位驻点单位", style: "none", span: COLUMNS }]);
  } else {
    listTable(layout, notice.stationed, "black");
  }
  sub(layout, "（二）停滞单位（已完成任务数较上期没有增加）");
  if (layout.firstNotice) {
    tableRow(layout, [{ value: "本期为首次通报，无上期数据可比", style: "none", span: COLUMNS }]);
  } else {
    listTable(layout, notice.stalled, "plain", "情况");
  }
  blank(layout);

  section(layout, "六、未报送单位");
  listTable(
    layout,
    notice.notSubmitted.map((u) => ({ ...u, reason: "截至统计日期未报送台账，不参与排名" })),
    "plain",
    "说明",
  );
  blank(layout);

  section(layout, "七、台账填报质量");
  qualityPart(layout, notice);

  return {
    name: noticeSheetName(notice.period),
    kind: "notice",
    rows: b.rows,
    styles: STYLES,
    merges: b.merges,
    columnWidths: widths,
    rowHeights: b.rowHeights,
    freeze: { rows: TITLE_ROWS, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: TITLE_ROWS - 1 },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    },
    bars,
    charts,
  };
}

/** 七、台账填报质量: units whose rows carry validation errors, pointing to the 校验报告 sheet. */
function qualityPart(layout: Layout, notice: NoticeData): void {
  const link = { sheet: REPORT_SHEET, cell: "A1" };
  if (notice.quality.length === 0) {
    tableRow(layout, [{ value: "本期各单位台账未发现填报错误", style: "none", span: COLUMNS }]);
    return;
  }
  const total = notice.quality.reduce((n, q) => n + q.errors, 0);
  const intro = `${notice.quality.length} 个单位的台账共有 ${total} 处填报错误，具体位置和更正建议见“${REPORT_SHEET}”工作表。`;
  const row = layout.b.add([{ value: intro, style: "note", link }]);
  layout.b.merge(row, 0, LAST);
  layout.b.fit(row, [{ text: intro, width: spanWidth(layout.widths, 0, LAST) }]);
  tableRow(layout, [
    { value: "序号", style: "head" },
    { value: "单位", style: "head" },
    { value: "单位类别", style: "head" },
    { value: "错误数", style: "head" },
    { value: "说明", style: "head", span: COLUMNS - 4 },
  ]);
  notice.quality.forEach((q, i) =>
    tableRow(layout, [
      { value: i + 1, style: "num" },
      { value: q.unit, style: "text" },
      { value: q.group, style: "num" },
      { value: q.errors, style: "num" },
      { value: `请对照“${REPORT_SHEET}”逐项更正后重新报送`, style: "text", span: COLUMNS - 4, link },
    ]),
  );
}
