/**
 * `taizhang merge FILE… --out MASTER.xlsx` (SPEC §10): collects returned workbooks into one
 * `合并台账`, each row keeping its source file and row, with a `收集情况` line per file.
 */
import path from "node:path";
import {
  type CollectEntry,
  type CollectResult,
  type ReturnedFile,
  type WorkbookPlan,
  NOTHING_COLLECTED,
  buildCollectLogPlan,
  buildMergedSheetPlan,
  collectReturns,
  copySheetPlan,
  describeOutcome,
} from "../core";
import { writeWorkbookFile } from "../adapters/xlsx";
import { asOfOption, parseArgs, stringOption } from "./args";
import { VALUED_OPTIONS } from "./argv";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError, wordsOf } from "./io";
import { describeReadFailure } from "./load";
import { fileHash, readInputFile } from "./read-input";

/**
 * Reads every file for collecting: a file that cannot be read is a line of 收集情况 (its reason in
 * Chinese, as the sheet is), not a crash. `shown` gets each such file's reason in `io`'s language.
 */
export async function readReturns(
  files: readonly string[],
  io: CliIo,
  shown: Map<string, string> = new Map(),
): Promise<ReturnedFile[]> {
  const w = wordsOf(io);
  const out: ReturnedFile[] = [];
  for (const [i, file] of files.entries()) {
    if (io.progress) io.stderr(`${w.reading(file, i + 1, files.length)}\n`);
    try {
      const { workbook, bytes } = await readInputFile(file);
      out.push({ file: path.basename(file), hash: fileHash(bytes), workbook });
    } catch (error) {
      const reason = describeReadFailure(error);
      shown.set(path.basename(file), w.readFailure(error));
      io.stderr(`taizhang: ${file}: ${w.readFailure(error)}\n`);
      out.push({ file: path.basename(file), hash: null, workbook: null, error: reason });
    }
  }
  return out;
}

/** The merged workbook: 合并台账, the roster and settings of the first file that has them, 收集情况. */
export function planMergedWorkbook(result: CollectResult): WorkbookPlan {
  const carried = [result.roster, result.settings].flatMap((s) =>
    s ? [copySheetPlan(s.sheet, s.date1904)] : [],
  );
  return {
    sheets: [
      buildMergedSheetPlan(result.collected),
      ...carried,
      buildCollectLogPlan(result.collected.entries),
    ],
  };
}

/** One line per file, as printed (and as the demo prints it); `shown`: unreadable files' reasons in `io`'s language. */
export function entryLine(e: CollectEntry, io: CliIo, shown?: ReadonlyMap<string, string>): string {
  const outcome =
    e.outcome.kind === "unreadable"
      ? { ...e.outcome, reason: shown?.get(e.file) ?? e.outcome.reason }
      : e.outcome;
  return wordsOf(io).mergeEntry({ ...e, outcome });
}

export function figuresLine(result: CollectResult, io: CliIo): string {
  const f = result.figures;
  return wordsOf(io).mergeFigures(f.rowsBefore, f.rowsIn, f.rowsOut, f.rowsReported);
}

export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, VALUED_OPTIONS.merge, ["json"], w);
  const out = stringOption(args, "out");
  if (out === undefined) throw new UsageError(w.mergeNeedOut);
  if (args.positionals.length === 0) throw new UsageError(w.mergeNeedFiles);
  const asOf = asOfOption(args, w);
  const json = args.options.has("json");

  const shown = new Map<string, string>();
  const returns = await readReturns(args.positionals, io, shown);
  const result = collectReturns(NOTHING_COLLECTED, returns, { today: io.today, asOf });
  await writeWorkbookFile(out, planMergedWorkbook(result), { inputs: args.positionals });

  const unreadable = result.added.some((e) => e.outcome.kind === "unreadable");
  const errors = result.added.some((e) => e.outcome.kind === "merged" && e.errors > 0);
  if (json) {
    io.stdout(
      `${JSON.stringify({
        out,
        files: result.added.map((e, i) => ({
          file: args.positionals[i],
          unit: e.unit,
          rows: e.rows,
          errors: e.errors,
          warnings: e.warnings,
          result: e.outcome.kind,
          detail: describeOutcome(e.outcome),
          ...(e.outcome.kind === "unreadable" ? { error: e.outcome.reason } : {}),
        })),
        rowsIn: result.figures.rowsIn,
        rowsOut: result.figures.rowsOut,
        rowsReported: result.figures.rowsReported,
      })}\n`,
    );
  } else {
    for (const e of result.added) io.stdout(`${entryLine(e, io, shown)}\n`);
    io.stdout(
      `${figuresLine(result, io)}\n${w.mergeWritten(out, result.figures.rowsOut, result.added.length)}\n`,
    );
  }
  return unreadable ? EXIT_FAILURE : errors ? EXIT_ISSUES : EXIT_OK;
}
