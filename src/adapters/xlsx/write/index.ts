export { OutputWriteError } from "./errors";
export { renderWorkbookBuffer } from "./node";
export { writeBytesFile, writeWorkbookFile, type WriteWorkbookOptions } from "./write-file";
