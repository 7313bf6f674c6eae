/**
 * The one module through which the task pane calls the core engine, so that a renamed core export
 * changes only this file. Loaded lazily (`import("./engine")`) to keep the pane's first paint small.
 */
import { type IssueData, type WorkbookGrid, localizeIssue, validateWorkbook } from "../core";
import type { Language } from "./i18n";

export interface SheetSummary {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface PaneIssue extends IssueData {
  readonly message: string;
}

export interface PaneValidation {
  readonly asOf: string;
  readonly sheets: readonly SheetSummary[];
  readonly issues: readonly PaneIssue[];
}

/** Validates the workbook as the core does and renders each issue's message in `language`. */
export function validateForPane(
  workbook: WorkbookGrid,
  options: { today: string; language: Language },
): PaneValidation {
  const result = validateWorkbook(workbook, { today: options.today });
  return {
    asOf: result.context.asOf,
    sheets: result.sheets.map((s) => ({
      sheet: s.sheet,
      headerRow: s.headerRow,
      rows: s.rows,
      errors: s.errors,
      warnings: s.warnings,
    })),
    issues: result.issues.map((issue) => localizeIssue(issue, options.language)),
  };
}

/** Today's date where the pane runs, as `YYYY-MM-DD` (local calendar, not UTC). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
