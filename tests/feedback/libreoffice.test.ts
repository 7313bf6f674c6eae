/**
 * A real spreadsheet application opens every annotated copy: LibreOffice re-saves each as .xlsx
 * (its comments and fills read back with ExcelJS), prints it to PDF (the instructions and the
 * deadline are on the first page) and exports the instructions sheet as CSV.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { MARK_FILL } from "../../src/core";
import { cli } from "../cli/helpers";
import { libreOfficeAvailable } from "../helpers/libreoffice";
import { richLedger, withVbaProject } from "./fixtures";
import { exceljsCells } from "./oracle";

jest.setTimeout(600_000);

const run = promisify(execFile);
const SAMPLE = path.join(__dirname, "../../seeds/period-2");

/** One LibreOffice run converting many files (a private profile, so nothing is shared or locked). */
async function convertAll(files: string[], filter: string, outDir: string): Promise<void> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "taizhang-lo-profile-"));
  try {
    await run(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 540_000, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

interface IssueJson {
  file: string;
  sheet: string;
  cell: string | null;
  severity: "error" | "warning";
  message: string;
}

(libreOfficeAvailable() ? describe : describe.skip)("LibreOffice opens every annotated copy", () => {
  let work: string;
  let copies: string[];
  let issues: IssueJson[];
  let outputOf: Map<string, string>;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "taizhang-feedback-lo-"));
    const extra = path.join(work, "in");
    mkdirSync(extra);
    const rich = await richLedger();
    writeFileSync(path.join(extra, "青山区样表.xlsx"), rich);
    writeFileSync(path.join(extra, "青山区宏.xlsm"), withVbaProject(rich));
    const inputs = [
      ...readdirSync(SAMPLE)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(SAMPLE, f)),
      path.join(extra, "青山区样表.xlsx"),
      path.join(extra, "青山区宏.xlsm"),
      path.join(__dirname, "../fixtures/xlsx/ledger-libreoffice.xlsx"),
    ];
    const result = await cli([
      "feedback",
      ...inputs,
      "--out-dir",
      path.join(work, "out"),
      "--as-of",
      "2022-10-31",
      "--json",
    ]);
    const json = JSON.parse(result.stdout);
    issues = json.issues;
    outputOf = new Map(
      json.files
        .filter((f: { output?: string | null }) => f.output)
        .map((f: { file: string; output: string }) => [f.file, f.output]),
    );
    copies = [...outputOf.values()];
    expect(copies.length).toBeGreaterThan(20);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("re-saved by LibreOffice, every copy still has every comment and fill on its issue cells", async () => {
    const resaved = path.join(work, "resaved");
    mkdirSync(resaved);
    await convertAll(copies, "xlsx:Calc MS Excel 2007 XML", resaved);
    for (const [file, output] of outputOf) {
      const base = path.basename(output).replace(/\.xls[xm]$/, ".xlsx");
      const cells = await exceljsCells(new Uint8Array(readFileSync(path.join(resaved, base))));
      for (const issue of issues.filter((i) => i.file === file && i.cell !== null)) {
        const cell = cells.get(issue.sheet)?.get(issue.cell!);
        // LibreOffice splits comment text into runs and may reflow it; compare without white space.
        const note = (cell?.note ?? "").replace(/\s+/g, "");
        expect({
          file,
          cell: issue.cell,
          hasMessage: note.includes(issue.message.replace(/\s+/g, "")),
        }).toEqual({ file, cell: issue.cell, hasMessage: true });
        const worst = issues.some(
          (i) =>
            i.file === file && i.sheet === issue.sheet && i.cell === issue.cell && i.severity === "error",
        )
          ? "error"
          : "warning";
        expect({ file, cell: issue.cell, fill: cell?.fill }).toEqual({
          file,
          cell: issue.cell,
          fill: `FF${MARK_FILL[worst]}`,
        });
      }
    }
  });

  it("prints the copies, the instructions with the deadline first", async () => {
    const pdfs = path.join(work, "pdf");
    mkdirSync(pdfs);
    // Every kind of input (the sample's, ExcelJS's, the .xlsm, LibreOffice's own), not all 20 sample copies: CPU is shared.
    const printed = [...copies.slice(0, 2), ...copies.slice(-3)];
    await convertAll(printed, "pdf:calc_pdf_Export", pdfs);
    for (const output of printed) {
      const pdf = path.join(pdfs, path.basename(output).replace(/\.xls[xm]$/, ".pdf"));
      const { stdout } = await run("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]);
      const text = stdout.replace(/\s+/g, "");
      expect({
        output,
        first: text.includes("退回修改说明") && text.includes("请于2022年11月3日前修改后重新报送"),
      }).toEqual({ output, first: true });
    }
  });

  it("exports the instructions sheet as CSV with one numbered row per issue", async () => {
    const csvDir = path.join(work, "csv");
    mkdirSync(csvDir);
    const sample = copies.slice(0, 3);
    await convertAll(
      sample,
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
      csvDir,
    );
    for (const output of sample) {
      const file = [...outputOf].find(([, o]) => o === output)![0];
      const base = path.basename(output).replace(/\.xls[xm]$/, "");
      const csv = readFileSync(path.join(csvDir, `${base}-退回修改说明.csv`), "utf8");
      const numbered = csv.split("\n").filter((l) => /^\d+,/.test(l));
      expect(numbered).toHaveLength(issues.filter((i) => i.file === file).length);
      for (const issue of issues.filter((i) => i.file === file))
        expect(csv).toContain(issue.message.split("\n")[0]!.slice(0, 10));
    }
  });
});
