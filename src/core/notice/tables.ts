/**
 * The tables of the notice's body (SPEC §7): per group the ranked table (一、基本情况), and the red
 * and black lists, 末位驻点 and 停滞 (二、红黑榜) with the rule that put each unit there.
 */
import type { NoticeData, UnitResult, ListEntry } from "./compute";
import type { DocBlock, DocCell, DocTable } from "../document";
import { formatRate, reasonText } from "./reason";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** `（一）` … `（十）`, then `（11）`. */
export function subNumber(i: number): string {
  return `（${NUMERALS[i] ?? String(i + 1)}）`;
}

/** Headers of the ranked tables. */
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

/** `2（并列）` for a shared rank, else the number. */
function rankCell(u: UnitResult): DocCell {
  if (u.rank === null) return { text: "" };
  return u.tied ? { text: `${u.rank}（并列）` } : { text: String(u.rank), number: u.rank };
}

/** ↑2, ↓1, – (unchanged), 新 (not ranked last time), 首期 (period 1), — (previous notice missing). */
export function rankChangeText(u: UnitResult, notice: NoticeData): string {
  if (u.rankChange !== null) {
    if (u.rankChange > 0) return `↑${u.rankChange}`;
    if (u.rankChange < 0) return `↓${-u.rankChange}`;
    return "–";
  }
  if (notice.previous !== null) return "新";
  return notice.previousMissing ? "—" : "首期";
}

const count = (n: number): DocCell => ({ text: String(n), number: n });
const rate = (r: number | null): DocCell =>
  r === null ? { text: "—" } : { text: formatRate(r), number: r, format: "rate" };

function rankTable(notice: NoticeData, group: string, units: readonly UnitResult[]): DocTable {
  return {
    chart: `${group}完成率`,
    headers: RANK_HEADERS,
    widths: [9, 20, 7, 7, 14, 6, 10, 9, 9],
    textColumns: [1],
    tone: "plain",
    barColumn: 4,
    rows: units.map((u) => [
      rankCell(u),
      u.red ? { text: u.unit, tone: "red" } : u.black ? { text: u.unit, tone: "black" } : { text: u.unit },
      count(u.assigned),
      count(u.completed),
      rate(u.completionRate),
      count(u.overdue),
      rate(u.onTimeRate),
      rate(u.avgProgress === null ? null : u.avgProgress / 100),
      { text: rankChangeText(u, notice) },
    ]),
  };
}

/** Per group with ranked units: `（一）县市区（10个单位参与排名）` and its table. */
export function groupTables(notice: NoticeData): DocBlock[] {
  const shown = notice.groups.filter((g) => g.units.length > 0);
  return shown.flatMap(({ group, units }, i): DocBlock[] => [
    { kind: "heading", level: 2, text: `${subNumber(i)}${group}（${units.length}个单位参与排名）` },
    { kind: "table", table: rankTable(notice, group, units) },
  ]);
}

function listTable(entries: readonly ListEntry[], tone: DocTable["tone"], reasonHeader: string): DocTable {
  return {
    headers: ["序号", "单位", "单位类别", reasonHeader],
    widths: [6, 20, 10, 55],
    textColumns: [1, 3],
    tone,
    rows: entries.map((e, i) => [
      count(i + 1),
      { text: e.unit },
      { text: e.group },
      { text: reasonText(e.reason) },
    ]),
  };
}

/**
 * A sub-section: its heading, then the table, or one line when it has nobody — `none`, or
 * `undetermined` when this notice cannot name anybody for it (see `noComparison`).
 */
function listSection(
  heading: string,
  entries: readonly ListEntry[],
  tone: DocTable["tone"],
  reasonHeader: string,
  none: string,
  undetermined: string | null = null,
): DocBlock[] {
  return [
    { kind: "heading", level: 2, text: heading },
    undetermined !== null
      ? { kind: "paragraph", text: undetermined }
      : entries.length === 0
        ? { kind: "paragraph", text: none }
        : { kind: "table", table: listTable(entries, tone, reasonHeader) },
  ];
}

/** Why nobody can be named for 末位驻点 or 停滞 in this notice, if that is the case. */
function noComparison(notice: NoticeData, what: string): string | null {
  if (notice.previous !== null) return null;
  if (notice.previousMissing) return `上期记录缺失，本期不确定${what}。`;
  return `本期为首期通报，暂不确定${what}。`;
}

/** 二、红黑榜: 红榜, 黑榜, 末位驻点, 停滞. */
export function listSections(notice: NoticeData): DocBlock[] {
  const s = notice.settings;
  const redRule = `组内排名前${s.redTop}名且完成率不低于${formatThreshold(s.redMinRate)}`;
  const blackRule = `完成率低于${formatThreshold(s.blackBelowRate)}，或在${2 * s.blackTop}个以上单位参与排名的类别中排名后${s.blackTop}位，且未列入红榜`;
  return [
    ...listSection(`（一）红榜（${redRule}）`, notice.redList, "red", "入榜理由", "本期无单位列入红榜。"),
    ...listSection(
      `（二）黑榜（${blackRule}）`,
      notice.blackList,
      "black",
      "入榜理由",
      "本期无单位列入黑榜。",
    ),
    ...listSection(
      "（三）末位驻点（连续两期列入黑榜）",
      notice.stationed,
      "black",
      "理由",
      "本期无连续两期列入黑榜的单位。",
      noComparison(notice, "末位驻点单位"),
    ),
    ...listSection(
      "（四）停滞（已完成任务数较上期没有增加）",
      notice.stalled,
      "plain",
      "情况",
      "本期无停滞单位。",
      noComparison(notice, "停滞单位"),
    ),
  ];
}

/** 80% or 42.5%: a threshold from 设置 without a needless `.0`. */
export function formatThreshold(rate: number): string {
  const points = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(points) ? points.toFixed(0) : points.toFixed(1)}%`;
}
