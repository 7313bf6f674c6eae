/**
 * Marks cells in a worksheet part: the `s` attribute of each marked `<c>` points to a filled clone
 * of its format; a marked cell that is not in the part yet (an empty required cell) is inserted in
 * column order, in a new row if needed. Nothing else in the part changes.
 */
import { columnName } from "../../../core/grid";
import { corruptPart } from "../read/errors";
import { decodeXml, findStartTag, scanAttributes } from "../read/xml";
import {
  type FoundTag,
  type RootElement,
  TextEdits,
  elementEnd,
  findTag,
  rootChildren,
  setAttribute,
} from "./xml-edit";

export interface CellMark {
  /** 0-based. */
  readonly row: number;
  readonly column: number;
}

/** What a cell's format is when the cell carries none: the row's (when customFormat) or the column's. */
interface ColumnStyle {
  readonly min: number;
  readonly max: number;
  readonly style: number;
}

/** `AB12` → 0-based column 27 (row ignored); -1 when it is not an A1 reference. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/**
 * Sets the marked cells' formats: `styleFor(s)` gives the new format index for a cell whose current
 * format index is `s`. Returns the new part text.
 */
export function markCells(
  xml: string,
  part: string,
  marks: readonly CellMark[],
  styleFor: (s: number, mark: CellMark) => number,
): string {
  const edits = new TextEdits();
  markCellEdits(xml, rootChildren(xml, part, ["sheetData"]), part, marks, styleFor, edits);
  return edits.apply(xml);
}

/**
 * What `markCells` changes, as edits of `xml` (made into `edits`); `root` is the sheet's root as
 * `rootChildren(xml, part, ["sheetData"])` reads it (a scan to the end of `sheetData`, made once for
 * the marks and the comments).
 */
export function markCellEdits(
  xml: string,
  root: RootElement,
  part: string,
  marks: readonly CellMark[],
  styleFor: (s: number, mark: CellMark) => number,
  edits: TextEdits,
): void {
  if (marks.length === 0) return;
  const p = root.prefix;
  const sheetDataChild = root.children.find((c) => c.localName === "sheetData");
  if (!sheetDataChild) throw corruptPart(part, "缺少 <sheetData>");

  const columns: ColumnStyle[] = [];
  const cols = root.children.find((c) => c.localName === "cols");
  if (cols) {
    let i = cols.start;
    for (;;) {
      const tag = findTag(xml, p + "col", i, cols.end, part);
      if (!tag) break;
      const { min, max, style } = tag.attributes;
      if (style !== undefined)
        columns.push({ min: Number(min) - 1, max: Number(max) - 1, style: Number(style) || 0 });
      i = tag.end;
    }
  }
  const columnStyle = (column: number): number =>
    columns.find((c) => c.min <= column && column <= c.max)?.style ?? 0;

  const byRow = new Map<number, CellMark[]>();
  for (const mark of marks) {
    const list = byRow.get(mark.row) ?? [];
    list.push(mark);
    byRow.set(mark.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);

  const sheetDataTag = findTag(xml, p + "sheetData", sheetDataChild.start, sheetDataChild.end, part)!;

  const newCell = (mark: CellMark, s: number) =>
    `<${p}c r="${columnName(mark.column)}${mark.row + 1}" s="${styleFor(s, mark)}"/>`;

  let contentEnd: number;
  if (sheetDataTag.selfClosing) {
    const opened = [xml.slice(sheetDataTag.start, sheetDataTag.end).replace(/\s*\/>$/, ">")];
    for (const r of rows) {
      opened.push(
        `<${p}row r="${r + 1}">${sortByColumn(byRow.get(r)!)
          .map((m) => newCell(m, columnStyle(m.column)))
          .join("")}</${p}row>`,
      );
    }
    opened.push(`</${p}sheetData>`);
    edits.replace(sheetDataTag.start, sheetDataTag.end, opened.join(""));
    return;
  } else {
    contentEnd = xml.indexOf(`</${p}sheetData>`, sheetDataTag.end);
  }

  // Rows are walked by their start tags alone (`nextRow`): a row with no mark is passed over without
  // its attributes parsed or its end looked for, since the next `<row` is past its cells anyway.
  const rowOpen = "<" + p + "row";
  const seen: RowTag = { start: 0, end: 0, r: 0, numbered: false };
  let i = sheetDataTag.end;
  let previousRow = -1;
  let pending = false;
  let pendingRow = -1;
  for (const target of rows) {
    for (;;) {
      if (!pending) {
        pending = nextRow(xml, rowOpen, i, contentEnd, part, seen);
        if (pending) pendingRow = seen.numbered ? seen.r - 1 : previousRow + 1;
      }
      if (!pending || pendingRow > target) {
        // The row is not in the part: a new row goes here, before the next one (or at the end).
        const at = pending ? seen.start : contentEnd;
        edits.insert(
          at,
          `<${p}row r="${target + 1}">${sortByColumn(byRow.get(target)!)
            .map((m) => newCell(m, columnStyle(m.column)))
            .join("")}</${p}row>`,
        );
        break;
      }
      previousRow = pendingRow;
      pending = false;
      if (pendingRow !== target) {
        i = seen.end;
        continue;
      }
      const tag = findTag(xml, p + "row", seen.start, contentEnd, part)!;
      const end = elementEnd(xml, tag, part);
      edits.replace(
        tag.start,
        end,
        markRow(xml, part, p, tag, end, sortByColumn(byRow.get(target)!), { columnStyle, newCell, styleFor }),
      );
      i = end;
      break;
    }
  }
}

/** A row's start tag as `nextRow` finds it. */
interface RowTag {
  start: number;
  /** Just past the start tag. */
  end: number;
  /** Its `r` attribute, when it has one (`numbered`). */
  r: number;
  numbered: boolean;
}

/**
 * The next row start tag (`open` is `<` + prefix + `row`) from `from`, before `to`, into `into`;
 * false when there is none. Of its attributes only `r` is read, and nothing is made for the others
 * (readStartTag's attribute objects for every row of a 100k-row sheet: 307–311 MB at `feedback`'s
 * peak against 274–276; PERFORMANCE.md, session 19).
 */
function nextRow(xml: string, open: string, from: number, to: number, part: string, into: RowTag): boolean {
  const lt = findStartTag(xml, open, from, to);
  if (lt < 0) return false;
  into.start = lt;
  into.numbered = false;
  into.end = scanAttributes(xml, lt + open.length, part, (name, nameStop, value, valueStop) => {
    // `r`, with the spaces before its `=` that `readStartTag` trims.
    if (
      xml.charCodeAt(name) !== 114 /* r */ ||
      (nameStop > name + 1 && xml.slice(name + 1, nameStop).trim() !== "")
    )
      return;
    into.r = Number(decodeXml(xml.slice(value, valueStop)));
    into.numbered = true;
  });
  return true;
}

function sortByColumn(marks: readonly CellMark[]): CellMark[] {
  return [...marks].sort((a, b) => a.column - b.column);
}

/** One row's XML with its marks applied. */
function markRow(
  xml: string,
  part: string,
  p: string,
  rowTag: FoundTag,
  rowEnd: number,
  marks: readonly CellMark[],
  how: {
    columnStyle: (column: number) => number;
    newCell: (mark: CellMark, s: number) => string;
    styleFor: (s: number, mark: CellMark) => number;
  },
): string {
  const { columnStyle, newCell, styleFor } = how;
  const rowStyle = isTrue(rowTag.attributes["customFormat"])
    ? Number(rowTag.attributes["s"] ?? 0) || 0
    : undefined;
  const inherited = (column: number) => rowStyle ?? columnStyle(column);
  let open = xml.slice(rowTag.start, rowTag.end);
  // spans (`1:7`) is an optimisation hint; keep it true when a cell is added outside it.
  const spans = rowTag.attributes["spans"];
  if (spans !== undefined) {
    const m = /^(\d+):(\d+)$/.exec(spans);
    if (m) {
      let lo = Number(m[1]);
      let hi = Number(m[2]);
      for (const mark of marks) {
        lo = Math.min(lo, mark.column + 1);
        hi = Math.max(hi, mark.column + 1);
      }
      if (`${lo}:${hi}` !== spans)
        open = setAttribute(
          open,
          { start: 0, end: open.length, selfClosing: rowTag.selfClosing },
          "spans",
          `${lo}:${hi}`,
        );
    }
  }
  if (rowTag.selfClosing) {
    return (
      open.replace(/\s*\/>$/, ">") + marks.map((m) => newCell(m, inherited(m.column))).join("") + `</${p}row>`
    );
  }
  const closeAt = rowEnd - `</${p}row>`.length;
  const out: string[] = [open];
  let copied = rowTag.end;
  let i = rowTag.end;
  let previousColumn = -1;
  let k = 0;
  while (k < marks.length) {
    const cell = findTag(xml, p + "c", i, closeAt, part);
    const ref = cell?.attributes["r"];
    const column = cell === null ? Infinity : ref === undefined ? previousColumn + 1 : columnOf(ref);
    const mark = marks[k]!;
    if (column > mark.column) {
      const at = cell === null ? closeAt : cell.start;
      out.push(xml.slice(copied, at), newCell(mark, inherited(mark.column)));
      copied = at;
      k++;
      continue;
    }
    const end = elementEnd(xml, cell!, part);
    if (column === mark.column) {
      const s = Number(cell!.attributes["s"] ?? 0) || 0;
      out.push(xml.slice(copied, cell!.start), setAttribute(xml, cell!, "s", String(styleFor(s, mark))));
      copied = cell!.end;
      k++;
    }
    previousColumn = column;
    i = end;
  }
  out.push(xml.slice(copied, rowEnd));
  return out.join("");
}
