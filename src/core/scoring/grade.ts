/** Grades (等次) from the grade lines, the veto cap, and the 好等次比例 quota computed exactly. */
import { nfkcTrim } from "../text";
import { GRADES, type Grade, type Ratio } from "./types";

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

/**
 * A percentage or fraction as an exact ratio: `30%` → 30/100, `33.5%` → 335/1000, `0.3` → 3/10,
 * `30` → 30/100; `null` when it is not one, or outside 0–100%.
 */
export function parseRatio(text: string | number): Ratio | null {
  const s = typeof text === "number" ? String(text) : nfkcTrim(text);
  const m = /^(\d+)(?:\.(\d+))?\s*(%)?$/.exec(s);
  if (!m) return null;
  const digits = m[2] ?? "";
  let numerator = Number(m[1]! + digits);
  let denominator = 10 ** digits.length;
  // A bare number above 1 is percentage points (`30` → 30%), as 红榜最低完成率 reads.
  if (m[3] !== undefined || numerator > denominator) denominator *= 100;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator > denominator)
    return null;
  const g = gcd(numerator, denominator);
  numerator /= g;
  denominator /= g;
  return { numerator, denominator };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a || 1;
}

/** q = max(1, ⌊n × ratio⌋), in integers: `quotaOf(9, 30%)` → 2, `quotaOf(10, 30%)` → 3. */
export function quotaOf(n: number, ratio: Ratio): number {
  const product = n * ratio.numerator;
  return Math.max(1, (product - (product % ratio.denominator)) / ratio.denominator);
}
