import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { countIssues, localizeIssue, validateRun } from "../core";
import { parseArgs } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io";
import { loadWorkbooks } from "./load";

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

/** `taizhang demo`: the whole loop on the bundled sample. */
export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  parseArgs(argv, [], []);
  const files = await sampleFiles(2);
  io.stdout(`【第一步】校验自带样例第2期的 ${files.length} 个台账（seeds/period-2）\n\n`);
  const { loaded, failed } = await loadWorkbooks(files, io);
  const run = validateRun(loaded, { today: io.today });
  for (const f of run.files) {
    const issues = run.issues.filter((i) => i.file === f.file);
    const { errors, warnings } = countIssues(issues);
    io.stdout(`${errors > 0 ? "✗" : "✓"} ${path.basename(f.file)}：${errors} 个错误，${warnings} 个警告\n`);
    for (const issue of issues.filter((i) => i.severity === "error")) {
      const hint = issue.suggestion ? `（建议：${issue.suggestion}）` : "";
      io.stdout(`    ${issue.sheet}!${issue.cell ?? ""} ${localizeIssue(issue).message}${hint}\n`);
    }
  }
  const total = countIssues(run.issues);
  io.stdout(
    `\n合计：${run.files.length} 个台账，${total.errors} 个错误，${total.warnings} 个警告（警告多为“完成”“进行中”等非规范写法，已自动按规范值处理）。\n`,
  );
  return failed.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
