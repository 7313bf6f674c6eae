/**
 * Errors the WPS adapter throws: each a subclass of the host port's `HostError`, its `problem` data
 * the pane words in its own language (the same problems as the Office adapter's where they mean the
 * same), `message` the Chinese text.
 */
import { HostError, type HostProblem, hostProblemZh } from "../../host";

export class WpsAdapterError extends HostError {
  constructor(problem: HostProblem, options?: { cause?: unknown }) {
    super(problem, hostProblemZh(problem), options);
  }
}

/** WPS has no document open (`Application.ActiveWorkbook` is null). */
export class NoWorkbookError extends WpsAdapterError {
  constructor() {
    super({ code: "no-workbook" });
  }
}

export class SheetNotOwnedError extends WpsAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-not-owned", sheet });
  }
}

/** A workbook-scoped name the plan defines exists already and is the user's (it refers elsewhere). */
export class NameTakenError extends WpsAdapterError {
  constructor(readonly definedName: string) {
    super({ code: "name-taken", name: definedName });
  }
}

export class ReplaceCancelledError extends WpsAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "replace-cancelled", sheet });
  }
}

export class SheetNotFoundError extends WpsAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-not-found", sheet });
  }
}

export class SheetHiddenError extends WpsAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-hidden", sheet });
  }
}

export class SheetExistsError extends WpsAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-exists", sheet });
  }
}

export class TooManyHighlightsError extends WpsAdapterError {
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super({ code: "too-many-highlights", count, limit });
  }
}

/** `Value2` came back in a shape the adapter does not know (neither a value, rows, nor a SAFEARRAY). */
export class UnexpectedValueError extends WpsAdapterError {
  constructor(readonly address: string) {
    super({ code: "wps-call-failed", detail: `无法识别 WPS 返回的单元格数据（${address}）` });
  }
}

/** Any other failure of a WPS call, with WPS's own message kept. */
export class EtCallError extends WpsAdapterError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super({ code: "wps-call-failed", detail }, options);
  }
}

export function toWpsError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  return new EtCallError(error instanceof Error ? error.message : String(error), { cause: error });
}
