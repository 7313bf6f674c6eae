/**
 * The plan features beyond cells and styles, rendered by the Office adapter into the fake Excel:
 * validations (list from a range on the hidden `选项` sheet and from a name, whole/decimal/date with
 * prompts and alerts), protection with unlocked cells, names, hidden sheets, internal links; and
 * the notice-sized write staying linear in its rows (counts, never times).
 */
import {
  NameTakenError,
  renderSheetPlan,
  validationRule,
  type RenderOptions,
} from "../../../src/adapters/office";
import type { PlanCell, SheetPlan } from "../../../src/core/plan";
import { LEDGER, OPTIONS, ledgerSheet, optionsSheet } from "../../helpers/feature-plan";
import { cellAt, createFakeExcel, type FakeExcel } from "../../fake-excel";

const ctxOf = (excel: FakeExcel) => excel.newContext() as unknown as Excel.RequestContext;
const kind: RenderOptions = { kind: "template" };

async function renderTemplate(excel: FakeExcel, dataRows = 5) {
  const ctx = ctxOf(excel);
  await renderSheetPlan(ctx, optionsSheet(), kind);
  return renderSheetPlan(ctx, ledgerSheet(dataRows), { ...kind, activate: true });
}

describe("plan features in the add-in", () => {
  test("validations, prompts and alerts on the right ranges", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    const result = await renderTemplate(excel);
    expect(result.notes).toEqual([]);
    const s = excel.model.sheet(LEDGER)!;
    const byRange = new Map(
      s.dataValidations.map((v) => [`${v.rect.left}:${v.rect.top}-${v.rect.bottom}`, v]),
    );
    expect(s.dataValidations).toHaveLength(7);
    expect(byRange.get("0:3-7")?.rule).toEqual({
      wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 1 },
    });
    expect(byRange.get("2:3-7")).toMatchObject({
      rule: { list: { inCellDropDown: true, source: "=任务类别" } },
      ignoreBlanks: true,
      prompt: { showPrompt: true, title: "任务类别", message: "请从下拉列表中选择" },
      errorAlert: { showAlert: true, style: "Stop" },
    });
    expect(byRange.get("4:3-7")).toMatchObject({
      rule: { list: { inCellDropDown: true, source: "='选项'!$C$2:$C$4" } },
      errorAlert: { showAlert: true, style: "Stop", title: "单位不在名册中", message: "请从下拉列表中选择" },
    });
    expect(byRange.get("5:3-7")).toMatchObject({
      rule: { date: { operator: "Between", formula1: "2000-01-01", formula2: "2099-12-31" } },
      errorAlert: { style: "Warning" },
    });
    expect(byRange.get("7:3-7")?.rule).toEqual({
      decimal: { operator: "Between", formula1: 0, formula2: 100 },
    });
  });

  test("protection comes last, with the open columns unlocked", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    await renderTemplate(excel);
    const s = excel.model.sheet(LEDGER)!;
    expect(s.protection).toEqual({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: false,
      allowDeleteRows: false,
      allowSort: false,
      allowAutoFilter: false,
    });
    // Columns E, G, H, I of the data rows are open; the rest (and the header) locked.
    for (const [r, c] of [
      [3, 4],
      [4, 6],
      [7, 7],
      [5, 8],
    ])
      expect(s.getStyle(r!, c!).locked).toBe(false);
    for (const [r, c] of [
      [3, 0],
      [4, 1],
      [7, 3],
      [2, 4],
      [5, 5],
    ])
      expect(s.getStyle(r!, c!).locked).toBe(true);
    // Values were written before protecting (the fake refuses writes into locked cells afterwards).
    expect(cellAt(excel.model, LEDGER, "D4")).toBe("=SUM(A1)");
    expect(s.formulas.size).toBe(0);
  });

  test("names, the hidden lists sheet and the internal link", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    await renderTemplate(excel);
    expect(excel.model.names.get("任务类别")).toBe("='选项'!A2:A9");
    expect(excel.model.names.get("推进状态")).toBe("='选项'!B2:B5");
    expect(excel.model.sheet(LEDGER)!.names.get("填报区")).toBe("='重点任务台账'!E4:I8");
    expect(excel.model.sheet(OPTIONS)!.visibility).toBe("Hidden");
    expect(excel.model.activeSheet?.name).toBe(LEDGER);
    expect(excel.model.sheet(LEDGER)!.hyperlinks.get("H2")).toEqual({
      documentReference: "'重点任务台账'!A8",
      textToDisplay: "到第8行",
    });
  });

  test("a list whose source sheet is not there yet fails: sheets go in plan order", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    await expect(renderSheetPlan(ctxOf(excel), ledgerSheet(), kind)).rejects.toThrow(
      /not a valid reference|missing sheet/,
    );
  });

  test("regenerating replaces our names; a user's name of the same text is left alone", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    await renderTemplate(excel);
    const again = await renderSheetPlan(ctxOf(excel), optionsSheet(), {
      ...kind,
      confirmReplace: async () => true,
    });
    expect(again.replaced).toBe(true);
    expect(excel.model.names.get("任务类别")).toBe("='选项'!A2:A9");

    const user = createFakeExcel([{ name: "名册", rows: [["a"]] }]);
    user.model.names.set("任务类别", "=名册!$A$1:$A$9");
    await expect(renderSheetPlan(ctxOf(user), optionsSheet(), kind)).rejects.toBeInstanceOf(NameTakenError);
    expect(user.model.sheet(OPTIONS)).toBeUndefined();
    expect(user.model.names.get("任务类别")).toBe("=名册!$A$1:$A$9");
  });

  test("without ExcelApi 1.8 the validations are skipped with a note", async () => {
    const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
    const ctx = ctxOf(excel);
    await renderSheetPlan(ctx, optionsSheet(), kind);
    const result = await renderSheetPlan(ctx, ledgerSheet(), { ...kind, supports: (m) => m <= 7 });
    expect(excel.model.sheet(LEDGER)!.dataValidations).toEqual([]);
    expect(result.notes).toHaveLength(2);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        { code: "validation-unavailable", requirement: "ExcelApi 1.8" },
        { code: "print-setup-unavailable", requirement: "ExcelApi 1.9" },
      ]),
    );
  });

  test("validation rules carry no text from cells: sources are references built from the plan", () => {
    expect(
      validationRule({
        type: "list",
        source: { sheet: "O'Brien", range: { top: 0, left: 0, bottom: 2, right: 0 } },
      }),
    ).toEqual({
      list: { inCellDropDown: true, source: "='O''Brien'!$A$1:$A$3" },
    });
    expect(validationRule({ type: "date" })).toEqual({
      date: { operator: "Between", formula1: "1900-01-01", formula2: "9999-12-31" },
    });
  });
});

/** A long list with a merge per row (as the notice's attachments and report have) and a link per row. */
function longList(rows: number): SheetPlan {
  const cells: Array<Array<PlanCell | null>> = [[{ value: "逾期任务清单", style: "title" }]];
  const merges = [{ top: 0, left: 0, bottom: 0, right: 6 }];
  for (let r = 1; r <= rows; r++) {
    cells.push([
      { value: `单位${r % 50}`, style: "cell", link: { sheet: "通报（第1期）", cell: `A${r}` } },
      { value: `RW-${r}`, style: "cell" },
      { value: `任务${r}`, style: "cell" },
      null,
      { value: 44865, style: "date" },
      { value: r % 30, style: "cell" },
      { value: "推进中", style: "cell" },
    ]);
    merges.push({ top: r, left: 2, bottom: r, right: 3 });
  }
  return {
    name: "通报（第1期）",
    rows: cells,
    styles: { title: { bold: true }, cell: { border: true }, date: { border: true, numFmt: "yyyy-mm-dd" } },
    merges,
    columnWidths: [12, 10, 30, 10, 12, 8, 10],
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 0 } },
  };
}

describe("writing stays linear in the rows", () => {
  test("ten times the rows: at most ten times the calls and syncs, every request under 4 MB", async () => {
    const run = async (rows: number) => {
      const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
      const result = await renderSheetPlan(ctxOf(excel), longList(rows), { kind: "notice" });
      const ctx = excel.contexts[0]!;
      for (const s of ctx.syncs) expect(s.requestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(cellAt(excel.model, "通报（第1期）", `B${rows + 1}`)).toBe(`RW-${rows}`);
      expect(excel.model.sheet("通报（第1期）")!.merges).toHaveLength(rows + 1);
      return { ops: ctx.syncs.reduce((n, s) => n + s.ops, 0), syncs: result.syncs };
    };
    const small = await run(1000);
    const large = await run(10000);
    // Per row: one merge and one link; styles and values go in blocks.
    expect(large.ops).toBeLessThanOrEqual(10 * small.ops);
    expect(large.ops - small.ops).toBeLessThanOrEqual(9000 * 2 + 50);
    expect(large.syncs).toBeLessThanOrEqual(10 * small.syncs);
  });

  test("a 100,000-row ledger copy is written within the payload limit, syncs in proportion", async () => {
    const rows = (n: number): Array<Array<PlanCell | null>> =>
      Array.from({ length: n }, (_, r) =>
        Array.from({ length: 12 }, (_, c) => ({ value: c === 0 ? r + 1 : `第${r + 1}行内容${c}` })),
      );
    const write = async (n: number) => {
      const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
      const plan: SheetPlan = {
        name: "台账汇总（第1期）",
        rows: rows(n),
        styles: {},
        merges: [],
        columnWidths: [],
      };
      const result = await renderSheetPlan(ctxOf(excel), plan, { kind: "ledger" });
      for (const s of excel.contexts[0]!.syncs) expect(s.requestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(cellAt(excel.model, "台账汇总（第1期）", `L${n}`)).toBe(`第${n}行内容11`);
      return result.syncs;
    };
    const tenK = await write(10000);
    const hundredK = await write(100000);
    expect(hundredK).toBeGreaterThan(tenK);
    // Syncs = one lookup + one per payload-sized chunk of rows (the last chunk rides on the final sync).
    expect(hundredK - 1).toBeLessThanOrEqual(10 * (tenK - 1));
  }, 120_000);
});
