/**
 * The merged ledger `合并台账` (`notice --with-ledger`, `merge`): every ledger row of the run in
 * the standard template's columns, with canonical values, plus the file and row it came from.
 */
import { dayToSerial } from "../date";
import { COLUMNS, type LedgerRow } from "../ledger";
import { DATE_FORMAT, heightForLines, spanWidth, wrappedLines } from "../plan/layout";
import { type PlanBody, type SheetPlan, expandBody } from "../plan";

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
/** Each column's style: 序号, 推进状态, 完成进度 and 来源行 centred, the dates formatted. */
const STYLE_IDS: readonly string[] = [
  "centre",
  "text",
  "text",
  "text",
  "text",
  "text",
  "date",
  "centre",
  "centre",
  "date",
  "text",
  "text",
  "text",
  "centre",
];

/** Ledger rows that came from one file: the merged ledger's 来源文件 for each of them. */
export interface LedgerSource {
  readonly file: string;
  readonly rows: readonly LedgerRow[];
}

/**
 * The merged ledger's plan: one row per ledger row, in the order given, numbered 1… in 序号 (the
 * source's own numbers repeat across files). Dates are Excel serials formatted `yyyy-mm-dd`,
 * 完成进度 is in percentage points (no `%` format, so reading the sheet back gives the same number).
 *
 * A cell that did not parse (an invalid date, an unknown status…) is `null` in `LedgerRow`, which
 * keeps no raw text: it is written empty here, and the validation report holds the raw value.
 *
 * The rows are a streamed `body` (src/core/plan/plan.ts): each is produced from its `LedgerRow` as
 * it is written, so 100,000 rows never become 1.4 million cell objects held at once.
 *
 * @example mergedLedgerPlan(run.files.map(f => ({ file: f.file, rows: f.rows }))).body?.count
 */
export function mergedLedgerPlan(
  sources: readonly LedgerSource[],
  name: string = MERGED_LEDGER_SHEET,
): SheetPlan {
  const starts: number[] = [];
  let count = 0;
  for (const s of sources) {
    starts.push(count);
    count += s.rows.length;
  }
  let at = 0; // the source of the last row asked for: rows are asked for in order
  const sourceOf = (index: number): number => {
    if (index < starts[at]! || (at + 1 < starts.length && index >= starts[at + 1]!)) {
      at = 0;
      while (at + 1 < starts.length && index >= starts[at + 1]!) at++;
    }
    return at;
  };
  const serial = (day: number | null): number | null => (day === null ? null : dayToSerial(day));
  const body: PlanBody = {
    count,
    styles: STYLE_IDS,
    fill(index, values) {
      const s = sourceOf(index);
      const source = sources[s]!;
      const r = source.rows[index - starts[s]!]!;
      values[0] = index + 1;
      values[1] = r.taskId;
      values[2] = r.category;
      values[3] = r.task;
      values[4] = r.unit;
      values[5] = r.owner;
      values[6] = serial(r.deadline);
      values[7] = r.status;
      values[8] = r.progress;
      values[9] = serial(r.doneDate);
      values[10] = r.evidence;
      values[11] = r.note;
      values[12] = source.file;
      values[13] = r.row;
      let lines = 1;
      for (let k = 0; k < WRAPPED.length; k++) {
        const value = values[WRAPPED[k]!];
        if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, WRAPPED_WIDTHS[k]!));
      }
      return lines > 1 ? heightForLines(lines) : undefined;
    },
  };
  return {
    name,
    kind: "ledger",
    rows: [MERGED_LEDGER_HEADERS.map((h) => ({ value: h, style: "head" }))],
    body,
    styles: {
      head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle", wrap: true },
      text: { border: true, vAlign: "middle", wrap: true },
      centre: { border: true, vAlign: "middle", hAlign: "center" },
      date: { border: true, vAlign: "middle", hAlign: "center", numFmt: DATE_FORMAT },
    },
    merges: [],
    columnWidths: WIDTHS,
    rowHeights: {},
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

/**
 * The merged ledger with every row as cells (`expandBody` of `mergedLedgerPlan`), for rows that
 * each carry their file.
 *
 * @example buildMergedLedgerPlan(run.files.flatMap(f => f.rows.map(r => ({ ...r, file: f.file })))).name
 */
export function buildMergedLedgerPlan(
  rows: ReadonlyArray<LedgerRow & { file: string }>,
  name: string = MERGED_LEDGER_SHEET,
): SheetPlan {
  return expandBody(
    mergedLedgerPlan(
      rows.map((r) => ({ file: r.file, rows: [r] })),
      name,
    ),
  );
}
