/**
 * The .xlsx reader, bytes → grids. Platform-free: no file system, no `node:*` — the task pane
 * imports it to parse the files a user picks (with `fflate`), the CLI through `../node` (with
 * Node's zlib and the file system).
 */
export { type ReadDetail, WorkbookReadError, type WorkbookReadReason } from "./errors";
export { DEFAULT_MAX_UNPACKED_BYTES } from "./archive";
export { type BytesAsText, type Inflater } from "./inflate";
export { fflateInflate } from "./inflate-fflate";
export { type ReadSpreadsheetOptions, type ReadWorkbookOptions } from "./read-workbook";
export { readSpreadsheet, readWorkbook } from "./read-fflate";
export { type FileKind, refusalFor, sniffFile } from "./sniff";
export { BUILTIN_NUMBER_FORMATS } from "./styles";
