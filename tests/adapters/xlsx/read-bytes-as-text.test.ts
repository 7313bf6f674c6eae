/**
 * Node reads a worksheet as bytes (one character per byte, UTF-8 decoded per cell; issue #9): the
 * grid must be exactly the one the browser's path gives, which decodes the part whole with
 * `TextDecoder` — for every kind of text, for text longer than the per-cell decoder takes, and for
 * bytes that are not UTF-8 (replacement characters in the same places).
 */
import { zipSync } from "fflate";
import { readWorkbook } from "../../../src/adapters/xlsx";
import { fflateInflate, readWorkbook as readInBrowser } from "../../../src/adapters/xlsx/read";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A one-sheet workbook whose sheet part is `head` + `cells` (raw bytes) + `tail`. */
function book(cells: Uint8Array): Uint8Array {
  const head = utf8(`<worksheet ${NS}><sheetData><row r="1">`);
  const tail = utf8("</row></sheetData></worksheet>");
  const sheet = new Uint8Array(head.length + cells.length + tail.length);
  sheet.set(head);
  sheet.set(cells, head.length);
  sheet.set(tail, head.length + cells.length);
  return zipSync({
    "xl/workbook.xml": utf8(
      `<workbook ${NS} ${NS_R}><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": utf8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": sheet,
  });
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Cells whose text is given as bytes: `[ref, bytes of the text]`. */
function rawCells(cells: Array<[string, number[]]>): Uint8Array {
  const parts: number[] = [];
  for (const [ref, bytes] of cells) {
    parts.push(...utf8(`<c r="${ref}" t="inlineStr"><is><t>`), ...bytes, ...utf8("</t></is></c>"));
  }
  return new Uint8Array(parts);
}

describe("worksheets read as bytes", () => {
  it("give the text as written: CJK, full width, astral, entities, long text, numbers and errors", () => {
    const long = "推进基层党建重点任务落实落细，".repeat(200); // 3,000 characters, 9,000 bytes
    const cells =
      inline("A1", "推进中") +
      inline("B1", "ＲＷ－０１，（注）") +
      inline("C1", "𠀀𝒜 emoji 😀") +
      inline("D1", "甲&amp;乙 &lt;丙&gt; &#x4E01;") +
      inline("E1", long) +
      inline("F1", "an ASCII text longer than thirteen characters") +
      '<c r="G1"><v>44562</v></c><c r="H1" t="e"><v>#N/A</v></c>' +
      '<c r="I1" t="str"><f>A1</f><v>公式结果</v></c>' +
      inline("J1", "_x000D_换行");
    const bytes = book(utf8(cells));
    const grid = readWorkbook(bytes);
    expect(grid.sheets[0]!.values[0]).toEqual([
      "推进中",
      "ＲＷ－０１，（注）",
      "𠀀𝒜 emoji 😀",
      "甲&乙 <丙> 丁",
      long,
      "an ASCII text longer than thirteen characters",
      44562,
      { error: "#N/A" },
      "公式结果",
      "\r换行",
    ]);
    expect(readInBrowser(bytes, { inflate: fflateInflate })).toEqual(grid);
  });

  it("decode bytes that are not UTF-8 as TextDecoder does", () => {
    const cases: number[][] = [
      [0xe6, 0x8e], // cut short (two of three bytes)
      [0x80, 0x41], // a lone continuation byte
      [0xc0, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // a surrogate (CESU-8)
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
      [0xf0, 0x9f, 0x98], // four-byte sequence cut short
      [0xff, 0xe6, 0x8e, 0xa8], // an invalid byte, then 推
      [0xe6, 0x8e, 0xa8, 0xe8, 0xbf], // 推, then a cut sequence
    ];
    const bytes = book(rawCells(cases.map((b, i) => [`${String.fromCharCode(65 + i)}1`, b])));
    const grid = readWorkbook(bytes);
    const decoder = new TextDecoder();
    expect(grid.sheets[0]!.values[0]).toEqual(cases.map((b) => decoder.decode(new Uint8Array(b))));
    expect(grid.sheets[0]!.values[0]!.every((v) => typeof v === "string" && v.includes("\ufffd"))).toBe(true);
    expect(readInBrowser(bytes, { inflate: fflateInflate })).toEqual(grid);
  });

  it("read an ordinary cell (one regular expression) as the general scanner reads the same cell", () => {
    // [type attribute, content]: row 1 writes r, s, t in the usual order; row 2 puts t first,
    // which the regular expression does not take, so the general scanner reads it.
    const cells: Array<[string, string]> = [
      ["", "<v>44562</v>"],
      ["", "<v>0.15</v>"],
      ["", "<v></v>"],
      ["", "<v>不是数字</v>"],
      ["n", "<v>1e3</v>"],
      ["str", "<v></v>"],
      ["str", "<v>公式结果</v>"],
      ["e", "<v></v>"],
      ["e", "<v>#N/A</v>"],
      ["e", "<v>#错误</v>"],
      ["b", "<v>1</v>"],
      ["b", "<v>0</v>"],
      ["b", "<v></v>"],
      ["d", "<v>2022-10-31T00:00:00</v>"],
      ["d", "<v>二〇二二年</v>"],
      ["d", "<v></v>"],
      ["inlineStr", "<is><t>推进中</t></is>"],
      ["inlineStr", "<is><t></t></is>"],
      ["inlineStr", "<v>7</v>"],
      ["s", "<is><t>文字</t></is>"],
      ["", ""],
    ];
    const col = (i: number) => String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26));
    const ordinary = cells
      .map(([t, body], i) => `<c r="${col(i)}1" s="1"${t ? ` t="${t}"` : ""}>${body}</c>`)
      .join("");
    const general = cells
      .map(([t, body], i) => `<c${t ? ` t="${t}"` : ""} s="1" r="${col(i)}2">${body}</c>`)
      .join("");
    const sheet = utf8(`${ordinary}</row><row r="2">${general}`);
    for (const grid of [readWorkbook(book(sheet)), readInBrowser(book(sheet), { inflate: fflateInflate })]) {
      const [first, second] = grid.sheets[0]!.values;
      expect(first).toEqual(second);
      expect(first?.slice(0, 4)).toEqual([44562, 0.15, null, "不是数字"]);
      expect(first?.[9]).toEqual({ error: "#错误" });
      expect(first?.[14]).toBe("二〇二二年");
    }
  });
});
