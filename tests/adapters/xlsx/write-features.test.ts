/**
 * The plan features beyond cells and styles, written by the .xlsx writer and read back from the
 * written XML: data validations (lists from a range on a hidden sheet or from a name, whole,
 * decimal, date, prompts, alerts), sheet protection with unlocked cells, defined names, hidden
 * sheets, internal links. LibreOffice round trips are in write-features-libreoffice.test.ts.
 */
import { OutputWriteError, renderWorkbookBuffer } from "../../../src/adapters/xlsx/write";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan";
import {
  EXPECTED_VALIDATIONS,
  LEDGER,
  OPTIONS,
  ledgerSheet,
  optionsSheet,
  templateWorkbook,
} from "../../helpers/feature-plan";
import { cellLocked, protection, validations } from "../../helpers/validation-xml";
import {
  definedNames,
  loadWorkbook,
  partText,
  sheetEntries,
  sheetXml,
  unzipXlsx,
  worksheetChildren,
} from "../../helpers/xlsx-inspect";

async function render(plan: WorkbookPlan) {
  const bytes = await renderWorkbookBuffer(plan);
  return { bytes, parts: unzipXlsx(bytes) };
}

async function renderError(plan: WorkbookPlan): Promise<string> {
  const error = await renderWorkbookBuffer(plan).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputWriteError);
  return (error as OutputWriteError).message;
}

describe("data validation", () => {
  test("rules, sources, prompts and alerts are written as declared", async () => {
    const { parts } = await render(templateWorkbook());
    const xml = sheetXml(parts, LEDGER);
    const found = validations(xml);
    expect(found).toHaveLength(EXPECTED_VALIDATIONS.length);
    EXPECTED_VALIDATIONS.forEach((want, i) => expect(found[i]).toMatchObject(want));
    expect(found.every((v) => v.showErrorMessage && v.allowBlank)).toBe(true);
    expect(found.find((v) => v.sqref === "C4:C8")).toMatchObject({
      showInputMessage: true,
      promptTitle: "任务类别",
      prompt: "请从下拉列表中选择",
      errorStyle: "stop",
    });
    expect(found.find((v) => v.sqref === "E4:E8")).toMatchObject({
      errorTitle: "单位不在名册中",
      error: "请从下拉列表中选择",
      errorStyle: "stop",
    });
    expect(found.find((v) => v.sqref === "F4:F8")?.errorStyle).toBe("warning");
    // A line break in a prompt survives as a character reference (a raw one would fold to a space).
    expect(found.find((v) => v.sqref === "H4:H8")?.prompt).toBe("0 到 100 之间的数，\n如 60 表示 60%");
    expect(xml).toContain('prompt="0 到 100 之间的数，&#10;如 60 表示 60%"');
    expect(found.find((v) => v.sqref === "G4:G8")?.showInputMessage).toBe(false);
  });

  test("ExcelJS reads the validations back", async () => {
    const { bytes } = await render(templateWorkbook());
    const ws = (await loadWorkbook(bytes)).getWorksheet(LEDGER);
    const model = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
      .dataValidations.model;
    expect(model["E4:E8"] ?? model["E4"]).toMatchObject({ type: "list", formulae: ["'选项'!$C$2:$C$4"] });
    expect(model["H4:H8"] ?? model["H4"]).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
  });

  test("a list from a sheet the workbook does not hold, or from an undefined name, is refused", async () => {
    const alone = await renderError({ sheets: [ledgerSheet()] });
    expect(alone).toContain("任务类别");
    const noSheet = ledgerSheet();
    const message = await renderError({
      sheets: [
        optionsSheet(),
        {
          ...noSheet,
          validations: [
            {
              range: { top: 3, left: 4, bottom: 7, right: 4 },
              rule: {
                type: "list",
                source: { sheet: "名册", range: { top: 0, left: 0, bottom: 3, right: 0 } },
              },
            },
          ],
        },
      ],
    });
    expect(message).toContain("名册");
  });

  test("a sheet-scoped name is usable only on its own sheet", async () => {
    const options = optionsSheet();
    const local: SheetPlan = {
      ...options,
      names: [{ name: "任务类别", range: { top: 1, left: 0, bottom: 8, right: 0 }, scope: "sheet" }],
    };
    const message = await renderError({
      sheets: [local, { ...ledgerSheet(), validations: [ledgerSheet().validations![1]!] }],
    });
    expect(message).toContain("任务类别");
  });

  test.each([
    [
      "overlapping ranges",
      {
        validations: [
          { range: { top: 0, left: 0, bottom: 3, right: 0 }, rule: { type: "whole", min: 0 } },
          { range: { top: 3, left: 0, bottom: 5, right: 1 }, rule: { type: "decimal", max: 1 } },
        ],
      },
      "A4:B6",
    ],
    [
      "a prompt title over 32 characters",
      {
        validations: [
          {
            range: { top: 0, left: 0, bottom: 0, right: 0 },
            rule: { type: "whole" },
            prompt: { title: "标".repeat(33), text: "x" },
          },
        ],
      },
      "32",
    ],
    [
      "a message over 255 characters",
      {
        validations: [
          {
            range: { top: 0, left: 0, bottom: 0, right: 0 },
            rule: { type: "whole" },
            error: { text: "错".repeat(256) },
          },
        ],
      },
      "255",
    ],
    [
      "a date that is not YYYY-MM-DD",
      {
        validations: [
          { range: { top: 0, left: 0, bottom: 0, right: 0 }, rule: { type: "date", min: "2022/10/31" } },
        ],
      },
      "2022/10/31",
    ],
    [
      "a whole-number bound that is not whole",
      {
        validations: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, rule: { type: "whole", max: 2.5 } }],
      },
      "2.5",
    ],
  ] as Array<[string, Partial<SheetPlan>, string]>)("refuses %s", async (_case, extra, mentioned) => {
    const message = await renderError({
      sheets: [{ name: "S", rows: [[{ value: 1 }]], styles: {}, merges: [], columnWidths: [], ...extra }],
    });
    expect(message).toContain(mentioned);
    expect(message).toContain("“S”");
  });

  test("whole and decimal rules without bounds accept any number of their kind", async () => {
    const { parts } = await render({
      sheets: [
        {
          name: "S",
          rows: [],
          styles: {},
          merges: [],
          columnWidths: [],
          validations: [
            { range: { top: 0, left: 0, bottom: 9, right: 0 }, rule: { type: "whole" } },
            {
              range: { top: 0, left: 1, bottom: 9, right: 1 },
              rule: { type: "decimal", max: 0.5 },
              allowBlank: false,
            },
            { range: { top: 0, left: 2, bottom: 9, right: 2 }, rule: { type: "date" } },
          ],
        },
      ],
    });
    const found = validations(sheetXml(parts, "S"));
    expect(found).toMatchObject([
      {
        sqref: "A1:A10",
        type: "whole",
        operator: "between",
        formula1: "-2147483648",
        formula2: "2147483647",
      },
      { sqref: "B1:B10", type: "decimal", operator: "lessThanOrEqual", formula1: "0.5", allowBlank: false },
      { sqref: "C1:C10", type: "date", operator: "between", formula1: "1", formula2: "2958465" },
    ]);
  });
});

describe("protection, names, hidden sheets, links", () => {
  test("the sheet is protected; cells styled locked: false are editable, the rest locked", async () => {
    const { parts } = await render(templateWorkbook());
    const xml = sheetXml(parts, LEDGER);
    const styles = partText(parts, "xl/styles.xml");
    const attrs = protection(xml);
    expect(attrs?.get("sheet")).toBe("1");
    // Formatting columns and rows is allowed (0 = not locked in SpreadsheetML); inserting rows is not.
    expect(attrs?.get("formatColumns")).toBe("0");
    expect(attrs?.get("formatRows")).toBe("0");
    expect(attrs?.get("insertRows")).toBeUndefined();
    for (const ref of ["A4", "B5", "C6", "D8", "F4"]) expect(cellLocked(xml, styles, ref)).toBe(true);
    for (const ref of ["E4", "G5", "H8", "I6"]) expect(cellLocked(xml, styles, ref)).toBe(false);
    expect(protection(sheetXml(parts, OPTIONS))).toBeUndefined();
    const children = worksheetChildren(xml);
    expect(children.indexOf("sheetProtection")).toBe(children.indexOf("sheetData") + 1);
    expect(children.indexOf("dataValidations")).toBeGreaterThan(children.indexOf("conditionalFormatting"));
    expect(children.indexOf("dataValidations")).toBeLessThan(children.indexOf("hyperlinks"));
  });

  test("defined names: workbook scope, sheet scope, ownership marks and print titles", async () => {
    const { parts } = await render(templateWorkbook());
    expect(definedNames(parts)).toEqual([
      { name: "TaizhangKind", localSheetId: 0, value: '"template"' },
      { name: "任务类别", value: "'选项'!$A$2:$A$9" },
      { name: "推进状态", value: "'选项'!$B$2:$B$5" },
      { name: "TaizhangKind", localSheetId: 1, value: '"template"' },
      { name: "_xlnm.Print_Titles", localSheetId: 1, value: "'重点任务台账'!$1:$3" },
      { name: "填报区", localSheetId: 1, value: "'重点任务台账'!$E$4:$I$8" },
    ]);
  });

  test.each([
    ["a name with a space", "任务 类别"],
    ["a name that is a cell reference", "AB12"],
    ["an R1C1 reference", "R1C2"],
    ["a name starting with a digit", "1类别"],
  ])("refuses %s", async (_case, name) => {
    const message = await renderError({
      sheets: [
        {
          ...optionsSheet(),
          visibility: "visible",
          names: [{ name, range: { top: 0, left: 0, bottom: 0, right: 0 } }],
        },
      ],
    });
    expect(message).toContain(name);
  });

  test("the same name twice in one scope is refused; in two scopes it is allowed", async () => {
    const twice = { ...optionsSheet(), visibility: "visible" as const };
    const dup = await renderError({
      sheets: [
        {
          ...twice,
          names: [...twice.names!, { name: "任务类别", range: { top: 0, left: 0, bottom: 0, right: 0 } }],
        },
      ],
    });
    expect(dup).toContain("重复");
    await render({
      sheets: [
        {
          ...twice,
          names: [
            ...twice.names!,
            { name: "任务类别", range: { top: 0, left: 0, bottom: 0, right: 0 }, scope: "sheet" },
          ],
        },
      ],
    });
  });

  test("the hidden lists sheet is hidden and the template is the active tab", async () => {
    const { parts } = await render(templateWorkbook());
    expect(sheetEntries(parts).map((s) => [s.name, s.state])).toEqual([
      [OPTIONS, "hidden"],
      [LEDGER, "visible"],
    ]);
    expect(partText(parts, "xl/workbook.xml")).toMatch(/activeTab="1"/);
  });

  test("a link to a cell of the same sheet", async () => {
    const { parts } = await render(templateWorkbook());
    expect(sheetXml(parts, LEDGER)).toContain('<hyperlink ref="H2" location="&apos;重点任务台账&apos;!A8"/>');
  });
});
