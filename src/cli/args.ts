import { parseAsOf, parsePeriod } from "../core";
import { UsageError } from "./io";

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string | true>;
}

/**
 * Parses `--flag`, `--name value` and `--name=value`. `valued` lists the options that take a value;
 * unknown options are usage errors.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      for (const arg of argv.slice(i + 1)) positionals.push(arg);
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new UsageError(`选项 --${name} 需要一个值`);
      options.set(name, value);
    } else if (flags.includes(name) && eq < 0) {
      options.set(name, true);
    } else {
      throw new UsageError(`未知选项 --${name}`);
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

/** `--as-of`: a real date written YYYY-MM-DD. */
export function asOfOption(args: ParsedArgs): string | undefined {
  const v = stringOption(args, "as-of");
  if (v === undefined) return undefined;
  const asOf = parseAsOf(v);
  if (asOf === null) throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式的日期，收到“${v}”`);
  return asOf;
}

/** A positive integer option such as `--period`. */
export function positiveIntOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = parsePeriod(v);
  if (n === null) throw new UsageError(`--${name} 应为正整数，收到“${v}”`);
  return n;
}
