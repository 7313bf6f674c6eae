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

/** One `--name` of a command line, as written: its value (`undefined` when a valued option lacks one). */
export interface WrittenOption {
  readonly name: string;
  readonly value: string | undefined;
  /** Written `--name=value`. */
  readonly inline: boolean;
}

/**
 * The CLI's argument grammar, without judging it: `--name value` for the `valued` options,
 * `--name=value`, flags, positionals, and everything after `--` positional. `parseArgs` (`./args`)
 * refuses what it does not know; reading ahead only wants the first positional.
 */
export function scanArgs(
  argv: readonly string[],
  valued: readonly string[],
): { positionals: string[]; options: WrittenOption[] } {
  const positionals: string[] = [];
  const options: WrittenOption[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      for (const rest of argv.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : valued.includes(name) ? argv[++i] : undefined;
    options.push({ name, value, inline: eq > 0 });
  }
  return { positionals, options };
}

/**
 * The ledger a command line will read first, to read ahead: the first file of a command in
 * `VALUED_OPTIONS` (after `--lang` is taken out, as `runCli` does); `undefined` for any other.
 */
export function firstLedger(argv: readonly string[]): string | undefined {
  const [command, ...rest] = takeLanguage(argv).rest;
  if (command === undefined || !Object.hasOwn(VALUED_OPTIONS, command)) return undefined;
  return scanArgs(rest, VALUED_OPTIONS[command as keyof typeof VALUED_OPTIONS]).positionals[0];
}
