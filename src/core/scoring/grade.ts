/** Grades (等次) from the grade lines, the veto cap, and the 好等次比例 quota computed exactly. */
import { GRADES } from "../settings";
import type { Grade, Ratio } from "./types";

/**
 * The grade of a composite by the lines (SPEC §8), compared after rounding to 6 decimals:
 * 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, else 差 with the default lines.
 */
export function gradeOf(composite: number, lines: readonly [number, number, number]): Grade {
  const x = Math.round(composite * 1e6);
  const [good, fair, pass] = lines.map((l) => Math.round(l * 1e6)) as [number, number, number];
  return x >= good ? "好" : x >= fair ? "较好" : x >= pass ? "一般" : "差";
}

/** The worse of two grades: `lowerGrade("好", "一般")` → `"一般"`. */
export function lowerGrade(a: Grade, b: Grade): Grade {
  return GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b;
}

/** q = max(1, ⌊n × ratio⌋), in integers: `quotaOf(9, 30%)` → 2, `quotaOf(10, 30%)` → 3. */
export function quotaOf(n: number, ratio: Ratio): number {
  const product = n * ratio.numerator;
  return Math.max(1, (product - (product % ratio.denominator)) / ratio.denominator);
}
