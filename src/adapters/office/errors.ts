/**
 * Errors the Office adapter throws. Each is a named subclass of the host port's `HostError`: its
 * `problem` is data the task pane renders in its own language; `message` is the Chinese text.
 */
import { HostError, type HostProblem, hostProblemZh } from "../../host";

export class OfficeAdapterError extends HostError {
  constructor(problem: HostProblem, options?: { cause?: unknown }) {
    super(problem, hostProblemZh(problem), options);
  }
}

/** A sheet with the target name exists and was not created by 台账助手. */
export class SheetNotOwnedError extends OfficeAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-not-owned", sheet });
  }
}

/**
 * A workbook-scoped name the plan defines (e.g. `任务类别`) already exists and refers to something
 * other than the sheet being written: it is the user's, so it is left alone and nothing is written.
 */
/** A defined name the plan needs exists in the workbook and is not ours. */
export class NameTakenError extends OfficeAdapterError {
  constructor(readonly definedName: string) {
    super({ code: "name-taken", name: definedName });
  }
}

/** The user declined to replace a sheet the product generated earlier. */
export class ReplaceCancelledError extends OfficeAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "replace-cancelled", sheet });
  }
}

/** A feature needs a newer Excel API than this Excel offers. */
export class UnsupportedApiError extends OfficeAdapterError {
  constructor(
    readonly feature: "highlight" | "clear-highlights" | "print-setup" | "read-merges",
    readonly requirement: string,
  ) {
    super({ code: "unsupported-api", feature, requirement });
  }
}

export class SheetNotFoundError extends OfficeAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-not-found", sheet });
  }
}

export class SheetHiddenError extends OfficeAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-hidden", sheet });
  }
}

/** Excel stayed in cell-editing mode through every retry. */
export class CellEditModeError extends OfficeAdapterError {
  constructor(options?: { cause?: unknown }) {
    super({ code: "cell-edit-mode" }, options);
  }
}

/** Too many cells to highlight in one go (the originals must fit in the workbook's settings). */
export class TooManyHighlightsError extends OfficeAdapterError {
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super({ code: "too-many-highlights", count, limit });
  }
}

/** Any other failure of an Excel call, with Excel's own code kept for diagnosis. */
export class ExcelCallError extends OfficeAdapterError {
  constructor(
    readonly excelCode: string,
    reason: "payload-too-large" | "item-not-found" | "access-denied" | "other",
    detail: string,
    options?: { cause?: unknown },
  ) {
    super({ code: "host-call-failed", hostCode: excelCode, reason, detail }, options);
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

/** Turns anything thrown inside an Excel batch into an `OfficeAdapterError`. */
export function toAdapterError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new CellEditModeError({ cause: error });
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelCallError(code, "payload-too-large", detail, { cause: error });
    case "ItemNotFound":
      return new ExcelCallError(code, "item-not-found", detail, { cause: error });
    case "AccessDenied":
      return new ExcelCallError(code, "access-denied", detail, { cause: error });
    default:
      return new ExcelCallError(code ?? "Unknown", "other", detail, { cause: error });
  }
}
