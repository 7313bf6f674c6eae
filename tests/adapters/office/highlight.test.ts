import {
  ERROR_FILL,
  HIGHLIGHT_SETTING,
  SheetHiddenError,
  SheetNotFoundError,
  UnsupportedApiError,
  WARNING_FILL,
  clearHighlights,
  highlightIssues,
  selectCell,
} from "../../../src/adapters/office";
import { type WorkbookModel, createFakeExcel } from "../../fake-excel";

const ctxOf = (excel: ReturnType<typeof createFakeExcel>) =>
  excel.newContext() as unknown as Excel.RequestContext;

function workbook() {
  return createFakeExcel([
    {
      name: "台账",
      rows: [
        ["任务编号", "完成时限", "完成进度"],
        ["RW-1", "10月底", 120],
        ["RW-2", 44834, "=1/0"],
        ["RW-3", "", 50],
      ],
      numberFormats: [undefined, undefined, [undefined, "yyyy-mm-dd", "0"]],
      fills: { B2: "#FFFF00", C3: "#00B0F0" },
    },
    { name: "单位名册", rows: [["单位名称"], ["青山区"]] },
  ]);
}

/** Everything about the cells except fills, to prove highlighting touches nothing else. */
function contents(model: WorkbookModel) {
  return model.sheets.map((s) => ({
    name: s.name,
    values: JSON.stringify(s.values),
    formats: JSON.stringify(s.numberFormats),
    formulas: [...s.formulas],
  }));
}
function styles(model: WorkbookModel) {
  return model.sheets.map((s) => [...s.styles.entries()].sort());
}

const issues = [
  { sheet: "台账", cell: "B2", severity: "error" as const },
  { sheet: "台账", cell: "C2", severity: "error" as const },
  { sheet: "台账", cell: "C3", severity: "warning" as const },
  { sheet: "台账", cell: "C3", severity: "error" as const },
  { sheet: "台账", cell: "B4", severity: "warning" as const },
  { sheet: "台账", cell: null, severity: "warning" as const },
  { sheet: "已删除的表", cell: "A1", severity: "error" as const },
];

describe("highlight and clear", () => {
  test("highlighting fills problem cells; clearing restores every original fill exactly; values never change", async () => {
    const excel = workbook();
    const before = { contents: contents(excel.model), styles: styles(excel.model) };
    const sheet = excel.model.sheet("台账")!;

    const result = await highlightIssues(ctxOf(excel), issues);
    expect(result).toEqual({ highlighted: 4, missingSheets: ["已删除的表"] });
    expect(sheet.getStyle(1, 1).fill).toBe(ERROR_FILL); // was yellow
    expect(sheet.getStyle(1, 2).fill).toBe(ERROR_FILL); // had no fill
    expect(sheet.getStyle(2, 2).fill).toBe(ERROR_FILL); // error beats warning; was blue
    expect(sheet.getStyle(3, 1).fill).toBe(WARNING_FILL);
    expect(sheet.getStyle(0, 0).fill).toBeNull();
    expect(contents(excel.model)).toEqual(before.contents);
    // The originals live in the document (as JSON settings), not in memory.
    expect(JSON.parse(excel.model.settings.get(HIGHLIGHT_SETTING) as string)).toEqual({
      version: 1,
      sheets: {
        台账: {
          B2: { color: "#FFFF00", pattern: "Solid" },
          C2: null,
          C3: { color: "#00B0F0", pattern: "Solid" },
          B4: null,
        },
      },
    });
    expect(excel.contexts[0]!.syncCount).toBe(3);

    // A later run (e.g. after reopening) restores from the stored record.
    const cleared = await clearHighlights(ctxOf(excel));
    expect(cleared).toEqual({ restored: 4, missingSheets: [] });
    expect(styles(excel.model)).toEqual(before.styles);
    expect(contents(excel.model)).toEqual(before.contents);
    expect(excel.model.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test("highlighting twice keeps the first original, so clearing still restores the user's fill", async () => {
    const excel = workbook();
    const before = styles(excel.model);
    await highlightIssues(ctxOf(excel), issues.slice(0, 1));
    await highlightIssues(ctxOf(excel), issues.slice(0, 2));
    await clearHighlights(ctxOf(excel));
    expect(styles(excel.model)).toEqual(before);
    expect(excel.model.sheet("台账")!.getStyle(1, 1).fill).toBe("#FFFF00");
  });

  test("clearing with nothing recorded changes nothing", async () => {
    const excel = workbook();
    const before = styles(excel.model);
    expect(await clearHighlights(ctxOf(excel))).toEqual({ restored: 0, missingSheets: [] });
    expect(styles(excel.model)).toEqual(before);
  });

  test("needs ExcelApi 1.9 and says so", async () => {
    const excel = workbook();
    await expect(highlightIssues(ctxOf(excel), issues, { supports: (m) => m < 9 })).rejects.toBeInstanceOf(
      UnsupportedApiError,
    );
    await expect(clearHighlights(ctxOf(excel), { supports: (m) => m < 9 })).rejects.toThrow("ExcelApi 1.9");
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the issue's cell", async () => {
    const excel = workbook();
    await selectCell(ctxOf(excel), "单位名册", "A2");
    expect(excel.model.activeSheet!.name).toBe("单位名册");
    expect(excel.model.selection).toEqual({ sheet: "单位名册", address: "A2" });
  });

  test("a missing or hidden sheet gives a clear error", async () => {
    const excel = workbook();
    excel.model.sheet("单位名册")!.visibility = "Hidden";
    await expect(selectCell(ctxOf(excel), "单位名册", "A2")).rejects.toBeInstanceOf(SheetHiddenError);
    await expect(selectCell(ctxOf(excel), "没有", "A2")).rejects.toBeInstanceOf(SheetNotFoundError);
    expect(excel.model.selection).toBeNull();
  });
});
