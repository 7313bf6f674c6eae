/** The task pane's Excel operations: each one `Excel.run` batch through the Office adapter. */
import {
  type CellWrite,
  type ClearResult,
  type HighlightResult,
  type HighlightTarget,
  type ReadProgress,
  type ReadWorkbookResult,
  type SheetKind,
  type SheetStatus,
  clearHighlights,
  highlightIssues,
  inspectSheets,
  readWorkbook,
  renderSheetPlan,
  runExcel,
  selectCell,
  writeCells,
} from "../adapters/office";
import type { SheetPlan } from "../core/plan";

export function readOpenWorkbook(
  onProgress: (p: ReadProgress) => void,
  include?: (sheetName: string) => boolean,
): Promise<ReadWorkbookResult> {
  return runExcel((context) => readWorkbook(context, include ? { onProgress, include } : { onProgress }));
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

/** What holds each of `names` now: nothing, a sheet of ours (its kind), or someone else's sheet. */
export function inspectTargets(names: readonly string[]): Promise<Map<string, SheetStatus>> {
  return runExcel((context) => inspectSheets(context, names));
}

/**
 * Writes generated sheets in order, then activates `activate` (its A1 selected). Sheets of ours
 * with the same names are replaced — the caller has asked the user already (`replaceKinds`); a
 * foreign sheet is still refused by the adapter. Returns the adapter's notes (features skipped).
 */
export function writeGeneratedSheets(
  sheets: ReadonlyArray<{ plan: SheetPlan; kind: SheetKind }>,
  options: { activate: string; replaceKinds: ReadonlySet<SheetKind>; onSheet?: (name: string) => void },
): Promise<string[]> {
  return runExcel(async (context) => {
    const notes: string[] = [];
    for (const { plan, kind } of sheets) {
      options.onSheet?.(plan.name);
      const result = await renderSheetPlan(context, plan, {
        kind,
        confirmReplace: (_sheet, existing) =>
          Promise.resolve(existing !== null && options.replaceKinds.has(existing)),
      });
      notes.push(...result.notes);
    }
    await selectCell(context, options.activate, "A1");
    return [...new Set(notes)];
  });
}

/** Writes single cells of one sheet (creating it first when `create`). */
export function writeSheetCells(
  sheet: string,
  cells: readonly CellWrite[],
  options: { create: boolean },
): Promise<void> {
  return runExcel((context) => writeCells(context, sheet, cells, options));
}
