/**
 * Cost follows the cells present (SPEC §4): far-away cells, rows and merges inside Excel's limits
 * cost what they hold, not the addresses they name; references beyond the limits make the file
 * unreadable with one line naming the cell. Work is counted (reads of the grid), never timed.
 */
import { strToU8, zipSync } from "fflate";
import { readWorkbook, WorkbookReadError } from "../../../src/adapters/xlsx";
import {
  type SheetGrid,
  type WorkbookGrid,
  forEachCell,
  forEachRow,
  presentRows,
} from "../../../src/core/grid";
import { validateRun } from "../../../src/core/workbook";
import { HEADERS, ROSTER } from "../../core/helpers";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A one-sheet workbook whose `<sheetData>` content (and what follows it) is `body`. */
export function sheetBook(body: string, sheets: Array<[string, string]> = []): Uint8Array {
  const all: Array<[string, string]> = [["台账", body], ...sheets];
  const files: Record<string, Uint8Array> = {};
  all.forEach(([, xml], i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet ${NS}>${xml}</worksheet>`);
  });
  files["xl/workbook.xml"] = strToU8(
    `<workbook ${NS} xmlns:r="${REL}"><sheets>${all
      .map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${all
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
  );
  return zipSync(files);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
const COLS = "ABCDEFGHIJKL";
const headerRow = `<row r="1">${HEADERS.map((h, i) => text(`${COLS[i]}1`, h)).join("")}</row>`;
function dataRow(r: number, id: string): string {
  const v = ["1", id, "乡村振兴", "任务", "青山区", "张三", "2022-12-31", "推进中", "50", "", "", ""];
  return `<row r="${r}">${v.map((x, i) => (x === "" ? "" : text(`${COLS[i]}${r}`, x))).join("")}</row>`;
}
const roster: [string, string] = [
  "单位名册",
  `<sheetData>${[["单位名称", "单位类别", "别名"], ...ROSTER.map((u) => [u[0], u[1], u[2] ?? ""])]
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => (v ? text(`${"ABC"[c]}${r + 1}`, v) : "")).join("")}</row>`,
    )
    .join("")}</sheetData>`,
];

function refusal(bytes: Uint8Array): WorkbookReadError {
  try {
    readWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read without refusal");
}

/** A grid whose row and cell reads are counted. */
function counted(sheet: SheetGrid): { sheet: SheetGrid; reads: () => number } {
  let reads = 0;
  const rows = new Proxy(sheet.values as object[], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { sheet: { ...sheet, values: rows as SheetGrid["values"] }, reads: () => reads };
}

describe("sparse rows and columns", () => {
  it("reads a stray value in Excel's last row as one more row, not a million", () => {
    const book = readWorkbook(
      sheetBook(
        `<sheetData>${headerRow}${dataRow(2, "A-1")}<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>`,
      ),
    );
    const sheet = book.sheets[0]!;
    expect(presentRows(sheet)).toEqual([0, 1, 1048575]);
    expect(sheet.values[1048575]![16383]).toBe(7);
    const cells: number[] = [];
    forEachCell(sheet.values[1048575], (c) => cells.push(c));
    expect(cells).toEqual([16383]);
  });

  it("keeps near gaps packed with empties (a short gap is not a hole)", () => {
    const book = readWorkbook(
      sheetBook(
        '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row><row r="3"><c r="B3"><v>2</v></c></row></sheetData>',
      ),
    );
    expect(book.sheets[0]!.values).toEqual([[1, null, null, 4], undefined, [null, 2]]);
    expect(book.sheets[0]!.rowIndexes).toEqual([0, 2]);
  });

  it("lists rows written out of order in ascending order", () => {
    const book = readWorkbook(
      sheetBook(
        '<sheetData><row r="900000"><c r="A900000"><v>2</v></c></row><row r="5"><c r="A5"><v>1</v></c></row></sheetData>',
      ),
    );
    expect(presentRows(book.sheets[0]!)).toEqual([4, 899999]);
    const seen: number[] = [];
    forEachRow(book.sheets[0]!, (r) => seen.push(r));
    expect(seen).toEqual([4, 899999]);
  });

  it("validates a ledger with a stray value at row 1,048,576 by the rows present: one blank-row run", () => {
    const bytes = sheetBook(
      `<sheetData>${headerRow}${dataRow(2, "A-1")}${dataRow(3, "A-2")}${text("B1048576", "X-9")}</sheetData>`.replace(
        text("B1048576", "X-9"),
        `<row r="1048576">${text("B1048576", "X-9")}</row>`,
      ),
      [roster],
    );
    const book = readWorkbook(bytes);
    const probe = counted(book.sheets[0]!);
    const run = validateRun(
      [{ file: "a.xlsx", workbook: { ...book, sheets: [probe.sheet, book.sheets[1]!] } }],
      {
        today: "2022-11-01",
      },
    );
    const blank = run.issues.filter((i) => i.code === "blank-row");
    expect(blank.map((i) => i.cell)).toEqual(["A4"]);
    // The far row is a data row with its required cells missing, at its own address.
    expect(run.issues.filter((i) => i.row === 1048576).map((i) => i.code)).toContain("required-missing");
    expect(run.files[0]!.sheets[0]!.rows).toBe(3);
    // Work follows the 4 rows present (a few reads per row and column), not 1,048,576 addresses.
    expect(probe.reads()).toBeLessThan(1000);
  });

  it("fills a vertical merge down to row 1,048,576 without visiting its addresses", () => {
    const body = `<sheetData>${headerRow}${dataRow(2, "A-1")}${dataRow(3, "A-2").replace(text("E3", "青山区"), "")}</sheetData><mergeCells count="1"><mergeCell ref="E2:E1048576"/></mergeCells>`;
    const book = readWorkbook(sheetBook(body, [roster]));
    const probe = counted(book.sheets[0]!);
    const run = validateRun(
      [{ file: "a.xlsx", workbook: { ...book, sheets: [probe.sheet, book.sheets[1]!] } }],
      {
        today: "2022-11-01",
      },
    );
    expect(run.issues.filter((i) => i.code === "required-missing")).toEqual([]);
    expect(run.files[0]!.rows.map((r) => r.unit)).toEqual(["青山区", "青山区"]);
    expect(probe.reads()).toBeLessThan(1000);
  });
});

describe("Excel's limits", () => {
  const cases: Array<[string, string, string]> = [
    [
      "a cell reference beyond row 1,048,576",
      '<row r="1"><c r="A1048577"><v>1</v></c></row>',
      "单元格 A1048577",
    ],
    ["a cell reference beyond column XFD", '<row r="1"><c r="XFE1"><v>1</v></c></row>', "单元格 XFE1"],
    [
      "a reference of twelve digits",
      '<row r="1"><c r="A99999999999"><v>1</v></c></row>',
      "单元格 A99999999999",
    ],
    ["a row number of 2^32", '<row r="4294967296"><c><v>1</v></c></row>', "第 4294967296 行"],
    [
      "a row number of 400 digits",
      `<row r="${"9".repeat(400)}"><c><v>1</v></c></row>`,
      "第 999999999999999999999999…",
    ],
    [
      "cells without references running past XFD",
      `<row r="1">${"<c><v>1</v></c>".repeat(16385)}</row>`,
      "单元格 XFE1",
    ],
    [
      "a merge beyond the last row",
      '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A2000000"/></mergeCells><sheetData>',
      "单元格 A2000000",
    ],
  ];
  it.each(cases)("refuses %s, naming it in one line", (_what, rows, named) => {
    const body = `<sheetData>${rows}</sheetData>`;
    const e = refusal(sheetBook(body.replace("<sheetData></sheetData>", "")));
    expect(e.reason).toBe("beyond-limits");
    expect(e.message).toContain(named);
    expect(e.message).not.toContain("\n");
  });

  it("accepts XFD1048576 itself", () => {
    const book: WorkbookGrid = readWorkbook(
      sheetBook('<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    expect(book.sheets[0]!.values[1048575]![16383]).toBe(1);
  });
});
