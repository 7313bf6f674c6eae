import { type IssueData, type RunValidation, countIssues, localizeIssue } from "../core";
import { asOfOption, parseArgs } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError } from "./io";
import { lazyArray, writeJson } from "./json-out";
import { type CheckedFile, type FailedFile, loadWorkbooks, validateLoaded } from "./load";

/** One issue as `--json` prints it (SPEC §10). */
export interface IssueJson {
  file: string;
  code: string;
  severity: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  column: string | null;
  value: string | number | boolean | null;
  message: string;
  suggestion: string | null;
}

export function issueJson(issue: IssueData & { file: string }): IssueJson {
  const { message } = localizeIssue(issue, "zh");
  return {
    file: issue.file,
    code: issue.code,
    severity: issue.severity,
    sheet: issue.sheet,
    cell: issue.cell,
    row: issue.row,
    column: issue.column,
    value: issue.value,
    message,
    suggestion: issue.suggestion,
  };
}

/** The fields `validate --json` prints; `notice --json` starts from the same. */
export function validationJson(run: RunValidation, order: ReadonlyArray<CheckedFile | FailedFile>) {
  const byFile = new Map(run.files.map((f) => [f.file, f]));
  return {
    asOf: run.asOf,
    files: order.map((entry) =>
      "error" in entry
        ? { file: entry.file, error: entry.error }
        : { file: entry.file, sheets: byFile.get(entry.file)?.sheets ?? [] },
    ),
    // Made one at a time as `writeJson` prints them (a 100k-row ledger can have 500,000).
    issues: lazyArray(run.issues, issueJson),
    summary: countIssues(run.issues),
  };
}

const SEVERITY_ZH = { error: "错误", warning: "警告" } as const;

/**
 * At most this many issues per sheet in the human report; the rest are counted in one line (all of
 * them are in `--json` and in the notice's 附件3). A terminal cannot show 100,000 lines usefully.
 */
export const HUMAN_ISSUES_PER_SHEET = 200;

/** Human report, Chinese: per file and sheet, each issue with its cell and suggestion. */
export function printValidation(
  run: RunValidation,
  order: ReadonlyArray<CheckedFile | FailedFile>,
  io: CliIo,
): void {
  const byFile = new Map(run.files.map((f) => [f.file, f]));
  const issuesByFile = new Map<string, Array<(typeof run.issues)[number]>>();
  for (const issue of run.issues) {
    const list = issuesByFile.get(issue.file);
    if (list) list.push(issue);
    else issuesByFile.set(issue.file, [issue]);
  }
  const lines: string[] = [`统计截止日期：${run.asOf}`];
  for (const entry of order) {
    if ("error" in entry) {
      lines.push("", `✗ ${entry.file}：无法读取（${entry.error}）`);
      continue;
    }
    const result = byFile.get(entry.file)!;
    const issues = issuesByFile.get(entry.file) ?? [];
    const { errors, warnings } = countIssues(issues);
    lines.push("", `${errors > 0 ? "✗" : "✓"} ${entry.file}：${errors} 个错误，${warnings} 个警告`);
    if (result.sheets.length === 0) lines.push("  未找到台账工作表（表头至少应有 6 个标准列名）");
    for (const s of result.sheets) {
      lines.push(
        `  工作表“${s.sheet}”：表头在第 ${s.headerRow} 行，数据 ${s.rows} 行，${s.errors} 个错误，${s.warnings} 个警告`,
      );
    }
    const shown = new Map<string, number>();
    for (const issue of issues) {
      const count = (shown.get(issue.sheet) ?? 0) + 1;
      shown.set(issue.sheet, count);
      if (count > HUMAN_ISSUES_PER_SHEET) continue;
      const { message } = localizeIssue(issue, "zh");
      const place = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
      const hint = issue.suggestion ? `（建议：${issue.suggestion}）` : "";
      lines.push(`    [${SEVERITY_ZH[issue.severity]}] ${place} ${message}${hint}`);
    }
    for (const [sheet, count] of shown) {
      if (count > HUMAN_ISSUES_PER_SHEET) {
        lines.push(
          `    ……工作表“${sheet}”另有 ${count - HUMAN_ISSUES_PER_SHEET} 个问题未列出（全部问题见 --json 输出或通报附件3）`,
        );
      }
    }
  }
  const total = countIssues(run.issues);
  lines.push("", `合计：${run.files.length} 个文件，${total.errors} 个错误，${total.warnings} 个警告`);
  io.stdout(lines.join("\n") + "\n");
}

/** `taizhang validate FILE… [--as-of YYYY-MM-DD] [--json]` */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["as-of"], ["json"]);
  const asOf = asOfOption(args);
  if (args.positionals.length === 0) throw new UsageError("请指定要校验的 .xlsx 文件");
  const { run, failed, order } = validateLoaded(
    await loadWorkbooks(args.positionals, io),
    { asOf, today: io.today },
    io,
  );
  if (args.options.has("json")) writeJson(validationJson(run, order), io.stdout);
  else printValidation(run, order, io);
  if (failed.length > 0) return EXIT_FAILURE;
  return countIssues(run.issues).errors > 0 ? EXIT_ISSUES : EXIT_OK;
}
