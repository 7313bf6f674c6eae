/** The cell marker on worksheet XML the usual writers do not produce: every case pinned whole. */
import { markCells } from "../../src/adapters/xlsx/patch/sheet-cells";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (body: string, before = "") =>
  `<?xml version="1.0"?>\n<worksheet ${NS}>${before}${body}</worksheet>`;
/** Marked format = 100 + the format the cell had. */
const plus100 = (s: number) => 100 + s;

describe("markCells", () => {
  test.each([
    [
      "sets s on an existing cell, keeping every other byte of it",
      sheet(
        '<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" s="3"><f>1+1</f><v>2</v></c></row></sheetData>',
      ),
      [
        { row: 1, column: 1 },
        { row: 1, column: 2 },
      ],
      sheet(
        '<sheetData><row r="2"><c r="B2" t="s" s="100"><v>0</v></c><c r="C2" s="103"><f>1+1</f><v>2</v></c></row></sheetData>',
      ),
    ],
    [
      "inserts a missing cell in column order, inheriting the column's format",
      sheet(
        '<sheetData><row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row></sheetData>',
        '<cols><col min="2" max="4" style="7" width="9"/></cols>',
      ),
      [
        { row: 0, column: 1 },
        { row: 0, column: 3 },
      ],
      sheet(
        '<sheetData><row r="1" spans="1:4"><c r="A1"><v>1</v></c><c r="B1" s="107"/><c r="C1"><v>3</v></c><c r="D1" s="107"/></row></sheetData>',
        '<cols><col min="2" max="4" style="7" width="9"/></cols>',
      ),
    ],
    [
      "inserts missing rows in order, and a row's own format wins over the column's",
      sheet(
        '<sheetData><row r="2" s="5" customFormat="1"><c r="A2"><v>1</v></c></row><row r="5"><c r="A5"><v>1</v></c></row></sheetData>',
      ),
      [
        { row: 0, column: 0 },
        { row: 1, column: 2 },
        { row: 3, column: 0 },
        { row: 9, column: 1 },
      ],
      sheet(
        '<sheetData><row r="1"><c r="A1" s="100"/></row><row r="2" s="5" customFormat="1"><c r="A2"><v>1</v></c><c r="C2" s="105"/></row><row r="4"><c r="A4" s="100"/></row><row r="5"><c r="A5"><v>1</v></c></row><row r="10"><c r="B10" s="100"/></row></sheetData>',
      ),
    ],
    [
      "follows rows and cells written without r (their place is the one after the previous)",
      sheet(
        '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c s="2"><v>4</v></c></row></sheetData>',
      ),
      [{ row: 1, column: 1 }],
      sheet(
        '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c s="102"><v>4</v></c></row></sheetData>',
      ),
    ],
    [
      "opens an empty sheetData and a self-closing row",
      sheet("<sheetData/>"),
      [{ row: 2, column: 0 }],
      sheet('<sheetData><row r="3"><c r="A3" s="100"/></row></sheetData>'),
    ],
    [
      "passes over unmarked rows whatever their tags hold: r after other attributes, spaces, single quotes, no r, self-closing",
      sheet(
        `<sheetData><row spans="1:2" r = '1'><c r="A1"><v>1</v></c></row><row r="2"/><row customHeight="1" ht="20"><c><v>3</v></c></row><rows r="9"/><row ht="15" r="7"><c r="A7"><v>7</v></c></row></sheetData>`,
      ),
      [
        { row: 2, column: 1 },
        { row: 6, column: 0 },
      ],
      sheet(
        `<sheetData><row spans="1:2" r = '1'><c r="A1"><v>1</v></c></row><row r="2"/><row customHeight="1" ht="20"><c><v>3</v></c><c r="B3" s="100"/></row><rows r="9"/><row ht="15" r="7"><c r="A7" s="100"><v>7</v></c></row></sheetData>`,
      ),
    ],
    [
      "handles a namespace prefix on every element",
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>',
      [{ row: 0, column: 1 }],
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" s="100"/></x:row></x:sheetData></x:worksheet>',
    ],
  ])("%s", (_name, input, marks, expected) => {
    expect(markCells(input, "xl/worksheets/sheet1.xml", marks, plus100)).toBe(expected);
  });
});
