/**
 * `feedback` validates its files as `validate` and `notice` do, each guarded: a file past its issue
 * limit (a sheet in the wrong template) is that file's one-line error, and the other files still get
 * their marked copies. Until session 18 `feedback` validated the run unguarded, so that one file
 * ended the whole command.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { MAX_ISSUES_PER_WORKBOOK } from "../../src/core";
import { HEADERS } from "../core/helpers";
import { cli } from "./helpers";

/** An .xlsx whose ledger rows are numbers in every column: about five errors a row. */
function wrongTemplate(rows: number): Uint8Array {
  const col = (c: number) => String.fromCharCode(65 + c);
  const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
  const body = [`<row r="1">${HEADERS.map((h, c) => text(`${col(c)}1`, h)).join("")}</row>`];
  for (let r = 2; r <= rows + 1; r++)
    body.push(
      `<row r="${r}">${HEADERS.map((_, c) => `<c r="${col(c)}${r}"><v>${c === 0 ? r : 9000 + c}</v></c>`).join("")}</row>`,
    );
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<workbook ${main} xmlns:r="${rel}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<worksheet ${main}><sheetData>${body.join("")}</sheetData></worksheet>`,
    ),
  });
}

test("a file past its issue limit is that file's error; the other file still gets its marked copy", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tz-feedback-guard-"));
  const bad = path.join(dir, "错模板.xlsx");
  // Five or more errors a row: past the limit well before the last row.
  writeFileSync(bad, wrongTemplate(Math.ceil(MAX_ISSUES_PER_WORKBOOK / 5) + 1000));
  const good = path.join(__dirname, "../../seeds/period-2/东湖区.xlsx");
  const out = path.join(dir, "out");
  const result = await cli(["feedback", bad, good, "--out-dir", out, "--json"]);
  // 2: a file could not be answered (the exit code `validate` and `notice` give for it too).
  expect(result.code).toBe(2);
  const json = JSON.parse(result.stdout) as {
    files: Array<{ file: string; error?: string; output?: string }>;
  };
  expect(json.files[0]).toEqual({
    file: bad,
    error: expect.stringMatching(/^问题过多：工作表“台账”至第 \d+ 行/),
  });
  expect(json.files[1]!.file).toBe(good);
  expect(json.files[1]!.output).toBe(path.join(out, "东湖区-退回修改.xlsx"));
  expect(readdirSync(out)).toEqual(["东湖区-退回修改.xlsx"]);
  expect(result.stderr.split("\n").filter((l) => l.includes("错模板.xlsx"))).toHaveLength(1);
}, 60_000);
