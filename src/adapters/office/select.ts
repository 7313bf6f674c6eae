/** Going to an issue's cell: activate its sheet and select the cell. */
import { SheetHiddenError, SheetNotFoundError } from "./errors";

export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: string,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("visibility");
  await context.sync();
  if (sheet.isNullObject) throw new SheetNotFoundError(sheetName);
  if (sheet.visibility !== "Visible") throw new SheetHiddenError(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
