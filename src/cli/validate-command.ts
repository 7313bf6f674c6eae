// The core modules this command needs, not core's barrel (every engine in it): the modules a small
// `validate` loads are part of its time (issue #9).
import { type IssueData, countIssues } from "../core/issue";
import { localizeIssue, messageZh } from "../core/message";
import type { RunValidation } from "../core/workbook";
import { asOfOption, parseArgs } from "./args";
import { VALUED_OPTIONS } from "./argv";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError, wordsOf } from "./io";
import { lazyArray, writeJson } from "./json-out";
import { type CheckedFile, type FailedFile, failureText, loadWorkbooks, validateLoaded } from "./load";

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
  // The message alone: `localizeIssue` would copy the whole issue to add it.
  const message = messageZh(issue);
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

/**
 * At most this many issues per sheet in the human report; the rest are counted in one line (all of
 * them are in `--json` and in the notice's 附件3). A terminal cannot show 100,000 lines usefully.
 */
export const HUMAN_ISSUES_PER_SHEET = 200;

/** Each file's issues, in run order, gathered in one pass over the run's issues. */
export function issuesOfFiles(run: RunValidation): Map<string, Array<RunValidation["issues"][number]>> {
  const byFile = new Map<string, Array<RunValidation["issues"][number]>>();
  for (const issue of run.issues) {
    const list = byFile.get(issue.file);
    if (list) list.push(issue);
    else byFile.set(issue.file, [issue]);
  }
  return byFile;
}

/** Human report, in `io`'s language: per file and sheet, each issue with its cell and suggestion. */
export function printValidation(
  run: RunValidation,
  order: ReadonlyArray<CheckedFile | FailedFile>,
  io: CliIo,
): void {
  const byFile = new Map(run.files.map((f) => [f.file, f]));
  const issuesByFile = issuesOfFiles(run);
  const w = wordsOf(io);
  const lines: string[] = [w.asOfLine(run.asOf)];
  for (const entry of order) {
    if ("error" in entry) {
      lines.push("", w.unreadableLine(entry.file, failureText(entry, io)));
      continue;
    }
    const result = byFile.get(entry.file)!;
    const issues = issuesByFile.get(entry.file) ?? [];
    lines.push("", w.fileCounts(entry.file, countIssues(issues)));
    if (result.sheets.length === 0) lines.push(w.noLedgerSheet);
    for (const s of result.sheets) lines.push(w.sheetLine(s));
    const shown = new Map<string, number>();
    for (const issue of issues) {
      const count = (shown.get(issue.sheet) ?? 0) + 1;
      shown.set(issue.sheet, count);
      if (count > HUMAN_ISSUES_PER_SHEET) continue;
      lines.push(`    ${issueLine(issue, io)}`);
    }
    for (const [sheet, count] of shown) {
      if (count > HUMAN_ISSUES_PER_SHEET)
        lines.push(`    ${w.moreIssues(sheet, count - HUMAN_ISSUES_PER_SHEET)}`);
    }
  }
  lines.push("", w.totalLine(run.files.length, countIssues(run.issues)));
  io.stdout(lines.join("\n") + "\n");
}

/** `[错误] 表!G12 message（建议：…）`: one issue in `io`'s language (`place` overrides `sheet!cell`). */
export function issueLine(
  issue: IssueData,
  io: CliIo,
  options: { level?: boolean; place?: string } = {},
): string {
  const w = wordsOf(io);
  const { message } = localizeIssue(issue, io.lang ?? "zh");
  const place = options.place ?? (issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet);
  const hint = issue.suggestion ? w.suggestion(issue.suggestion) : "";
  const level = options.level === false ? "" : `[${w.severity(issue.severity)}] `;
  return `${level}${place} ${message}${hint}`;
}

/** `taizhang validate FILE… [--as-of YYYY-MM-DD] [--json]` */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, VALUED_OPTIONS.validate, ["json"], w);
  const asOf = asOfOption(args, w);
  if (args.positionals.length === 0) throw new UsageError(w.needValidateFiles);
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
