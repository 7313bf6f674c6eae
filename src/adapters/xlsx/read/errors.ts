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
 * What a refusal names, free of any language, so that each front end can word it: the part that is
 * damaged, the cell or row beyond Excel's limits, or what the file is instead of a workbook.
 */
export interface ReadDetail {
  readonly part?: string;
  readonly cell?: string;
  readonly row?: string;
  readonly format?: "empty" | "compound" | "text" | "html" | "xml2003" | "unknown";
}

/**
 * A file that cannot be read as an .xlsx workbook. The message is one line of Chinese meant for the
 * user (the Chinese CLI prints it as is); `reason` is the stable code for programs, and with
 * `detail` what another language's words are made from.
 */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly reason: WorkbookReadReason;
  readonly detail: ReadDetail;

  constructor(reason: WorkbookReadReason, message: string, detail: ReadDetail = {}) {
    super(message);
    this.reason = reason;
    this.detail = detail;
  }
}

/** A part's XML is not what the scanner expects: reported as `corrupt`, naming the part. */
export function corruptPart(part: string, what: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `文件已损坏（${part}：${what}）`, { part });
}
