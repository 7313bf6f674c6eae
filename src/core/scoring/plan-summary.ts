/**
 * The `考核汇总` sheet (SPEC §8) as a sheet plan: the title, the weights and grade lines stated
 * above the tables, then per group 排名, 单位, one column per evaluation sheet (normalised, one
 * decimal), 加减分, 综合得分 (two decimals), 等次 and 备注; A4 landscape, one page wide.
 */
import type { CellStyle, PlanCell, SheetPlan } from "../plan";
import { gradeReasonZh } from "../message/grade-reason";
import { RowBuilder, spanWidth } from "../plan/layout";
import { round6 } from "./layout";
import { SUMMARY_SHEET } from "./score";
import type { GradeReason, GroupScore, ScoringResult, UnitScore } from "./types";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const COLORS = { header: "DDEBF7", good: "E2EFDA", poor: "FDE2E2" } as const;

const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 18, hAlign: "center", vAlign: "middle" },
  note: { fontSize: 11, hAlign: "left", vAlign: "top", wrap: true },
  section: { bold: true, fontSize: 13, vAlign: "middle" },
  head: { bold: true, fill: COLORS.header, border: true, hAlign: "center", vAlign: "middle", wrap: true },
  rank: { border: true, hAlign: "center", vAlign: "middle" },
  unit: { border: true, hAlign: "left", vAlign: "middle", wrap: true },
  score: { border: true, hAlign: "center", vAlign: "middle", numFmt: "0.0" },
  adjust: { border: true, hAlign: "center", vAlign: "middle", numFmt: "+0.0#;-0.0#;0" },
  composite: { border: true, hAlign: "center", vAlign: "middle", numFmt: "0.00", bold: true },
  grade: { border: true, hAlign: "center", vAlign: "middle" },
  gradeGood: { border: true, hAlign: "center", vAlign: "middle", fill: COLORS.good, bold: true },
  gradePoor: { border: true, hAlign: "center", vAlign: "middle", fill: COLORS.poor },
  remark: { border: true, hAlign: "left", vAlign: "middle", wrap: true, fontSize: 10 },
};

/** `30%` from 30/100; `33.5%` from 67/200. */
function percentText(numerator: number, denominator: number): string {
  return `${Math.round((numerator / denominator) * 100 * 1e6) / 1e6}%`;
}

const num = (x: number) => String(round6(x));

/** The reasons the 备注 column states: veto, quota lowering, missing sheets, capped bonus. */
export function remarkReasons(unit: UnitScore): GradeReason[] {
  return unit.reasons.filter((r) => r.code !== "grade-lines" && r.code !== "quota-kept");
}

/** The lines stated above the tables: weights, grade lines, bonus cap, veto cap, quota. */
export function summaryPreamble(result: ScoringResult): string[] {
  const s = result.settings;
  const [good, fair, pass] = s.gradeThresholds;
  const weights = result.sheets.map((x) => `${x.sheet} ${num(x.weight)}%`).join("、");
  const lines = [
    `考核权重：${weights}。各考核表得分折算为百分制，综合得分 = Σ（各表得分 × 权重）+ 加分 − 扣分。`,
    `等次线：综合得分 ${num(good)} 分及以上为好，${num(fair)} 分及以上为较好，${num(pass)} 分及以上为一般，${num(pass)} 分以下为差。`,
  ];
  const limits = [`加分上限 ${num(s.bonusCap)} 分`, `列入一票否决的单位等次不高于“${s.vetoGrade}”`];
  if (s.goodQuota !== null) {
    limits.push(
      `好等次比例 ${percentText(s.goodQuota.numerator, s.goodQuota.denominator)}（各组好等次名额为单位数乘以该比例后取整，至少 1 个；名额边界上得分相同的单位一并评为好）`,
    );
  }
  lines.push(`${limits.join("；")}。`);
  return lines;
}

function groupHeading(index: number, group: GroupScore): string {
  const name = group.group ?? "全部单位";
  const quota = group.quota === null ? "" : `；好等次名额 ${group.quota} 个`;
  return `${NUMERALS[index] ?? String(index + 1)}、${name}（${group.units.length} 个单位${quota}；评为好等次 ${group.good} 个）`;
}

/**
 * Plans `考核汇总`.
 *
 * @example buildScoreSummaryPlan(scoreRun(inputs)).name // "考核汇总"
 */
export function buildScoreSummaryPlan(result: ScoringResult): SheetPlan {
  const widths = [8, 18, ...result.sheets.map(() => 14), 9, 10, 7, 34];
  /** The last column, 备注. */
  const last = widths.length - 1;
  const b = new RowBuilder();

  const full = (text: string, style: string) => {
    const row = b.add([{ value: text, style }]);
    b.merge(row, 0, last);
    b.fit(row, [{ text, width: spanWidth(widths, 0, last) }], style === "section" ? 13 : 11);
    return row;
  };
  const title = full("考核汇总", "title");
  b.height(title, 32);
  for (const line of summaryPreamble(result)) full(line, "note");

  result.groups.forEach((group, gi) => {
    b.add();
    full(groupHeading(gi, group), "section");
    const head: PlanCell[] = [
      { value: "排名", style: "head" },
      { value: "单位", style: "head" },
      ...result.sheets.map((s) => ({ value: `${s.sheet}\n（${num(s.weight)}%）`, style: "head" })),
      { value: "加减分", style: "head" },
      { value: "综合得分", style: "head" },
      { value: "等次", style: "head" },
      { value: "备注", style: "head" },
    ];
    const headRow = b.add(head);
    b.fit(
      headRow,
      head.map((c, i) => ({ text: String(c.value), width: widths[i] ?? 10 })),
    );
    for (const u of group.units) {
      const remark = remarkReasons(u).map(gradeReasonZh).join("；");
      const cells: PlanCell[] = [
        { value: u.tied ? `${u.rank}（并列）` : u.rank, style: "rank" },
        { value: u.unit, style: "unit" },
        ...result.sheets.map((s) => ({ value: round6(u.scores[s.sheet] ?? 0), style: "score" })),
        { value: round6(u.bonus - u.penalty), style: "adjust" },
        { value: round6(u.composite), style: "composite" },
        { value: u.grade, style: u.grade === "好" ? "gradeGood" : u.grade === "差" ? "gradePoor" : "grade" },
        { value: remark === "" ? null : remark, style: "remark" },
      ];
      const row = b.add(cells);
      b.fit(row, [
        { text: u.unit, width: widths[1]! },
        { text: remark, width: widths[last]! * 1.1 },
      ]);
    }
  });
  b.add();
  full(
    "注：排名按综合得分（保留 6 位小数比较）由高到低，得分相同者并列；表中得分保留 1 位小数，综合得分保留 2 位小数。",
    "note",
  );

  return {
    name: SUMMARY_SHEET,
    kind: "summary",
    rows: b.rows,
    styles: STYLES,
    merges: b.merges,
    columnWidths: widths,
    rowHeights: b.rowHeights,
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    },
  };
}
