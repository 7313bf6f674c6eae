import type { WorkbookPlan } from "../../../core/plan";
import { workerCodec } from "./deflate-worker";
import { renderWorkbook, renderWorkbookParts } from "./render";

export { startDeflateWorker } from "./deflate-worker";

/**
 * Renders the plan to the bytes of an .xlsx workbook (Node: native zlib), sheets in plan order.
 * Throws OutputWriteError when the plan cannot become a sound workbook (bad sheet name, unknown
 * style id, overlapping merges, a non-finite number, no visible sheet, a validation whose source
 * is not in the workbook).
 */
export async function renderWorkbookBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  return renderWorkbook(plan, workerCodec);
}

/** `renderWorkbookBuffer`'s bytes as pieces in order, for writing to a file without joining them. */
export function renderWorkbookPieces(plan: WorkbookPlan): Uint8Array[] {
  return renderWorkbookParts(plan, workerCodec);
}
