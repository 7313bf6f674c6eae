import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { type HistoryRecord, countIssues, validateRun } from "../core";
import { parseArgs } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_OK, wordsOf } from "./io";
import { loadWorkbooks } from "./load";
import { runLoopDemo } from "./demo-loop";
import { noticeLines, printRefusal, writeNotice } from "./notice-command";
import { scoreDemoLines, writeScoreSummary } from "./score-command";
import { issueLine } from "./validate-command";

/** The year-end evaluation of the sample (`seeds/考核评分.xlsx`) → `out/考核汇总.xlsx`; returns failures. */
async function demoScore(outDir: string, io: CliIo): Promise<number> {
  const file = path.join(sampleDir(), "考核评分.xlsx");
  io.stdout(`\n${wordsOf(io).demoScoreHeader("seeds/考核评分.xlsx")}\n`);
  const { loaded, failed } = await loadWorkbooks([file], io);
  if (failed.length > 0) return failed.length;
  const out = path.join(outDir, "考核汇总.xlsx");
  const written = await writeScoreSummary(loaded, out, [file]);
  io.stdout(scoreDemoLines(written, path.relative(process.cwd(), out), io).join("\n") + "\n");
  return written.written ? 0 : 1;
}

/** The bundled sample (`seeds/`), found from the compiled file or the source tree. */
export function sampleDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "seeds", "period-1");
    if (existsSync(candidate)) return path.join(dir, "seeds");
    if (path.dirname(dir) === dir) throw new Error("找不到自带样例目录 seeds/");
  }
}

export async function sampleFiles(period: number): Promise<string[]> {
  const dir = path.join(sampleDir(), `period-${period}`);
  const names = (await readdir(dir)).filter((n) => n.endsWith(".xlsx")).sort();
  return names.map((n) => path.join(dir, n));
}

/** `taizhang demo`: the whole loop on the bundled sample — validate, then the notices of periods 1 and 2. */
export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  parseArgs(argv, [], [], w);
  const outDir = path.resolve("out");
  let history: HistoryRecord[] = [];
  let afterFirst: HistoryRecord[] = [];
  let failures = 0;
  for (const period of [1, 2]) {
    const files = await sampleFiles(period);
    io.stdout(`${w.demoPeriod(period, files.length)}\n`);
    const { loaded, failed } = await loadWorkbooks(files, io);
    failures += failed.length;
    const run = validateRun(loaded, { today: io.today });
    for (const f of run.files) {
      const issues = run.issues.filter((i) => i.file === f.file);
      io.stdout(`  ${w.fileCounts(path.basename(f.file), countIssues(issues))}\n`);
      for (const issue of issues.filter((i) => i.severity === "error")) {
        const place = `${issue.sheet}!${issue.cell ?? ""}`;
        io.stdout(`      ${issueLine(issue, io, { level: false, place })}\n`);
      }
    }
    io.stdout(`${w.demoTotal(countIssues(run.issues))}\n`);
    const out = path.join(outDir, `通报-第${period}期.xlsx`);
    const written = await writeNotice(run, {
      out,
      period,
      history,
      withLedger: false,
      inputs: files,
      today: io.today,
      docx: path.join(outDir, `通报-第${period}期.docx`),
    });
    if (!written.ok) {
      printRefusal(written.issues, io);
      failures++;
      continue;
    }
    const notice = written.notice;
    history = [...notice.history];
    if (period === 1) afterFirst = history;
    io.stdout(
      [
        w.demoNoticeWritten(path.relative(process.cwd(), out), notice.asOf),
        ...noticeLines(notice, io).map((line) => `    ${line}`),
        "",
      ].join("\n") + "\n",
    );
  }
  await runLoopDemo(io, { seeds: sampleDir(), outDir, history: afterFirst });
  io.stdout(`${w.demoHint}\n`);
  failures += await demoScore(outDir, io);
  return failures > 0 ? EXIT_FAILURE : EXIT_OK;
}
