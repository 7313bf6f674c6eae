import path from "node:path";
import { readWorkbook } from "../../../src/adapters/office";
import { readWorkbookFile } from "../../../src/adapters/xlsx";
import { type CellValue, a1, isCellError, validateRun } from "../../../src/core";
import { createFakeExcel } from "../../fake-excel";

/** The fake holds what Excel holds: dates as serials, errors as their text. */
function toFake(value: CellValue) {
  if (value instanceof Date) return Math.round(value.getTime() / 86400000) + 25569;
  if (value !== null && isCellError(value)) return value.error;
  return value;
}

describe("validation in the add-in reads only", () => {
  it("leaves every value, number format, formula and style of the workbook unchanged", async () => {
    const grid = await readWorkbookFile(path.join(__dirname, "../../../seeds/period-2/白鹭县.xlsx"));
    const excel = createFakeExcel(
      grid.sheets.map((s) => ({
        name: s.name,
        rows: s.values.map((row) => row?.map(toFake)),
        numberFormats: s.numberFormats,
        merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
      })),
    );
    const snapshot = () =>
      JSON.stringify(
        excel.model.sheets.map((s) => ({
          name: s.name,
          values: s.values,
          formats: s.numberFormats,
          formulas: [...s.formulas],
          styles: [...s.styles.entries()],
          merges: s.merges,
        })),
      );
    const before = snapshot();

    const read = await readWorkbook(excel.newContext() as unknown as Excel.RequestContext);
    const run = validateRun([{ file: "白鹭县.xlsx", workbook: read }], { today: "2022-10-31" });

    // The same errors the CLI finds in this file (seeds/period-2/expected-issues.json).
    expect(run.issues.filter((i) => i.severity === "error").map((i) => [i.cell, i.code])).toEqual([
      ["I21", "status-progress-mismatch"],
      ["E28", "unknown-unit"],
    ]);
    expect(snapshot()).toBe(before);
  });
});
