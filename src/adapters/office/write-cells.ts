/**
 * Writing a few single cells of a user's sheet (the settings editor's 保存): values only, each
 * cell's number format set so that Excel keeps the value as given — a string it would otherwise
 * take as a formula, number or date is written as Text (`@`), a number as General.
 */
import { needsTextFormat } from "./render";
import { OfficeAdapterError } from "./errors";

export interface CellWrite {
  /** A1 address, e.g. `B4`. */
  readonly cell: string;
  /** `""` empties the cell. */
  readonly value: string | number;
}

/** The sheet that `writeCells` was told to create exists already (someone added it meanwhile). */
export class SheetExistsError extends OfficeAdapterError {
  constructor(readonly sheet: string) {
    super({ code: "sheet-exists", sheet });
  }
}

/**
 * Writes `cells` of `sheetName` in one sync. With `create`, the sheet is added first (and it must
 * not exist); without it, a missing sheet is Excel's `ItemNotFound`.
 */
export async function writeCells(
  context: Excel.RequestContext,
  sheetName: string,
  cells: readonly CellWrite[],
  options: { create?: boolean } = {},
): Promise<void> {
  let sheet: Excel.Worksheet;
  if (options.create) {
    const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
    existing.load("name");
    await context.sync();
    if (!existing.isNullObject) throw new SheetExistsError(sheetName);
    sheet = context.workbook.worksheets.add(sheetName);
  } else {
    sheet = context.workbook.worksheets.getItem(sheetName);
  }
  for (const { cell, value } of cells) {
    const range = sheet.getRange(cell);
    if (typeof value === "number") range.numberFormat = [["General"]];
    else if (needsTextFormat(value)) range.numberFormat = [["@"]];
    range.values = [[value]];
  }
  await context.sync();
}
