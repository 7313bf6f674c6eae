/**
 * The `taizhang` command line (SPEC §10). Commands run in-process through `runCli`, which returns
 * the exit code; `main` wires it to the real process.
 */
import { localToday } from "../core";
import { type CliIo, EXIT_FAILURE, UsageError } from "./io";
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

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return name === undefined ? EXIT_FAILURE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`taizhang: 未知命令“${name}”\n${USAGE}`);
    return EXIT_FAILURE;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`taizhang: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    // Anything else is a defect or an environment failure: one line for the user, the stack only on request.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`taizhang: ${message.split("\n")[0]}\n`);
    if (process.env["TAIZHANG_DEBUG"] && error instanceof Error) io.stderr(`${error.stack ?? ""}\n`);
    return EXIT_FAILURE;
  }
}

export function main(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    today: localToday(),
    progress: Boolean(process.stderr.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`taizhang: ${String(error)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
