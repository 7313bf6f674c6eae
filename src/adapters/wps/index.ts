/** The WPS 表格 adapter: read the open workbook into grids, write sheet plans, mark cells — over the ET object model. */
export * from "./errors";
export { type EtApplication, type WpsAddonRoot, type WpsTaskPane, toEtColor } from "./et";
export {
  readWorkbook,
  cellFromValue2,
  value2Rows,
  SLICE_CELLS,
  type ReadProgress,
  type WpsReadOptions,
  type WpsReadResult,
  type WpsReadStats,
} from "./read";
export {
  renderSheetPlan,
  needsTextFormat,
  type RenderNote,
  type RenderOptions,
  type RenderResult,
} from "./render";
export {
  highlightIssues,
  clearHighlights,
  hasHighlights,
  HIGHLIGHT_LIMIT,
  ERROR_FILL,
  WARNING_FILL,
  type EtFill,
  type HighlightTarget,
  type HighlightResult,
  type ClearResult,
} from "./highlight";
export { selectCell } from "./select";
export { inspectSheets, type SheetStatus } from "./inspect";
export { writeCells, type CellWrite } from "./write-cells";
export { STORE_SHEET } from "./sheets";
export { yieldToEventLoop, type Yield } from "./pace";
export { isWpsHost } from "./detect";
export { wpsDisplayLanguage } from "./language";
export { createWpsHost, type WpsHostOptions } from "./host";
export { type WpsFiles, openFromTemp, saveWithDialog } from "./files";
