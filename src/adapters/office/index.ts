/** The Office.js adapter: read the open workbook into grids, write sheet plans back, mark cells; the host port over Office.js. */
export * from "./errors";
export { type ApiSupport, officeApiSupport, runExcel, withEditModeRetry, type RetryOptions } from "./support";
export {
  readWorkbook,
  READ_BUDGET_BYTES,
  SAMPLE_ROWS,
  ROW_SAFETY,
  type ReadNote,
  type ReadOptions,
  type ReadProgress,
  type ReadStats,
  type ReadWorkbookResult,
} from "./read";
export {
  renderSheetPlan,
  needsTextFormat,
  charsToPoints,
  validationRule,
  type RenderOptions,
  type RenderResult,
} from "./render";
export { OWNER_NAME, type SheetKind } from "./ownership";
export {
  highlightIssues,
  clearHighlights,
  hasHighlights,
  HIGHLIGHT_SETTING,
  HIGHLIGHT_LIMIT,
  ERROR_FILL,
  WARNING_FILL,
  type HighlightTarget,
  type HighlightResult,
  type ClearResult,
} from "./highlight";
export { selectCell } from "./select";
export { inspectSheets, type SheetStatus } from "./inspect";
export { writeCells, SheetExistsError, type CellWrite } from "./write-cells";
export { createOfficeHost, type OfficeHostOptions } from "./host";
