/**
 * 退回修改 (issue #14): the annotated copy marks every issue cell and changes nothing else, checked
 * with readers that are not ours (SheetJS, ExcelJS, fflate) on the bundled sample, on ExcelJS- and
 * LibreOffice-written workbooks (shared strings, rich text, formulas, merges, 1904 dates, existing
 * comments) and on an .xlsm.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  BROWSER_PACKAGE_CODECS,
  NODE_PACKAGE_CODECS,
  annotateWorkbook,
  readWorkbook,
} from "../../src/adapters/xlsx";
import { type IssueData, buildFeedback, validateRun, workbookUnit } from "../../src/core";
import { checkAnnotated } from "./check";
import { VBA_BYTES, richLedger, withVbaProject } from "./fixtures";
import { parts, sameBytes, sheetjsWorkbook } from "./oracle";

jest.setTimeout(120_000);

function annotate(bytes: Uint8Array, file: string, asOf = "2022-10-31") {
  const workbook = readWorkbook(bytes);
  const run = validateRun([{ file, workbook }], { today: "2022-11-01", asOf });
  const result = run.files[0]!;
  const issues: IssueData[] = run.issues.filter((i) => i.file === file);
  const feedback = buildFeedback(issues, {
    file,
    asOf: run.asOf,
    unit: workbookUnit(workbook, result.sheets, result.rows),
    existingSheets: workbook.sheets.map((s) => s.name),
  });
  return { issues, feedback, annotated: annotateWorkbook(bytes, feedback, { codecs: NODE_PACKAGE_CODECS }) };
}

interface ManifestEntry {
  file: string;
  sheet: string;
  cell: string;
  code: string;
}

describe("on the bundled sample (period 2)", () => {
  const dir = join(__dirname, "../../seeds/period-2");
  const manifest = JSON.parse(readFileSync(join(dir, "expected-issues.json"), "utf8")) as ManifestEntry[];
  const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));

  test.each(files)("%s: every issue cell marked and commented, nothing else changed", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const { issues, feedback, annotated } = annotate(bytes, file);
    const expected = manifest.filter((m) => m.file === file);
    // The generator's manifest (independent of the engine) names the cells the copy must mark.
    for (const m of expected) {
      expect(feedback.marks.map((k) => `${k.sheet}!${k.cell}`)).toContain(`${m.sheet}!${m.cell}`);
    }
    const { changed } = await checkAnnotated(bytes, annotated.bytes, issues);
    expect([...changed].sort()).toEqual([...annotated.changedParts].sort());
    expect(annotated.extension).toBe("xlsx");
    // The instructions sheet lists every issue: its rows after the header are numbered 1…n.
    const listed = feedback.sheet.rows.filter((r) => typeof r[0]?.value === "number").length;
    expect(listed).toBe(issues.length);
  });
});

describe("on workbooks the product has never seen", () => {
  test("ExcelJS ledger: shared strings, rich text, formulas, merges, 1904 dates, existing comments, missing cells and rows", async () => {
    const bytes = await richLedger();
    const { issues, feedback, annotated } = annotate(bytes, "青山区.xlsx");
    const codes = issues.map((i) => `${i.cell}:${i.code}`);
    // The cases the fixture was built for are all there (else it would test less than it claims).
    expect(codes).toEqual(
      expect.arrayContaining([
        "M3:unknown-column",
        "G5:invalid-date",
        "H6:nonstandard-value",
        "F7:required-missing",
        "A8:blank-row",
        "I9:status-progress-mismatch",
      ]),
    );
    expect(sheetjsWorkbook(bytes).date1904).toBe(true);
    await checkAnnotated(bytes, annotated.bytes, issues);
    expect(feedback.unit).toBe("青山区");
  });

  test("the workbook still opens on the sheet it opened on, and the names keep their sheets", async () => {
    const bytes = await richLedger();
    const { annotated } = annotate(bytes, "青山区.xlsx");
    const workbookXml = new TextDecoder().decode(parts(annotated.bytes)["xl/workbook.xml"]);
    expect(workbookXml).toMatch(/activeTab="2"/); // was 1 (重点任务台账), now one sheet further
    const names = sheetjsWorkbook(annotated.bytes).names;
    expect(names).toContainEqual(
      expect.objectContaining({ name: "_xlnm.Print_Area", sheet: "重点任务台账" }),
    );
  });

  test.each([
    "ledger-exceljs.xlsx",
    "ledger-libreoffice.xlsx",
    "date1904-exceljs.xlsx",
    "date1904-libreoffice.xlsx",
  ])("fixture %s", async (name) => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../fixtures/xlsx", name)));
    const { issues, annotated } = annotate(bytes, name);
    await checkAnnotated(bytes, annotated.bytes, issues);
  });

  test("an .xlsm keeps its VBA project byte for byte and its macro content type, and is named .xlsm", async () => {
    const bytes = withVbaProject(await richLedger());
    const { issues, annotated } = annotate(bytes, "青山区.xlsm");
    expect(annotated.extension).toBe("xlsm");
    const after = parts(annotated.bytes);
    expect(sameBytes(after["xl/vbaProject.bin"], VBA_BYTES)).toBe(true);
    const types = new TextDecoder().decode(after["[Content_Types].xml"]);
    expect(types).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(types).toContain('Extension="bin" ContentType="application/vnd.ms-office.vbaProject"');
    await checkAnnotated(bytes, annotated.bytes, issues);
  });

  test("annotating an annotated copy again adds a second instructions sheet and keeps the first", async () => {
    const bytes = await richLedger();
    const once = annotate(bytes, "青山区.xlsx").annotated.bytes;
    const twice = annotate(once, "青山区-退回修改.xlsx");
    expect(twice.feedback.sheet.name).toBe("退回修改说明（2）");
    expect(sheetjsWorkbook(twice.annotated.bytes).sheets.slice(0, 2)).toEqual([
      "退回修改说明（2）",
      "退回修改说明",
    ]);
  });
});

describe("the codecs", () => {
  test("Node's zlib (the CLI) and fflate (the pane) write the same parts, in the same order", () => {
    const dir = join(__dirname, "../../seeds/period-2");
    const file = readdirSync(dir).find((f) => f.endsWith(".xlsx"))!;
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const { feedback, annotated } = annotate(bytes, file);
    const browser = annotateWorkbook(bytes, feedback, { codecs: BROWSER_PACKAGE_CODECS });
    expect(browser.changedParts).toEqual(annotated.changedParts);
    const a = parts(annotated.bytes);
    const b = parts(browser.bytes);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(sameBytes(b[name], a[name])).toBe(true);
    // Both compressed: the copy is not a stored archive of the original's size.
    expect(annotated.bytes.length).toBeLessThan(Object.values(a).reduce((n, p) => n + p.length, 0));
  });
});
