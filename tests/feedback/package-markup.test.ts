/**
 * The patcher edits a worksheet as its bytes where the codecs can (Node): `markup` gives the UTF-8
 * bytes one character per byte, `setMarkup` writes them back, so what was not edited — CJK text,
 * bytes that are not valid UTF-8 — comes back byte for byte. A part with a byte-order mark, or
 * codecs without Latin-1 (the pane's), get the decoded text as before.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { BROWSER_PACKAGE_CODECS, NODE_PACKAGE_CODECS } from "../../src/adapters/xlsx";
import { XlsxPackage } from "../../src/adapters/xlsx/patch/package";

const SHEET =
  '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>青山区</t></is></c></row></sheetData></worksheet>';

function packageOf(sheet: Uint8Array, codecs = NODE_PACKAGE_CODECS): XlsxPackage {
  return new XlsxPackage(zipSync({ "xl/worksheets/sheet1.xml": sheet }), 16 << 20, codecs);
}

test("a UTF-8 part is edited as its bytes, and what was not edited comes back byte for byte", () => {
  // A stray byte that is not UTF-8 (0xFF) survives too: decoding it as text would replace it.
  const bytes = new Uint8Array([...strToU8(SHEET), 0xff]);
  const pkg = packageOf(bytes);
  const markup = pkg.markup("xl/worksheets/sheet1.xml");
  expect(markup.bytes).toBe(true);
  expect(markup.text.length).toBe(bytes.length);
  const edited = markup.text.replace('<c r="A1"', '<c r="A1" s="3"');
  pkg.setMarkup("xl/worksheets/sheet1.xml", { ...markup, text: edited });
  const out = unzipSync(pkg.toBytes())["xl/worksheets/sheet1.xml"]!;
  const expected = new Uint8Array([...strToU8(SHEET.replace('<c r="A1"', '<c r="A1" s="3"')), 0xff]);
  expect(Buffer.from(out).equals(Buffer.from(expected))).toBe(true);
  expect(pkg.changed()).toEqual(["xl/worksheets/sheet1.xml"]);
});

test.each<[string, Uint8Array, typeof NODE_PACKAGE_CODECS]>([
  [
    "with UTF-8's byte-order mark",
    new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(SHEET)]),
    NODE_PACKAGE_CODECS,
  ],
  [
    "in UTF-16",
    new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...SHEET].map((c) => c.charCodeAt(0))).buffer),
    ]),
    NODE_PACKAGE_CODECS,
  ],
  ["with the pane's codecs", strToU8(SHEET), BROWSER_PACKAGE_CODECS],
])("a part %s is edited as its decoded text", (_, bytes, codecs) => {
  const pkg = packageOf(bytes, codecs);
  const markup = pkg.markup("xl/worksheets/sheet1.xml");
  expect(markup).toEqual({ text: SHEET, bytes: false });
});

test("a part opened as bytes and not edited is unchanged: as text, as bytes and in the package", () => {
  const bytes = new Uint8Array([...strToU8(SHEET), 0xff]);
  const pkg = packageOf(bytes);
  pkg.markup("xl/worksheets/sheet1.xml");
  expect(pkg.changed()).toEqual([]);
  expect(Buffer.from(pkg.bytesOf("xl/worksheets/sheet1.xml")).equals(Buffer.from(bytes))).toBe(true);
  const out = unzipSync(pkg.toBytes())["xl/worksheets/sheet1.xml"]!;
  expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
  // Asked for as text afterwards, it is the decoded text (CJK and all), as `text` always gave.
  expect(packageOf(strToU8(SHEET)).text("xl/worksheets/sheet1.xml")).toBe(SHEET);
  const again = packageOf(strToU8(SHEET));
  again.markup("xl/worksheets/sheet1.xml");
  expect(again.text("xl/worksheets/sheet1.xml")).toBe(SHEET);
});

test("an edited part larger than a chunk is written back whole, a slice at a time", () => {
  // Three and a half megabytes of rows with CJK text: slices of the bytes-as-text cut through characters.
  const rows = Array.from(
    { length: 60_000 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>青山区第${i}项</t></is></c></row>`,
  );
  const sheet = `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`;
  const pkg = packageOf(strToU8(sheet), NODE_PACKAGE_CODECS);
  const markup = pkg.markup("xl/worksheets/sheet1.xml");
  expect(markup.text.length).toBeGreaterThan(3 << 20);
  pkg.setMarkup("xl/worksheets/sheet1.xml", {
    ...markup,
    text: markup.text.replace('<c r="A1"', '<c r="A1" s="3"'),
  });
  expect(pkg.markup("xl/worksheets/sheet1.xml").text).toContain('<c r="A1" s="3"');
  const out = unzipSync(pkg.toBytes())["xl/worksheets/sheet1.xml"]!;
  expect(Buffer.from(out).toString("utf8")).toBe(sheet.replace('<c r="A1"', '<c r="A1" s="3"'));
  expect(pkg.changed()).toEqual(["xl/worksheets/sheet1.xml"]);
});

test("an edit given as pieces is written as their concatenation, and read back as it", () => {
  const bytes = new Uint8Array([...strToU8(SHEET), 0xff]);
  const pkg = packageOf(bytes);
  const { text } = pkg.markup("xl/worksheets/sheet1.xml");
  const at = text.indexOf('<c r="A1"') + 3;
  pkg.setMarkup("xl/worksheets/sheet1.xml", {
    text: [text.slice(0, at), 'r="A1" s="3"', text.slice(at + 6)],
    bytes: true,
  });
  const expected = new Uint8Array([...strToU8(SHEET.replace('<c r="A1"', '<c r="A1" s="3"')), 0xff]);
  expect(
    Buffer.from(unzipSync(pkg.toBytes())["xl/worksheets/sheet1.xml"]!).equals(Buffer.from(expected)),
  ).toBe(true);
  expect(Buffer.from(pkg.bytesOf("xl/worksheets/sheet1.xml")).equals(Buffer.from(expected))).toBe(true);
  expect(pkg.changed()).toEqual(["xl/worksheets/sheet1.xml"]);
});
