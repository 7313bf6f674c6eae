/**
 * The standard template (标准台账, SPEC §2/§10), as core plans it: the hidden `选项` lists, the ledger
 * sheet's title, 填报单位/填报日期 row, header (required columns in red), blank and pre-filled rows, the
 * locking of task-defining cells, the drop-downs and rules with their prompts, and the print setup.
 * Expected values are written out from SPEC, not taken from the code.
 */
import { buildTemplateSheets } from "../../src/core/template";
import type { PlanCell, SheetPlan } from "../../src/core/plan";
import { HEADERS } from "./helpers";

const input = { categories: ["组织建设", "宣传信息"], units: ["青山区", "江岸区", "市委办"] };

const values = (plan: SheetPlan, row: number) => plan.rows[row]!.map((c) => c?.value ?? null);
const styleOf = (plan: SheetPlan, cell: PlanCell | null | undefined) =>
  cell?.style === undefined ? undefined : plan.styles[cell.style];

describe("the 选项 sheet", () => {
  it("holds 推进状态, 任务类别 and 责任单位 one per column under their headers, hidden", () => {
    const [options, ledger] = buildTemplateSheets(input);
    expect(options!.name).toBe("选项");
    expect(ledger!.name).toBe("重点任务台账");
    expect(options!.visibility).toBe("hidden");
    // The longest list has four values: five rows with the header.
    expect(options!.rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([
      ["推进状态", "任务类别", "责任单位"],
      ["未启动", "组织建设", "青山区"],
      ["推进中", "宣传信息", "江岸区"],
      ["已完成", null, "市委办"],
      ["已销号", null, null],
    ]);
    expect(styleOf(options!, options!.rows[0]![0])).toEqual({ bold: true });
    expect(styleOf(options!, options!.rows[1]![0])).toEqual({});
    expect(options!.columnWidths).toEqual([20, 20, 20]);
  });
});

describe("the ledger sheet", () => {
  const ledger = () => buildTemplateSheets(input)[1]!;

  it("has the title, 填报单位 and 填报日期, and the §2 header with required columns in red", () => {
    const plan = buildTemplateSheets({ ...input, unit: "青山区" })[1]!;
    expect(values(plan, 0)).toEqual(["基层党建工作重点任务推进台账"]);
    expect(values(plan, 1)).toEqual([
      "填报单位：",
      null,
      "青山区",
      null,
      null,
      null,
      "填报日期：",
      null,
      null,
    ]);
    expect(plan.rows[1]!.map((c) => c?.style ?? null)).toEqual([
      "label",
      null,
      "filing",
      null,
      null,
      null,
      "label",
      "filingDate",
      null,
    ]);
    expect(values(plan, 2)).toEqual(HEADERS);
    const red = plan.rows[2]!.map((c) => styleOf(plan, c)?.fontColor === "C00000");
    // 序号 and 备注 are optional; every other column is required.
    expect(red).toEqual([false, true, true, true, true, true, true, true, true, true, true, false]);
    expect(plan.styles["title"]).toMatchObject({ bold: true, fontSize: 16, hAlign: "center" });
    expect(plan.styles["filing"]).toMatchObject({ locked: false, border: true });
    expect(plan.styles["filingDate"]).toMatchObject({ locked: false, numFmt: "yyyy-mm-dd" });
    expect(plan.styles["head"]).toMatchObject({ bold: true, fill: "DDEBF7", border: true, wrap: true });
    expect(values(ledger(), 1)[2]).toBeNull();
  });

  it("merges the title across the columns and the filing labels and fields", () => {
    expect(ledger().merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 11 },
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 5 },
      { top: 1, left: 7, bottom: 1, right: 8 },
    ]);
    const extra = buildTemplateSheets({
      ...input,
      extraColumns: [{ id: "u:联系电话", header: "联系电话" }],
    })[1]!;
    expect(extra.merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 12 });
    expect(values(extra, 2)).toEqual([...HEADERS, "联系电话"]);
    expect(extra.columnWidths).toEqual([6, 12, 14, 40, 16, 10, 12, 10, 10, 12, 24, 16, 14]);
  });

  it("offers 50 blank rows, open to typing, dates formatted as dates", () => {
    const plan = ledger();
    expect(plan.rows.length).toBe(3 + 50);
    const row = plan.rows[3 + 49]!;
    expect(row.map((c) => c?.value ?? null)).toEqual(Array(12).fill(null));
    expect(row.map((c) => styleOf(plan, c)?.locked)).toEqual(Array(12).fill(false));
    // 完成时限 (G) and 完成时间 (J) are dates.
    expect(row.map((c) => styleOf(plan, c)?.numFmt ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      "yyyy-mm-dd",
      null,
      null,
      "yyyy-mm-dd",
      null,
      null,
    ]);
    expect(styleOf(plan, row[0])).toMatchObject({ border: true, vAlign: "middle", wrap: true });
    expect(plan.protection).toBeUndefined();
    expect(buildTemplateSheets({ ...input, blankRows: 5 })[1]!.rows.length).toBe(3 + 5);
  });

  it("pre-filled, locks the cells that define a task, leaves the rest open, adds 30 blank rows and protects", () => {
    const cells = new Map([
      ["k:taskId", { value: "RW-001", format: undefined }],
      ["k:category", { value: "组织建设", format: undefined }],
      ["k:task", { value: "换届", format: undefined }],
      ["k:deadline", { value: 44865, format: "yyyy-mm-dd" }],
      ["k:unit", { value: "青山区", format: undefined }],
    ]);
    const plan = buildTemplateSheets({ ...input, rows: [{ cells, date1904: false }] })[1]!;
    expect(plan.rows.length).toBe(3 + 1 + 30);
    const row = plan.rows[3]!;
    expect(row.map((c) => c?.value ?? null)).toEqual([
      null,
      "RW-001",
      "组织建设",
      "换届",
      "青山区",
      null,
      44865,
      null,
      null,
      null,
      null,
      null,
    ]);
    const lockedCells = row.map((c) => styleOf(plan, c)?.locked !== false);
    // 任务编号, 任务类别, 重点任务, 完成时限 locked (and grey); everything else open.
    expect(lockedCells).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(styleOf(plan, row[1])?.fill).toBe("F2F2F2");
    expect(styleOf(plan, row[6])?.numFmt).toBe("yyyy-mm-dd");
    expect(styleOf(plan, row[9])?.numFmt).toBe("yyyy-mm-dd");
    expect(plan.rows[4]!.map((c) => styleOf(plan, c)?.locked)).toEqual(Array(12).fill(false));
    expect(plan.protection).toEqual({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: true,
    });
  });

  it("freezes the header, repeats it on printed pages, prints landscape one page wide", () => {
    const plan = ledger();
    expect(plan.freeze).toEqual({ rows: 3, columns: 0 });
    expect(plan.rowHeights).toEqual({ 0: 30, 2: 30 });
    expect(plan.columnWidths).toEqual([6, 12, 14, 40, 16, 10, 12, 10, 10, 12, 24, 16]);
    expect(plan.print).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 2, last: 2 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    });
  });

  it("draws each drop-down from its 选项 column, asks before refusing a unit, and checks dates and progress", () => {
    const plan = ledger();
    const byColumn = new Map(plan.validations!.map((v) => [`${v.range.left}:${v.range.top}`, v]));
    const data = (column: number) => ({ top: 3, left: column, bottom: 52, right: column });
    const dates = { type: "date", min: "2000-01-01", max: "2099-12-31" };
    expect(plan.validations).toHaveLength(7);
    expect(byColumn.get("7:3")).toEqual({
      range: data(7),
      rule: { type: "list", source: { sheet: "选项", range: { top: 1, left: 0, bottom: 4, right: 0 } } },
      allowBlank: true,
      prompt: { title: "推进状态", text: "未启动、推进中、已完成、已销号（已销号须附佐证材料）。" },
      error: { title: "推进状态", text: "请从下拉列表中选择推进状态。", style: "stop" },
    });
    expect(byColumn.get("2:3")).toMatchObject({
      range: data(2),
      rule: { type: "list", source: { sheet: "选项", range: { top: 1, left: 1, bottom: 2, right: 1 } } },
      error: { title: "任务类别", text: "请从下拉列表中选择任务类别。", style: "stop" },
    });
    expect(byColumn.get("4:3")).toMatchObject({
      range: data(4),
      rule: { type: "list", source: { sheet: "选项", range: { top: 1, left: 2, bottom: 3, right: 2 } } },
      // A roster alias is accepted by validation (with a warning): Excel asks, it does not refuse.
      error: { title: "责任单位", style: "warning" },
    });
    expect(byColumn.get("6:3")).toMatchObject({
      range: data(6),
      rule: dates,
      allowBlank: true,
      prompt: { title: "完成时限", text: "请填写日期，如 2022-10-31。" },
      error: { title: "完成时限", text: "请填写 2000—2099 年间的日期，如 2022-10-31。", style: "stop" },
    });
    expect(byColumn.get("9:3")).toMatchObject({ range: data(9), rule: dates, error: { title: "完成时间" } });
    expect(byColumn.get("8:3")).toMatchObject({
      range: data(8),
      rule: { type: "decimal", min: 0, max: 100 },
      error: { title: "完成进度", text: "完成进度应为 0–100 之间的数字。", style: "stop" },
    });
    expect(byColumn.get("7:1")).toEqual({
      range: { top: 1, left: 7, bottom: 1, right: 8 },
      rule: dates,
      allowBlank: true,
      prompt: { title: "填报日期", text: "请填写本次报送的日期；同一单位多次报送时以填报日期较晚的为准。" },
      error: { title: "填报日期", text: "请填写 2000—2099 年间的日期，如 2022-11-05。", style: "stop" },
    });
  });

  it("puts no drop-down on a column whose list is empty (no roster: no unit list)", () => {
    const plan = buildTemplateSheets({ ...input, units: [] })[1]!;
    expect(plan.validations!.map((v) => v.range.left)).toEqual([7, 2, 6, 9, 8, 7]);
  });

  it("takes the sheet name it is given", () => {
    expect(buildTemplateSheets({ ...input, sheetName: "重点任务台账 (2)" })[1]!.name).toBe(
      "重点任务台账 (2)",
    );
  });
});
