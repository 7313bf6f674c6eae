/**
 * Formats recognised by content (SPEC §10), with compound files made by an independent writer
 * (SheetJS's CFB and BIFF8 writer), and the two inflaters (Node's zlib, `fflate` for the browser)
 * giving the same grids.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import {
  type FileKind,
  fflateInflate,
  readSpreadsheet,
  readWorkbook,
  sniffFile,
  WorkbookReadError,
  zlibInflate,
} from "../../../src/adapters/xlsx";
import * as browserReader from "../../../src/adapters/xlsx/read";

const CFB = XLSX.CFB;
const SAVE_AS = "请在 Excel/WPS 中另存为 .xlsx（不设密码）";

/** A compound file with the given streams. */
function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, content);
  return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
}

/** BIFF records: type, length, data. */
function biff(...records: Array<[number, number[]]>): Uint8Array {
  const out: number[] = [];
  for (const [type, data] of records)
    out.push(type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data);
  return new Uint8Array(out);
}
const BOF: [number, number[]] = [0x0809, [0, 6, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]];
const EOF: [number, number[]] = [0x000a, []];
const FILEPASS: [number, number[]] = [0x002f, [1, 0, 1, 0, 1, 0, ...new Array<number>(48).fill(7)]];
const padding = (n: number): [number, number[]] => [0x00e1, new Array<number>(n).fill(0)];

function xlsBytes(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["任务编号", 1]]), "S");
  return new Uint8Array(XLSX.write(wb, { bookType: "xls", type: "buffer" }) as Buffer);
}

function refusal(bytes: Uint8Array): WorkbookReadError {
  try {
    readWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read without refusal");
}

const enc = (s: string) => new TextEncoder().encode(s);

describe("format by content", () => {
  const cases: Array<[string, () => Uint8Array, FileKind, string, string]> = [
    ["a BIFF8 .xls written by SheetJS", xlsBytes, "xls", "xls", `是旧版 .xls 格式，暂不支持；${SAVE_AS}`],
    [
      "a .xls whose workbook stream (in the mini stream) starts with FILEPASS",
      () => compound({ Workbook: biff(BOF, FILEPASS, EOF) }),
      "encrypted",
      "encrypted",
      `文件已加密（设有打开密码），无法读取；${SAVE_AS}`,
    ],
    [
      "a .xls whose large workbook stream (in regular sectors) has FILEPASS after other records",
      () => compound({ Workbook: biff(BOF, padding(200), FILEPASS, padding(5000), EOF) }),
      "encrypted",
      "encrypted",
      `文件已加密（设有打开密码），无法读取；${SAVE_AS}`,
    ],
    [
      "a large .xls workbook stream without FILEPASS",
      () => compound({ Workbook: biff(BOF, padding(6000), EOF, padding(100)) }),
      "xls",
      "xls",
      `是旧版 .xls 格式，暂不支持；${SAVE_AS}`,
    ],
    [
      "a BIFF5 workbook stream named Book",
      () => compound({ Book: biff(BOF, EOF) }),
      "xls",
      "xls",
      `是旧版 .xls 格式，暂不支持；${SAVE_AS}`,
    ],
    [
      "a password-protected .xlsx (EncryptionInfo + EncryptedPackage)",
      () =>
        compound({
          EncryptionInfo: new Uint8Array(300).fill(4),
          EncryptedPackage: new Uint8Array(9000).fill(9),
        }),
      "encrypted",
      "encrypted",
      `文件已加密（设有打开密码），无法读取；${SAVE_AS}`,
    ],
    [
      "a compound file without a workbook stream (WPS .et, Word .doc)",
      () => compound({ WordDocument: new Uint8Array(5000).fill(1) }),
      "compound",
      "not-xlsx",
      `不是 Excel 工作簿（可能是 WPS .et 或其他程序的文件）；${SAVE_AS}`,
    ],
    [
      "CSV text",
      () => enc("序号,任务编号\n1,RW-001\n"),
      "text",
      "not-xlsx",
      `是文本（CSV）文件，不是工作簿；${SAVE_AS}`,
    ],
    [
      "an HTML table saved under an .xls name",
      () =>
        enc(
          '<html><head><meta charset="utf-8"></head><body><table><tr><td>1</td></tr></table></body></html>',
        ),
      "html",
      "not-xlsx",
      `是网页（HTML）格式，不是真正的工作簿；${SAVE_AS}`,
    ],
    [
      "an Excel 2003 XML spreadsheet",
      () =>
        enc(
          '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
        ),
      "xml2003",
      "not-xlsx",
      `是 Excel 2003 XML 表格，暂不支持；${SAVE_AS}`,
    ],
    [
      "binary bytes",
      () => new Uint8Array([1, 2, 3, 0, 255, 254, 0, 9]),
      "unknown",
      "not-xlsx",
      `不是 .xlsx 工作簿（无法识别的文件格式）；${SAVE_AS}`,
    ],
  ];

  it.each(cases)("%s", (_what, make, kind, reason, message) => {
    const bytes = make();
    expect(sniffFile(bytes)).toBe(kind);
    const e = refusal(bytes);
    expect({ reason: e.reason, message: e.message }).toEqual({ reason, message });
  });

  it("hands a .xls to the plugged-in reader, and only a .xls", async () => {
    const seen: number[] = [];
    const readXls = (bytes: Uint8Array) => {
      seen.push(bytes.length);
      return { sheets: [], date1904: false };
    };
    const xls = xlsBytes();
    await expect(readSpreadsheet(xls, { readXls })).resolves.toEqual({ sheets: [], date1904: false });
    await expect(
      readSpreadsheet(compound({ Workbook: biff(BOF, FILEPASS, EOF) }), { readXls }),
    ).rejects.toMatchObject({ reason: "encrypted" });
    const xlsx = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/xlsx/ledger-exceljs.xlsx")));
    expect((await readSpreadsheet(xlsx, { readXls })).sheets.length).toBeGreaterThan(0);
    expect(seen).toEqual([xls.length]);
  });
});

describe("inflaters", () => {
  const dirs = [join(__dirname, "../../fixtures/xlsx"), join(__dirname, "../../fixtures/golden")];
  const files = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((n) => n.endsWith(".xlsx") && n !== "not-a-workbook.xlsx")
      .map((n) => join(d, n)),
  );

  it.each(files)("Node's zlib and fflate (the browser's) read %s alike", (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const node = readWorkbook(bytes, { inflate: zlibInflate });
    expect(browserReader.readWorkbook(bytes)).toEqual(node);
    expect(readWorkbook(bytes, { inflate: fflateInflate })).toEqual(node);
    expect(node.sheets.length).toBeGreaterThan(0);
  });
});
