/**
 * Collecting returned ledgers (收集, SPEC §10 `merge`, §11 收集): every row of every returned ledger
 * into one `合并台账`, each with the file and row it came from, and a `收集情况` line per file.
 *
 * Nothing is lost or mixed: a unit returned twice keeps one return — the later 填报日期 when both
 * have one, else the later in order — and the other is reported with all its rows left out; a file
 * already collected (same content hash) is not added again. Rows in = rows out + rows reported.
 *
 * The same function serves the CLI (`merge`: nothing collected before) and the add-in (收集 into a
 * workbook whose `合并台账`/`收集情况` already hold earlier returns: `readCollected`).
 */
import type { SheetGrid, WorkbookGrid } from "../grid";
import { type Vocabulary, parseEnum, parseText } from "../cell";
import type { IsoDate } from "../date";
import { type ColumnKey, COLUMNS, SOURCE_COLUMNS, readFiling } from "../ledger";
import { ROSTER_SHEET, SETTINGS_SHEET } from "../settings";
import { enumKey } from "../text";
import { type RunFileResult, type RunValidation, findSheet, unitVocabulary, validateRun } from "../workbook";
import { type CellsById, type LedgerTable, type RawCell, headerKey, readLedgerTable } from "./ledger-table";

/** The merged ledger's sheet name (SPEC §1). */
export const MERGED_SHEET = "合并台账";
/** The collection log's sheet name (SPEC §10). */
export const COLLECT_LOG_SHEET = "收集情况";
/**
 * The sheets 收集 rewrites whole in the add-in: ours are replaced without asking, since every row
 * collected before is kept in them or reported (`decideSheetWrites`' `rewritten`).
 */
export const COLLECT_REWRITTEN: ReadonlySet<string> = new Set([MERGED_SHEET, COLLECT_LOG_SHEET]);

/** One returned workbook as the front end read it. */
export interface ReturnedFile {
  /** The file name shown in 收集情况 and written in 来源文件 (no folder). */
  readonly file: string;
  /** A hash of the file's bytes (hex), to recognise the same file collected again. */
  readonly hash: string | null;
  /** `null` when the file could not be read. */
  readonly workbook: WorkbookGrid | null;
  /** Why it could not be read (one line, Chinese: it goes into 收集情况). */
  readonly error?: string;
}

/** Why one return lost to another. */
export type SupersededWhy = "later-date" | "later-order" | "same-content";

/** What happened to a file (收集情况 处理结果). */
export type CollectOutcome =
  | { readonly kind: "merged" }
  | { readonly kind: "unreadable"; readonly reason: string }
  | { readonly kind: "no-ledger" }
  | { readonly kind: "superseded"; readonly by: string; readonly why: SupersededWhy }
  | { readonly kind: "already-collected"; readonly as: string }
  /** A line read back from an earlier 收集情况, kept as written. */
  | { readonly kind: "recorded"; readonly text: string; readonly active: boolean };

/** One line of 收集情况. */
export interface CollectEntry {
  readonly file: string;
  /** The file's unit (its 填报单位, else the only unit of its rows), canonical when the roster knows it. */
  readonly unit: string | null;
  /** Data rows read from the file (SPEC §4). */
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly outcome: CollectOutcome;
  readonly hash: string | null;
  /** 填报日期 as a day number. */
  readonly filed: number | null;
}

/** A column of the merged ledger: a §2 key, or an unknown column by its first-seen header. */
export interface MergedColumn {
  readonly header: string;
  readonly key: ColumnKey | null;
}

/** A row of the merged ledger: raw cells by column id, and where it came from. */
export interface MergedRow {
  /** Cells by `columnId`. */
  readonly cells: CellsById;
  /** The workbook's date system the cells were read in. */
  readonly date1904: boolean;
  readonly sourceFile: string;
  readonly sourceRow: number | null;
  /** Index into the collection's entries of the return the row belongs to (`-1`: none known). */
  readonly entry: number;
}

/** What a workbook holds of earlier collecting, or nothing. */
export interface Collected {
  /** Unknown columns in first-seen order (the §2 and source columns are always there). */
  readonly extraColumns: readonly MergedColumn[];
  readonly rows: readonly MergedRow[];
  readonly entries: readonly CollectEntry[];
}

export const NOTHING_COLLECTED: Collected = { extraColumns: [], rows: [], entries: [] };

export interface CollectOptions {
  readonly today: IsoDate;
  readonly asOf?: IsoDate | undefined;
  /**
   * The target workbook's own 设置/单位名册 (the add-in's open workbook): they judge the returns
   * before any return's own.
   */
  readonly setup?: WorkbookGrid | undefined;
}

export interface CollectFigures {
  /** Data rows of the files read now. */
  readonly rowsIn: number;
  /** Rows the merged ledger had before (add-in). */
  readonly rowsBefore: number;
  /** Rows in the merged ledger now. */
  readonly rowsOut: number;
  /** Rows left out or taken out, each reported in 收集情况 with the file it belongs to. */
  readonly rowsReported: number;
}

export interface CollectResult {
  readonly collected: Collected;
  /** This run's files, in order (a subset of `collected.entries`, which also holds earlier lines). */
  readonly added: readonly CollectEntry[];
  readonly figures: CollectFigures;
  /** The validation of this run's readable files. */
  readonly validation: RunValidation;
  /** 单位名册 and 设置 of the first file that has them (for `merge`'s output). */
  readonly roster: { sheet: SheetGrid; date1904: boolean } | null;
  readonly settings: { sheet: SheetGrid; date1904: boolean } | null;
}

/** The id of a column: the §2 key, or the normalised header of an unknown column. */
export function columnId(column: MergedColumn): string {
  return column.key !== null ? `k:${column.key}` : `u:${headerKey(column.header)}`;
}

/** The merged ledger's columns: §2's in order, then the unknown ones, then 来源文件 and 来源行. */
export function mergedColumns(collected: Collected): MergedColumn[] {
  return [
    ...COLUMNS.map((c) => ({ header: c.header, key: c.key })),
    ...collected.extraColumns,
    ...SOURCE_COLUMNS.map((c) => ({ header: c.header, key: c.key })),
  ];
}

interface ReadReturn {
  readonly index: number;
  readonly file: ReturnedFile;
  readonly tables: readonly LedgerTable[];
  readonly unit: string | null;
  readonly filed: number | null;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Collects `files` into what was collected before (`NOTHING_COLLECTED` for the CLI's `merge`).
 *
 * @example collectReturns(NOTHING_COLLECTED, files, { today: "2022-11-01" }).collected.rows.length
 */
export function collectReturns(
  previous: Collected,
  files: readonly ReturnedFile[],
  options: CollectOptions,
): CollectResult {
  const readable = files.filter((f) => f.workbook !== null);
  const setupInput = options.setup ? [{ file: "", workbook: setupOnly(options.setup) }] : [];
  const validation = validateRun(
    [...setupInput, ...readable.map((f) => ({ file: f.file, workbook: f.workbook! }))],
    { today: options.today, asOf: options.asOf },
  );
  const vocabulary = validation.roster ? unitVocabulary(validation.roster) : null;
  const reads = readReturns(files, validation.files.slice(setupInput.length), vocabulary);

  const outcomes = sameContentOutcomes(reads, previous.entries); // by index into `files`
  const supersededPrevious = sameUnitOutcomes(reads, previous.entries, outcomes);

  // Earlier returns that lost: their rows leave the merged ledger.
  let rowsReported = 0;
  const rows: MergedRow[] = [];
  for (const row of previous.rows) {
    if (row.entry >= 0 && supersededPrevious.has(row.entry)) rowsReported++;
    else rows.push(row);
  }
  const entries: CollectEntry[] = [...previous.entries];
  for (const [i, outcome] of supersededPrevious) entries[i] = { ...entries[i]!, outcome };

  // This run's files, in order.
  const merged = new MergedLedger(entries, rows, previous.extraColumns);
  const run = addReturns(files, reads, outcomes, merged);
  rowsReported += run.rowsReported;

  const firstWith = (name: string) => {
    for (const f of readable) {
      const sheet = findSheet(f.workbook!, name);
      if (sheet) return { sheet, date1904: f.workbook!.date1904 };
    }
    return null;
  };
  return {
    collected: { extraColumns: merged.extraColumns, rows: merged.rows, entries: merged.entries },
    added: run.added,
    figures: {
      rowsIn: run.rowsIn,
      rowsBefore: previous.rows.length,
      rowsOut: merged.rows.length,
      rowsReported,
    },
    validation,
    roster: firstWith(ROSTER_SHEET),
    settings: firstWith(SETTINGS_SHEET),
  };
}

/** Each readable file's ledger tables, unit and 填报日期 (`null` for a file that could not be read). */
function readReturns(
  files: readonly ReturnedFile[],
  results: readonly RunFileResult[],
  vocabulary: Vocabulary | null,
): Array<ReadReturn | null> {
  const reads: Array<ReadReturn | null> = files.map(() => null);
  let k = 0;
  files.forEach((file, index) => {
    if (file.workbook === null) return;
    reads[index] = readReturn(index, file, file.workbook, results[k++]!, vocabulary);
  });
  return reads;
}

/**
 * One file's ledger tables, its errors and warnings on them, its unit (the first 填报单位, else the
 * only unit of its rows) and its first 填报日期.
 */
function readReturn(
  index: number,
  file: ReturnedFile,
  workbook: WorkbookGrid,
  result: RunFileResult,
  vocabulary: Vocabulary | null,
): ReadReturn {
  const tables = result.sheets.map((s) => readLedgerTable(findByName(workbook, s.sheet)!, s.headerRow - 1));
  const ledgerSheets = new Set(result.sheets.map((s) => s.sheet));
  let errors = 0;
  let warnings = 0;
  for (const issue of result.issues) {
    if (!ledgerSheets.has(issue.sheet)) continue;
    if (issue.severity === "error") errors++;
    else warnings++;
  }
  let unit: string | null = null;
  let filed: number | null = null;
  for (const table of tables) {
    const filing = readFiling(findByName(workbook, table.sheet)!, table.headerRow, workbook.date1904);
    unit ??= filing.unit === null ? null : resolveUnit(filing.unit, vocabulary);
    filed ??= filing.date;
  }
  unit ??= onlyUnit(tables, vocabulary);
  return { index, file, tables, unit, filed, errors, warnings };
}

/**
 * The files not merged for their content (SPEC §10), by index into `files`: bytes already in
 * 收集情况 (`already-collected`), the same bytes twice in this run (the later one stands: "else the
 * later in order"), and a file with no ledger sheet.
 */
function sameContentOutcomes(
  reads: ReadonlyArray<ReadReturn | null>,
  previousEntries: readonly CollectEntry[],
): Map<number, CollectOutcome> {
  const outcomes = new Map<number, CollectOutcome>();
  const knownHashes = new Map<string, string>();
  for (const e of previousEntries) if (e.hash) knownHashes.set(e.hash, e.file);
  for (const r of reads) {
    if (r === null) continue;
    const as = r.file.hash ? knownHashes.get(r.file.hash) : undefined;
    if (as !== undefined) outcomes.set(r.index, { kind: "already-collected", as });
  }
  const byHash = new Map<string, ReadReturn>();
  for (const r of reads) {
    if (r === null || outcomes.has(r.index) || !r.file.hash) continue;
    const earlier = byHash.get(r.file.hash);
    if (earlier) outcomes.set(earlier.index, { kind: "superseded", by: r.file.file, why: "same-content" });
    byHash.set(r.file.hash, r);
  }
  for (const r of reads) {
    if (r !== null && !outcomes.has(r.index) && r.tables.length === 0)
      outcomes.set(r.index, { kind: "no-ledger" });
  }
  return outcomes;
}

/** A return of a unit: an earlier active one (by its entry), or one of this run's files. */
type Candidate = { kind: "previous"; entry: number } | { kind: "new"; read: ReadReturn };

/**
 * The same unit returned twice, among earlier active returns and this run's (SPEC §10): the later
 * 填报日期 wins when all have one, else the later in order (earlier returns come first). This run's
 * losers go into `outcomes`; the earlier ones lost are returned, by entry index.
 */
function sameUnitOutcomes(
  reads: ReadonlyArray<ReadReturn | null>,
  previousEntries: readonly CollectEntry[],
  outcomes: Map<number, CollectOutcome>,
): Map<number, CollectOutcome> {
  const byUnit = new Map<string, Candidate[]>();
  previousEntries.forEach((e, i) => {
    if (isActive(e) && e.unit !== null) push(byUnit, enumKey(e.unit), { kind: "previous", entry: i });
  });
  for (const r of reads) {
    if (r === null || outcomes.has(r.index) || r.unit === null) continue;
    push(byUnit, enumKey(r.unit), { kind: "new", read: r });
  }
  const supersededPrevious = new Map<number, CollectOutcome>();
  // A unit returned once is its own winner: nothing is superseded.
  for (const candidates of byUnit.values()) {
    const filedOf = (c: Candidate) => (c.kind === "new" ? c.read.filed : previousEntries[c.entry]!.filed);
    const nameOf = (c: Candidate) => (c.kind === "new" ? c.read.file.file : previousEntries[c.entry]!.file);
    const allDated = candidates.every((c) => filedOf(c) !== null);
    // Ties go to the later in order: previous returns come before this run's files.
    let winner = candidates[candidates.length - 1]!;
    if (allDated) {
      winner = candidates[0]!;
      for (const c of candidates) if (filedOf(c)! >= filedOf(winner)!) winner = c;
    }
    for (const c of candidates) {
      if (c === winner) continue;
      const why: SupersededWhy = allDated && filedOf(c)! < filedOf(winner)! ? "later-date" : "later-order";
      const outcome: CollectOutcome = { kind: "superseded", by: nameOf(winner), why };
      if (c.kind === "new") outcomes.set(c.read.index, outcome);
      else supersededPrevious.set(c.entry, outcome);
    }
  }
  return supersededPrevious;
}

/**
 * This run's files into the merged ledger, in order: a 收集情况 line each, and the rows of those
 * merged. Returns the lines, the rows read and the rows reported (left out with their file).
 */
function addReturns(
  files: readonly ReturnedFile[],
  reads: ReadonlyArray<ReadReturn | null>,
  outcomes: ReadonlyMap<number, CollectOutcome>,
  merged: MergedLedger,
): { added: CollectEntry[]; rowsIn: number; rowsReported: number } {
  let rowsIn = 0;
  let rowsReported = 0;
  const added: CollectEntry[] = [];
  files.forEach((file, index) => {
    const r = reads[index];
    if (r === null || r === undefined) {
      added.push(merged.addEntry(unreadableEntry(file)));
      return;
    }
    const count = r.tables.reduce((n, t) => n + t.rows.length, 0);
    rowsIn += count;
    const outcome = outcomes.get(index) ?? { kind: "merged" };
    const entry = merged.addEntry({
      file: file.file,
      unit: r.unit,
      rows: count,
      errors: r.errors,
      warnings: r.warnings,
      outcome,
      hash: file.hash,
      filed: r.filed,
    });
    added.push(entry);
    if (outcome.kind !== "merged") {
      rowsReported += count;
      return;
    }
    const entryIndex = merged.entries.length - 1;
    for (const table of r.tables) merged.addTable(table, file.file, file.workbook!.date1904, entryIndex);
  });
  return { added, rowsIn, rowsReported };
}

/** The 收集情况 line of a file that could not be read. */
function unreadableEntry(file: ReturnedFile): CollectEntry {
  return {
    file: file.file,
    unit: null,
    rows: 0,
    errors: 0,
    warnings: 0,
    outcome: { kind: "unreadable", reason: file.error ?? "无法读取" },
    hash: file.hash,
    filed: null,
  };
}

/** The merged ledger as it grows: its 收集情况 lines, rows and unknown columns (first seen first). */
class MergedLedger {
  readonly extraColumns: MergedColumn[];
  private readonly extraIds: Set<string>;

  constructor(
    readonly entries: CollectEntry[],
    readonly rows: MergedRow[],
    extraColumns: readonly MergedColumn[],
  ) {
    this.extraColumns = [...extraColumns];
    this.extraIds = new Set(this.extraColumns.map(columnId));
  }

  addEntry(entry: CollectEntry): CollectEntry {
    this.entries.push(entry);
    return entry;
  }

  /** A table's unknown columns and its rows, each with the file and row it came from. */
  addTable(table: LedgerTable, file: string, date1904: boolean, entry: number): void {
    for (const c of table.columns) {
      if (c.key !== null) continue;
      const column = { header: c.header, key: null };
      const id = columnId(column);
      if (!this.extraIds.has(id)) {
        this.extraIds.add(id);
        this.extraColumns.push(column);
      }
    }
    const sourceFileAt = table.columns.findIndex((c) => c.key === "sourceFile");
    const sourceRowAt = table.columns.findIndex((c) => c.key === "sourceRow");
    const positions = columnPositions(tableColumnIds(table));
    for (const row of table.rows) {
      const cells = rowCells(positions, row.cells);
      // A row of a merged ledger collected again keeps the unit's own file and row (SPEC §7:
      // the report sends the unit to its own file).
      const keptFile = sourceFileAt >= 0 ? parseText(row.cells[sourceFileAt]!.value) : null;
      const keptRow = sourceRowAt >= 0 ? row.cells[sourceRowAt]!.value : null;
      const nested = keptFile?.kind === "ok" && typeof keptRow === "number";
      this.rows.push({
        cells,
        date1904,
        sourceFile: nested ? keptFile.value : file,
        sourceRow: nested ? keptRow : row.row,
        entry,
      });
    }
  }
}

/**
 * The column id of each of a table's columns, once per table (normalising a header per cell would
 * cost a row's worth of NFKC for every row); `null` for 来源文件/来源行 and for a later column with an
 * id already taken.
 */
export function tableColumnIds(table: LedgerTable): Array<string | null> {
  const seen = new Set<string>();
  return table.columns.map((c) => {
    if (c.key === "sourceFile" || c.key === "sourceRow") return null;
    const id = columnId(c);
    if (seen.has(id)) return null;
    seen.add(id);
    return id;
  });
}

/** Where each column id is in a table's rows (`tableColumnIds`, made once per table). */
export function columnPositions(ids: ReadonlyArray<string | null>): ReadonlyMap<string, number> {
  const positions = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id !== null) positions.set(id, i);
  });
  return positions;
}

/**
 * A table row's cells by column id: the row's own cells, looked up through its table's positions. A
 * `Map` per row held the same cells at about 530 bytes a row (53 MB for a 100,000-row master,
 * measured), kept for as long as the rows are (split's plans, merge's merged ledger).
 */
class RowCells implements CellsById {
  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly cells: readonly RawCell[],
  ) {}

  get(id: string): RawCell | undefined {
    const at = this.positions.get(id);
    const cell = at === undefined ? undefined : this.cells[at];
    return cell === undefined || cell.value === null ? undefined : cell;
  }
}

/** A row's non-empty cells by column id (`positions` from `columnPositions`). */
export function rowCells(positions: ReadonlyMap<string, number>, cells: readonly RawCell[]): CellsById {
  return new RowCells(positions, cells);
}

/** An entry whose rows are in the merged ledger. */
export function isActive(entry: CollectEntry): boolean {
  return entry.outcome.kind === "merged" || (entry.outcome.kind === "recorded" && entry.outcome.active);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function findByName(workbook: WorkbookGrid, name: string): SheetGrid | undefined {
  return workbook.sheets.find((s) => s.name === name);
}

function setupOnly(workbook: WorkbookGrid): WorkbookGrid {
  const keep = [findSheet(workbook, SETTINGS_SHEET), findSheet(workbook, ROSTER_SHEET)].filter(
    (s): s is SheetGrid => s !== undefined,
  );
  return { sheets: keep, date1904: workbook.date1904 };
}

/** A unit name as the roster knows it (its canonical name), else as typed. */
export function resolveUnit(text: string, vocabulary: Vocabulary | null): string {
  if (vocabulary) {
    const parsed = parseEnum(text, vocabulary, "unknown-unit");
    if (parsed.kind === "ok") return parsed.value;
  }
  return text;
}

/** The one unit all rows of the tables name, or `null` (none, or several). */
function onlyUnit(tables: readonly LedgerTable[], vocabulary: Vocabulary | null): string | null {
  let unit: string | null = null;
  for (const table of tables) {
    const at = table.columns.findIndex((c) => c.key === "unit");
    if (at < 0) continue;
    for (const row of table.rows) {
      const text = parseText(row.cells[at]!.value);
      if (text.kind !== "ok") continue;
      const name = resolveUnit(text.value, vocabulary);
      if (unit === null) unit = name;
      else if (enumKey(unit) !== enumKey(name)) return null;
    }
  }
  return unit;
}
