/**
 * A workbook for the fake Excel built from the bundled sample (seeds/period-2): the ledgers of
 * 青山区 and 江南区 as two sheets, with the 设置 and 单位名册 of 青山区's workbook. Read with the
 * xlsx adapter in the test process; the browser only sees plain values.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { type CellValue, type SheetGrid, columnName, isCellError } from "../../src/core/grid";
import type { FakeSheetInput } from "../fake-excel";
import { ROOT } from "./support";

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, Excel's day 0 in the 1900 system for serials ≥ 61. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A cell as Excel hands it to Office.js: dates as serials, errors as their text. */
function excelValue(value: CellValue): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof Date) return Math.round((value.getTime() - EPOCH_1900) / MS_PER_DAY);
  if (isCellError(value)) return value.error;
  return value;
}

export function toFakeSheet(grid: SheetGrid, name = grid.name): FakeSheetInput {
  return {
    name,
    rows: grid.values.map((row) => row?.map(excelValue)),
    numberFormats: grid.numberFormats.map((row) => row?.slice()),
    merges: grid.merges.map((m) => `${columnName(m.left)}${m.top + 1}:${columnName(m.right)}${m.bottom + 1}`),
  };
}

export async function sampleSheets(): Promise<FakeSheetInput[]> {
  const dir = join(ROOT, "seeds", "period-2");
  const qingshan = await readWorkbookFile(join(dir, "青山区.xlsx"));
  const jiangnan = await readWorkbookFile(join(dir, "江南区.xlsx"));
  const sheet = (wb: typeof qingshan, name: string) => {
    const found = wb.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`sample has no sheet ${name}`);
    return found;
  };
  if (qingshan.date1904 || jiangnan.date1904) throw new Error("expected 1900 date system in the sample");
  return [
    toFakeSheet(sheet(qingshan, "重点任务台账"), "青山区"),
    toFakeSheet(sheet(jiangnan, "重点任务台账"), "江南区"),
    toFakeSheet(sheet(qingshan, "设置")),
    toFakeSheet(sheet(qingshan, "单位名册")),
  ];
}
