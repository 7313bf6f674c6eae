import { parseAsOf, parsePeriod } from "../core/workbook/run-options";
import { scanArgs } from "./argv";
import { UsageError } from "./io";
import { type CliWords, cliWords } from "./words";

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string | true>;
}

/**
 * Parses `--flag`, `--name value` and `--name=value` (the grammar of `scanArgs`). `valued` lists the
 * options that take a value; unknown options are usage errors.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  words: CliWords = cliWords("zh"),
): ParsedArgs {
  const { positionals, options: written } = scanArgs(argv, valued);
  const options = new Map<string, string | true>();
  for (const { name, value, inline } of written) {
    if (valued.includes(name)) {
      if (value === undefined || value === "") throw new UsageError(words.optionNeedsValue(name));
      options.set(name, value);
    } else if (flags.includes(name) && !inline) {
      options.set(name, true);
    } else {
      throw new UsageError(words.unknownOption(name));
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

/** `--as-of`: a real date written YYYY-MM-DD. */
export function asOfOption(args: ParsedArgs, words: CliWords = cliWords("zh")): string | undefined {
  const v = stringOption(args, "as-of");
  if (v === undefined) return undefined;
  const asOf = parseAsOf(v);
  if (asOf === null) throw new UsageError(words.badAsOf(v));
  return asOf;
}

/** A positive integer option such as `--period`. */
export function positiveIntOption(
  args: ParsedArgs,
  name: string,
  words: CliWords = cliWords("zh"),
): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = parsePeriod(v);
  if (n === null) throw new UsageError(words.badPositiveInt(name, v));
  return n;
}
