/**
 * The reader on small hand-written parts: the XML forms that ExcelJS and LibreOffice do not write
 * (phonetic runs, `t="d"`, namespace prefixes, missing `r` attributes, escapes, chart sheets, …).
 */
import { posix } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readWorkbook, WorkbookReadError } from "../../../src/adapters/xlsx";
import { cellFormat, type WorkbookGrid } from "../../../src/core/grid";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface CraftedSheet {
  name: string;
  /** The worksheet's `<sheetData>` and what follows it, or a whole part when it starts with `<?xml`. */
  body: string;
  state?: string;
  kind?: "worksheet" | "chartsheet";
  /** Target as written in the relationships part; default `worksheets/sheetN.xml`. */
  target?: string;
}

interface CraftedBook {
  sheets: CraftedSheet[];
  sharedStrings?: string[];
  styles?: string;
  workbookPr?: string;
}

function craft(book: CraftedBook): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const rels: string[] = [];
  const entries: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const kind = sheet.kind ?? "worksheet";
    const folder = kind === "worksheet" ? "worksheets" : "chartsheets";
    const target = sheet.target ?? `${folder}/sheet${i + 1}.xml`;
    const path = posix.normalize(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    const xml = sheet.body.startsWith("<?xml")
      ? sheet.body
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${kind} ${NS} ${NS_R}>${sheet.body}</${kind}>`;
    files[path] = strToU8(xml);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${target}"/>`);
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    entries.push(`<sheet name="${sheet.name}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
  });
  if (book.sharedStrings) {
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${book.sharedStrings.length}">${book.sharedStrings.join("")}</sst>`,
    );
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (book.styles) {
    files["xl/styles.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${book.styles}</styleSheet>`,
    );
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${NS_R}>${book.workbookPr ?? ""}<sheets>${entries.join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8('<?xml version="1.0"?><Types/>');
  return zipSync(files);
}

const oneSheet = (body: string, extra: Omit<CraftedBook, "sheets"> = {}): WorkbookGrid =>
  readWorkbook(craft({ sheets: [{ name: "Sheet1", body }], ...extra }));

const firstValues = (book: WorkbookGrid): unknown => book.sheets[0]?.values;

describe("strings", () => {
  it("concatenates rich text runs and leaves out phonetic runs", () => {
    const book = oneSheet(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>',
      {
        sharedStrings: [
          '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r>' +
            '<rPh sb="0" eb="1"><t>zhang</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
          '<si><t>重庆</t><rPh sb="0" eb="2"><t>chongqing</t></rPh></si>',
          "<si><t>plain</t></si>",
        ],
      },
    );
    expect(firstValues(book)).toEqual([["张三 ", "重庆", "plain"]]);
  });

  it("decodes XML entities and the _xHHHH_ escapes", () => {
    const book = oneSheet(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row></sheetData>',
      {
        sharedStrings: [
          "<si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; &#x1F600;</t></si>",
          "<si><t>完成进度_x000D_\n(%)</t></si>",
          "<si><t>_x005F_x000D_ stays</t></si>",
          "<si/>",
          "<si><t/></si>",
        ],
      },
    );
    expect(firstValues(book)).toEqual([
      ["a & b <c> \"d\" 'e' 中文 😀", "完成进度\r\n(%)", "_x000D_ stays", "", ""],
    ]);
  });

  it("normalises literal CRLF line ends inside text to LF, as XML parsers do", () => {
    const book = oneSheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', {
      sharedStrings: ["<si><t>完成进度\r\n(%)&#13;</t></si>"],
    });
    expect(firstValues(book)).toEqual([["完成进度\n(%)\r"]]);
  });

  it("reads inline strings, also rich and with phonetic runs", () => {
    const book = oneSheet(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>部分</t></r><r><rPr><i/></rPr><t>完成</t></r><rPh sb="0" eb="2"><t>bufen</t></rPh></is></c>' +
        '<c r="C1" t="inlineStr"><is/></c></row></sheetData>',
    );
    expect(firstValues(book)).toEqual([["内联 & 文本", "部分完成", ""]]);
  });

  it("keeps full-width characters and inner white space as they are", () => {
    const book = oneSheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', {
      sharedStrings: ['<si><t xml:space="preserve">  ＡＢＣ１２３　（备注）  </t></si>'],
    });
    expect(firstValues(book)).toEqual([["  ＡＢＣ１２３　（备注）  "]]);
  });
});

describe("cell types", () => {
  it("reads numbers, booleans, errors, formula strings and ISO dates", () => {
    const book = oneSheet(
      '<sheetData><row r="1">' +
        '<c r="A1"><v>42</v></c>' +
        '<c r="B1" t="n"><v>-1.5E-3</v></c>' +
        '<c r="C1" t="b"><v>1</v></c>' +
        '<c r="D1" t="b"><v>0</v></c>' +
        '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="F1" t="e"><v>#N/A</v></c>' +
        '<c r="G1" t="str"><f>A1&amp;"x"</f><v>42 &amp; x</v></c>' +
        '<c r="H1" t="d"><v>2022-10-31T00:00:00Z</v></c>' +
        '<c r="I1" t="d"><v>2022-10-31T12:30:15.500</v></c>' +
        '<c r="J1" t="d"><v>2022-03-01</v></c>' +
        "</row></sheetData>",
    );
    expect(firstValues(book)).toEqual([
      [
        42,
        -0.0015,
        true,
        false,
        { error: "#DIV/0!" },
        { error: "#N/A" },
        "42 & x",
        new Date(Date.UTC(2022, 9, 31)),
        new Date(Date.UTC(2022, 9, 31, 12, 30, 15, 500)),
        new Date(Date.UTC(2022, 2, 1)),
      ],
    ]);
  });

  it("reads a number's digits as Number() does, however many (an exact sum only up to 15)", () => {
    const numbers = [
      "0",
      "007",
      "44562",
      "123456789012345",
      "9007199254740993",
      "62700648676244984",
      "74842975398677424095",
      "0.5",
      "-3",
      "1E3",
    ];
    const cells = numbers.map((n, i) => `<c r="${String.fromCharCode(65 + i)}1" s="0"><v>${n}</v></c>`);
    const book = oneSheet(
      `<sheetData><row r="1">${cells.join("")}<c r="K1" t="n"><v></v></c></row></sheetData>`,
    );
    expect(firstValues(book)).toEqual([numbers.map(Number)]);
    // Read one digit at a time, the 17- and 20-digit ones would be off in their last digits.
    expect(Number("62700648676244984")).not.toBe(
      [..."62700648676244984"].reduce((n, d) => n * 10 + Number(d), 0),
    );
  });

  it("takes a formula's cached value, and leaves a formula without one empty", () => {
    const book = oneSheet(
      '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>SUM(A1:A9)</f></c>' +
        '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f t="shared" ref="D1:D2" si="0">A1</f><v>2</v></c>' +
        '<c r="E1" s="0"/><c r="F1"><v>7</v></c></row>' +
        '<row r="2"><c r="D2"><f t="shared" si="0"/><v>3</v></c></row></sheetData>',
    );
    expect(firstValues(book)).toEqual([
      [2, null, "", 2, null, 7],
      [null, null, null, 3],
    ]);
  });
});

describe("positions", () => {
  it("falls back to sequential positions when <row> and <c> have no r", () => {
    const book = oneSheet(
      "<sheetData>" +
        "<row><c><v>1</v></c><c><v>2</v></c></row>" +
        '<row r="4"><c><v>3</v></c><c r="D4"><v>4</v></c><c><v>5</v></c></row>' +
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>' +
        "</sheetData>",
    );
    expect(firstValues(book)).toEqual([[1, 2], undefined, undefined, [3, null, null, 4, 5], ["x"]]);
  });

  it("makes 1-based XML rows 0-based and pads gaps with empties", () => {
    const book = oneSheet(
      '<sheetData><row r="3" spans="2:3"><c r="C3"><v>9</v></c></row><row r="5"/><row r="6"><c r="AB6"><v>1</v></c></row></sheetData>',
    );
    const values = book.sheets[0]!.values;
    expect(values).toHaveLength(6);
    expect(values[2]).toEqual([null, null, 9]);
    expect(values[4]).toBeUndefined();
    expect(values[5]).toHaveLength(28);
    expect(values[5]?.[27]).toBe(1);
  });

  it("reads parts written with a namespace prefix (x:)", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c>' +
      '<x:c r="B1" s="1"><x:v>0.5</x:v></x:c><x:c r="C1"><x:f>B1*2</x:f><x:v>1</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="A2:B3"/></x:mergeCells></x:worksheet>';
    const book = readWorkbook(
      craft({
        sheets: [{ name: "前缀", body: xml }],
        styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs>',
      }),
    );
    const grid = book.sheets[0]!;
    expect(grid.values).toEqual([["前缀", 0.5, 1]]);
    expect(cellFormat(grid, 0, 1)).toBe("0%");
    expect(grid.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 1 }]);
  });

  it("reads merges, with absolute references too", () => {
    const book = oneSheet(
      '<sheetData/><mergeCells count="3"><mergeCell ref="A1:C2"/><mergeCell ref="$E$5:E9"/><mergeCell ref="AA10:AB10"/></mergeCells>',
    );
    expect(book.sheets[0]!.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 2 },
      { top: 4, left: 4, bottom: 8, right: 4 },
      { top: 9, left: 26, bottom: 9, right: 27 },
    ]);
    expect(book.sheets[0]!.values).toEqual([]);
  });
});

describe("number formats", () => {
  const styles =
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>' +
    '<cellXfs count="9"><xf numFmtId="0" xfId="0"/><xf numFmtId="9" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="14"/><xf numFmtId="164"><alignment wrapText="1"/></xf><xf numFmtId="31"/><xf numFmtId="57"/>' +
    '<xf numFmtId="49"/><xf numFmtId="165"/><xf numFmtId="200"/></cellXfs>';

  it("maps each cell's style to its custom or built-in format code", () => {
    const cells = Array.from(
      { length: 9 },
      (_, s) => `<c r="${String.fromCharCode(65 + s)}1" s="${s}"><v>1</v></c>`,
    );
    const book = oneSheet(`<sheetData><row r="1">${cells.join("")}</row></sheetData>`, { styles });
    const grid = book.sheets[0]!;
    expect(Array.from({ length: 9 }, (_, c) => cellFormat(grid, 0, c))).toEqual([
      undefined,
      "0%",
      "yyyy/m/d",
      "0.0%",
      'yyyy"年"m"月"d"日"',
      'yyyy"年"m"月"',
      "@",
      'yyyy"年"m"月"',
      undefined,
    ]);
  });

  it("has no format entries for cells without a value", () => {
    const book = oneSheet(
      '<sheetData><row r="1"><c r="A1" s="1"/><c r="B1" s="1"><v>0.5</v></c></row></sheetData>',
      {
        styles,
      },
    );
    expect(book.sheets[0]!.numberFormats).toEqual([[undefined, "0%"]]);
  });

  // Rows formatted alike share one array (issue #9: the grid's memory); a row written again later
  // (out of order) gets its own before it changes, so the rows it shared with keep theirs.
  const row = (r: number, styles: number[]) =>
    `<row r="${r}">${styles.map((s, c) => `<c r="${String.fromCharCode(65 + c)}${r}" s="${s}"><v>1</v></c>`).join("")}</row>`;

  it("shares one array among rows of the same formats, up to four patterns back", () => {
    const patterns = [[1, 2], [1], [2, 2], [0, 1], [1, 2, 2]];
    const rows = [0, 1, 0, 2, 3, 0, 4, 0].map((p, r) => row(r + 1, patterns[p]!));
    const grid = oneSheet(`<sheetData>${rows.join("")}</sheetData>`, { styles }).sheets[0]!;
    const f = grid.numberFormats;
    expect(f).toEqual([
      ["0%", "yyyy/m/d"],
      ["0%"],
      ["0%", "yyyy/m/d"],
      ["yyyy/m/d", "yyyy/m/d"],
      [undefined, "0%"],
      ["0%", "yyyy/m/d"],
      ["0%", "yyyy/m/d", "yyyy/m/d"],
      ["0%", "yyyy/m/d"],
    ]);
    expect(f[2]).toBe(f[0]);
    // Row 6 shares row 1's array after three other patterns, which brings it to the front: so row 8
    // still finds it after a fifth pattern (row 7) pushed out the one used longest ago.
    expect(f[5]).toBe(f[0]);
    expect(f[7]).toBe(f[0]);
    expect(f[1]).not.toBe(f[0]);
    expect(f[6]).not.toBe(f[0]);
  });

  it("gives a row written again its own formats before it changes them", () => {
    const grid = oneSheet(
      `<sheetData>${row(1, [1, 2])}${row(2, [1, 2])}${row(3, [1])}<row r="1"><c r="C1" s="1"><v>1</v></c></row></sheetData>`,
      { styles },
    ).sheets[0]!;
    expect(grid.numberFormats).toEqual([["0%", "yyyy/m/d", "0%"], ["0%", "yyyy/m/d"], ["0%"]]);
    expect(grid.values[0]).toEqual([1, 1, 1]);
  });
});

describe("workbook", () => {
  it("resolves sheets through the relationships, skips chart sheets, and reads hidden states", () => {
    const book = readWorkbook(
      craft({
        sheets: [
          {
            name: "第二",
            body: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>',
            target: "/xl/worksheets/b.xml",
          },
          { name: "图表", body: "<sheetViews/>", kind: "chartsheet" },
          {
            name: "隐藏",
            body: '<sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData>',
            state: "hidden",
          },
          {
            name: "深藏",
            body: "<sheetData/>",
            state: "veryHidden",
            target: "worksheets/../worksheets/deep.xml",
          },
          { name: "可见", body: "<sheetData/>", state: "visible" },
        ],
        workbookPr: '<workbookPr date1904="true" defaultThemeVersion="124226"/>',
      }),
    );
    expect(book.sheets.map((s) => [s.name, s.hidden, s.values])).toEqual([
      ["第二", false, [[2]]],
      ["隐藏", true, [[3]]],
      ["深藏", true, []],
      ["可见", false, []],
    ]);
    expect(book.date1904).toBe(true);
  });

  it.each([
    ['<workbookPr date1904="1"/>', true],
    ['<workbookPr date1904="0"/>', false],
    ['<workbookPr date1904="false"/>', false],
    ["<workbookPr/>", false],
    ["", false],
  ])("reads %j as date1904 = %s", (workbookPr, expected) => {
    const book = readWorkbook(craft({ sheets: [{ name: "S", body: "<sheetData/>" }], workbookPr }));
    expect(book.date1904).toBe(expected);
  });

  it("decodes entities in sheet names", () => {
    const bytes = craft({ sheets: [{ name: "A &amp; B", body: "<sheetData/>" }] });
    expect(readWorkbook(bytes).sheets[0]!.name).toBe("A & B");
  });
});

describe("malformed XML is corrupt", () => {
  const corrupt = (bytes: Uint8Array): WorkbookReadError => {
    try {
      readWorkbook(bytes);
    } catch (e) {
      if (e instanceof WorkbookReadError) return e;
      throw e;
    }
    throw new Error("no error");
  };

  it.each([
    ["a sheet cut in the middle of a cell", '<sheetData><row r="1"><c r="A1"><v>1'],
    ["a sheet without </sheetData>", '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>'],
    ["a cell whose value is not closed", '<sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData>'],
    ["a broken attribute", '<sheetData><row r="1"><c r=A1><v>1</v></c></row></sheetData>'],
  ])("%s", (_what, body) => {
    const xml = `<?xml version="1.0"?><worksheet ${NS}>${body}`;
    const error = corrupt(craft({ sheets: [{ name: "S", body: xml }] }));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toMatch(/^文件已损坏（xl\/worksheets\/sheet1\.xml：.+）$/);
  });

  it("a shared string item that is not closed", () => {
    const error = corrupt(
      craft({
        sheets: [{ name: "S", body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
        sharedStrings: ["<si><t>abc</t>"],
      }),
    );
    expect([error.reason, error.message]).toEqual([
      "corrupt",
      "文件已损坏（xl/sharedStrings.xml：缺少 </si>）",
    ]);
  });

  it("a shared string index beyond the list", () => {
    const error = corrupt(
      craft({
        sheets: [{ name: "S", body: '<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>' }],
        sharedStrings: ["<si><t>abc</t></si>"],
      }),
    );
    expect(error.reason).toBe("corrupt");
    expect(error.message).toContain("共享字符串序号 5");
  });

  it("a workbook part that is not XML", () => {
    const files = {
      "xl/workbook.xml": strToU8("this is not xml"),
      "xl/_rels/workbook.xml.rels": strToU8(""),
    };
    const error = corrupt(zipSync(files));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toContain("xl/workbook.xml");
  });
});
