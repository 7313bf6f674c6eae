/**
 * The task lists of a notice (SPEC §7 附件1, 附件2): overdue tasks (not completed, deadline before the
 * as-of date) and due-soon tasks (not completed, deadline from the as-of date to 临期天数 after it),
 * roster units' rows only, by unit (notice order), deadline, row.
 */
import { type IsoDate, dayToIso } from "../date";
import { type LedgerRow, type Status, isCompleted } from "../ledger";
import { isOverdue } from "../metric";
import { repeating } from "../plan/layout";
import type { Group } from "../settings";

/** A task on the overdue or due-soon list. */
export interface TaskEntry {
  readonly unit: string;
  readonly group: Group;
  readonly taskId: string | null;
  readonly task: string | null;
  readonly deadline: IsoDate;
  /** Days overdue (as-of − deadline), or days left (deadline − as-of) for due-soon tasks; 0 = 当日到期. */
  readonly days: number;
  readonly status: Status | null;
  readonly owner: string | null;
  readonly sheet: string;
  readonly row: number;
}

/** Units in the order the notice lists them, with their groups. */
export type UnitOrder = ReadonlyArray<{ readonly unit: string; readonly group: Group }>;

/**
 * The overdue and due-soon tasks of the counted rows (duplicates excluded, roster units only).
 *
 * @example listTasks(rows, units, asOfDay, 15).dueSoon.map(t => t.days) // [0, 3, 15]
 */
export function listTasks(
  rows: readonly LedgerRow[],
  units: UnitOrder,
  asOfDay: number,
  dueSoonDays: number,
): { overdue: TaskEntry[]; dueSoon: TaskEntry[] } {
  const groupOf = new Map(units.map((u) => [u.unit, u.group]));
  const order = new Map(units.map((u, i) => [u.unit, i]));

  // The lists are sorted by deadline within a unit: a deadline's text is made once per run of it.
  const isoOf = repeating(dayToIso);
  const entry = (r: LedgerRow, days: number): TaskEntry => ({
    unit: r.unit!,
    group: groupOf.get(r.unit!)!,
    taskId: r.taskId,
    task: r.task,
    deadline: isoOf(r.deadline!),
    days,
    status: r.status,
    owner: r.owner,
    sheet: r.sheet,
    row: r.row,
  });
  const open = (r: LedgerRow) => !(r.status !== null && isCompleted(r.status)) && r.deadline !== null;
  const overdue: LedgerRow[] = [];
  const dueSoon: LedgerRow[] = [];
  for (const r of rows) {
    // Counted rows only: no repeats, roster units.
    if (r.duplicate || r.unit === null || !groupOf.has(r.unit)) continue;
    if (isOverdue(r, asOfDay)) overdue.push(r);
    else if (open(r) && r.deadline! >= asOfDay && r.deadline! <= asOfDay + dueSoonDays) dueSoon.push(r);
  }
  return {
    overdue: sortedEntries(overdue, order, (r) => asOfDay - r.deadline!).map((e) => entry(e.row, e.days)),
    dueSoon: sortedEntries(dueSoon, order, (r) => r.deadline! - asOfDay).map((e) => entry(e.row, e.days)),
  };
}

/**
 * `rows` by unit (notice order), deadline, row, each with its days: the sort compares numbers held
 * beside each row, not map lookups and ISO strings per comparison. A day's ISO text sorts as the
 * day does (years 0–9999), so the order is the one of the ISO deadlines. Deadline and row make one
 * number (`deadline × 2²¹ + row`: a row number is below 2²¹, and the product stays exact for any
 * day a date can be), so a comparison is at most two subtractions.
 */
function sortedEntries(
  rows: readonly LedgerRow[],
  order: ReadonlyMap<string, number>,
  days: (r: LedgerRow) => number,
): Array<{ row: LedgerRow; unit: number; at: number; days: number }> {
  return rows
    .map((row) => ({
      row,
      unit: order.get(row.unit!)!,
      at: row.deadline! * ROWS_SPAN + row.row,
      days: days(row),
    }))
    .sort((a, b) => a.unit - b.unit || a.at - b.at);
}

/** 2²¹: above Excel's last row (1,048,576 = 2²⁰). */
const ROWS_SPAN = 2 ** 21;
