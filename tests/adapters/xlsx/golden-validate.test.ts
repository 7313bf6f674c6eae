/**
 * Validation end to end through real files written by other programs (ExcelJS, and LibreOffice from
 * a flat ODS): `readWorkbookFile` → `validateRun`. The expected issues are the ones planted in
 * `tests/fixtures/golden/make-golden.ts` and `golden-libreoffice.fods`, each derived from SPEC §2–§4.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../../src/adapters/xlsx";
import { type RunValidation, dayToIso, validateRun } from "../../../src/core";

const GOLDEN = join(__dirname, "../../fixtures/golden");

async function validateFile(name: string): Promise<RunValidation> {
  const workbook = await readWorkbookFile(join(GOLDEN, name));
  // `today` is far away so that only the 设置 date (2022-10-31) can matter.
  return validateRun([{ file: name, workbook }], { today: "2030-01-01" });
}

const list = (run: RunValidation): string[] => run.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);
const iso = (day: number | null): string | null => (day === null ? null : dayToIso(day));

describe("golden-exceljs.xlsx (ExcelJS)", () => {
  let run: RunValidation;
  beforeEach(async () => {
    run = await validateFile("golden-exceljs.xlsx");
  });

  it("reports exactly the planted issues", () => {
    expect(run.asOf).toBe("2022-10-31");
    expect(list(run)).toEqual([
      "重点任务台账!M3 unknown-column", // 联系电话 is no ledger column
      "重点任务台账!H6 nonstandard-value", // 进行中 → 推进中
      "重点任务台账!I6 ambiguous-percent", // 0.5 without a % format
      "重点任务台账!C7 invalid-enum", // 城市党建
      "重点任务台账!E7 unknown-unit", // 青山县
      "重点任务台账!G7 invalid-date", // 10月底
      "重点任务台账!E8 nonstandard-value", // alias 青山
      "重点任务台账!I8 formula-error", // =1/0
      "重点任务台账!A9 blank-row",
      "重点任务台账!I10 status-progress-mismatch", // 已完成 at 80
      "重点任务台账!J10 done-date-missing",
      "重点任务台账!B11 duplicate-task", // CS-01 of 青山区 again
      "重点任务台账!J11 done-date-in-future", // 2022-11-15 > 2022-10-31
      "重点任务台账!K11 evidence-missing", // 已销号 without 佐证材料
      "重点任务台账!J12 done-date-unexpected", // 推进中 with 完成时间
      "重点任务台账!L12 formula-error", // #N/A
    ]);
  });

  it("finds the header with line breaks, aliases and * on row 3 and skips generated and empty sheets", () => {
    expect(run.files[0]!.sheets).toEqual([
      { sheet: "重点任务台账", headerRow: 3, rows: 8, errors: 11, warnings: 5 },
    ]);
  });

  it("reports whole issues with the raw values from the file", () => {
    const base = { file: "golden-exceljs.xlsx", sheet: "重点任务台账" };
    expect(run.issues).toContainEqual({
      ...base,
      code: "unknown-unit",
      severity: "error",
      cell: "E7",
      row: 7,
      column: "责任单位",
      value: "青山县",
      suggestion: "青山区",
      params: {},
    });
    expect(run.issues).toContainEqual({
      ...base,
      code: "formula-error",
      severity: "error",
      cell: "I8",
      row: 8,
      column: "完成进度",
      value: "#DIV/0!",
      suggestion: null,
      params: {},
    });
    expect(run.issues).toContainEqual({
      ...base,
      code: "ambiguous-percent",
      severity: "warning",
      cell: "I6",
      row: 6,
      column: "完成进度",
      value: 0.5,
      suggestion: null,
      params: { resolved: 50 },
    });
    expect(run.issues).toContainEqual({
      ...base,
      code: "duplicate-task",
      severity: "error",
      cell: "B11",
      row: 11,
      column: "任务编号",
      value: "CS-01",
      suggestion: null,
      params: { firstRow: 4 },
    });
    expect(run.issues).toContainEqual({
      ...base,
      code: "done-date-in-future",
      severity: "error",
      cell: "J11",
      row: 11,
      column: "完成时间",
      value: "2022-11-15",
      suggestion: null,
      params: {},
    });
  });

  it("reads the merged unit, date cells, serials, YYYYMMDD and percent formats", () => {
    const rows = run.files[0]!.rows;
    expect(rows.map((r) => [r.row, r.unit, iso(r.deadline), r.progress, iso(r.doneDate)])).toEqual([
      [4, "青山区", "2022-06-30", 100, "2022-06-15"],
      [5, "青山区", "2022-09-30", 45.5, null],
      [6, "青山区", "2022-12-31", 50, null],
      [7, null, null, 30, null],
      [8, "青山区", "2022-11-30", null, null],
      [10, "青山区", "2022-09-30", 80, null],
      [11, "青山区", "2022-12-31", 100, "2022-11-15"],
      [12, "青山区", "2022-12-31", 50, "2022-10-01"],
    ]);
    expect(rows.filter((r) => r.duplicate).map((r) => r.row)).toEqual([11]);
  });
});

describe("golden-libreoffice-1904.xlsx (LibreOffice, 1904 date system)", () => {
  let run: RunValidation;
  beforeEach(async () => {
    run = await validateFile("golden-libreoffice-1904.xlsx");
  });

  it("reports exactly the planted issues", () => {
    expect(run.asOf).toBe("2022-10-31");
    expect(list(run)).toEqual([
      "Sheet1!H5 status-progress-mismatch", // 未启动 at 10%
      "Sheet1!F6 invalid-date", // 2022/13/01
      "Sheet1!H6 formula-error", // =1/0
      "Sheet1!D7 unknown-unit", // 浮溪县
      "Sheet1!D8 nonstandard-value", // alias 江南
      "Sheet1!J8 evidence-missing", // 已销号 without 佐证资料
      "Sheet1!I9 done-date-unexpected", // 推进中 with 办结时间
    ]);
  });

  it("finds the shuffled, aliased header (*任务编号, 责任\\n单位, 进度（%）) on row 3", () => {
    expect(run.files[0]!.sheets).toEqual([
      { sheet: "Sheet1", headerRow: 3, rows: 6, errors: 6, warnings: 1 },
    ]);
  });

  it("reports whole issues with the raw values from the file", () => {
    const base = {
      file: "golden-libreoffice-1904.xlsx",
      sheet: "Sheet1",
      severity: "error",
      suggestion: null,
    };
    expect(run.issues).toContainEqual({
      ...base,
      code: "status-progress-mismatch",
      cell: "H5",
      row: 5,
      column: "完成进度",
      value: 0.1,
      params: { status: "未启动" },
    });
    expect(run.issues).toContainEqual({
      ...base,
      code: "unknown-unit",
      cell: "D7",
      row: 7,
      column: "责任单位",
      value: "浮溪县",
      params: {},
    });
    expect(run.issues).toContainEqual({
      ...base,
      code: "done-date-unexpected",
      cell: "I9",
      row: 9,
      column: "完成时间",
      value: 43403,
      params: { status: "推进中" },
    });
  });

  it("reads serials and date cells in the 1904 system, the merged unit and percentages", () => {
    const rows = run.files[0]!.rows;
    expect(rows.map((r) => [r.row, r.unit, iso(r.deadline), r.progress, iso(r.doneDate)])).toEqual([
      [4, "江南区", "2022-09-30", 100, "2022-09-20"],
      [5, "江南区", "2022-12-31", 10, null],
      [6, "江南区", null, null, null],
      [7, null, "2023-01-01", 40, null],
      [8, "江南区", "2022-10-15", 100, "2022-10-10"],
      [9, "江南区", "2022-11-30", 60, "2022-10-31"],
    ]);
  });
});
