/**
 * Reading ahead (`bin/taizhang.js` → `src/cli/read-ahead`): the first ledger of `validate`,
 * `notice`, `feedback`, `merge` and `split` is read, and its large worksheets inflated on zlib's
 * thread pool, while the CLI's modules load. What the reader then gives must be exactly what it
 * gives without: the same bytes and workbook, the same error for a damaged file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { benchLedger } from "../../bench/ledger";
import { readAhead, readsAhead, takeReadAhead } from "../../src/adapters/xlsx/node/read-ahead";
import { readCentralDirectory } from "../../src/adapters/xlsx/read/zip";
import { firstLedger } from "../../src/cli/argv";
import { readInputFile } from "../../src/cli/read-input";

describe("firstLedger: the file a command line reads first, as the commands parse it", () => {
  it.each<[string[], string | undefined]>([
    [["validate", "a.xlsx", "b.xlsx"], "a.xlsx"],
    [["validate", "--json", "--as-of", "2022-10-31", "a.xlsx"], "a.xlsx"],
    [["notice", "--out", "out.xlsx", "--period", "3", "--history", "h.xlsx", "台账.xlsx"], "台账.xlsx"],
    [["notice", "--out=out.xlsx", "--docx", "n.docx", "--category", "巡察整改", "a.xlsx"], "a.xlsx"],
    [["notice", "--with-ledger", "a.xlsx", "--out", "o.xlsx"], "a.xlsx"],
    [["--lang", "en", "validate", "a.xlsx"], "a.xlsx"],
    [["validate", "--lang=en", "a.xlsx"], "a.xlsx"],
    [["notice", "--out", "o.xlsx", "--", "--a.xlsx"], "--a.xlsx"],
    [["validate", "--json"], undefined],
    [["notice", "--out"], undefined],
    [["feedback", "--out-dir", "退回", "a.xlsx"], "a.xlsx"],
    [["merge", "--out", "合并.xlsx", "a.xlsx", "b.xlsx"], "a.xlsx"],
    [["split", "--out-dir", "分发", "总台账.xlsx"], "总台账.xlsx"],
    [["score", "a.xlsx"], undefined],
    [["template", "--out", "t.xlsx"], undefined],
    [["toString", "a.xlsx"], undefined],
    [[], undefined],
  ])("%j → %j", (argv, file) => {
    expect(firstLedger(argv)).toBe(file);
  });
});

describe("readsAhead: the large parts the reader needs", () => {
  const entry = (name: string, size = 2 << 20, method = 8, flags = 0) => ({
    name,
    size,
    method,
    flags,
    compressedSize: 1000,
    localHeaderOffset: 0,
  });
  it.each<[ReturnType<typeof entry>, boolean]>([
    [entry("xl/worksheets/sheet1.xml"), true],
    [entry("xl/worksheets/sheet12.xml"), true],
    [entry("xl/sharedStrings.xml"), true],
    [entry("XL/SharedStrings.xml"), true],
    [entry("xl/worksheets/sheet1.xml", (1 << 20) - 1), false],
    [entry("xl/worksheets/sheet1.xml", 1 << 20), true],
    [entry("xl/worksheets/sheet1.xml", 2 << 20, 0), false],
    [entry("xl/worksheets/sheet1.xml", 2 << 20, 8, 1), false],
    [entry("xl/worksheets/_rels/sheet1.xml.rels"), false],
    [entry("xl/media/image1.png"), false],
    [entry("xl/styles.xml"), false],
    [entry("docs/xl/worksheets/sheet1.xml"), false],
  ])("%j → %j", (e, expected) => {
    expect(readsAhead(e)).toBe(expected);
  });
});

describe("readAhead and takeReadAhead", () => {
  // 3,000 rows: a worksheet of about 1.7 MB, above the megabyte from which a part is read ahead.
  const ledger = benchLedger(3000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "taizhang-read-ahead-"));

  it("gives the reader the same bytes and workbook, the large part inflated ahead and used once", async () => {
    const plain = await readInputFile(ledger);
    readAhead(ledger);
    const inflateRawSync = jest.spyOn(zlib, "inflateRawSync");
    try {
      const ahead = await readInputFile(ledger);
      expect(ahead.bytes).toEqual(plain.bytes);
      expect(ahead.workbook).toEqual(plain.workbook);
      // Every part but the 1.7 MB worksheet inflated here, as before.
      const sizes = inflateRawSync.mock.calls.map(([, options]) => options?.maxOutputLength);
      const large = readCentralDirectory(new Uint8Array(readFileSync(ledger))).filter(
        (e) => e.size >= 1 << 20,
      );
      expect(large.map((e) => e.name)).toEqual(["xl/worksheets/sheet1.xml"]);
      expect(sizes).not.toContain(large[0]!.size);
      expect(sizes.length).toBeGreaterThan(0);
    } finally {
      inflateRawSync.mockRestore();
    }
  });

  it("is taken once, and only for the path read ahead (however it is written)", async () => {
    readAhead(ledger);
    expect(await takeReadAhead(path.join(dir, "other.xlsx"))).toBeUndefined();
    readAhead(ledger);
    const relative = path.relative(process.cwd(), ledger);
    const taken = await takeReadAhead(relative);
    expect(taken?.bytes).toEqual(new Uint8Array(readFileSync(ledger)));
    expect(await takeReadAhead(ledger)).toBeUndefined();
  });

  it("leaves a damaged part to the reader, which reports it as it would without reading ahead", async () => {
    const bytes = new Uint8Array(readFileSync(ledger));
    const sheet = readCentralDirectory(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    // Invalid DEFLATE in the middle of the sheet's data (the local header and directory intact).
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const data = sheet.localHeaderOffset + 30 + view.getUint16(sheet.localHeaderOffset + 26, true);
    bytes.fill(0xff, data + 1000, data + 1100);
    const damaged = path.join(dir, "damaged.xlsx");
    writeFileSync(damaged, bytes);
    const plain = await readInputFile(damaged).then(
      () => "read",
      (error: Error) => error.message,
    );
    expect(plain).toMatch(/sheet1\.xml/);
    readAhead(damaged);
    await expect(readInputFile(damaged)).rejects.toThrow(plain);
  });

  it("keeps the bytes of a file that is no zip, which the reader then refuses as without reading ahead", async () => {
    const notZip = path.join(dir, "not-a-workbook.xlsx");
    writeFileSync(notZip, "名单：青山区、江南区\n");
    const plain = await readInputFile(notZip).then(
      () => "read",
      (error: Error) => error.message,
    );
    readAhead(notZip);
    const taken = await takeReadAhead(notZip);
    expect(taken?.bytes).toEqual(new Uint8Array(readFileSync(notZip)));
    readAhead(notZip);
    await expect(readInputFile(notZip)).rejects.toThrow(plain);
    expect(plain).not.toBe("read");
  });

  it("is silent for a folder or a device, and gives the reader nothing for them", async () => {
    readAhead(dir);
    expect(await takeReadAhead(dir)).toBeUndefined();
    readAhead("/dev/null");
    expect(await takeReadAhead("/dev/null")).toBeUndefined();
  });

  it("is silent for a file that cannot be read, which the reader then reports", async () => {
    const missing = path.join(dir, "missing.xlsx");
    expect(() => readAhead(missing)).not.toThrow();
    expect(await takeReadAhead(missing)).toBeUndefined();
    await expect(readInputFile(missing)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
