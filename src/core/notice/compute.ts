/**
 * What a notice (通报) says, computed from validated rows (SPEC §5–§6): figures, ranks, red and
 * black lists, stationing, stalled and not-submitted units, overdue and due-soon tasks, and the
 * history rows this notice adds. The sheet layout is `buildNoticePlan`'s job.
 */
import { type IsoDate, dayToIso, isoToDay } from "../date";
import type { LedgerRow, Status } from "../ledger";
import { isCompleted } from "../ledger";
import {
  type Totals,
  type UnitMetrics,
  compareRateWith,
  computeMetrics,
  isOverdue,
  toPoints,
} from "../metric";
import { compareUnitNames, rankGroup } from "../ranking";
import { GROUPS, type Group, type Roster, type Settings } from "../settings";
import { type HistoryRecord, previousPeriod, replacePeriod } from "../history";

/** A unit in the notice: its figures, rank and list memberships. */
export interface UnitResult extends UnitMetrics {
  /** `null` when not ranked (no tasks: 未报送). */
  readonly rank: number | null;
  /** Shares its rank (并列). */
  readonly tied: boolean;
  /** Previous rank − current rank (positive = moved up); `null` when not ranked before. */
  readonly rankChange: number | null;
  /** Ranked in this notice but not in the previous one (新). */
  readonly isNew: boolean;
  readonly red: boolean;
  readonly black: boolean;
  /** 末位驻点 */
  readonly stationed: boolean;
  /** 停滞 */
  readonly stalled: boolean;
  /** Units ranked in the group. */
  readonly groupSize: number;
}

/** A unit on a list, with the reason written out (`完成率 42.9%，逾期 3 项`). */
export interface ListEntry {
  readonly unit: string;
  readonly group: Group;
  readonly reason: string;
}

/** A task on the overdue or due-soon list. */
export interface TaskEntry {
  readonly unit: string;
  readonly group: Group;
  readonly taskId: string | null;
  readonly task: string | null;
  readonly deadline: IsoDate;
  /** Days overdue (as-of − deadline), or days left (deadline − as-of) for due-soon tasks. */
  readonly days: number;
  readonly status: Status | null;
  readonly owner: string | null;
  readonly sheet: string;
  readonly row: number;
}

export interface NoticeData {
  readonly period: number;
  readonly asOf: IsoDate;
  readonly settings: Settings;
  readonly totals: Totals;
  /**
   * Totals over roster units only — the basis the history keeps, so the change since the previous
   * notice compares like with like even when some rows name an unknown unit.
   */
  readonly rosterTotals: Totals;
  /** The previous notice in the history, if any. */
  readonly previous: { readonly period: number; readonly asOf: IsoDate; readonly totals: Totals } | null;
  /** Every unit, by group (roster group order), rank, name; unranked units last in their group. */
  readonly units: readonly UnitResult[];
  readonly groups: ReadonlyArray<{ readonly group: Group; readonly units: readonly UnitResult[] }>;
  readonly redList: readonly ListEntry[];
  readonly blackList: readonly ListEntry[];
  readonly stationed: readonly ListEntry[];
  readonly stalled: readonly ListEntry[];
  readonly notSubmitted: ReadonlyArray<{ readonly unit: string; readonly group: Group }>;
  readonly overdueTasks: readonly TaskEntry[];
  readonly dueSoonTasks: readonly TaskEntry[];
  /** Units whose rows carry validation errors (台账填报质量). */
  readonly quality: ReadonlyArray<{ readonly unit: string; readonly group: Group; readonly errors: number }>;
  /** The whole history after this notice (this period's rows replaced). */
  readonly history: readonly HistoryRecord[];
  /** This notice's own history rows. */
  readonly records: readonly HistoryRecord[];
}

export interface NoticeInput {
  readonly rows: readonly LedgerRow[];
  readonly roster: Roster | null;
  readonly settings: Settings;
  readonly asOf: IsoDate;
  readonly period: number;
  readonly history: readonly HistoryRecord[];
}

/** `0.4285…` → `42.9%` */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function totalsOf(records: readonly HistoryRecord[]): Totals {
  const assigned = records.reduce((s, r) => s + r.assigned, 0);
  const completed = records.reduce((s, r) => s + r.completed, 0);
  return { assigned, completed, overdue: 0, completionRate: assigned > 0 ? completed / assigned : null };
}

/**
 * Computes a notice.
 *
 * @example computeNotice({ rows, roster, settings, asOf: "2022-10-31", period: 2, history }).redList
 */
export function computeNotice(input: NoticeInput): NoticeData {
  const { settings, period } = input;
  const asOfDay = isoToDay(input.asOf);
  if (asOfDay === null) throw new RangeError(`as-of date must be YYYY-MM-DD, got ${input.asOf}`);
  const { units: metrics, totals } = computeMetrics(input.rows, input.roster, asOfDay);

  const prevPeriod = previousPeriod(input.history, period);
  const prevRecords = prevPeriod === null ? [] : input.history.filter((h) => h.period === prevPeriod);
  const prevByUnit = new Map(prevRecords.map((r) => [r.unit, r]));

  const redPoints = toPoints(settings.redMinRate);
  const blackPoints = toPoints(settings.blackBelowRate);
  const groupOrder = (g: Group) => GROUPS.indexOf(g);
  const groups = [...new Set(metrics.map((m) => m.group))].sort((a, b) => groupOrder(a) - groupOrder(b));

  const results: UnitResult[] = [];
  const grouped: Array<{ group: Group; units: UnitResult[] }> = [];
  for (const group of groups) {
    const members = metrics.filter((m) => m.group === group);
    const ranked = rankGroup(members, settings.rankingMethod);
    const n = ranked.length;
    const groupResults: UnitResult[] = [];
    for (const { metrics: m, rank, tied } of ranked) {
      const prev = prevByUnit.get(m.unit);
      const red = rank <= settings.redTop && compareRateWith(m.completed, m.assigned, redPoints) >= 0;
      const below100 = m.completed < m.assigned;
      const black =
        !red &&
        below100 &&
        (compareRateWith(m.completed, m.assigned, blackPoints) < 0 ||
          (n >= 2 * settings.blackTop && rank > n - settings.blackTop));
      groupResults.push({
        ...m,
        rank,
        tied,
        rankChange: prev?.rank != null ? prev.rank - rank : null,
        isNew: prevPeriod !== null && (prev === undefined || prev.rank === null),
        red,
        black,
        stationed: black && prev !== undefined && prev.black,
        stalled: prev !== undefined && below100 && m.completed <= prev.completed,
        groupSize: n,
      });
    }
    const unranked = members
      .filter((m) => m.assigned === 0)
      .sort((a, b) => compareUnitNames(a.unit, b.unit))
      .map((m): UnitResult => ({
        ...m,
        rank: null,
        tied: false,
        rankChange: null,
        isNew: false,
        red: false,
        black: false,
        stationed: false,
        stalled: false,
        groupSize: n,
      }));
    grouped.push({ group, units: groupResults });
    for (const unit of groupResults) results.push(unit);
    for (const unit of unranked) results.push(unit);
  }

  const overdueReason = (u: UnitResult) =>
    `完成率 ${formatRate(u.completionRate)}，逾期 ${u.overdue} 项，组内第 ${u.rank} 名（共 ${u.groupSize} 个单位）`;
  const entry = (u: UnitResult, reason: string): ListEntry => ({ unit: u.unit, group: u.group, reason });
  const redList = results
    .filter((u) => u.red)
    .map((u) =>
      entry(u, `完成率 ${formatRate(u.completionRate)}，逾期 ${u.overdue} 项，组内第 ${u.rank} 名`),
    );
  const blackList = results.filter((u) => u.black).map((u) => entry(u, overdueReason(u)));
  const stationed = results
    .filter((u) => u.stationed)
    .map((u) => entry(u, `连续两期列入黑榜（第${prevPeriod}期、第${period}期），${overdueReason(u)}`));
  const stalled = results
    .filter((u) => u.stalled)
    .map((u) => {
      const prev = prevByUnit.get(u.unit)!;
      return entry(u, `已完成 ${u.completed} 项，与第${prevPeriod}期（${prev.completed} 项）相比没有增加`);
    });

  const groupOf = new Map(results.map((u) => [u.unit, u.group]));
  const counted = input.rows.filter((r) => !r.duplicate && r.unit !== null && groupOf.has(r.unit));
  const task = (r: LedgerRow, days: number): TaskEntry => ({
    unit: r.unit!,
    group: groupOf.get(r.unit!)!,
    taskId: r.taskId,
    task: r.task,
    deadline: dayToIso(r.deadline!),
    days,
    status: r.status,
    owner: r.owner,
    sheet: r.sheet,
    row: r.row,
  });
  const unitOrder = new Map(results.map((u, i) => [u.unit, i]));
  const byUnitThenDeadline = (a: TaskEntry, b: TaskEntry) =>
    unitOrder.get(a.unit)! - unitOrder.get(b.unit)! ||
    (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
    a.row - b.row;
  const overdueTasks = counted
    .filter((r) => isOverdue(r, asOfDay))
    .map((r) => task(r, asOfDay - r.deadline!))
    .sort(byUnitThenDeadline);
  const dueSoonTasks = counted
    .filter(
      (r) =>
        !(r.status !== null && isCompleted(r.status)) &&
        r.deadline !== null &&
        r.deadline >= asOfDay &&
        r.deadline <= asOfDay + settings.dueSoonDays,
    )
    .map((r) => task(r, r.deadline! - asOfDay))
    .sort(byUnitThenDeadline);

  const records: HistoryRecord[] = results.map((u) => ({
    period,
    asOf: input.asOf,
    unit: u.unit,
    group: u.group,
    assigned: u.assigned,
    completed: u.completed,
    completionRate: u.completionRate,
    rank: u.rank,
    red: u.red,
    black: u.black,
  }));

  return {
    period,
    asOf: input.asOf,
    settings,
    totals,
    rosterTotals: totalsOf(records),
    previous:
      prevPeriod === null
        ? null
        : { period: prevPeriod, asOf: prevRecords[0]?.asOf ?? "", totals: totalsOf(prevRecords) },
    units: results,
    groups: grouped,
    redList,
    blackList,
    stationed,
    stalled,
    notSubmitted: results.filter((u) => u.assigned === 0).map((u) => ({ unit: u.unit, group: u.group })),
    overdueTasks,
    dueSoonTasks,
    quality: results
      .filter((u) => u.errors > 0)
      .map((u) => ({ unit: u.unit, group: u.group, errors: u.errors })),
    history: replacePeriod(input.history, period, records),
    records,
  };
}
