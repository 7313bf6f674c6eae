/**
 * 退回修改 in the add-in: one workbook per unit from a workbook that holds several units' rows,
 * rendered by the browser writer and marked by the patcher (the pane's path), checked with SheetJS
 * and ExcelJS.
 */
import { BROWSER_PACKAGE_CODECS, annotateWorkbook } from "../../src/adapters/xlsx/patch";
import { renderWorkbookBytes } from "../../src/adapters/xlsx/write/browser";
import {
  FEEDBACK_UNIDENTIFIED_UNIT,
  localizeIssue,
  unitFeedbackWorkbooks,
  validateRun,
} from "../../src/core";
import { ledgerBook, validRow } from "../core/helpers";
import { exceljsCells, sheetjsCells, sheetjsWorkbook } from "./oracle";

function splitSample() {
  const book = ledgerBook({
    rows: [
      validRow({ 任务编号: "A-1", 责任单位: "青山区" }), // 4
      validRow({ 任务编号: "B-1", 责任单位: "江南区", 完成时限: "10月底" }), // 5: invalid-date
      validRow({
        任务编号: "A-2",
        责任单位: "青山区",
        推进状态: "完成",
        完成进度: 100,
        完成时间: "2022-09-01",
      }), // 6: nonstandard
      null, // 7: blank → blank-row, stays behind
      validRow({ 任务编号: "C-1", 责任单位: "不存在的区" }), // 8: unknown-unit
      validRow({ 任务编号: "B-2", 责任单位: "江南区" }), // 9
      validRow({ 任务编号: "A-3", 责任单位: "青山区", 责任人: null }), // 10: required-missing
    ],
    formats: { G4: "yyyy-mm-dd" },
  });
  const run = validateRun([{ file: "合并.xlsx", workbook: book }], {
    today: "2022-11-01",
    asOf: "2022-10-31",
  });
  return {
    book,
    run,
    units: unitFeedbackWorkbooks(book, run.files[0]!, { asOf: run.asOf, resubmitDays: 2 }),
  };
}

describe("unitFeedbackWorkbooks", () => {
  test("one workbook per unit with issues; rows, issues and cells follow the unit", () => {
    const { units } = splitSample();
    expect(units.map((u) => [u.unit, u.fileName])).toEqual([
      ["青山区", "青山区-退回修改.xlsx"],
      ["江南区", "江南区-退回修改.xlsx"],
      [FEEDBACK_UNIDENTIFIED_UNIT, `${FEEDBACK_UNIDENTIFIED_UNIT}-退回修改.xlsx`],
    ]);
    const qs = units[0]!;
    // Header rows 1–3 kept, then A-1 (was 4), A-2 (was 6), A-3 (was 10).
    expect(qs.sheets[0]!.rows.slice(3).map((r) => r[1]?.value)).toEqual(["A-1", "A-2", "A-3"]);
    expect(qs.feedback.issues.map((i) => [i.code, i.cell, i.row])).toEqual([
      ["nonstandard-value", "H5", 5],
      ["required-missing", "F6", 6],
    ]);
    expect(units[1]!.feedback.issues.map((i) => [i.code, i.cell])).toEqual([["invalid-date", "G4"]]);
    expect(units[2]!.feedback.unit).toBeNull();
    expect(qs.feedback.deadline).toBe("2022-11-02");
  });

  test("rendered by the browser writer and marked by the patcher, each workbook holds the unit's rows, marked", async () => {
    const { units } = splitSample();
    for (const unit of units) {
      const plain = renderWorkbookBytes({ sheets: unit.sheets });
      const { bytes } = annotateWorkbook(
        plain,
        { marks: unit.feedback.marks, sheet: unit.feedback.sheet },
        { codecs: BROWSER_PACKAGE_CODECS },
      );
      expect(sheetjsWorkbook(bytes).sheets).toEqual(["退回修改说明", "重点任务台账"]);
      const values = sheetjsCells(bytes).get("重点任务台账")!;
      const ids = [...values].filter(([k]) => /^B\d+$/.test(k) && Number(k.slice(1)) > 3).map(([, c]) => c.v);
      expect(ids.every((id) => typeof id === "string")).toBe(true);
      const cells = (await exceljsCells(bytes)).get("重点任务台账")!;
      for (const issue of unit.feedback.issues) {
        expect(cells.get(issue.cell!)?.note).toContain(localizeIssue(issue, "zh").message);
      }
    }
  });
});
