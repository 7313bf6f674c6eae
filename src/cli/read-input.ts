/**
 * Reading one input file of any kind the product takes (SPEC §10): recognised by its content, not
 * its name — a ZIP package is `.xlsx`/`.xlsm`, a compound file holding a workbook is old `.xls`
 * (SheetJS, loaded only then); encrypted, `.et` and other files are refused with one line.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { WorkbookGrid } from "../core";
// The reading side only (not the adapter's barrel, which brings the writer and patcher): the
// modules a small \`validate\` loads are part of its time.
import { readWorkbook } from "../adapters/xlsx/node";
import { takeReadAhead } from "../adapters/xlsx/node/read-ahead";
import { isCompoundFile, readXlsWorkbook } from "../adapters/xlsx/xls/read-xls";

export interface InputFile {
  readonly workbook: WorkbookGrid;
  /** The file's bytes as read (退回修改 copies the package it marks from them; `fileHash`). */
  readonly bytes: Uint8Array;
}

/** SHA-256 of a file's bytes (hex): the same file collected twice is recognised by it. */
export function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads a workbook file (never writes it). Throws `WorkbookReadError` (one line) when it cannot. */
export async function readInputFile(file: string): Promise<InputFile> {
  // The CLI's first input may have been read ahead (`bin/taizhang.js`): the same bytes, inflated.
  const ahead = await takeReadAhead(file);
  const bytes = ahead?.bytes ?? bytesOf(await readFile(file));
  const workbook = isCompoundFile(bytes)
    ? await readXlsWorkbook(bytes)
    : readWorkbook(bytes, ahead ? { inflate: ahead.inflate } : {});
  return { workbook, bytes };
}

function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
