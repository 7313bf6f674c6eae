export { OutputWriteError } from "./errors";
export { renderWorkbookBuffer } from "./render";
export { writeWorkbookFile, type WriteWorkbookOptions } from "./write-file";
