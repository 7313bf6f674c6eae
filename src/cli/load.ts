import { stat } from "node:fs/promises";
// The core modules this command needs, not core's barrel (every engine in it): the modules a small
// `validate` loads are part of its time (issue #9).
import type { WorkbookGrid } from "../core/grid";
import { TooManyIssuesError } from "../core/ledger/validate";
import { type RunValidation, type ValidateOptions, validateRun } from "../core/workbook";
import { type CliIo, oneLine, wordsOf } from "./io";
import { readInputFile } from "./read-input";
import { cliWords } from "./words";

export interface LoadedFile {
  readonly file: string;
  readonly workbook: WorkbookGrid;
}

export interface FailedFile {
  readonly file: string;
  /** One line, Chinese (as `--json` prints it). */
  readonly error: string;
  /** What was thrown, for the human output's words in another language. */
  readonly cause?: unknown;
}

/** Why `f` failed, in `io`'s language (a string `cause` is already in it). */
export function failureText(f: FailedFile, io: CliIo): string {
  if (typeof f.cause === "string") return f.cause;
  return io.lang === "en" && f.cause !== undefined ? wordsOf(io).readFailure(f.cause) : f.error;
}

/** Why a file could not be read, in one line of Chinese (no stack trace): `--json`'s `error`. */
export function describeReadFailure(error: unknown): string {
  return cliWords("zh").readFailure(error);
}

/** Reads every file; a file that cannot be read is reported and the others still load. */
export async function loadWorkbooks(
  files: readonly string[],
  io: CliIo,
): Promise<{ loaded: LoadedFile[]; failed: FailedFile[]; order: Array<LoadedFile | FailedFile> }> {
  const loaded: LoadedFile[] = [];
  const failed: FailedFile[] = [];
  const order: Array<LoadedFile | FailedFile> = [];
  for (const [i, file] of files.entries()) {
    if (io.progress) io.stderr(`${wordsOf(io).reading(file, i + 1, files.length)}\n`);
    try {
      const info = await stat(file);
      if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
      const { workbook } = await readInputFile(file);
      const entry = { file, workbook };
      loaded.push(entry);
      order.push(entry);
    } catch (error) {
      const entry = { file, error: describeReadFailure(error), cause: error };
      io.stderr(`taizhang: ${file}: ${wordsOf(io).readFailure(error)}\n`);
      failed.push(entry);
      order.push(entry);
    }
  }
  return { loaded, failed, order };
}

/** A file read and validated, as the reports list it: its name only (its grid is not kept). */
export interface CheckedFile {
  readonly file: string;
}

export interface CheckedFiles<T extends LoadedFile = LoadedFile> {
  readonly run: RunValidation;
  readonly loaded: T[];
  readonly failed: FailedFile[];
  /**
   * Every file in the order given. It holds names, not grids, so that a caller done with `loaded`
   * lets the grids go (a 100k-row grid is tens of megabytes) while it plans and writes.
   */
  readonly order: Array<CheckedFile | FailedFile>;
}

function nameOnly(entry: LoadedFile | FailedFile): CheckedFile | FailedFile {
  return "workbook" in entry ? { file: entry.file } : entry;
}

/**
 * Validates the files read as one run, guarded per file: whatever happens inside one file is that
 * file's error. When the run throws, each file is validated alone to find the one(s) at fault;
 * they become `{file, error}` with one stderr line each, and the others are validated as a run.
 * A failure no single file explains is the run's own (the caller's top-level guard reports it).
 */
export function validateLoaded<T extends LoadedFile>(
  read: { loaded: T[]; failed: FailedFile[]; order: Array<T | FailedFile> },
  options: ValidateOptions,
  io: CliIo,
): CheckedFiles<T> {
  try {
    const run = validateRun(read.loaded, options);
    return { run, loaded: read.loaded, failed: read.failed, order: read.order.map(nameOnly) };
  } catch (error) {
    const faults = new Map<T, FailedFile>();
    for (const file of read.loaded) {
      try {
        validateRun([file], options);
      } catch (fault) {
        faults.set(file, {
          file: file.file,
          error: validationFault(fault),
          ...(fault instanceof TooManyIssuesError
            ? {}
            : { cause: wordsOf(io).validationCrashed(oneLine(fault)) }),
        });
      }
    }
    if (faults.size === 0) throw error;
    for (const f of faults.values()) io.stderr(`taizhang: ${f.file}: ${failureText(f, io)}\n`);
    const loaded = read.loaded.filter((f) => !faults.has(f));
    const order = read.order.map((f) => ("workbook" in f ? (faults.get(f) ?? nameOnly(f)) : f));
    return {
      run: validateRun(loaded, options),
      loaded,
      failed: [...read.failed, ...faults.values()],
      order,
    };
  }
}

/** The one line for a file whose validation stopped or threw. */
function validationFault(fault: unknown): string {
  if (fault instanceof TooManyIssuesError) {
    return `问题过多：工作表“${fault.sheet}”至第 ${fault.row} 行已超过 ${fault.limit} 个问题，已停止校验；请检查是否使用了标准台账模板、表头是否正确`;
  }
  return `校验时出错：${oneLine(fault)}`;
}
