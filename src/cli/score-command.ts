import {
  type ScoringResult,
  buildScoreSummaryPlan,
  countIssues,
  gradeReasonEn,
  gradeReasonZh,
  remarkReasons,
  scoreRun,
} from "../core";
import { writeWorkbookFile } from "../adapters/xlsx";
import { parseArgs, stringOption } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError, wordsOf } from "./io";
import { type FailedFile, type LoadedFile, loadWorkbooks } from "./load";
import { issueJson, issueLine } from "./validate-command";

/** `score --json` (SPEC §10): sheets, units, issues, summary; plus the files read and the groups' quotas. */
export function scoreJson(result: ScoringResult, order: ReadonlyArray<LoadedFile | FailedFile>) {
  return {
    files: order.map((entry) =>
      "error" in entry
        ? { file: entry.file, error: entry.error }
        : {
            file: entry.file,
            sheets: result.sheets.filter((s) => s.files.includes(entry.file)).map((s) => s.sheet),
          },
    ),
    sheets: result.sheets.map((s) => ({ sheet: s.sheet, weight: s.weight, maxTotal: s.maxTotal })),
    groups: result.groups.map((g) => ({
      group: g.group,
      units: g.units.length,
      quota: g.quota,
      good: g.good,
    })),
    units: result.units.map((u) => ({
      unit: u.unit,
      group: u.group,
      scores: u.scores,
      bonus: u.bonus,
      penalty: u.penalty,
      composite: u.composite,
      rank: u.rank,
      grade: u.grade,
      gradeBeforeLimits: u.gradeBeforeLimits,
      veto: u.veto,
    })),
    issues: result.issues.map(issueJson),
    summary: countIssues(result.issues),
  };
}

const r1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const r2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** Human output, Chinese: the sheets and weights, each group's ranked table, then the issues. */
export function scoreLines(result: ScoringResult, io: CliIo): string[] {
  const w = wordsOf(io);
  const reason = io.lang === "en" ? gradeReasonEn : gradeReasonZh;
  const lines = [w.scoreSheets(result.sheets)];
  for (const g of result.groups) {
    lines.push("", w.groupHeader(g.group, g.units.length, g.quota, g.good));
    for (const u of g.units) {
      const scores = result.sheets.map((s) => r1(u.scores[s.sheet] ?? 0)).join(" / ");
      const adjust = u.bonus - u.penalty;
      const remark = remarkReasons(u)
        .map(reason)
        .join(io.lang === "en" ? "; " : "；");
      lines.push(
        `  ${String(u.tied ? `${u.rank}=` : u.rank).padStart(3)}  ${u.unit}  ${scores}` +
          `${adjust !== 0 ? `  ${adjust > 0 ? "+" : ""}${r1(adjust)}` : ""}  ${w.composite} ${r2(u.composite)}  ${u.grade}` +
          (remark ? (io.lang === "en" ? ` (${remark})` : `（${remark}）`) : ""),
      );
    }
  }
  return lines;
}

function issueLines(result: ScoringResult, io: CliIo): string[] {
  const lines = ["", wordsOf(io).issuesHeader(countIssues(result.issues))];
  for (const issue of result.issues) {
    const place = `${issue.file} ${issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet}`;
    lines.push(`  ${issueLine(issue, io, { place })}`);
  }
  return lines;
}

/** Scores `loaded` and writes `考核汇总` to `out` unless setup errors forbid it. */
export async function writeScoreSummary(
  loaded: readonly LoadedFile[],
  out: string,
  inputs: readonly string[],
): Promise<{ result: ScoringResult; written: boolean }> {
  const result = scoreRun(loaded);
  if (result.sheets.length === 0 || result.blocking.length > 0) return { result, written: false };
  await writeWorkbookFile(out, { sheets: [buildScoreSummaryPlan(result)] }, { inputs: [...inputs] });
  return { result, written: true };
}

/** The demo's few lines: the issues found, each group's 好, and where the summary went. */
export function scoreDemoLines(
  scored: { result: ScoringResult; written: boolean },
  out: string,
  io: CliIo,
): string[] {
  const w = wordsOf(io);
  const { result } = scored;
  const lines = [w.demoScoreSheets(result.sheets, countIssues(result.issues))];
  for (const issue of result.issues) {
    lines.push(
      `      ${issueLine(issue, io, { level: false, place: `${issue.sheet}!${issue.cell ?? ""}` })}`,
    );
  }
  for (const g of result.groups) {
    const good = g.units.filter((u) => u.grade === "好").map((u) => u.unit);
    lines.push(w.demoGroupGood(g.group, good, g.quota));
  }
  lines.push(w.demoSummary(scored.written, out));
  return lines;
}

/** `taizhang score FILE… [--out OUT.xlsx] [--json]` */
export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, ["out"], ["json"], w);
  const out = stringOption(args, "out");
  if (args.positionals.length === 0) throw new UsageError(w.needScoreFiles);
  if (out !== undefined && !out.toLowerCase().endsWith(".xlsx")) throw new UsageError(w.outMustBeXlsx);
  const json = args.options.has("json");

  const { loaded, failed, order } = await loadWorkbooks(args.positionals, io);
  const result = scoreRun(loaded);
  const print = () => {
    if (json) io.stdout(JSON.stringify(scoreJson(result, order), null, 2) + "\n");
    else io.stdout(scoreLines(result, io).concat(issueLines(result, io)).join("\n") + "\n");
  };
  if (result.sheets.length === 0) {
    print();
    io.stderr(`taizhang: ${w.noEvaluationSheets}\n`);
    return EXIT_FAILURE;
  }
  if (out !== undefined && result.blocking.length > 0) {
    print();
    for (const issue of result.blocking) {
      const place = `${issue.file} ${issue.sheet}!${issue.cell ?? ""}`;
      io.stderr(`taizhang: ${issueLine(issue, io, { level: false, place })}\n`);
    }
    io.stderr(`taizhang: ${w.scoreRefused}\n`);
    return EXIT_FAILURE;
  }
  if (out !== undefined) {
    if (io.progress) io.stderr(`${w.generatingSummary(out)}\n`);
    await writeWorkbookFile(out, { sheets: [buildScoreSummaryPlan(result)] }, { inputs: args.positionals });
  }
  print();
  if (out !== undefined && !json) io.stdout(`\n${w.summaryWritten(out)}\n`);
  if (failed.length > 0) return EXIT_FAILURE;
  return countIssues(result.issues).errors > 0 ? EXIT_ISSUES : EXIT_OK;
}
