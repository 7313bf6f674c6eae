import { type CliWords, type Language, cliWords } from "./words";

/** What a command needs from its surroundings, so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Today's date (YYYY-MM-DD) where the command runs. */
  readonly today: string;
  /** Show progress lines on stderr (a terminal is attached). */
  readonly progress: boolean;
  /** The language of the human output (stdout text, stderr lines); Chinese when absent. */
  readonly lang?: Language;
}

/** The words of `io`'s language. */
export function wordsOf(io: CliIo): CliWords {
  return cliWords(io.lang ?? "zh");
}

/** The first line of whatever was thrown: what the user sees, never a stack trace. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split(/\r?\n/)[0] ?? "").trim();
  return line.length > 300 ? line.slice(0, 300) + "…" : line || "未知错误";
}

/** A usage mistake: exit code 2 and one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_ISSUES = 1;
export const EXIT_FAILURE = 2;
