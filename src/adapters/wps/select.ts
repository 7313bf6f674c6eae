/** Going to an issue's cell in WPS: activate its sheet (Select works only on the active sheet), select the cell. */
import type { EtApplication } from "./et";
import { SheetHiddenError, SheetNotFoundError } from "./errors";
import { activeWorkbook, findSheet } from "./sheets";
import { SHEET_VISIBLE } from "./et";

export function selectCell(app: EtApplication, sheetName: string, cell: string): void {
  const sheet = findSheet(activeWorkbook(app), sheetName);
  if (!sheet) throw new SheetNotFoundError(sheetName);
  if (sheet.Visible !== SHEET_VISIBLE) throw new SheetHiddenError(sheetName);
  sheet.Activate();
  sheet.Range(cell).Select();
}
