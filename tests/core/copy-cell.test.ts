/**
 * Copying users' cells into the workbooks `split`, `merge` and `collect` write (SPEC §3: the value as
 * typed; only its representation changes where a new workbook needs it): `copyValue` for every kind
 * of value, and `copySheetPlan` for the roster and settings sheets carried along.
 */
import { type CellValue, copySheetPlan, copyValue, gridFromRows, textUnits } from "../../src/core";

const plain = { date1904: false, dateColumn: false };

describe("copyValue", () => {
  it.each<[CellValue, string | undefined, { value: unknown; numFmt?: string }]>([
    ["青山区", undefined, { value: "青山区" }],
    [" 青山区 ", "@", { value: " 青山区 ", numFmt: "@" }],
    [true, undefined, { value: true }],
    [null, "yyyy-mm-dd", { value: null, numFmt: "yyyy-mm-dd" }],
    [0.5, "0%", { value: 0.5, numFmt: "0%" }],
    [42, "General", { value: 42 }],
    [{ error: "#N/A" }, undefined, { value: "#N/A" }],
    [{ error: "#DIV/0!" }, "0.0", { value: "#DIV/0!", numFmt: "0.0" }],
    [new Date(Date.UTC(2022, 9, 31)), undefined, { value: 44865, numFmt: "yyyy-mm-dd" }],
    [new Date(Date.UTC(2022, 9, 31)), 'yyyy"年"m"月"d"日"', { value: 44865, numFmt: 'yyyy"年"m"月"d"日"' }],
    [new Date(Date.UTC(2022, 9, 31)), "0.00", { value: 44865, numFmt: "yyyy-mm-dd" }],
    [new Date(Number.NaN), "yyyy-mm-dd", { value: null }],
  ])("%j formatted %j → %j", (value, format, expected) => {
    expect(copyValue({ value, format }, plain)).toEqual(expected);
  });

  it("moves a 1904-system serial into the 1900 system only when it is a date", () => {
    const in1904 = { date1904: true, dateColumn: false };
    expect(copyValue({ value: 43403, format: "yyyy-mm-dd" }, in1904)).toEqual({
      value: 44865,
      numFmt: "yyyy-mm-dd",
    });
    expect(copyValue({ value: 43403, format: undefined }, in1904)).toEqual({ value: 43403 });
    // In a date column a plain positive number is a serial too; YYYYMMDD integers and 0 are not.
    const dateColumn = { date1904: true, dateColumn: true };
    expect(copyValue({ value: 43403, format: undefined }, dateColumn)).toEqual({ value: 44865 });
    expect(copyValue({ value: 20221031, format: undefined }, dateColumn)).toEqual({ value: 20221031 });
    expect(copyValue({ value: 19000101, format: undefined }, dateColumn)).toEqual({ value: 19000101 });
    expect(copyValue({ value: 99991231, format: undefined }, dateColumn)).toEqual({ value: 99991231 });
    expect(copyValue({ value: 99991232, format: undefined }, dateColumn)).toEqual({ value: 99991232 + 1462 });
    expect(copyValue({ value: 20221031.5, format: undefined }, dateColumn)).toEqual({
      value: 20221031.5 + 1462,
    });
    expect(copyValue({ value: 0, format: undefined }, dateColumn)).toEqual({ value: 0 });
    expect(copyValue({ value: -3, format: undefined }, dateColumn)).toEqual({ value: -3 });
    expect(copyValue({ value: 43403, format: undefined }, { date1904: false, dateColumn: true })).toEqual({
      value: 43403,
    });
  });
});

describe("copySheetPlan", () => {
  it("copies values, formats and merges, each column as wide as its longest text (8 to 60)", () => {
    const sheet = gridFromRows(
      "单位名册",
      [
        ["单位名称", "单位类别", "别名"],
        ["江城经济技术开发区", "开发区", "经开区"],
        [null, 3, "x".repeat(80)],
      ],
      { numberFormats: [[], [], ["yyyy-mm-dd", "0.0"]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] },
    );
    const plan = copySheetPlan(sheet, false);
    expect(plan.name).toBe("单位名册");
    expect(plan.kind).toBe("other");
    expect(plan.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(plan.rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([
      ["单位名称", "单位类别", "别名"],
      ["江城经济技术开发区", "开发区", "经开区"],
      [null, 3, "x".repeat(80)],
    ]);
    // An empty cell is no cell, its number format left behind with it.
    expect(plan.rows[2]![0]).toBeNull();
    const style = plan.rows[2]![1]!.style!;
    expect(plan.styles[style]?.numFmt).toBe("0.0");
    expect(plan.columnWidths).toEqual([textUnits("江城经济技术开发区") + 2, 10, 60]);
  });

  it("moves the dates of a 1904-system sheet into the 1900 system, and nothing else", () => {
    const sheet = gridFromRows("设置", [["统计截止日期", 43403, 43403]], {
      numberFormats: [[undefined, "yyyy-mm-dd"]],
    });
    expect(copySheetPlan(sheet, true).rows[0]!.map((c) => c?.value ?? null)).toEqual([
      "统计截止日期",
      44865,
      43403,
    ]);
  });

  it("keeps the rows below rows the file never named where they were", () => {
    const values: CellValue[][] = [];
    values[2] = ["注"];
    const plan = copySheetPlan({ name: "设置", values, numberFormats: [], merges: [] }, false);
    expect(plan.rows).toHaveLength(3);
    expect(plan.rows[0] ?? []).toEqual([]);
    expect(plan.rows[2]).toEqual([expect.objectContaining({ value: "注" })]);
    expect(plan.columnWidths).toEqual([8]);
  });
});
