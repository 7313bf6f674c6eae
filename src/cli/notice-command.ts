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
  mostlyMissing,
  noticeCoverage,
  planNoticeWorkbook,
  readWorkbookHistory,
} from "../core";
// The reading and writing sides only (not the adapter's barrel, which brings the patcher and the
// .xls reader): the modules a run loads are part of its time.
import { readWorkbookFile } from "../adapters/xlsx/node";
import { startDeflateWorker, writeBytesFile, writeWorkbookFile } from "../adapters/xlsx/write";
import { asOfOption, parseArgs, positiveIntOption, stringOption } from "./args";
import { VALUED_OPTIONS } from "./argv";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError, wordsOf } from "./io";
import type { CliWords } from "./words";
import { lazyArray, writeJson } from "./json-out";
import { loadWorkbooks, validateLoaded } from "./load";
import { issueLine, printValidation, validationJson } from "./validate-command";

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
    // Made one at a time as the JSON is written: the list can hold most of the ledger's rows.
    overdueTasks: lazyArray(notice.overdueTasks, (t) => ({
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
  io: CliIo,
): Promise<HistoryRecord[]> {
  const w = wordsOf(io);
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
    throw new UsageError(w.historyUnreadable(file, w.readFailure(error)));
  }
  const records = readWorkbookHistory(workbook);
  if (!records) throw new UsageError(w.historyWithoutSheet(file, HISTORY_SHEET));
  return records;
}

/** The notice in a few lines, in `io`'s language: totals and every list, for the terminal. */
export function noticeLines(notice: NoticeData, io: CliIo): string[] {
  const w = wordsOf(io);
  const units = (list: ReadonlyArray<{ unit: string }>) => list.map((e) => e.unit);
  const t = notice.totals;
  return [
    w.noticeTotals(t.assigned, t.completed, formatRate(t.completionRate), t.overdue),
    w.listLine("red", units(notice.redList)),
    w.listLine("black", units(notice.blackList)),
    notice.stationed.length === 0 && !notice.previous
      ? w.firstNoticeNobody
      : w.listLine("stationed", units(notice.stationed)),
    w.listLine("stalled", units(notice.stalled)),
    w.listLine("notSubmitted", units(notice.notSubmitted)),
  ];
}

function printNotice(notice: NoticeData, out: string, io: CliIo): void {
  const lines = [
    "",
    wordsOf(io).noticeGenerated(notice.period, out),
    ...noticeLines(notice, io).map((l) => `  ${l}`),
  ];
  io.stdout(lines.join("\n") + "\n");
}

/** Ledger rows from which a notice's workbook is expected to hold a part of a megabyte or more. */
const LARGE_RUN_ROWS = 10_000;

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
  // A long ledger makes long sheets (附件1, 附件3, the ledger copy): the compressing thread starts
  // while the notice is planned, so it takes every large chunk from the first.
  if (run.files.reduce((n, f) => n + f.rows.length, 0) >= LARGE_RUN_ROWS) startDeflateWorker();
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
    io.stderr(
      `taizhang: ${issueLine(issue, io, { level: false, place: `${issue.sheet}!${issue.cell ?? ""}` })}\n`,
    );
  io.stderr(`taizhang: ${wordsOf(io).noticeRefused}\n`);
}

/** `--category 巡察整改、乡村振兴`: the categories of a 专项通报, each one of 设置's 任务类别. */
function categoryOption(
  value: string | undefined,
  known: readonly string[],
  words: CliWords,
): string[] | null {
  if (value === undefined) return null;
  const asked = splitList(value);
  if (asked.length === 0) throw new UsageError(words.categoryEmpty);
  const keys = new Map(known.map((k) => [enumKey(k), k]));
  return asked.map((c) => {
    const found = keys.get(enumKey(c));
    if (found === undefined) throw new UsageError(words.categoryUnknown(c, known));
    return found;
  });
}

/** `taizhang notice FILE… --out OUT.xlsx [--as-of D] [--period N] [--history FILE] [--with-ledger] [--json]` */
export async function noticeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, VALUED_OPTIONS.notice, ["json", "with-ledger"], w);
  const asOf = asOfOption(args, w);
  const period = positiveIntOption(args, "period", w);
  const out = stringOption(args, "out");
  const historyFile = stringOption(args, "history");
  if (args.positionals.length === 0) throw new UsageError(w.needLedgerFiles);
  if (out === undefined) throw new UsageError(w.needOutXlsx);
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(w.outMustBeXlsx);
  const docx = stringOption(args, "docx");
  if (docx !== undefined && !docx.toLowerCase().endsWith(".docx")) throw new UsageError(w.docxMustBeDocx);

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
    io.stderr(`taizhang: ${w.nothingReadable}\n`);
    return EXIT_FAILURE;
  }
  const history = await loadHistory(
    historyFile,
    loaded.map((l) => l.workbook),
    io,
  );
  const inputs = [...args.positionals, ...(historyFile ? [historyFile] : [])];
  if (io.progress)
    io.stderr(`${w.generatingNotice(docx ? `${out}${io.lang === "en" ? ", " : "、"}${docx}` : out)}\n`);
  const written = await writeNotice(run, {
    out,
    period,
    history,
    withLedger: args.options.has("with-ledger"),
    inputs,
    today: io.today,
    categories: categoryOption(stringOption(args, "category"), run.settings.categories, w),
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
  // Fewer than half of the roster's units read: most likely files left out of the command (the pane
  // asks before it writes such a notice; the CLI says so and carries on).
  const coverage = noticeCoverage(notice);
  if (mostlyMissing(coverage)) io.stderr(`taizhang: ${w.mostlyMissing(coverage)}\n`);
  if (failed.length > 0) return EXIT_FAILURE;
  return countIssues(run.issues).errors > 0 ? EXIT_ISSUES : EXIT_OK;
}
