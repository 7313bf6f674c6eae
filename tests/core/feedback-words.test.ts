/**
 * 退回修改's words, one rule at a time (SPEC §11): the 填报单位 a unit writes above its header (spaces
 * inside a name, the label's own text before the next cell's, （盖章） in its spellings), a comment
 * without a suggestion, and the styles and heights of the issue table's rows.
 */
import {
  type CellValue,
  type LedgerRow,
  buildFeedback,
  commentParagraph,
  gridFromRows,
  localizeIssue,
  makeIssue,
  readFiling,
  workbookUnit,
} from "../../src/core";
import { workbook } from "./helpers";

const sheet = (rows: CellValue[][]) => gridFromRows("台账", rows);

describe("readFiling's 填报单位", () => {
  it.each<[string, CellValue[][], string | null]>([
    [
      "a single space inside the name",
      [["填报单位：中共 青山区委  填报日期：2022年10月31日"]],
      "中共 青山区委",
    ],
    ["a space after the name", [["填报单位：青山区 "]], "青山区"],
    ["the label's own text, not the next cell's", [["填报单位：青山区", "江南区"]], "青山区"],
    ["the next cell's text, trimmed", [["填报单位：", " 浮溪县 "]], "浮溪县"],
  ])("%s", (_, rows, unit) => {
    expect(readFiling(sheet(rows), 1, false).unit).toBe(unit);
  });
});

describe("workbookUnit: （盖章） after the name is no part of it", () => {
  const row = (unit: string | null) => ({ unit }) as LedgerRow;
  it.each([
    ["填报单位：江南区（盖章）", "江南区"],
    ["填报单位：江南区(盖章)", "江南区"],
    ["填报单位：江南区（ 盖 章 ）", "江南区"],
    ["填报单位：江南区盖章", "江南区盖章"],
  ])("%s → %s", (label, unit) => {
    const book = workbook([sheet([[label], ["序号"]])]);
    expect(workbookUnit(book, [{ sheet: "台账", headerRow: 2 }], [row("浮溪县"), row("青山区")])).toBe(unit);
  });
});

describe("退回修改说明's issue rows", () => {
  const at = (cell: string) => ({
    sheet: "重点任务台账",
    cell,
    row: Number(cell.slice(1)),
    column: "完成时限",
  });

  it("a comment without a suggestion is the message alone", () => {
    const plain = makeIssue("invalid-date", at("G5"), "10月底");
    expect(commentParagraph(plain)).toBe(`【错误】${localizeIssue(plain, "zh").message}`);
  });

  it("each column of an issue row has its style: number, texts, the cell as a link, the severity", () => {
    const fb = buildFeedback([makeIssue("invalid-date", at("G5"), "10月底")], {
      file: "a.xlsx",
      asOf: "2022-10-31",
    });
    expect(fb.sheet.rows[8]!.map((c) => c?.style)).toEqual([
      "num",
      "text",
      "link",
      "error",
      "text",
      "text",
      "text",
    ]);
  });

  it("Latin text is half as wide as Chinese: 30 letters in 原值 are 2 lines, 30 characters 3", () => {
    const height = (value: string) =>
      buildFeedback([makeIssue("invalid-date", at("G5"), value)], { file: "a.xlsx", asOf: "2022-10-31" })
        .sheet.rowHeights?.[8];
    expect(height("x".repeat(30))).toBe(30);
    expect(height("某".repeat(30))).toBe(45);
  });
});
