/**
 * The writer for the browser (the task pane's 导出): the same renderer as the CLI's, compressing
 * with fflate instead of Node's zlib. Nothing here imports Node.
 */
import type { WorkbookPlan } from "../../../core/plan";
import { browserCodec } from "./deflate";
import { renderWorkbook } from "./render";

/** The .xlsx bytes of `plan`; throws OutputWriteError as `renderWorkbookBuffer` does. */
export function renderWorkbookBytes(plan: WorkbookPlan): Uint8Array {
  return renderWorkbook(plan, browserCodec);
}
