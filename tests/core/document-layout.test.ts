/**
 * The printed layout of the notice's sheets (SPEC §7), rule by rule: the printable page height,
 * where manual page breaks fall (no heading or short table split from what it keeps), how a table's
 * columns map onto the sheet's, and how headings, paragraphs, tables and attachments are laid out.
 * Expected figures are worked out by hand from the rules written beside each function.
 */
import {
  type DocAttachment,
  type DocCell,
  type DocTable,
  SheetWriter,
  TABLE_ROW,
  attachmentPlan,
  pageHeight,
  paginate,
  spanColumns,
  splitParagraph,
  writeBlock,
} from "../../src/core/document";
import type { PrintSetup } from "../../src/core/plan";

const PORTRAIT: PrintSetup = { orientation: "portrait", paperSize: "A4", fitToWidth: false };
/** A4 portrait, default margins (0.75 in top and bottom), 90 % of it: (842 − 108) × 0.9. */
const PAGE = 660.6;

describe("pageHeight", () => {
  it("is 90 % of the paper's height less the margins, in the orientation asked for", () => {
    expect(pageHeight(PORTRAIT, [])).toBeCloseTo(PAGE, 9);
    expect(pageHeight({ ...PORTRAIT, orientation: "landscape" }, [])).toBeCloseTo((595 - 108) * 0.9, 9);
    const margins = { left: 0.5, right: 0.5, top: 1, bottom: 1 };
    expect(pageHeight({ ...PORTRAIT, margins }, [])).toBeCloseTo((842 - 144) * 0.9, 9);
  });

  it("grows by the scale a sheet printed one page wide is shrunk to, never shrinks", () => {
    const margins = { left: 0.55, right: 0.55, top: 0.7, bottom: 0.7 };
    const fit = { ...PORTRAIT, fitToWidth: true, margins };
    // Two columns of 100 units: (100 × 7 + 5) × 0.75 = 528.75 pt each; the paper holds 595 − 79.2.
    const scale = (595 - 79.2) / (2 * 528.75);
    expect(pageHeight(fit, [100, 100])).toBeCloseTo(((842 - 100.8) / scale) * 0.9, 6);
    // Narrow columns fit as they are: no scaling up.
    expect(pageHeight(fit, [10])).toBeCloseTo((842 - 100.8) * 0.9, 9);
    // Without fitting, the width does not matter.
    expect(pageHeight({ ...fit, fitToWidth: false }, [100, 100])).toBeCloseTo((842 - 100.8) * 0.9, 9);
  });

  it("leaves out the rows repeated at the top of every page", () => {
    expect(pageHeight(PORTRAIT, [], 30)).toBeCloseTo(PAGE - 30, 9);
  });
});

describe("paginate", () => {
  const layout = { print: PORTRAIT, widths: [10] };

  it("breaks before the row that would overflow the page; rows default to 16 pt", () => {
    // 41 rows × 16 = 656 ≤ 660.6; the 42nd would make 672.
    expect(paginate({}, 50, [], layout)).toEqual([41]);
    expect(paginate({}, 41, [], layout)).toEqual([]);
    // The repeated rows take their height from every page: 35 × 16 = 560 ≤ 560.6.
    expect(paginate({}, 50, [], { ...layout, repeatedHeight: 100 })).toEqual([35]);
  });

  it("never breaks before the first row of a page, even one taller than a page", () => {
    expect(paginate({ 0: 700 }, 3, [], layout)).toEqual([1]);
    // Heights may come from a function (a streamed body keeps its own): the same breaks.
    expect(paginate((r) => (r === 0 ? 700 : undefined), 3, [], layout)).toEqual([1]);
    expect(paginate((r) => (r === 2 ? 700 : undefined), 4, [], layout)).toEqual([2, 3]);
  });

  it("fills a page exactly without a break", () => {
    const page = pageHeight(PORTRAIT, []);
    expect(paginate({ 0: page - 16 }, 2, [], layout)).toEqual([]);
    expect(paginate({ 0: page - 16 }, 3, [], layout)).toEqual([2]);
  });

  it("moves a run that does not fit to the next page whole, and leaves one that fits", () => {
    // At row 40, 640 pt are used: the run 40–41 (32 pt) would end at 672.
    expect(paginate({}, 50, [{ first: 40, last: 41 }], layout)).toEqual([40]);
    // A run that fits (rows 10–12) moves nothing.
    expect(
      paginate(
        {},
        50,
        [
          { first: 10, last: 12 },
          { first: 40, last: 41 },
        ],
        layout,
      ),
    ).toEqual([40]);
    // Exactly filling the page counts as fitting.
    const page = pageHeight(PORTRAIT, []);
    expect(paginate({ 0: page - 32 }, 3, [{ first: 1, last: 2 }], layout)).toEqual([]);
  });

  it("keeps a run exactly one page tall on one page", () => {
    const page = pageHeight(PORTRAIT, []);
    expect(paginate({ 1: page - 16 }, 3, [{ first: 1, last: 2 }], layout)).toEqual([1]);
  });

  it("leaves a run taller than a page to break where it must", () => {
    // Row 0 is 100 pt; rows 1–60 (960 pt) cannot be kept together: the break falls at row 36,
    // where 100 + 36 × 16 = 676 first passes the page.
    expect(paginate({ 0: 100 }, 61, [{ first: 1, last: 60 }], layout)).toEqual([36]);
  });

  it("joins overlapping runs, in whatever order they come", () => {
    // 30–36 and 35–45 are one run of 16 rows (256 pt); at row 30, 480 pt are used.
    const runs = [
      { first: 35, last: 45 },
      { first: 30, last: 36 },
    ];
    expect(paginate({}, 60, runs, layout)).toEqual([30]);
    expect(paginate({}, 60, [...runs].reverse(), layout)).toEqual([30]);
  });

  it("clips a run at the last row", () => {
    // Rows 39–40 (32 pt) fit after 624 pt: nothing past row 40 counts.
    expect(paginate({}, 41, [{ first: 39, last: 45 }], layout)).toEqual([]);
  });
});

describe("spanColumns", () => {
  it("gives each table column the sheet columns nearest its share of the width", () => {
    expect(spanColumns([1, 1], [1, 1, 1, 1])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(spanColumns([3, 1], [1, 1, 1, 1])).toEqual([
      [0, 2],
      [3, 3],
    ]);
    expect(spanColumns([2, 2], [1, 3])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it("leaves one sheet column for each table column still to place", () => {
    // The first column's share (10/12 of 5) is nearest the 4th edge, but two columns follow it.
    expect(spanColumns([10, 1, 1], [1, 1, 1, 1, 1])).toEqual([
      [0, 2],
      [3, 3],
      [4, 4],
    ]);
  });

  it("places each later column from where the last one ended", () => {
    // Shares 1/3 and 2/3 of 6 fall on the 2nd and 4th edges.
    expect(spanColumns([1, 1, 1], [1, 1, 1, 1, 1, 1])).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it("takes the further edge on a tie", () => {
    // 1.5 lies halfway between the edges 1 and 2.
    expect(spanColumns([1, 1], [1, 1, 1])).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });
});

describe("splitParagraph", () => {
  it("splits after sentence ends so that no piece passes the limit, losing nothing", () => {
    expect(splitParagraph("甲。乙。", 4)).toEqual(["甲。乙。"]);
    expect(splitParagraph("甲。乙。", 3)).toEqual(["甲。", "乙。"]);
    expect(splitParagraph("甲；乙。丙", 2)).toEqual(["甲；", "乙。", "丙"]);
    expect(splitParagraph("甲。乙", 100)).toEqual(["甲。乙"]);
  });

  it("never splits inside a sentence, however long", () => {
    expect(splitParagraph("甲乙丙丁。", 2)).toEqual(["甲乙丙丁。"]);
    expect(splitParagraph("没有句号的一段话", 3)).toEqual(["没有句号的一段话"]);
  });

  it("keeps text that is only punctuation", () => {
    expect(splitParagraph("。")).toEqual(["。"]);
  });

  it("gives nothing for no text", () => {
    expect(splitParagraph("")).toEqual([]);
  });
});

const cellOf = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, ...extra });

function table(rows: DocCell[][], extra: Partial<DocTable> = {}): DocTable {
  return {
    headers: ["单位", "完成率"],
    widths: [10, 10],
    rows,
    tone: "plain",
    textColumns: [0],
    ...extra,
  };
}

describe("SheetWriter", () => {
  it("writes a wide row across every column, merged, as tall as its text needs", () => {
    const w = new SheetWriter([10, 10, 10]);
    const short = w.wide("通报", "body", 13, 24);
    expect(w.b.rows[short]).toEqual([{ value: "通报", style: "body" }, null, null]);
    expect(w.b.merges).toEqual([{ top: short, left: 0, bottom: short, right: 2 }]);
    expect(w.b.rowHeights[short]).toBe(24);
    const long = w.wide("各县市区党委组织部".repeat(10), "body", 13, 24);
    expect(w.b.rowHeights[long]).toBeGreaterThan(24);
  });

  it("heads a table in its tone", () => {
    const styleOfHead = (tone: DocTable["tone"]) => {
      const w = new SheetWriter([10, 10]);
      w.table(table([], { tone }), true);
      return w.b.rows[0]!.map((c) => c?.style);
    };
    expect(styleOfHead("plain")).toEqual(["head", "head"]);
    expect(styleOfHead("red")).toEqual(["redHead", "redHead"]);
    expect(styleOfHead("black")).toEqual(["blackHead", "blackHead"]);
  });

  it("writes dates as serials, rates as numbers, and what is neither as its text", () => {
    const w = new SheetWriter([10, 10, 10, 10, 10]);
    w.table(
      {
        headers: ["a", "b", "c", "d", "e"],
        widths: [10, 10, 10, 10, 10],
        tone: "plain",
        textColumns: [0],
        rows: [
          [
            cellOf("2022-10-31", { format: "date" }),
            cellOf("10月底", { format: "date" }),
            cellOf("90.0%", { format: "rate", number: 0.9 }),
            cellOf("—", { format: "rate" }),
            cellOf("3", { number: 3 }),
          ],
        ],
      },
      true,
    );
    const row = w.b.rows[1]!;
    // 2022-10-31 is Excel serial 44865.
    expect(row.map((c) => c?.value)).toEqual([44865, "10月底", 0.9, "—", 3]);
    // Column 0 is a text column (left), the others centred.
    expect(row.map((c) => c?.style)).toEqual(["date", "centre", "rate", "centre", "centre"]);
  });

  it("writes text that looks like a date as text when the cell is no date cell", () => {
    const w = new SheetWriter([10, 10]);
    w.table(table([[cellOf("2022-10-31"), cellOf("2022-10-31")]]), true);
    expect(w.b.rows[1]).toEqual([
      { value: "2022-10-31", style: "text" },
      { value: "2022-10-31", style: "centre" },
    ]);
  });

  it("fills red and black rows and error and warning cells", () => {
    const w = new SheetWriter([10, 10]);
    w.table(
      table([
        [cellOf("青山区", { tone: "red" }), cellOf("1", { tone: "red" })],
        [cellOf("江岸区", { severity: "error" }), cellOf("2", { severity: "warning" })],
      ]),
      true,
    );
    expect(w.b.rows[1]!.map((c) => c?.style)).toEqual(["redText", "redCentre"]);
    expect(w.b.rows[2]!.map((c) => c?.style)).toEqual(["errorText", "warningCentre"]);
  });

  it("spreads a narrow table over the sheet's columns, merging each cell's span", () => {
    const w = new SheetWriter([5, 5, 5, 5]);
    const { first, last } = w.table(table([[cellOf("青山区"), cellOf("1")]]), true);
    expect([first, last]).toEqual([0, 1]);
    expect(w.b.rows[1]).toEqual([
      { value: "青山区", style: "text" },
      { value: null, style: "text" },
      { value: "1", style: "centre" },
      { value: null, style: "centre" },
    ]);
    expect(w.b.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]);
    // One line of 11 pt: ⌈11 × 1.45 + 5⌉ = 21, above the 20 pt minimum.
    expect(w.b.rowHeights[1]).toBe(21);
    expect(TABLE_ROW).toBe(20);
  });

  it("spreads a table whose only wide column is its last, or a later one", () => {
    const last = new SheetWriter([1, 1, 1]);
    last.table({ ...table([[cellOf("甲"), cellOf("乙")]]), widths: [1, 2] }, true);
    expect(last.b.rows[1]).toEqual([
      { value: "甲", style: "text" },
      { value: "乙", style: "centre" },
      { value: null, style: "centre" },
    ]);
    expect(last.b.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]);
    const later = new SheetWriter([1, 1, 1, 1]);
    later.table(
      { ...table([[cellOf("甲"), cellOf("乙"), cellOf("丙")]]), headers: ["a", "b", "c"], widths: [1, 1, 2] },
      true,
    );
    expect(later.b.rows[1]!.map((c) => c?.value ?? null)).toEqual(["甲", "乙", "丙", null]);
    expect(later.b.merges).toEqual([
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]);
  });

  it("writes a table on its own columns cell for cell, without merges", () => {
    const w = new SheetWriter([10, 10]);
    w.table(table([[cellOf("青山区"), cellOf("1")]]), true);
    expect(w.b.rows[1]).toEqual([
      { value: "青山区", style: "text" },
      { value: "1", style: "centre" },
    ]);
    expect(w.b.merges).toEqual([]);
  });

  it("keeps a short table on one page and a long one's header with two rows", () => {
    const rows = Array.from({ length: 5 }, (_, i) => [cellOf(`单位${i}`), cellOf(String(i))]);
    const whole = new SheetWriter([10, 10]);
    whole.b.add([]);
    expect(whole.table(table(rows), true)).toEqual({ first: 1, last: 6 });
    expect(whole.runs).toEqual([{ first: 1, last: 6 }]);
    const long = new SheetWriter([10, 10]);
    long.b.add([]);
    long.table(table(rows), false);
    expect(long.runs).toEqual([{ first: 1, last: 3 }]);
  });

  it("draws the rate column's bar over the data rows, and the chart beside the table", () => {
    const w = new SheetWriter([5, 5, 5, 5]);
    w.b.add([]);
    w.table(
      table(
        [
          [cellOf("青山区"), cellOf("90.0%", { format: "rate", number: 0.9 })],
          [cellOf("江岸区"), cellOf("80.0%", { format: "rate", number: 0.8 })],
        ],
        { barColumn: 1, chart: "完成率" },
      ),
      true,
    );
    const values = { top: 2, left: 2, bottom: 3, right: 2 };
    expect(w.bars).toEqual([{ range: values, color: "5B9BD5" }]);
    expect(w.charts).toEqual([
      {
        title: "完成率",
        categories: { top: 2, left: 2, bottom: 3, right: 2 },
        values,
        anchor: { row: 1, column: 5 },
      },
    ]);
    const empty = new SheetWriter([10, 10]);
    empty.table(table([], { barColumn: 1, chart: "完成率" }), true);
    expect(empty.bars).toEqual([]);
    expect(empty.charts).toEqual([]);
  });

  it("streams a long table only when each column keeps one style and spans one sheet column", () => {
    const rows = Array.from({ length: 6 }, (_, i) => [
      cellOf(`单位${i}`),
      cellOf("2022-10-31", { format: "date" }),
    ]);
    const streamed = new SheetWriter([10, 10]);
    expect(streamed.streamTable(table(rows), false, 5)).toEqual({ first: 0, last: 6 });
    expect(streamed.body?.count).toBe(6);
    expect(streamed.body?.styles).toEqual(["text", "date"]);
    expect(streamed.runs).toEqual([{ first: 0, last: 2 }]);
    const values: unknown[] = [null, null];
    streamed.body!.fill(3, values as never, [...streamed.body!.styles]);
    expect(values).toEqual(["单位3", 44865]);
    // Kept whole, the run covers the table.
    const whole = new SheetWriter([10, 10]);
    whole.streamTable(table(rows), true, 5);
    expect(whole.runs).toEqual([{ first: 0, last: 6 }]);

    const notStreamed = (t: DocTable, widths = [10, 10]) => {
      const w = new SheetWriter(widths);
      w.streamTable(t, false, 5);
      return w.body === undefined && w.b.rows.length === t.rows.length + 1;
    };
    // At or below the limit.
    expect(notStreamed(table(rows.slice(0, 5)))).toBe(true);
    // A column whose style changes down the table (a red row).
    expect(notStreamed(table([...rows, [cellOf("红", { tone: "red" }), cellOf("x")]]))).toBe(true);
    // A bar column.
    expect(notStreamed(table(rows, { barColumn: 1 }))).toBe(true);
    // A short row.
    expect(notStreamed(table([...rows, [cellOf("短")]]))).toBe(true);
    // A link.
    expect(
      notStreamed(table([...rows, [cellOf("链", { link: { sheet: "台账", cell: "A1" } }), cellOf("x")]])),
    ).toBe(true);
    // Columns that are not the sheet's.
    expect(notStreamed(table(rows), [5, 5, 5, 5])).toBe(true);
  });

  it("gives each streamed row the height its written values need, the first body row's included", () => {
    const long = "各县市区党委组织部".repeat(4);
    const rows = Array.from({ length: 6 }, (_, i) => [
      cellOf(i % 2 === 0 ? long : `单位${i}`),
      // A figure writes its number: its text, however long, never makes the row taller.
      cellOf(long, { number: i }),
    ]);
    const plain = new SheetWriter([10, 10]);
    plain.table(table(rows), false);
    const streamed = new SheetWriter([10, 10]);
    streamed.streamTable(table(rows), false, 5);
    expect(streamed.body?.count).toBe(6);
    const heights = (w: SheetWriter) => Array.from({ length: w.rowCount }, (_, r) => w.heightOf(r));
    expect(heights(streamed)).toEqual(heights(plain));
    // Row 1 wraps; row 2 is one line, as its header is.
    expect(streamed.heightOf(1)).toBeGreaterThan(streamed.heightOf(0)!);
    expect(streamed.heightOf(2)).toBe(streamed.heightOf(0));
  });

  it("streams text that looks like a date as text when it is not a date cell", () => {
    const rows = Array.from({ length: 6 }, () => [cellOf("2022-10-31"), cellOf("1")]);
    const w = new SheetWriter([10, 10]);
    w.streamTable(table(rows), false, 5);
    const values: unknown[] = [null, null];
    w.body!.fill(0, values as never, [...w.body!.styles]);
    expect(values).toEqual(["2022-10-31", "1"]);
    expect(w.body?.styles).toEqual(["text", "centre"]);
  });
});

describe("writeBlock", () => {
  it("writes headings in their level's style, kept with what follows", () => {
    const w = new SheetWriter([10, 10]);
    writeBlock(w, { kind: "heading", level: 1, text: "一、总体情况" }, { kind: "paragraph", text: "正文" });
    writeBlock(w, { kind: "heading", level: 2, text: "（一）进度" }, { kind: "table", table: table([]) });
    expect(w.b.rows.map((r) => r[0]?.style)).toEqual(["heading1", "heading2"]);
    // With a paragraph: its first row; with a table: its header and two rows.
    expect(w.runs).toEqual([
      { first: 0, last: 1 },
      { first: 1, last: 4 },
    ]);
  });

  it("indents a paragraph by two ideographic spaces, its lead first", () => {
    const w = new SheetWriter([10, 10]);
    writeBlock(w, { kind: "paragraph", lead: "（一）未报送台账。", text: "江岸区未报送。" }, undefined);
    expect(w.b.rows[0]![0]).toEqual({ value: "\u3000\u3000（一）未报送台账。江岸区未报送。", style: "body" });
  });

  it("keeps a table of up to 18 rows on one page", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [cellOf(`单位${i}`), cellOf(String(i))]);
    const w18 = new SheetWriter([10, 10]);
    writeBlock(w18, { kind: "table", table: table(rows(18)) }, undefined);
    expect(w18.runs).toEqual([{ first: 0, last: 18 }]);
    const w19 = new SheetWriter([10, 10]);
    writeBlock(w19, { kind: "table", table: table(rows(19)) }, undefined);
    expect(w19.runs).toEqual([{ first: 0, last: 2 }]);
  });
});

describe("attachmentPlan", () => {
  const attachment = (rows: DocCell[][], intro: DocAttachment["intro"] = []): DocAttachment => ({
    label: "附件1",
    title: "逾期任务清单",
    intro,
    table: table(rows),
    empty: "本期无逾期任务。",
  });

  it("puts label, title and table on its own sheet, the header repeated and frozen", () => {
    const plan = attachmentPlan(attachment([[cellOf("青山区"), cellOf("1")]]), "附件1");
    expect(plan.rows.map((r) => r[0]?.value)).toEqual(["附件1", "逾期任务清单", "单位", "青山区"]);
    expect(plan.rows.map((r) => r[0]?.style)).toEqual(["label", "title", "head", "text"]);
    expect(plan.print?.repeatRows).toEqual({ first: 0, last: 2 });
    expect(plan.freeze).toEqual({ rows: 3, columns: 0 });
    expect(plan.bars).toBeUndefined();
    expect(plan.body).toBeUndefined();
  });

  it("says so in one line when the table is empty", () => {
    const plan = attachmentPlan(attachment([]), "附件1");
    expect(plan.rows.map((r) => r[0]?.value)).toEqual(["附件1", "逾期任务清单", "单位", "本期无逾期任务。"]);
    expect(plan.rows[3]![0]?.style).toBe("none");
  });

  it("writes an intro above the table, a spacer after it, and then repeats only the header", () => {
    const plan = attachmentPlan(
      attachment([[cellOf("青山区"), cellOf("1")]], [{ kind: "paragraph", text: "共发现问题 1 个。" }]),
      "附件3",
    );
    expect(plan.rows.map((r) => r[0]?.value ?? null)).toEqual([
      "附件1",
      "逾期任务清单",
      "\u3000\u3000共发现问题 1 个。",
      null,
      "单位",
      "青山区",
    ]);
    expect(plan.rowHeights?.[3]).toBe(12);
    expect(plan.print?.repeatRows).toEqual({ first: 4, last: 4 });
    expect(plan.freeze).toEqual({ rows: 0, columns: 0 });
  });

  it("carries the bars of a rate column", () => {
    const plan = attachmentPlan(
      {
        ...attachment([]),
        table: table(
          [
            [cellOf("青山区"), cellOf("90.0%", { format: "rate", number: 0.9 })],
            [cellOf("江岸区"), cellOf("80.0%", { format: "rate", number: 0.8 })],
          ],
          { barColumn: 1 },
        ),
      },
      "附件2",
    );
    expect(plan.bars).toEqual([{ range: { top: 3, left: 1, bottom: 4, right: 1 }, color: "5B9BD5" }]);
  });

  it("does not move a table that fits one page below its title to a page of its own", () => {
    // 84 pt of label and title, then the header and 29 rows of 21 pt: the header and 26 rows fit
    // (105 + 21 × 26 = 651 ≤ 667.08), so the break falls at row 29; the table is not kept whole.
    const rows = Array.from({ length: 29 }, (_, i) => [cellOf(`单位${i}`), cellOf(String(i))]);
    expect(attachmentPlan(attachment(rows), "附件1", "notice", 1000).print?.rowBreaks).toEqual([29]);
  });

  it("breaks a long table's pages with the repeated header's height taken off each page", () => {
    // Fit to width, two 10-unit columns: no scaling, a page of (842 − 100.8) × 0.9 = 667.08 pt.
    // Label 26 pt (one line of 14 pt), title 58 pt (逾期任务清单 at 18 pt wraps to two lines in 20
    // units), header and data rows 21 pt (one line of 11 pt: ⌈11 × 1.45 + 5⌉).
    const rows = Array.from({ length: 60 }, (_, i) => [cellOf(`单位${i}`), cellOf(String(i))]);
    const without = attachmentPlan(attachment(rows), "附件1", "notice", 1000);
    // 84 + 21 + 21 × 26 = 651 fit in 667.08 (rows 3–28); the next page holds 31 rows.
    expect(without.print?.rowBreaks).toEqual([29, 60]);
    // With an intro (a 24 pt paragraph and a 12 pt spacer) only the header repeats: 21 pt less a page.
    const withIntro = attachmentPlan(
      attachment(rows, [{ kind: "paragraph", text: "说明。" }]),
      "附件3",
      "notice",
      1000,
    );
    // 120 + 21 + 21 × 24 = 645 fit in 646.08 (rows 5–28); then 30 rows a page.
    expect(withIntro.print?.rowBreaks).toEqual([29, 59]);
  });
});
