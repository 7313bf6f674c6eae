/**
 * Errors the Office adapter throws. Each is a named subclass with a Chinese message that the task
 * pane can show as is; `code` lets callers branch without matching on text.
 */

export class OfficeAdapterError extends Error {
  readonly code: string = "office-error";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A sheet with the target name exists and was not created by 台账助手. */
export class SheetNotOwnedError extends OfficeAdapterError {
  override readonly code = "sheet-not-owned";
  constructor(readonly sheet: string) {
    super(
      `工作表“${sheet}”不是台账助手生成的，为避免覆盖您的数据，未作任何修改。请重命名或删除该工作表后重试。`,
    );
  }
}

/**
 * A workbook-scoped name the plan defines (e.g. `任务类别`) already exists and refers to something
 * other than the sheet being written: it is the user's, so it is left alone and nothing is written.
 */
export class NameTakenError extends OfficeAdapterError {
  override readonly code = "name-taken";
  constructor(readonly definedName: string) {
    super(
      `工作簿中已有名称“${definedName}”，且不是台账助手生成的。为避免覆盖，未作任何修改。请在“名称管理器”中重命名或删除它后重试。`,
    );
  }
}

/** The user declined to replace a sheet the product generated earlier. */
export class ReplaceCancelledError extends OfficeAdapterError {
  override readonly code = "replace-cancelled";
  constructor(readonly sheet: string) {
    super(`已取消：未替换工作表“${sheet}”。`);
  }
}

/** A feature needs a newer Excel API than this Excel offers. */
export class UnsupportedApiError extends OfficeAdapterError {
  override readonly code = "unsupported-api";
  constructor(
    readonly feature: string,
    readonly requirement: string,
  ) {
    super(
      `当前 Excel 版本不支持“${feature}”（需要 ${requirement}）。请升级 Office 或使用 Microsoft 365 / Excel 网页版。`,
    );
  }
}

export class SheetNotFoundError extends OfficeAdapterError {
  override readonly code = "sheet-not-found";
  constructor(readonly sheet: string) {
    super(`找不到工作表“${sheet}”，它可能已被重命名或删除。请重新校验。`);
  }
}

export class SheetHiddenError extends OfficeAdapterError {
  override readonly code = "sheet-hidden";
  constructor(readonly sheet: string) {
    super(`工作表“${sheet}”已隐藏，无法定位到单元格。请先取消隐藏该工作表。`);
  }
}

/** Excel stayed in cell-editing mode through every retry. */
export class CellEditModeError extends OfficeAdapterError {
  override readonly code = "cell-edit-mode";
  constructor(options?: { cause?: unknown }) {
    super("Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，然后重试。", options);
  }
}

/** Too many cells to highlight in one go (the originals must fit in the workbook's settings). */
export class TooManyHighlightsError extends OfficeAdapterError {
  override readonly code = "too-many-highlights";
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`问题单元格共 ${count} 个，超过一次标注的上限 ${limit} 个。请先修正部分问题后再标注。`);
  }
}

/** Any other failure of an Excel call, with Excel's own code kept for diagnosis. */
export class ExcelCallError extends OfficeAdapterError {
  override readonly code = "excel-call-failed";
  constructor(
    readonly excelCode: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Excel 操作失败（${excelCode}）：${detail}`, options);
  }
}

/** The Office error code of an error thrown by `context.sync()`, if any. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** Turns anything thrown inside an Excel batch into an `OfficeAdapterError` with a Chinese message. */
export function toAdapterError(error: unknown): OfficeAdapterError {
  if (error instanceof OfficeAdapterError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new CellEditModeError({ cause: error });
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelCallError(code, "单次传输的数据量超过 Excel 的上限。", { cause: error });
    case "ItemNotFound":
      return new ExcelCallError(code, "要访问的工作表或区域不存在，可能已被删除或重命名。", { cause: error });
    case "AccessDenied":
      return new ExcelCallError(code, "工作簿处于保护或只读状态，无法修改。", { cause: error });
    default:
      return new ExcelCallError(code ?? "Unknown", detail, { cause: error });
  }
}
