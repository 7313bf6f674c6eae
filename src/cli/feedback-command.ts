/**
 * `taizhang feedback FILE… --out-dir DIR [--as-of D] [--json]` (SPEC §10, 退回修改): for each
 * workbook with issues, a copy `DIR/<原文件名>-退回修改.xlsx` — the original package with the problem
 * cells filled and commented and a first sheet `退回修改说明` — and nothing else changed.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import {
  type Feedback,
  type RunValidation,
  type WorkbookGrid,
  DEFAULT_RESUBMIT_DAYS,
  addDays,
  buildFeedback,
  copySheetPlan,
  countIssues,
  formatChineseDate,
  isoToDay,
  workbookUnit,
} from "../core";
// The Node sides only, not the adapter's barrel (which brings the pane's `fflate` codecs).
import { NODE_PACKAGE_CODECS } from "../adapters/xlsx/node/package-codecs";
import { annotatePackage, openPackage } from "../adapters/xlsx/patch/annotate";
import { renderWorkbookBuffer, writeBytesFile } from "../adapters/xlsx/write";
import { isCompoundFile } from "../adapters/xlsx/xls/read-xls";
import { asOfOption, parseArgs, stringOption } from "./args";
import { VALUED_OPTIONS } from "./argv";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError, wordsOf } from "./io";
import { writeJson } from "./json-out";
import {
  type CheckedFile,
  type FailedFile,
  type LoadedFile,
  describeReadFailure,
  failureText,
  validateLoaded,
} from "./load";
import { readInputFile } from "./read-input";
import { issuesOfFiles, validationJson } from "./validate-command";

interface LoadedBytes extends LoadedFile {
  /** The package to annotate: the file itself, or for an `.xls` its grid written as an .xlsx. */
  readonly bytes: Uint8Array;
  /** An old `.xls` (BIFF): its copy is an .xlsx made from what was read, said in the summary. */
  readonly fromXls: boolean;
}

/**
 * An `.xls` as an .xlsx package with the same sheets, cells (values as typed, number formats; dates
 * in the 1900 system) and merges, at the same addresses, so the issues found in the `.xls` mark the
 * right cells. What BIFF holds beyond that (fonts, fills, comments, macros) is not carried over.
 */
function xlsAsPackage(workbook: WorkbookGrid): Promise<Uint8Array> {
  return renderWorkbookBuffer({
    sheets: workbook.sheets.map((sheet) => ({
      ...copySheetPlan(sheet, workbook.date1904),
      ...(sheet.hidden ? { visibility: "hidden" as const } : {}),
    })),
  });
}

/** What happened to one readable input. */
interface FileOutcome {
  readonly file: string;
  readonly errors: number;
  readonly warnings: number;
  /** Cells marked in the copy. */
  readonly marked: number;
  /** The annotated copy, or null when the workbook had no issue (or the copy failed). */
  readonly output: string | null;
  /** Why the copy could not be written, if it could not (Chinese, as `--json` prints it)… */
  readonly writeError?: string;
  /** The input was an `.xls`; its copy is an `.xlsx`. */
  readonly fromXls?: boolean;
  /** …and in the language of the human output. */
  readonly writeErrorShown?: string;
}

/** 补报天数 from the run's settings, when the settings table has it; else the default. */
function resubmitDays(run: RunValidation): number {
  const days = (run.settings as { resubmitDays?: unknown }).resubmitDays;
  return typeof days === "number" && Number.isInteger(days) && days >= 0 ? days : DEFAULT_RESUBMIT_DAYS;
}

async function loadWithBytes(files: readonly string[], io: CliIo) {
  const loaded: LoadedBytes[] = [];
  const failed: FailedFile[] = [];
  const order: Array<LoadedBytes | FailedFile> = [];
  for (const [i, file] of files.entries()) {
    if (io.progress) io.stderr(`${wordsOf(io).reading(file, i + 1, files.length)}\n`);
    try {
      const info = await stat(file);
      if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
      // An .xls goes through SheetJS (refusing encrypted and non-workbook compound files in one line).
      const { workbook, bytes } = await readInputFile(file);
      const fromXls = isCompoundFile(bytes);
      const entry = { file, workbook, bytes: fromXls ? await xlsAsPackage(workbook) : bytes, fromXls };
      loaded.push(entry);
      order.push(entry);
    } catch (error) {
      const entry = { file, error: describeReadFailure(error), cause: error };
      io.stderr(`taizhang: ${file}: ${wordsOf(io).readFailure(error)}\n`);
      failed.push(entry);
      order.push(entry);
    }
  }
  return { loaded, failed, order };
}

/** `<原文件名>-退回修改.<ext>`, with `（2）`… when two inputs share a name. */
function outputName(file: string, extension: string, taken: Set<string>): string {
  const base = path.basename(file).replace(/\.(xlsx|xlsm|xltx|xltm|xls)$/i, "");
  let name = `${base}-退回修改.${extension}`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-退回修改（${k}）.${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

/** `taizhang feedback FILE… --out-dir DIR [--as-of D] [--json]` */
export async function feedbackCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, VALUED_OPTIONS.feedback, ["json"], w);
  const asOf = asOfOption(args, w);
  const outDir = stringOption(args, "out-dir");
  if (args.positionals.length === 0) throw new UsageError(w.needLedgerFiles);
  if (outDir === undefined) throw new UsageError(w.needFeedbackOutDir);
  const json = args.options.has("json");

  // Guarded per file, as validate and notice are: a file whose validation throws is that file's error.
  const read = await loadWithBytes(args.positionals, io);
  const checked = validateLoaded(read, { asOf, today: io.today }, io);
  const { run, failed, order } = checked;
  const days = resubmitDays(run);
  const deadline = addDays(run.asOf, days);
  const taken = new Set<string>();
  const outcomes = new Map<string, FileOutcome>();
  const result = new Map(run.files.map((f) => [f.file, f]));
  // What each copy needs of its grid, taken now: the grids go before the copies are made (a
  // 100,000-row ledger's is about 40 MB the patcher would otherwise hold beside its own). Every
  // list that held them is emptied, the one read gave too (this function's frame keeps it).
  const copies = checked.loaded.map((entry) => {
    const validation = result.get(entry.file)!;
    return {
      file: entry.file,
      bytes: entry.bytes,
      fromXls: entry.fromXls,
      unit: workbookUnit(entry.workbook, validation.sheets, validation.rows),
      existingSheets: entry.workbook.sheets.map((s) => s.name),
    };
  });
  checked.loaded.length = 0;
  read.loaded.length = 0;
  read.order.length = 0;

  // One pass over the run's issues, not one per file.
  const issuesOf = issuesOfFiles(run);

  for (const entry of copies) {
    const issues = issuesOf.get(entry.file) ?? [];
    const { errors, warnings } = countIssues(issues);
    if (issues.length === 0) {
      outcomes.set(entry.file, { file: entry.file, errors, warnings, marked: 0, output: null });
      continue;
    }
    const feedback: Feedback = buildFeedback(issues, {
      file: path.basename(entry.file),
      asOf: run.asOf,
      resubmitDays: days,
      unit: entry.unit,
      existingSheets: entry.existingSheets,
    });
    if (io.progress) io.stderr(`${w.generatingFeedback(path.basename(entry.file))}\n`);
    try {
      const opened = openPackage(entry.bytes, { codecs: NODE_PACKAGE_CODECS });
      // Node's synchronous inflate keeps each part's bytes referenced until its handle closes, on
      // the event loop's next turn: after one, the worksheet's bytes can be collected as soon as
      // they are held as text (PERFORMANCE.md, session 19).
      await new Promise((resolve) => setImmediate(resolve));
      const annotated = annotatePackage(opened, feedback);
      const output = path.join(outDir, outputName(entry.file, annotated.extension, taken));
      await writeBytesFile(output, annotated.bytes, { inputs: args.positionals });
      outcomes.set(entry.file, {
        file: entry.file,
        errors,
        warnings,
        marked: feedback.marks.length,
        output,
        ...(entry.fromXls ? { fromXls: true } : {}),
      });
    } catch (error) {
      const reason = describeReadFailure(error).replace(/^无法读取：/, "");
      const shown = io.lang === "en" ? w.readFailure(error) : reason;
      io.stderr(`taizhang: ${w.feedbackFailed(entry.file, shown)}\n`);
      outcomes.set(entry.file, {
        file: entry.file,
        errors,
        warnings,
        marked: 0,
        output: null,
        writeError: reason,
        writeErrorShown: shown,
      });
    }
  }

  const writeFailed = [...outcomes.values()].some((o) => o.writeError !== undefined);
  if (json) {
    const base = validationJson(run, order);
    const files = base.files.map((f) => {
      const o = outcomes.get(f.file);
      return o === undefined
        ? f
        : {
            ...f,
            errors: o.errors,
            warnings: o.warnings,
            marked: o.marked,
            output: o.output,
            ...(o.writeError ? { writeError: o.writeError } : {}),
          };
    });
    writeJson({ ...base, resubmitDays: days, deadline, outDir, files }, io.stdout);
  } else {
    printFeedback(order, outcomes, run, deadline, io);
  }
  if (failed.length > 0 || writeFailed) return EXIT_FAILURE;
  return countIssues(run.issues).errors > 0 ? EXIT_ISSUES : EXIT_OK;
}

function printFeedback(
  order: ReadonlyArray<CheckedFile | FailedFile>,
  outcomes: ReadonlyMap<string, FileOutcome>,
  run: RunValidation,
  deadline: string,
  io: CliIo,
): void {
  const w = wordsOf(io);
  const lines: string[] = [w.asOfLine(run.asOf), ""];
  let written = 0;
  let clean = 0;
  let unreadable = 0;
  for (const entry of order) {
    if ("error" in entry) {
      unreadable++;
      lines.push(w.feedbackUnreadable(entry.file, failureText(entry, io)));
      continue;
    }
    const o = outcomes.get(entry.file)!;
    if (o.errors + o.warnings === 0) {
      clean++;
      lines.push(w.feedbackClean(entry.file));
      continue;
    }
    if (o.output === null) {
      unreadable++;
      lines.push(w.feedbackNotWritten(entry.file, o, o.writeErrorShown ?? o.writeError ?? ""));
      continue;
    }
    written++;
    lines.push(
      w.feedbackWritten(
        entry.file,
        o,
        o.marked,
        o.output,
        o.output.toLowerCase().endsWith(".xlsm") ? "xlsm" : o.fromXls ? "xls" : null,
      ),
    );
  }
  const day = isoToDay(deadline);
  const shownDeadline = day === null ? null : io.lang === "en" ? deadline : formatChineseDate(day);
  lines.push("", w.feedbackTotal(order.length, written, clean, unreadable, shownDeadline));
  io.stdout(lines.join("\n") + "\n");
}
