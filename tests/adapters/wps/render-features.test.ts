// The plan features beyond cells and styles, rendered by the WPS adapter into the fake ET, checked
// against what the Office adapter renders into the fake Excel from the same template-like plans.
import { renderSheetPlan as renderOffice } from "../../../src/adapters/office";
import { NameTakenError, renderSheetPlan } from "../../../src/adapters/wps";
import { etValidation } from "../../../src/adapters/wps/render";
import { LEDGER, OPTIONS, ledgerSheet, optionsSheet } from "../../helpers/feature-plan";
import { DV, createFakeEt } from "../../fake-et";
import { cellAt, createFakeExcel } from "../../fake-excel";

const noYield = () => Promise.resolve();

async function renderWps(et: ReturnType<typeof createFakeEt>) {
  const app = et.Application as any;
  await renderSheetPlan(app, optionsSheet(), { kind: "template", yieldNow: noYield });
  return renderSheetPlan(app, ledgerSheet(), { kind: "template", activate: true, yieldNow: noYield });
}

async function renderExcel() {
  const excel = createFakeExcel([{ name: "Sheet1", rows: [] }]);
  const ctx = excel.newContext() as unknown as Excel.RequestContext;
  await renderOffice(ctx, optionsSheet(), { kind: "template" });
  await renderOffice(ctx, ledgerSheet(), { kind: "template", activate: true });
  return excel;
}

describe("WPS plan features", () => {
  test("validations on the same ranges with the same rules, prompts and alerts as in Excel", async () => {
    const et = createFakeEt([{ name: "Sheet1", rows: [] }]);
    await renderWps(et);
    const excel = await renderExcel();
    const wps = et.model.sheet(LEDGER)!.dataValidations;
    const office = excel.model.sheet(LEDGER)!.dataValidations;
    expect(wps.map((v) => v.rect)).toEqual(office.map((v) => v.rect));
    wps.forEach((v, i) => {
      const o = office[i]!;
      expect(v.ignoreBlanks).toBe(o.ignoreBlanks);
      expect(v.prompt ? { ...v.prompt } : null).toEqual(o.prompt ? { ...o.prompt } : null);
      expect(v.errorAlert).toEqual(o.errorAlert);
      const kind = Object.keys(o.rule)[0]!;
      const rule = o.rule[kind];
      const type = { list: DV.list, wholeNumber: DV.whole, decimal: DV.decimal, date: DV.date }[kind];
      expect(v.rule.type).toBe(type);
      if (kind === "list") expect(v.rule.formula1).toBe(rule.source);
      else if (kind !== "date") {
        expect(Number(v.rule.formula1)).toBe(rule.formula1);
        if (rule.formula2 !== undefined) expect(Number(v.rule.formula2)).toBe(rule.formula2);
      }
    });
    // Dates are bounds as serials in the workbook's system (2000-01-01 = 36526 in the 1900 system).
    const date = wps.find((v) => v.rule.type === DV.date)!;
    expect([date.rule.formula1, date.rule.formula2]).toEqual(["36526", "73050"]);
    expect(etValidation({ type: "date", min: "2000-01-01" }, true).formula1).toBe(String(36526 - 1462));
  });

  test("protection comes last, with the same cells unlocked; names and the hidden lists sheet", async () => {
    const et = createFakeEt([{ name: "Sheet1", rows: [] }]);
    await renderWps(et);
    const excel = await renderExcel();
    const s = et.model.sheet(LEDGER)!;
    expect(s.protection).toMatchObject({
      drawingObjects: true,
      contents: true,
      allowFormattingCells: false,
      allowFormattingColumns: true,
      allowFormattingRows: true,
      allowInsertingRows: false,
      allowDeletingRows: false,
      allowSorting: false,
      allowFiltering: false,
    });
    const locked = (sheet: typeof s) =>
      [...sheet.styles]
        .filter(([, st]) => st.locked === false)
        .map(([k]) => k)
        .sort();
    expect(locked(s)).toEqual(locked(excel.model.sheet(LEDGER)!));
    expect(locked(s).length).toBeGreaterThan(0);
    expect(cellAt(et.model, LEDGER, "D4")).toBe("=SUM(A1)");
    expect(s.formulas.size).toBe(0);
    expect(et.model.names.get("任务类别")).toBe("='选项'!$A$2:$A$9");
    expect(et.model.names.get("推进状态")).toBe("='选项'!$B$2:$B$5");
    expect(s.names.get("填报区")).toBe("='重点任务台账'!$E$4:$I$8");
    expect(et.model.sheet(OPTIONS)!.visibility).toBe("Hidden");
    expect(et.model.activeSheet?.name).toBe(LEDGER);
    expect([...s.hyperlinks.keys()]).toEqual([...excel.model.sheet(LEDGER)!.hyperlinks.keys()]);
  });

  test("a list whose source sheet is not there yet fails; a user's name of the same text is left alone", async () => {
    const et = createFakeEt([{ name: "Sheet1", rows: [] }]);
    await expect(
      renderSheetPlan(et.Application as any, ledgerSheet(), { kind: "template", yieldNow: noYield }),
    ).rejects.toThrow(/不存在/);

    const again = createFakeEt([{ name: "Sheet1", rows: [] }]);
    await renderWps(again);
    const replaced = await renderSheetPlan(again.Application as any, optionsSheet(), {
      kind: "template",
      yieldNow: noYield,
      confirmReplace: async () => true,
    });
    expect(replaced.replaced).toBe(true);
    expect(again.model.names.get("任务类别")).toBe("='选项'!$A$2:$A$9");

    const user = createFakeEt([{ name: "名册", rows: [["a"]] }]);
    user.model.names.set("任务类别", "=名册!$A$1:$A$9");
    await expect(
      renderSheetPlan(user.Application as any, optionsSheet(), { kind: "template", yieldNow: noYield }),
    ).rejects.toBeInstanceOf(NameTakenError);
    expect(user.model.sheet(OPTIONS)).toBeUndefined();
    expect(user.model.names.get("任务类别")).toBe("=名册!$A$1:$A$9");
  });
});
