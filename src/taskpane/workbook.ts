/** The task pane's Excel operations: each one `Excel.run` batch through the Office adapter. */
import {
  type ClearResult,
  type HighlightResult,
  type HighlightTarget,
  type ReadProgress,
  type ReadWorkbookResult,
  clearHighlights,
  highlightIssues,
  readWorkbook,
  runExcel,
  selectCell,
} from "../adapters/office";

export function readOpenWorkbook(onProgress: (p: ReadProgress) => void): Promise<ReadWorkbookResult> {
  return runExcel((context) => readWorkbook(context, { onProgress }));
}

export function highlightCells(targets: readonly HighlightTarget[]): Promise<HighlightResult> {
  return runExcel((context) => highlightIssues(context, targets));
}

export function clearCellHighlights(): Promise<ClearResult> {
  return runExcel((context) => clearHighlights(context));
}

export function goToCell(sheet: string, cell: string): Promise<void> {
  return runExcel((context) => selectCell(context, sheet, cell));
}
