/**
 * The paragraphs of the notice (SPEC §7): 一、基本情况's summary, 三、存在问题 and 四、下步要求, written
 * from the figures only, in the register of an official notice. Nothing in them is invented: every
 * number and name comes from `NoticeData`, and the totals are the sums of the printed tables.
 * Chinese typesetting: no space between a number and Chinese (`925项`, `第1名`).
 */
import { type IsoDate, dayToIso, formatChineseDate, isoToDay } from "../date";
import type { NoticeData } from "./compute";
import type { DocBlock } from "../document";
import type { DocumentContext } from "./document";
import { formatRate } from "./reason";

/** `2022-10-31` → `2022年10月31日` */
export function chineseDate(iso: IsoDate): string {
  const day = isoToDay(iso);
  return day === null ? iso : formatChineseDate(day);
}

/** The date `days` after `iso`. */
export function daysAfter(iso: IsoDate, days: number): IsoDate {
  const day = isoToDay(iso);
  return day === null ? iso : dayToIso(day + days);
}

/** `A、B和C` */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join("、")}和${names[names.length - 1]!}`;
}

/** Rate in tenths of a percentage point, rounded as `formatRate` prints it (0.714… → 714). */
function tenths(rate: number): number {
  return Math.round(rate * 1000);
}

/**
 * The change of the overall rate since the previous notice of the same kind: the difference of the
 * two rates as printed (rounded to 0.1%), so a reader who subtracts the printed figures gets it.
 */
export function changeClause(notice: NoticeData): string {
  const { previous, rosterTotals: totals } = notice;
  if (previous === null) return notice.previousMissing ? "上期记录缺失，无法与上期比较" : "本期为首期通报";
  const prevRate = previous.totals.completionRate;
  if (prevRate === null || totals.completionRate === null) return `第${previous.period}期无可比数据`;
  const diff = tenths(totals.completionRate) - tenths(prevRate);
  const base = `较第${previous.period}期（${formatRate(prevRate)}）`;
  const points = (Math.abs(diff) / 10).toFixed(1);
  if (diff > 0) return `${base}提高${points}个百分点`;
  if (diff < 0) return `${base}下降${points}个百分点`;
  return `与第${previous.period}期（${formatRate(prevRate)}）持平`;
}

/** `县市区中青山区、开发区中高新区和经开区（并列）` — each group's first. */
function bestClause(notice: NoticeData): string | null {
  const parts = notice.groups.flatMap(({ group, units }) => {
    const first = units.filter((u) => u.rank === 1);
    if (first.length === 0) return [];
    return [`${group}中${joinNames(first.map((u) => u.unit))}${first.length > 1 ? "（并列）" : ""}`];
  });
  return parts.length === 0 ? null : `分类别看，${parts.join("，")}推进较快，位列本类别第一`;
}

/** What the tasks are: `基层党建工作重点任务` or `巡察整改任务`. */
function taskKind(notice: NoticeData): string {
  return notice.categories === null ? "基层党建工作重点任务" : `${notice.categories.join("、")}任务`;
}

/** 一、基本情况: the summary paragraph (the per-group tables follow it). */
export function describeSituation(notice: NoticeData): DocBlock[] {
  const t = notice.rosterTotals;
  const ranked = notice.groups.reduce((n, g) => n + g.units.length, 0);
  const s: string[] = [];
  if (t.assigned === 0 || t.completionRate === null) {
    s.push(
      `截至${chineseDate(notice.asOf)}，各单位报送的台账中暂无可统计的${taskKind(notice)}，本期不作排名。`,
    );
  } else {
    s.push(
      `截至${chineseDate(notice.asOf)}，${ranked}个单位台账共列${taskKind(notice)}${t.assigned}项，已完成${t.completed}项，` +
        `总体完成率${formatRate(t.completionRate)}，${changeClause(notice)}。`,
    );
    if (t.overdue > 0) {
      const units = new Set(notice.overdueTasks.map((x) => x.unit)).size;
      s.push(`已过完成时限仍未完成的任务${t.overdue}项，涉及${units}个单位。`);
    } else if (t.completed < t.assigned) {
      s.push("目前没有逾期未完成的任务。");
    } else {
      s.push("各项任务均已完成。");
    }
    const best = bestClause(notice);
    if (best !== null) s.push(`${best}。`);
    if (notice.blackList.length > 0)
      s.push(`${joinNames(notice.blackList.map((e) => e.unit))}推进相对滞后。`);
  }
  if (notice.unidentified.assigned > 0) {
    s.push(`另有${notice.unidentified.assigned}项任务责任单位无法识别，未计入各单位统计。`);
  }
  return [{ kind: "paragraph", text: s.join("") }];
}

/** `青山区5项、江南区2项` */
function perUnit(entries: ReadonlyArray<{ unit: string; n: number }>, measure: string): string {
  return entries.map((e) => `${e.unit}${e.n}${measure}`).join("、");
}

function countByUnit(units: readonly string[]): Array<{ unit: string; n: number }> {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  return [...counts].map(([unit, n]) => ({ unit, n }));
}

/** 三、存在问题: 未报送, overdue tasks per unit, ledger errors per unit; one line when none. */
export function describeProblems(notice: NoticeData): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lead = (i: number, text: string) => `${["（一）", "（二）", "（三）"][i]}${text}`;
  const missing = [...notice.notSubmitted.map((u) => u.unit)];
  const parts: string[] = [];
  if (missing.length > 0)
    parts.push(`${joinNames(missing)}共${missing.length}个单位截至统计日期未报送台账，未参与排名。`);
  if (notice.unchecked.length > 0)
    parts.push(`${joinNames(notice.unchecked.map((u) => u.unit))}台账格式不符，未能统计。`);
  if (parts.length > 0)
    blocks.push({ kind: "paragraph", lead: lead(blocks.length, "台账报送不及时。"), text: parts.join("") });
  if (notice.overdueTasks.length > 0) {
    const byUnit = countByUnit(notice.overdueTasks.map((t) => t.unit));
    blocks.push({
      kind: "paragraph",
      lead: lead(blocks.length, "部分任务逾期未完成。"),
      text: `${byUnit.length}个单位共有${notice.overdueTasks.length}项任务逾期未完成：${perUnit(byUnit, "项")}，清单见附件1。`,
    });
  }
  const errors = notice.quality.reduce((n, q) => n + q.errors, 0);
  if (errors + notice.unidentified.errors > 0) {
    const units =
      notice.quality.length > 0
        ? `${notice.quality.length}个单位的台账共有${errors}处填报错误：${perUnit(
            notice.quality.map((q) => ({ unit: q.unit, n: q.errors })),
            "处",
          )}`
        : "";
    const other =
      notice.unidentified.errors > 0
        ? `${units === "" ? "台账中" : "；另有"}${notice.unidentified.errors}处错误无法确定所属单位`
        : "";
    blocks.push({
      kind: "paragraph",
      lead: lead(blocks.length, "台账填报质量有待提高。"),
      text: `${units}${other}，具体位置和更正建议见附件3。`,
    });
  }
  return blocks.length > 0
    ? blocks
    : [{ kind: "paragraph", text: "本期各单位均按时报送台账，无逾期任务，台账未发现填报错误。" }];
}

/** 四、下步要求: numbered requirements from the figures; those with nothing to say are left out. */
export function describeRequirements(notice: NoticeData, context: DocumentContext): DocBlock[] {
  const items: string[] = [];
  const by = (days: number) => chineseDate(daysAfter(context.documentDate, days));
  if (notice.stationed.length > 0) {
    items.push(
      `${joinNames(notice.stationed.map((e) => e.unit))}连续两期列入黑榜，列为末位驻点单位，将派员驻点督导，帮助查找问题、推动整改。`,
    );
  }
  const missing = [...notice.notSubmitted, ...notice.unchecked].map((u) => u.unit);
  if (missing.length > 0) {
    items.push(
      `${joinNames(missing)}要在${context.resubmitDays}日内（${by(context.resubmitDays)}前）按标准台账格式补报。`,
    );
  }
  if (notice.overdueTasks.length > 0) {
    const days = notice.settings.dueSoonDays;
    items.push(
      `对附件1所列${notice.overdueTasks.length}项逾期任务，相关单位要逐项明确整改措施和责任人，于${by(days)}前完成整改并报告进展。`,
    );
  }
  if (notice.dueSoonTasks.length > 0) {
    const today = notice.dueSoonTasks.filter((t) => t.days === 0).length;
    const sameDay = today > 0 ? `（其中当日到期${today}项）` : "";
    items.push(
      `附件2所列${notice.dueSoonTasks.length}项任务将在${notice.settings.dueSoonDays}日内到期${sameDay}，相关单位要倒排工期，确保按期完成。`,
    );
  }
  const errorUnits = notice.quality.map((q) => q.unit);
  if (errorUnits.length > 0) {
    items.push(
      `${joinNames(errorUnits)}要对照附件3逐项更正台账填报错误，于${by(context.resubmitDays)}前重新报送。`,
    );
  }
  if (items.length === 0)
    return [
      { kind: "paragraph", text: "本期无需专门部署的整改事项，请各单位保持工作力度，按期完成各项任务。" },
    ];
  return items.map((text, i) => ({ kind: "paragraph", text: `${i + 1}. ${text}` }));
}
