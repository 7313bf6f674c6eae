/**
 * One worksheet part (`xl/worksheets/sheetN.xml`) → values, number formats and merges.
 * This is the hot loop of the reader (a 100k-row ledger has over a million `<c>` elements), so it
 * walks the string with `indexOf`/`charCodeAt` and allocates nothing per cell but the value itself.
 */
import type { CellError, CellRange, CellValue } from "../../../core/grid";
import { corruptPart } from "./errors";
import { readStringItem } from "./shared-strings";
import { decodeXString, decodeXml, forEachElement, isNameEnd, rootPrefix } from "./xml";

export interface WorksheetContext {
  readonly sharedStrings: readonly string[];
  /** cellXfs index → number format code (`undefined` = General). */
  readonly cellFormats: ReadonlyArray<string | undefined>;
}

export interface WorksheetData {
  values: Array<CellValue[] | undefined>;
  numberFormats: Array<Array<string | undefined> | undefined>;
  merges: CellRange[];
}

// Cell types (`t` attribute), by the first character and length of the attribute value.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function cellType(xml: string, start: number, end: number): number {
  const c = xml.charCodeAt(start);
  const len = end - start;
  if (c === 115 /* s */) return len === 1 ? T_SHARED : T_STR;
  if (c === 105 /* i */) return T_INLINE;
  if (c === 98 /* b */) return T_BOOL;
  if (c === 101 /* e */) return T_ERROR;
  if (c === 100 /* d */) return T_DATE;
  return T_NUMBER;
}

/** One shared object per error code: cells hold references, not copies. */
const errorCache = new Map<string, CellError>();
function cellError(code: string): CellError {
  let e = errorCache.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    errorCache.set(code, e);
  }
  return e;
}

const ISO_DATE = /^(\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/;

/**
 * A `t="d"` value (ISO 8601) as a `Date` whose UTC fields are the calendar date and time written,
 * whatever time zone suffix follows: the ledger means the day on the page, not an instant.
 */
function isoDate(text: string): Date | string {
  const m = ISO_DATE.exec(text);
  if (!m) return text;
  const ms = m[7] ? Math.round(Number("0." + m[7]) * 1000) : 0;
  return new Date(
    Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      ms,
    ),
  );
}

/** Length of the attribute name from `start` to the `=` at `eq` (white space before `=` allowed). */
function nameLength(xml: string, start: number, eq: number): number {
  let end = eq;
  while (end > start && xml.charCodeAt(end - 1) === 32) end--;
  return end - start;
}

function parseRef(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 /* $ */) continue;
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue;
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (column === 0 || row === 0) return null;
  return { row: row - 1, column: column - 1 };
}

function parseMerges(xml: string, prefix: string, from: number, part: string): CellRange[] {
  const merges: CellRange[] = [];
  const open = xml.indexOf("<" + prefix + "mergeCells", from);
  if (open < 0) return merges;
  const closeTag = "</" + prefix + "mergeCells>";
  const close = xml.indexOf(closeTag, open);
  forEachElement(xml, prefix + "mergeCell", open, close < 0 ? xml.length : close, part, (tag) => {
    const ref = tag.attributes["ref"];
    if (!ref) return;
    const colon = ref.indexOf(":");
    const a = parseRef(colon < 0 ? ref : ref.slice(0, colon));
    const b = colon < 0 ? a : parseRef(ref.slice(colon + 1));
    if (!a || !b) throw corruptPart(part, `合并区域 ${ref} 无效`);
    merges.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    });
  });
  return merges;
}

/** Parses a worksheet part. `part` names it in error messages. */
export function parseWorksheet(xml: string, ctx: WorksheetContext, part: string): WorksheetData {
  const prefix = rootPrefix(xml, "worksheet", part);
  const plen = prefix.length;
  const values: Array<CellValue[] | undefined> = [];
  const numberFormats: Array<Array<string | undefined> | undefined> = [];
  const { sharedStrings, cellFormats } = ctx;

  const sdOpen = xml.indexOf("<" + prefix + "sheetData");
  if (sdOpen < 0) return { values, numberFormats, merges: parseMerges(xml, prefix, 0, part) };
  const sdGt = xml.indexOf(">", sdOpen);
  if (sdGt < 0) throw corruptPart(part, "<sheetData> 未结束");
  let sdEnd = sdGt + 1;
  if (xml.charCodeAt(sdGt - 1) !== 47 /* not <sheetData/> */) {
    const closeTag = "</" + prefix + "sheetData>";
    const close = xml.indexOf(closeTag, sdGt);
    if (close < 0) throw corruptPart(part, "缺少 </sheetData>，文件可能不完整");
    sdEnd = close;
  }

  const vClose = "</" + prefix + "v>";
  const fClose = "</" + prefix + "f>";
  const isClose = "</" + prefix + "is>";

  let rowIndex = -1; // the current <row>, 0-based
  let column = -1; // the last cell's column in this row
  let valuesRow: CellValue[] | undefined;
  let valuesRowIndex = -1;
  let formatsRow: Array<string | undefined> | undefined;
  let formatsRowIndex = -1;

  let pos = sdGt + 1;
  while (pos < sdEnd) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= sdEnd) break;
    const n = lt + 1 + plen;
    const first = xml.charCodeAt(lt + 1);
    if (first === 47 /* </…> */ || first === 33 /* <!-- */ || first === 63 /* <? */) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) throw corruptPart(part, "标签未结束");
      pos = gt + 1;
      continue;
    }
    const c0 = xml.charCodeAt(n);

    if (
      c0 === 114 /* r */ &&
      xml.charCodeAt(n + 1) === 111 &&
      xml.charCodeAt(n + 2) === 119 &&
      isNameEnd(xml.charCodeAt(n + 3))
    ) {
      // <row r="…" …>: only r matters.
      let i = n + 3;
      let r = 0;
      let gt = -1;
      for (;;) {
        let c = xml.charCodeAt(i);
        while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
        if (c === 62 || c === 47) {
          gt = xml.indexOf(">", i);
          break;
        }
        const eq = xml.indexOf("=", i);
        if (eq < 0) throw corruptPart(part, "<row> 标签格式错误");
        let q = eq + 1;
        while (xml.charCodeAt(q) === 32) q++;
        const quote = xml.charCodeAt(q);
        const close = xml.indexOf(quote === 39 ? "'" : '"', q + 1);
        if (close < 0 || (quote !== 34 && quote !== 39)) throw corruptPart(part, "<row> 标签格式错误");
        if (nameLength(xml, i, eq) === 1 && xml.charCodeAt(i) === 114 /* r */) {
          for (let k = q + 1; k < close; k++) r = r * 10 + (xml.charCodeAt(k) - 48);
        }
        i = close + 1;
      }
      if (gt < 0) throw corruptPart(part, "<row> 未结束");
      rowIndex = r > 0 ? r - 1 : rowIndex + 1;
      column = -1;
      pos = gt + 1;
      continue;
    }

    if (c0 !== 99 /* c */ || !isNameEnd(xml.charCodeAt(n + 1))) {
      // Anything else inside sheetData (e.g. extLst): step over its start tag.
      const gt = xml.indexOf(">", n);
      if (gt < 0) throw corruptPart(part, "标签未结束");
      pos = gt + 1;
      continue;
    }

    // <c r="B2" s="3" t="s">
    let i = n + 1;
    let cellRow = rowIndex;
    let cellColumn = -1;
    let style = 0;
    let typeStart = -1;
    let typeEnd = -1;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(i);
      while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
      if (c === 62 /* > */) {
        i++;
        break;
      }
      if (c === 47 /* / */) {
        selfClosing = true;
        i += 2;
        break;
      }
      const eq = xml.indexOf("=", i);
      if (eq < 0) throw corruptPart(part, "<c> 标签格式错误");
      let q = eq + 1;
      while (xml.charCodeAt(q) === 32) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw corruptPart(part, "<c> 标签格式错误");
      const vs = q + 1;
      const ve = xml.indexOf(quote === 39 ? "'" : '"', vs);
      if (ve < 0) throw corruptPart(part, "<c> 标签未结束");
      if (nameLength(xml, i, eq) === 1) {
        const a = xml.charCodeAt(i);
        if (a === 114 /* r */) {
          let col = 0;
          let k = vs;
          for (; k < ve; k++) {
            const ch = xml.charCodeAt(k);
            if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
            else if (ch !== 36) break;
          }
          let row = 0;
          for (; k < ve; k++) {
            const ch = xml.charCodeAt(k);
            if (ch >= 48 && ch <= 57) row = row * 10 + (ch - 48);
          }
          if (col > 0) cellColumn = col - 1;
          if (row > 0) cellRow = row - 1;
        } else if (a === 115 /* s */) {
          let s = 0;
          for (let k = vs; k < ve; k++) s = s * 10 + (xml.charCodeAt(k) - 48);
          style = s;
        } else if (a === 116 /* t */) {
          typeStart = vs;
          typeEnd = ve;
        }
      }
      i = ve + 1;
    }
    if (cellColumn < 0) cellColumn = column + 1;
    column = cellColumn;
    if (cellRow < 0) cellRow = 0;
    rowIndex = cellRow;
    pos = i;
    if (selfClosing) continue;

    // Cell content: <f>, <v>, <is>, until </c>.
    let vStart = -1;
    let vEnd = -1;
    let inline: string | undefined;
    for (;;) {
      const lt2 = xml.indexOf("<", pos);
      if (lt2 < 0 || lt2 >= sdEnd) throw corruptPart(part, "缺少 </c>，文件可能不完整");
      const m = lt2 + 1 + plen;
      const k0 = xml.charCodeAt(lt2 + 1);
      if (k0 === 47 /* </c> */) {
        const gt = xml.indexOf(">", lt2);
        pos = gt + 1;
        break;
      }
      const k = xml.charCodeAt(m);
      const k1 = xml.charCodeAt(m + 1);
      if (k === 118 /* v */ && (k1 === 62 || isNameEnd(k1))) {
        const gt = k1 === 62 ? m + 1 : xml.indexOf(">", m);
        if (xml.charCodeAt(gt - 1) === 47) {
          vStart = vEnd = gt + 1; // <v/>
          pos = gt + 1;
          continue;
        }
        vStart = gt + 1;
        vEnd = xml.indexOf("<", vStart);
        if (vEnd < 0 || !xml.startsWith(vClose, vEnd)) throw corruptPart(part, "缺少 </v>");
        pos = vEnd + vClose.length;
        continue;
      }
      if (k === 102 /* f */ && isNameEnd(k1)) {
        const gt = xml.indexOf(">", m);
        if (gt < 0) throw corruptPart(part, "<f> 未结束");
        if (xml.charCodeAt(gt - 1) === 47) {
          pos = gt + 1;
          continue;
        }
        const close = xml.indexOf(fClose, gt);
        if (close < 0) throw corruptPart(part, "缺少 </f>");
        pos = close + fClose.length;
        continue;
      }
      if (k === 105 /* i */ && k1 === 115 /* s */ && isNameEnd(xml.charCodeAt(m + 2))) {
        const gt = xml.indexOf(">", m);
        if (gt < 0) throw corruptPart(part, "<is> 未结束");
        if (xml.charCodeAt(gt - 1) === 47) {
          inline = "";
          pos = gt + 1;
          continue;
        }
        const close = xml.indexOf(isClose, gt);
        if (close < 0) throw corruptPart(part, "缺少 </is>");
        inline = readStringItem(xml, gt + 1, close, prefix, part);
        pos = close + isClose.length;
        continue;
      }
      // Something else (extLst, …): skip the whole element.
      let e = m;
      while (e < xml.length && !isNameEnd(xml.charCodeAt(e))) e++;
      const gt = xml.indexOf(">", e);
      if (gt < 0) throw corruptPart(part, "标签未结束");
      if (xml.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const closeTag = "</" + xml.slice(lt2 + 1, e) + ">";
      const close = xml.indexOf(closeTag, gt);
      if (close < 0) throw corruptPart(part, `缺少 ${closeTag}`);
      pos = close + closeTag.length;
    }

    const type = typeStart < 0 ? T_NUMBER : cellType(xml, typeStart, typeEnd);
    let value: CellValue;
    if (type === T_INLINE) {
      if (inline === undefined) continue;
      value = inline;
    } else {
      if (vStart < 0) continue; // no cached value (a formula never calculated): empty
      switch (type) {
        case T_NUMBER: {
          if (vEnd === vStart) continue;
          const text = xml.slice(vStart, vEnd);
          const num = +text;
          value = Number.isNaN(num) ? decodeXml(text) : num;
          break;
        }
        case T_SHARED: {
          let idx = 0;
          for (let k = vStart; k < vEnd; k++) idx = idx * 10 + (xml.charCodeAt(k) - 48);
          if (vEnd === vStart) continue;
          const s = sharedStrings[idx];
          if (s === undefined) throw corruptPart(part, `共享字符串序号 ${idx} 超出范围`);
          value = s;
          break;
        }
        case T_STR:
          value = decodeXString(decodeXml(xml.slice(vStart, vEnd)));
          break;
        case T_BOOL:
          if (vEnd === vStart) continue;
          value = xml.charCodeAt(vStart) === 49 /* 1 */ || xml.startsWith("true", vStart);
          break;
        case T_ERROR:
          value = cellError(decodeXml(xml.slice(vStart, vEnd)));
          break;
        default: // T_DATE
          if (vEnd === vStart) continue;
          value = isoDate(xml.slice(vStart, vEnd));
      }
    }

    // Store the value (and its format), padding the ragged rows with empties.
    if (valuesRowIndex !== cellRow) {
      valuesRowIndex = cellRow;
      valuesRow = values[cellRow];
      if (!valuesRow) {
        while (values.length < cellRow) values.push(undefined);
        valuesRow = [];
        values[cellRow] = valuesRow;
      }
    }
    const vr = valuesRow!;
    if (vr.length === cellColumn) vr.push(value);
    else {
      while (vr.length < cellColumn) vr.push(null);
      vr[cellColumn] = value;
    }
    const format = cellFormats[style];
    if (format !== undefined) {
      if (formatsRowIndex !== cellRow) {
        formatsRowIndex = cellRow;
        formatsRow = numberFormats[cellRow];
        if (!formatsRow) {
          while (numberFormats.length < cellRow) numberFormats.push(undefined);
          formatsRow = [];
          numberFormats[cellRow] = formatsRow;
        }
      }
      const fr = formatsRow!;
      while (fr.length < cellColumn) fr.push(undefined);
      fr[cellColumn] = format;
    }
  }

  return { values, numberFormats, merges: parseMerges(xml, prefix, sdEnd, part) };
}
