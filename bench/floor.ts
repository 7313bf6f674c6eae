/**
 * The floor: what reading a ledger cannot go below. Node's own zlib inflates every entry of the
 * package (the ZIP's central directory read by hand), the worksheets are decoded as UTF-8, and one
 * regular-expression pass visits every cell. Anything the product does on top is measured against it.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

const CELL = /<c\b[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g;

/** Inflates the package and counts its cells with one regex pass; returns the cell count. */
export function floor(file: string): number {
  const zip = readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file}: not a ZIP`);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let cells = 0;
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20); // compressed size
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    const bytes = method === 8 ? inflateRawSync(data) : data;
    if (name.startsWith("xl/worksheets/")) {
      const xml = bytes.toString("utf8");
      CELL.lastIndex = 0;
      while (CELL.exec(xml) !== null) cells++;
    }
  }
  return cells;
}
