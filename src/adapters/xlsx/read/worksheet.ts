/**
 * One worksheet part (`xl/worksheets/sheetN.xml`) → values, number formats and merges.
 *
 * This is the hot loop of the reader (a 100k-row ledger has over a million `<c>` elements), so it
 * walks the string with `charCodeAt` (`find`, `matchAt`: loops the compiler inlines, where a builtin
 * `indexOf` would cost a call each time), reads each start tag's attributes in one pass, and
 * allocates nothing per cell but the value itself. The work is split along what it does:
 * `readRowTag` and `readCellTag` (attributes), `readCellContent` (`<v>`, `<f>`, `<is>`),
 * `cellValueOf` (the value by its type) and `SheetBuilder` (where the value goes: sparse rows).
 *
 * Addresses are checked against Excel's limits (SPEC §4): a cell or row beyond row 1,048,576 or
 * column XFD makes the file unreadable, naming the cell. Within the limits, memory and time follow
 * the cells present: a stray value in row 1,048,576 is one more row, not a million.
 */
// From the grid module itself, not the barrel: a barrel's exports are getters, called on every use.
import {
  type CellError,
  type CellRange,
  type CellValue,
  MAX_COLUMNS,
  MAX_ROWS,
  columnName,
} from "../../../core/grid/grid";
import { type ReadDetail, WorkbookReadError, corruptPart } from "./errors";
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
  /** The rows that hold a value, ascending (see `SheetGrid.rowIndexes`). */
  rowIndexes: number[];
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
  if (start < 0) return T_NUMBER;
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
    if (errorCache.size < 64) errorCache.set(code, e);
  }
  return e;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/;

/**
 * A `t="d"` value (ISO 8601) as a `Date` whose UTC fields are the calendar date and time written,
 * whatever time zone suffix follows: the ledger means the day on the page, not an instant.
 * Anything else — another form, a five-digit year, a day that does not exist — stays the text
 * as written, which the date parser then reports as `invalid-date` (never an invalid `Date`).
 */
export function isoDate(text: string): Date | string {
  const m = ISO_DATE.exec(text);
  if (!m) return text;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = m[7] ? Math.round(Number("0." + m[7]) * 1000) : 0;
  const date = new Date(
    Date.UTC(year, month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms),
  );
  // Date.UTC maps years 0–99 to 1900–1999; and rolls 2022-02-30 over into March.
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return text;
  }
  return date;
}

/** `xml.indexOf(String.fromCharCode(code), from)`, as a loop: most searches here end a few characters on. */
function find(xml: string, code: number, from: number): number {
  const length = xml.length;
  for (let i = from; i < length; i++) if (xml.charCodeAt(i) === code) return i;
  return -1;
}

/** `xml.startsWith(text, at)`, as a loop. */
function matchAt(xml: string, at: number, text: string): boolean {
  if (at < 0 || at + text.length > xml.length) return false;
  for (let k = 0; k < text.length; k++) if (xml.charCodeAt(at + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** `xml.indexOf(text, from)` for a short `text`. */
function findText(xml: string, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = find(xml, first, from); i >= 0; i = find(xml, first, i + 1))
    if (matchAt(xml, i, text)) return i;
  return -1;
}

/** Length of the attribute name from `start` to the `=` at `eq` (white space before `=` allowed). */
function nameLength(xml: string, start: number, eq: number): number {
  let end = eq;
  while (end > start && xml.charCodeAt(end - 1) === 32) end--;
  return end - start;
}

function beyondLimits(what: string, detail: ReadDetail): WorkbookReadError {
  return new WorkbookReadError(
    "beyond-limits",
    `${what}超出 Excel 的范围（最多 1048576 行、16384 列即 XFD 列），文件无法读取`,
    detail,
  );
}

/**
 * The part being parsed when it is scanned as bytes (`parseWorksheet`'s `utf8`): `rawXml` holds one
 * character per byte, so the markup (all ASCII) is found in place, and text is taken from the
 * bytes, decoded as UTF-8, wherever it holds a byte above 0x7F. Text of 13 characters or more is
 * decoded too: V8 keeps a slice that long as a view, which would hold the whole part in memory.
 */
let rawXml: string | null = null;
let rawUtf8: ((start: number, end: number) => string) | null = null;
const SLICE_MIN = 13;

/** The text of `xml` between two offsets, as written (entities not decoded). */
function textOf(xml: string, start: number, end: number): string {
  if (xml === rawXml && rawUtf8 !== null) {
    let ascii = true;
    for (let k = start; k < end && ascii; k++) ascii = xml.charCodeAt(k) < 0x80;
    if (!ascii || end - start >= SLICE_MIN) {
      return (end - start <= UTF8_HERE ? utf8Here(xml, start, end) : null) ?? rawUtf8(start, end);
    }
  }
  return xml.slice(start, end);
}

/** Spans up to this many bytes are decoded here; longer ones by `rawUtf8`. */
const UTF8_HERE = 1024;
/** The code units being decoded; then copied into the array of exactly their number (reused). */
const codeUnits: number[] = new Array<number>(UTF8_HERE).fill(0);
const bySize: number[][] = [];

/**
 * Decodes the UTF-8 bytes held one per character in `xml[start, end)` without a call into the
 * runtime (for the short text of a cell, that call costs more than the decoding); `null` for a
 * sequence that is not well-formed UTF-8 (overlong, a surrogate, beyond U+10FFFF, cut short),
 * which `rawUtf8` then decodes with replacement characters, as `TextDecoder` does.
 */
function utf8Here(xml: string, start: number, end: number): string | null {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = xml.charCodeAt(i);
    if (c < 0x80) {
      codeUnits[n++] = c;
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= end) return null;
      const c1 = xml.charCodeAt(i + 1);
      if ((c1 & 0xc0) !== 0x80) return null;
      codeUnits[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
      continue;
    }
    if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= end) return null;
      const c1 = xml.charCodeAt(i + 1);
      const c2 = xml.charCodeAt(i + 2);
      const low = c === 0xe0 ? 0xa0 : 0x80;
      const high = c === 0xed ? 0x9f : 0xbf;
      if (c1 < low || c1 > high || (c2 & 0xc0) !== 0x80) return null;
      codeUnits[n++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
      continue;
    }
    if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= end) return null;
      const c1 = xml.charCodeAt(i + 1);
      const c2 = xml.charCodeAt(i + 2);
      const c3 = xml.charCodeAt(i + 3);
      const low = c === 0xf0 ? 0x90 : 0x80;
      const high = c === 0xf4 ? 0x8f : 0xbf;
      if (c1 < low || c1 > high || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return null;
      const cp = (((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) - 0x10000;
      codeUnits[n++] = 0xd800 + (cp >> 10);
      codeUnits[n++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
      continue;
    }
    return null;
  }
  let units = bySize[n];
  if (units === undefined) bySize[n] = units = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) units[k] = codeUnits[k]!;
  // At most UTF8_HERE arguments: far below any engine's limit.
  return String.fromCharCode.apply(null, units);
}

/** A reference as written, shortened for a one-line message. */
function shown(text: string): string {
  return text.length > 24 ? text.slice(0, 24) + "…" : text;
}

/**
 * Where a parsed reference lands: 0-based row and column, or -1 for a part the text lacks.
 * One object reused for every cell (nothing allocated per cell).
 */
interface RefResult {
  row: number;
  column: number;
}

/**
 * Parses `A1`-style text in `[start, end)` into `out` (absolute `$` allowed); throws when it names
 * a cell beyond Excel's limits. Letters then digits; either may be missing (-1).
 */
function readRef(xml: string, start: number, end: number, part: string, out: RefResult): void {
  let column = 0;
  let k = start;
  for (; k < end; k++) {
    const ch = xml.charCodeAt(k);
    if (ch >= 65 && ch <= 90) column = column * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) column = column * 26 + (ch - 96);
    else if (ch !== 36 /* $ */) break;
  }
  let row = 0;
  let digits = false;
  for (; k < end; k++) {
    const ch = xml.charCodeAt(k);
    if (ch >= 48 && ch <= 57) {
      row = row * 10 + (ch - 48);
      digits = true;
    } else if (ch !== 36) {
      throw corruptPart(part, `单元格引用 ${shown(textOf(xml, start, end))} 无效`);
    }
  }
  if (column > MAX_COLUMNS || row > MAX_ROWS) {
    throw beyondLimits(`单元格 ${shown(textOf(xml, start, end))} `, { cell: shown(textOf(xml, start, end)) });
  }
  out.column = column > 0 ? column - 1 : -1;
  out.row = digits && row > 0 ? row - 1 : -1;
}

/** The attributes of one `<c>` start tag that matter, and where the tag ends. Reused per cell. */
interface CellTag {
  row: number;
  column: number;
  style: number;
  typeStart: number;
  typeEnd: number;
  selfClosing: boolean;
  /** Index just past the start tag. */
  end: number;
}

const ref: RefResult = { row: -1, column: -1 };

/**
 * Reads the attributes of the start tag whose name ends at `i` — `r`, `s` and `t` for a cell — in
 * one pass, into `tag`. `row` and `column` stay -1 when the tag has no `r`.
 */
function readCellTag(xml: string, i: number, part: string, tag: CellTag): void {
  tag.row = -1;
  tag.column = -1;
  tag.style = 0;
  tag.typeStart = -1;
  tag.typeEnd = -1;
  tag.selfClosing = false;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c === 62 /* > */) {
      tag.end = i + 1;
      return;
    }
    if (c === 47 /* / */) {
      tag.selfClosing = true;
      tag.end = i + 2;
      return;
    }
    const eq = find(xml, 61 /* = */, i);
    if (eq < 0) throw corruptPart(part, "<c> 标签格式错误");
    let q = eq + 1;
    while (xml.charCodeAt(q) === 32) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) throw corruptPart(part, "<c> 标签格式错误");
    const vs = q + 1;
    const ve = find(xml, quote, vs);
    if (ve < 0) throw corruptPart(part, "<c> 标签未结束");
    if (nameLength(xml, i, eq) === 1) {
      const a = xml.charCodeAt(i);
      if (a === 114 /* r */) {
        readRef(xml, vs, ve, part, ref);
        tag.row = ref.row;
        tag.column = ref.column;
      } else if (a === 115 /* s */) {
        let s = 0;
        for (let k = vs; k < ve && s < 1e9; k++) s = s * 10 + (xml.charCodeAt(k) - 48);
        tag.style = s;
      } else if (a === 116 /* t */) {
        tag.typeStart = vs;
        tag.typeEnd = ve;
      }
    }
    i = ve + 1;
  }
}

/**
 * Reads a `<row …>` start tag whose name ends at `i`; returns the 1-based `r` (0 when absent or
 * not a number) and sets `rowTagEnd`. Throws for a row beyond Excel's limit.
 */
let rowTagEnd = 0;
function readRowTag(xml: string, i: number, part: string): number {
  let r = 0;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c === 62 || c === 47) {
      const gt = find(xml, 62 /* > */, i);
      if (gt < 0) throw corruptPart(part, "<row> 未结束");
      rowTagEnd = gt + 1;
      return r;
    }
    const eq = find(xml, 61 /* = */, i);
    if (eq < 0) throw corruptPart(part, "<row> 标签格式错误");
    let q = eq + 1;
    while (xml.charCodeAt(q) === 32) q++;
    const quote = xml.charCodeAt(q);
    const close = quote === 34 || quote === 39 ? find(xml, quote, q + 1) : -1;
    if (close < 0 || (quote !== 34 && quote !== 39)) throw corruptPart(part, "<row> 标签格式错误");
    if (nameLength(xml, i, eq) === 1 && xml.charCodeAt(i) === 114 /* r */) {
      let n = 0;
      let ok = close > q + 1;
      for (let k = q + 1; k < close; k++) {
        const d = xml.charCodeAt(k) - 48;
        if (d < 0 || d > 9) ok = false;
        else n = n * 10 + d;
      }
      if (ok && n > MAX_ROWS)
        throw beyondLimits(`第 ${shown(textOf(xml, q + 1, close))} 行`, {
          row: shown(textOf(xml, q + 1, close)),
        });
      r = ok ? n : 0;
    }
    i = close + 1;
  }
}

/** What a cell holds between its start tag and `</c>`. Reused per cell. */
interface CellContent {
  vStart: number;
  vEnd: number;
  inline: string | undefined;
  /** Index just past `</c>`. */
  end: number;
}

interface Names {
  readonly plen: number;
  readonly prefix: string;
  readonly vClose: string;
  readonly fClose: string;
  readonly isClose: string;
  readonly plainInline: string;
  readonly plainInlineEnd: string;
}

/** Reads a cell's content from `pos` (just past its start tag) to its `</c>`, into `out`. */
function readCellContent(
  xml: string,
  pos: number,
  limit: number,
  names: Names,
  part: string,
  out: CellContent,
): void {
  out.vStart = -1;
  out.vEnd = -1;
  out.inline = undefined;
  for (;;) {
    const lt = find(xml, 60 /* < */, pos);
    if (lt < 0 || lt >= limit) throw corruptPart(part, "缺少 </c>，文件可能不完整");
    const m = lt + 1 + names.plen;
    const k0 = xml.charCodeAt(lt + 1);
    if (k0 === 47 /* </c> */) {
      const gt = find(xml, 62 /* > */, lt);
      if (gt < 0) throw corruptPart(part, "标签未结束");
      out.end = gt + 1;
      return;
    }
    const k = xml.charCodeAt(m);
    const k1 = xml.charCodeAt(m + 1);
    if (k === 118 /* v */ && (k1 === 62 || isNameEnd(k1))) {
      const gt = k1 === 62 ? m + 1 : find(xml, 62 /* > */, m);
      if (gt < 0) throw corruptPart(part, "<v> 未结束");
      if (xml.charCodeAt(gt - 1) === 47) {
        out.vStart = out.vEnd = gt + 1; // <v/>
        pos = gt + 1;
        continue;
      }
      out.vStart = gt + 1;
      out.vEnd = find(xml, 60 /* < */, out.vStart);
      if (out.vEnd < 0 || !matchAt(xml, out.vEnd, names.vClose)) throw corruptPart(part, "缺少 </v>");
      pos = out.vEnd + names.vClose.length;
      continue;
    }
    if (k === 102 /* f */ && isNameEnd(k1)) {
      const gt = find(xml, 62 /* > */, m);
      if (gt < 0) throw corruptPart(part, "<f> 未结束");
      if (xml.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const close = xml.indexOf(names.fClose, gt);
      if (close < 0) throw corruptPart(part, "缺少 </f>");
      pos = close + names.fClose.length;
      continue;
    }
    if (k === 105 /* i */ && k1 === 115 /* s */ && isNameEnd(xml.charCodeAt(m + 2))) {
      const gt = find(xml, 62 /* > */, m);
      if (gt < 0) throw corruptPart(part, "<is> 未结束");
      if (xml.charCodeAt(gt - 1) === 47) {
        out.inline = "";
        pos = gt + 1;
        continue;
      }
      const close = findText(xml, names.isClose, gt);
      if (close < 0) throw corruptPart(part, "缺少 </is>");
      out.inline = inlineText(xml, gt + 1, close, names, part);
      pos = close + names.isClose.length;
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
    const closeTag = "</" + xml.slice(lt + 1, e) + ">";
    const close = xml.indexOf(closeTag, gt);
    if (close < 0) throw corruptPart(part, `缺少 ${closeTag}`);
    pos = close + closeTag.length;
  }
}

/** An inline string `<is>…</is>` spanning `[start, end)`; the common `<t>text</t>` without a detour. */
function inlineText(xml: string, start: number, end: number, names: Names, part: string): string {
  if (matchAt(xml, start, names.plainInline)) {
    const textStart = start + names.plainInline.length;
    const textEnd = find(xml, 60 /* < */, textStart);
    if (textEnd + names.plainInlineEnd.length === end && matchAt(xml, textEnd, names.plainInlineEnd)) {
      return decodeText(textOf(xml, textStart, textEnd));
    }
  }
  if (xml === rawXml && rawUtf8 !== null) {
    // Rich text: its runs are read from the decoded text of the whole item.
    const item = rawUtf8(start, end);
    return readStringItem(item, 0, item.length, names.prefix, part);
  }
  return readStringItem(xml, start, end, names.prefix, part);
}

/** Text content as meant: entities and OOXML's `_xHHHH_` escapes decoded, only where present. */
function decodeText(raw: string): string {
  return decodeXString(decodeXml(raw));
}

/** The value of a cell by its type, or `undefined` for an empty cell. */
function cellValueOf(
  xml: string,
  type: number,
  content: CellContent,
  sharedStrings: readonly string[],
  part: string,
): CellValue | undefined {
  if (type === T_INLINE) return content.inline;
  const { vStart, vEnd } = content;
  if (vStart < 0) return undefined; // no cached value (a formula never calculated): empty
  switch (type) {
    case T_NUMBER: {
      if (vEnd === vStart) return undefined;
      const text = textOf(xml, vStart, vEnd);
      const num = +text;
      return Number.isNaN(num) ? decodeXml(text) : num;
    }
    case T_SHARED: {
      if (vEnd === vStart) return undefined;
      let idx = 0;
      for (let k = vStart; k < vEnd && idx <= sharedStrings.length; k++)
        idx = idx * 10 + (xml.charCodeAt(k) - 48);
      const s = sharedStrings[idx];
      if (s === undefined) {
        throw corruptPart(part, `共享字符串序号 ${shown(textOf(xml, vStart, vEnd))} 超出范围`);
      }
      return s;
    }
    case T_STR:
      return decodeText(textOf(xml, vStart, vEnd));
    case T_BOOL:
      if (vEnd === vStart) return undefined;
      return xml.charCodeAt(vStart) === 49 /* 1 */ || xml.startsWith("true", vStart);
    case T_ERROR:
      return cellError(decodeXml(textOf(xml, vStart, vEnd)));
    default: // T_DATE
      if (vEnd === vStart) return undefined;
      return isoDate(decodeXml(textOf(xml, vStart, vEnd)));
  }
}

/**
 * Gaps up to this many cells (or rows) are filled with `null` (`undefined`), which keeps the
 * arrays packed; a longer gap is left as a hole, so a far cell costs one slot, not the gap.
 */
const PAD_LIMIT = 64;

/**
 * A row's number formats are shared with the row before when they are the same (a ledger formats
 * every row alike): one array for a run of rows, not two objects a row that all live as long as
 * the grid (issue #9: the grid's survivors are what the young-generation collections copy).
 * A row compares its formats with the last few distinct ones.
 * Rows longer than this are not compared (a far cell makes a long, sparse row).
 */
const SHARED_FORMATS_MAX = 64;
/** How many distinct formats are remembered (rows with and without a 完成日期 alternate, and so on). */
const RECENT_FORMATS = 4;

/** Collects the cells into sparse rows, remembering which rows are present. */
class SheetBuilder {
  readonly values: Array<CellValue[] | undefined> = [];
  readonly numberFormats: Array<Array<string | undefined> | undefined> = [];
  readonly rowIndexes: number[] = [];
  private ordered = true;
  private currentRow = -1;
  private cells: CellValue[] | undefined;
  /** `cells` was made in this run of the row's cells (not a row met again). */
  private fresh = false;
  /** The current row's formats, once it has one in this run of its cells. */
  private formats: Array<string | undefined> | undefined;
  /** The last few distinct formats of rows that had any, the most recently used first. */
  private readonly recentFormats: Array<Array<string | undefined>> = [];

  put(row: number, column: number, value: CellValue, format: string | undefined): void {
    if (row !== this.currentRow) this.openRow(row);
    place(this.cells!, column, value, null);
    if (format === undefined) return;
    let formats = this.formats;
    if (formats === undefined) {
      formats = this.numberFormats[row];
      if (!formats) {
        formats = [];
        place(this.numberFormats, row, formats, undefined);
      } else {
        // A row met again (rows out of order): its formats may be another row's too.
        formats = formats.slice();
        this.numberFormats[row] = formats;
      }
      this.formats = formats;
    }
    place(formats, column, format, undefined);
  }

  private openRow(row: number): void {
    this.shareFormats();
    this.trimRow();
    this.currentRow = row;
    let cells = this.values[row];
    if (!cells) {
      cells = [];
      this.fresh = true;
      const last = this.rowIndexes[this.rowIndexes.length - 1];
      if (last !== undefined && last > row) this.ordered = false;
      this.rowIndexes.push(row);
      place(this.values, row, cells, undefined);
    }
    this.cells = cells;
  }

  /**
   * Ends a row made in this run of its cells: an array grown cell by cell holds room for more (a
   * 12-cell row, 20), which would live as long as the grid; an exact copy takes its place. Only a
   * short row (no holes: gaps up to `PAD_LIMIT` are filled) is copied, so cost follows the cells.
   */
  private trimRow(): void {
    if (!this.fresh) return;
    this.fresh = false;
    const cells = this.cells!;
    if (cells.length <= PAD_LIMIT) this.values[this.currentRow] = cells.slice();
  }

  /** Ends the current row's formats: the last row's array stands for them when they are equal. */
  private shareFormats(): void {
    const formats = this.formats;
    if (formats === undefined) return;
    this.formats = undefined;
    const recent = this.recentFormats;
    for (let i = 0; i < recent.length; i++) {
      const known = recent[i]!;
      if (sameFormats(known, formats)) {
        this.numberFormats[this.currentRow] = known;
        // The most recently used first: the patterns in use stay, one met once goes.
        for (let k = i; k > 0; k--) recent[k] = recent[k - 1]!;
        recent[0] = known;
        return;
      }
    }
    if (recent.length === RECENT_FORMATS) recent.pop();
    recent.unshift(formats);
  }

  finish(merges: CellRange[]): WorksheetData {
    this.shareFormats();
    this.trimRow();
    // Rows written out of order (no known writer does, but the file decides): sort once.
    if (!this.ordered) this.rowIndexes.sort((a, b) => a - b);
    return { values: this.values, numberFormats: this.numberFormats, merges, rowIndexes: this.rowIndexes };
  }
}

function sameFormats(a: ReadonlyArray<string | undefined>, b: ReadonlyArray<string | undefined>): boolean {
  if (a.length !== b.length || a.length > SHARED_FORMATS_MAX) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `array[index] = value`, padding a short gap with `filler` and leaving a long one as a hole. */
function place<T, F>(array: Array<T | F>, index: number, value: T, filler: F): void {
  const length = array.length;
  if (index === length) {
    array.push(value);
    return;
  }
  if (index > length && index - length <= PAD_LIMIT) {
    while (array.length < index) array.push(filler);
    array.push(value);
    return;
  }
  array[index] = value;
}

function parseMerges(xml: string, prefix: string, from: number, part: string): CellRange[] {
  const merges: CellRange[] = [];
  const open = xml.indexOf("<" + prefix + "mergeCells", from);
  if (open < 0) return merges;
  const closeTag = "</" + prefix + "mergeCells>";
  const close = xml.indexOf(closeTag, open);
  const a: RefResult = { row: -1, column: -1 };
  const b: RefResult = { row: -1, column: -1 };
  forEachElement(xml, prefix + "mergeCell", open, close < 0 ? xml.length : close, part, (tag) => {
    const range = tag.attributes["ref"];
    if (!range) return;
    const colon = range.indexOf(":");
    readRef(range, 0, colon < 0 ? range.length : colon, part, a);
    if (colon < 0) Object.assign(b, a);
    else readRef(range, colon + 1, range.length, part, b);
    if (a.row < 0 || a.column < 0 || b.row < 0 || b.column < 0) {
      throw corruptPart(part, `合并区域 ${shown(range)} 无效`);
    }
    merges.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    });
  });
  return merges;
}

/** The span of `<sheetData>`'s content, or `null` when the sheet has none. */
function sheetDataSpan(xml: string, prefix: string, part: string): { start: number; end: number } | null {
  const open = xml.indexOf("<" + prefix + "sheetData");
  if (open < 0) return null;
  const gt = xml.indexOf(">", open);
  if (gt < 0) throw corruptPart(part, "<sheetData> 未结束");
  if (xml.charCodeAt(gt - 1) === 47 /* <sheetData/> */) return { start: gt + 1, end: gt + 1 };
  // The close tag sits near the end of the part: search from there, not through every cell.
  const close = xml.lastIndexOf("</" + prefix + "sheetData>");
  if (close < gt) throw corruptPart(part, "缺少 </sheetData>，文件可能不完整");
  return { start: gt + 1, end: close };
}

/**
 * An ordinary cell, start to end: `r` (letters then a row number), then optionally `s` and `t`,
 * in that order, each in double quotes; then nothing, a `<v>` or an inline `<is><t>`, whose text
 * holds no `&`, `_` or carriage return (nothing to decode). Anything else — other attributes,
 * formulas, rich text, prefixes, white space — is read by the general scanner below, which also
 * reports every fault; so does a cell this one takes but `ordinaryCell` does not.
 */
const ORDINARY_CELL =
  /<c r="[A-Z]{1,3}[1-9][0-9]{0,6}"(?: s="[0-9]{1,9}")?(?: t="[a-zA-Z]{1,9}")?(?:\/>|>(?:<v>[^<&_\r]*<\/v>|<is><t>[^<&_\r]*<\/t><\/is>)?<\/c>)/y;
/** `<c r="`: where a matched cell's reference starts, after its `<`. */
const REF_START = 6;
/** Digits up to this many make an exact integer when added up one by one (below 2⁵³). */
const EXACT_DIGITS = 15;

/** What `ordinaryCell` found; one object reused for every cell. */
const ordinary: { row: number; column: number; style: number; value: CellValue | undefined } = {
  row: 0,
  column: 0,
  style: 0,
  value: undefined,
};

/**
 * The cell `ORDINARY_CELL` matched at `lt` (`test`, not `exec`: no match array, no captures), as
 * the general scanner would read it; `null` to leave it to that scanner (beyond Excel's limits, a
 * shared string index out of range, text that is not UTF-8).
 */
function ordinaryCell(xml: string, lt: number, sharedStrings: readonly string[]): typeof ordinary | null {
  // Everything is read from the matched text by position (no strings but the value's): letters,
  // digits, `"`, then ` s="digits"` or not, then ` t="type"` or not, then `/>` or `>` and the content.
  let k = lt + REF_START;
  let column = 0;
  for (let ch = xml.charCodeAt(k); ch >= 65; ch = xml.charCodeAt(++k)) column = column * 26 + (ch - 64);
  let row = 0;
  for (let ch = xml.charCodeAt(k); ch !== 34 /* " */; ch = xml.charCodeAt(++k)) row = row * 10 + (ch - 48);
  if (column > MAX_COLUMNS || row > MAX_ROWS) return null;
  let style = 0;
  if (xml.charCodeAt(k + 2) === 115 /* s */) {
    k += 5; // past `" s="`
    for (let ch = xml.charCodeAt(k); ch !== 34; ch = xml.charCodeAt(++k)) style = style * 10 + (ch - 48);
  }
  let type = T_NUMBER;
  if (xml.charCodeAt(k + 2) === 116 /* t */) {
    const end = find(xml, 34 /* " */, k + 5);
    type = cellType(xml, k + 5, end);
    k = end;
  }
  // `k` is on the last attribute's closing quote: `/>`, or `>` then `<v>`, `<is><t>` or `</c>`.
  let start = -1;
  let inline = false;
  if (xml.charCodeAt(k + 1) === 62 /* > */ && xml.charCodeAt(k + 3) !== 47 /* </c> */) {
    inline = xml.charCodeAt(k + 3) === 105; /* <is><t> */
    start = inline ? k + 9 : k + 5;
  }
  // The content ends at the next `<` (`</v>`, `</t>`): found by the loop that reads it.
  let value: CellValue | undefined;
  if (type === T_INLINE) {
    value = inline ? plainText(xml, start) : undefined;
  } else if (start < 0 || inline || (xml.charCodeAt(start) === 60 && type !== T_STR && type !== T_ERROR)) {
    value = undefined;
  } else if (type === T_NUMBER) {
    // Digits only (a serial, a count): added up here, no string.
    let n = 0;
    let i = start;
    for (let d = xml.charCodeAt(i) - 48; d >= 0 && d <= 9; d = xml.charCodeAt(++i) - 48) n = n * 10 + d;
    if (xml.charCodeAt(i) === 60 && i - start <= EXACT_DIGITS) value = n;
    else {
      const num = +xml.slice(start, find(xml, 60 /* < */, i));
      value = Number.isNaN(num) ? plainText(xml, start) : num;
    }
  } else {
    const end = find(xml, 60 /* < */, start);
    switch (type) {
      case T_SHARED: {
        let idx = 0;
        for (let i = start; i < end && idx <= sharedStrings.length; i++)
          idx = idx * 10 + (xml.charCodeAt(i) - 48);
        value = sharedStrings[idx];
        if (value === undefined) return null;
        break;
      }
      case T_STR:
        value = plainText(xml, start);
        break;
      case T_BOOL:
        value = xml.charCodeAt(start) === 49 /* 1 */ || xml.startsWith("true", start);
        break;
      case T_ERROR: {
        const code = plainText(xml, start);
        value = code === null ? null : cellError(code);
        break;
      }
      default: {
        // T_DATE
        const iso = plainText(xml, start);
        value = iso === null ? null : isoDate(iso);
      }
    }
  }
  if (value === null) return null; // plainText: not UTF-8
  ordinary.row = row - 1;
  ordinary.column = column - 1;
  ordinary.style = style;
  ordinary.value = value;
  return ordinary;
}

/**
 * The text from `start` to the next `<` that `ORDINARY_CELL` matched (nothing to decode). In a part
 * read as bytes it is decoded as UTF-8 (`null` when it is not UTF-8) and always copied: a long slice
 * is a view of the whole part. One loop finds its end, hashes it and sees whether it is ASCII.
 */
function plainText(xml: string, start: number): string | null {
  if (rawUtf8 === null) return xml.slice(start, find(xml, 60 /* < */, start));
  // FNV-1a over the bytes, for the slot of the same bytes, or the empty slot to fill.
  let hash = 0x811c9dc5 | 0;
  let high = 0;
  let end = start;
  for (let c = xml.charCodeAt(end); c !== 60 /* < */ && end < xml.length; c = xml.charCodeAt(++end)) {
    high |= c;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  const length = end - start;
  if (high < 0x80 && length < SLICE_MIN) return xml.slice(start, end);
  if (length > DECODED_TEXT_MAX) return length <= UTF8_HERE ? utf8Here(xml, start, end) : null;
  let slot = hash & SLOT_MASK;
  while (slotPart[slot] === partNumber) {
    const raw = slotRaw[slot]!;
    if (slotHash[slot] === hash && raw.length === length && xml.startsWith(raw, start))
      return slotText[slot]!;
    slot = (slot + 1) & SLOT_MASK;
  }
  const fresh = utf8Here(xml, start, end);
  if (fresh !== null && texts < DECODED_MAX) {
    slotPart[slot] = partNumber;
    slotHash[slot] = hash;
    slotRaw[slot] = xml.slice(start, end);
    slotText[slot] = fresh;
    texts++;
  }
  return fresh;
}

/**
 * Text already decoded in this part, by its bytes: a ledger repeats its units, statuses, categories
 * and owners on every row, so each is decoded once and every cell holding it shares one string
 * (less work, and less memory for the grid). A table of its own, open addressing by an FNV-1a hash
 * of the bytes: no string is made to look text up (a `Map` needed a slice of the part per cell, and
 * hashed it again), and a text met before is compared with the bytes of its first occurrence by
 * `startsWith`. A slot belongs to the part being parsed when `slotPart` holds that part's number,
 * so a new part starts empty without clearing. Bounded: a column of all different text costs at
 * most `DECODED_MAX` entries.
 */
const DECODED_MAX = 16384;
/** Twice `DECODED_MAX` slots (a power of two): a probe seldom goes past one taken slot. */
const SLOT_MASK = 2 * DECODED_MAX - 1;
const slotPart = new Int32Array(SLOT_MASK + 1);
const slotHash = new Int32Array(SLOT_MASK + 1);
/** The text's bytes as they stand in the part (a view of it while it is parsed). */
const slotRaw: string[] = new Array<string>(SLOT_MASK + 1).fill("");
const slotText: string[] = new Array<string>(SLOT_MASK + 1).fill("");
/** The part being parsed as bytes (1, 2, …; 0 marks a slot never used) and its texts so far. */
let partNumber = 0;
let texts = 0;
/** Longer text is decoded every time: it seldom repeats, and its key would cost its length to hash. */
const DECODED_TEXT_MAX = 256;

/**
 * Parses a worksheet part. `part` names it in error messages.
 *
 * With `utf8`, `xml` is the part's bytes one character per byte (Latin-1) and `utf8(start, end)`
 * decodes the bytes between two offsets: the part is then never decoded whole (in Node, where
 * that is cheap; see `ReadWorkbookOptions.bytesAsText`). Without it, `xml` is the decoded text.
 */
export function parseWorksheet(
  xml: string,
  ctx: WorksheetContext,
  part: string,
  utf8?: (start: number, end: number) => string,
): WorksheetData {
  if (utf8 === undefined) return parseSheetXml(xml, ctx, part);
  rawXml = xml;
  rawUtf8 = utf8;
  partNumber++;
  texts = 0;
  try {
    return parseSheetXml(xml, ctx, part);
  } finally {
    rawXml = null;
    rawUtf8 = null;
    // The decoded texts go with the part (the slots' numbers say they are stale).
    if (texts > 0) {
      slotText.fill("");
      slotRaw.fill("");
    }
  }
}

function parseSheetXml(xml: string, ctx: WorksheetContext, part: string): WorksheetData {
  const prefix = rootPrefix(xml, "worksheet", part);
  const plen = prefix.length;
  const builder = new SheetBuilder();
  const span = sheetDataSpan(xml, prefix, part);
  if (!span) return builder.finish(parseMerges(xml, prefix, 0, part));
  const { sharedStrings, cellFormats } = ctx;
  const names: Names = {
    plen,
    prefix,
    vClose: "</" + prefix + "v>",
    fClose: "</" + prefix + "f>",
    isClose: "</" + prefix + "is>",
    plainInline: "<" + prefix + "t>",
    plainInlineEnd: "</" + prefix + "t>",
  };
  const tag: CellTag = {
    row: -1,
    column: -1,
    style: 0,
    typeStart: -1,
    typeEnd: -1,
    selfClosing: false,
    end: 0,
  };
  const content: CellContent = { vStart: -1, vEnd: -1, inline: undefined, end: 0 };
  const sdEnd = span.end;

  let rowIndex = -1; // the current <row>, 0-based
  let column = -1; // the last cell's column in this row
  let pos = span.start;
  while (pos < sdEnd) {
    const lt = find(xml, 60 /* < */, pos);
    if (lt < 0 || lt >= sdEnd) break;
    const n = lt + 1 + plen;
    const first = xml.charCodeAt(lt + 1);
    if (first === 47 /* </…> */ || first === 33 /* <!-- */ || first === 63 /* <? */) {
      const gt = find(xml, 62 /* > */, lt);
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
      const r = readRowTag(xml, n + 3, part);
      rowIndex = r > 0 ? r - 1 : rowIndex + 1;
      if (rowIndex >= MAX_ROWS) throw beyondLimits(`第 ${rowIndex + 1} 行`, { row: String(rowIndex + 1) });
      column = -1;
      pos = rowTagEnd;
      continue;
    }
    if (c0 !== 99 /* c */ || !isNameEnd(xml.charCodeAt(n + 1))) {
      // Anything else inside sheetData (e.g. extLst): step over its start tag.
      const gt = xml.indexOf(">", n);
      if (gt < 0) throw corruptPart(part, "标签未结束");
      pos = gt + 1;
      continue;
    }

    if (plen === 0) {
      // The cell as Excel, LibreOffice and most writers put it: one regular expression reads it.
      ORDINARY_CELL.lastIndex = lt;
      if (ORDINARY_CELL.test(xml) && ORDINARY_CELL.lastIndex <= sdEnd) {
        const cell = ordinaryCell(xml, lt, sharedStrings);
        if (cell !== null) {
          column = cell.column;
          rowIndex = cell.row;
          pos = ORDINARY_CELL.lastIndex;
          if (cell.value !== undefined)
            builder.put(cell.row, cell.column, cell.value, cellFormats[cell.style]);
          continue;
        }
      }
    }

    readCellTag(xml, n + 1, part, tag);
    const cellRow = tag.row >= 0 ? tag.row : Math.max(rowIndex, 0);
    const cellColumn = tag.column >= 0 ? tag.column : column + 1;
    if (cellColumn >= MAX_COLUMNS)
      throw beyondLimits(`单元格 ${columnName(cellColumn)}${cellRow + 1} `, {
        cell: `${columnName(cellColumn)}${cellRow + 1}`,
      });
    if (cellRow >= MAX_ROWS) throw beyondLimits(`第 ${cellRow + 1} 行`, { row: String(cellRow + 1) });
    column = cellColumn;
    rowIndex = cellRow;
    pos = tag.end;
    if (tag.selfClosing) continue;

    readCellContent(xml, pos, sdEnd, names, part, content);
    pos = content.end;
    const value = cellValueOf(xml, cellType(xml, tag.typeStart, tag.typeEnd), content, sharedStrings, part);
    if (value === undefined) continue;
    builder.put(cellRow, cellColumn, value, cellFormats[tag.style]);
  }
  return builder.finish(parseMerges(xml, prefix, sdEnd, part));
}
