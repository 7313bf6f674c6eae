/**
 * The layering is enforced by lint (docs/ARCHITECTURE.md): these cases prove the rules fire. The
 * task pane may parse returned workbooks with the platform-free reader, and never reaches the file
 * system; the reader itself imports no Node module.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..");

interface Case {
  readonly file: string;
  readonly code: string;
}

/**
 * Lints each case's code as if it were that (existing) file, in one child process (ESLint's flat
 * config is an ES module, which Jest's module system cannot load); returns the number of
 * no-restricted-imports messages per case.
 */
function restrictedCounts(cases: readonly Case[]): number[] {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("node:path");
    (async () => {
      const cases = JSON.parse(process.argv[1]);
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) });
        out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").length);
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, JSON.stringify(cases)], {
      cwd: root,
      encoding: "utf8",
      // With CI=true typescript-eslint assumes a single run over unchanged files and parses the
      // file on disk, not the text given to lintText: the first case of each path would lint the
      // real file. These cases are text that is not on disk.
      env: { ...process.env, TSESTREE_SINGLE_RUN: "false" },
    }),
  ) as number[];
}

const PANE = "src/taskpane/request.ts";
const READER = "src/adapters/xlsx/read/inflate.ts";
const refused: Case[] = [
  { file: PANE, code: 'import { readWorkbookFile } from "../adapters/xlsx";' },
  { file: PANE, code: 'import { readWorkbookFile } from "../adapters/xlsx/node";' },
  { file: PANE, code: 'import { readWorkbookFile } from "../adapters/xlsx/node/read-file";' },
  { file: PANE, code: 'import { zlibInflate } from "../adapters/xlsx/node/inflate";' },
  { file: PANE, code: 'import { writeWorkbookFile } from "../adapters/xlsx/write/write-file";' },
  { file: PANE, code: 'import { writeWorkbookFile } from "../adapters/xlsx/write";' },
  { file: PANE, code: 'import { renderWorkbookBuffer } from "../adapters/xlsx/write/node";' },
  { file: PANE, code: 'import { readFile } from "node:fs/promises";' },
  { file: PANE, code: 'import { unzipSync } from "fflate";' },
  // Views reach the workbook through the host port only (taskpane/host.ts picks the adapter).
  { file: PANE, code: 'import { createOfficeHost } from "../adapters/office";' },
  { file: PANE, code: 'import { createWpsHost } from "../adapters/wps/host";' },
  { file: READER, code: 'import { inflateRawSync } from "node:zlib";' },
  { file: READER, code: 'import { readFile } from "fs";' },
  { file: READER, code: 'import { zlibInflate } from "../node/inflate";' },
];
const allowed: Case[] = [
  { file: PANE, code: 'import { readWorkbook } from "../adapters/xlsx/read";' },
  { file: PANE, code: 'import * as writer from "../adapters/xlsx/write/browser";' },
  { file: PANE, code: 'import { patchWorkbook } from "../adapters/xlsx/patch";' },
  { file: PANE, code: 'import { renderNoticeDocx } from "../adapters/docx";' },
  { file: "src/taskpane/host.ts", code: 'import { createOfficeHost } from "../adapters/office";' },
];

it("refuses file-system code in the pane and Node modules in the reader, and allows the reader in the pane", () => {
  const counts = restrictedCounts(
    [...refused, ...allowed].map((c) => ({ file: c.file, code: `${c.code}\nexport const x = 1;\n` })),
  );
  expect(counts).toEqual([...refused.map(() => 1), ...allowed.map(() => 0)]);
}, 180_000);
