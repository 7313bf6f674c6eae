import { stat } from "node:fs/promises";
import { type WorkbookGrid } from "../core";
import { WorkbookReadError } from "../adapters/xlsx";
import type { CliIo } from "./io";
import { readInputFile } from "./read-input";

export interface LoadedFile {
  readonly file: string;
  readonly workbook: WorkbookGrid;
}

export interface FailedFile {
  readonly file: string;
  /** One line, Chinese. */
  readonly error: string;
}

/** Why a file could not be read, in one line (no stack trace). */
export function describeReadFailure(error: unknown): string {
  if (error instanceof WorkbookReadError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "文件不存在";
  if (code === "EISDIR") return "这是一个文件夹，不是 .xlsx 文件";
  if (code === "EACCES" || code === "EPERM") return "没有读取该文件的权限";
  const message = error instanceof Error ? error.message : String(error);
  return `无法读取：${message.split("\n")[0]}`;
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
    if (io.progress) io.stderr(`正在读取 ${file}（${i + 1}/${files.length}）…\n`);
    try {
      const info = await stat(file);
      if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
      const { workbook } = await readInputFile(file);
      const entry = { file, workbook };
      loaded.push(entry);
      order.push(entry);
    } catch (error) {
      const entry = { file, error: describeReadFailure(error) };
      io.stderr(`taizhang: ${file}: ${entry.error}\n`);
      failed.push(entry);
      order.push(entry);
    }
  }
  return { loaded, failed, order };
}
