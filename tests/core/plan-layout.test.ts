/**
 * The layout helpers every generated sheet uses (`core/plan/layout.ts`, internal to core): which
 * characters count as wide at the edges of each range, surrogate pairs, the row builder's merges and
 * fitted heights, and `expandBody` for renderers that do not stream. Written against the mutants
 * StrykerJS found surviving in `src/core/plan`.
 */
import { type PlanValue, type SheetPlan, expandBody } from "../../src/core";
import { RowBuilder, heightForLines, repeating, textWidth, wrappedLines } from "../../src/core/plan/layout";

describe("textWidth", () => {
  it.each<[number, number]>([
    [0x2e7f, 1],
    [0x2e80, 2],
    [0x200f, 1],
    [0x2010, 2],
    [0x2027, 2],
    [0x2028, 1],
    [0x218f, 1],
    [0x2190, 2],
    [0x21ff, 2],
    [0x2200, 1],
    [0x245f, 1],
    [0x2460, 2],
    [0x24ff, 2],
    [0x2500, 1],
  ])("character code %i is %i unit(s) wide", (code, width) => {
    expect(textWidth(String.fromCharCode(code))).toBe(width);
  });

  it("counts a surrogate pair as one wide character, at both ends of each half's range", () => {
    expect(textWidth("\uD840\uDC00")).toBe(2); // 𠀀
    expect(textWidth("\uD800\uDC00")).toBe(2);
    expect(textWidth("\uDBFF\uDFFF")).toBe(2);
    expect(textWidth("\uD83D\uDE00a")).toBe(3); // 😀a
    // A lone high surrogate is one wide character; what follows it is counted on its own.
    expect(textWidth("\uD840a")).toBe(3);
    expect(textWidth("\uD840\uDBFF")).toBe(4);
    expect(textWidth("\uD840\uE000")).toBe(4);
    expect(textWidth("\uDC00a")).toBe(3);
    // Only a high surrogate takes the low one after it.
    expect(textWidth("a\uDC00")).toBe(3);
    expect(textWidth("甲\uDC00")).toBe(4);
  });
});

describe("wrappedLines", () => {
  it("counts each line of a text with line breaks", () => {
    expect(wrappedLines("甲\n乙\n丙", 20)).toBe(3);
    // 20 units × 1.1 on 10 usable: 3 lines, then 乙 on its own.
    expect(wrappedLines("甲甲甲甲甲甲甲甲甲甲\n乙", 11)).toBe(4);
  });
});

describe("repeating", () => {
  it("makes a value once per run of it, the first call's included, whatever that value is", () => {
    const made: Array<string | undefined> = [];
    const label = repeating((v: string | undefined) => {
      made.push(v);
      return { text: v ?? "（空）" };
    });
    const first = label(undefined);
    expect(first).toEqual({ text: "（空）" });
    expect(label(undefined)).toBe(first);
    const a = label("甲");
    expect(label("甲")).toBe(a);
    expect(label("乙")).toEqual({ text: "乙" });
    expect(label("甲")).not.toBe(a);
    expect(made).toEqual([undefined, "甲", "乙", "甲"]);
  });
});

describe("RowBuilder", () => {
  it("merges only ranges wider or taller than one cell", () => {
    const b = new RowBuilder();
    b.merge(0, 0, 0);
    b.merge(1, 0, 2);
    b.merge(2, 3, 3, 4);
    expect(b.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 3, bottom: 4, right: 3 },
    ]);
  });

  it("fits a row's height to its most wrapped cell, and leaves a one-line row at the default", () => {
    const b = new RowBuilder();
    const short = b.add();
    b.fit(short, [{ text: "青山区", width: 14 }]);
    expect(b.rowHeights[short]).toBeUndefined();
    const long = b.add();
    const text = "推进红色物业全覆盖".repeat(4);
    b.fit(long, [
      { text: "青山区", width: 14 },
      { text, width: 14 },
    ]);
    const lines = wrappedLines(text, 14);
    expect(lines).toBeGreaterThan(1);
    expect(b.rowHeights[long]).toBe(heightForLines(lines));
  });
});

describe("expandBody", () => {
  const plan = (heights: Array<number | undefined>): SheetPlan => ({
    name: "附件1",
    kind: "notice",
    styles: {},
    merges: [],
    columnWidths: [20, 8],
    rows: [[{ value: "head" }]],
    body: {
      count: heights.length,
      styles: ["text", "centre"],
      fill: (index: number, values: PlanValue[]) => {
        values[0] = `任务${index + 1}`;
        if (index === 0) values[1] = 7;
        return heights[index];
      },
    },
  });

  it("writes the body's rows below the others, each value in its column's style", () => {
    const expanded = expandBody(plan([undefined, undefined]));
    expect(expanded.body).toBeUndefined();
    expect(expanded.rows).toEqual([
      [{ value: "head" }],
      [
        { value: "任务1", style: "text" },
        { value: 7, style: "centre" },
      ],
      [
        { value: "任务2", style: "text" },
        { value: 7, style: "centre" },
      ],
    ]);
  });

  it("keeps only finite, positive heights", () => {
    expect(expandBody(plan([30, 0, -5, Number.NaN, Number.POSITIVE_INFINITY, undefined])).rowHeights).toEqual(
      { 1: 30 },
    );
  });

  it("returns a plan without a body as it is", () => {
    const bare: SheetPlan = { name: "x", kind: "notice", rows: [], styles: {}, merges: [], columnWidths: [] };
    expect(expandBody(bare)).toBe(bare);
  });
});
