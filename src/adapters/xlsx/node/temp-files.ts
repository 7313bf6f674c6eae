/**
 * The temporary files of atomic writes (SPEC §12): `.taizhang-<pid>-<hex>.tmp` beside the output,
 * renamed into place when complete. A run killed mid-write leaves its temporary file behind; the
 * next run into the same folder removes it.
 */
import { randomBytes } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

/** A fresh temporary file name for this process. */
export function tempFileName(): string {
  return `.taizhang-${process.pid}-${randomBytes(8).toString("hex")}.tmp`;
}

/** Ours: with the writer's process id (this version) or without (earlier versions). */
const TEMP = /^\.taizhang-(?:(\d+)-)?[0-9a-f]{16}\.tmp$/;

/** A temporary file older than this is stale whoever wrote it (a write takes seconds). */
const STALE_AFTER_MS = 10 * 60 * 1000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds that id — alive, not ours to judge.
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * Removes the stale temporary files of earlier runs in `folder`: those whose writer process is
 * gone, and any older than ten minutes. A temporary file of a write still under way in another
 * process is left alone. Best effort: returns the names removed, never throws.
 */
export async function removeStaleTempFiles(folder: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      const pid = m[1] === undefined ? undefined : Number(m[1]);
      const stale = now - info.mtimeMs > STALE_AFTER_MS || (pid !== undefined && !alive(pid));
      if (!stale) continue;
      await rm(path, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: nothing to do.
    }
  }
  return removed;
}
