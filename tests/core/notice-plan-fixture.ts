/**
 * A small hand-built notice for the plan tests: eight roster units in four groups, period 2 with a
 * period-1 history, as of 2022-10-31. Rows are `LedgerRow`s written out by hand (not read from a
 * workbook), so the figures below can be checked on paper:
 *
 * - 县市区: 青山区 4/4 (rank 1, red, was 3rd: ↑2); 江南区 and 浮溪县 2/4 with 1 overdue each and the
 *   same mean progress (tied 2nd: `2（并列）`); 东湖区 1/4, 2 overdue (black, new, 2 errors).
 * - 开发区: 江城高新区 2/3 (rank 1, not red: below 80%); 江城经济技术开发区 0/2 (black in both
 *   periods: stationed; stalled), its overdue task's text is `=SUM(A1)` and its owner `-王五`.
 * - 市直机关: 市卫生健康委 has no rows (未报送). 市属国企: 江城城投集团 2/2 (red).
 * - Totals 13/23 = 56.5%, period 1 had 9/19 = 47.4%: up 9.1 points. Five tasks overdue.
 */
import {
  type CellValue,
  DEFAULT_SETTINGS,
  type PlanCell,
  type SheetGrid,
  type SheetPlan,
  gridFromRows,
  type HistoryRecord,
  type LedgerRow,
  type NoticeData,
  type Roster,
  type Status,
  computeNotice,
  isoToDay,
} from "../../src/core";

export const AS_OF = "2022-10-31";

export const ROSTER: Roster = {
  units: [
    { name: "青山区", group: "县市区", aliases: [] },
    { name: "江南区", group: "县市区", aliases: [] },
    { name: "浮溪县", group: "县市区", aliases: [] },
    { name: "东湖区", group: "县市区", aliases: [] },
    { name: "江城高新区", group: "开发区", aliases: [] },
    { name: "江城经济技术开发区", group: "开发区", aliases: [] },
    { name: "市卫生健康委", group: "市直机关", aliases: [] },
    { name: "江城城投集团", group: "市属国企", aliases: [] },
  ],
};

function day(iso: string): number {
  const d = isoToDay(iso);
  if (d === null) throw new Error(iso);
  return d;
}

let rowNumber = 3;

/** A ledger row: `done` is the completion date of a completed task. */
export function ledgerRow(
  unit: string | null,
  taskId: string,
  status: Status,
  progress: number,
  deadline: string,
  extra: { done?: string; task?: string; owner?: string; errors?: number; sheet?: string } = {},
): LedgerRow {
  rowNumber++;
  return {
    sheet: extra.sheet ?? "重点任务台账",
    row: rowNumber,
    taskId,
    category: "城市基层党建",
    task: extra.task ?? `重点任务${taskId}`,
    unit,
    owner: extra.owner ?? "张三",
    deadline: day(deadline),
    status,
    progress,
    doneDate: extra.done === undefined ? null : day(extra.done),
    evidence: status === "已销号" ? "验收材料" : null,
    note: null,
    duplicate: false,
    errors: extra.errors ?? 0,
  };
}

const done = (unit: string, id: string, deadline: string, doneOn: string) =>
  ledgerRow(unit, id, "已完成", 100, deadline, { done: doneOn });

export function fixtureRows(): LedgerRow[] {
  rowNumber = 3;
  return [
    done("青山区", "QS-01", "2022-10-15", "2022-10-10"),
    done("青山区", "QS-02", "2022-10-15", "2022-10-10"),
    done("青山区", "QS-03", "2022-10-15", "2022-10-12"),
    done("青山区", "QS-04", "2022-09-30", "2022-10-05"),
    done("江南区", "JN-01", "2022-09-30", "2022-09-20"),
    ledgerRow("江南区", "JN-02", "已销号", 100, "2022-10-20", { done: "2022-10-18" }),
    ledgerRow("江南区", "JN-03", "推进中", 60, "2022-10-15", {
      task: "推进城市社区党群服务中心提档升级，完善服务功能和运行机制",
      owner: "李四",
    }),
    ledgerRow("江南区", "JN-04", "推进中", 40, "2022-11-10"),
    done("浮溪县", "FX-01", "2022-09-30", "2022-09-28"),
    done("浮溪县", "FX-02", "2022-10-30", "2022-10-20"),
    ledgerRow("浮溪县", "FX-03", "推进中", 60, "2022-10-01"),
    ledgerRow("浮溪县", "FX-04", "推进中", 40, "2022-12-31"),
    done("东湖区", "DH-01", "2022-09-30", "2022-09-30"),
    ledgerRow("东湖区", "DH-02", "未启动", 0, "2022-09-30"),
    ledgerRow("东湖区", "DH-03", "推进中", 20, "2022-10-30", { errors: 2 }),
    ledgerRow("东湖区", "DH-04", "推进中", 50, "2022-12-31"),
    done("江城高新区", "GX-01", "2022-09-30", "2022-09-30"),
    done("江城高新区", "GX-02", "2022-10-30", "2022-10-28"),
    ledgerRow("江城高新区", "GX-03", "推进中", 80, "2022-12-31"),
    ledgerRow("江城经济技术开发区", "JK-01", "未启动", 0, "2022-10-01", { task: "=SUM(A1)", owner: "-王五" }),
    ledgerRow("江城经济技术开发区", "JK-02", "推进中", 30, "2022-12-31"),
    done("江城城投集团", "CT-01", "2022-09-30", "2022-09-15"),
    done("江城城投集团", "CT-02", "2022-10-30", "2022-10-15"),
  ];
}

function record(
  unit: string,
  group: HistoryRecord["group"],
  assigned: number,
  completed: number,
  rank: number | null,
  black = false,
): HistoryRecord {
  return {
    period: 1,
    asOf: "2022-09-30",
    unit,
    group,
    assigned,
    completed,
    completionRate: assigned > 0 ? completed / assigned : null,
    rank,
    red: false,
    black,
    category: "",
  };
}

/** Period 1: 9 of 19 completed (47.4%). */
export const PERIOD_1: readonly HistoryRecord[] = [
  record("青山区", "县市区", 4, 2, 3),
  record("江南区", "县市区", 4, 2, 2),
  record("浮溪县", "县市区", 4, 3, 1),
  record("江城高新区", "开发区", 3, 1, 1),
  record("江城经济技术开发区", "开发区", 2, 0, 2, true),
  record("市卫生健康委", "市直机关", 0, 0, null),
  record("江城城投集团", "市属国企", 2, 1, 1),
];

/** The fixture's notice: period 2 after PERIOD_1, or period 1 with no history. */
export function fixtureNotice(
  options: { period?: number; history?: readonly HistoryRecord[]; rows?: LedgerRow[] } = {},
): NoticeData {
  return computeNotice({
    rows: options.rows ?? fixtureRows(),
    roster: ROSTER,
    settings: DEFAULT_SETTINGS,
    asOf: AS_OF,
    period: options.period ?? 2,
    history: options.history ?? PERIOD_1,
  });
}

/**
 * What a reader of the rendered sheet gets back, as a grid: each cell's value (a plan formula would
 * throw: no plan here may hold one), its style's number format and the merges. Adapters do this
 * translation for real; this one stands in for it so core tests stay pure.
 */
export function gridOfPlan(plan: SheetPlan): SheetGrid {
  const values = plan.rows.map((row) =>
    row.map((c): CellValue => {
      if (c === null || c === undefined) return null;
      if (typeof c.value === "object" && c.value !== null) throw new Error("a plan cell holds a formula");
      return c.value;
    }),
  );
  const numberFormats = plan.rows.map((row) =>
    row.map((c) => (c?.style === undefined ? undefined : plan.styles[c.style]?.numFmt)),
  );
  return gridFromRows(plan.name, values, { numberFormats, merges: [...plan.merges] });
}

/** The plan cell at (row, column), 0-based; throws when absent so assertions fail loudly. */
export function planCell(plan: SheetPlan, row: number, column: number): PlanCell {
  const c = plan.rows[row]?.[column];
  if (c === null || c === undefined) throw new Error(`no cell at ${row},${column}`);
  return c;
}

/** Rows (0-based) whose cell in `column` has the value `value`. */
export function rowsWhere(plan: SheetPlan, column: number, value: PlanCell["value"]): number[] {
  return plan.rows.flatMap((row, i) => (row[column]?.value === value ? [i] : []));
}

/** The values of one row, `null` for missing cells. */
export function rowValues(plan: SheetPlan, row: number): Array<PlanCell["value"]> {
  return (plan.rows[row] ?? []).map((c) => c?.value ?? null);
}
