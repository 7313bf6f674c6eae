/**
 * Reading workbooks from disk (CLI only; the task pane parses the bytes of files the user picks
 * with `../read`). Never writes to the file.
 */
import { readFile } from "node:fs/promises";
import type { WorkbookGrid } from "../../../core/grid";
import {
  type ReadSpreadsheetOptions,
  type ReadWorkbookOptions,
  readSpreadsheet,
  readWorkbook as readWorkbookWith,
} from "../read/read-workbook";
import { nodeBytesAsText } from "./bytes-as-text";
import { zlibInflate } from "./inflate";
import { releaseSheetText } from "./release-text";

/** `readWorkbook` with Node's zlib and `Buffer` codecs (see `../read`). */
export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): WorkbookGrid {
  try {
    return readWorkbookWith(bytes, { inflate: zlibInflate, bytesAsText: nodeBytesAsText, ...options });
  } finally {
    releaseSheetText();
  }
}

/**
 * Reads a spreadsheet file from disk, recognising its format by content (see `readSpreadsheet`).
 * Same result and errors as `readWorkbook` for an .xlsx.
 */
export async function readWorkbookFile(
  path: string,
  options: ReadSpreadsheetOptions = {},
): Promise<WorkbookGrid> {
  const bytes = await readFile(path);
  try {
    return readSpreadsheet(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      inflate: zlibInflate,
      bytesAsText: nodeBytesAsText,
      ...options,
    });
  } finally {
    releaseSheetText();
  }
}
