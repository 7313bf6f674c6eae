export { OutputWriteError } from "./errors";
export { renderWorkbookBuffer } from "./node";
export { writeWorkbookFile, type WriteWorkbookOptions } from "./write-file";
