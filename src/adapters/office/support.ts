/**
 * Which ExcelApi requirement sets this Excel offers, and running a batch with the one retry Office
 * documents as safe: `InvalidOperationInCellEditMode` (the user is typing in a cell).
 *
 * ExcelApi 1.7 is the manifest's minimum. Higher sets are used when present:
 * - 1.9  `worksheet.getRanges` (RangeAreas), `getCellProperties`/`setCellProperties`, `pageLayout`
 * - 1.13 `range.getMergedAreasOrNullObject`
 */
import { CellEditModeError, officeErrorCode, toAdapterError } from "./errors";

/** `supports(9)` → true when ExcelApi 1.9 is available. */
export type ApiSupport = (minor: number) => boolean;

export const officeApiSupport: ApiSupport = (minor) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  // Outside Office (unit tests with the fake) every set is available unless a test says otherwise.
  if (!office?.context?.requirements) return true;
  return office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`);
};

export interface RetryOptions {
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `batch`, retrying only while Excel reports `InvalidOperationInCellEditMode`; every other
 * error (and the last edit-mode one) is rethrown as an `OfficeAdapterError` with a Chinese message.
 */
export async function withEditModeRetry<T>(batch: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await batch();
    } catch (error) {
      if (officeErrorCode(error) !== "InvalidOperationInCellEditMode") throw toAdapterError(error);
      if (attempt >= attempts) throw new CellEditModeError({ cause: error });
      await sleep((options.delayMs ?? 800) * attempt);
    }
  }
}

/** `Excel.run` with the edit-mode retry. `excel` defaults to the global `Excel`. */
export function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: RetryOptions & { excel?: { run: typeof Excel.run } } = {},
): Promise<T> {
  const excel = options.excel ?? (globalThis as unknown as { Excel: { run: typeof Excel.run } }).Excel;
  return withEditModeRetry(() => excel.run(batch), options);
}
