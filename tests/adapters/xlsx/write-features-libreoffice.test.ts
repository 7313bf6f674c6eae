/**
 * Real-client round trip of the plan features: LibreOffice opens the template-like workbook and
 * saves it again as .xlsx; what it kept is read from its own XML. Validations (list sources on the
 * hidden sheet and by name, bounds, prompts, alerts), protection with unlocked cells, defined
 * names, the hidden sheet and the internal link must all survive. Skipped only when LibreOffice is
 * not installed; CI installs it.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbookFile } from "../../../src/adapters/xlsx/write";
import { EXPECTED_VALIDATIONS, LEDGER, OPTIONS, templateWorkbook } from "../../helpers/feature-plan";
import { convertWithLibreOffice, libreOfficeAvailable } from "../../helpers/libreoffice";
import { cellLocked, protection, validations } from "../../helpers/validation-xml";
import { definedNames, partText, sheetEntries, sheetXml, unzipXlsx } from "../../helpers/xlsx-inspect";

/** `'选项'!$A$2` and `选项!$A$2` are the same reference; LibreOffice drops quotes it does not need. */
const unquote = (ref: string | undefined) => ref?.replace(/'([^'!]+)'!/g, "$1!");

(libreOfficeAvailable() ? describe : describe.skip)("LibreOffice keeps the plan features", () => {
  let dir: string;
  let parts: ReturnType<typeof unzipXlsx>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "taizhang-lo-features-"));
    const file = join(dir, "模板.xlsx");
    await writeWorkbookFile(file, templateWorkbook());
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    const result = await convertWithLibreOffice(file, "xlsx", outDir);
    expect(result.paths).toEqual([join(outDir, "模板.xlsx")]);
    parts = unzipXlsx(result.paths[0] ?? "");
  }, 180_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("every validation, with its source, bounds, prompt and alert", () => {
    const found = validations(sheetXml(parts, LEDGER));
    expect(found.map((v) => v.sqref)).toEqual(EXPECTED_VALIDATIONS.map((v) => v.sqref));
    EXPECTED_VALIDATIONS.forEach((want, i) => {
      const got = found[i]!;
      expect(got.type).toBe(want.type);
      expect(unquote(got.formula1)).toBe(unquote(want.formula1));
      if (want.type !== "list") {
        expect(got.operator).toBe(want.operator);
        // LibreOffice writes a formula2 of 0 for one-bound rules; only a real second bound counts.
        if (want.formula2 !== undefined) expect(got.formula2).toBe(want.formula2);
      }
      expect(got.showErrorMessage).toBe(true);
    });
    expect(found.find((v) => v.sqref === "E4:E8")).toMatchObject({
      promptTitle: "责任单位",
      prompt: "请选择单位名册中的单位",
      errorTitle: "单位不在名册中",
      error: "请从下拉列表中选择",
      errorStyle: "stop",
    });
    expect(found.find((v) => v.sqref === "F4:F8")?.errorStyle).toBe("warning");
    expect(found.find((v) => v.sqref === "H4:H8")?.prompt).toBe("0 到 100 之间的数，\n如 60 表示 60%");
  });

  test("protection with the open columns unlocked", () => {
    const xml = sheetXml(parts, LEDGER);
    const styles = partText(parts, "xl/styles.xml");
    const attrs = protection(xml);
    expect(["1", "true"]).toContain(attrs?.get("sheet"));
    expect(["0", "false"]).toContain(attrs?.get("formatColumns"));
    for (const ref of ["A4", "B5", "D8"]) expect(cellLocked(xml, styles, ref)).toBe(true);
    for (const ref of ["E4", "G5", "H8", "I6"]) expect(cellLocked(xml, styles, ref)).toBe(false);
  });

  test("names, the hidden lists sheet and the internal link", () => {
    const names = definedNames(parts).map((n) => ({ ...n, value: unquote(n.value) }));
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "任务类别", value: "选项!$A$2:$A$9" },
        { name: "推进状态", value: "选项!$B$2:$B$5" },
        { name: "填报区", localSheetId: 1, value: "重点任务台账!$E$4:$I$8" },
        { name: "_xlnm.Print_Titles", localSheetId: 1, value: "重点任务台账!$1:$3" },
      ]),
    );
    expect(sheetEntries(parts).map((s) => [s.name, s.state])).toEqual([
      [OPTIONS, "hidden"],
      [LEDGER, "visible"],
    ]);
    expect(sheetXml(parts, LEDGER)).toMatch(
      /<hyperlink ref="H2" location="(&apos;|')重点任务台账(&apos;|')!A8"/,
    );
  });
});
