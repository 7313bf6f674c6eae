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
  placeholderNotice:
    "通报生成（统计截止日期、期数、红黑榜、逾期清单、图表）将在核心通报模块接入后在此提供；目前请使用命令行 taizhang notice。",
  placeholderScore: "考核评分将在核心评分模块接入后在此提供；目前请使用命令行 taizhang score。",
  placeholderCollect:
    "收集回传的台账（选择多个文件）与导出通报为单独工作簿，将在核心合并模块接入后在此提供。",
  placeholderSettings: "设置编辑器将在此提供；目前请直接编辑工作簿中的“设置”工作表。",
  inProgress: "开发中",
  moreIssues: "另有 {n} 个问题未显示，请先修正以上问题。",
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
  placeholderNotice:
    "Notice generation (as-of date, period, red/black lists, overdue tasks, chart) arrives here once the core notice module is connected; use the CLI `taizhang notice` meanwhile.",
  placeholderScore:
    "Scoring arrives here once the core scoring module is connected; use the CLI `taizhang score` meanwhile.",
  placeholderCollect:
    "Collecting returned ledgers (pick several files) and exporting the notice as its own workbook arrive here once the core merge module is connected.",
  placeholderSettings: "A settings editor will be here; edit the 设置 sheet of the workbook meanwhile.",
  inProgress: "In progress",
  moreIssues: "{n} more issues are not shown; fix the ones above first.",
};

export type Language = "zh" | "en";

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
