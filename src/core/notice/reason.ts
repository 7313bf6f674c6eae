/**
 * Why a unit is on a list, as data (`{code, params}`): the rule that put it there and the figures
 * the rule used. Words are made by `reasonText`, per language, at the edge.
 */

/** A reason for a list entry. Rates are fractions; ranks and counts are integers. */
export type ListReason =
  | {
      readonly code: "red";
      readonly params: {
        readonly rate: number;
        readonly rank: number;
        readonly groupSize: number;
        readonly redTop: number;
        readonly redMinRate: number;
      };
    }
  | {
      readonly code: "black";
      readonly params: {
        readonly rate: number;
        readonly rank: number;
        readonly groupSize: number;
        /** 黑榜完成率低于, when the rate is below it; else `null`. */
        readonly floor: number | null;
        /** 黑榜名次, when the unit is among the group's last ones; else `null`. */
        readonly bottom: number | null;
      };
    }
  | {
      readonly code: "stationed";
      readonly params: { readonly previousPeriod: number; readonly period: number; readonly rate: number };
    }
  | {
      readonly code: "stalled";
      readonly params: {
        readonly previousPeriod: number;
        readonly completed: number;
        readonly previousCompleted: number;
        readonly rate: number;
      };
    };

export type ReasonCode = ListReason["code"];

/** `0.4285…` → `42.9%` (one decimal, as every figure of the notice is printed). */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A threshold such as 80% or 50%, without a needless `.0`. */
function threshold(rate: number): string {
  const points = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(points) ? points.toFixed(0) : points.toFixed(1)}%`;
}

function zh(reason: ListReason): string {
  switch (reason.code) {
    case "red": {
      const p = reason.params;
      return `完成率${formatRate(p.rate)}，组内${p.groupSize}个单位中排名第${p.rank}，位列前${p.redTop}名且完成率不低于${threshold(p.redMinRate)}`;
    }
    case "black": {
      const p = reason.params;
      const rules: string[] = [];
      if (p.floor !== null) rules.push(`低于${threshold(p.floor)}`);
      if (p.bottom !== null) rules.push(`组内${p.groupSize}个单位中排名后${p.bottom}位（第${p.rank}名）`);
      return `完成率${formatRate(p.rate)}，${rules.join("，")}`;
    }
    case "stationed": {
      const p = reason.params;
      return `连续两期列入黑榜（第${p.previousPeriod}期、第${p.period}期），完成率${formatRate(p.rate)}`;
    }
    case "stalled": {
      const p = reason.params;
      return `已完成${p.completed}项，与第${p.previousPeriod}期（${p.previousCompleted}项）相比没有增加，完成率${formatRate(p.rate)}`;
    }
  }
}

function en(reason: ListReason): string {
  switch (reason.code) {
    case "red": {
      const p = reason.params;
      return `completion ${formatRate(p.rate)}, ranked ${p.rank} of ${p.groupSize} in its group: within the top ${p.redTop} and at least ${threshold(p.redMinRate)}`;
    }
    case "black": {
      const p = reason.params;
      const rules: string[] = [];
      if (p.floor !== null) rules.push(`below ${threshold(p.floor)}`);
      if (p.bottom !== null)
        rules.push(`among the last ${p.bottom} of ${p.groupSize} in its group (rank ${p.rank})`);
      return `completion ${formatRate(p.rate)}, ${rules.join(", ")}`;
    }
    case "stationed": {
      const p = reason.params;
      return `on the black list in two notices running (period ${p.previousPeriod} and ${p.period}), completion ${formatRate(p.rate)}`;
    }
    case "stalled": {
      const p = reason.params;
      return `${p.completed} completed, no more than in period ${p.previousPeriod} (${p.previousCompleted}), completion ${formatRate(p.rate)}`;
    }
  }
}

/**
 * The reason in words.
 *
 * @example reasonText({ code: "black", params: { rate: 3/7, rank: 6, groupSize: 6, floor: 0.5, bottom: 3 } })
 * // "完成率42.9%，低于50%，组内6个单位中排名后3位（第6名）"
 */
export function reasonText(reason: ListReason, language: "zh" | "en" = "zh"): string {
  return language === "en" ? en(reason) : zh(reason);
}
