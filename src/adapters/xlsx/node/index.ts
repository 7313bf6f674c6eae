/** The xlsx adapter's Node side (CLI only): Node's zlib for inflating, and files on disk. */
export { nodeBytesAsText } from "./bytes-as-text";
export { zlibInflate } from "./inflate";
export { NODE_PACKAGE_CODECS } from "./package-codecs";
export { readWorkbook, readWorkbookFile } from "./read-file";
export { removeStaleTempFiles, tempFileName } from "./temp-files";
