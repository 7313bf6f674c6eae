/** A1 addresses for the Office adapter: quoting sheet names, rectangles, and grouping cells into blocks. */

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export { cellsToRanges, parseRangeAddress, rangeAddress } from "../../core/grid";

/**
 * Splits Excel's comma-joined multi-area address (`Sheet1!A1:B2,'My, sheet'!C3`) into areas,
 * respecting quoted sheet names.
 */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Joins addresses into comma-separated lists no longer than `maxChars` (for `worksheet.getRanges`). */
export function chunkAddresses(addresses: readonly string[], maxChars = 2000): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > maxChars) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) chunks.push(current);
  return chunks;
}
