/**
 * Workbooks for the 退回修改 tests, written by ExcelJS (never by the code under test): a ledger with
 * shared strings, rich text, formulas, merges, the 1904 date system, existing comments, styled and
 * missing cells, a blank row, defined names, a data validation and a non-first active sheet; and
 * an `.xlsm` made from it with a VBA project part.
 */
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { HEADERS as STANDARD_HEADERS } from "../core/helpers";

/** The standard header row (SPEC §2) and one column of the unit's own. */
const HEADERS = [...STANDARD_HEADERS, "联系电话"];

/** A ledger whose issues fall on every kind of cell the patcher must handle. */
export async function richLedger(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "taizhang tests";
  wb.created = new Date(Date.UTC(2022, 9, 31));
  wb.modified = new Date(Date.UTC(2022, 9, 31));
  wb.properties.date1904 = true;
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 10000, firstSheet: 0, activeTab: 1, visibility: "visible" },
  ];

  const cover = wb.addWorksheet("封面");
  cover.mergeCells("A1:C1");
  cover.getCell("A1").value = "江城市青山区报送";
  cover.getCell("A2").value = {
    richText: [
      { text: "注意：" },
      { text: "红色", font: { bold: true, color: { argb: "FFFF0000" } } },
      { text: "为必填" },
    ],
  };
  cover.getCell("A2").note = "封面上原有的批注";
  cover.getCell("A3").value = 21;
  cover.getCell("B3").value = { formula: "A3*2", result: 42 } as ExcelJS.CellFormulaValue;
  cover.getCell("C3").value = new Date(Date.UTC(2022, 9, 31));
  cover.getCell("C3").numFmt = "yyyy-mm-dd";

  const ws = wb.addWorksheet("重点任务台账");
  ws.mergeCells("A1:M1");
  ws.getCell("A1").value = "基层党建工作重点任务推进台账";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A2").value = "填报单位：青山区  填报日期：2022年10月31日";
  ws.getRow(3).values = HEADERS;
  ws.getRow(3).eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FF1F4E78" } };
    cell.border = {
      top: { style: "thin" },
      bottom: { style: "double" },
      left: { style: "thin" },
      right: { style: "thin" },
    };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { horizontal: "center", wrapText: true };
  });
  ws.views = [{ state: "frozen", ySplit: 3, activeCell: "A4" }];

  const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const rows: Array<Array<ExcelJS.CellValue>> = [
    // 4: valid
    [
      1,
      "QS-01",
      "城市基层党建",
      "推进网格党建全覆盖",
      "青山区",
      "张三",
      date(2022, 6, 30),
      "已完成",
      100,
      date(2022, 6, 15),
      "会议纪要",
      null,
      "0791-1",
    ],
    // 5: 完成时限 cannot be read (error) — the cell already has a comment
    [
      2,
      "QS-02",
      "乡村振兴",
      { richText: [{ text: "选派" }, { text: "第一书记", font: { bold: true } }, { text: "驻村" }] },
      "青山区",
      "李四",
      "10月底",
      "推进中",
      50,
      null,
      null,
      null,
      "0791-2",
    ],
    // 6: status synonym (warning) on a bordered, formatted cell
    [
      3,
      "QS-03",
      "两新党建",
      "两新组织覆盖",
      "青山区",
      "王五",
      date(2022, 9, 30),
      "完成",
      100,
      date(2022, 9, 1),
      "台账",
      null,
      null,
    ],
    // 7: 责任人 missing: the cell is absent from the part (an error on a cell that must be inserted)
    [
      4,
      "QS-04",
      "其他",
      "宣传阵地",
      "青山区",
      null,
      date(2022, 12, 31),
      "推进中",
      40,
      null,
      null,
      null,
      null,
    ],
    // 8: blank (absent row) → blank-row warning on A8, a row the patcher inserts
    [],
    // 9: progress by formula = 100 while 推进中 → status-progress-mismatch on the formula cell
    [
      6,
      "QS-06",
      "书记述职",
      "述职评议",
      "青山区",
      "钱七",
      date(2022, 12, 31),
      "推进中",
      { formula: "50+50", result: 100 } as ExcelJS.CellFormulaValue,
      null,
      null,
      "公式",
      null,
    ],
  ];
  rows.forEach((values, i) => {
    if (values.length === 0) return;
    const row = ws.getRow(4 + i);
    values.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
    row.getCell(7).numFmt = 'yyyy"年"m"月"d"日"';
    row.getCell(10).numFmt = "yyyy-mm-dd";
  });
  ws.getCell("G5").note = "原有批注：请填写具体日期";
  ws.getCell("H6").border = { bottom: { style: "medium", color: { argb: "FF00B050" } } };
  ws.getCell("H6").font = { italic: true, name: "楷体", size: 12 };
  ws.getCell("H6").alignment = { horizontal: "right" };
  ws.getCell("K4").note = "另一个原有批注";
  ws.getCell("A11").value = "填表说明：完成进度按百分比填写。";
  for (let r = 4; r <= 9; r++) {
    ws.getCell(`H${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"未启动,推进中,已完成,已销号"'],
    };
  }
  ws.pageSetup.printArea = "A1:M11";
  wb.definedNames.add("'重点任务台账'!$A$3:$M$9", "数据区");

  const roster = wb.addWorksheet("单位名册");
  roster.addRow(["单位名称", "单位类别", "别名"]);
  roster.addRow(["青山区", "县市区", "青山"]);
  roster.addRow(["东湖区", "县市区", ""]);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Bytes standing for a VBA project: the test only needs them carried over unchanged. */
export const VBA_BYTES = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);

/** The workbook as a macro-enabled `.xlsm`: a vbaProject.bin part, its relationship and content types. */
export function withVbaProject(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const decoder = new TextDecoder();
  let types = decoder.decode(files["[Content_Types].xml"]);
  types = types
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    .replace(
      "<Default ",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
    );
  let rels = decoder.decode(files["xl/_rels/workbook.xml.rels"]);
  rels = rels.replace(
    "</Relationships>",
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  files["[Content_Types].xml"] = strToU8(types);
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  files["xl/vbaProject.bin"] = VBA_BYTES;
  return zipSync(files);
}
