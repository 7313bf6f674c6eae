/**
 * The bench ledgers (bench/ledger.ts): the shared-string ledger holds the very cells of the inline
 * one, so the two textures measure the same work; only where the text is stored differs.
 */
import { readFileSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { benchLedger } from "../bench/ledger";
import { readWorkbookFile } from "../src/adapters/xlsx/node";

describe("bench ledgers", () => {
  const inline = benchLedger(1000);
  const shared = benchLedger(1000, "shared");

  it("store their text inline, or in a shared string table as Excel saves a workbook", () => {
    const parts = (file: string) => unzipSync(new Uint8Array(readFileSync(file)));
    const a = parts(inline);
    const b = parts(shared);
    expect(Object.keys(a)).not.toContain("xl/sharedStrings.xml");
    expect(strFromU8(a["xl/worksheets/sheet1.xml"]!)).toContain('t="inlineStr"');
    const table = strFromU8(b["xl/sharedStrings.xml"]!);
    const sheet = strFromU8(b["xl/worksheets/sheet1.xml"]!);
    expect(sheet).not.toContain("inlineStr");
    expect(sheet).toMatch(/<c r="B3" t="s"><v>\d+<\/v><\/c>/);
    // Each text once: as many <si> as the table says, none of them twice.
    const items = [...table.matchAll(/<si><t>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    expect(table).toContain(`uniqueCount="${items.length}"`);
    expect(new Set(items).size).toBe(items.length);
    expect(strFromU8(b["[Content_Types].xml"]!)).toContain("/xl/sharedStrings.xml");
    expect(strFromU8(b["xl/_rels/workbook.xml.rels"]!)).toContain('Target="sharedStrings.xml"');
  });

  it("hold the same cells either way", async () => {
    const a = await readWorkbookFile(inline);
    const b = await readWorkbookFile(shared);
    expect(b.sheets.map((s) => s.name)).toEqual(["重点任务台账", "单位名册"]);
    expect(b.sheets).toEqual(a.sheets);
  });
});
