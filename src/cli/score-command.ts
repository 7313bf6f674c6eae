import {
  type ScoringResult,
  buildScoreSummaryPlan,
  countIssues,
  gradeReasonZh,
  localizeIssue,
  remarkReasons,
  scoreRun,
} from "../core";
import { writeWorkbookFile } from "../adapters/xlsx";
import { parseArgs, stringOption } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_ISSUES, EXIT_OK, UsageError } from "./io";
import { type FailedFile, type LoadedFile, loadWorkbooks } from "./load";
import { issueJson } from "./validate-command";

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
export function scoreLines(result: ScoringResult): string[] {
  const lines = [
    `考核表：${result.sheets.map((s) => `${s.sheet}（权重 ${Math.round(s.weight * 1e6) / 1e6}%，满分 ${s.maxTotal}）`).join("、")}`,
  ];
  for (const g of result.groups) {
    const quota = g.quota === null ? "" : `，好等次名额 ${g.quota} 个`;
    lines.push("", `【${g.group ?? "全部单位"}】${g.units.length} 个单位${quota}，评为好 ${g.good} 个`);
    for (const u of g.units) {
      const scores = result.sheets.map((s) => r1(u.scores[s.sheet] ?? 0)).join(" / ");
      const adjust = u.bonus - u.penalty;
      const remark = remarkReasons(u).map(gradeReasonZh).join("；");
      lines.push(
        `  ${String(u.tied ? `${u.rank}=` : u.rank).padStart(3)}  ${u.unit}  ${scores}` +
          `${adjust !== 0 ? `  ${adjust > 0 ? "+" : ""}${r1(adjust)}` : ""}  综合 ${r2(u.composite)}  ${u.grade}` +
          (remark ? `（${remark}）` : ""),
      );
    }
  }
  return lines;
}

function issueLines(result: ScoringResult): string[] {
  const { errors, warnings } = countIssues(result.issues);
  const lines = ["", `问题：${errors} 个错误，${warnings} 个警告`];
  for (const issue of result.issues) {
    const place = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
    const hint = issue.suggestion ? `（建议：${issue.suggestion}）` : "";
    const level = issue.severity === "error" ? "错误" : "警告";
    lines.push(`  [${level}] ${issue.file} ${place} ${localizeIssue(issue).message}${hint}`);
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
export function scoreDemoLines(scored: { result: ScoringResult; written: boolean }, out: string): string[] {
  const { result } = scored;
  const { errors, warnings } = countIssues(result.issues);
  const lines = [
    `  考核表：${result.sheets.map((s) => `${s.sheet} ${s.weight}%`).join("、")}；${errors} 个错误，${warnings} 个警告`,
  ];
  for (const issue of result.issues) {
    const hint = issue.suggestion ? `（建议：${issue.suggestion}）` : "";
    lines.push(`      ${issue.sheet}!${issue.cell ?? ""} ${localizeIssue(issue).message}${hint}`);
  }
  for (const g of result.groups) {
    const good = g.units.filter((u) => u.grade === "好").map((u) => u.unit);
    const quota = g.quota === null ? "" : `（名额 ${g.quota} 个）`;
    lines.push(`    ${g.group ?? "全部单位"}：好 ${good.join("、") || "无"}${quota}`);
  }
  lines.push(scored.written ? `  → 已生成 ${out}` : "  → 设置或考核表有误，未生成考核汇总");
  return lines;
}

/** `taizhang score FILE… [--out OUT.xlsx] [--json]` */
export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out"], ["json"]);
  const out = stringOption(args, "out");
  if (args.positionals.length === 0)
    throw new UsageError("请指定考核评分工作簿，如 taizhang score 考核评分.xlsx");
  if (out !== undefined && !out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError("--out 应为 .xlsx 文件");
  const json = args.options.has("json");

  const { loaded, failed, order } = await loadWorkbooks(args.positionals, io);
  const result = scoreRun(loaded);
  const print = () => {
    if (json) io.stdout(JSON.stringify(scoreJson(result, order), null, 2) + "\n");
    else io.stdout([...scoreLines(result), ...issueLines(result)].join("\n") + "\n");
  };
  if (result.sheets.length === 0) {
    print();
    io.stderr(
      "taizhang: 未找到考核表：考核表应有“单位”列，指标列的表头写明满分（如“组织建设（20分）”）或表头下一行为“分值”行\n",
    );
    return EXIT_FAILURE;
  }
  if (out !== undefined && result.blocking.length > 0) {
    print();
    for (const issue of result.blocking)
      io.stderr(
        `taizhang: ${issue.file} ${issue.sheet}!${issue.cell ?? ""} ${localizeIssue(issue).message}\n`,
      );
    io.stderr("taizhang: 设置、单位名册或考核表有误，为免误判，未生成考核汇总；请更正后重试\n");
    return EXIT_FAILURE;
  }
  if (out !== undefined) {
    if (io.progress) io.stderr(`正在生成考核汇总 ${out} …\n`);
    await writeWorkbookFile(out, { sheets: [buildScoreSummaryPlan(result)] }, { inputs: args.positionals });
  }
  print();
  if (out !== undefined && !json) io.stdout(`\n已生成考核汇总：${out}\n`);
  if (failed.length > 0) return EXIT_FAILURE;
  return countIssues(result.issues).errors > 0 ? EXIT_ISSUES : EXIT_OK;
}
