/**
 * Writing a few single cells of a user's sheet (the settings editor's 保存): each cell's number
 * format first, so that WPS keeps the value as given — a string it would otherwise take as a
 * formula, number or date is written as Text (`@`), a number as General — then its value.
 */
import type { EtApplication, EtWorksheet } from "./et";
import { SheetExistsError, SheetNotFoundError } from "./errors";
import { withScreenUpdatingOff } from "./pace";
import { needsTextFormat } from "./render";
import { activeWorkbook, findSheet, lastSheet } from "./sheets";

export interface CellWrite {
  readonly cell: string;
  /** `""` empties the cell. */
  readonly value: string | number;
}

export async function writeCells(
  app: EtApplication,
  sheetName: string,
  cells: readonly CellWrite[],
  options: { create?: boolean } = {},
): Promise<void> {
  const workbook = activeWorkbook(app);
  let sheet: EtWorksheet;
  const existing = findSheet(workbook, sheetName);
  await withScreenUpdatingOff(app, async () => {
    if (options.create) {
      if (existing) throw new SheetExistsError(sheetName);
      const active = app.ActiveSheet as EtWorksheet | null;
      sheet = workbook.Worksheets.Add(undefined, lastSheet(workbook)) as EtWorksheet;
      sheet.Name = sheetName;
      active?.Activate();
    } else {
      if (!existing) throw new SheetNotFoundError(sheetName);
      sheet = existing;
    }
    for (const { cell, value } of cells) {
      const range = sheet.Range(cell);
      if (typeof value === "number") range.NumberFormat = "General";
      else if (needsTextFormat(value)) range.NumberFormat = "@";
      // The declarations type Value2 as string | any[]; a number is as valid a cell value.
      range.Value2 = value as string;
    }
  });
}
