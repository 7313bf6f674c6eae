export { WorkbookReadError, type WorkbookReadReason } from "./errors";
export { readWorkbook, readWorkbookFile, type ReadWorkbookOptions } from "./read-workbook";
export { BUILTIN_NUMBER_FORMATS } from "./styles";
