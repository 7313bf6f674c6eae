import type { Expectation, IssueData } from "../issue";
import { HISTORY_HEADERS } from "../history/history";
import { GRADES, GROUPS } from "../settings/table";

/** What was expected, in Chinese. */
export function expectationZh(expected: Expectation): string {
  switch (expected) {
    case "positive-integer":
      return "正整数";
    case "date":
      return "日期，如 2022-10-31";
    case "count":
      return "非负整数";
    case "rate":
      return "0–100%";
    case "ranking-method":
      return "中国式 或 竞争式";
    case "category-list":
      return "以“、”分隔的类别，不重复";
    case "grade-lines":
      return "三个递减的分数，如 90、80、60";
    case "text":
      return "文字";
    case "non-negative-number":
      return "非负数";
    case "grade":
      return GRADES.join("、") + " 之一";
    case "ratio":
      return "0–100% 之间的比例，如 30%";
    case "listed-once":
      return "每张考核表只列一次";
    case "percent":
      return "0–100";
    case "roster-header":
      return "表头：单位名称、单位类别、别名";
    case "group":
      return GROUPS.join("、");
    case "history-header":
      return HISTORY_HEADERS.join("、");
  }
}

const show = (v: IssueData["value"]): string => (v === null ? "（空）" : `“${String(v)}”`);

/**
 * Chinese messages, rendered from the issue code (the compiler checks every code is covered).
 * Long by design: one exhaustive `switch` with a short case per issue code, no rule inside.
 */
export function messageZh(issue: IssueData): string {
  const { code, params: p, column, value } = issue;
  const col = column ?? "";
  switch (code) {
    case "missing-column":
      return `缺少必填列“${p.key}”，本表数据行未校验`;
    case "duplicate-column":
      return `列“${col}”重复出现（已使用 ${p.firstCell} 列），请删除多余的列`;
    case "unknown-column":
      return p.count !== undefined
        ? `从“${String(value)}”到“${p.lastValue ?? ""}”（${issue.cell ?? ""}–${p.lastCell ?? ""}）共 ${p.count} 列无法识别，不参与校验`
        : `无法识别的列“${String(value)}”，该列不参与校验`;
    case "no-roster":
      return "未找到“单位名册”工作表，责任单位名称未核对";
    case "required-missing":
      return `“${col}”不能为空`;
    case "formula-error":
      return `“${col}”为公式错误 ${show(value)}`;
    case "invalid-date":
      return `“${col}”${show(value)}不是有效日期，应填写如 2022-10-31 或 2022年10月31日`;
    case "invalid-number":
      return `“${col}”${show(value)}不是有效数字，应填写${
        p.expected !== undefined
          ? expectationZh(p.expected)
          : p.max !== undefined
            ? ` ${p.min ?? 0}–${p.max} 的数字`
            : " 0–100 的数字或百分比"
      }`;
    case "out-of-range":
      return `“${col}”${show(value)}超出范围，应在 ${p.min ?? 0}–${p.max ?? 100} 之间`;
    case "invalid-enum":
      return `“${col}”${show(value)}不是规定的选项`;
    case "unknown-unit":
      return `责任单位${show(value)}不在单位名册中`;
    case "nonstandard-value":
      return `“${col}”${show(value)}不是规范写法，已按“${p.resolved}”处理`;
    case "ambiguous-percent":
      return `完成进度${show(value)}按 ${p.resolved}% 处理，请确认并填写 0–100 的数字`;
    case "status-progress-mismatch":
      return p.status === "推进中"
        ? `推进状态为“推进中”，完成进度却为 100%`
        : p.status === "未启动"
          ? `推进状态为“未启动”，完成进度应为 0`
          : `推进状态为“${p.status}”，完成进度应为 100%`;
    case "done-date-missing":
      return `推进状态为“${p.status}”，须填写完成时间`;
    case "done-date-unexpected":
      return `推进状态为“${p.status}”，不应填写完成时间`;
    case "done-date-in-future":
      return `完成时间${show(value)}晚于统计截止日期`;
    case "evidence-missing":
      return "已销号任务须填写佐证材料";
    case "duplicate-task":
      return `任务编号${show(value)}与第 ${p.firstRow} 行重复（同一责任单位）`;
    case "blank-row":
      return p.firstRow === p.lastRow
        ? `第${p.firstRow}行为空行，请删除`
        : `第${p.firstRow}–${p.lastRow}行为空行，请删除`;
    case "score-missing":
      return `“${col}”得分为空，按 0 分计`;
    case "unit-missing-in-sheet":
      return `单位${show(value)}在本考核表中没有得分，按 0 分计`;
    case "duplicate-unit":
      return p.firstFile !== undefined
        ? `单位${show(value)}在“${p.firstFile}”的同名考核表中已有得分（第 ${p.firstRow} 行），本行不计分`
        : `单位${show(value)}重复出现（首次在第 ${p.firstRow} 行），本行不计分`;
    case "total-mismatch":
      return `合计${show(value)}与各项得分之和 ${p.resolved} 不符，已按重新计算的合计处理`;
    case "weights-sum":
      return `考核权重合计为 ${p.sum}，应为 100`;
    case "bonus-capped":
      return `加分合计 ${p.sum} 分，超过加分上限 ${p.limit} 分，按 ${p.limit} 分计`;
    case "evaluation-sheet-missing":
      return `考核权重中的考核表${show(value)}在工作簿中不存在`;
    case "scoring-sheet-invalid":
      return p.lacks === "maxima"
        ? `工作表“${issue.sheet}”没有指标满分：请在表头写明分值（如“组织建设（20分）”）或在表头下一行填写“分值”行`
        : p.lacks === "adjustment-columns"
          ? `工作表“${issue.sheet}”应有“单位”列和“加分”或“扣分”列`
          : `工作表“${issue.sheet}”没有“单位”或“单位名称”列`;
    case "invalid-setting":
      return `设置项“${p.key}”的值${show(value)}无效，应为${p.expected ? expectationZh(p.expected) : "有效值"}`;
    case "unknown-setting":
      return `无法识别的设置项${show(value)}，已忽略`;
    case "invalid-roster":
      return p.clash !== undefined
        ? `单位名册中${show(value)}与第 ${p.firstRow ?? "?"} 行的单位名称或别名重复`
        : `单位名册中${show(value)}无效，应为${p.expected ? expectationZh(p.expected) : "有效值"}`;
  }
}
