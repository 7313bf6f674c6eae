/**
 * Validation of one ledger sheet (SPEC §4): finds the columns, reads every data row with the
 * parsers of §3, applies the row rules, and returns typed rows plus issues. It never changes the grid.
 */
import {
  type CellRange,
  type CellValue,
  type SheetGrid,
  a1,
  cellFormat,
  cellValue,
  firstAtLeast,
  forEachCell,
  presentRows,
} from "../grid";
import { type IssueCode, type IssueData, type IssueParams, makeIssue } from "../issue";
import {
  type CellParse,
  type Vocabulary,
  isEmptyValue,
  isFormulaError,
  parseDate,
  parseEnum,
  parsePercent,
  parseText,
  rawValue,
  reportedValue,
} from "../cell";
import { enumKey } from "../text";
import { type ColumnKey, COLUMNS, COLUMN_BY_KEY, isFooterText, matchHeader } from "./columns";
import { type Status, STATUS_VOCABULARY, isCompleted } from "./status";

/** One data row of a ledger, as parsed. Unparsed or empty cells are `null`. */
export interface LedgerRow {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly taskId: string | null;
  readonly category: string | null;
  readonly task: string | null;
  /** The roster unit the cell resolves to (its canonical name); without a roster, the typed name. */
  readonly unit: string | null;
  readonly owner: string | null;
  /** 完成时限, as a day number. */
  readonly deadline: number | null;
  readonly status: Status | null;
  /** 完成进度 in percentage points. */
  readonly progress: number | null;
  /** 完成时间, as a day number. */
  readonly doneDate: number | null;
  readonly evidence: string | null;
  readonly note: string | null;
  /** A later occurrence of the same (unit, taskId): it does not count again. */
  readonly duplicate: boolean;
  /** Validation errors on this row. */
  readonly errors: number;
  /** In a merged ledger (`合并台账`): the returned file the row came from (来源文件) and its row there (来源行). */
  readonly sourceFile?: string;
  readonly sourceRow?: number;
}

/** Per-sheet figures, as `validate --json` reports them. */
export interface LedgerSheetSummary {
  readonly sheet: string;
  /** 1-based header row. */
  readonly headerRow: number;
  /** Data rows read (blank and footer rows excluded). */
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface LedgerContext {
  readonly date1904: boolean;
  /** The as-of date (统计截止日期) as a day number. */
  readonly asOfDay: number;
  readonly categories: Vocabulary;
  /** `null` when there is no roster: unit names are then not checked. */
  readonly units: Vocabulary | null;
}

export interface LedgerSheetResult {
  readonly summary: LedgerSheetSummary;
  readonly rows: readonly LedgerRow[];
  readonly issues: readonly IssueData[];
  /** 0-based column of each key found. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
}

const REQUIRED_VALUES: ReadonlySet<ColumnKey> = new Set([
  "taskId",
  "category",
  "task",
  "unit",
  "owner",
  "deadline",
  "status",
  "progress",
]);

/**
 * Vertical merges in the data area, read as "the top-left value fills every row of the merge".
 * Looked up per cell (binary search over each column's merges), so a merge down to row 1,048,576
 * costs one entry, not a million. Overlapping merges (which Excel refuses to open) resolve to the
 * one that starts nearest above the cell.
 */
class MergeFill {
  /** column → its vertical merges below the header, sorted by top. */
  private readonly byColumn = new Map<number, CellRange[]>();
  private readonly tops = new Map<number, number[]>();

  constructor(
    private readonly sheet: SheetGrid,
    headerRow: number,
  ) {
    for (const m of sheet.merges) {
      if (m.top <= headerRow || m.bottom === m.top) continue;
      let list = this.byColumn.get(m.left);
      if (!list) this.byColumn.set(m.left, (list = []));
      list.push(m);
    }
    for (const [column, list] of this.byColumn) {
      list.sort((a, b) => a.top - b.top);
      this.tops.set(
        column,
        list.map((m) => m.top),
      );
    }
  }

  /** The merge whose top-left fills (r, c), if any. */
  source(r: number, c: number): CellRange | undefined {
    const tops = this.tops.get(c);
    if (!tops) return undefined;
    const i = firstAtLeast(tops, r) - 1; // the last merge starting above r
    const m = i >= 0 ? this.byColumn.get(c)![i] : undefined;
    return m && m.top < r && r <= m.bottom ? m : undefined;
  }

  value(r: number, c: number): CellValue {
    const m = this.source(r, c);
    return m ? cellValue(this.sheet, m.top, m.left) : cellValue(this.sheet, r, c);
  }

  format(r: number, c: number): string | undefined {
    const m = this.source(r, c);
    return m ? cellFormat(this.sheet, m.top, m.left) : cellFormat(this.sheet, r, c);
  }
}

/** 来源文件 / 来源行 of a merged ledger's row, when both are there (they are not validated). */
function sourceOf(file: CellValue, row: CellValue): { sourceFile?: string; sourceRow?: number } {
  const name = parseText(file);
  const line = typeof row === "number" ? row : typeof row === "string" ? Number(row.trim()) : NaN;
  if (name.kind !== "ok" || !Number.isInteger(line) || line < 1) return {};
  return { sourceFile: name.value, sourceRow: line };
}

/**
 * Validates one sheet whose header row was found. `headerRow` is 0-based.
 *
 * @example validateLedgerSheet(grid, findHeaderRow(grid)!, context).issues
 */
export function validateLedgerSheet(
  sheet: SheetGrid,
  headerRow: number,
  context: LedgerContext,
): LedgerSheetResult {
  const issues: IssueData[] = [];
  const name = sheet.name;
  const headerCells = sheet.values[headerRow] ?? [];

  // Columns: known keys, duplicates and unknown headers.
  const columns: Partial<Record<ColumnKey, number>> = {};
  const tableColumns: number[] = [];
  headerCells.forEach((value, c) => {
    if (isEmptyValue(value)) return;
    tableColumns.push(c);
    const place = { sheet: name, cell: a1(headerRow, c), row: headerRow + 1 };
    const key = typeof value === "string" ? matchHeader(value) : undefined;
    if (key === undefined) {
      issues.push(
        makeIssue("unknown-column", { ...place, column: String(rawValue(value)) }, rawValue(value)),
      );
    } else if (columns[key] !== undefined) {
      issues.push(
        makeIssue("duplicate-column", { ...place, column: COLUMN_BY_KEY[key].header }, rawValue(value), {
          params: { firstRow: headerRow + 1, detail: a1(headerRow, columns[key]) },
        }),
      );
    } else {
      columns[key] = c;
    }
  });
  const firstColumn = tableColumns[0] ?? 0;
  const missing = COLUMNS.filter((c) => c.required && columns[c.key] === undefined);
  for (const c of missing) {
    issues.push(
      makeIssue(
        "missing-column",
        { sheet: name, cell: a1(headerRow, firstColumn), row: headerRow + 1, column: c.header },
        null,
        { params: { key: c.header } },
      ),
    );
  }

  const fill = new MergeFill(sheet, headerRow);
  const valueAt = (r: number, c: number): CellValue => fill.value(r, c);
  const formatAt = (r: number, c: number): string | undefined => fill.format(r, c);
  const inTable = new Set(tableColumns);

  // Row kinds: blank, footer or data. The data area ends at the last row that is neither.
  // A row is judged by its own cells, not by values a merge fills in: SPEC §3 fills merges
  // "inside the data area", so the area is found first. A 责任单位 merged down over rows left
  // empty (a template merged ahead of filling) would otherwise turn each of them into a data row
  // with seven required-missing errors.
  // Cost: the cells present in the row (a row with cells only outside the table is blank).
  const kindOf = (r: number): "blank" | "footer" | "data" => {
    let nonEmpty = 0;
    let footer = 0;
    forEachCell(sheet.values[r], (c, v) => {
      if (!inTable.has(c) || isEmptyValue(v)) return;
      nonEmpty++;
      // Signature lines are sometimes spread over several cells (填报人：… 审核人：…).
      if (isFooterText(v)) footer++;
    });
    if (nonEmpty === 0) return "blank";
    return footer === nonEmpty ? "footer" : "data";
  };
  // A header whose cells are merged down over the next row(s) (a tall two-row header) ends with
  // its merges: the rows it covers are header, not blank rows inside the data.
  let headerEnd = headerRow;
  for (const m of sheet.merges) {
    if (m.top <= headerRow && m.bottom > headerEnd && inTable.has(m.left)) headerEnd = m.bottom;
  }
  // Only the rows present are visited: time and memory follow the cells, not the addresses.
  const present = presentRows(sheet);
  const firstBelowHeader = firstAtLeast(present, headerEnd + 1);
  let lastData = headerEnd;
  for (let i = present.length - 1; i >= firstBelowHeader; i--) {
    if (kindOf(present[i]!) === "data") {
      lastData = present[i]!;
      break;
    }
  }

  const rows: LedgerRow[] = [];
  const firstOccurrence = new Map<string, number>();
  let dataRows = 0;
  const checkRows = missing.length === 0;
  // A run of blank rows (absent, or present without a value in the table) gets one blank-row
  // warning, on its first row, when a data row follows it.
  let blankFrom = -1;
  let expected = headerEnd + 1; // the row after the last one visited
  const blankRun = (from: number): void => {
    // blank-row is a row check too: with a required column missing the rows are not checked.
    if (checkRows) {
      issues.push(
        makeIssue(
          "blank-row",
          { sheet: name, cell: a1(from, firstColumn), row: from + 1, column: null },
          null,
        ),
      );
    }
  };
  for (let i = firstBelowHeader; i < present.length && present[i]! <= lastData; i++) {
    const r = present[i]!;
    if (r > expected && blankFrom < 0) blankFrom = expected; // absent rows before this one
    expected = r + 1;
    const kind = kindOf(r);
    if (kind === "blank") {
      if (blankFrom < 0) blankFrom = r;
      continue;
    }
    if (blankFrom >= 0) {
      blankRun(blankFrom);
      blankFrom = -1;
    }
    if (kind === "footer") continue;
    dataRows++;
    if (!checkRows) continue;
    const rowIssues: IssueData[] = [];
    const add = (
      code: IssueCode,
      key: ColumnKey,
      extra: { suggestion?: string | null; params?: IssueParams } = {},
    ): void => {
      const c = columns[key]!;
      rowIssues.push(
        makeIssue(
          code,
          { sheet: name, cell: a1(r, c), row: r + 1, column: COLUMN_BY_KEY[key].header },
          reportedValue(valueAt(r, c), formatAt(r, c), context.date1904),
          extra,
        ),
      );
    };
    /** Parses one cell; reports its parse issue (at most one per cell); returns the value or null. */
    const read = <T>(key: ColumnKey, parse: (v: CellValue, fmt: string | undefined) => CellParse<T>) => {
      const c = columns[key];
      if (c === undefined) return { value: null, state: "empty" as const };
      const result = parse(valueAt(r, c), formatAt(r, c));
      if (result.kind === "empty") {
        if (REQUIRED_VALUES.has(key)) add("required-missing", key);
        return { value: null, state: "empty" as const };
      }
      if (result.kind === "bad") {
        add(result.code, key, {
          suggestion: result.suggestion ?? null,
          ...(result.params ? { params: result.params } : {}),
        });
        return { value: null, state: "bad" as const };
      }
      if (result.warning) add(result.warning.code, key, { params: result.warning.params });
      return { value: result.value, state: "ok" as const };
    };

    read("seq", (v) => (isFormulaError(v) ? { kind: "bad", code: "formula-error" } : { kind: "empty" }));
    const taskId = read("taskId", parseText);
    const category = read("category", (v) => parseEnum(v, context.categories, "invalid-enum"));
    const task = read("task", parseText);
    const unit = read("unit", (v) =>
      context.units ? parseEnum(v, context.units, "unknown-unit") : parseText(v),
    );
    const owner = read("owner", parseText);
    const deadline = read("deadline", (v) => parseDate(v, context.date1904));
    const status = read("status", (v) => parseEnum(v, STATUS_VOCABULARY, "invalid-enum"));
    const progress = read("progress", parsePercent);
    const doneDate = read("doneDate", (v) => parseDate(v, context.date1904));
    const evidence = read("evidence", parseText);
    const note = read("note", parseText);
    const at = (c: number | undefined): CellValue => (c === undefined ? null : valueAt(r, c));
    const source = sourceOf(at(columns.sourceFile), at(columns.sourceRow));

    // Row rules; each is skipped when a cell it needs failed to parse.
    const st = status.value as Status | null;
    if (st !== null) {
      const done = isCompleted(st);
      if (progress.value !== null) {
        const p = progress.value;
        if ((done && p !== 100) || (st === "未启动" && p !== 0) || (st === "推进中" && p === 100)) {
          add("status-progress-mismatch", "progress", { params: { detail: st } });
        }
      }
      if (done && doneDate.state === "empty")
        add("done-date-missing", "doneDate", { params: { detail: st } });
      if (!done && doneDate.state === "ok")
        add("done-date-unexpected", "doneDate", { params: { detail: st } });
      if (st === "已销号" && evidence.state === "empty") add("evidence-missing", "evidence");
    }
    if (doneDate.value !== null && doneDate.value > context.asOfDay) add("done-date-in-future", "doneDate");

    let duplicate = false;
    if (taskId.value !== null && unit.value !== null) {
      const key = `${enumKey(unit.value)}\u0000${taskId.value}`;
      const first = firstOccurrence.get(key);
      if (first === undefined) firstOccurrence.set(key, r + 1);
      else {
        duplicate = true;
        add("duplicate-task", "taskId", { params: { firstRow: first } });
      }
    }

    for (const issue of rowIssues) issues.push(issue);
    rows.push({
      sheet: name,
      row: r + 1,
      taskId: taskId.value,
      category: category.value,
      task: task.value,
      unit: unit.value,
      owner: owner.value,
      deadline: deadline.value,
      status: st,
      progress: progress.value,
      doneDate: doneDate.value,
      evidence: evidence.value,
      note: note.value,
      duplicate,
      errors: rowIssues.filter((i) => i.severity === "error").length,
      ...source,
    });
  }

  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return {
    summary: {
      sheet: name,
      headerRow: headerRow + 1,
      rows: dataRows,
      errors,
      warnings: issues.length - errors,
    },
    rows,
    issues,
    columns,
  };
}
