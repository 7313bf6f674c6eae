/**
 * The reader against golden workbooks written by ExcelJS and LibreOffice
 * (`tests/fixtures/make-xlsx-fixtures.ts`), and against what ExcelJS itself reads from them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbook, readWorkbookFile } from "../../../src/adapters/xlsx";
import {
  a1,
  cellFormat,
  cellValue,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../../../src/core/grid";

const FIXTURES = join(__dirname, "../../fixtures/xlsx");
const fixture = (name: string): string => join(FIXTURES, name);

function sheet(book: WorkbookGrid, name: string): SheetGrid {
  const found = book.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${book.sheets.map((s) => s.name).join(", ")}`);
  return found;
}

function mergeRefs(grid: SheetGrid): string[] {
  return grid.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort();
}

describe.each(["ledger-exceljs.xlsx", "ledger-libreoffice.xlsx"])("ledger fixture %s", (file) => {
  let book: WorkbookGrid;
  beforeAll(async () => {
    book = await readWorkbookFile(fixture(file));
  });

  it("lists every worksheet in workbook order with its hidden flag", () => {
    expect(book.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["重点任务台账", false],
      ["单位名册", false],
      ["通报记录", true],
      ["深度隐藏", true],
    ]);
    expect(book.date1904).toBe(false);
  });

  it("reads the title, the metadata row and the header row with its line break", () => {
    const ledger = sheet(book, "重点任务台账");
    expect(ledger.values[0]).toEqual(["基层党建工作重点任务推进台账"]);
    expect(ledger.values[1]).toEqual(["填报单位：青山区  填报日期：2022年10月31日"]);
    expect(ledger.values[2]).toEqual([
      "序号",
      "任务编号",
      "任务类别",
      "重点任务",
      "责任单位",
      "责任人",
      "完成时限",
      "推进状态",
      "完成进度\n(%)",
      "完成时间",
      "佐证材料",
      "（备注）",
    ]);
  });

  it("reads the data rows: numbers, text, rich text, errors, booleans, formula results", () => {
    const ledger = sheet(book, "重点任务台账");
    expect(ledger.values[3]).toEqual([
      1,
      "RW-001",
      "城市基层党建",
      "推进网格党建全覆盖",
      "青山区",
      "张三",
      44742,
      "已完成",
      1,
      44727,
      "会议纪要 & 照片 <3份>",
    ]);
    expect(ledger.values[4]).toEqual([
      2,
      "RW-002",
      "乡村振兴",
      "选派第一书记驻村",
      null,
      "李四",
      44834,
      "推进中",
      0.455,
      null,
      null,
      { error: "#N/A" },
    ]);
    expect(ledger.values[5]?.slice(0, 11)).toEqual([
      3,
      "RW-003",
      "两新党建",
      "ＡＢＣ全角１２３　党组织",
      null,
      "王五",
      44865,
      "未启动",
      0,
      { error: "#DIV/0!" },
      true,
    ]);
    expect(ledger.values[6]).toEqual([
      4,
      1001,
      "其他",
      "多行\n任务说明",
      "东湖区",
      "赵六",
      20221130,
      "已完成",
      80,
      null,
      false,
    ]);
    expect(ledger.values[7]).toBeUndefined();
    expect(ledger.values[8]).toEqual(["填表说明：完成进度按百分比填写。"]);
    expect(ledger.values).toHaveLength(9);
  });

  it("reads the merged title and the vertical merge in 责任单位", () => {
    expect(mergeRefs(sheet(book, "重点任务台账"))).toEqual(["A1:L1", "E4:E6"]);
  });

  it("reads percent and date number formats", () => {
    const ledger = sheet(book, "重点任务台账");
    expect(cellFormat(ledger, 3, 6)).toBe("yyyy/m/d");
    expect(cellFormat(ledger, 3, 8)).toBe("0%");
    expect(cellFormat(ledger, 4, 8)).toBe("0.0%");
    expect(cellFormat(ledger, 4, 6)).toMatch(/^yyyy\\?"?年"?m\\?"?月"?d\\?"?日"?$/);
    expect(cellFormat(ledger, 5, 6)).toMatch(/^(yyyy\/m\/d|m\/d\/yyyy)$/);
    // Unformatted cells are General: no entry.
    expect(cellFormat(ledger, 3, 0)).toBeUndefined();
    expect(cellFormat(ledger, 6, 8)).toBeUndefined();
  });

  it("reads the hidden and very hidden sheets' cells", () => {
    expect(sheet(book, "通报记录").values).toEqual([
      ["期数", "单位", "排名"],
      [1, "青山区", 1],
    ]);
    expect(cellValue(sheet(book, "深度隐藏"), 1, 1)).toBe("x");
  });
});

describe("ledger-exceljs.xlsx specifics", () => {
  it("leaves a formula that was never calculated empty", async () => {
    const ledger = sheet(await readWorkbookFile(fixture("ledger-exceljs.xlsx")), "重点任务台账");
    expect(ledger.values[5]).toHaveLength(11); // L6 (=NOW(), no cached value) is not there
    expect(cellValue(ledger, 5, 11)).toBeNull();
  });
});

describe.each(["date1904-exceljs.xlsx", "date1904-libreoffice.xlsx"])("1904 fixture %s", (file) => {
  it("reports the 1904 date system and keeps the serial as stored", async () => {
    const book = await readWorkbookFile(fixture(file));
    expect(book.date1904).toBe(true);
    const grid = sheet(book, "日期");
    expect(grid.values).toEqual([["完成时限"], [43464, 0.25]]);
    expect(cellFormat(grid, 1, 0)).toMatch(/^yyyy\\?-mm\\?-dd$/);
    expect(cellFormat(grid, 1, 1)).toBe("0%");
  });
});

describe("inline-exceljs.xlsx", () => {
  it("reads t=str strings and rich inline strings", async () => {
    const book = await readWorkbookFile(fixture("inline-exceljs.xlsx"));
    const grid = sheet(book, "内联");
    expect(grid.values).toEqual([
      ["单位", "进度", "说明"],
      ["青山区", 0.5, "部分完成"],
      ["东湖区", 1, "全部完成"],
    ]);
    expect(cellFormat(grid, 2, 1)).toBe("0%");
    // The raw part really uses the forms under test.
    const raw = readFileSync(fixture("inline-exceljs.xlsx"));
    const xml = strFromU8(unzipSync(raw)["xl/worksheets/sheet1.xml"]!);
    expect(xml).toContain('t="inlineStr"');
    expect(xml).toContain('t="str"');
  });
});

// ---------------------------------------------------------------------------------------------
// ExcelJS as an independent oracle: every cell, merge, hidden flag and custom format must agree.

const EXCEL_EPOCH_1900 = 25569; // serial of 1970-01-01
const EXCEL_EPOCH_1904 = 24107;

type OracleValue = CellValue | undefined;

function oracleValue(cell: ExcelJS.Cell, date1904: boolean): OracleValue {
  // ExcelJS hands the slave cells of a merge the master's value; the file holds nothing there.
  if (cell.isMerged && cell.master !== cell) return null;
  let v: unknown = cell.value;
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    // `cell.value` leaves out a falsy result (`0`, `false`); `cell.result` has it.
    v = cell.result ?? null;
  }
  if (v !== null && typeof v === "object" && "richText" in v) {
    v = (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  }
  if (v instanceof Date) return v.getTime() / 86400000 + (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900);
  if (v !== null && typeof v === "object" && "error" in v)
    return { error: (v as ExcelJS.CellErrorValue).error };
  return (v ?? null) as CellValue;
}

/** ExcelJS's names for built-in formats that the reader writes as Chinese Excel shows them. */
const BUILTIN_ALIASES: Record<string, string> = { "mm-dd-yy": "yyyy/m/d" };

/** ExcelJS drops backslash escapes from format codes (`yyyy\\年` → `yyyy年`); the reader keeps the code as written. */
const unescapeFormat = (code: string | undefined): string | undefined => code?.replace(/\\/g, "");

/**
 * Where ExcelJS is wrong and the file is not, checked against the raw XML by hand:
 * it reads `date1904="true"` (LibreOffice's spelling) as the 1900 system.
 */
const EXCELJS_QUIRKS: Record<string, { date1904?: boolean; cells?: Record<string, CellValue> }> = {
  "date1904-libreoffice.xlsx": { date1904: true },
};

describe.each([
  "ledger-exceljs.xlsx",
  "ledger-libreoffice.xlsx",
  "date1904-exceljs.xlsx",
  "date1904-libreoffice.xlsx",
  "inline-exceljs.xlsx",
])("agrees with ExcelJS on %s", (file) => {
  it("sheets, values, formats and merges", async () => {
    const bytes = readFileSync(fixture(file));
    const ours = readWorkbook(bytes);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(bytes as unknown as ArrayBuffer);

    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.worksheets.map((w) => w.name));
    const quirks = EXCELJS_QUIRKS[file] ?? {};
    // ExcelJS turned date-formatted serials into Dates with its own idea of the date system.
    const date1904 = Boolean((theirs.properties as { date1904?: boolean }).date1904);
    expect(ours.date1904).toBe(quirks.date1904 ?? date1904);
    let compared = 0;
    for (const ws of theirs.worksheets) {
      const grid = sheet(ours, ws.name);
      expect(grid.hidden).toBe(ws.state !== "visible");
      expect(mergeRefs(grid)).toEqual([...((ws.model as { merges?: string[] }).merges ?? [])].sort());
      const rows = Math.max(ws.rowCount, grid.values.length);
      for (let r = 0; r < rows; r++) {
        const columns = Math.max(ws.columnCount, grid.values[r]?.length ?? 0);
        for (let c = 0; c < columns; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          const quirk = quirks.cells?.[a1(r, c)];
          const expected = quirk !== undefined ? quirk : oracleValue(cell, date1904);
          const actual = cellValue(grid, r, c);
          if (typeof expected === "number" && typeof actual === "number") {
            expect([a1(r, c), actual]).toEqual([a1(r, c), expect.closeTo(expected, 6)]);
          } else {
            expect([a1(r, c), actual]).toEqual([a1(r, c), expected]);
          }
          const theirFormat = cell.numFmt;
          if (actual !== null && theirFormat && theirFormat !== "General") {
            expect([a1(r, c), unescapeFormat(cellFormat(grid, r, c))]).toEqual([
              a1(r, c),
              BUILTIN_ALIASES[theirFormat] ?? theirFormat,
            ]);
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });
});
