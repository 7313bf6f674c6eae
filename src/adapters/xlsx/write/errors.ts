/**
 * The output workbook could not be produced or written (输出文件写入失败). The message is one line of
 * Chinese for the person running the CLI; `cause` keeps the underlying error for diagnostics.
 */
export class OutputWriteError extends Error {
  override readonly name = "OutputWriteError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
  }
}

/** Collapses line breaks so the message stays one line even when it quotes a library's error. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

const FS_REASONS: Readonly<Record<string, string>> = {
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  EROFS: "目标位置只读",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已满",
  EISDIR: "目标是一个文件夹",
  ENOTDIR: "路径中有一段不是文件夹",
  EEXIST: "同名文件已存在",
  EBUSY: "文件被占用（可能正在 Excel 中打开）",
  ENAMETOOLONG: "路径过长",
};

/** A short Chinese reason for a thrown value: known file-system codes are translated, the rest quoted. */
export function reasonOf(error: unknown): string {
  // Duck-typed rather than `instanceof Error`: errors from another realm (a vm context) fail that test.
  if (typeof error === "object" && error !== null && "message" in error) {
    const { code, message } = error as { code?: unknown; message: unknown };
    const known = typeof code === "string" ? FS_REASONS[code] : undefined;
    if (known !== undefined) return `${known}（${String(code)}）`;
    return String(message);
  }
  return String(error);
}
