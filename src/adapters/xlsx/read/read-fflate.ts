/**
 * The reader's platform-free entry points: inflating with `fflate` unless the options bring an
 * inflater (Node's `../node` brings zlib and never loads this).
 */
import type { WorkbookGrid } from "../../../core/grid";
import { fflateInflate } from "./inflate-fflate";
import {
  type ReadSpreadsheetOptions,
  type ReadWorkbookOptions,
  readSpreadsheet as readSpreadsheetWith,
  readWorkbook as readWorkbookWith,
} from "./read-workbook";
import type { FileKind } from "./sniff";

/** `readSpreadsheet` (./read-workbook) with `fflate` as the default inflater. */
export function readSpreadsheet(
  bytes: Uint8Array,
  options: ReadSpreadsheetOptions = {},
): Promise<WorkbookGrid> {
  return readSpreadsheetWith(bytes, { ...options, inflate: options.inflate ?? fflateInflate });
}

/**
 * `readWorkbook` (./read-workbook) with `fflate` as the default inflater.
 *
 * @example
 * const book = readWorkbook(bytes);
 * book.sheets[0]?.values[0]?.[0]; // A1 of the first sheet
 */
export function readWorkbook(
  bytes: Uint8Array,
  options: ReadWorkbookOptions = {},
  kind?: FileKind,
): WorkbookGrid {
  return readWorkbookWith(bytes, { ...options, inflate: options.inflate ?? fflateInflate }, kind);
}
