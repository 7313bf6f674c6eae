/**
 * The top-level guard (issue #8): anything unexpected inside one file — here a validator that
 * throws on one sheet, as a stack overflow would — is that file's `{file, error}` and one stderr
 * line naming it, without a stack trace; the other files are processed; `--json` prints exactly
 * one JSON document. A failure that is the run's own still ends in one line and one document.
 */
import { join } from "node:path";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { strToU8, zipSync } from "fflate";
import { HEADERS } from "../core/helpers";
import { cli } from "./helpers";

jest.mock("../../src/core/ledger/validate", () => {
  const actual = jest.requireActual<typeof import("../../src/core/ledger/validate")>(
    "../../src/core/ledger/validate",
  );
  return {
    ...actual,
    validateLedgerSheet: (...args: Parameters<typeof actual.validateLedgerSheet>) => {
      if (args[0].name === "爆炸")
        throw new RangeError(
          "Maximum call stack size exceeded\n    at validateLedgerSheet (validate.ts:1:1)",
        );
      return actual.validateLedgerSheet(...args);
    },
  };
});

jest.mock("../../src/core/notice/compute", () => {
  const actual = jest.requireActual<typeof import("../../src/core/notice/compute")>(
    "../../src/core/notice/compute",
  );
  return {
    ...actual,
    computeNotice: (...args: Parameters<typeof actual.computeNotice>) => {
      if (process.env["TAIZHANG_TEST_NOTICE_THROWS"])
        throw new TypeError("boom\n    at computeNotice (compute.ts:1:1)");
      return actual.computeNotice(...args);
    },
  };
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sample = join(__dirname, "../../seeds/period-1/青山区.xlsx");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-guard-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function boom(): string {
  const header = HEADERS.map(
    (h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`,
  ).join("");
  const file = join(dir, "爆炸.xlsx");
  writeFileSync(
    file,
    zipSync({
      "xl/workbook.xml": strToU8(
        `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="爆炸" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        `<worksheet ${NS}><sheetData><row r="1">${header}</row></sheetData></worksheet>`,
      ),
    }),
  );
  return file;
}

it("turns a file whose validation throws into that file's error; the other file is validated as if alone", async () => {
  const file = boom();
  const result = await cli(["validate", file, sample, "--json", "--as-of", "2022-10-31"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`taizhang: ${file}: 校验时出错：Maximum call stack size exceeded\n`);
  const json = JSON.parse(result.stdout);
  expect(json.files[0]).toEqual({ file, error: "校验时出错：Maximum call stack size exceeded" });
  const alone = JSON.parse((await cli(["validate", sample, "--json", "--as-of", "2022-10-31"])).stdout);
  expect(json.files[1]).toEqual(alone.files[0]);
  expect(json.issues).toEqual(alone.issues);
});

it("says the same in the human report", async () => {
  const file = boom();
  const result = await cli(["validate", sample, file, "--as-of", "2022-10-31"]);
  expect(result.code).toBe(2);
  expect(result.stdout).toContain(`✗ ${file}：无法读取（校验时出错：Maximum call stack size exceeded）`);
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
});

it("a failure of the run itself: one line, one JSON document, no stack trace, nothing written", async () => {
  process.env["TAIZHANG_TEST_NOTICE_THROWS"] = "1";
  try {
    const out = join(dir, "通报.xlsx");
    const result = await cli(["notice", sample, "--out", out, "--json", "--as-of", "2022-10-31"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("taizhang: 运行出错：boom\n");
    expect(JSON.parse(result.stdout)).toEqual({ error: "运行出错：boom" });
  } finally {
    delete process.env["TAIZHANG_TEST_NOTICE_THROWS"];
  }
});
