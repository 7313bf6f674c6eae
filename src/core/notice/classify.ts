/**
 * Which lists a ranked unit is on (SPEC §6): 红榜, 黑榜, 末位驻点, 停滞 — one pure function over the
 * unit's standing, its previous notice and the thresholds of `设置`, so each rule is one line here.
 */
import { compareRateWith, toPoints } from "../metric";

/** A ranked unit's standing in its group. */
export interface Standing {
  readonly rank: number;
  readonly completed: number;
  readonly assigned: number;
  /** Units ranked in the group (n). */
  readonly groupSize: number;
}

/** The same unit in the previous notice of the same kind, when there is one. */
export interface PreviousStanding {
  readonly completed: number;
  readonly black: boolean;
}

/** The thresholds of SPEC §6, from `设置`. */
export interface ListRules {
  /** 红榜名次 */
  readonly redTop: number;
  /** 红榜最低完成率, a fraction. */
  readonly redMinRate: number;
  /** 黑榜名次 */
  readonly blackTop: number;
  /** 黑榜完成率低于, a fraction. */
  readonly blackBelowRate: number;
}

export interface Classification {
  readonly red: boolean;
  readonly black: boolean;
  /** On the black list because the rate is below 黑榜完成率低于. */
  readonly belowFloor: boolean;
  /** On the black list because it ranks among the group's last 黑榜名次 (group of at least 2 × 黑榜名次). */
  readonly inBottom: boolean;
  /** 末位驻点: black now and in the previous notice. */
  readonly stationed: boolean;
  /** 停滞: completed count not grown since the previous notice, rate below 100%. */
  readonly stalled: boolean;
}

/**
 * Classifies a ranked unit.
 *
 * @example classifyUnit({ rank: 6, completed: 3, assigned: 7, groupSize: 6 }, null, rules).black // true
 */
export function classifyUnit(
  unit: Standing,
  previous: PreviousStanding | null,
  rules: ListRules,
): Classification {
  const below100 = unit.completed < unit.assigned;
  const red =
    unit.rank <= rules.redTop &&
    compareRateWith(unit.completed, unit.assigned, toPoints(rules.redMinRate)) >= 0;
  const belowFloor = compareRateWith(unit.completed, unit.assigned, toPoints(rules.blackBelowRate)) < 0;
  // In a small group being last says little: the bottom rule needs at least 2 × 黑榜名次 units.
  const inBottom = unit.groupSize >= 2 * rules.blackTop && unit.rank > unit.groupSize - rules.blackTop;
  const black = !red && below100 && (belowFloor || inBottom);
  return {
    red,
    black,
    belowFloor: black && belowFloor,
    inBottom: black && inBottom,
    stationed: black && previous !== null && previous.black,
    stalled: previous !== null && below100 && unit.completed <= previous.completed,
  };
}
