/**
 * The notice as a Word document in the 公文 format of SPEC §7 (GB/T 9704 conventions): A4 portrait,
 * margins 37/35/28/26 mm, a 28 × 28 document grid, title 方正小标宋简体 二号, body 仿宋_GB2312 三号,
 * 一级标题 黑体, 二级标题 楷体_GB2312, the ranked tables as Word tables with a repeated header row, the
 * attachments after a page break, and page numbers `— N —` at the foot. It renders the same
 * `NoticeDocument` as the sheet, so the text is the same.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { DocAttachment, DocBlock, DocCell, DocTable, NoticeDocument } from "../../core";
import { FONTS, finishPackage } from "./fonts";

/** Twips (1/20 pt) per millimetre. */
const MM = 56.7;
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
  },
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
/** 28 lines of 28 characters (SPEC §7). */
export const GRID = { lines: 28, chars: 28 } as const;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt; the masthead 小初 36 pt. */
const SIZE = { masthead: 72, title: 44, body: 32, page: 28, table: 20 } as const;
const RED = "C00000";
/** Left and right cell margin in tables (1 mm). */
const CELL_MARGIN = 57;
const FILLS = { red: "FDE2E2", black: "D9D9D9", error: "FCE4E4", warning: "FFF2CC", head: "DDEBF7" } as const;

/** `w:docGrid`: the line pitch in twips and the character pitch's delta from 三号 in 1/4096 pt. */
export function documentGrid(): { linePitch: number; charSpace: number } {
  const linePitch = Math.floor(TEXT_HEIGHT / GRID.lines);
  const charPitchPt = TEXT_WIDTH / GRID.chars / 20;
  return { linePitch, charSpace: Math.round((charPitchPt - SIZE.body / 2) * 4096) };
}

function font(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function run(
  text: string,
  face: string,
  size: number,
  extra: { bold?: boolean; color?: string } = {},
): TextRun {
  return new TextRun({ text, font: font(face), size, ...extra });
}

/** Table text: single spacing, no space around (a spacing element, for `finishPackage`). */
const TABLE_SPACING = { spacing: { before: 0, after: 0 } } as const;

/** Exact line spacing of the grid (28 lines a page) for body text; titles get more. */
function lines(n = 1) {
  return { spacing: { line: documentGrid().linePitch * n, lineRule: LineRuleType.EXACT } };
}

function body(
  text: string,
  options: { lead?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    ...lines(),
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    ...(options.align ? {} : { indent: { firstLine: 640 } }),
    children: [
      ...(options.lead ? [run(options.lead, FONTS.heading2, SIZE.body)] : []),
      run(text, FONTS.body, SIZE.body),
    ],
  });
}

function heading(text: string, level: 1 | 2): Paragraph {
  // keepNext: a heading never ends a page; it moves with the first line of what follows.
  return new Paragraph({
    ...lines(),
    keepNext: true,
    keepLines: true,
    indent: { firstLine: 640 },
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body)],
  });
}

function tableCell(c: DocCell, column: number, table: DocTable, width: number): TableCell {
  const fill = c.tone ? FILLS[c.tone] : c.severity ? FILLS[c.severity] : null;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill } } : {}),
    children: [
      new Paragraph({
        ...TABLE_SPACING,
        alignment: table.textColumns.includes(column) ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [run(c.text, FONTS.body, SIZE.table)],
      }),
    ],
  });
}

/** Twips a text needs on one line at the table's size (10 pt: 200 twips a CJK character), with margins. */
function needed(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62;
  return Math.ceil(ems * (SIZE.table / 2) * 20) + 2 * CELL_MARGIN + 40;
}

/**
 * Column widths over the text width. Every column gets what its header and its cells need on one
 * line (in text columns, cells of up to 12 characters: names, task ids). When that is too wide, the
 * columns that do not wrap (numbers, rates, dates, day counts) keep their width — `100.0%` or a date
 * broken over two lines is misread — and the main text column (the widest of the sheet's text
 * columns: 重点任务, 入榜理由, 说明) gives way first, down to what its longest cell needs or a fifth of
 * the width, whichever is less (a task of 25 characters then takes three lines of nine); only then do
 * the other text columns (单位, 责任人: a name broken in two is worse than a task on three lines)
 * shrink and wrap, and when even that does not fit every column shrinks in proportion. The main
 * column takes whatever width is left over.
 */
export function wordColumnWidths(table: DocTable, width = TEXT_WIDTH): number[] {
  const texts = table.textColumns.filter((i) => i < table.headers.length);
  const main = texts.reduce<number | null>(
    (best, i) => (best === null || (table.widths[i] ?? 0) > (table.widths[best] ?? 0) ? i : best),
    null,
  );
  const need = table.headers.map((h, i) => {
    if (i === main) return needed(h);
    const wraps = texts.includes(i);
    // A reduce, not Math.max(...): 附件3 may hold a hundred thousand rows.
    return table.rows.reduce((most, r) => {
      const t = r[i]?.text ?? "";
      return wraps && Array.from(t).length > 12 ? most : Math.max(most, needed(t));
    }, needed(h));
  });
  const total = need.reduce((a, b) => a + b, 0);
  const proportional = () => need.map((n) => Math.floor((n / total) * width));
  if (main === null) return total <= width ? need : proportional();

  const longest = table.rows.reduce((most, r) => Math.max(most, needed(r[main]?.text ?? "")), 0);
  const mainFloor = Math.max(need[main]!, Math.min(longest, Math.floor(width * 0.2)));
  const others = total - need[main]!;
  if (others + mainFloor <= width) return need.map((n, i) => (i === main ? width - others : n));

  const wrapping = texts.filter((i) => i !== main);
  const rigid = need.reduce((sum, n, i) => (i === main || wrapping.includes(i) ? sum : sum + n), 0);
  const shrinking = wrapping.reduce((sum, i) => sum + need[i]!, 0);
  const room = width - rigid - mainFloor;
  // The other text columns shrink to no less than two characters' width; else everything shrinks.
  if (shrinking === 0 || room < wrapping.length * needed("单位")) return proportional();
  const scale = Math.min(1, room / shrinking);
  const widths = need.map((n, i) => (wrapping.includes(i) ? Math.floor(n * scale) : n));
  widths[main] = width - widths.reduce((sum, w, i) => (i === main ? sum : sum + w), 0);
  return widths;
}

/** A Word table over the text width, its header row repeated on every page, rows never split. */
function wordTable(table: DocTable): Table {
  const widths = wordColumnWidths(table);
  const headFill = table.tone === "red" ? RED : table.tone === "black" ? "404040" : FILLS.head;
  const headColor = table.tone === "plain" ? "000000" : "FFFFFF";
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.headers.map(
      (h, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: headFill },
          children: [
            new Paragraph({
              ...TABLE_SPACING,
              alignment: AlignmentType.CENTER,
              children: [run(h, FONTS.heading1, SIZE.table, { color: headColor })],
            }),
          ],
        }),
    ),
  });
  const rows = table.rows.map(
    (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => tableCell(c, i, table, widths[i]!)) }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    // Narrow cell margins (1 mm) so that figures such as `100.0%` stay on one line.
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
    rows: [header, ...rows],
  });
}

/**
 * Headings, paragraphs and tables. Word joins two tables with nothing between them into one (the
 * second would lose its own header row), so an empty paragraph follows every table.
 */
function blocks(list: readonly DocBlock[]): Array<Paragraph | Table> {
  return list.flatMap((b): Array<Paragraph | Table> => {
    if (b.kind === "heading") return [heading(b.text, b.level)];
    if (b.kind === "paragraph") return [body(b.text, b.lead ? { lead: b.lead } : {})];
    return [wordTable(b.table), new Paragraph({ ...TABLE_SPACING, children: [] })];
  });
}

function masthead(doc: NoticeDocument): Paragraph[] {
  const line = [doc.banner.issuer, doc.banner.date].filter((x): x is string => x !== null);
  return [
    new Paragraph({
      ...lines(2),
      alignment: AlignmentType.CENTER,
      children: [run(doc.banner.masthead, FONTS.title, SIZE.masthead, { color: RED })],
    }),
    new Paragraph({
      ...lines(),
      alignment: AlignmentType.CENTER,
      children: [run(doc.banner.issue, FONTS.body, SIZE.body)],
    }),
    new Paragraph({
      ...lines(),
      // 发文机关 on the left, 成文日期 on the right (a right tab stop at the text width), ruled off in red.
      tabStops: [{ type: "right", position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      children: [
        run(line.length === 2 ? `${line[0]}\t${line[1]}` : `\t${line[0] ?? ""}`, FONTS.body, SIZE.body),
      ],
    }),
    new Paragraph({ ...lines(), children: [] }),
  ];
}

/**
 * Rows of one attachment's table in the Word version. A province-wide run can list tens of thousands
 * of overdue tasks: in Word that is a thousand pages nobody prints, and the docx library holds every
 * cell in memory (41,000 rows ran past 4 GB). Past this, Word lists the first rows and says where the
 * whole list is — the workbook's attachment sheet, which always holds every row.
 */
export const WORD_TABLE_ROWS = 2_000;

function attachment(a: DocAttachment): Array<Paragraph | Table> {
  const total = a.table.rows.length;
  const shown =
    total > WORD_TABLE_ROWS ? { ...a.table, rows: a.table.rows.slice(0, WORD_TABLE_ROWS) } : a.table;
  return [
    new Paragraph({ ...lines(), pageBreakBefore: true, children: [run(a.label, FONTS.heading1, SIZE.body)] }),
    new Paragraph({
      ...lines(2),
      alignment: AlignmentType.CENTER,
      children: [run(a.title, FONTS.title, SIZE.title, { bold: true })],
    }),
    ...blocks(a.intro),
    ...(total === 0 ? [body(a.empty)] : [wordTable(shown)]),
    ...(total > WORD_TABLE_ROWS
      ? [
          body(
            `（本${a.label}共 ${total} 行，此处列出前 ${WORD_TABLE_ROWS} 行；完整清单见通报工作簿中的${a.label}。）`,
          ),
        ]
      : []),
  ];
}

/** The Word document's children: 版头, title, 主送, body, 落款, attachment line, then each attachment. */
function children(doc: NoticeDocument, attachments: readonly DocAttachment[]): Array<Paragraph | Table> {
  const right = (text: string) =>
    new Paragraph({
      ...lines(),
      alignment: AlignmentType.RIGHT,
      indent: { right: 640 },
      children: [run(text, FONTS.body, SIZE.body)],
    });
  return [
    ...masthead(doc),
    new Paragraph({
      ...lines(2),
      alignment: AlignmentType.CENTER,
      children: [run(doc.title, FONTS.title, SIZE.title, { bold: true })],
    }),
    new Paragraph({
      ...lines(),
      alignment: AlignmentType.CENTER,
      children: [run(doc.subtitle, FONTS.heading2, SIZE.body)],
    }),
    new Paragraph({ ...lines(), children: [run(doc.addressee, FONTS.body, SIZE.body)] }),
    ...blocks(doc.body),
    new Paragraph({ ...lines(), children: [] }),
    ...(doc.signoff.issuer !== null ? [right(doc.signoff.issuer)] : []),
    right(doc.signoff.date),
    new Paragraph({ ...lines(), children: [] }),
    body(doc.attachmentLine),
    ...attachments.flatMap(attachment),
  ];
}

/**
 * The `.docx` bytes of the notice and its attachments (1 and 2 from the document, 3 the report).
 *
 * @example await renderNoticeDocx(workbook.document, [...workbook.document.attachments, workbook.report])
 */
export async function renderNoticeDocx(
  doc: NoticeDocument,
  attachments: readonly DocAttachment[],
): Promise<Uint8Array> {
  const grid = documentGrid();
  const document = new Document({
    creator: "台账助手",
    title: doc.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: grid.linePitch,
            charSpace: grid.charSpace,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    font: font(FONTS.page),
                    size: SIZE.page,
                  }),
                ],
              }),
            ],
          }),
        },
        children: children(doc, attachments),
      },
    ],
  });
  return finishPackage(new Uint8Array(await Packer.toArrayBuffer(document)));
}
