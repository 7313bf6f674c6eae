/**
 * The `taizhang` command line (SPEC §10). Commands run in-process through `runCli`, which returns
 * the exit code; `main` wires it to the real process.
 */
import { localToday } from "../core";
import { type CliIo, EXIT_FAILURE, UsageError, oneLine } from "./io";
import { validateCommand } from "./validate-command";

const USAGE = `用法：taizhang <命令> [参数]

命令：
  validate FILE… [--as-of YYYY-MM-DD] [--json]   校验台账
  notice FILE… --out OUT.xlsx [--as-of D] [--period N] [--history FILE] [--with-ledger] [--json]
                                                  校验、计算并生成通报工作簿
  feedback FILE… --out-dir DIR [--as-of D] [--json]
                                                  退回修改：为有问题的台账各生成一份标注批注的副本
                                                  “<原文件名>-退回修改.xlsx”，首张工作表为“退回修改说明”
  template --out FILE [--unit 单位] [--tasks 总台账.xlsx]
                                                  生成标准台账模板（可为某单位预填任务）
  split 总台账.xlsx --out-dir DIR                  按单位拆分为预填的台账，分发各单位
  merge FILE… --out 合并.xlsx [--json]             收集各单位报回的台账（.xlsx/.xls），合并为一个台账
  score FILE… [--out OUT.xlsx] [--json]           考核评分：汇总各考核表，计算综合得分、排名与等次
  demo                                            在自带样例上演示完整流程，结果写入 out/

退出码：0 完成且无错误；1 完成但发现校验错误；2 用法错误或文件无法读取。
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  validate: async () => validateCommand,
  notice: async () => (await import("./notice-command")).noticeCommand,
  feedback: async () => (await import("./feedback-command")).feedbackCommand,
  score: async () => (await import("./score-command")).scoreCommand,
  demo: async () => (await import("./demo-command")).demoCommand,
  template: async () => (await import("./template-command")).templateCommand,
  split: async () => (await import("./template-command")).splitCommand,
  merge: async () => (await import("./merge-command")).mergeCommand,
};

/**
 * Runs one command. Whatever happens, the answer is an exit code, one line on stderr for a
 * failure, and — with `--json` — exactly one JSON document on stdout: the command's, or
 * `{"error": "…"}` when it could not give one (SPEC §10). Files that cannot be read are each
 * their own `{file, error}` inside the command's document (see `./load`).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes("--json");
  let printed = false;
  const guarded: CliIo = {
    ...io,
    stdout: (text) => {
      printed = true;
      io.stdout(text);
    },
  };
  const fail = (line: string): number => {
    io.stderr(`taizhang: ${line}\n`);
    if (json && !printed) io.stdout(JSON.stringify({ error: line }, null, 2) + "\n");
    return EXIT_FAILURE;
  };
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return name === undefined ? EXIT_FAILURE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`taizhang: 未知命令“${name}”\n${USAGE}`);
    if (json) io.stdout(JSON.stringify({ error: `未知命令“${name}”` }, null, 2) + "\n");
    return EXIT_FAILURE;
  }
  try {
    return await (
      await load()
    )(rest, guarded);
  } catch (error) {
    if (error instanceof UsageError) return fail(oneLine(error));
    // Anything else is a defect or an environment failure: one line for the user, the stack only on request.
    if (process.env["TAIZHANG_DEBUG"] && error instanceof Error) io.stderr(`${error.stack ?? ""}\n`);
    return fail(`运行出错：${oneLine(error)}`);
  }
}

export function main(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    today: localToday(),
    progress: Boolean(process.stderr.isTTY),
  };
  // Last line of defence: nothing escapes as a stack trace.
  const last = (error: unknown) => {
    process.stderr.write(`taizhang: 运行出错：${oneLine(error)}\n`);
    process.exit(EXIT_FAILURE);
  };
  process.on("uncaughtException", last);
  process.on("unhandledRejection", last);
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, last);
}
