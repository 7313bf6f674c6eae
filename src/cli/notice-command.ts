import path from "node:path";
import {
  type IssueData,
  type HistoryRecord,
  type NoticeData,
  type RunValidation,
  type WorkbookGrid,
  HISTORY_SHEET,
  countIssues,
  enumKey,
  splitList,
  formatRate,
  localizeIssue,
  planNoticeWorkbook,
  readWorkbookHistory,
} from "../core";
// The reading and writing sides only (not the adapter's barrel, which brings the patcher and the
// .xls reader): the modules a run loads are part of its time.
import { readWorkbookFile } from "../adapters/xlsx/node";
import { writeBytesFile, writeWorkbookFile } from "../adapters/xlsx/write";
import { asOfOption, parseArgs, positiveIntOption, stringOption } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError } from "./io";
import { writeJson } from "./json-out";
import { describeReadFailure, loadWorkbooks, validateLoaded } from "./load";
import { printValidation, validationJson } from "./validate-command";

/** The notice fields of `notice --json` (SPEC §10), after the validate fields. */
export function noticeJson(notice: NoticeData) {
  return {
    period: notice.period,
    ...(notice.categories ? { categories: notice.categories } : {}),
    totals: notice.totals,
    unidentified: {
      assigned: notice.unidentified.assigned,
      completed: notice.unidentified.completed,
      overdue: notice.unidentified.overdue,
      errors: notice.unidentified.errors,
    },
    units: notice.units.map((u) => ({
      unit: u.unit,
      group: u.group,
      assigned: u.assigned,
      completed: u.completed,
      closed: u.closed,
      overdue: u.overdue,
      completedLate: u.completedLate,
      completionRate: u.completionRate,
      onTimeRate: u.onTimeRate,
      avgProgress: u.avgProgress,
      rank: u.rank,
      rankChange: u.rankChange,
      errors: u.errors,
    })),
    redList: notice.redList.map((e) => e.unit),
    blackList: notice.blackList.map((e) => e.unit),
    stationed: notice.stationed.map((e) => e.unit),
    stalled: notice.stalled.map((e) => e.unit),
    notSubmitted: notice.notSubmitted.map((e) => e.unit),
    unchecked: notice.unchecked.map((e) => e.unit),
    overdueTasks: notice.overdueTasks.map((t) => ({
      unit: t.unit,
      taskId: t.taskId,
      task: t.task,
      deadline: t.deadline,
      daysOverdue: t.days,
      status: t.status,
      owner: t.owner,
    })),
  };
}

/** The previous notices: `--history FILE`, else a `通报记录` sheet among the inputs, else none. */
async function loadHistory(
  file: string | undefined,
  inputs: readonly WorkbookGrid[],
): Promise<HistoryRecord[]> {
  if (file === undefined) {
    for (const workbook of inputs) {
      const records = readWorkbookHistory(workbook);
      if (records) return records;
    }
    return [];
  }
  let workbook: WorkbookGrid;
  try {
    workbook = await readWorkbookFile(file);
  } catch (error) {
    throw new UsageError(`无法读取历史文件 ${file}：${describeReadFailure(error)}`);
  }
  const records = readWorkbookHistory(workbook);
  if (!records) throw new UsageError(`历史文件 ${file} 中没有“${HISTORY_SHEET}”工作表`);
  return records;
}

/** The notice in a few lines: totals and every list, for the terminal. */
export function noticeLines(notice: NoticeData): string[] {
  return [
    `任务 ${notice.totals.assigned} 项，已完成 ${notice.totals.completed} 项，完成率 ${formatRate(notice.totals.completionRate)}，逾期 ${notice.totals.overdue} 项`,
    `红榜：${notice.redList.map((e) => e.unit).join("、") || "无"}`,
    `黑榜：${notice.blackList.map((e) => e.unit).join("、") || "无"}`,
    `末位驻点：${notice.stationed.map((e) => e.unit).join("、") || (notice.previous ? "无" : "首次通报，暂不确定")}`,
    `停滞：${notice.stalled.map((e) => e.unit).join("、") || "无"}`,
    `未报送：${notice.notSubmitted.map((e) => e.unit).join("、") || "无"}`,
  ];
}

function printNotice(notice: NoticeData, out: string, io: CliIo): void {
  const lines = ["", `已生成第${notice.period}期通报：${out}`, ...noticeLines(notice).map((l) => `  ${l}`)];
  io.stdout(lines.join("\n") + "\n");
}

/** Builds and writes the notice workbook (and its Word version); returns the computed notice. */
export async function writeNotice(
  run: RunValidation,
  options: {
    out: string;
    period?: number | undefined;
    history: HistoryRecord[];
    withLedger: boolean;
    inputs: string[];
    today: string;
    categories?: readonly string[] | null;
    docx?: string | undefined;
  },
): Promise<{ ok: true; notice: NoticeData } | { ok: false; issues: IssueData[] }> {
  const workbook = planNoticeWorkbook(run, {
    period: options.period,
    history: options.history,
    today: options.today,
    categories: options.categories ?? null,
    ...(options.withLedger
      ? { ledgerCopy: run.files.map((f) => ({ file: path.basename(f.file), rows: f.rows })) }
      : {}),
  });
  if (!workbook.ok) return workbook;
  await writeWorkbookFile(options.out, { sheets: workbook.sheets }, { inputs: options.inputs });
  if (options.docx !== undefined) {
    // The Word writer (a megabyte of `docx`) is loaded only when a Word notice is asked for.
    const { renderNoticeDocx } = await import("../adapters/docx");
    const bytes = await renderNoticeDocx(workbook.document, [
      ...workbook.document.attachments,
      workbook.report,
    ]);
    await writeBytesFile(options.docx, bytes, { inputs: [...options.inputs, options.out] });
  }
  return { ok: true, notice: workbook.notice };
}

/** Says on stderr why no notice was written: the setup errors with their cells. */
export function printRefusal(issues: readonly IssueData[], io: CliIo): void {
  for (const issue of issues)
    io.stderr(`taizhang: ${issue.sheet}!${issue.cell ?? ""} ${localizeIssue(issue).message}\n`);
  io.stderr("taizhang: “设置”或“单位名册”有误，为免误判，未生成通报；请更正后重试\n");
}

/** `--category 巡察整改、乡村振兴`: the categories of a 专项通报, each one of 设置's 任务类别. */
function categoryOption(value: string | undefined, known: readonly string[]): string[] | null {
  if (value === undefined) return null;
  const asked = splitList(value);
  if (asked.length === 0) throw new UsageError("--category 需要至少一个任务类别，如 --category 巡察整改");
  const keys = new Map(known.map((k) => [enumKey(k), k]));
  return asked.map((c) => {
    const found = keys.get(enumKey(c));
    if (found === undefined)
      throw new UsageError(`--category 中的“${c}”不是任务类别（可选：${known.join("、")}）`);
    return found;
  });
}

/** `taizhang notice FILE… --out OUT.xlsx [--as-of D] [--period N] [--history FILE] [--with-ledger] [--json]` */
export async function noticeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(
    argv,
    ["as-of", "out", "period", "history", "category", "docx"],
    ["json", "with-ledger"],
  );
  const asOf = asOfOption(args);
  const period = positiveIntOption(args, "period");
  const out = stringOption(args, "out");
  const historyFile = stringOption(args, "history");
  if (args.positionals.length === 0) throw new UsageError("请指定各单位报送的台账文件");
  if (out === undefined) throw new UsageError("请用 --out 指定输出的通报工作簿，如 --out 通报.xlsx");
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError("--out 应为 .xlsx 文件");
  const docx = stringOption(args, "docx");
  if (docx !== undefined && !docx.toLowerCase().endsWith(".docx"))
    throw new UsageError("--docx 应为 .docx 文件");

  const { run, loaded, failed, order } = validateLoaded(
    await loadWorkbooks(args.positionals, io),
    { asOf, today: io.today },
    io,
  );
  const json = args.options.has("json");
  if (loaded.length === 0) {
    // Nothing could be read: say so, and write nothing (an empty notice would mislead).
    if (json) writeJson(validationJson(run, order), io.stdout);
    else printValidation(run, order, io);
    io.stderr("taizhang: 没有可以读取的台账文件，未生成通报\n");
    return EXIT_FAILURE;
  }
  const history = await loadHistory(
    historyFile,
    loaded.map((l) => l.workbook),
  );
  const inputs = [...args.positionals, ...(historyFile ? [historyFile] : [])];
  if (io.progress) io.stderr(`正在生成通报 ${out}${docx ? `、${docx}` : ""} …\n`);
  const written = await writeNotice(run, {
    out,
    period,
    history,
    withLedger: args.options.has("with-ledger"),
    inputs,
    today: io.today,
    categories: categoryOption(stringOption(args, "category"), run.settings.categories),
    docx,
  });
  if (!written.ok) {
    if (json) writeJson(validationJson(run, order), io.stdout);
    else printValidation(run, order, io);
    printRefusal(written.issues, io);
    return EXIT_FAILURE;
  }
  const notice = written.notice;
  if (json) {
    writeJson({ ...validationJson(run, order), ...noticeJson(notice) }, io.stdout);
  } else {
    printValidation(run, order, io);
    printNotice(notice, out, io);
  }
  if (failed.length > 0) return EXIT_FAILURE;
  return countIssues(run.issues).errors > 0 ? EXIT_ISSUES : EXIT_OK;
}
