/**
 * What a run loads is part of its time (SPEC §10's commands, issue #9): the CLI reads and writes
 * .xlsx with Node's zlib, so `validate` and `notice` never load `fflate` (the browser's codec, about
 * 16 ms; `feedback` neither), nor ExcelJS, nor the Word writer unless `--docx` asks for it; and `validate` loads the core
 * modules it uses, not core's barrel with every engine in it.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SEEDS = path.join(__dirname, "../../seeds/period-1");
const files = readdirSync(SEEDS)
  .filter((n) => n.endsWith(".xlsx"))
  .sort()
  .map((n) => path.join(SEEDS, n));

/** Runs the CLI in a fresh module registry; returns the packages among `watched` that were loaded. */
async function loadedBy(argv: string[], watched: readonly string[]): Promise<string[]> {
  const loaded: string[] = [];
  let code = -1;
  await jest.isolateModulesAsync(async () => {
    for (const name of watched)
      jest.doMock(name, () => {
        loaded.push(name);
        return jest.requireActual(name);
      });
    const { runCli } = await import("../../src/cli/main");
    code = await runCli(argv, {
      stdout: () => undefined,
      stderr: () => undefined,
      today: "2022-11-01",
      progress: false,
    });
  });
  expect(code).toBeGreaterThanOrEqual(0);
  expect(code).toBeLessThan(2);
  return loaded;
}

const WATCHED = ["fflate", "exceljs", "docx"];

test("validate loads neither fflate, ExcelJS nor the Word writer", async () => {
  expect(await loadedBy(["validate", ...files, "--json"], WATCHED)).toEqual([]);
});

test("notice loads neither fflate, ExcelJS nor the Word writer; --docx loads the Word writer", async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "tz-modules-")), "通报.xlsx");
  expect(await loadedBy(["notice", ...files, "--out", out, "--json"], WATCHED)).toEqual([]);
  const docx = out.replace(/\.xlsx$/, ".docx");
  // The check can fail: asked for Word, the run does load `docx`.
  expect(await loadedBy(["notice", ...files, "--out", out, "--docx", docx, "--json"], WATCHED)).toContain(
    "docx",
  );
});

test("feedback (退回修改) compresses with Node's zlib: it loads neither fflate, ExcelJS nor the Word writer", async () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "tz-modules-"));
  expect(await loadedBy(["feedback", ...files, "--out-dir", outDir, "--json"], WATCHED)).toEqual([]);
  // Something was written, so the patcher did run.
  expect(readdirSync(outDir).some((f) => f.endsWith("-退回修改.xlsx"))).toBe(true);
});

/** Core's barrel and engines `validate` does not use (the notice, its documents, scoring, the writer). */
const ENGINES = [
  "../../src/core/index",
  "../../src/core/notice/index",
  "../../src/core/document/index",
  "../../src/core/scoring/index",
  "../../src/core/template/index",
  "../../src/adapters/xlsx/write/index",
];

test("validate loads none of the engines it does not use; notice does load them", async () => {
  expect(await loadedBy(["validate", ...files, "--json"], ENGINES)).toEqual([]);
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "tz-modules-")), "通报.xlsx");
  // The check can fail: a notice needs core's notice and document engines and the writer.
  expect(await loadedBy(["notice", ...files, "--out", out, "--json"], ENGINES)).toEqual(
    expect.arrayContaining([
      "../../src/core/index",
      "../../src/core/notice/index",
      "../../src/adapters/xlsx/write/index",
    ]),
  );
});
