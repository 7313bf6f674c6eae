/**
 * The Chinese name of each issue code, as the validation report (附件3) shows it in its 问题 column
 * (SPEC §7): a clerk reads `日期无法识别`, not `invalid-date`. The code itself stays in the JSON.
 */
import type { IssueCode } from "../issue";

/**
 * `invalid-date` → `日期无法识别`.
 *
 * @example problemName("nonstandard-value") // "非标准写法"
 */
export function problemName(code: IssueCode): string {
  switch (code) {
    case "missing-column":
      return "缺少必填列";
    case "duplicate-column":
      return "列重复";
    case "unknown-column":
      return "无法识别的列";
    case "no-roster":
      return "缺少单位名册";
    case "required-missing":
      return "必填项为空";
    case "formula-error":
      return "公式错误";
    case "invalid-date":
      return "日期无法识别";
    case "invalid-number":
      return "数值无法识别";
    case "out-of-range":
      return "数值超出范围";
    case "invalid-enum":
      return "不是可选值";
    case "unknown-unit":
      return "责任单位不在名册中";
    case "nonstandard-value":
      return "非标准写法";
    case "ambiguous-percent":
      return "进度写法有歧义";
    case "status-progress-mismatch":
      return "状态与进度不符";
    case "done-date-missing":
      return "缺少完成时间";
    case "done-date-unexpected":
      return "未完成却填了完成时间";
    case "done-date-in-future":
      return "完成时间晚于统计截止日期";
    case "evidence-missing":
      return "已销号缺少佐证材料";
    case "duplicate-task":
      return "任务重复";
    case "blank-row":
      return "空行";
    case "score-missing":
      return "缺少得分";
    case "unit-missing-in-sheet":
      return "考核表缺少单位";
    case "duplicate-unit":
      return "单位重复";
    case "total-mismatch":
      return "合计与各项之和不符";
    case "weights-sum":
      return "权重合计不是100";
    case "bonus-capped":
      return "加分超过上限";
    case "evaluation-sheet-missing":
      return "缺少考核表";
    case "scoring-sheet-invalid":
      return "考核表无法计分";
    case "invalid-setting":
      return "设置有误";
    case "unknown-setting":
      return "无法识别的设置";
    case "invalid-roster":
      return "单位名册有误";
  }
}
