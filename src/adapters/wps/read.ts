/**
 * Reads the open WPS workbook into grids (SPEC §3, §13), block by block:
 *
 * - values: one `Range(…).Value2` per slice of whole rows of the used range (about
 *   `SLICE_CELLS` cells), yielding to the event loop between slices; `Value2` gives dates as serial
 *   numbers, and the workbook's date system comes from `ActiveWorkbook.Date1904`;
 * - number formats: `NumberFormat` of a whole column of the used range, which is one code when the
 *   column is uniform and null when it is not; a mixed column is halved until each part is uniform,
 *   so a column costs about 2·log₂(rows) calls per change of format rather than one per cell;
 * - merges: `MergeCells` of the used range (false: none), halved the same way where it is null;
 *   a merged block's `MergeArea` gives the merge.
 *
 * `Value2`'s shape is normalised here: a bare value for one cell, rows of values (indexed from 0,
 * as current WPS returns them), a flat row (older WPS), or a 1-based SAFEARRAY wrapper
 * (`lbound/ubound/getItem`, as COM bridges hand arrays to script); empty cells (undefined, null,
 * "") are empty; an error may come as its text (`#N/A`) or as its CVErr number.
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { parseRangeAddress, rangeAddress } from "./address";
import type { EtApplication, EtWorksheet } from "./et";
import { UnexpectedValueError } from "./errors";
import { Pacer, type Yield, yieldToEventLoop } from "./pace";
import { STORE_SHEET, activeWorkbook, listSheets } from "./sheets";

/** Cells per `Value2` read: large enough that calls are few, small enough that each slice is brief. */
export const SLICE_CELLS = 20_000;

export interface ReadProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
  readonly sheet: string;
}

export interface WpsReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  include?: (sheetName: string) => boolean;
  sliceCells?: number;
  yieldNow?: Yield;
}

export interface WpsReadStats {
  /** `Value2` reads. */
  readonly valueReads: number;
  /** `NumberFormat` reads. */
  readonly formatReads: number;
  /** `MergeCells` + `MergeArea` reads. */
  readonly mergeReads: number;
}

export interface WpsReadResult extends WorkbookGrid {
  readonly stats: WpsReadStats;
}

/** CVErr numbers (HRESULT 0x800A0000 + xlErr…) → the error's text. */
const CVERR_TEXT = new Map<number, string>([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
  [-2146826238, "#GETTING_DATA"],
]);

/** The 常规 (General) format under the names WPS and Excel give it. */
const GENERAL = new Set(["General", "G/通用格式", "常规", ""]);

const MS_PER_DAY = 86_400_000;

/** One `Value2` item as a grid value. */
export function cellFromValue2(value: unknown, date1904: boolean): CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") {
    const error = Number.isInteger(value) ? CVERR_TEXT.get(value) : undefined;
    return error ? { error } : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    // Value2 never uses the Date type; a bridge that still hands a Date gives local calendar fields.
    const utc = Date.UTC(value.getFullYear(), value.getMonth(), value.getDate());
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return Math.round((utc - epoch) / MS_PER_DAY);
  }
  return String(value);
}

interface SafeArrayLike {
  lbound(dimension?: number): number;
  ubound(dimension?: number): number;
  getItem(...indices: number[]): unknown;
}

function isSafeArray(value: unknown): value is SafeArrayLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as SafeArrayLike).getItem === "function" &&
    typeof (value as SafeArrayLike).ubound === "function"
  );
}

/** `Value2` of a `rows × columns` block as rows of raw items, whatever shape WPS handed over. */
export function value2Rows(value: unknown, rows: number, columns: number, address: string): unknown[][] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(Array.isArray)) return value as unknown[][];
    if (value.length === 0 && rows * columns === 0) return [];
    if (rows === 1 && value.length === columns) return [value];
    if (columns === 1 && value.length === rows) return value.map((v) => [v]);
    throw new UnexpectedValueError(address);
  }
  if (isSafeArray(value)) {
    const r0 = value.lbound(1);
    const c0 = value.lbound(2);
    const out: unknown[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < columns; j++) row.push(value.getItem(r0 + i, c0 + j));
      out.push(row);
    }
    return out;
  }
  if (rows === 1 && columns === 1) return [[value]];
  throw new UnexpectedValueError(address);
}

interface SheetJob {
  sheet: EtWorksheet;
  name: string;
  hidden: boolean;
  used: CellRange;
  values: (CellValue[] | undefined)[];
  formats: ((string | undefined)[] | undefined)[];
  merges: CellRange[];
}

/** Reads every worksheet (values, number formats, merges) and the date system into a `WorkbookGrid`. */
export async function readWorkbook(app: EtApplication, options: WpsReadOptions = {}): Promise<WpsReadResult> {
  const workbook = activeWorkbook(app);
  const date1904 = Boolean(workbook.Date1904);
  const include = options.include ?? (() => true);
  const pacer = new Pacer(options.yieldNow ?? yieldToEventLoop);
  const stats = { valueReads: 0, formatReads: 0, mergeReads: 0 };

  const jobs: SheetJob[] = [];
  for (const { sheet, name, visible } of listSheets(workbook)) {
    if (name === STORE_SHEET || !include(name)) continue;
    const used = sheet.UsedRange;
    const top = used.Row - 1;
    const left = used.Column - 1;
    jobs.push({
      sheet,
      name,
      hidden: !visible,
      used: { top, left, bottom: top + used.Rows.Count - 1, right: left + used.Columns.Count - 1 },
      values: [],
      formats: [],
      merges: [],
    });
    await pacer.spent(8);
  }

  const totalRows = jobs.reduce((n, j) => n + j.used.bottom - j.used.top + 1, 0);
  let rowsRead = 0;
  const sliceCells = options.sliceCells ?? SLICE_CELLS;
  for (const job of jobs) {
    const { used } = job;
    const columns = used.right - used.left + 1;
    const sliceRows = Math.max(1, Math.floor(sliceCells / columns));
    for (let top = used.top; top <= used.bottom; top += sliceRows) {
      const block = {
        top,
        left: used.left,
        bottom: Math.min(used.bottom, top + sliceRows - 1),
        right: used.right,
      };
      const address = rangeAddress(block);
      const rows = value2Rows(
        job.sheet.Range(address).Value2,
        block.bottom - block.top + 1,
        columns,
        `${job.name}!${address}`,
      );
      stats.valueReads++;
      storeValues(job, block, rows, date1904);
      rowsRead += block.bottom - block.top + 1;
      options.onProgress?.({ rowsRead, totalRows, sheet: job.name });
      await pacer.pause();
    }
    if (job.values.length > 0) {
      await readFormats(job, pacer, stats);
      await readMerges(job, pacer, stats);
    }
  }

  const sheets: SheetGrid[] = jobs.map((job) => ({
    name: job.name,
    values: job.values,
    numberFormats: job.formats,
    merges: job.merges,
    hidden: job.hidden,
  }));
  return { sheets, date1904, stats };
}

function storeValues(job: SheetJob, block: CellRange, rows: unknown[][], date1904: boolean) {
  for (let i = 0; i <= block.bottom - block.top; i++) {
    const raw = rows[i] ?? [];
    let any = false;
    const out: CellValue[] = new Array<CellValue>(block.left).fill(null);
    for (let j = 0; j <= block.right - block.left; j++) {
      const v = cellFromValue2(raw[j], date1904);
      if (v !== null) any = true;
      out.push(v);
    }
    if (any) job.values[block.top + i] = out;
  }
}

/** Rows of the used range that hold a value (formats matter only there). */
function valueRows(job: SheetJob): number[] {
  const rows: number[] = [];
  job.values.forEach((row, r) => row && rows.push(r));
  return rows;
}

async function readFormats(job: SheetJob, pacer: Pacer, stats: { formatReads: number }) {
  const rows = valueRows(job);
  const top = rows[0]!;
  const bottom = rows[rows.length - 1]!;
  for (let column = job.used.left; column <= job.used.right; column++) {
    // Whole column of the rows that hold values, halved where WPS reports mixed formats.
    const runs: [number, number, string][] = [];
    const visit = async (from: number, to: number): Promise<void> => {
      const format = job.sheet.Range(
        rangeAddress({ top: from, left: column, bottom: to, right: column }),
      ).NumberFormat;
      stats.formatReads++;
      await pacer.spent(2);
      if (typeof format === "string") {
        runs.push([from, to, format]);
        return;
      }
      if (from === to) return; // a single cell always has one format; null here means "unknown": General
      const mid = Math.floor((from + to) / 2);
      await visit(from, mid);
      await visit(mid + 1, to);
    };
    await visit(top, bottom);
    for (const [from, to, format] of runs) {
      if (GENERAL.has(format)) continue;
      for (let r = from; r <= to; r++) {
        const values = job.values[r];
        if (!values || values[column] === null || values[column] === undefined) continue;
        (job.formats[r] ??= [])[column] = format;
      }
    }
  }
}

async function readMerges(job: SheetJob, pacer: Pacer, stats: { mergeReads: number }) {
  const found = new Map<string, CellRange>();
  const visit = async (rect: CellRange): Promise<void> => {
    const merged = job.sheet.Range(rangeAddress(rect)).MergeCells;
    stats.mergeReads++;
    await pacer.spent(2);
    if (merged === false) return;
    if (merged === true) {
      // All merged: often one merge covering the block (a title row, a unit spanning rows).
      const area = job.sheet.Range(
        rangeAddress({ top: rect.top, left: rect.left, bottom: rect.top, right: rect.left }),
      ).MergeArea;
      const merge = parseRangeAddress(area.Address(false, false));
      stats.mergeReads++;
      await pacer.spent(3);
      if (merge && (merge.top !== merge.bottom || merge.left !== merge.right))
        found.set(rangeAddress(merge), merge);
      if (
        merge &&
        merge.top <= rect.top &&
        merge.left <= rect.left &&
        merge.bottom >= rect.bottom &&
        merge.right >= rect.right
      )
        return;
    }
    if (rect.top === rect.bottom && rect.left === rect.right) return;
    // Split along the longer side.
    if (rect.bottom - rect.top >= rect.right - rect.left) {
      const mid = Math.floor((rect.top + rect.bottom) / 2);
      await visit({ ...rect, bottom: mid });
      await visit({ ...rect, top: mid + 1 });
    } else {
      const mid = Math.floor((rect.left + rect.right) / 2);
      await visit({ ...rect, right: mid });
      await visit({ ...rect, left: mid + 1 });
    }
  };
  await visit(job.used);
  for (const merge of [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left))
    job.merges.push(merge);
}
