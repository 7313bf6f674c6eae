/**
 * Writing the output workbook safely (SPEC §12): never onto an input, and through a temporary file
 * in the target folder that is flushed to disk and renamed into place, so a failure at any point
 * leaves either the previous file or nothing — never half a workbook.
 */
import { mkdir, open, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { WorkbookPlan } from "../../../core/plan";
import { removeStaleTempFiles, tempFileName } from "../node/temp-files";
import { OutputWriteError, reasonOf } from "./errors";
import { renderWorkbookPieces } from "./node";

export interface WriteWorkbookOptions {
  /** The files this run read: the output must not be any of them. */
  readonly inputs?: readonly string[];
}

/**
 * Renders `plan` and writes it to `path` atomically, creating the folder if needed.
 * Throws OutputWriteError (one line of Chinese) on any failure, having removed its temporary file.
 *
 * @example await writeWorkbookFile("out/通报.xlsx", plan, { inputs: ["a.xlsx", "b.xlsx"] });
 */
export async function writeWorkbookFile(
  path: string,
  plan: WorkbookPlan,
  options: WriteWorkbookOptions = {},
): Promise<void> {
  const target = resolve(path);
  await refuseInputs(path, target, options.inputs ?? []);
  await writeBytesAtomically(path, target, renderWorkbookPieces(plan));
}

/**
 * Writes finished bytes (e.g. an annotated copy of a workbook) to `path` atomically, refusing to
 * write onto any of `options.inputs`. Same guarantees and errors as `writeWorkbookFile`.
 */
export async function writeBytesFile(
  path: string,
  bytes: Uint8Array,
  options: WriteWorkbookOptions = {},
): Promise<void> {
  const target = resolve(path);
  await refuseInputs(path, target, options.inputs ?? []);
  await writeBytesAtomically(path, target, [bytes]);
}

async function writeBytesAtomically(
  path: string,
  target: string,
  pieces: readonly Uint8Array[],
): Promise<void> {
  const folder = dirname(target);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new OutputWriteError(`无法创建输出文件夹 ${folder}：${reasonOf(error)}`, { cause: error });
  }

  // A run killed mid-write left its temporary file here: this run into the same folder removes it.
  await removeStaleTempFiles(folder);
  const temp = join(folder, tempFileName());
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, "wx");
    for (const piece of pieces) {
      let done = 0;
      while (done < piece.length) done += (await handle.write(piece, done)).bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    // Clean-up failures must not hide the error that matters, which is the one thrown below.
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputWriteError(`无法写入输出文件 ${path}：${reasonOf(error)}`, { cause: error });
  }
  await syncFolder(folder);
}

async function refuseInputs(path: string, target: string, inputs: readonly string[]): Promise<void> {
  const targetStat = await stat(target).catch(() => undefined);
  for (const input of inputs) {
    const source = resolve(input);
    let same = source === target;
    if (!same && targetStat !== undefined) {
      // Same device and inode: the same file under another name (symlink, hard link, `..` path).
      const inputStat = await stat(source).catch(() => undefined);
      same = inputStat !== undefined && inputStat.dev === targetStat.dev && inputStat.ino === targetStat.ino;
    }
    if (same) {
      throw new OutputWriteError(
        `输出文件 ${path} 就是输入文件 ${basename(input)}，为保护原始数据拒绝覆盖，请换一个输出路径`,
      );
    }
  }
}

/** Makes the rename itself durable. Folders cannot be opened for syncing on Windows; nothing to do there. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // The file is complete and in place; only the durability of the folder entry is best effort.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
