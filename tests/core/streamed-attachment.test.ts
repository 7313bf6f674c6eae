/**
 * A long attachment table is written as the sheet's streamed body (`STREAMED_TABLE_ROWS`): the same
 * sheet as ordinary rows once expanded, and the same .xlsx bytes, or no body at all when its columns
 * are not uniform.
 */
import { nodeCodec } from "../../src/adapters/xlsx/write/deflate-node";
import { renderWorkbook } from "../../src/adapters/xlsx/write/render";
import type { DocAttachment, DocCell } from "../../src/core/document/document";
import { STREAMED_TABLE_ROWS, attachmentPlan } from "../../src/core/document/sheet";
import { expandBody } from "../../src/core/plan";

const TASK = "推进第3项基层党建重点任务落实落细，形成长效机制并按季度报送进展情况";

function taskRow(i: number): DocCell[] {
  return [
    { text: `县市第${(i % 4) + 1}单位` },
    { text: `RW-${String(i).padStart(4, "0")}` },
    // Some rows wrap onto several lines, so the heights differ from row to row.
    { text: i % 3 === 0 ? TASK : "推进任务" },
    { text: `2022-0${(i % 9) + 1}-1${i % 10}`, format: "date" },
    i % 5 === 0 ? { text: "当日到期" } : { text: String(i), number: i },
    { text: i % 2 ? "推进中" : "未启动" },
    { text: `责任人${i}` },
  ];
}

function attachment(rows: DocCell[][]): DocAttachment {
  return {
    label: "附件1",
    title: "逾期任务清单",
    intro: [],
    table: {
      headers: ["单位", "任务编号", "重点任务", "完成时限", "逾期天数", "推进状态", "责任人"],
      widths: [16, 10, 36, 12, 10, 9, 10],
      textColumns: [0, 1, 2, 6],
      tone: "plain",
      rows,
    },
    empty: "本期无逾期任务。",
  };
}

const rows = Array.from({ length: 40 }, (_, i) => taskRow(i + 1));

test("a long table streams: expanded, it is the sheet of ordinary rows, and the .xlsx bytes are the same", () => {
  const plain = attachmentPlan(attachment(rows), "附件1", "notice", Infinity);
  const streamed = attachmentPlan(attachment(rows), "附件1", "notice", 10);
  expect(plain.body).toBeUndefined();
  expect(streamed.body?.count).toBe(40);
  // Only the title, label and header rows are ordinary rows.
  expect(streamed.rows.length).toBe(plain.rows.length - 40);
  expect(expandBody(streamed)).toEqual(plain);
  expect(renderWorkbook({ sheets: [streamed] }, nodeCodec)).toEqual(
    renderWorkbook({ sheets: [plain] }, nodeCodec),
  );
});

test("rows that repeat their neighbours' text (a list sorted by unit and deadline) stream to the same sheet and bytes", () => {
  // Each unit's rows together, deadlines and statuses repeating from row to row; the same text
  // once as a number (逾期天数 5) and once as text, and a wrapping task between two short ones.
  const sorted = [...rows]
    .sort((a, b) => a[0]!.text.localeCompare(b[0]!.text))
    .map((r, i) =>
      r.map((c, k): DocCell => {
        if (k === 3) return { text: i < 20 ? "2022-03-01" : "2022-04-01", format: "date" };
        if (k === 4) return i % 4 === 0 ? { text: "5" } : { text: "5", number: 5 };
        if (k === 5) return { text: i < 30 ? "推进中" : "未启动" };
        return c;
      }),
    );
  const plain = attachmentPlan(attachment(sorted), "附件1", "notice", Infinity);
  const streamed = attachmentPlan(attachment(sorted), "附件1", "notice", 10);
  expect(streamed.body?.count).toBe(40);
  expect(expandBody(streamed)).toEqual(plain);
  expect(plain.print?.rowBreaks?.length).toBeGreaterThan(0);
  expect(renderWorkbook({ sheets: [streamed] }, nodeCodec)).toEqual(
    renderWorkbook({ sheets: [plain] }, nodeCodec),
  );
});

test("a table streams only above the limit, and only when each column keeps one style and links nowhere", () => {
  expect(STREAMED_TABLE_ROWS).toBeGreaterThan(18);
  expect(attachmentPlan(attachment(rows), "附件1", "notice", 40).body).toBeUndefined();
  expect(attachmentPlan(attachment(rows), "附件1", "notice", 39).body?.count).toBe(40);

  // A 完成时限 that is no date is text in the date column: another style, so ordinary rows.
  const odd = rows.map((r, i) =>
    i === 7 ? r.map((c, k) => (k === 3 ? { text: "10月底", format: "date" as const } : c)) : r,
  );
  const oddPlain = attachmentPlan(attachment(odd), "附件1", "notice", Infinity);
  expect(attachmentPlan(attachment(odd), "附件1", "notice", 10)).toEqual(oddPlain);
  expect(oddPlain.rows[10]![3]).toEqual({ value: "10月底", style: "centre" });

  // A cell linking into the workbook needs a plan cell of its own.
  const linked = rows.map((r, i) =>
    i === 3 ? [{ ...r[0]!, link: { sheet: "台账", cell: "B4" } }, ...r.slice(1)] : r,
  );
  expect(attachmentPlan(attachment(linked), "附件1", "notice", 10).body).toBeUndefined();
});

test("the streamed rows keep the heights pagination used: a wrapping task makes its row taller", () => {
  const streamed = expandBody(attachmentPlan(attachment(rows), "附件1", "notice", 10));
  const header = streamed.rows.findIndex((r) => r[0]?.value === "单位");
  const heights = rows.map((_, i) => streamed.rowHeights?.[header + 1 + i]);
  expect(heights[2]).toBeGreaterThan(heights[0]!); // row 3 holds the long task
  expect(new Set(heights).size).toBeGreaterThan(1);
});

test("rows holding the very cells of the rows above (a task list's repeats) stream as rows of copies do", () => {
  // One unit, one date and one wrapping task held by runs of rows; a days cell shared as text.
  const unit: DocCell = { text: "县市第1单位" };
  const date: DocCell = { text: "2022-03-01", format: "date" };
  const wrapping: DocCell = { text: TASK };
  const days: DocCell = { text: "当日到期" };
  const shared = rows.map((r, i) =>
    r.map((c, k): DocCell => {
      if (k === 0) return unit;
      if (k === 2 && i >= 5 && i < 15) return wrapping;
      if (k === 3 && i < 25) return date;
      if (k === 4 && i >= 30) return days;
      return c;
    }),
  );
  const copies = shared.map((r) => r.map((c) => ({ ...c })));
  const streamed = attachmentPlan(attachment(shared), "附件1", "notice", 10);
  expect(streamed.body?.count).toBe(40);
  expect(expandBody(streamed)).toEqual(expandBody(attachmentPlan(attachment(copies), "附件1", "notice", 10)));
  expect(expandBody(streamed)).toEqual(attachmentPlan(attachment(shared), "附件1", "notice", Infinity));
  // The shared wrapping task makes each of its rows taller than a row of a short task.
  const heights = expandBody(streamed).rowHeights!;
  const header = streamed.rows.findIndex((r) => r[0]?.value === "单位");
  expect(heights[header + 1 + 6]).toBeGreaterThan(heights[header + 1 + 16]!);
});
