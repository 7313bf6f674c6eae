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
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError } from "./io";
import { describeReadFailure } from "./load";
import { readInputFile } from "./read-input";

/** Reads every file for collecting: a file that cannot be read is a line of 收集情况, not a crash. */
export async function readReturns(files: readonly string[], io: CliIo): Promise<ReturnedFile[]> {
  const out: ReturnedFile[] = [];
  for (const [i, file] of files.entries()) {
    if (io.progress) io.stderr(`正在读取 ${file}（${i + 1}/${files.length}）…\n`);
    try {
      const { workbook, hash } = await readInputFile(file);
      out.push({ file: path.basename(file), hash, workbook });
    } catch (error) {
      const reason = describeReadFailure(error);
      io.stderr(`taizhang: ${file}: ${reason}\n`);
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

/** One line per file, as printed (and as the demo prints it). */
export function entryLine(e: CollectEntry): string {
  const mark = e.outcome.kind === "merged" ? (e.errors > 0 ? "✗" : "✓") : "·";
  const unit = e.unit ?? "单位未识别";
  const counts =
    e.outcome.kind === "unreadable"
      ? ""
      : `：${unit}，${e.rows} 行，${e.errors} 个错误，${e.warnings} 个警告`;
  return `${mark} ${e.file}${counts} — ${describeOutcome(e.outcome)}`;
}

export function figuresLine(result: CollectResult): string {
  const f = result.figures;
  const before = f.rowsBefore > 0 ? `原有 ${f.rowsBefore} 行 + ` : "";
  return `${before}读入 ${f.rowsIn} 行 = 合并台账 ${f.rowsOut} 行 + 未合并 ${f.rowsReported} 行（重复报送，见收集情况）`;
}

export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out", "as-of"], ["json"]);
  const out = stringOption(args, "out");
  if (out === undefined) throw new UsageError("merge 需要 --out 输出文件，例如 --out 合并台账.xlsx");
  if (args.positionals.length === 0) throw new UsageError("merge 需要至少一个报回的台账文件");
  const asOf = asOfOption(args);
  const json = args.options.has("json");

  const returns = await readReturns(args.positionals, io);
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
    for (const e of result.added) io.stdout(`${entryLine(e)}\n`);
    io.stdout(
      `${figuresLine(result)}\n已写入 ${out}（合并台账 ${result.figures.rowsOut} 行，收集情况 ${result.added.length} 个文件）\n`,
    );
  }
  return unreadable ? EXIT_FAILURE : errors ? EXIT_ISSUES : EXIT_OK;
}
