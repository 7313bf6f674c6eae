/**
 * Errors the WPS adapter throws: named subclasses with a stable `code` (the same codes as the
 * Office adapter's, so the pane words them the same way) and a Chinese message.
 */

export class WpsAdapterError extends Error {
  readonly code: string = "wps-error";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** WPS has no document open (`Application.ActiveWorkbook` is null). */
export class NoWorkbookError extends WpsAdapterError {
  override readonly code = "no-workbook";
  constructor() {
    super("WPS 中没有打开的工作簿。请先打开要处理的表格。");
  }
}

export class SheetNotOwnedError extends WpsAdapterError {
  override readonly code = "sheet-not-owned";
  constructor(readonly sheet: string) {
    super(
      `工作表“${sheet}”不是台账助手生成的，为避免覆盖您的数据，未作任何修改。请重命名或删除该工作表后重试。`,
    );
  }
}

/** A workbook-scoped name the plan defines exists already and is the user's (it refers elsewhere). */
export class NameTakenError extends WpsAdapterError {
  override readonly code = "name-taken";
  constructor(readonly definedName: string) {
    super(
      `工作簿中已有名称“${definedName}”，且不是台账助手生成的。为避免覆盖，未作任何修改。请在“名称管理器”中重命名或删除它后重试。`,
    );
  }
}

export class ReplaceCancelledError extends WpsAdapterError {
  override readonly code = "replace-cancelled";
  constructor(readonly sheet: string) {
    super(`已取消：未替换工作表“${sheet}”。`);
  }
}

export class SheetNotFoundError extends WpsAdapterError {
  override readonly code = "sheet-not-found";
  constructor(readonly sheet: string) {
    super(`找不到工作表“${sheet}”，它可能已被重命名或删除。请重新校验。`);
  }
}

export class SheetHiddenError extends WpsAdapterError {
  override readonly code = "sheet-hidden";
  constructor(readonly sheet: string) {
    super(`工作表“${sheet}”已隐藏，无法定位到单元格。请先取消隐藏该工作表。`);
  }
}

export class SheetExistsError extends WpsAdapterError {
  override readonly code = "sheet-exists";
  constructor(readonly sheet: string) {
    super(`工作表“${sheet}”已存在，未作修改。请重新打开设置页后再保存。`);
  }
}

export class TooManyHighlightsError extends WpsAdapterError {
  override readonly code = "too-many-highlights";
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`问题单元格共 ${count} 个，超过一次标注的上限 ${limit} 个。请先修正部分问题后再标注。`);
  }
}

/** `Value2` came back in a shape the adapter does not know (neither a value, rows, nor a SAFEARRAY). */
export class UnexpectedValueError extends WpsAdapterError {
  override readonly code = "unexpected-value";
  constructor(readonly address: string) {
    super(`WPS 返回的单元格数据格式无法识别（${address}）。请将此情况反馈给管理员。`);
  }
}

/** Any other failure of a WPS call, with WPS's own message kept. */
export class EtCallError extends WpsAdapterError {
  override readonly code = "wps-call-failed";
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`WPS 操作失败：${detail}`, options);
  }
}

export function toWpsError(error: unknown): WpsAdapterError {
  if (error instanceof WpsAdapterError) return error;
  return new EtCallError(error instanceof Error ? error.message : String(error), { cause: error });
}
