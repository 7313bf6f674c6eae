/**
 * Ranking within a group (SPEC §5): by completion rate (exactly, as fractions), then fewer overdue
 * tasks, then higher average progress (none last). Competition ranks by default (1, 2, 2, 4 as
 * Excel's RANK.EQ); `中国式` dense ranks (1, 2, 2, 3) when the settings say so.
 */
import type { UnitMetrics } from "../metric";
import type { RankingMethod } from "../settings";

/** Made on first use: building ICU's Chinese collator takes about 8 ms, which `validate` never needs. */
let collator: Intl.Collator | undefined;

/** Orders unit names the way a Chinese office expects (拼音). */
export function compareUnitNames(a: string, b: string): number {
  collator ??= new Intl.Collator("zh-CN");
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Negative when `a` ranks better than `b`, 0 when they tie on all three keys. */
export function compareForRank(a: UnitMetrics, b: UnitMetrics): number {
  // completionRate descending: a.c/a.n vs b.c/b.n, cross-multiplied to stay exact.
  const rate = b.completed * a.assigned - a.completed * b.assigned;
  if (rate !== 0) return rate;
  if (a.overdue !== b.overdue) return a.overdue - b.overdue;
  if (a.progressCount === 0 || b.progressCount === 0) {
    return a.progressCount === b.progressCount ? 0 : a.progressCount === 0 ? 1 : -1; // null last
  }
  // avgProgress descending, cross-multiplied (sums of decimals: compare with a tolerance).
  const progress = b.progressSum * a.progressCount - a.progressSum * b.progressCount;
  return Math.abs(progress) < 1e-9 * Math.max(1, a.progressCount * b.progressCount) ? 0 : Math.sign(progress);
}

export interface RankedUnit {
  readonly metrics: UnitMetrics;
  readonly rank: number;
  /** Shares its rank with another unit (并列). */
  readonly tied: boolean;
}

/**
 * Ranks the units of one group that have tasks; returns them in display order (rank, then name).
 *
 * @example rankGroup(units, "competition").map(r => r.rank) // [1, 2, 2, 4]
 */
export function rankGroup(units: readonly UnitMetrics[], method: RankingMethod): RankedUnit[] {
  const ranked = units.filter((u) => u.assigned > 0);
  const sorted = [...ranked].sort((a, b) => compareForRank(a, b) || compareUnitNames(a.unit, b.unit));
  const result: RankedUnit[] = [];
  let classes = 0;
  for (let i = 0; i < sorted.length; i++) {
    const u = sorted[i]!;
    const prev = sorted[i - 1];
    const sameAsPrev = prev !== undefined && compareForRank(prev, u) === 0;
    if (!sameAsPrev) classes++;
    const rank = sameAsPrev ? result[i - 1]!.rank : method === "dense" ? classes : i + 1;
    result.push({ metrics: u, rank, tied: false });
  }
  return result.map((r) => ({ ...r, tied: result.filter((o) => o.rank === r.rank).length > 1 }));
}
