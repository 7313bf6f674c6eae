/**
 * Every word the CLI prints for people (SPEC §10): Chinese by default, English with `--lang en` or a
 * `LANG` starting with `en`. Each language is one object of the `CliWords` interface, so the compiler
 * checks that neither lacks a line. Data stays as it is in every language: units, sheets, files,
 * headers, statuses, grades (the offices' vocabulary). JSON `message`s and the sheets written stay
 * Chinese whatever the language (they are read by the offices).
 */
// Core's modules, not its barrel: every command loads these words (see load.ts).
import type { CollectEntry } from "../core/collect/collect";
import { describeOutcome } from "../core/collect/plan-collect";
import type { Language } from "../core/message";
import type { NoticeCoverage } from "../core/notice-workbook";
// The error class alone (not the reader's barrel, which brings `fflate`).
import { WorkbookReadError } from "../adapters/xlsx/read/errors";
import { oneLine } from "./io";

export type { Language };

/** Counts that many lines share. */
export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

/** A sheet's figures, as `validate` prints them. */
export interface SheetFigures extends Counts {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
}

/** What the CLI says, per language. */
export interface CliWords {
  readonly usage: string;
  unknownCommand(name: string): string;
  badLanguage(value: string): string;
  crashed(line: string): string;
  validationCrashed(line: string): string;
  // Arguments.
  optionNeedsValue(name: string): string;
  unknownOption(name: string): string;
  badAsOf(value: string): string;
  badPositiveInt(name: string, value: string): string;
  readonly needLedgerFiles: string;
  readonly needValidateFiles: string;
  readonly needOutXlsx: string;
  readonly outMustBeXlsx: string;
  readonly docxMustBeDocx: string;
  readonly categoryEmpty: string;
  categoryUnknown(category: string, known: readonly string[]): string;
  readonly needScoreFiles: string;
  readonly needOutDir: string;
  // Reading files.
  reading(file: string, index: number, total: number): string;
  readFailure(error: unknown): string;
  historyUnreadable(file: string, why: string): string;
  historyWithoutSheet(file: string, sheet: string): string;
  // Validation report.
  asOfLine(asOf: string): string;
  unreadableLine(file: string, error: string): string;
  fileCounts(file: string, counts: Counts): string;
  readonly noLedgerSheet: string;
  sheetLine(s: SheetFigures): string;
  severity(severity: "error" | "warning"): string;
  suggestion(text: string): string;
  totalLine(files: number, counts: Counts): string;
  moreIssues(sheet: string, more: number): string;
  countsText(counts: Counts): string;
  // Notice.
  generatingNotice(out: string): string;
  noticeGenerated(period: number, out: string): string;
  noticeTotals(assigned: number, completed: number, rate: string, overdue: number): string;
  listLine(
    list: "red" | "black" | "stationed" | "stalled" | "notSubmitted",
    units: readonly string[],
  ): string;
  readonly firstNoticeNobody: string;
  readonly noticeRefused: string;
  readonly nothingReadable: string;
  /** Fewer than half of the roster's units have a ledger in the run. */
  mostlyMissing(coverage: NoticeCoverage): string;
  // Scoring.
  scoreSheets(sheets: ReadonlyArray<{ sheet: string; weight: number; maxTotal: number }>): string;
  groupHeader(group: string | null, units: number, quota: number | null, good: number): string;
  readonly composite: string;
  issuesHeader(counts: Counts): string;
  readonly noEvaluationSheets: string;
  readonly scoreRefused: string;
  generatingSummary(out: string): string;
  summaryWritten(out: string): string;
  demoScoreSheets(sheets: ReadonlyArray<{ sheet: string; weight: number }>, counts: Counts): string;
  demoGroupGood(group: string | null, good: readonly string[], quota: number | null): string;
  demoSummary(written: boolean, out: string): string;
  // Feedback (退回修改).
  readonly needFeedbackOutDir: string;
  generatingFeedback(file: string): string;
  feedbackFailed(file: string, reason: string): string;
  feedbackUnreadable(file: string, error: string): string;
  feedbackClean(file: string): string;
  feedbackNotWritten(file: string, counts: Counts, reason: string): string;
  feedbackWritten(
    file: string,
    counts: Counts,
    marked: number,
    output: string,
    from: "xlsm" | "xls" | null,
  ): string;
  feedbackTotal(
    files: number,
    written: number,
    clean: number,
    unreadable: number,
    deadline: string | null,
  ): string;
  // Merge.
  readonly mergeNeedOut: string;
  readonly mergeNeedFiles: string;
  mergeEntry(e: MergeLine): string;
  mergeFigures(before: number, rowsIn: number, rowsOut: number, reported: number): string;
  mergeWritten(out: string, rows: number, files: number): string;
  // Template and split.
  readonly templateNeedOut: string;
  templateNoFiles(arg: string): string;
  readonly tasksNeedUnit: string;
  unitNotInRoster(file: string, unit: string): string;
  noLedgerIn(file: string): string;
  templateWritten(unit: string | null, out: string, prefilled: number | null): string;
  readonly splitNeedOutDir: string;
  readonly splitNeedOneFile: string;
  splitNoRoster(file: string): string;
  writing(target: string, index: number, total: number): string;
  splitFile(fileName: string, rows: number, unknownUnit: boolean): string;
  splitTotal(rows: number, units: number, unknownRows: number, outDir: string): string;
  // Demo.
  demoPeriod(period: number, files: number): string;
  demoTotal(counts: Counts): string;
  demoNoticeWritten(out: string, asOf: string): string;
  readonly demoHint: string;
  demoScoreHeader(file: string): string;
  readonly loopHeader: string;
  loopTemplate(file: string): string;
  loopMaster(master: string, tasks: number, sendDir: string, units: number, unknownRows: number): string;
  loopReturns(
    batch1: string,
    batch2: string,
    who: { xls: string; broken: string; twice: string; late: string },
  ): string;
  loopCollect(step: 1 | 2, target: string): string;
  loopMerged(files: number, withErrors: number): string;
  loopNotice(file: string): string;
  loopSame(same: boolean): string;
  readonly loopRefused: string;
}

/** One line of the merge report: 收集情况's line (file, unit, figures, what became of it); the
 * outcome's Chinese words are the sheet's (`describeOutcome`). */
export type MergeLine = Pick<CollectEntry, "file" | "unit" | "rows" | "errors" | "warnings" | "outcome">;

const SAVE_AS_EN = "save it as .xlsx (no password) in Excel or WPS";

const list = (units: readonly string[], none: string, sep: string) => (units.length ? units.join(sep) : none);
/** The first five names, and `more` when there are others. */
const firstNames = (units: readonly string[], sep: string, more: string) =>
  units.slice(0, 5).join(sep) + (units.length > 5 ? more : "");
const weight = (w: number) => Math.round(w * 1e6) / 1e6;
const mark = (errors: number) => (errors > 0 ? "✗" : "✓");

const ZH_LISTS = {
  red: "红榜",
  black: "黑榜",
  stationed: "末位驻点",
  stalled: "停滞",
  notSubmitted: "未报送",
} as const;

const ZH: CliWords = {
  usage: `用法：taizhang <命令> [参数] [--lang en]

命令：
  validate FILE… [--as-of YYYY-MM-DD] [--json]   校验台账
  notice FILE… --out OUT.xlsx [--as-of D] [--period N] [--history FILE] [--with-ledger] [--json]
                                                  校验、计算并生成通报工作簿
  feedback FILE… --out-dir DIR [--as-of D] [--json]
                                                  退回修改：为有问题的台账各生成一份标注批注的副本
                                                  “<原文件名>-退回修改.xlsx”，首张工作表为“退回修改说明”
  template --out FILE [--unit 单位] [--tasks 总台账.xlsx]
                                                  生成标准台账模板（可为某单位预填任务）
  split 总台账.xlsx --out-dir DIR                  按单位拆分为预填的台账，分发各单位
  merge FILE… --out 合并.xlsx [--json]             收集各单位报回的台账（.xlsx/.xls），合并为一个台账
  score FILE… [--out OUT.xlsx] [--json]           考核评分：汇总各考核表，计算综合得分、排名与等次
  demo                                            在自带样例上演示完整流程，结果写入 out/

--lang en（或环境变量 LANG 以 en 开头）：屏幕输出改为英文；JSON 和生成的工作表仍为中文。
退出码：0 完成且无错误；1 完成但发现校验错误；2 用法错误或文件无法读取。
`,
  unknownCommand: (name) => `未知命令“${name}”`,
  badLanguage: (v) => `--lang 应为 zh 或 en，收到“${v}”`,
  crashed: (line) => `运行出错：${line}`,
  validationCrashed: (line) => `校验时出错：${line}`,
  optionNeedsValue: (name) => `选项 --${name} 需要一个值`,
  unknownOption: (name) => `未知选项 --${name}`,
  badAsOf: (v) => `--as-of 应为 YYYY-MM-DD 格式的日期，收到“${v}”`,
  badPositiveInt: (name, v) => `--${name} 应为正整数，收到“${v}”`,
  needLedgerFiles: "请指定各单位报送的台账文件",
  needValidateFiles: "请指定要校验的 .xlsx 文件",
  needOutXlsx: "请用 --out 指定输出的通报工作簿，如 --out 通报.xlsx",
  outMustBeXlsx: "--out 应为 .xlsx 文件",
  docxMustBeDocx: "--docx 应为 .docx 文件",
  categoryEmpty: "--category 需要至少一个任务类别，如 --category 巡察整改",
  categoryUnknown: (c, known) => `--category 中的“${c}”不是任务类别（可选：${known.join("、")}）`,
  needScoreFiles: "请指定考核评分工作簿，如 taizhang score 考核评分.xlsx",
  needOutDir: "请用 --out-dir 指定输出文件夹",
  reading: (file, i, n) => `正在读取 ${file}（${i}/${n}）…`,
  readFailure: (error) => {
    if (error instanceof WorkbookReadError) return error.message;
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") return "文件不存在";
    if (code === "EISDIR") return "这是一个文件夹，不是 .xlsx 文件";
    if (code === "EACCES" || code === "EPERM") return "没有读取该文件的权限";
    return `无法读取：${oneLine(error)}`;
  },
  historyUnreadable: (file, why) => `无法读取历史文件 ${file}：${why}`,
  historyWithoutSheet: (file, sheet) => `历史文件 ${file} 中没有“${sheet}”工作表`,
  asOfLine: (asOf) => `统计截止日期：${asOf}`,
  unreadableLine: (file, error) => `✗ ${file}：无法读取（${error}）`,
  fileCounts: (file, c) => `${mark(c.errors)} ${file}：${c.errors} 个错误，${c.warnings} 个警告`,
  noLedgerSheet: "  未找到台账工作表（表头至少应有 6 个标准列名）",
  sheetLine: (s) =>
    `  工作表“${s.sheet}”：表头在第 ${s.headerRow} 行，数据 ${s.rows} 行，${s.errors} 个错误，${s.warnings} 个警告`,
  severity: (s) => (s === "error" ? "错误" : "警告"),
  suggestion: (text) => `（建议：${text}）`,
  totalLine: (files, c) => `合计：${files} 个文件，${c.errors} 个错误，${c.warnings} 个警告`,
  moreIssues: (sheet, more) =>
    `……工作表“${sheet}”另有 ${more} 个问题未列出（全部问题见 --json 输出或通报附件3）`,
  countsText: (c) => `${c.errors} 个错误，${c.warnings} 个警告`,
  generatingNotice: (out) => `正在生成通报 ${out} …`,
  noticeGenerated: (period, out) => `已生成第${period}期通报：${out}`,
  noticeTotals: (assigned, completed, rate, overdue) =>
    `任务 ${assigned} 项，已完成 ${completed} 项，完成率 ${rate}，逾期 ${overdue} 项`,
  listLine: (which, units) => `${ZH_LISTS[which]}：${list(units, "无", "、")}`,
  firstNoticeNobody: "末位驻点：首次通报，暂不确定",
  noticeRefused: "“设置”或“单位名册”有误，为免误判，未生成通报；请更正后重试",
  nothingReadable: "没有可以读取的台账文件，未生成通报",
  mostlyMissing: (c) =>
    `注意：单位名册共 ${c.rosterUnits} 个单位，只读到 ${c.present} 个单位的台账；其余 ${c.notSubmitted.length} 个单位（${firstNames(c.notSubmitted, "、", "等")}）在通报中列为未报送。如有漏报文件，请补齐后重新生成`,
  scoreSheets: (sheets) =>
    `考核表：${sheets.map((s) => `${s.sheet}（权重 ${weight(s.weight)}%，满分 ${s.maxTotal}）`).join("、")}`,
  groupHeader: (group, units, quota, good) =>
    `【${group ?? "全部单位"}】${units} 个单位${quota === null ? "" : `，好等次名额 ${quota} 个`}，评为好 ${good} 个`,
  composite: "综合",
  issuesHeader: (c) => `问题：${c.errors} 个错误，${c.warnings} 个警告`,
  noEvaluationSheets:
    "未找到考核表：考核表应有“单位”列，指标列的表头写明满分（如“组织建设（20分）”）或表头下一行为“分值”行",
  scoreRefused: "设置、单位名册或考核表有误，为免误判，未生成考核汇总；请更正后重试",
  generatingSummary: (out) => `正在生成考核汇总 ${out} …`,
  summaryWritten: (out) => `已生成考核汇总：${out}`,
  demoScoreSheets: (sheets, c) =>
    `  考核表：${sheets.map((s) => `${s.sheet} ${s.weight}%`).join("、")}；${c.errors} 个错误，${c.warnings} 个警告`,
  demoGroupGood: (group, good, quota) =>
    `    ${group ?? "全部单位"}：好 ${list(good, "无", "、")}${quota === null ? "" : `（名额 ${quota} 个）`}`,
  demoSummary: (written, out) => (written ? `  → 已生成 ${out}` : "  → 设置或考核表有误，未生成考核汇总"),
  needFeedbackOutDir: "请用 --out-dir 指定退回件的输出文件夹，如 --out-dir 退回修改",
  generatingFeedback: (file) => `正在生成 ${file} 的退回件…`,
  feedbackFailed: (file, reason) => `${file}: 未能生成退回件：${reason}`,
  feedbackUnreadable: (file, error) => `✗ ${file}：无法读取（${error}），未生成退回件`,
  feedbackClean: (file) => `✓ ${file}：未发现问题，无需退回，未生成退回件`,
  feedbackNotWritten: (file, c, reason) =>
    `✗ ${file}：${c.errors} 个错误，${c.warnings} 个警告；未能生成退回件（${reason}）`,
  feedbackWritten: (file, c, marked, output, from) =>
    `${c.errors > 0 ? "✗" : "!"} ${file}：${c.errors} 个错误，${c.warnings} 个警告，标注 ${marked} 个单元格 → ${output}${from === "xlsm" ? "（含宏，保持 .xlsm）" : from === "xls" ? "（原文件为 .xls，退回件为 .xlsx）" : ""}`,
  feedbackTotal: (files, written, clean, unreadable, deadline) =>
    `合计：${files} 个文件，生成退回件 ${written} 份，无问题 ${clean} 份${unreadable ? `，无法处理 ${unreadable} 份` : ""}。` +
    (written > 0 && deadline !== null ? `退回件要求各单位于${deadline}前修改后重新报送。` : ""),
  mergeNeedOut: "merge 需要 --out 输出文件，例如 --out 合并台账.xlsx",
  mergeNeedFiles: "merge 需要至少一个报回的台账文件",
  mergeEntry: (e) => {
    const m = e.outcome.kind === "merged" ? mark(e.errors) : "·";
    const counts =
      e.outcome.kind === "unreadable"
        ? ""
        : `：${e.unit ?? "单位未识别"}，${e.rows} 行，${e.errors} 个错误，${e.warnings} 个警告`;
    return `${m} ${e.file}${counts} — ${describeOutcome(e.outcome)}`;
  },
  mergeFigures: (before, rowsIn, rowsOut, reported) =>
    `${before > 0 ? `原有 ${before} 行 + ` : ""}读入 ${rowsIn} 行 = 合并台账 ${rowsOut} 行 + 未合并 ${reported} 行（重复报送，见收集情况）`,
  mergeWritten: (out, rows, files) => `已写入 ${out}（合并台账 ${rows} 行，收集情况 ${files} 个文件）`,
  templateNeedOut: "template 需要 --out 输出文件，例如 --out 重点任务台账.xlsx",
  templateNoFiles: (arg) => `template 不接受文件参数“${arg}”`,
  tasksNeedUnit: "--tasks 需要同时用 --unit 指定单位；为每个单位生成请用 split",
  unitNotInRoster: (file, unit) => `${file} 的单位名册中没有“${unit}”`,
  noLedgerIn: (file) => `${file}: 没有找到台账工作表（表头应含任务编号、重点任务、责任单位等列）`,
  templateWritten: (unit, out, prefilled) =>
    `已生成${unit ? `${unit}的` : "空白"}标准台账 ${out}${
      prefilled !== null ? `（预填 ${prefilled} 项任务，任务编号、类别、重点任务、完成时限已锁定）` : ""
    }`,
  splitNeedOutDir: "split 需要 --out-dir 输出文件夹",
  splitNeedOneFile: "split 需要且只需要一个总台账文件",
  splitNoRoster: (file) => `${file} 没有单位名册，按台账中出现的单位名称拆分`,
  writing: (target, i, n) => `正在写入 ${target}（${i}/${n}）…`,
  splitFile: (fileName, rows, unknownUnit) =>
    `  ${fileName}：${rows} 项任务${unknownUnit ? "（责任单位为空或不在单位名册中，请核实）" : ""}`,
  splitTotal: (rows, units, unknownRows, outDir) =>
    `已拆分 ${rows} 项任务到 ${units} 个单位的台账${
      unknownRows > 0 ? `，另有 ${unknownRows} 项责任单位无法识别，见 未识别单位-重点任务台账.xlsx` : ""
    }（${outDir}）`,
  demoPeriod: (period, files) => `【第${period}期】校验 seeds/period-${period} 中的 ${files} 份台账`,
  demoTotal: (c) =>
    `  合计 ${c.errors} 个错误，${c.warnings} 个警告（警告多为“完成”“进行中”、单位简称等非规范写法，已按规范值处理）`,
  demoNoticeWritten: (out, asOf) => `  → 已生成 ${out}（统计截至 ${asOf}）`,
  demoHint:
    "打开 out/通报-第2期.xlsx 的《通报（第2期）》工作表查看通报正文，附件3 查看全部校验问题；out/通报-第2期.docx 是 Word 版。",
  demoScoreHeader: (file) => `【年终考核】评分 ${file}`,
  loopHeader: "【收发循环】下发模板 → 各单位填报报回 → 收集合并 → 生成通报",
  loopTemplate: (file) => `  1. 标准台账：${file}（下拉选项取自隐藏的“选项”表，日期、进度有校验，表头冻结）`,
  loopMaster: (master, tasks, sendDir, units, unknownRows) =>
    `  2. 总台账 ${master}：${tasks} 项任务；按单位拆分到 ${sendDir}，` +
    `${units} 个单位各一份（预填任务，任务编号、类别、重点任务、完成时限已锁定）` +
    `${unknownRows > 0 ? `，${unknownRows} 项责任单位无法识别，另存“未识别单位”` : ""}`,
  loopReturns: (b1, b2, who) =>
    `  3. 报回：${b1}（${who.xls}报回旧版 .xls；${who.broken}的文件已损坏；${who.twice}报送了两次），` +
    `${b2}（${who.late}逾期补报；${who.broken}重发）`,
  loopCollect: (step, target) => `  ${step === 1 ? "4. 收集第一批" : "5. 补报后重新收集"}：${target}`,
  loopMerged: (files, withErrors) =>
    `其余 ${files} 个文件已合并（其中 ${withErrors} 个有填报错误，列入通报附件3）`,
  loopNotice: (file) => `  6. 由合并台账生成通报：${file}`,
  loopSame: (same) => `与直接汇总各单位台账所得的通报${same ? "数字完全一致" : "数字不一致（请检查）"}`,
  loopRefused: "合并台账的设置或单位名册有误，未生成通报",
};

const EN_LISTS = {
  red: "Red list",
  black: "Black list",
  stationed: "On-site visits",
  stalled: "Stalled",
  notSubmitted: "Not submitted",
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const countsEn = (c: Counts) => `${plural(c.errors, "error")}, ${plural(c.warnings, "warning")}`;

/** Why a file cannot be read, in English, from the reader's code and detail (never its Chinese message). */
function readFailureEn(error: unknown): string {
  if (error instanceof WorkbookReadError) {
    const d = error.detail;
    switch (error.reason) {
      case "not-xlsx":
        switch (d.format) {
          case "empty":
            return "the file is empty, not a workbook; get the file again";
          case "compound":
            return `not an Excel workbook (perhaps a WPS .et or another program's file); ${SAVE_AS_EN}`;
          case "text":
            return `a text (CSV) file, not a workbook; ${SAVE_AS_EN}`;
          case "html":
            return `a web page (HTML), not a real workbook; ${SAVE_AS_EN}`;
          case "xml2003":
            return `an Excel 2003 XML spreadsheet, not supported; ${SAVE_AS_EN}`;
          default:
            return `not an .xlsx workbook (unrecognised format); ${SAVE_AS_EN}`;
        }
      case "xls":
        return `an old-format .xls workbook, not supported here; ${SAVE_AS_EN}`;
      case "encrypted":
        return `the file is encrypted (it has a password) and cannot be read; ${SAVE_AS_EN}`;
      case "truncated":
        return "the file is incomplete (the ZIP package is cut short); get the file again";
      case "too-large":
        return "the file is too large once unpacked; refused";
      case "corrupt":
        return d.part !== undefined ? `the file is damaged (${d.part})` : "the file is damaged";
      case "beyond-limits":
        return `${
          d.cell !== undefined ? `cell ${d.cell}` : d.row !== undefined ? `row ${d.row}` : "a cell"
        } lies beyond Excel's limits (1,048,576 rows, 16,384 columns up to XFD); the file cannot be read`;
    }
  }
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "this is a folder, not an .xlsx file";
  if (code === "EACCES" || code === "EPERM") return "no permission to read the file";
  // An error from elsewhere (a library, the system): its own line when it carries no Chinese.
  const line = oneLine(error);
  return /[\u3400-\u9fff]/.test(line) ? "the file cannot be read" : `cannot be read: ${line}`;
}

function outcomeEn(o: MergeLine["outcome"]): string {
  const why = {
    "later-date": "later filing date",
    "later-order": "returned later",
    "same-content": "same content",
  };
  switch (o.kind) {
    case "merged":
      return "merged";
    case "unreadable":
      return `cannot be read: ${o.reason}`;
    case "no-ledger":
      return "no ledger sheet";
    case "superseded":
      return `returned twice: ${o.by} wins (${why[o.why]}); this file is not merged`;
    case "already-collected":
      return `already collected: same content as ${o.as}, not added again`;
    case "recorded":
      return "as recorded in 收集情况";
  }
}

const EN: CliWords = {
  usage: `Usage: taizhang <command> [options] [--lang en]

Commands:
  validate FILE… [--as-of YYYY-MM-DD] [--json]   validate ledgers
  notice FILE… --out OUT.xlsx [--as-of D] [--period N] [--history FILE] [--with-ledger] [--json]
                                                  validate, compute and write the notice workbook
  feedback FILE… --out-dir DIR [--as-of D] [--json]
                                                  returns for correction: an annotated copy of each
                                                  ledger with issues, "<name>-退回修改.xlsx"
  template --out FILE [--unit UNIT] [--tasks MASTER.xlsx]
                                                  write the standard ledger template (pre-filled for a unit)
  split MASTER.xlsx --out-dir DIR                 one pre-filled ledger per unit, to send out
  merge FILE… --out MERGED.xlsx [--json]          collect the returned ledgers (.xlsx/.xls) into one
  score FILE… [--out OUT.xlsx] [--json]           evaluation scoring: composite scores, ranks and grades
  demo                                            the whole loop on the bundled sample, written to out/

--lang en (or a LANG starting with en): English on screen; JSON and the sheets written stay Chinese.
Exit codes: 0 done, no errors; 1 done, validation errors found; 2 usage error or unreadable file.
`,
  unknownCommand: (name) => `unknown command "${name}"`,
  badLanguage: (v) => `--lang must be zh or en, got "${v}"`,
  crashed: (line) => `failed: ${line}`,
  validationCrashed: (line) => `validation failed: ${line}`,
  optionNeedsValue: (name) => `option --${name} needs a value`,
  unknownOption: (name) => `unknown option --${name}`,
  badAsOf: (v) => `--as-of must be a date written YYYY-MM-DD, got "${v}"`,
  badPositiveInt: (name, v) => `--${name} must be a positive integer, got "${v}"`,
  needLedgerFiles: "name the ledger files the units returned",
  needValidateFiles: "name the .xlsx files to validate",
  needOutXlsx: "name the notice workbook to write with --out, e.g. --out notice.xlsx",
  outMustBeXlsx: "--out must be an .xlsx file",
  docxMustBeDocx: "--docx must be a .docx file",
  categoryEmpty: "--category needs at least one 任务类别, e.g. --category 巡察整改",
  categoryUnknown: (c, known) => `--category: "${c}" is not a 任务类别 (one of: ${known.join(", ")})`,
  needScoreFiles: "name the evaluation workbook(s), e.g. taizhang score scores.xlsx",
  needOutDir: "name the output folder with --out-dir",
  reading: (file, i, n) => `Reading ${file} (${i}/${n})…`,
  readFailure: readFailureEn,
  historyUnreadable: (file, why) => `cannot read the history file ${file}: ${why}`,
  historyWithoutSheet: (file, sheet) => `the history file ${file} has no sheet "${sheet}"`,
  asOfLine: (asOf) => `As of: ${asOf}`,
  unreadableLine: (file, error) => `✗ ${file}: cannot be read (${error})`,
  fileCounts: (file, c) => `${mark(c.errors)} ${file}: ${countsEn(c)}`,
  noLedgerSheet: "  No ledger sheet found (a header row needs at least 6 standard column names)",
  sheetLine: (s) =>
    `  Sheet "${s.sheet}": header in row ${s.headerRow}, ${plural(s.rows, "data row")}, ${countsEn(s)}`,
  severity: (s) => (s === "error" ? "error" : "warning"),
  suggestion: (text) => ` (suggestion: ${text})`,
  totalLine: (files, c) => `Total: ${plural(files, "file")}, ${countsEn(c)}`,
  moreIssues: (sheet, more) =>
    `…${plural(more, "more issue")} in sheet "${sheet}" not listed (all are in the --json output and the notice's attachment 3)`,
  countsText: countsEn,
  generatingNotice: (out) => `Writing the notice ${out}…`,
  noticeGenerated: (period, out) => `Notice no. ${period} written: ${out}`,
  noticeTotals: (assigned, completed, rate, overdue) =>
    `${plural(assigned, "task")}, ${completed} completed, completion rate ${rate}, ${overdue} overdue`,
  listLine: (which, units) => `${EN_LISTS[which]}: ${list(units, "none", ", ")}`,
  firstNoticeNobody: "On-site visits: first notice, nobody yet",
  nothingReadable: "no ledger file could be read: no notice written",
  mostlyMissing: (c) =>
    `note: the roster (单位名册) has ${plural(c.rosterUnits, "unit")} and ledgers of only ${c.present} were read; the other ${c.notSubmitted.length} (${firstNames(c.notSubmitted, ", ", ", …")}) are listed as not submitted. If files were left out, add them and run again`,
  noticeRefused:
    "设置 or 单位名册 has errors: no notice was written, to avoid a wrong verdict; correct them and retry",
  scoreSheets: (sheets) =>
    `Evaluation sheets: ${sheets.map((s) => `${s.sheet} (weight ${weight(s.weight)}%, max ${s.maxTotal})`).join(", ")}`,
  groupHeader: (group, units, quota, good) =>
    `[${group ?? "all units"}] ${plural(units, "unit")}${quota === null ? "" : `, quota for 好: ${quota}`}, graded 好: ${good}`,
  composite: "composite",
  issuesHeader: (c) => `Issues: ${countsEn(c)}`,
  noEvaluationSheets:
    "No evaluation sheet found: it needs a 单位 column and indicator headers stating their maximum (e.g. 组织建设（20分）) or a 分值 row under the header",
  scoreRefused:
    "设置, 单位名册 or an evaluation sheet has errors: no 考核汇总 was written, to avoid a wrong verdict; correct them and retry",
  generatingSummary: (out) => `Writing the assessment summary ${out}…`,
  summaryWritten: (out) => `Assessment summary written: ${out}`,
  demoScoreSheets: (sheets, c) =>
    `  Evaluation sheets: ${sheets.map((s) => `${s.sheet} ${s.weight}%`).join(", ")}; ${countsEn(c)}`,
  demoGroupGood: (group, good, quota) =>
    `    ${group ?? "all units"}: 好 ${list(good, "none", ", ")}${quota === null ? "" : ` (quota ${quota})`}`,
  demoSummary: (written, out) =>
    written ? `  → written ${out}` : "  → 设置 or an evaluation sheet has errors: no 考核汇总 written",
  needFeedbackOutDir: "name the folder for the annotated copies with --out-dir, e.g. --out-dir returns",
  generatingFeedback: (file) => `Writing the annotated copy of ${file}…`,
  feedbackFailed: (file, reason) => `${file}: the annotated copy could not be written: ${reason}`,
  feedbackUnreadable: (file, error) => `✗ ${file}: cannot be read (${error}); no copy written`,
  feedbackClean: (file) => `✓ ${file}: no issues, nothing to return, no copy written`,
  feedbackNotWritten: (file, c, reason) =>
    `✗ ${file}: ${countsEn(c)}; the copy could not be written (${reason})`,
  feedbackWritten: (file, c, marked, output, from) =>
    `${c.errors > 0 ? "✗" : "!"} ${file}: ${countsEn(c)}, ${plural(marked, "cell")} marked → ${output}${from === "xlsm" ? " (macros kept: .xlsm)" : from === "xls" ? " (the original is .xls; the copy is .xlsx)" : ""}`,
  feedbackTotal: (files, written, clean, unreadable, deadline) =>
    `Total: ${plural(files, "file")}, ${plural(written, "copy", "copies")} written, ${clean} without issues${
      unreadable ? `, ${unreadable} could not be processed` : ""
    }.` +
    (written > 0 && deadline !== null
      ? ` The copies ask each unit to correct and return by ${deadline}.`
      : ""),
  mergeNeedOut: "merge needs --out, e.g. --out merged.xlsx",
  mergeNeedFiles: "merge needs at least one returned ledger file",
  mergeEntry: (e) => {
    const m = e.outcome.kind === "merged" ? mark(e.errors) : "·";
    const counts =
      e.outcome.kind === "unreadable"
        ? ""
        : `: ${e.unit ?? "unit not identified"}, ${plural(e.rows, "row")}, ${countsEn(e)}`;
    return `${m} ${e.file}${counts} — ${outcomeEn(e.outcome)}`;
  },
  mergeFigures: (before, rowsIn, rowsOut, reported) =>
    `${before > 0 ? `${before} rows already there + ` : ""}${rowsIn} rows read = ${rowsOut} in 合并台账 + ${reported} not merged (returned twice, see 收集情况)`,
  mergeWritten: (out, rows, files) =>
    `Written ${out} (合并台账: ${plural(rows, "row")}; 收集情况: ${plural(files, "file")})`,
  templateNeedOut: "template needs --out, e.g. --out ledger.xlsx",
  templateNoFiles: (arg) => `template takes no file argument ("${arg}")`,
  tasksNeedUnit: "--tasks needs --unit too; to write one per unit, use split",
  unitNotInRoster: (file, unit) => `the roster (单位名册) of ${file} has no "${unit}"`,
  noLedgerIn: (file) =>
    `${file}: no ledger sheet found (its header needs 任务编号, 重点任务, 责任单位 and the like)`,
  templateWritten: (unit, out, prefilled) =>
    `Standard ledger ${unit ? `for ${unit}` : "(blank)"} written: ${out}${
      prefilled !== null
        ? ` (${plural(prefilled, "task")} pre-filled; 任务编号, 任务类别, 重点任务 and 完成时限 locked)`
        : ""
    }`,
  splitNeedOutDir: "split needs --out-dir",
  splitNeedOneFile: "split needs exactly one master ledger file",
  splitNoRoster: (file) => `${file} has no roster (单位名册): split by the unit names in the ledger`,
  writing: (target, i, n) => `Writing ${target} (${i}/${n})…`,
  splitFile: (fileName, rows, unknownUnit) =>
    `  ${fileName}: ${plural(rows, "task")}${unknownUnit ? " (unit empty or not in the roster: please check)" : ""}`,
  splitTotal: (rows, units, unknownRows, outDir) =>
    `Split ${plural(rows, "task")} into the ledgers of ${plural(units, "unit")}${
      unknownRows > 0 ? `; ${unknownRows} with an unidentified unit are in 未识别单位-重点任务台账.xlsx` : ""
    } (${outDir})`,
  demoPeriod: (period, files) =>
    `[Period ${period}] validating ${plural(files, "ledger")} in seeds/period-${period}`,
  demoTotal: (c) =>
    `  Total ${countsEn(c)} (most warnings are nonstandard spellings such as 完成, 进行中 or short unit names, read as their standard values)`,
  demoNoticeWritten: (out, asOf) => `  → written ${out} (as of ${asOf})`,
  demoHint:
    "Open out/通报-第2期.xlsx: its first sheet is the notice, and attachment 3 lists every issue found; out/通报-第2期.docx is the Word version.",
  demoScoreHeader: (file) => `[Year-end assessment] scoring ${file}`,
  loopHeader: "[The email loop] send the template → units fill and return it → collect and merge → notice",
  loopTemplate: (file) =>
    `  1. Standard ledger: ${file} (drop-down lists from the hidden 选项 sheet, dates and progress checked, header frozen)`,
  loopMaster: (master, tasks, sendDir, units, unknownRows) =>
    `  2. Master ledger ${master}: ${plural(tasks, "task")}; split into ${sendDir}, one pre-filled workbook for each of ${plural(units, "unit")} (任务编号, 任务类别, 重点任务, 完成时限 locked)` +
    `${unknownRows > 0 ? `; ${unknownRows} with an unidentified unit saved apart` : ""}`,
  loopReturns: (b1, b2, who) =>
    `  3. Returns: ${b1} (${who.xls} returned an old .xls; ${who.broken}'s file is damaged; ${who.twice} returned twice), ` +
    `${b2} (${who.late} late; ${who.broken} resent)`,
  loopCollect: (step, target) =>
    `  ${step === 1 ? "4. Collecting the first batch" : "5. Collecting again after the late returns"}: ${target}`,
  loopMerged: (files, withErrors) =>
    `the other ${plural(files, "file")} merged (${withErrors} with errors, listed in the notice's attachment 3)`,
  loopNotice: (file) => `  6. Notice from the merged ledger: ${file}`,
  loopSame: (same) =>
    same
      ? "its figures equal those of the notice made from the units' own files"
      : "its figures differ from those of the notice made from the units' own files (check)",
  loopRefused: "the merged ledger's 设置 or 单位名册 has errors: no notice written",
};

/** The CLI's words in `language`. */
export function cliWords(language: Language): CliWords {
  return language === "en" ? EN : ZH;
}

/**
 * The language of the human output: `--lang` when given, else `LANG` (English when it starts with
 * `en`), else Chinese.
 */
export function cliLanguage(flag: string | undefined, env: string | undefined): Language {
  const tag = (flag ?? env ?? "").toLowerCase();
  return tag.startsWith("en") ? "en" : "zh";
}
