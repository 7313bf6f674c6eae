/**
 * 退回修改 in the add-in: the open workbook holds many units' rows (a merged ledger, or one ledger
 * sheet shared by several units), and each unit gets back a workbook of its own — the title and
 * header rows, its rows, the cells marked, and `退回修改说明`. Core cuts the rows and moves the
 * issues to their new rows; adapters render the sheet and apply the marks.
 */
import { isDateFormat } from "../cell";
import { type IsoDate, dateToDay, dayToSerial } from "../date";
import { type CellRange, type CellValue, type WorkbookGrid, a1, isCellError, parseA1 } from "../grid";
import type { IssueData } from "../issue";
import type { LedgerRow, LedgerSheetSummary } from "../ledger";
import type { CellStyle, PlanCell, PlanValue, SheetPlan } from "../plan";
import { type Feedback, buildFeedback } from "./feedback";

/** The name under which rows whose unit is empty or unknown are returned. */
export const FEEDBACK_UNIDENTIFIED_UNIT = "未识别单位";

/** One unit's workbook to send back: its ledger sheet(s) and the feedback to apply on them. */
export interface UnitFeedback {
  readonly unit: string;
  /** `<单位>-退回修改.xlsx` */
  readonly fileName: string;
  /** The unit's part of each ledger sheet, in workbook order (same sheet names). */
  readonly sheets: readonly SheetPlan[];
  /** Marks and the instructions sheet, in the coordinates of `sheets`. */
  readonly feedback: Feedback;
}

export interface UnitFeedbackOptions {
  readonly asOf: IsoDate;
  readonly resubmitDays?: number | undefined;
}

/** Days from 1900-system serial 0 to 1904-system serial 0: a 1904 serial + 1462 is the 1900 serial of the same day. */
const DAYS_1904 = 1462;

/** A grid value as a plan writes it (in the 1900 date system of a new workbook). */
function planValue(value: CellValue, format: string | undefined, date1904: boolean): PlanValue {
  if (typeof value === "number" && date1904 && isDateFormat(format)) return value + DAYS_1904;
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return dayToSerial(dateToDay(value));
  if (isCellError(value)) return value.error; // as text: it is still reported as a formula error
  return null;
}

/** Characters a sheet or file name cannot hold (Windows and Excel), replaced by `_`. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|[\]]/g, "_").trim() || FEEDBACK_UNIDENTIFIED_UNIT;
}

/**
 * One workbook per unit that has issues, from a validated workbook: every ledger sheet keeps its
 * rows above and at the header, then only that unit's rows (vertical merges in the data area
 * written out into each row), values and number formats as they are. Row issues follow their row;
 * header issues (`missing-column`, `unknown-column`…) go to every unit; issues on rows that were not
 * copied (blank rows) and on other sheets (`设置`, `单位名册`) stay behind.
 *
 * @example unitFeedbackWorkbooks(grid, result, { asOf: "2022-10-31" }).map((u) => u.fileName)
 */
export function unitFeedbackWorkbooks(
  workbook: WorkbookGrid,
  validation: {
    readonly sheets: readonly LedgerSheetSummary[];
    readonly rows: readonly LedgerRow[];
    readonly issues: readonly IssueData[];
  },
  options: UnitFeedbackOptions,
): UnitFeedback[] {
  // Unit of every data row, per sheet.
  const unitOf = new Map<string, Map<number, string>>();
  // In the order the rows first name them (a Set keeps insertion order; a list's `includes` would
  // cost rows × units on a province's merged ledger).
  const units = new Set<string>();
  for (const row of validation.rows) {
    const unit = row.unit ?? FEEDBACK_UNIDENTIFIED_UNIT;
    units.add(unit);
    let bySheet = unitOf.get(row.sheet);
    if (!bySheet) unitOf.set(row.sheet, (bySheet = new Map()));
    bySheet.set(row.row, unit);
  }
  const out: UnitFeedback[] = [];
  for (const unit of units) {
    const sheets: SheetPlan[] = [];
    const issues: IssueData[] = [];
    for (const summary of validation.sheets) {
      const grid = workbook.sheets.find((s) => s.name === summary.sheet);
      const rowsOfSheet = unitOf.get(summary.sheet);
      if (!grid || !rowsOfSheet) continue;
      const kept = [...rowsOfSheet].filter(([, u]) => u === unit).map(([r]) => r);
      if (kept.length === 0) continue;
      // Old (1-based) row → new (1-based) row.
      const moved = new Map<number, number>();
      for (let r = 1; r <= summary.headerRow; r++) moved.set(r, r);
      kept.sort((a, b) => a - b).forEach((r, i) => moved.set(r, summary.headerRow + 1 + i));
      sheets.push(unitSheet(grid, moved, summary.headerRow, workbook.date1904));
      for (const issue of validation.issues) {
        if (issue.sheet !== summary.sheet || issue.cell === null || issue.row === null) continue;
        const to = moved.get(issue.row);
        const at = parseA1(issue.cell);
        if (to === undefined || at === null) continue;
        issues.push({ ...issue, row: to, cell: a1(to - 1, at.column) });
      }
    }
    if (issues.length === 0) continue;
    const file = `${safeFileName(unit)}-退回修改.xlsx`;
    out.push({
      unit,
      fileName: file,
      sheets,
      feedback: buildFeedback(issues, {
        file,
        asOf: options.asOf,
        resubmitDays: options.resubmitDays,
        unit: unit === FEEDBACK_UNIDENTIFIED_UNIT ? null : unit,
        existingSheets: sheets.map((s) => s.name),
      }),
    });
  }
  return out;
}

/**
 * The unit's copy of one ledger sheet: rows in `moved` order, values and number formats kept. `moved`
 * maps onto rows 1…n without a gap (the rows above the data, then the unit's), so every row is set.
 */
function unitSheet(
  grid: WorkbookGrid["sheets"][number],
  moved: ReadonlyMap<number, number>,
  headerRow: number,
  date1904: boolean,
): SheetPlan {
  // A vertical merge in the data area: its top-left value fills every row it covers (SPEC §3).
  const fill = new Map<string, CellValue>();
  // Per 0-based row, the column just past the last merged cell it holds (a row's width).
  const fillEnd = new Map<number, number>();
  const merges: CellRange[] = [];
  for (const m of grid.merges) {
    if (m.bottom < headerRow) {
      merges.push(m); // title and metadata merges stay as they are
      continue;
    }
    const value = grid.values[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) fill.set(`${r}:${c}`, value);
      fillEnd.set(r, Math.max(fillEnd.get(r) ?? 0, m.right + 1));
    }
  }
  const styles: Record<string, CellStyle> = {};
  const styleOf = new Map<string, string>();
  const rows: Array<Array<PlanCell | null>> = [];
  let width = 0;
  for (const [from, to] of moved) {
    const values = grid.values[from - 1] ?? [];
    const formats = grid.numberFormats[from - 1] ?? [];
    const cells: Array<PlanCell | null> = [];
    const last = Math.max(values.length, fillEnd.get(from - 1) ?? 0);
    for (let c = 0; c < last; c++) {
      const raw = fill.has(`${from - 1}:${c}`) ? fill.get(`${from - 1}:${c}`)! : (values[c] ?? null);
      const format = formats[c];
      let style: string | undefined;
      if (format !== undefined) {
        style = styleOf.get(format);
        if (style === undefined) {
          style = `f${styleOf.size}`;
          styleOf.set(format, style);
          styles[style] = { numFmt: format };
        }
      }
      const value = planValue(raw, format, date1904);
      cells.push(
        value === null && style === undefined ? null : style === undefined ? { value } : { value, style },
      );
    }
    width = Math.max(width, cells.length);
    rows[to - 1] = cells;
  }
  return {
    name: grid.name,
    // Like a template from `split`: the unit fills it in and sends it back.
    kind: "template",
    rows,
    styles,
    merges,
    columnWidths: Array.from({ length: width }, () => 14),
    freeze: { rows: headerRow, columns: 0 },
  };
}
