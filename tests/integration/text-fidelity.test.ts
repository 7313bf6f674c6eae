/**
 * SPEC §3: text is trimmed and otherwise kept exactly as typed — full-width punctuation and digits,
 * inner spaces and line breaks — in everything the product writes: the notice, its attachments, the
 * report, the ledger copy and the JSON. Every text column goes through the engine and through both
 * writers (the .xlsx file writer, read back by the product's reader; the Office adapter, into the
 * fake Excel), and comes back byte-identical.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile, writeWorkbookFile } from "../../src/adapters/xlsx";
import { renderSheetPlan } from "../../src/adapters/office";
import { type SheetPlan, expandBody, planNoticeWorkbook, validateRun } from "../../src/core";
import { createFakeExcel } from "../fake-excel";
import { ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "../core/helpers";

/** Text a clerk types: full-width punctuation and digits, inner spaces, a line break, a leading `=`. */
const TYPED = {
  任务编号: "ＱＳ－０１（２）",
  重点任务: "推进“红色物业”全覆盖：完成１２个小区，  覆盖率≥９０％；\n第二阶段（试点）",
  责任人: "张　三（组织委员）",
  佐证材料: "会议纪要 2 份，照片（３张）",
  备注: "=SUM(A1)  注意：全角：",
};
/** A roster name with full-width brackets, typed in the ledger with a half-width alias. */
const UNIT = "市委组织部（机关党委）";
const TEXT_VALUES = [...Object.values(TYPED), UNIT];

function run() {
  const ledger = ledgerSheet({
    rows: [
      validRow({ ...TYPED, 责任单位: UNIT, 完成时限: "2022-10-01" }), // overdue: attachment 1
      validRow({ ...TYPED, 任务编号: "ＱＳ－０２", 责任单位: UNIT, 完成时限: "2022-11-05" }), // due soon: attachment 2
      validRow({ 任务编号: "ＱＳ－０３", 责任单位: UNIT, 完成时限: "10月底（待定）" }), // invalid-date: report
    ],
  });
  const roster = rosterSheet([[UNIT, "市直机关", "机关党委"]]);
  const settings = settingsSheet([["统计截止日期", "2022-10-31"]]);
  const validated = validateRun([{ file: "机关党委.xlsx", workbook: workbook([ledger, roster, settings]) }], {
    today: "2022-11-01",
  });
  const plans = planNoticeWorkbook(validated, {
    history: [],
    today: "2022-11-01",
    ledgerCopy: validated.files.map((f) => ({ file: f.file, rows: f.rows })),
  });
  if (!plans.ok) throw new Error("the test workbook's 设置 or 单位名册 has errors");
  return { validated, plans };
}

/** Every string a sheet holds. */
function stringsOf(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): string[] {
  return rows.flatMap((r) => (r ?? []).filter((v): v is string => typeof v === "string"));
}

describe("text kept as typed (SPEC §3)", () => {
  // Run before each test, not as the file loads: StrykerJS counts only what runs in a test (docs/QUALITY.md).
  let validated: ReturnType<typeof run>["validated"];
  let plans: ReturnType<typeof run>["plans"];
  beforeEach(() => {
    ({ validated, plans } = run());
  });
  const sheet = (suffix: string) => plans.sheets.find((s) => s.name.endsWith(suffix))!;

  it("the engine keeps every text column as typed, and still compares after NFKC", () => {
    const row = validated.files[0]!.rows[0]!;
    expect([row.taskId, row.task, row.owner, row.evidence, row.note, row.unit]).toEqual([
      TYPED.任务编号,
      TYPED.重点任务,
      TYPED.责任人,
      TYPED.佐证材料,
      TYPED.备注,
      UNIT,
    ]);
    expect(validated.issues.map((i) => i.code)).toEqual(["invalid-date"]);
    expect(validated.issues[0]!.value).toBe("10月底（待定）");
  });

  it("the plans hold the typed text: attachments, report, ledger copy", () => {
    const values = (plan: SheetPlan) => stringsOf(expandBody(plan).rows.map((r) => r.map((c) => c?.value)));
    for (const v of [TYPED.任务编号, TYPED.重点任务, TYPED.责任人, UNIT])
      expect(values(sheet("附件1"))).toContain(v);
    expect(values(sheet("附件2"))).toContain("ＱＳ－０２");
    expect(values(sheet("附件3"))).toContain("10月底（待定）");
    expect(values(sheet("附件3"))).toContain(UNIT);
    const copy = values(sheet("台账汇总（第1期）"));
    for (const v of TEXT_VALUES) expect(copy).toContain(v);
  });

  it("the .xlsx writer writes them byte-identical (read back by the product's reader)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taizhang-text-"));
    try {
      const out = join(dir, "通报.xlsx");
      await writeWorkbookFile(out, { sheets: plans.sheets });
      const back = await readWorkbookFile(out);
      const strings = (suffix: string) => stringsOf(back.sheets.find((s) => s.name.endsWith(suffix))!.values);
      for (const v of [TYPED.任务编号, TYPED.重点任务, TYPED.责任人, UNIT])
        expect(strings("附件1")).toContain(v);
      expect(strings("附件3")).toContain("10月底（待定）");
      for (const v of TEXT_VALUES) expect(strings("台账汇总（第1期）")).toContain(v);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the Office adapter writes them byte-identical, as text (no formula)", async () => {
    const excel = createFakeExcel([]);
    for (const plan of plans.sheets) {
      await renderSheetPlan(excel.newContext() as unknown as Excel.RequestContext, plan, {
        kind: plan.kind ?? "other",
      });
    }
    const strings = (suffix: string) => {
      const s = excel.model.sheets.find((x) => x.name.endsWith(suffix))!;
      return stringsOf(s.values.map((r) => (r ?? []).map((v) => v)));
    };
    for (const v of [TYPED.任务编号, TYPED.重点任务, TYPED.责任人, UNIT])
      expect(strings("附件1")).toContain(v);
    for (const v of TEXT_VALUES) expect(strings("台账汇总（第1期）")).toContain(v);
    const copy = excel.model.sheets.find((x) => x.name === "台账汇总（第1期）")!;
    expect(copy.formulas.size).toBe(0);
  });
});
