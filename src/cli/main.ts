/**
 * The `taizhang` command line (SPEC §10). Commands run in-process through `runCli`, which returns
 * the exit code; `main` wires it to the real process.
 */
import { localToday } from "../core/date";
import { type CliIo, EXIT_FAILURE, UsageError, oneLine, wordsOf } from "./io";
import { validateCommand } from "./validate-command";
import { type Language, cliLanguage } from "./words";
import { takeLanguage } from "./argv";

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
export async function runCli(argv: readonly string[], baseIo: CliIo): Promise<number> {
  const taken = takeLanguage(argv);
  const io: CliIo =
    taken.lang === undefined ? baseIo : { ...baseIo, lang: cliLanguage(taken.lang, undefined) };
  const words = wordsOf(io);
  const [name, ...rest] = taken.rest;
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
  if (taken.lang !== undefined && !/^(zh|en)/i.test(taken.lang)) return fail(words.badLanguage(taken.lang));
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(words.usage);
    return name === undefined ? EXIT_FAILURE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`taizhang: ${words.unknownCommand(name)}\n${words.usage}`);
    if (json) io.stdout(JSON.stringify({ error: words.unknownCommand(name) }, null, 2) + "\n");
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
    return fail(words.crashed(oneLine(error)));
  }
}

/** The language `LANG` asks for (SPEC §10: English when it starts with `en`). */
export function envLanguage(): Language {
  return cliLanguage(undefined, process.env["LANG"]);
}

export function main(): void {
  const io: CliIo = {
    // Not to a terminal (a file, a pipe: `--json`), the text goes as its UTF-8 bytes: handed over as
    // strings, the 10 MB of JSON of a 100k-row ledger's notice made the young-generation collections
    // copy more while it was written (measured: 75–81 → 56–65 ms of collections, docs/PERFORMANCE.md,
    // session 15). A terminal gets the string, which it shows in its own encoding.
    stdout: process.stdout.isTTY
      ? (text) => process.stdout.write(text)
      : (text) => process.stdout.write(Buffer.from(text, "utf8")),
    stderr: (text) => process.stderr.write(text),
    today: localToday(),
    progress: Boolean(process.stderr.isTTY),
    lang: envLanguage(),
  };
  // Last line of defence: nothing escapes as a stack trace.
  const last = (error: unknown) => {
    process.stderr.write(`taizhang: ${wordsOf(io).crashed(oneLine(error))}\n`);
    process.exit(EXIT_FAILURE);
  };
  process.on("uncaughtException", last);
  process.on("unhandledRejection", last);
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, last);
}
