/**
 * `taizhang feedback` on an old `.xls` (#14: "An .xls input gets its annotated copy as .xlsx, said
 * in the summary"): read through the `.xls` reader, written as an .xlsx with the same cells, marked
 * and commented. Checked with SheetJS (values of the .xls itself) and ExcelJS (comments), against
 * the sample's manifest of expected issues for the workbook the .xls was converted from
 * (scripts/make-xls-fixtures.sh: LibreOffice's `.xls` of seeds/period-2/市教育局.xlsx).
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../cli/helpers";
import { exceljsCells, sheetjsCells, sheetjsWorkbook } from "./oracle";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");
const XLS = path.join(ROOT, "seeds/returns/市教育局.xls");

test("an .xls gets an .xlsx copy: every expected issue commented, every value of the .xls kept, the summary says so", async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "taizhang-feedback-xls-")), "out");
  const result = await cli(["feedback", XLS, "--out-dir", out, "--as-of", "2022-10-31"]);
  expect(result.stderr).not.toMatch(/taizhang: /);
  expect(readdirSync(out)).toEqual(["市教育局-退回修改.xlsx"]);
  expect(result.stdout).toContain("（原文件为 .xls，退回件为 .xlsx）");

  const copy = new Uint8Array(readFileSync(path.join(out, "市教育局-退回修改.xlsx")));
  const original = sheetjsCells(new Uint8Array(readFileSync(XLS)));
  const ledger = [...original.keys()].find((name) => name === "重点任务台账")!;
  expect(sheetjsWorkbook(copy).sheets).toEqual(["退回修改说明", ...original.keys()]);

  const expected = (
    JSON.parse(readFileSync(path.join(ROOT, "seeds/period-2/expected-issues.json"), "utf8")) as Array<{
      file: string;
      cell: string;
    }>
  )
    .filter((e) => e.file === "市教育局.xlsx")
    .map((e) => e.cell);
  expect(expected.length).toBeGreaterThan(0);
  const comments = (await exceljsCells(copy)).get(ledger)!;
  const noted = [...comments].filter(([, c]) => c.note).map(([cell]) => cell);
  expect(noted.sort()).toEqual([...expected].sort());

  // Every cell of every sheet of the .xls has the same value in the copy.
  const copied = sheetjsCells(copy);
  for (const [sheet, cells] of original) {
    const values = (m: Map<string, { v: unknown }>) => [...m].map(([cell, c]) => [cell, c.v]).sort();
    expect(values(copied.get(sheet)!)).toEqual(values(cells));
  }
});
