/**
 * 生成退回件 in the pane (issue #14): one annotated workbook per unit from the rows the open
 * workbook holds — core cuts each unit's rows (`unitFeedbackWorkbooks`), the browser writer renders
 * them (the same writer `split` uses for the templates it sends out), and the CLI's patcher marks
 * the problem cells, comments them and adds `退回修改说明` first. Loaded on demand (its own chunk);
 * the open workbook is only read.
 */
import { BROWSER_PACKAGE_CODECS, annotateWorkbook } from "../adapters/xlsx/patch";
import { renderWorkbookBytes } from "../adapters/xlsx/write/browser";
import { type IsoDate, type WorkbookGrid, unitFeedbackWorkbooks, validateRun } from "../core";
import { CURRENT_WORKBOOK } from "./engine";

export interface ReturnWorkbook {
  readonly unit: string;
  readonly fileName: string;
  readonly errors: number;
  readonly warnings: number;
  /** Problem cells marked and commented. */
  readonly marked: number;
  readonly bytes: Uint8Array;
}

/**
 * Validates the open workbook (as 校验 does, with its 设置's 统计截止日期 and 补报天数) and returns
 * one marked workbook per unit whose rows have issues, in the order the units first appear.
 *
 * @example buildReturnWorkbooks(grid, "2022-11-01").map((w) => w.fileName) // ["青山区-退回修改.xlsx", …]
 */
export function buildReturnWorkbooks(workbook: WorkbookGrid, today: IsoDate): ReturnWorkbook[] {
  const run = validateRun([{ file: CURRENT_WORKBOOK, workbook }], { today });
  const result = run.files[0];
  if (!result) return [];
  const units = unitFeedbackWorkbooks(workbook, result, {
    asOf: run.asOf,
    resubmitDays: run.settings.resubmitDays,
  });
  const out: ReturnWorkbook[] = [];
  for (const unit of units) {
    const plain = renderWorkbookBytes({ sheets: unit.sheets });
    const { bytes } = annotateWorkbook(
      plain,
      { marks: unit.feedback.marks, sheet: unit.feedback.sheet },
      { codecs: BROWSER_PACKAGE_CODECS },
    );
    out.push({
      unit: unit.unit,
      fileName: unit.fileName,
      errors: unit.feedback.errors,
      warnings: unit.feedback.warnings,
      marked: unit.feedback.marks.length,
      bytes,
    });
  }
  return out;
}
