/**
 * 合并台账 as a streamed body (`mergedLedgerPlan`, what `notice --with-ledger` and `merge` write): each
 * row finds its source file however the writer asks for rows, is numbered afresh, is as tall as its
 * longest wrapped text, and the sheet is laid out as the standard ledger is (header, print).
 */
import { type LedgerSource, type PlanValue, mergedLedgerPlan, MERGED_LEDGER_HEADERS } from "../../src/core";
import { ledgerRow } from "./notice-plan-fixture";

const sources: LedgerSource[] = [
  {
    file: "青山区.xlsx",
    rows: [ledgerRow("青山区", "QS-01", "已完成", 100, "2022-10-15", { done: "2022-10-10" })],
  },
  { file: "空.xlsx", rows: [] },
  {
    file: "江南区.xlsx",
    rows: [
      ledgerRow("江南区", "JN-01", "推进中", 50, "2022-12-31"),
      ledgerRow("江南区", "JN-02", "未启动", 0, "2022-11-30"),
    ],
  },
  { file: "东湖区.xlsx", rows: [ledgerRow("东湖区", "DH-01", "推进中", 20, "2022-12-31")] },
];

/** Row `index` of the body: its 序号, 任务编号, 来源文件 and 来源行. */
function rowAt(plan: ReturnType<typeof mergedLedgerPlan>, index: number): PlanValue[] {
  const values = new Array<PlanValue>(MERGED_LEDGER_HEADERS.length).fill(null);
  plan.body!.fill(index, values, [...plan.body!.styles]);
  return [values[0]!, values[1]!, values[12]!, values[13]!];
}

describe("合并台账 (mergedLedgerPlan)", () => {
  test("every row comes from its own file, asked for in order, backwards or at random", () => {
    const plan = mergedLedgerPlan(sources);
    expect(plan.body!.count).toBe(4);
    const expected = [
      [1, "QS-01", "青山区.xlsx", sources[0]!.rows[0]!.row],
      [2, "JN-01", "江南区.xlsx", sources[2]!.rows[0]!.row],
      [3, "JN-02", "江南区.xlsx", sources[2]!.rows[1]!.row],
      [4, "DH-01", "东湖区.xlsx", sources[3]!.rows[0]!.row],
    ];
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
      [1, 1, 3, 3, 0],
    ]) {
      const fresh = mergedLedgerPlan(sources);
      for (const i of order) expect(rowAt(fresh, i)).toEqual(expected[i]);
    }
  });

  test("a row is as tall as its longest wrapped text; a one-line row keeps the default height", () => {
    const long = "落实基层党建重点任务，".repeat(12);
    const plan = mergedLedgerPlan([
      {
        file: "青山区.xlsx",
        rows: [
          ledgerRow("青山区", "QS-01", "推进中", 50, "2022-12-31"),
          ledgerRow("青山区", "QS-02", "推进中", 50, "2022-12-31", { task: long }),
          { ...ledgerRow("青山区", "QS-03", "推进中", 50, "2022-12-31"), note: long },
        ],
      },
    ]);
    const values = new Array<PlanValue>(MERGED_LEDGER_HEADERS.length).fill(null);
    expect(plan.body!.fill(0, values, [...plan.body!.styles])).toBeUndefined();
    const task = plan.body!.fill(1, values, [...plan.body!.styles]);
    const note = plan.body!.fill(2, values, [...plan.body!.styles]);
    expect(task).toBeGreaterThan(20);
    // 备注 (16 wide) wraps the same text onto more lines than 重点任务 (40 wide).
    expect(note).toBeGreaterThan(task!);
  });

  test("the header row, its styles and the print layout", () => {
    const plan = mergedLedgerPlan(sources, "汇总");
    expect(plan.name).toBe("汇总");
    expect(plan.rows[0]!.map((c) => c?.value)).toEqual([...MERGED_LEDGER_HEADERS]);
    expect(plan.rows[0]!.every((c) => c?.style === "head")).toBe(true);
    expect(plan.styles["head"]).toEqual({
      bold: true,
      fill: "DDEBF7",
      border: true,
      hAlign: "center",
      vAlign: "middle",
      wrap: true,
    });
    expect(plan.styles["text"]).toEqual({ border: true, vAlign: "middle", wrap: true });
    expect(plan.styles["centre"]).toEqual({ border: true, vAlign: "middle", hAlign: "center" });
    expect(plan.styles["date"]).toEqual({
      border: true,
      vAlign: "middle",
      hAlign: "center",
      numFmt: "yyyy-mm-dd",
    });
    expect(plan.body!.styles.every((s) => s in plan.styles)).toBe(true);
    expect(plan.freeze).toEqual({ rows: 1, columns: 0 });
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      centerHorizontally: true,
    });
  });
});
