/**
 * Old-format `.xls` returns (SPEC §10): a LibreOffice-written `.xls` gives the same parsed rows and
 * issues as the `.xlsx` it was saved from (number-format codes may differ; dates are serials read
 * with the file's own date system); encrypted and non-workbook compound files are refused with one
 * line saying what to do. The `.xls` files are written by LibreOffice at test time, and by the
 * committed fixture script (`tests/fixtures/make-xls-fixtures.ts`).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as X from "@e965/xlsx";
import {
  WorkbookReadError,
  isCompoundFile,
  readWorkbook,
  readXlsWorkbook,
  sniffCompound,
} from "../../../src/adapters/xlsx";
import { type WorkbookGrid, validateRun } from "../../../src/core";
import { convertWithLibreOffice, libreOfficeAvailable } from "../../helpers/libreoffice";

const ROOT = join(__dirname, "../../..");
const SEED = (name: string) => join(ROOT, "seeds/period-2", name);
const TODAY = "2022-11-01";

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

function validation(book: WorkbookGrid, file: string) {
  const run = validateRun([{ file, workbook: book }], { today: TODAY });
  return {
    sheets: run.files[0]!.sheets,
    rows: run.files[0]!.rows,
    issues: run.issues.map(({ file: _f, ...issue }) => issue),
  };
}

const lo = libreOfficeAvailable() ? describe : describe.skip;

lo("a LibreOffice-written .xls reads as its .xlsx", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "taizhang-xls-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // 北湖区: title rows, merged 责任单位 cells, synonyms and errors; 江城综合保税区: a `Sheet1` ledger
  // beside an empty sheet; 市卫生健康委: many warnings.
  it.each(["北湖区.xlsx", "江城综合保税区.xlsx", "市卫生健康委.xlsx", "白鹭县.xlsx"])(
    "%s: same sheets, rows and issues",
    async (name) => {
      const { paths } = await convertWithLibreOffice(SEED(name), "xls", dir);
      const xlsBytes = bytesOf(paths[0]!);
      expect(isCompoundFile(xlsBytes)).toBe(true);
      expect(await sniffCompound(xlsBytes)).toBe("xls");
      const fromXls = await readXlsWorkbook(xlsBytes);
      const fromXlsx = readWorkbook(bytesOf(SEED(name)));
      expect(fromXls.sheets.map((s) => s.name)).toEqual(fromXlsx.sheets.map((s) => s.name));
      expect(fromXls.sheets[0]!.merges.length).toBe(fromXlsx.sheets[0]!.merges.length);
      const a = validation(fromXls, name);
      const b = validation(fromXlsx, name);
      expect(a.rows.length).toBeGreaterThan(30);
      expect(a.sheets).toEqual(b.sheets);
      expect(a.rows).toEqual(b.rows);
      expect(a.issues).toEqual(b.issues);
    },
    180_000,
  );

  it("reads a 1904-system workbook's dates with its own date system", async () => {
    const source = join(ROOT, "tests/fixtures/xlsx/date1904-libreoffice.xlsx");
    const { paths } = await convertWithLibreOffice(source, "xls", dir);
    const fromXls = await readXlsWorkbook(bytesOf(paths[0]!));
    const fromXlsx = readWorkbook(bytesOf(source));
    expect(fromXls.date1904).toBe(true);
    expect(fromXlsx.date1904).toBe(true);
    // The serial as stored (1904 system), never a JavaScript Date shifted by the time zone.
    const grid = fromXls.sheets.find((g) => g.name === "日期")!;
    expect(grid.values).toEqual([["完成时限"], [43464, 0.25]]);
    expect(grid.numberFormats[1]?.[1]).toBe("0%");
  }, 180_000);
});

describe("compound files that are not readable workbooks are refused with one line", () => {
  /** A compound file with the given streams. */
  function compound(streams: Record<string, Uint8Array>): Uint8Array {
    const cfb = X.CFB.utils.cfb_new();
    for (const [name, content] of Object.entries(streams)) X.CFB.utils.cfb_add(cfb, name, content);
    return new Uint8Array(X.CFB.write(cfb, { type: "array" }) as ArrayBuffer);
  }
  /** BIFF records: BOF (globals), then `more`, then EOF. */
  function biff(...more: Array<[number, number[]]>): Uint8Array {
    const records: Array<[number, number[]]> = [[0x0809, [0, 6, 5, 0, 0, 0, 0, 0]], ...more, [0x000a, []]];
    const out: number[] = [];
    for (const [type, body] of records)
      out.push(type & 255, type >> 8, body.length & 255, body.length >> 8, ...body);
    return new Uint8Array(out);
  }

  it.each([
    [
      "an encrypted .xlsx (EncryptionInfo)",
      { EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(8) },
      "encrypted",
      /密码/,
    ],
    ["an .xls with a FILEPASS record", { Workbook: biff([0x002f, [1, 0, 0, 0]]) }, "encrypted", /密码/],
    [
      "a Word document or a WPS file",
      { WordDocument: new Uint8Array(16) },
      "other",
      /另存为 \.xlsx（不设密码）/,
    ],
  ])("%s", async (_what, streams, kind, message) => {
    const bytes = compound(streams);
    expect(isCompoundFile(bytes)).toBe(true);
    expect(await sniffCompound(bytes)).toBe(kind);
    const error = await readXlsWorkbook(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookReadError);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text).toMatch(/请在 Excel\/WPS 中另存为 \.xlsx（不设密码）/);
    expect(text).not.toMatch(/\n/);
  });
});
