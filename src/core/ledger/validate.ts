/**
 * Validation of one ledger sheet (SPEC §4), in the order the rules apply: the header
 * (`./header.ts`), the data area and its blank runs (`./data-area.ts`), each data row's cells
 * (`./row.ts`), the row rules (`./row-rules.ts`) and, across rows, `duplicate-task`. It returns
 * typed rows plus issues and never changes the grid.
 */
import type { CellValue, SheetGrid } from "../grid";
import { parseText } from "../cell/parse-cell";
import { type IssueData, countIssues } from "../issue/issue";
import { enumKey } from "../text/text";
import type { ColumnKey } from "./columns";
import { blankRowIssue, findDataArea } from "./data-area";
import { readHeader } from "./header";
import { type LedgerContext, type ParsedRow, MergeFill, RowReader } from "./row";
import { ROW_RULES } from "./row-rules";
import type { Status } from "./status";

export type { LedgerContext };

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

/**
 * At most this many issues per workbook are kept. Each issue is a few hundred bytes (more once it
 * is printed), so a sheet in the wrong template (500,000 issues in 100,000 rows) would otherwise
 * take a run past a gigabyte; a file over it is that file's error (`TooManyIssuesError`), never the
 * run's crash. 200,000 is two fully wrong columns of a 100,000-row ledger.
 */
export const MAX_ISSUES_PER_WORKBOOK = 200_000;

/** Validation stopped: the workbook has more than `limit` issues (at `row` of `sheet`). */
export class TooManyIssuesError extends Error {
  override readonly name = "TooManyIssuesError";
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} issues: stopped at row ${row} of sheet ${sheet}`);
  }
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

export interface LedgerSheetResult {
  readonly summary: LedgerSheetSummary;
  readonly rows: readonly LedgerRow[];
  readonly issues: readonly IssueData[];
  /** 0-based column of each key found. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
}

/**
 * Validates one sheet whose header row was found. `headerRow` is 0-based. With a required column
 * missing, the rows are counted but not checked (and no `blank-row` is reported).
 *
 * @example validateLedgerSheet(grid, findHeaderRow(grid)!, context).issues
 */
export function validateLedgerSheet(
  sheet: SheetGrid,
  headerRow: number,
  context: LedgerContext,
  /**
   * Issues this sheet may have before its validation stops (`TooManyIssuesError`), and the
   * workbook's limit that error names.
   */
  issueLimit: { readonly budget: number; readonly limit: number } = {
    budget: MAX_ISSUES_PER_WORKBOOK,
    limit: MAX_ISSUES_PER_WORKBOOK,
  },
): LedgerSheetResult {
  const header = readHeader(sheet, headerRow);
  const area = findDataArea(sheet, header);
  const issues: IssueData[] = header.issues.slice();
  const rows: LedgerRow[] = [];
  if (header.missing.length === 0) {
    const reader = new RowReader(sheet, header.columns, new MergeFill(sheet, headerRow), context, issues);
    const firstOccurrence = new FirstRows();
    const withSource = header.columns.sourceFile !== undefined && header.columns.sourceRow !== undefined;
    let run = 0; // the next blank run to report: each goes before the data row that follows it
    for (const r of area.dataRows) {
      for (; run < area.blankRuns.length && area.blankRuns[run]!.first < r; run++)
        issues.push(blankRowIssue(sheet, header, area.blankRuns[run]!));
      reader.begin(r);
      const parsed = reader.parse();
      for (const rule of ROW_RULES) {
        const broken = rule.check(parsed, context);
        if (broken) reader.report(rule.column, broken);
      }
      const duplicate = checkDuplicate(parsed, r, firstOccurrence, reader);
      const row = ledgerRow(sheet.name, r, parsed, duplicate, reader.errors);
      if (withSource) addSource(row, reader.value("sourceFile"), reader.value("sourceRow"));
      rows.push(row);
      if (issues.length > issueLimit.budget)
        throw new TooManyIssuesError(sheet.name, r + 1, issueLimit.limit);
    }
  }
  const { errors, warnings } = countIssues(issues);
  return {
    summary: { sheet: sheet.name, headerRow: headerRow + 1, rows: area.dataRows.length, errors, warnings },
    rows,
    issues,
    columns: header.columns,
  };
}

/**
 * `duplicate-task`: the same (unit, taskId) again in the sheet, on the later occurrence's taskId
 * cell; skipped when either did not parse. Returns whether this row is such a repeat.
 */
function checkDuplicate(
  parsed: ParsedRow,
  r: number,
  firstOccurrence: FirstRows,
  reader: RowReader,
): boolean {
  const { taskId, unit } = parsed;
  if (taskId.value === null || unit.value === null) return false;
  // Compared after NFKC without white space (SPEC §3), so `Ａ-1` and `A-1` are the same task.
  const id = enumKey(taskId.value);
  const tasks = firstOccurrence.tasks(unit.value);
  const first = tasks.get(id);
  if (first === undefined) {
    tasks.set(id, r + 1);
    return false;
  }
  reader.report("taskId", { code: "duplicate-task", params: { firstRow: first } });
  return true;
}

/**
 * The first row of each (unit, task id) in a sheet, by unit then task id, with no key built per
 * row: units are compared by `enumKey`, computed once per distinct unit text.
 */
class FirstRows {
  private readonly byText = new Map<string, Map<string, number>>();
  private readonly byKey = new Map<string, Map<string, number>>();

  /** The task ids seen so far for `unit`, with their first (1-based) row. */
  tasks(unit: string): Map<string, number> {
    let tasks = this.byText.get(unit);
    if (tasks === undefined) {
      const key = enumKey(unit);
      tasks = this.byKey.get(key);
      if (tasks === undefined) this.byKey.set(key, (tasks = new Map()));
      this.byText.set(unit, tasks);
    }
    return tasks;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** 来源文件 / 来源行 of a merged ledger's row, when both are there (they are not validated). */
function addSource(row: Mutable<LedgerRow>, file: CellValue, line: CellValue): void {
  const name = parseText(file);
  const n = typeof line === "number" ? line : typeof line === "string" ? Number(line.trim()) : NaN;
  if (name.kind !== "ok" || !Number.isInteger(n) || n < 1) return;
  row.sourceFile = name.value;
  row.sourceRow = n;
}

function ledgerRow(
  sheet: string,
  r: number,
  p: ParsedRow,
  duplicate: boolean,
  errors: number,
): Mutable<LedgerRow> {
  return {
    sheet,
    row: r + 1,
    taskId: p.taskId.value,
    category: p.category.value,
    task: p.task.value,
    unit: p.unit.value,
    owner: p.owner.value,
    deadline: p.deadline.value,
    status: p.status.value,
    progress: p.progress.value,
    doneDate: p.doneDate.value,
    evidence: p.evidence.value,
    note: p.note.value,
    duplicate,
    errors,
  };
}
