/**
 * `TextEdits`: a worksheet's changes kept as replacements of its ranges and given back as pieces —
 * slices of the text and the new text between them — so that a large part is never copied whole.
 */
import { TextEdits } from "../../src/adapters/xlsx/patch/xml-edit";

const TEXT = '<sheetData><row r="1"/><row r="3"/></sheetData><pageMargins/>';

test("pieces are the text's unchanged stretches and the replacements, in the text's order", () => {
  const edits = new TextEdits();
  const row3 = TEXT.indexOf('<row r="3"/>');
  // Made out of order: the legacy drawing after the data, then a row's change, then a new row before it.
  edits.insert(TEXT.indexOf("<pageMargins/>"), '<legacyDrawing r:id="rId9"/>');
  edits.replace(row3, row3 + '<row r="3"/>'.length, '<row r="3"><c r="A3" s="7"/></row>');
  edits.insert(row3, '<row r="2"><c r="B2" s="7"/></row>');
  const pieces = edits.pieces(TEXT);
  expect(pieces.join("")).toBe(
    '<sheetData><row r="1"/><row r="2"><c r="B2" s="7"/></row><row r="3"><c r="A3" s="7"/></row></sheetData><legacyDrawing r:id="rId9"/><pageMargins/>',
  );
  expect(pieces[0]).toBe('<sheetData><row r="1"/>');
  expect(edits.apply(TEXT)).toBe(pieces.join(""));
});

test("insertions at one point keep the order they were made in", () => {
  const edits = new TextEdits();
  edits.insert(3, "a");
  edits.insert(3, "b");
  edits.insert(0, "<");
  expect(edits.apply("xyz")).toBe("<xyzab");
});

test("no edits give the text itself; overlapping edits are refused", () => {
  expect(new TextEdits().pieces(TEXT)).toEqual([TEXT]);
  expect(new TextEdits().apply("")).toBe("");
  const edits = new TextEdits();
  edits.replace(2, 6, "x");
  edits.replace(4, 8, "y");
  expect(() => edits.pieces(TEXT)).toThrow();
});
