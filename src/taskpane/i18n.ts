import type { Language } from "../core/message";

/** The task pane's words, Chinese first; English when Office's display language is not Chinese. */

const zh = {
  appTitle: "台账助手",
  tabValidate: "校验",
  tabNotice: "通报",
  tabScore: "考核",
  tabCollect: "收集/导出",
  tabSettings: "设置",
  validate: "校验台账",
  validating: "正在读取工作簿……",
  validatingRows: "正在读取：{sheet}，{done}/{total} 行",
  checking: "正在校验……",
  highlight: "标注问题单元格",
  highlighting: "正在标注……",
  clearHighlights: "清除标注",
  clearing: "正在清除标注……",
  highlighted: "已标注 {n} 个单元格（错误为红色，警告为黄色）。点击“清除标注”可恢复原来的格式。",
  cleared: "已恢复 {n} 个单元格原来的格式。",
  nothingToClear: "没有需要清除的标注。",
  missingSheets: "以下工作表已不存在，已跳过：{names}",
  asOf: "统计截止日期",
  summaryTitle: "校验结果",
  summary: "共 {sheets} 张台账、{rows} 行数据：错误 {errors} 个，警告 {warnings} 个。",
  noLedger: "未找到台账工作表：没有任何工作表的表头与标准台账相符（至少 6 个标准列名）。",
  noIssues: "全部通过，没有发现问题。",
  sheetLine: "表头第 {header} 行，{rows} 行数据",
  errors: "错误",
  warnings: "警告",
  errorCount: "错误 {n}",
  warningCount: "警告 {n}",
  goToCell: "定位到 {cell}",
  failed: "操作未完成",
  notice: "提示",
  moreIssues: "另有 {n} 个问题未显示，请先修正以上问题。",
  // 通报
  noticePeriod: "通报期数",
  asOfFromSettings: "默认取自“设置”的统计截止日期",
  asOfFromToday: "“设置”未填统计截止日期，默认为今天",
  periodFromSettings: "默认取自“设置”的通报期数",
  periodFromHistory: "通报记录中已有第 {periods} 期，默认为下一期",
  periodFirst: "尚无通报记录，默认为第 1 期",
  generate: "生成通报",
  loadingDefaults: "正在读取“设置”和通报记录……",
  computing: "正在校验并计算排名……",
  checkingSheets: "正在检查工作表……",
  writingSheet: "正在写入“{sheet}”……",
  invalidAsOf: "请填写有效的统计截止日期（如 2022-10-31）。",
  invalidPeriod: "通报期数应为正整数。",
  setupRefusedTitle: "未生成通报",
  setupRefused: "“设置”或“单位名册”有误。为免误判，请先更正以下单元格，然后重新生成。",
  confirmTitle: "替换已有的通报？",
  confirmText:
    "工作表“{sheet}”是之前生成的通报。替换后将按当前数据重新生成该期通报、“校验报告”和该期的通报记录；其他工作表不变。",
  confirmReplace: "替换",
  cancel: "取消",
  cancelled: "已取消，工作簿未作任何修改。",
  generated: "已生成“{sheet}”，并更新了“校验报告”和隐藏的“通报记录”。",
  noticeTotals:
    "第 {period} 期（统计截至 {asOf}）：任务 {assigned} 项，已完成 {completed} 项，完成率 {rate}，逾期 {overdue} 项。",
  rankingTitle: "组内排名",
  colRank: "排名",
  colUnit: "单位",
  colRate: "完成率",
  colDone: "已完成/任务数",
  tied: "并列",
  redList: "红榜",
  blackList: "黑榜",
  stationed: "末位驻点",
  stalled: "停滞",
  notSubmitted: "未报送",
  none: "无",
  firstNotice: "首次通报，暂不确定",
  noticeCounts:
    "逾期任务 {overdue} 项，临期任务 {dueSoon} 项；台账校验发现错误 {errors} 个、警告 {warnings} 个（详见“校验报告”）。",
  noRanked: "本期没有参与排名的单位。",
  // 设置
  reload: "重新读取",
  reading: "正在读取“设置”和“单位名册”……",
  settingsTitle: "设置",
  noSettingsSheet: "工作簿中没有“设置”工作表，下列为默认值。保存时将新建“设置”工作表（项目 | 值）。",
  defaultValue: "留空则用默认值：{value}",
  noDefault: "留空则不指定",
  inCell: "位于 {cell}",
  save: "保存",
  saving: "正在保存到“设置”工作表……",
  saved: "已保存 {n} 项到“设置”工作表。",
  nothingChanged: "没有修改，无需保存。",
  fixFirst: "请先更正标红的设置项，再保存。",
  settingsIssues: "“设置”中的问题",
  weightsTitle: "考核权重",
  rosterTitle: "单位名册",
  noRoster: "工作簿中没有“单位名册”工作表：校验时不核对责任单位名称，也无法分组排名。",
  rosterCount: "共 {n} 个单位",
  rosterIssues: "“单位名册”中的问题",
  unranked: "单位类别无效、不参与排名：{names}",
  // 考核、收集/导出
  plannedTitle: "后续版本提供",
  plannedScore:
    "考核评分将汇总“平时掌握情况”“日常督查检查”“年终专项考评”等考核表，按“设置”中的考核权重计算各单位综合得分、组内排名和等次（好、较好、一般、差），写入“考核汇总”工作表。任务窗格中暂未提供；现在可用命令行：taizhang score 考核评分.xlsx --out 考核汇总.xlsx。",
  plannedCollect:
    "收集：选择多个各单位回传的台账文件，合并为一张台账，每行注明来源文件。导出：把本期通报另存为单独的工作簿，便于邮件发送。任务窗格中暂未提供；现在可用命令行：taizhang merge 文件… --out 汇总.xlsx，taizhang notice 文件… --out 通报.xlsx。",
  // adapter errors, by code
  sheetNotOwned:
    "工作表“{sheet}”不是台账助手生成的，为避免覆盖您的数据，未作任何修改。请重命名或删除该工作表后重试。",
  sheetNotFound: "找不到工作表“{sheet}”，它可能已被重命名或删除。请重新读取。",
  sheetHidden: "工作表“{sheet}”已隐藏，无法定位到单元格。请先取消隐藏该工作表。",
  cellEditMode: "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，然后重试。",
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: "Ledger Assistant",
  tabValidate: "Validate",
  tabNotice: "Notice",
  tabScore: "Scoring",
  tabCollect: "Collect/Export",
  tabSettings: "Settings",
  validate: "Validate ledgers",
  validating: "Reading the workbook…",
  validatingRows: "Reading {sheet}: {done}/{total} rows",
  checking: "Validating…",
  highlight: "Highlight problem cells",
  highlighting: "Highlighting…",
  clearHighlights: "Clear highlights",
  clearing: "Clearing highlights…",
  highlighted:
    "Highlighted {n} cells (errors red, warnings yellow). Clear highlights restores the original formats.",
  cleared: "Restored the original formats of {n} cells.",
  nothingToClear: "There are no highlights to clear.",
  missingSheets: "These sheets no longer exist and were skipped: {names}",
  asOf: "As-of date",
  summaryTitle: "Result",
  summary: "{sheets} ledger sheets, {rows} data rows: {errors} errors, {warnings} warnings.",
  noLedger:
    "No ledger sheet found: no sheet has a header row matching the standard ledger (at least 6 known headers).",
  noIssues: "All checks passed.",
  sheetLine: "header in row {header}, {rows} data rows",
  errors: "Errors",
  warnings: "Warnings",
  errorCount: "{n} errors",
  warningCount: "{n} warnings",
  goToCell: "Go to {cell}",
  failed: "Not completed",
  notice: "Note",
  moreIssues: "{n} more issues are not shown; fix the ones above first.",
  noticePeriod: "Period",
  asOfFromSettings: "Default from the 设置 sheet",
  asOfFromToday: "设置 names no as-of date: today by default",
  periodFromSettings: "Default from the 设置 sheet",
  periodFromHistory: "The history holds period(s) {periods}: the next one by default",
  periodFirst: "No notice history yet: period 1 by default",
  generate: "Generate notice",
  loadingDefaults: "Reading the settings and the notice history…",
  computing: "Validating and ranking…",
  checkingSheets: "Checking the sheets…",
  writingSheet: "Writing {sheet}…",
  invalidAsOf: "Enter a valid as-of date (e.g. 2022-10-31).",
  invalidPeriod: "The period must be a positive whole number.",
  setupRefusedTitle: "No notice generated",
  setupRefused:
    "The 设置 or 单位名册 sheet has errors. To avoid a wrong ranking, fix these cells first, then generate again.",
  confirmTitle: "Replace the existing notice?",
  confirmText:
    "Sheet {sheet} is a notice generated earlier. Replacing it regenerates that period's notice, the validation report and that period's history rows from the current data; no other sheet changes.",
  confirmReplace: "Replace",
  cancel: "Cancel",
  cancelled: "Cancelled; the workbook was not changed.",
  generated: "Generated {sheet} and updated 校验报告 and the hidden 通报记录.",
  noticeTotals:
    "Period {period} (as of {asOf}): {assigned} tasks, {completed} completed, completion rate {rate}, {overdue} overdue.",
  rankingTitle: "Ranking by group",
  colRank: "Rank",
  colUnit: "Unit",
  colRate: "Rate",
  colDone: "Done/tasks",
  tied: "tie",
  redList: "Red list",
  blackList: "Black list",
  stationed: "On-site visits",
  stalled: "No progress",
  notSubmitted: "Not submitted",
  none: "none",
  firstNotice: "first notice, not determined yet",
  noticeCounts:
    "{overdue} overdue and {dueSoon} due-soon tasks; validation found {errors} errors and {warnings} warnings (see 校验报告).",
  noRanked: "No unit is ranked in this period.",
  reload: "Reload",
  reading: "Reading 设置 and 单位名册…",
  settingsTitle: "Settings",
  noSettingsSheet:
    "This workbook has no 设置 sheet; the defaults are shown. Saving creates the sheet (项目 | 值).",
  defaultValue: "Empty means the default: {value}",
  noDefault: "Empty means not set",
  inCell: "in {cell}",
  save: "Save",
  saving: "Saving to the 设置 sheet…",
  saved: "Saved {n} settings to the 设置 sheet.",
  nothingChanged: "Nothing changed; nothing to save.",
  fixFirst: "Fix the settings marked in red before saving.",
  settingsIssues: "Issues in 设置",
  weightsTitle: "Evaluation weights",
  rosterTitle: "Roster (单位名册)",
  noRoster:
    "This workbook has no 单位名册 sheet: unit names are not checked and units cannot be ranked by group.",
  rosterCount: "{n} units",
  rosterIssues: "Issues in 单位名册",
  unranked: "Invalid group, not ranked: {names}",
  plannedTitle: "Coming in a later version",
  plannedScore:
    "Scoring will combine the evaluation sheets (平时掌握情况, 日常督查检查, 年终专项考评, …) with the weights in 设置 into a composite score, a rank within the group and a grade per unit, written to a 考核汇总 sheet. The task pane does not offer it yet; use the CLI meanwhile: taizhang score 考核评分.xlsx --out 考核汇总.xlsx.",
  plannedCollect:
    "Collect: pick several returned ledger files and merge them into one ledger, each row keeping its source file. Export: save this period's notice as its own workbook for email. The task pane does not offer these yet; use the CLI meanwhile: taizhang merge FILES --out merged.xlsx, taizhang notice FILES --out notice.xlsx.",
  sheetNotOwned:
    "Sheet {sheet} was not created by Ledger Assistant; to protect your data nothing was changed. Rename or delete that sheet, then try again.",
  sheetNotFound: "Sheet {sheet} no longer exists (renamed or deleted?). Reload and try again.",
  sheetHidden: "Sheet {sheet} is hidden, so its cell cannot be selected. Unhide the sheet first.",
  cellEditMode: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
};

export type { Language };

/** Chinese for any `zh…` display language, English otherwise. */
export function languageFrom(displayLanguage: string | undefined): Language {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const table = language === "zh" ? zh : en;
  return (key, params = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
