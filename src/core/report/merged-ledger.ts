/**
 * The merged ledger `合并台账` (`notice --with-ledger`, `merge`): every ledger row of the run in
 * the standard template's columns, with canonical values, plus the file and row it came from.
 */
import { dayToSerial } from "../date";
import { COLUMNS, type LedgerRow } from "../ledger";
import { DATE_FORMAT, RowBuilder, heightForLines, spanWidth, wrappedLines } from "../plan/layout";
import type { PlanCell, SheetPlan } from "../plan";

export const MERGED_LEDGER_SHEET = "合并台账";

/** The standard header (SPEC §2) then the source columns. */
export const MERGED_LEDGER_HEADERS: readonly string[] = [
  ...COLUMNS.map((c) => c.header),
  "来源文件",
  "来源行",
];

const WIDTHS = [6, 12, 14, 40, 18, 10, 12, 10, 10, 12, 24, 16, 20, 8];
/** Columns whose text wraps (and sets the row height): 重点任务, 佐证材料, 备注, 来源文件. */
const WRAPPED = [3, 10, 11, 12];
const WRAPPED_WIDTHS = WRAPPED.map((c) => spanWidth(WIDTHS, c, c));

/**
 * The merged ledger's plan: one row per ledger row, in the order given, numbered 1… in 序号 (the
 * source's own numbers repeat across files). Dates are Excel serials formatted `yyyy-mm-dd`,
 * 完成进度 is in percentage points (no `%` format, so reading the sheet back gives the same number).
 *
 * A cell that did not parse (an invalid date, an unknown status…) is `null` in `LedgerRow`, which
 * keeps no raw text: it is written empty here, and the validation report holds the raw value.
 *
 * @example buildMergedLedgerPlan(run.files.flatMap(f => f.rows.map(r => ({ ...r, file: f.file })))).name
 */
export function buildMergedLedgerPlan(
  rows: ReadonlyArray<LedgerRow & { file: string }>,
  name: string = MERGED_LEDGER_SHEET,
): SheetPlan {
  const b = new RowBuilder();
  b.add(MERGED_LEDGER_HEADERS.map((h) => ({ value: h, style: "head" })));
  const date = (day: number | null): PlanCell => ({
    value: day === null ? null : dayToSerial(day),
    style: "date",
  });
  const text = (value: string | null): PlanCell => ({ value, style: "text" });
  rows.forEach((r, i) => {
    const cells: PlanCell[] = [
      { value: i + 1, style: "centre" },
      text(r.taskId),
      text(r.category),
      text(r.task),
      text(r.unit),
      text(r.owner),
      date(r.deadline),
      { value: r.status, style: "centre" },
      { value: r.progress, style: "centre" },
      date(r.doneDate),
      text(r.evidence),
      text(r.note),
      text(r.file),
      { value: r.row, style: "centre" },
    ];
    const row = b.add(cells);
    let lines = 1;
    for (let k = 0; k < WRAPPED.length; k++) {
      const value = cells[WRAPPED[k]!]!.value;
      if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, WRAPPED_WIDTHS[k]!));
    }
    if (lines > 1) b.height(row, heightForLines(lines));
  });
  return {
    name,
    kind: "ledger",
    rows: b.rows,
    styles: {
      head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle", wrap: true },
      text: { border: true, vAlign: "middle", wrap: true },
      centre: { border: true, vAlign: "middle", hAlign: "center" },
      date: { border: true, vAlign: "middle", hAlign: "center", numFmt: DATE_FORMAT },
    },
    merges: b.merges,
    columnWidths: WIDTHS,
    rowHeights: b.rowHeights,
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 0 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    },
  };
}
