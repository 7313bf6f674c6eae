export { OutputWriteError } from "./errors";
export { renderWorkbookBuffer, startDeflateWorker } from "./node";
export { writeBytesFile, writeWorkbookFile, type WriteWorkbookOptions } from "./write-file";
