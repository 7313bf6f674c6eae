/**
 * A template-like workbook plan that uses every plan feature beyond cells and styles: a hidden
 * `选项` sheet holding the lists, workbook- and sheet-scoped names, list validations from a range on
 * that sheet and from a name, whole/decimal/date rules with input prompts and error alerts, sheet
 * protection with unlocked cells, an internal link, print titles and fit to width. Shared by the
 * .xlsx writer tests (XML, ExcelJS, LibreOffice) and the Office adapter test (fake Excel).
 */
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../src/core/plan";

export const CATEGORIES = [
  "书记述职",
  "成效考核",
  "城市基层党建",
  "乡村振兴",
  "两新党建",
  "巡察整改",
  "宣传信息",
  "其他",
];
export const STATUSES = ["未启动", "推进中", "已完成", "已销号"];
export const UNITS = ["青山区", "东湖开发区", "市委办公室"];
export const HEADERS = [
  "序号",
  "任务编号",
  "任务类别",
  "重点任务",
  "责任单位",
  "完成时限",
  "推进状态",
  "完成进度",
  "完成时间",
];
export const OPTIONS = "选项";
export const LEDGER = "重点任务台账";

export function optionsSheet(): SheetPlan {
  const height = Math.max(CATEGORIES.length, STATUSES.length, UNITS.length) + 1;
  const rows: Array<Array<PlanCell | null>> = [
    [{ value: "任务类别" }, { value: "推进状态" }, { value: "责任单位" }],
  ];
  for (let i = 1; i < height; i++) {
    rows.push(
      [CATEGORIES[i - 1], STATUSES[i - 1], UNITS[i - 1]].map((v) => (v === undefined ? null : { value: v })),
    );
  }
  return {
    name: OPTIONS,
    kind: "template",
    visibility: "hidden",
    rows,
    styles: {},
    merges: [],
    columnWidths: [14, 10, 14],
    names: [
      { name: "任务类别", range: { top: 1, left: 0, bottom: CATEGORIES.length, right: 0 } },
      {
        name: "推进状态",
        range: { top: 1, left: 1, bottom: STATUSES.length, right: 1 },
        comment: "推进状态的选项",
      },
    ],
  };
}

/** The ledger template with `dataRows` pre-filled rows (first four columns locked, the rest open). */
export function ledgerSheet(dataRows = 5): SheetPlan {
  const first = 3;
  const last = first + dataRows - 1;
  const column = (c: number) => ({ top: first, left: c, bottom: last, right: c });
  const rows: Array<Array<PlanCell | null>> = [
    [{ value: "基层党建工作重点任务推进台账", style: "title" }],
    [
      { value: "填报单位：青山区" },
      null,
      null,
      null,
      null,
      null,
      null,
      { value: "到第8行", link: { sheet: LEDGER, cell: "A8" } },
    ],
    HEADERS.map((h) => ({ value: h, style: "head" })),
  ];
  for (let i = 0; i < dataRows; i++) {
    rows.push([
      { value: i + 1, style: "locked" },
      { value: `RW-${i + 1}`, style: "locked" },
      { value: CATEGORIES[i % CATEGORIES.length]!, style: "locked" },
      { value: i === 0 ? "=SUM(A1)" : `重点任务${i + 1}`, style: "locked" },
      { value: null, style: "open" },
      { value: 44865, style: "date" },
      { value: null, style: "open" },
      { value: null, style: "open" },
      { value: null, style: "openDate" },
    ]);
  }
  return {
    name: LEDGER,
    kind: "template",
    rows,
    styles: {
      title: { bold: true, fontSize: 16, hAlign: "center" },
      head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", wrap: true },
      locked: { border: true },
      date: { border: true, numFmt: "yyyy-mm-dd" },
      open: { border: true, locked: false },
      openDate: { border: true, locked: false, numFmt: "yyyy-mm-dd" },
    },
    merges: [{ top: 0, left: 0, bottom: 0, right: HEADERS.length - 1 }],
    columnWidths: [6, 12, 14, 30, 14, 12, 10, 10, 12],
    freeze: { rows: 3, columns: 0 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 2 } },
    validations: [
      { range: column(0), rule: { type: "whole", min: 1 }, error: { text: "序号为正整数" } },
      {
        range: column(2),
        rule: { type: "list", source: { name: "任务类别" } },
        prompt: { title: "任务类别", text: "请从下拉列表中选择" },
      },
      {
        range: column(4),
        rule: {
          type: "list",
          source: { sheet: OPTIONS, range: { top: 1, left: 2, bottom: UNITS.length, right: 2 } },
        },
        prompt: { title: "责任单位", text: "请选择单位名册中的单位" },
        error: { title: "单位不在名册中", text: "请从下拉列表中选择", style: "stop" },
      },
      {
        range: column(5),
        rule: { type: "date", min: "2000-01-01", max: "2099-12-31" },
        prompt: { title: "完成时限", text: "日期，如 2022-10-31" },
        error: { text: "请输入 2000—2099 年间的日期", style: "warning" },
      },
      {
        range: column(6),
        rule: {
          type: "list",
          source: { sheet: OPTIONS, range: { top: 1, left: 1, bottom: STATUSES.length, right: 1 } },
        },
      },
      {
        range: column(7),
        rule: { type: "decimal", min: 0, max: 100 },
        prompt: { title: "完成进度", text: "0 到 100 之间的数，\n如 60 表示 60%" },
      },
      { range: column(8), rule: { type: "date", min: "2000-01-01" }, allowBlank: true },
    ],
    protection: { allowFormatColumns: true, allowFormatRows: true },
    names: [{ name: "填报区", range: { top: first, left: 4, bottom: last, right: 8 }, scope: "sheet" }],
  };
}

export function templateWorkbook(dataRows = 5): WorkbookPlan {
  return { sheets: [optionsSheet(), ledgerSheet(dataRows)] };
}

/** The validations we expect for ledgerSheet(5), as written (sorted by sqref). */
export const EXPECTED_VALIDATIONS = [
  { sqref: "A4:A8", type: "whole", operator: "greaterThanOrEqual", formula1: "1", formula2: undefined },
  { sqref: "C4:C8", type: "list", formula1: "任务类别", formula2: undefined },
  { sqref: "E4:E8", type: "list", formula1: "'选项'!$C$2:$C$4", formula2: undefined },
  // 2000-01-01 and 2099-12-31 as Excel serials.
  { sqref: "F4:F8", type: "date", operator: "between", formula1: "36526", formula2: "73050" },
  { sqref: "G4:G8", type: "list", formula1: "'选项'!$B$2:$B$5", formula2: undefined },
  { sqref: "H4:H8", type: "decimal", operator: "between", formula1: "0", formula2: "100" },
  { sqref: "I4:I8", type: "date", operator: "greaterThanOrEqual", formula1: "36526", formula2: undefined },
];
