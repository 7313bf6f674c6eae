/**
 * The xlsx adapter for Node (the CLI): `readWorkbook` here inflates with Node's zlib. The task
 * pane imports `./read` (platform-free, `fflate`) and never this barrel, which reaches the file system.
 */
export {
  type ReadDetail,
  WorkbookReadError,
  type WorkbookReadReason,
  DEFAULT_MAX_UNPACKED_BYTES,
  type FileKind,
  type Inflater,
  type ReadSpreadsheetOptions,
  type ReadWorkbookOptions,
  BUILTIN_NUMBER_FORMATS,
  fflateInflate,
  readSpreadsheet,
  refusalFor,
  sniffFile,
} from "./read";
export {
  NODE_PACKAGE_CODECS,
  readWorkbook,
  readWorkbookFile,
  removeStaleTempFiles,
  tempFileName,
  zlibInflate,
} from "./node";
export * from "./write";
export * from "./patch";
export * from "./xls/read-xls";
