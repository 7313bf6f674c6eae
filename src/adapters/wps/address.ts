/**
 * A1 addresses for the WPS adapter: rectangles, grouping cells into blocks, and lists of areas
 * short enough for `Range("…")`, which takes at most 255 characters (VBA's limit, kept by ET).
 */
import { rangeAddress } from "../../core/grid";

export { cellsToRanges, parseRangeAddress, rangeAddress } from "../../core/grid";

/** Joins addresses into comma-separated lists of at most `maxChars` characters, for `Range("…")`. */
export function addressLists(addresses: readonly string[], maxChars = 255): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > maxChars) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

export function cellKey(row: number, column: number): string {
  return rangeAddress({ top: row, left: column, bottom: row, right: column });
}
