/**
 * Completion metrics per unit (SPEC §5). Rates are kept as counts so they can be compared exactly;
 * the `…Rate` fields are the fractions for display and JSON.
 */
import type { LedgerRow } from "../ledger";
import { isCompleted } from "../ledger";
import type { Group, Roster } from "../settings";

/** One unit's figures for a notice (责任单位的完成情况). */
export interface UnitMetrics {
  readonly unit: string;
  /** 单位类别 */
  readonly group: Group;
  /** 任务数 */
  readonly assigned: number;
  /** 已完成 (已完成 or 已销号) */
  readonly completed: number;
  /** 已销号 */
  readonly closed: number;
  /** 逾期: not completed and the deadline is before the as-of date. */
  readonly overdue: number;
  readonly completedLate: number;
  readonly onTime: number;
  /** completed / assigned, `null` when nothing is assigned. */
  readonly completionRate: number | null;
  /** onTime / completed, `null` when nothing is completed. */
  readonly onTimeRate: number | null;
  /** Mean of the parsed progress values, `null` when there are none. */
  readonly avgProgress: number | null;
  /** Sum and count behind avgProgress, for exact comparison. */
  readonly progressSum: number;
  readonly progressCount: number;
  /** Validation errors on the unit's rows. */
  readonly errors: number;
}

export interface Totals {
  readonly assigned: number;
  readonly completed: number;
  readonly overdue: number;
  readonly completionRate: number | null;
}

interface Tally {
  assigned: number;
  completed: number;
  closed: number;
  overdue: number;
  completedLate: number;
  onTime: number;
  progressSum: number;
  progressCount: number;
  errors: number;
}

const emptyTally = (): Tally => ({
  assigned: 0,
  completed: 0,
  closed: 0,
  overdue: 0,
  completedLate: 0,
  onTime: 0,
  progressSum: 0,
  progressCount: 0,
  errors: 0,
});

/** True when a row is overdue on `asOfDay`: not completed and its deadline is earlier. */
export function isOverdue(row: LedgerRow, asOfDay: number): boolean {
  return !(row.status !== null && isCompleted(row.status)) && row.deadline !== null && row.deadline < asOfDay;
}

function count(tally: Tally, row: LedgerRow, asOfDay: number): void {
  tally.errors += row.errors;
  if (row.duplicate) return; // a duplicate-task row does not count again
  tally.assigned++;
  const done = row.status !== null && isCompleted(row.status);
  if (done) {
    tally.completed++;
    if (row.status === "已销号") tally.closed++;
    if (row.doneDate !== null && row.deadline !== null) {
      if (row.doneDate > row.deadline) tally.completedLate++;
      else tally.onTime++;
    }
  } else if (isOverdue(row, asOfDay)) {
    tally.overdue++;
  }
  if (row.progress !== null) {
    tally.progressSum += row.progress;
    tally.progressCount++;
  }
}

/**
 * Figures for every roster unit (in roster order) and the totals over all rows, including rows
 * whose unit is empty or unknown. Without a roster, the units are the names found in the rows
 * (group `其他`).
 */
export function computeMetrics(
  rows: readonly LedgerRow[],
  roster: Roster | null,
  asOfDay: number,
): { units: UnitMetrics[]; totals: Totals } {
  const units =
    roster?.units.map((u) => ({ name: u.name, group: u.group })) ??
    [...new Set(rows.map((r) => r.unit).filter((u): u is string => u !== null))].map((name) => ({
      name,
      group: "其他" as Group,
    }));
  const tallies = new Map(units.map((u) => [u.name, emptyTally()]));
  const total = emptyTally();
  for (const row of rows) {
    count(total, row, asOfDay);
    const tally = row.unit === null ? undefined : tallies.get(row.unit);
    if (tally) count(tally, row, asOfDay);
  }
  return {
    units: units.map((u) => {
      const t = tallies.get(u.name)!;
      return {
        unit: u.name,
        group: u.group,
        ...t,
        completionRate: t.assigned > 0 ? t.completed / t.assigned : null,
        onTimeRate: t.completed > 0 ? t.onTime / t.completed : null,
        avgProgress: t.progressCount > 0 ? t.progressSum / t.progressCount : null,
      };
    }),
    totals: {
      assigned: total.assigned,
      completed: total.completed,
      overdue: total.overdue,
      completionRate: total.assigned > 0 ? total.completed / total.assigned : null,
    },
  };
}

/**
 * Compares completed/assigned with a threshold in percentage points, exactly (no floating
 * division): negative below, 0 equal, positive above.
 */
export function compareRateWith(completed: number, assigned: number, points: number): number {
  const d = completed * 100 - points * assigned;
  return Math.abs(d) < 1e-9 ? 0 : Math.sign(d);
}

/** A fraction setting (0.8) as percentage points (80), without floating noise. */
export function toPoints(fraction: number): number {
  return Math.round(fraction * 1e8) / 1e6;
}
