/**
 * Reading one data row of a ledger (SPEC §3): each known column's cell through its parser, with
 * vertical merges filled in. A cell gets at most one parse issue; an empty required cell is
 * `required-missing`. The row rules (`./row-rules.ts`) then work on the parsed cells.
 */
// Hot code imports from the modules, not their barrels: a compiled barrel's exports are getters,
// called on every use (issue #9).
import {
  type CellRange,
  type CellValue,
  type SheetGrid,
  a1,
  cellFormat,
  cellValue,
  firstAtLeast,
} from "../grid/grid";
import { type IssueData, type IssueDetail, issueFrom } from "../issue/issue";
import {
  type CellParse,
  type Vocabulary,
  isFormulaError,
  parseDate,
  parseEnum,
  parsePercent,
  parseText,
  reportedValue,
} from "../cell/parse-cell";
import { type ColumnKey, COLUMN_BY_KEY } from "./columns";
import { type Status, STATUS_VOCABULARY } from "./status";

export interface LedgerContext {
  readonly date1904: boolean;
  /** The as-of date (统计截止日期) as a day number. */
  readonly asOfDay: number;
  readonly categories: Vocabulary;
  /** `null` when there is no roster: unit names are then not checked. */
  readonly units: Vocabulary | null;
}

/**
 * A parsed cell: whether it was empty, bad or parsed, and its value (null unless `ok`). A parsed
 * cell is its parser's own `ok` result (no second object per cell: 1.1 million of a 100k-row ledger).
 */
export interface ParsedCell<T> {
  readonly kind: "ok" | "bad" | "empty";
  readonly value: T | null;
}

/** The parsed cells of one row, by column key (`seq` is only checked for formula errors). */
export interface ParsedRow {
  readonly taskId: ParsedCell<string>;
  readonly category: ParsedCell<string>;
  readonly task: ParsedCell<string>;
  readonly unit: ParsedCell<string>;
  readonly owner: ParsedCell<string>;
  readonly deadline: ParsedCell<number>;
  readonly status: ParsedCell<Status>;
  readonly progress: ParsedCell<number>;
  readonly doneDate: ParsedCell<number>;
  readonly evidence: ParsedCell<string>;
  readonly note: ParsedCell<string>;
}

type Parser<T> = (value: CellValue, numFmt: string | undefined, context: LedgerContext) => CellParse<T>;

/** The parser of each column (SPEC §3), in column order. */
const PARSERS: { readonly [K in keyof ParsedRow]: Parser<NonNullable<ParsedRow[K]["value"]>> } & {
  readonly seq: Parser<never>;
} = {
  seq: (v) => (isFormulaError(v) ? { kind: "bad", code: "formula-error" } : { kind: "empty" }),
  taskId: parseText,
  category: (v, _f, ctx) => parseEnum(v, ctx.categories, "invalid-enum"),
  task: parseText,
  unit: (v, _f, ctx) => (ctx.units ? parseEnum(v, ctx.units, "unknown-unit") : parseText(v)),
  owner: parseText,
  deadline: (v, _f, ctx) => parseDate(v, ctx.date1904),
  status: (v) => parseEnum(v, STATUS_VOCABULARY, "invalid-enum") as CellParse<Status>,
  progress: (v, f) => parsePercent(v, f),
  doneDate: (v, _f, ctx) => parseDate(v, ctx.date1904),
  evidence: parseText,
  note: parseText,
};

/** Columns whose cell must not be empty (`required-missing`). */
export const REQUIRED_VALUES: ReadonlySet<ColumnKey> = new Set([
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
 * Vertical merges in the data area, read as "the top-left value fills every row of the merge"
 * (SPEC §3). Looked up per cell (binary search over each column's merges), so a merge down to row
 * 1,048,576 costs one entry, not a million. Overlapping merges (which Excel refuses to open) resolve
 * to the one that starts nearest above the cell.
 */
export class MergeFill {
  /** column → its vertical merges below the header, sorted by top. */
  private readonly byColumn = new Map<number, CellRange[]>();
  private readonly tops = new Map<number, number[]>();

  constructor(sheet: SheetGrid, headerRow: number) {
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
    if (this.tops.size === 0) return undefined;
    const tops = this.tops.get(c);
    if (!tops) return undefined;
    const i = firstAtLeast(tops, r) - 1; // the last merge starting above r
    const m = i >= 0 ? this.byColumn.get(c)![i] : undefined;
    return m && m.top < r && r <= m.bottom ? m : undefined;
  }
}

const EMPTY_CELL: ParsedCell<never> = { kind: "empty", value: null };
const BAD_CELL: ParsedCell<never> = { kind: "bad", value: null };

/**
 * Reads data rows one at a time (`begin(r)`, then `parse()`), reporting each issue into `sink` and
 * counting the row's errors. One reader serves every row of a sheet.
 */
export class RowReader {
  private r = -1;
  /** Errors reported on the current row. */
  errors = 0;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly columns: Readonly<Partial<Record<ColumnKey, number>>>,
    private readonly fill: MergeFill,
    private readonly context: LedgerContext,
    private readonly sink: IssueData[],
  ) {
    const slot = (key: ParsedKey): Slot => ({
      key,
      column: columns[key],
      parse: PARSERS[key] as Parser<unknown>,
      required: REQUIRED_VALUES.has(key),
    });
    this.slots = {
      seq: slot("seq"),
      taskId: slot("taskId"),
      category: slot("category"),
      task: slot("task"),
      unit: slot("unit"),
      owner: slot("owner"),
      deadline: slot("deadline"),
      status: slot("status"),
      progress: slot("progress"),
      doneDate: slot("doneDate"),
      evidence: slot("evidence"),
      note: slot("note"),
    };
  }

  /** Starts reading row `r` (0-based). */
  begin(r: number): void {
    this.r = r;
    this.errors = 0;
  }

  /** The row of the cell that fills column `c` of the current row (a merge's top, or the row itself). */
  private sourceRow(c: number): number {
    return this.fill.source(this.r, c)?.top ?? this.r;
  }

  private cellValue(c: number): CellValue {
    return cellValue(this.sheet, this.sourceRow(c), c);
  }

  /** The raw value (merges filled in) of the cell of `key`, or `null` without such a column. */
  value(key: ColumnKey): CellValue {
    const c = this.columns[key];
    return c === undefined ? null : this.cellValue(c);
  }

  /** Reports `detail` on the cell of `key` (which must be present). */
  report(key: ColumnKey, detail: IssueDetail, suggestion: string | null = null): void {
    const c = this.columns[key]!;
    const place = {
      sheet: this.sheet.name,
      cell: a1(this.r, c),
      row: this.r + 1,
      column: COLUMN_BY_KEY[key].header,
    };
    const r = this.sourceRow(c);
    const value = reportedValue(
      cellValue(this.sheet, r, c),
      cellFormat(this.sheet, r, c),
      this.context.date1904,
    );
    const issue = issueFrom(detail, place, value, suggestion);
    if (issue.severity === "error") this.errors++;
    this.sink.push(issue);
  }

  /**
   * Each parsed column's key, sheet column, parser and whether it is required: looked up once per
   * sheet, not once per cell (a keyed load per cell is megamorphic).
   */
  private readonly slots: { readonly [K in ParsedKey]: Slot };

  /** Parses the cell of `slot` with its column's parser, reporting its parse issue. */
  private readSlot(slot: Slot): ParsedCell<never> | ParsedCell<unknown> {
    const c = slot.column;
    if (c === undefined) return EMPTY_CELL;
    const r = this.sourceRow(c);
    const result = slot.parse(cellValue(this.sheet, r, c), cellFormat(this.sheet, r, c), this.context);
    if (result.kind === "empty") {
      if (slot.required) this.report(slot.key, { code: "required-missing" });
      return EMPTY_CELL;
    }
    if (result.kind === "bad") {
      this.report(slot.key, result, result.suggestion ?? null);
      return BAD_CELL;
    }
    if (result.warning) this.report(slot.key, result.warning);
    return result;
  }

  /** Parses every cell of the row, in column order. */
  parse(): ParsedRow {
    const s = this.slots;
    this.readSlot(s.seq); // 序号: only its formula error
    return {
      taskId: this.readSlot(s.taskId) as ParsedRow["taskId"],
      category: this.readSlot(s.category) as ParsedRow["category"],
      task: this.readSlot(s.task) as ParsedRow["task"],
      unit: this.readSlot(s.unit) as ParsedRow["unit"],
      owner: this.readSlot(s.owner) as ParsedRow["owner"],
      deadline: this.readSlot(s.deadline) as ParsedRow["deadline"],
      status: this.readSlot(s.status) as ParsedRow["status"],
      progress: this.readSlot(s.progress) as ParsedRow["progress"],
      doneDate: this.readSlot(s.doneDate) as ParsedRow["doneDate"],
      evidence: this.readSlot(s.evidence) as ParsedRow["evidence"],
      note: this.readSlot(s.note) as ParsedRow["note"],
    };
  }
}

type ParsedKey = keyof typeof PARSERS;

interface Slot {
  readonly key: ParsedKey;
  readonly column: number | undefined;
  readonly parse: Parser<unknown>;
  readonly required: boolean;
}
