/**
 * The parts of the CLI's argument grammar that are needed before its modules load (`bin/taizhang.js`
 * reads the first ledger ahead): `--lang`, taken out everywhere, and the options that take a value,
 * which the commands' own parsers (`./args`) are given from here. Imports nothing.
 */

/**
 * Takes `--lang X` / `--lang=X` out of `argv` (anywhere before `--`): the language of the human
 * output for every command. Returns the rest and the value, if any.
 */
export function takeLanguage(argv: readonly string[]): { rest: string[]; lang: string | undefined } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      for (let j = i; j < argv.length; j++) rest.push(argv[j]!);
      break;
    }
    if (arg === "--lang") lang = argv[++i] ?? "";
    else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
    else rest.push(arg);
  }
  return { rest, lang };
}

/**
 * The options that take a value, of the commands whose positional arguments are the ledgers they
 * read whole, the first one first: each parses its arguments with its list here.
 */
export const VALUED_OPTIONS = {
  validate: ["as-of"],
  notice: ["as-of", "out", "period", "history", "category", "docx"],
  feedback: ["as-of", "out-dir"],
  merge: ["out", "as-of"],
  split: ["out-dir"],
} as const;

/**
 * The first positional argument, as `parseArgs` reads `argv` (`--name value` for the `valued`
 * options, `--name=value`, flags, and everything after `--`); `undefined` when there is none.
 */
export function firstPositional(argv: readonly string[], valued: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return argv[i + 1];
    if (!arg.startsWith("--")) return arg;
    if (!arg.includes("=") && valued.includes(arg.slice(2))) i++;
  }
  return undefined;
}

/**
 * The ledger a command line will read first, to read ahead: the first file of a command in
 * `VALUED_OPTIONS` (after `--lang` is taken out, as `runCli` does); `undefined` for any other.
 */
export function firstLedger(argv: readonly string[]): string | undefined {
  const [command, ...rest] = takeLanguage(argv).rest;
  if (command === undefined || !Object.hasOwn(VALUED_OPTIONS, command)) return undefined;
  return firstPositional(rest, VALUED_OPTIONS[command as keyof typeof VALUED_OPTIONS]);
}
