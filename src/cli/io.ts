/** What a command needs from its surroundings, so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Today's date (YYYY-MM-DD) where the command runs. */
  readonly today: string;
  /** Show progress lines on stderr (a terminal is attached). */
  readonly progress: boolean;
}

/** A usage mistake: exit code 2 and one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_ISSUES = 1;
export const EXIT_FAILURE = 2;
