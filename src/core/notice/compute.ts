/**
 * What a notice (通报) says, computed from validated rows (SPEC §5–§7): figures, ranks, red and
 * black lists, stationing, stalled and not-submitted units, overdue and due-soon tasks, and the
 * history rows this notice adds. The document's words are `buildNoticeDocument`'s job.
 */
import { type IsoDate, isoToDay } from "../date";
import type { LedgerRow } from "../ledger";
import { type OwnedIssue, type Totals, type UnitMetrics, computeMetrics, countErrorsByUnit } from "../metric";
import { compareUnitNames, rankGroup } from "../ranking";
import { GROUPS, type Group, type Roster, type Settings } from "../settings";
import { enumKey } from "../text";
import { type HistoryRecord, categoryKey, previousPeriod, replacePeriod } from "../history";
import { type Classification, classifyUnit } from "./classify";
import type { ListReason } from "./reason";
import { type TaskEntry, listTasks } from "./tasks";

/** A unit in the notice: its figures, rank and list memberships. */
export interface UnitResult extends UnitMetrics, Classification {
  /** `null` when not ranked (no tasks: 未报送). */
  readonly rank: number | null;
  /** Shares its rank (并列). */
  readonly tied: boolean;
  /** Previous rank − current rank (positive = moved up); `null` when not ranked before. */
  readonly rankChange: number | null;
  /** Units ranked in the group. */
  readonly groupSize: number;
}

/** A unit on a list, with the rule that put it there. */
export interface ListEntry {
  readonly unit: string;
  readonly group: Group;
  readonly reason: ListReason;
}

export interface UnitRef {
  readonly unit: string;
  readonly group: Group;
}

/** Rows whose unit is empty or not in the roster (SPEC §5, §10 `unidentified`). */
export interface Unidentified {
  readonly assigned: number;
  readonly completed: number;
  readonly overdue: number;
  /** Validation errors that belong to no unit. */
  readonly errors: number;
}

export interface NoticeData {
  readonly period: number;
  readonly asOf: IsoDate;
  readonly settings: Settings;
  /** The categories of a 专项通报, or `null` for the 综合通报. */
  readonly categories: readonly string[] | null;
  /** Every counted row (SPEC §10 `totals`). */
  readonly totals: Totals;
  /** Roster units only: `totals − unidentified`, what the notice prints and the history keeps. */
  readonly rosterTotals: Totals;
  readonly unidentified: Unidentified;
  /** The previous notice of the same kind in the history, if any. */
  readonly previous: { readonly period: number; readonly asOf: IsoDate; readonly totals: Totals } | null;
  /** A later period whose previous notice is not in the history (`上期记录缺失`). */
  readonly previousMissing: boolean;
  /** Every unit, by group (roster group order), rank, name; unranked units last in their group. */
  readonly units: readonly UnitResult[];
  readonly groups: ReadonlyArray<{ readonly group: Group; readonly units: readonly UnitResult[] }>;
  readonly redList: readonly ListEntry[];
  readonly blackList: readonly ListEntry[];
  readonly stationed: readonly ListEntry[];
  readonly stalled: readonly ListEntry[];
  /** Roster units that returned no ledger (未报送). */
  readonly notSubmitted: readonly UnitRef[];
  /** Units whose returned sheet could not be checked (`missing-column`): 台账格式不符，未能统计. */
  readonly unchecked: readonly UnitRef[];
  /** In a 专项通报: units that returned a ledger without tasks of these categories. */
  readonly withoutTasks: readonly UnitRef[];
  readonly overdueTasks: readonly TaskEntry[];
  readonly dueSoonTasks: readonly TaskEntry[];
  /** Units with validation errors (台账填报质量), in notice order. */
  readonly quality: ReadonlyArray<UnitRef & { readonly errors: number }>;
  /** The whole history after this notice (this period's rows of this kind replaced). */
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
  /** A 专项通报 over these categories; `null`/absent for the 综合通报. */
  readonly categories?: readonly string[] | null;
  /**
   * The run's issues with their units (`assignIssueUnits`); they give each unit's error count and
   * the units whose sheet could not be checked. Without them, errors are counted on the rows.
   */
  readonly issues?: readonly OwnedIssue[];
}

function totalsOf(records: ReadonlyArray<{ assigned: number; completed: number; overdue?: number }>): Totals {
  const assigned = records.reduce((s, r) => s + r.assigned, 0);
  const completed = records.reduce((s, r) => s + r.completed, 0);
  const overdue = records.reduce((s, r) => s + (r.overdue ?? 0), 0);
  return { assigned, completed, overdue, completionRate: assigned > 0 ? completed / assigned : null };
}

type Previous = ReadonlyMap<string, HistoryRecord> | null;

/** One group: ranked units (with their lists), then its unranked units by name. */
function classifyGroup(
  members: readonly UnitMetrics[],
  settings: Settings,
  previous: Previous,
): { ranked: UnitResult[]; unranked: UnitResult[] } {
  const ranking = rankGroup(members, settings.rankingMethod);
  const n = ranking.length;
  const ranked = ranking.map(({ metrics: m, rank, tied }): UnitResult => {
    const prev = previous?.get(m.unit);
    const c = classifyUnit(
      { rank, completed: m.completed, assigned: m.assigned, groupSize: n },
      prev ?? null,
      settings,
    );
    return {
      ...m,
      rank,
      tied,
      rankChange: prev?.rank != null ? prev.rank - rank : null,
      ...c,
      groupSize: n,
    };
  });
  const unranked = members
    .filter((m) => m.assigned === 0)
    .sort((a, b) => compareUnitNames(a.unit, b.unit))
    .map((m): UnitResult => ({
      ...m,
      rank: null,
      tied: false,
      rankChange: null,
      red: false,
      black: false,
      belowFloor: false,
      inBottom: false,
      stationed: false,
      stalled: false,
      groupSize: n,
    }));
  return { ranked, unranked };
}

/** The lists with their reasons (SPEC §6). */
function buildLists(
  units: readonly UnitResult[],
  settings: Settings,
  period: number,
  previousPeriodNo: number | null,
  previous: Previous,
): Pick<NoticeData, "redList" | "blackList" | "stationed" | "stalled"> {
  const entry = (u: UnitResult, reason: ListReason): ListEntry => ({ unit: u.unit, group: u.group, reason });
  const rate = (u: UnitResult) => u.completionRate ?? 0;
  return {
    redList: units
      .filter((u) => u.red)
      .map((u) =>
        entry(u, {
          code: "red",
          params: {
            rate: rate(u),
            rank: u.rank!,
            groupSize: u.groupSize,
            redTop: settings.redTop,
            redMinRate: settings.redMinRate,
          },
        }),
      ),
    blackList: units
      .filter((u) => u.black)
      .map((u) =>
        entry(u, {
          code: "black",
          params: {
            rate: rate(u),
            rank: u.rank!,
            groupSize: u.groupSize,
            floor: u.belowFloor ? settings.blackBelowRate : null,
            bottom: u.inBottom ? settings.blackTop : null,
          },
        }),
      ),
    stationed:
      previousPeriodNo === null
        ? []
        : units
            .filter((u) => u.stationed)
            .map((u) =>
              entry(u, {
                code: "stationed",
                params: { previousPeriod: previousPeriodNo, period, rate: rate(u) },
              }),
            ),
    stalled:
      previousPeriodNo === null || previous === null
        ? []
        : units
            .filter((u) => u.stalled)
            .map((u) =>
              entry(u, {
                code: "stalled",
                params: {
                  previousPeriod: previousPeriodNo,
                  completed: u.completed,
                  previousCompleted: previous.get(u.unit)!.completed,
                  rate: rate(u),
                },
              }),
            ),
  };
}

/** Rows of a 专项通报's categories (compared after NFKC without white space); all rows otherwise. */
function rowsOfCategories(
  rows: readonly LedgerRow[],
  categories: readonly string[] | null,
): readonly LedgerRow[] {
  if (categories === null) return rows;
  const keys = new Set(categories.map(enumKey));
  return rows.filter((r) => r.category !== null && keys.has(enumKey(r.category)));
}

/** Units with no counted rows: not submitted, sheet not checkable, or (专项) no tasks of the kind. */
function splitUnranked(
  units: readonly UnitResult[],
  allRows: readonly LedgerRow[],
  issues: readonly OwnedIssue[] | undefined,
): Pick<NoticeData, "notSubmitted" | "unchecked" | "withoutTasks"> {
  const returned = new Set(allRows.map((r) => r.unit));
  const unchecked = new Set(
    (issues ?? []).filter((i) => i.code === "missing-column" && i.unit !== null).map((i) => i.unit!),
  );
  const empty = units.filter((u) => u.assigned === 0);
  const ref = (u: UnitResult): UnitRef => ({ unit: u.unit, group: u.group });
  return {
    notSubmitted: empty.filter((u) => !returned.has(u.unit) && !unchecked.has(u.unit)).map(ref),
    unchecked: empty.filter((u) => !returned.has(u.unit) && unchecked.has(u.unit)).map(ref),
    withoutTasks: empty.filter((u) => returned.has(u.unit)).map(ref),
  };
}

/**
 * Computes a notice.
 *
 * @example computeNotice({ rows, roster, settings, asOf: "2022-10-31", period: 2, history }).redList
 */
export function computeNotice(input: NoticeInput): NoticeData {
  const { settings, period } = input;
  const categories = input.categories && input.categories.length > 0 ? input.categories : null;
  const category = categoryKey(categories);
  const asOfDay = isoToDay(input.asOf);
  if (asOfDay === null) throw new RangeError(`as-of date must be YYYY-MM-DD, got ${input.asOf}`);
  const rows = rowsOfCategories(input.rows, categories);
  const { units: computed, totals } = computeMetrics(rows, input.roster, asOfDay);
  const errors = input.issues ? countErrorsByUnit(input.issues) : null;
  const metrics = errors ? computed.map((m) => ({ ...m, errors: errors.byUnit.get(m.unit) ?? 0 })) : computed;

  const prevPeriod = previousPeriod(input.history, period, category);
  const prevRecords = input.history.filter((h) => h.period === prevPeriod && h.category === category);
  const previous: Previous = prevPeriod === null ? null : new Map(prevRecords.map((r) => [r.unit, r]));

  const groupOrder = (g: Group) => GROUPS.indexOf(g);
  const groupNames = [...new Set(metrics.map((m) => m.group))].sort((a, b) => groupOrder(a) - groupOrder(b));
  const units: UnitResult[] = [];
  const groups: Array<{ group: Group; units: UnitResult[] }> = [];
  for (const group of groupNames) {
    const { ranked, unranked } = classifyGroup(
      metrics.filter((m) => m.group === group),
      settings,
      previous,
    );
    groups.push({ group, units: ranked });
    for (const unit of ranked) units.push(unit);
    for (const unit of unranked) units.push(unit);
  }

  const tasks = listTasks(rows, units, asOfDay, settings.dueSoonDays);
  const records: HistoryRecord[] = units.map((u) => ({
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
    category,
  }));
  const rosterTotals = totalsOf(units);
  return {
    period,
    asOf: input.asOf,
    settings,
    categories,
    totals,
    rosterTotals,
    unidentified: {
      assigned: totals.assigned - rosterTotals.assigned,
      completed: totals.completed - rosterTotals.completed,
      overdue: totals.overdue - rosterTotals.overdue,
      errors: errors?.unidentified ?? 0,
    },
    previous:
      prevPeriod === null
        ? null
        : { period: prevPeriod, asOf: prevRecords[0]?.asOf ?? "", totals: totalsOf(prevRecords) },
    previousMissing: prevPeriod === null && period > 1,
    units,
    groups,
    ...buildLists(units, settings, period, prevPeriod, previous),
    ...splitUnranked(units, input.rows, input.issues),
    overdueTasks: tasks.overdue,
    dueSoonTasks: tasks.dueSoon,
    quality: units
      .filter((u) => u.errors > 0)
      .map((u) => ({ unit: u.unit, group: u.group, errors: u.errors })),
    history: replacePeriod(input.history, period, records, category),
    records,
  };
}
