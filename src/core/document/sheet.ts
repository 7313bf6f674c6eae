/**
 * Renders the document model onto sheets (SPEC §7): a `SheetWriter` lays out headings, paragraphs
 * and tables on a grid of columns, with row heights that fit the wrapped text and the runs of rows
 * that pagination keeps on one page; `attachmentPlan` makes an attachment's own sheet, its header row
 * repeated on every printed page.
 */
import {
  type CellStyle,
  type PlanBar,
  type PlanBody,
  type PlanCell,
  type PlanChart,
  type PlanValue,
  type PrintSetup,
  STREAMED_TABLE_ROWS,
  type SheetPlan,
} from "../plan";
import {
  DATE_FORMAT,
  PERCENT_FORMAT,
  RowBuilder,
  cell,
  heightForLines,
  isoToSerial,
  spanWidth,
  wrappedLines,
} from "../plan/layout";
import type { DocAttachment, DocBlock, DocCell, DocTable } from "./document";
import { type PageRun, paginate } from "./paginate";

/** Colours of the notice, `RRGGBB`. */
export const NOTICE_COLORS = {
  masthead: "C00000",
  header: "DDEBF7",
  redHeader: "C00000",
  red: "FDE2E2",
  blackHeader: "404040",
  black: "D9D9D9",
  bar: "5B9BD5",
} as const;

/** Typefaces of the printed notice: 宋体 title, 黑体 一级标题, 楷体 二级标题, 仿宋 body (SPEC §7). */
export const NOTICE_FONTS = { title: "宋体", heading1: "黑体", heading2: "楷体", body: "仿宋" } as const;

/** Point size of the body text in the sheet (the Word notice uses 三号, 16 pt). */
export const BODY_SIZE = 13;
/** Row height of a table row and of a one-line body row, in points. */
export const TABLE_ROW = 20;

const cellBase = { border: true, vAlign: "middle", wrap: true } as const;
export const STYLES: Readonly<Record<string, CellStyle>> = {
  masthead: {
    bold: true,
    fontSize: 26,
    fontName: NOTICE_FONTS.title,
    fontColor: NOTICE_COLORS.masthead,
    hAlign: "center",
    vAlign: "middle",
  },
  issue: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.body, hAlign: "center", vAlign: "middle" },
  issuer: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.body, hAlign: "left", vAlign: "bottom" },
  dateLine: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.body, hAlign: "right", vAlign: "bottom" },
  rule: { fill: NOTICE_COLORS.masthead },
  title: {
    bold: true,
    fontSize: 18,
    fontName: NOTICE_FONTS.title,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
  },
  subtitle: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.heading2, hAlign: "center", vAlign: "middle" },
  body: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.body, hAlign: "left", vAlign: "top", wrap: true },
  heading1: { fontSize: BODY_SIZE + 1, fontName: NOTICE_FONTS.heading1, hAlign: "left", vAlign: "middle" },
  heading2: {
    fontSize: BODY_SIZE,
    fontName: NOTICE_FONTS.heading2,
    hAlign: "left",
    vAlign: "middle",
    wrap: true,
  },
  signoff: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.body, hAlign: "right", vAlign: "middle" },
  label: { fontSize: 14, fontName: NOTICE_FONTS.heading1, hAlign: "left", vAlign: "middle" },
  head: { ...cellBase, bold: true, fill: NOTICE_COLORS.header, hAlign: "center" },
  redHead: { ...cellBase, bold: true, fill: NOTICE_COLORS.redHeader, fontColor: "FFFFFF", hAlign: "center" },
  blackHead: {
    ...cellBase,
    bold: true,
    fill: NOTICE_COLORS.blackHeader,
    fontColor: "FFFFFF",
    hAlign: "center",
  },
  text: { ...cellBase, hAlign: "left" },
  centre: { ...cellBase, hAlign: "center" },
  rate: { ...cellBase, hAlign: "center", numFmt: PERCENT_FORMAT },
  date: { ...cellBase, hAlign: "center", numFmt: DATE_FORMAT },
  redText: { ...cellBase, hAlign: "left", fill: NOTICE_COLORS.red },
  redCentre: { ...cellBase, hAlign: "center", fill: NOTICE_COLORS.red },
  blackText: { ...cellBase, hAlign: "left", fill: NOTICE_COLORS.black },
  blackCentre: { ...cellBase, hAlign: "center", fill: NOTICE_COLORS.black },
  errorText: { ...cellBase, hAlign: "left", fill: "FCE4E4" },
  errorCentre: { ...cellBase, hAlign: "center", fill: "FCE4E4" },
  warningText: { ...cellBase, hAlign: "left", fill: "FFF2CC" },
  warningCentre: { ...cellBase, hAlign: "center", fill: "FFF2CC" },
  none: { fontSize: BODY_SIZE, fontName: NOTICE_FONTS.body, hAlign: "left", vAlign: "middle" },
};

/** Portrait A4, one page wide. Margins in inches. */
export const PRINT: PrintSetup = {
  orientation: "portrait",
  paperSize: "A4",
  fitToWidth: true,
  margins: { left: 0.55, right: 0.55, top: 0.7, bottom: 0.7 },
  centerHorizontally: true,
};

/** Maps a table's columns onto the sheet's: each table column spans the sheet columns nearest its share. */
export function spanColumns(
  tableWidths: readonly number[],
  sheetWidths: readonly number[],
): Array<[number, number]> {
  const total = tableWidths.reduce((a, b) => a + b, 0);
  const sheetTotal = sheetWidths.reduce((a, b) => a + b, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const w of sheetWidths) bounds.push((acc += w));
  const spans: Array<[number, number]> = [];
  let left = 0;
  let share = 0;
  tableWidths.forEach((w, i) => {
    share += w;
    const remaining = tableWidths.length - 1 - i;
    const target = (share / total) * sheetTotal;
    let right = left;
    // The sheet column whose right edge is nearest the target, leaving one for each column still to place.
    for (let c = left; c < sheetWidths.length - remaining; c++)
      if (Math.abs(bounds[c]! - target) <= Math.abs(bounds[right]! - target)) right = c;
    if (i === tableWidths.length - 1) right = sheetWidths.length - 1;
    spans.push([left, right]);
    left = right + 1;
  });
  return spans;
}

/** Style ids of a table cell by tone (`""` none) and alignment: looked up, never built per cell. */
const CELL_STYLE_IDS = {
  "": { text: "text", centre: "centre" },
  red: { text: "redText", centre: "redCentre" },
  black: { text: "blackText", centre: "blackCentre" },
  error: { text: "errorText", centre: "errorCentre" },
  warning: { text: "warningText", centre: "warningCentre" },
} as const;

/** A table cell as the sheet writes it: its value and style id (a date's text parsed once for both). */
function tableCell(table: DocTable, c: DocCell, textColumn: boolean): PlanCell {
  const serial = c.format === "date" ? isoToSerial(c.text) : null;
  const value = tableValue(c, serial);
  const style = tableStyle(table, c, textColumn, serial);
  return c.link ? { value, style, link: c.link } : { value, style };
}

/** A table's header row, in its tone. */
function headerCells(table: DocTable): PlanCell[] {
  const style = table.tone === "red" ? "redHead" : table.tone === "black" ? "blackHead" : "head";
  return table.headers.map((h) => ({ value: h, style }));
}

/** The value a table cell writes: a date's serial (`serial`, when its text is a date), else its number or text. */
function tableValue(c: DocCell, serial: number | null): PlanValue {
  return serial ?? c.number ?? c.text;
}

/** The style id of a table cell (`serial`: its date's serial, when it is one). */
function tableStyle(table: DocTable, c: DocCell, textColumn: boolean, serial: number | null): string {
  if (serial !== null) return "date";
  if (c.format === "rate" && c.number !== undefined) return "rate";
  const tone = c.tone ?? c.severity ?? (table.tone === "plain" ? "" : table.tone);
  return CELL_STYLE_IDS[tone][textColumn ? "text" : "centre"];
}

// Tables longer than `STREAMED_TABLE_ROWS` are streamed where they can be (附件1 of a 100k-row
// ledger has 40,000 rows); tables that span sheet columns or link elsewhere are ordinary rows.
export { STREAMED_TABLE_ROWS };

/** Writes rows onto a sheet of the given widths, tracking what the pagination must keep together. */
export class SheetWriter {
  readonly b = new RowBuilder();
  readonly runs: PageRun[] = [];
  readonly bars: PlanBar[] = [];
  readonly charts: PlanChart[] = [];
  /** The last table, when it is streamed (`streamTable`): the sheet's body, after every row. */
  body: PlanBody | undefined;
  /** The height of each of `body`'s rows, in points (its rows have none in `b.rowHeights`). */
  bodyHeights: readonly number[] = [];

  constructor(readonly widths: readonly number[]) {}

  /** Rows laid out so far, the streamed body included. */
  get rowCount(): number {
    return this.b.next + (this.body?.count ?? 0);
  }

  /** Row `r`'s height in points, a streamed body's rows included; `undefined` for the default. */
  heightOf(r: number): number | undefined {
    const rows = this.b.next;
    return r < rows ? this.b.rowHeights[r] : this.bodyHeights[r - rows];
  }

  /** A row whose one cell spans the sheet; its height fits the wrapped text. */
  wide(value: string, style: string, size: number, minHeight = TABLE_ROW): number {
    const row = this.b.add([
      cell(value, style),
      ...Array.from({ length: this.widths.length - 1 }, () => null),
    ]);
    this.b.merge(row, 0, this.widths.length - 1);
    this.b.height(
      row,
      Math.max(
        minHeight,
        heightForLines(wrappedLines(value, spanWidth(this.widths, 0, this.widths.length - 1), size), size),
      ),
    );
    return row;
  }

  /**
   * The table as `table` lays it out, its rows as the sheet's streamed body when it has more than
   * `streamAbove` rows, spans no sheet columns, and each column has one style and no links; else
   * `table` itself. Nothing may be added below a streamed table.
   */
  streamTable(table: DocTable, keepWhole: boolean, streamAbove: number): { first: number; last: number } {
    const uniform = table.rows.length > streamAbove ? this.uniformColumns(table) : null;
    if (uniform === null) return this.table(table, keepWhole);
    const { styles, serials, heights } = uniform;
    const start = this.b.next;
    this.row(null, this.widths, headerCells(table));
    const columns = styles.length;
    this.body = {
      count: table.rows.length,
      styles,
      fill: (index, values) => {
        const r = table.rows[index]!;
        for (let i = 0; i < columns; i++) {
          const dates = serials[i] ?? null;
          values[i] = dates === null ? tableValue(r[i]!, null) : dates[index]!;
        }
        return heights[index];
      },
    };
    this.bodyHeights = heights;
    const last = start + table.rows.length;
    this.runs.push({ first: start, last: keepWhole ? last : Math.min(last, start + 2) });
    return { first: start, last };
  }

  /**
   * When every column of `table` has one style from top to bottom, no cell links and the table
   * has exactly the sheet's columns: each column's style, the date serials of its date columns
   * (`null` for the others: a column whose first cell is a date has dates all the way down, or its
   * style would change) and each row's height, for pagination before anything is written (one
   * pass, no row heights by sheet row: a body row's height is `fill`'s). Else `null`.
   */
  private uniformColumns(
    table: DocTable,
  ): { styles: string[]; serials: Array<number[] | null>; heights: number[] } | null {
    const columns = this.widths.length;
    // A table of the sheet's own number of columns spans one sheet column each (`spanColumns`).
    if (table.widths.length !== columns || table.barColumn !== undefined) return null;
    const widths = this.widths;
    const textColumns = widths.map((_, i) => table.textColumns.includes(i));
    const serials: Array<number[] | null> = [];
    const styles: string[] = [];
    const heights: number[] = [];
    // A column's text repeats from row to row (the lists are sorted by unit, then deadline): each
    // column keeps its last date and its last wrapped text, so each is worked out once per run.
    const dateText: Array<string | undefined> = new Array<string | undefined>(columns).fill(undefined);
    const dateSerial: Array<number | null> = new Array<number | null>(columns).fill(null);
    const linesText: Array<string | undefined> = new Array<string | undefined>(columns).fill(undefined);
    const linesOf: number[] = new Array<number>(columns).fill(1);
    // A row may hold the very cell of the row above (a task list shares its repeated cells): its
    // style, serial and lines are the ones just worked out.
    const lastCell: Array<DocCell | undefined> = new Array<DocCell | undefined>(columns).fill(undefined);
    const lastLines: number[] = new Array<number>(columns).fill(1);
    const rows = table.rows;
    for (let index = 0; index < rows.length; index++) {
      const r = rows[index]!;
      if (r.length !== columns) return null;
      let lines = 1;
      for (let i = 0; i < columns; i++) {
        const c = r[i]!;
        if (c === lastCell[i]) {
          const dates = serials[i]!;
          if (dates !== null) dates.push(dates[dates.length - 1]!);
          lines = Math.max(lines, lastLines[i]!);
          continue;
        }
        lastCell[i] = c;
        if (c.link) return null;
        let serial: number | null = null;
        if (c.format === "date") {
          if (c.text !== dateText[i]) {
            dateText[i] = c.text;
            dateSerial[i] = isoToSerial(c.text);
          }
          serial = dateSerial[i]!;
        }
        const style = tableStyle(table, c, textColumns[i]!, serial);
        if (index === 0) {
          styles.push(style);
          serials.push(serial === null ? null : []);
        } else if (styles[i] !== style) return null;
        let cellLines = 1;
        if (serial !== null) serials[i]!.push(serial);
        else if (c.number === undefined) {
          // The cell writes its text (`tableValue`), which may wrap.
          if (c.text !== linesText[i]) {
            linesText[i] = c.text;
            linesOf[i] = wrappedLines(c.text, widths[i]!);
          }
          cellLines = linesOf[i]!;
        }
        lastLines[i] = cellLines;
        lines = Math.max(lines, cellLines);
      }
      heights.push(Math.max(TABLE_ROW, heightForLines(lines)));
    }
    return { styles, serials, heights };
  }

  table(table: DocTable, keepWhole: boolean): { first: number; last: number } {
    const spans = spanColumns(table.widths, this.widths);
    const start = this.b.next;
    const widths = spans.map(([left, right]) => spanWidth(this.widths, left, right));
    const textColumns = spans.map((_, i) => table.textColumns.includes(i));
    // A table on a sheet of its own columns (the attachments) spans nothing: its cells are the row.
    const spread = spans.some(([left, right], i) => left !== i || right !== i);
    this.row(spread ? spans : null, widths, headerCells(table));
    for (const r of table.rows) {
      const cells: PlanCell[] = [];
      for (let i = 0; i < r.length; i++) cells.push(tableCell(table, r[i]!, textColumns[i]!));
      this.row(spread ? spans : null, widths, cells);
    }
    const last = this.b.next - 1;
    if (table.barColumn !== undefined && last > start) {
      const [col] = spans[table.barColumn]!;
      const values = { top: start + 1, left: col, bottom: last, right: col };
      this.bars.push({ range: values, color: NOTICE_COLORS.bar });
      if (table.chart !== undefined) {
        const [names] = spans[1] ?? [0];
        this.charts.push({
          title: table.chart,
          categories: { top: start + 1, left: names, bottom: last, right: names },
          values,
          // Beside the table, one empty column to its right.
          anchor: { row: start, column: this.widths.length + 1 },
        });
      }
    }
    // A table is kept on one page when it fits one; a longer one keeps its header with two rows.
    this.runs.push({ first: start, last: keepWhole ? last : Math.min(last, start + 2) });
    return { first: start, last };
  }

  /**
   * A table row: each cell spans its sheet columns (merged) — `spans` is `null` when each spans
   * only its own — and the height fits its wrapped text.
   */
  private row(
    spans: ReadonlyArray<[number, number]> | null,
    widths: readonly number[],
    cells: readonly PlanCell[],
  ): void {
    const out: Array<PlanCell | null> = spans !== null ? [] : (cells as PlanCell[]);
    let lines = 1;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (spans !== null) {
        const [left, right] = spans[i]!;
        out.push(c);
        for (let k = left + 1; k <= right; k++) out.push(cell(null, c.style));
      }
      if (typeof c.value === "string") lines = Math.max(lines, wrappedLines(c.value, widths[i]!));
    }
    const row = this.b.add(out);
    if (spans !== null) for (const [left, right] of spans) this.b.merge(row, left, right);
    this.b.height(row, Math.max(TABLE_ROW, heightForLines(lines)));
  }
}

/** Splits a long paragraph after sentence ends into pieces of at most `max` characters (a row holds ~409 pt). */
export function splitParagraph(text: string, max = 220): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const sentence of text.match(/[^。；]+[。；]?/gu) ?? [text]) {
    if (current !== "" && Array.from(current + sentence).length > max) {
      pieces.push(current);
      current = "";
    }
    current += sentence;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

export function writeBlock(w: SheetWriter, block: DocBlock, next: DocBlock | undefined): void {
  if (block.kind === "heading") {
    const row = w.wide(block.text, block.level === 1 ? "heading1" : "heading2", BODY_SIZE, 26);
    // A heading stays with what follows it: the next paragraph's first row, or a table's first rows.
    w.runs.push({ first: row, last: row + (next?.kind === "table" ? 3 : 1) });
  } else if (block.kind === "paragraph") {
    // Official text indents each paragraph by two ideographic spaces.
    const text = `\u3000\u3000${block.lead ?? ""}${block.text}`;
    for (const piece of splitParagraph(text)) w.wide(piece, "body", BODY_SIZE, 24);
  } else {
    w.table(block.table, block.table.rows.length <= 18);
  }
}

/**
 * An attachment's own sheet: `附件1`, its title, its intro (the report's summary), then its table —
 * whose header row is repeated on every printed page — or one line when the table is empty.
 */
export function attachmentPlan(
  attachment: DocAttachment,
  name: string,
  kind: SheetPlan["kind"] = "notice",
  /** Rows above which the table is streamed (see `STREAMED_TABLE_ROWS`). */
  streamAbove = STREAMED_TABLE_ROWS,
): SheetPlan {
  const w = new SheetWriter(attachment.table.widths);
  w.wide(attachment.label, "label", 14, 24);
  w.wide(attachment.title, "title", 18, 34);
  attachment.intro.forEach((block, i) => writeBlock(w, block, attachment.intro[i + 1]));
  if (attachment.intro.length > 0) w.b.height(w.b.add([]), 12);
  const header = w.b.next;
  w.streamTable(attachment.table, attachment.table.rows.length === 0, streamAbove);
  if (attachment.table.rows.length === 0) w.wide(attachment.empty, "none", BODY_SIZE, 26);
  const repeatRows =
    attachment.intro.length === 0 ? { first: 0, last: header } : { first: header, last: header };
  const repeatedHeight = attachment.intro.length === 0 ? 0 : (w.b.rowHeights[header] ?? TABLE_ROW);
  return {
    name,
    kind,
    rows: w.b.rows,
    styles: STYLES,
    merges: w.b.merges,
    columnWidths: attachment.table.widths,
    rowHeights: w.b.rowHeights,
    freeze: attachment.intro.length === 0 ? { rows: header + 1, columns: 0 } : { rows: 0, columns: 0 },
    print: {
      ...PRINT,
      repeatRows,
      rowBreaks: paginate((r) => w.heightOf(r), w.rowCount, w.runs, {
        print: PRINT,
        widths: attachment.table.widths,
        repeatedHeight,
      }),
    },
    ...(w.bars.length > 0 ? { bars: w.bars } : {}),
    ...(w.body !== undefined ? { body: w.body } : {}),
  };
}
