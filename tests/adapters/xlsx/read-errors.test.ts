/**
 * Files the reader must refuse with a reason and a one-line Chinese message: not a zip, truncated,
 * encrypted (or legacy .xls), zip bombs, zips that are no workbook, damaged compressed data.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readWorkbook, readWorkbookFile, WorkbookReadError } from "../../../src/adapters/xlsx";

const FIXTURES = join(__dirname, "../../fixtures/xlsx");
const ledgerBytes = (): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, "ledger-exceljs.xlsx")));

function refusal(read: () => unknown): { reason: string; message: string } {
  try {
    read();
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    // One line for the user: no stack trace, no line breaks.
    expect(e.message).not.toMatch(/\n|\bat \S+ \(/);
    return { reason: e.reason, message: e.message };
  }
  throw new Error("the file was read");
}

const MINIMAL_PARTS = {
  "xl/workbook.xml": strToU8(
    '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  "xl/_rels/workbook.xml.rels": strToU8(
    '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
};

/** Offset of the stored/compressed data of `name` (first local file header with that name). */
function dataOffset(zip: Uint8Array, name: string): number {
  const nameBytes = strToU8(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 3 || zip[i + 3] !== 4) continue;
    const nameLength = zip[i + 26]! | (zip[i + 27]! << 8);
    const extraLength = zip[i + 28]! | (zip[i + 29]! << 8);
    if (nameLength === nameBytes.length && nameBytes.every((b, k) => zip[i + 30 + k] === b)) {
      return i + 30 + nameLength + extraLength;
    }
  }
  throw new Error(`no local header for ${name}`);
}

describe("refused files", () => {
  it("a text file renamed .xlsx is not-xlsx", async () => {
    await expect(readWorkbookFile(join(FIXTURES, "not-a-workbook.xlsx"))).rejects.toMatchObject({
      reason: "not-xlsx",
      message: "是文本（CSV）文件，不是工作簿；请在 Excel/WPS 中另存为 .xlsx（不设密码）",
    });
  });

  it("an empty file is not-xlsx", () => {
    expect(refusal(() => readWorkbook(new Uint8Array(0)))).toEqual({
      reason: "not-xlsx",
      message: "文件为空，不是工作簿；请重新获取文件",
    });
  });

  it("the first half of an .xlsx is truncated", () => {
    const bytes = ledgerBytes();
    expect(refusal(() => readWorkbook(bytes.subarray(0, bytes.length >> 1)))).toEqual({
      reason: "truncated",
      message: "文件不完整（ZIP 压缩包被截断），请重新获取文件",
    });
  });

  it("an .xlsx missing only its last bytes is truncated", () => {
    const bytes = ledgerBytes();
    expect(refusal(() => readWorkbook(bytes.subarray(0, bytes.length - 10))).reason).toBe("truncated");
  });

  it("a compound-file header with nothing readable behind it is no Excel workbook", () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(() => readWorkbook(cfb))).toEqual({
      reason: "not-xlsx",
      message:
        "不是 Excel 工作簿（可能是 WPS .et 或其他程序的文件）；请在 Excel/WPS 中另存为 .xlsx（不设密码）",
    });
  });

  it("a zip whose parts declare more than maxUnpackedBytes is too-large, before inflating", () => {
    // 4 MB of zeros deflates to a few KB: a small zip bomb.
    const sheet = new Uint8Array(4 * 1024 * 1024);
    sheet.set(strToU8("<worksheet><sheetData>"));
    const bytes = zipSync({ ...MINIMAL_PARTS, "xl/worksheets/sheet1.xml": sheet });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const refused = refusal(() => readWorkbook(bytes, { maxUnpackedBytes: 1024 * 1024 }));
    expect(refused.reason).toBe("too-large");
    expect(refused.message).toBe("文件解压后过大（约 5 MB，超过上限 1 MB），拒绝读取");
  });

  it("counts only the parts it needs: a big unrelated entry does not matter", () => {
    const bytes = zipSync({
      ...MINIMAL_PARTS,
      "xl/worksheets/sheet1.xml": strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>',
      ),
      "xl/media/image1.png": new Uint8Array(4 * 1024 * 1024),
    });
    expect(readWorkbook(bytes, { maxUnpackedBytes: 1024 * 1024 }).sheets[0]?.values).toEqual([[7]]);
  });

  it("a part that inflates beyond its declared size is cut there, and then reported corrupt", () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    const bytes = zipSync({ ...MINIMAL_PARTS, "xl/worksheets/sheet1.xml": strToU8(xml) }, { level: 6 });
    // Lie in both headers: declare 20 bytes uncompressed for the sheet.
    const name = strToU8("xl/worksheets/sheet1.xml");
    for (let i = 0; i + 4 < bytes.length; i++) {
      if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
      const local = bytes[i + 2] === 3 && bytes[i + 3] === 4;
      const central = bytes[i + 2] === 1 && bytes[i + 3] === 2;
      if (!local && !central) continue;
      const nameAt = i + (local ? 30 : 46);
      if (!name.every((b, k) => bytes[nameAt + k] === b)) continue;
      const sizeAt = i + (local ? 22 : 24);
      bytes.set([20, 0, 0, 0], sizeAt);
    }
    const refused = refusal(() => readWorkbook(bytes));
    expect(refused.reason).toBe("corrupt");
    expect(refused.message).toContain("xl/worksheets/sheet1.xml");
  });

  it("a zip without xl/workbook.xml is not-xlsx", () => {
    const bytes = zipSync({ "data/a.xml": strToU8("<a/>"), "[Content_Types].xml": strToU8("<Types/>") });
    expect(refusal(() => readWorkbook(bytes))).toEqual({
      reason: "not-xlsx",
      message: "不是 .xlsx 文件（压缩包中没有 xl/workbook.xml）；请在 Excel/WPS 中另存为 .xlsx（不设密码）",
    });
  });

  it("a Word document (.docx) is said to be one", () => {
    const bytes = zipSync({
      "word/document.xml": strToU8("<w:document/>"),
      "[Content_Types].xml": strToU8("<Types/>"),
    });
    expect(refusal(() => readWorkbook(bytes))).toEqual({
      reason: "not-xlsx",
      message: "是 Word 文档，不是工作簿；请改交 .xlsx 台账",
    });
  });

  it("damaged compressed data is corrupt", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'.repeat(20);
    const bytes = zipSync({ ...MINIMAL_PARTS, "xl/worksheets/sheet1.xml": strToU8(xml) }, { level: 6 });
    const at = dataOffset(bytes, "xl/worksheets/sheet1.xml");
    bytes.fill(0xff, at, at + 8); // block type 3 does not exist
    expect(refusal(() => readWorkbook(bytes))).toEqual({
      reason: "corrupt",
      message: "文件已损坏（xl/worksheets/sheet1.xml 的压缩数据无法解压）",
    });
  });

  it("a sheet the relationships point to but the zip lacks is corrupt", () => {
    expect(refusal(() => readWorkbook(zipSync(MINIMAL_PARTS)))).toEqual({
      reason: "corrupt",
      message: "文件已损坏（xl/worksheets/sheet1.xml：压缩包中缺少工作表“S”）",
    });
  });

  it("the minimal workbook those tests start from is readable", () => {
    const bytes = zipSync({
      ...MINIMAL_PARTS,
      "xl/worksheets/sheet1.xml": strToU8("<worksheet><sheetData/></worksheet>"),
    });
    expect(readWorkbook(bytes)).toEqual({
      sheets: [{ name: "S", hidden: false, values: [], numberFormats: [], merges: [], rowIndexes: [] }],
      date1904: false,
    });
  });
});
