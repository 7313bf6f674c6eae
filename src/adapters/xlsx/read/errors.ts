/** Why a file could not be read as a workbook. */
export type WorkbookReadReason =
  | "not-xlsx"
  | "encrypted"
  | "truncated"
  | "too-large"
  | "corrupt"
  /** An old-format .xls, when no .xls reader is plugged in (`readSpreadsheet`'s `readXls`). */
  | "xls"
  /** A cell or row beyond Excel's limits (row 1,048,576, column XFD). */
  | "beyond-limits";

/**
 * A file that cannot be read as an .xlsx workbook. The message is one line of Chinese meant for the
 * user (the CLI prints it as is); `reason` is the stable code for programs.
 */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly reason: WorkbookReadReason;

  constructor(reason: WorkbookReadReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** A part's XML is not what the scanner expects: reported as `corrupt`, naming the part. */
export function corruptPart(part: string, what: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `文件已损坏（${part}：${what}）`);
}
