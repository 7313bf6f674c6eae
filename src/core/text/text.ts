/** Text normalisation shared by header matching, enum matching and suggestions. */

/**
 * The fast path of `nfkcTrim` and `enumKey`: true for text made only of characters NFKC leaves as they
 * are and that most cells of a ledger hold — ASCII (U+0000–U+007F, controls included) and the CJK
 * unified ideographs (U+4E00–U+9FFF) — so the normalisation can be skipped. False does not mean NFKC
 * changes the text, only that it must run. A loop, not a regular expression: it runs on most cells.
 */
export function isNfkcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c <= 0x7f || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/**
 * True for text that is its own `enumKey`: NFKC-stable (as `isNfkcStable`) and without white
 * space — in such text the only white space could be ASCII space, tab and line ends. Most task
 * ids, units and statuses are, and skip the regular expression.
 */
function isPlainKey(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 ? c > 0x7e && (c < 0x4e00 || c > 0x9fff) : true) return false;
  }
  return true;
}

/** NFKC (full-width → half-width, compatibility forms) and trim. */
export function nfkcTrim(text: string): string {
  return (isNfkcStable(text) ? text : text.normalize("NFKC")).trim();
}

const WHITE_SPACE = /\s/u;

/** The comparison key of an enum value: NFKC with all white space removed. */
export function enumKey(text: string): string {
  if (isPlainKey(text)) return text;
  const normal = isNfkcStable(text) ? text : text.normalize("NFKC");
  return WHITE_SPACE.test(normal) ? normal.replace(/\s/gu, "") : normal;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * Splits a list written as `a、b、c` (also `，`, `,`, `;`, `；`, line breaks). Each item is trimmed and
 * otherwise kept as typed (SPEC §3); compare items with `enumKey`.
 */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\n\r]/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
