import type { RankingMethod } from "../settings";

/**
 * Ranks items already sorted best first: `same(a, b)` says whether two neighbours tie. Competition
 * ranks (1, 2, 2, 4, Excel's RANK.EQ) or, for `dense` (中国式), 1, 2, 2, 3. Returns the ranks in
 * the items' order and whether each one shares its rank (并列).
 *
 * @example assignRanks([95, 90, 90, 80], (a, b) => a === b, "dense") // ranks 1, 2, 2, 3
 */
export function assignRanks<T>(
  sorted: readonly T[],
  same: (a: T, b: T) => boolean,
  method: RankingMethod,
): Array<{ rank: number; tied: boolean }> {
  const ranks: number[] = [];
  let classes = 0;
  for (let i = 0; i < sorted.length; i++) {
    const tiesPrevious = i > 0 && same(sorted[i - 1]!, sorted[i]!);
    if (!tiesPrevious) classes++;
    ranks.push(tiesPrevious ? ranks[i - 1]! : method === "dense" ? classes : i + 1);
  }
  const perRank = new Map<number, number>();
  for (const r of ranks) perRank.set(r, (perRank.get(r) ?? 0) + 1);
  return ranks.map((rank) => ({ rank, tied: (perRank.get(rank) ?? 0) > 1 }));
}
