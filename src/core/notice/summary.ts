/**
 * The summary paragraph of a notice (通报正文): written from the computed figures only, in the
 * register of an official notice. Nothing in it is invented: every figure and name comes from
 * `NoticeData`, and the same data always gives the same text.
 */
import { formatChineseDate, isoToDay } from "../date";
import { type NoticeData, formatRate } from "./compute";

/** Rate in tenths of a percentage point, rounded as `formatRate` shows it (0.714… → 714). */
function tenths(rate: number): number {
  return Math.round(rate * 1000);
}

/** `5.3` from 53 tenths. */
function points(t: number): string {
  return (Math.abs(t) / 10).toFixed(1);
}

/** `A、B和C` */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join("、")}和${names[names.length - 1]!}`;
}

function dateText(iso: string): string {
  const day = isoToDay(iso);
  return day === null ? iso : formatChineseDate(day);
}

/**
 * The change of the overall rate since the previous notice. Both rates are rounded to 0.1% as the
 * notices print them and the difference is taken of the printed figures, so a reader who subtracts
 * the two notices' figures gets the same number.
 */
function changeSentence(notice: NoticeData): string {
  // The history keeps roster units only, so compare on that basis (rows of unknown units excluded).
  const { previous, rosterTotals: totals } = notice;
  if (previous === null) return "本期为首次通报";
  const prevRate = previous.totals.completionRate;
  if (prevRate === null || totals.completionRate === null) return `第${previous.period}期无可比数据`;
  const diff = tenths(totals.completionRate) - tenths(prevRate);
  const base = `较第${previous.period}期（${formatRate(prevRate)}）`;
  if (diff > 0) return `${base}提高 ${points(diff)} 个百分点`;
  if (diff < 0) return `${base}下降 ${points(diff)} 个百分点`;
  return `与第${previous.period}期（${formatRate(prevRate)}）持平`;
}

/** `县市区中青山区、开发区中高新区和经开区（并列）` — each group's first. */
function bestSentence(notice: NoticeData): string | null {
  const parts: string[] = [];
  for (const { group, units } of notice.groups) {
    const first = units.filter((u) => u.rank === 1);
    if (first.length === 0) continue;
    const names = joinNames(first.map((u) => u.unit));
    parts.push(`${group}中${names}${first.length > 1 ? "（并列）" : ""}`);
  }
  if (parts.length === 0) return null;
  return `分类别看，${parts.join("，")}推进较快，位列本类别第一。`;
}

/**
 * The summary paragraph of the notice.
 *
 * @example buildNoticeSummary(notice)
 * // "截至2022年10月31日，全市各责任单位应完成基层党建工作重点任务 420 项、已完成 300 项，总体完成率 71.4%，
 * //  较第2期（66.1%）提高 5.3 个百分点。……"
 */
export function buildNoticeSummary(notice: NoticeData): string {
  const { totals } = notice;
  const sentences: string[] = [];
  const asOf = dateText(notice.asOf);
  const ranked = notice.groups.reduce((n, g) => n + g.units.length, 0);

  if (totals.assigned === 0 || totals.completionRate === null) {
    sentences.push(`截至${asOf}，各单位报送的台账中暂无基层党建工作重点任务，本期不作排名。`);
  } else {
    sentences.push(
      `截至${asOf}，全市各责任单位应完成基层党建工作重点任务 ${totals.assigned} 项、已完成 ${totals.completed} 项，` +
        `总体完成率 ${formatRate(totals.completionRate)}，${changeSentence(notice)}。`,
    );
    if (totals.completed === totals.assigned) {
      sentences.push("各项任务均已完成。");
    } else if (totals.overdue > 0) {
      const units = new Set(notice.overdueTasks.map((t) => t.unit)).size;
      const spread = units > 0 ? `，涉及 ${units} 个单位` : "";
      sentences.push(`目前仍有 ${totals.overdue} 项任务逾期未完成${spread}。`);
    } else {
      sentences.push("目前没有逾期未完成的任务。");
    }
    if (ranked > 0) {
      sentences.push(`本期共有 ${ranked} 个单位参与排名。`);
      const best = bestSentence(notice);
      if (best !== null) sentences.push(best);
    }
    if (notice.redList.length > 0) {
      sentences.push(`${joinNames(notice.redList.map((e) => e.unit))}列入本期红榜。`);
    }
    if (notice.blackList.length > 0) {
      sentences.push(`${joinNames(notice.blackList.map((e) => e.unit))}推进相对滞后，列入本期黑榜。`);
    } else {
      sentences.push("本期无单位列入黑榜。");
    }
  }

  if (notice.previous === null) {
    sentences.push("本期为首次通报，暂不确定末位驻点单位。");
  } else if (notice.stationed.length > 0) {
    const names = joinNames(notice.stationed.map((e) => e.unit));
    sentences.push(`${names}连续两期列入黑榜，确定为末位驻点单位。`);
  } else {
    sentences.push("本期无连续两期列入黑榜的单位，暂不确定末位驻点单位。");
  }
  if (notice.stalled.length > 0) {
    sentences.push(`${joinNames(notice.stalled.map((e) => e.unit))}已完成任务数较上期没有增加。`);
  }
  if (notice.notSubmitted.length > 0) {
    const names = joinNames(notice.notSubmitted.map((e) => e.unit));
    sentences.push(`${names}未报送台账，请抓紧报送。`);
  }
  if (totals.assigned > totals.completed) {
    sentences.push("请各单位对照本通报查找差距，对逾期和临期任务逐项明确措施、限时推进，确保按期保质完成。");
  }
  return sentences.join("");
}
