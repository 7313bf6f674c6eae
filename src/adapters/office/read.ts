/**
 * Reads the open workbook into grids (SPEC §3, §11) with as few `context.sync()` calls as the
 * payload limit allows:
 *
 * 1. one sync lists the worksheets;
 * 2. one sync loads every sheet's used range (address, size) and, with ExcelApi 1.13, its merged areas;
 * 3. one or more syncs read a sample of each sheet's first rows, packed several sheets per sync;
 * 4. the rest of each sheet is read in row chunks, several ranges per sync, sized from the sample so
 *    that no response exceeds `budgetBytes` (3 MB by default; Excel on the web refuses 5 MB and
 *    SPEC §11 asks for less than 4 MB).
 *
 * The number of syncs is therefore 2 + (sample syncs) + ceil(estimated bytes / usable budget) — see
 * `ReadStats` — and a response that still comes out too large (a row much longer than the sample)
 * is re-read in halves, the only retry besides Excel's cell-edit mode.
 *
 * Office.js does not expose the workbook's date system, so `date1904` is always `false` (the 1900
 * system, Excel's default) and a `date-system-assumed` note says so.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import type { HostNote, ReadProgress } from "../../host";
import { parseRangeAddress, splitAreas } from "./address";
import { officeErrorCode } from "./errors";
import { type ApiSupport, officeApiSupport } from "./support";

/** Response budget per sync, in bytes of JSON. */
export const READ_BUDGET_BYTES = 3 * 1024 * 1024;
/** Rows per sheet read first to measure how large a row is. */
export const SAMPLE_ROWS = 50;
/** Bytes per cell assumed before anything is measured (generous: long Chinese text is 3 bytes a character). */
export const UNMEASURED_CELL_BYTES = 256;
/** Measured rows are scaled by this before packing, for rows larger than any in the sample. */
export const ROW_SAFETY = 1.5;

/** What the read noted (data; the pane words it): see `HostNote` in the host port. */
export type ReadNote = HostNote;
export type ReadNoteCode = HostNote["code"];
export type { ReadProgress };

/** Merged areas Excel returns per sheet at most before `getMergedAreasOrNullObject` fails. */
export const MERGE_LIMIT = 512;

export interface ReadStats {
  /** All syncs this read made. */
  readonly syncs: number;
  /** Syncs spent reading rows (sample + chunks). */
  readonly dataSyncs: number;
  /** Per sheet: the estimated bytes per row used for packing (after `ROW_SAFETY`). */
  readonly bytesPerRow: Readonly<Record<string, number>>;
  readonly budgetBytes: number;
}

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Read only the sheets this accepts (e.g. just `设置`); the others are left out of the result. */
  include?: (sheetName: string) => boolean;
  supports?: ApiSupport;
  budgetBytes?: number;
}

export interface ReadWorkbookResult extends WorkbookGrid {
  readonly notes: readonly ReadNote[];
  readonly stats: ReadStats;
}

interface SheetJob {
  name: string;
  hidden: boolean;
  /** 0-based position of the used range. */
  row0: number;
  col0: number;
  rows: number;
  columns: number;
  values: (CellValue[] | undefined)[];
  formats: ((string | undefined)[] | undefined)[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  nextRow: number;
  bytesPerRow: number;
}

interface Chunk {
  job: SheetJob;
  start: number;
  count: number;
}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** Reads every worksheet's used range — values, number formats, merges — into a `WorkbookGrid`. */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<ReadWorkbookResult> {
  const supports = options.supports ?? officeApiSupport;
  const budget = options.budgetBytes ?? READ_BUDGET_BYTES;
  const notes: ReadNote[] = [{ code: "date-system-assumed" }];
  let syncs = 0;

  // 1. The sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  syncs++;
  await context.sync();

  // 2. Every used range (and merges) in one sync.
  const withMerges = supports(13);
  if (!withMerges) {
    notes.push({ code: "merges-unavailable", requirement: "ExcelApi 1.13" });
  }
  const include = options.include ?? (() => true);
  const items = worksheets.items.filter((ws) => include(ws.name));
  const jobs = items.length ? await loadUsedRanges(context, items, withMerges, notes, () => syncs++) : [];

  // 3 + 4. Rows: a sample of each sheet first, then the rest packed by measured size.
  const totalRows = jobs.reduce((n, j) => n + j.rows, 0);
  let rowsRead = 0;
  let dataSyncs = 0;
  const readChunks = async (chunks: Chunk[]) => {
    const loaded = chunks.map((chunk) => {
      const range = worksheets
        .getItem(chunk.job.name)
        .getRangeByIndexes(chunk.job.row0 + chunk.start, chunk.job.col0, chunk.count, chunk.job.columns);
      range.load("values,numberFormat");
      return { chunk, range };
    });
    try {
      dataSyncs++;
      syncs++;
      await context.sync();
    } catch (error) {
      if (officeErrorCode(error) !== "ResponsePayloadSizeLimitExceeded" || chunks.every((c) => c.count === 1))
        throw error;
      // A row much larger than the sample: read the same rows again in halves.
      notes.push({ code: "chunk-split" });
      for (const half of splitChunks(chunks)) {
        await readChunks(half);
      }
      return;
    }
    for (const { chunk, range } of loaded) {
      store(chunk, range.values as unknown[][], range.numberFormat as unknown[][]);
      rowsRead += chunk.count;
      options.onProgress?.({ rowsRead, totalRows, sheet: chunk.job.name });
    }
  };

  const sample: Chunk[] = jobs.map((job) => ({ job, start: 0, count: Math.min(job.rows, SAMPLE_ROWS) }));
  for (const group of pack(sample, budget, (job) => job.columns * UNMEASURED_CELL_BYTES)) {
    await readChunks(group);
  }
  for (const job of jobs) job.bytesPerRow = measureRowBytes(job);

  const rest: Chunk[] = jobs
    .filter((job) => job.nextRow < job.rows)
    .map((job) => ({ job, start: job.nextRow, count: job.rows - job.nextRow }));
  for (const group of pack(rest, budget, (job) => job.bytesPerRow)) {
    await readChunks(group);
  }

  const sheets: SheetGrid[] = jobs.map((job) => ({
    name: job.name,
    values: job.values,
    numberFormats: job.formats,
    merges: job.merges,
    hidden: job.hidden,
  }));
  // Sheets with nothing in them are still part of the workbook.
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const all = items.map(
    (ws) =>
      byName.get(ws.name) ?? {
        name: ws.name,
        values: [],
        numberFormats: [],
        merges: [],
        hidden: ws.visibility !== "Visible",
      },
  );
  return {
    sheets: all,
    date1904: false,
    notes,
    stats: {
      syncs,
      dataSyncs,
      bytesPerRow: Object.fromEntries(jobs.map((j) => [j.name, j.bytesPerRow])),
      budgetBytes: budget,
    },
  };
}

async function loadUsedRanges(
  context: Excel.RequestContext,
  items: Excel.Worksheet[],
  withMerges: boolean,
  notes: ReadNote[],
  countSync: () => void,
): Promise<SheetJob[]> {
  const queue = (merges: boolean) =>
    items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      let merged: Excel.RangeAreas | null = null;
      if (merges) {
        merged = ws.getRange().getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { ws, used, merged };
    });
  let loaded = queue(withMerges);
  try {
    countSync();
    await context.sync();
  } catch (error) {
    // More than 512 merged areas in a sheet makes Excel fail the whole call: read again without
    // merges, then try each sheet's merges on its own so only the offending sheet loses them.
    if (!withMerges) throw error;
    loaded = queue(false);
    countSync();
    await context.sync();
    for (const entry of loaded) {
      const merged = entry.ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      try {
        countSync();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- isolates the sheet whose merges fail (error path only).
        await context.sync();
        entry.merged = merged;
      } catch {
        notes.push({ code: "merges-too-many", sheet: entry.ws.name, limit: MERGE_LIMIT });
      }
    }
  }
  const jobs: SheetJob[] = [];
  for (const { ws, used, merged } of loaded) {
    if (used.isNullObject) continue;
    const merges: SheetJob["merges"] = [];
    if (merged && !merged.isNullObject) {
      for (const area of splitAreas(merged.address)) {
        const range = parseRangeAddress(area);
        if (range) merges.push(range);
      }
    }
    jobs.push({
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      row0: used.rowIndex,
      col0: used.columnIndex,
      rows: used.rowCount,
      columns: used.columnCount,
      values: [],
      formats: [],
      merges,
      nextRow: 0,
      bytesPerRow: used.columnCount * UNMEASURED_CELL_BYTES,
    });
  }
  return jobs;
}

/**
 * Packs row chunks into groups whose estimated size stays within `budget`, splitting a sheet's
 * rows across groups so every group but the last is as full as whole rows allow.
 */
export function pack(
  chunks: readonly Chunk[],
  budget: number,
  bytesPerRow: (job: SheetJob) => number,
): Chunk[][] {
  const groups: Chunk[][] = [];
  let group: Chunk[] = [];
  let left = budget;
  for (const chunk of chunks) {
    const rowBytes = Math.max(1, bytesPerRow(chunk.job));
    let start = chunk.start;
    let remaining = chunk.count;
    while (remaining > 0) {
      let fit = Math.floor(left / rowBytes);
      if (fit === 0 && group.length > 0) {
        groups.push(group);
        group = [];
        left = budget;
        fit = Math.floor(left / rowBytes);
      }
      const take = Math.min(remaining, Math.max(1, fit));
      group.push({ job: chunk.job, start, count: take });
      left -= take * rowBytes;
      start += take;
      remaining -= take;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

function splitChunks(chunks: Chunk[]): Chunk[][] {
  const halves: Chunk[][] = [];
  for (const c of chunks) {
    if (c.count === 1) halves.push([c]);
    else {
      const half = Math.ceil(c.count / 2);
      halves.push(
        [{ job: c.job, start: c.start, count: half }],
        [{ job: c.job, start: c.start + half, count: c.count - half }],
      );
    }
  }
  return halves;
}

function store(chunk: Chunk, values: unknown[][], formats: unknown[][]) {
  const { job } = chunk;
  for (let i = 0; i < chunk.count; i++) {
    const row = values[i] ?? [];
    const fmt = formats[i] ?? [];
    const outValues: CellValue[] = new Array<CellValue>(job.col0).fill(null);
    const outFormats: (string | undefined)[] = new Array<string | undefined>(job.col0).fill(undefined);
    let any = false;
    let anyFormat = false;
    for (let j = 0; j < job.columns; j++) {
      const v = row[j];
      const value: CellValue = v === "" || v === undefined || v === null ? null : (v as CellValue);
      if (value !== null) any = true;
      outValues.push(value);
      const f = fmt[j];
      const format = typeof f === "string" && f !== "General" ? f : undefined;
      if (format) anyFormat = true;
      outFormats.push(format);
    }
    const r = job.row0 + chunk.start + i;
    if (any) job.values[r] = outValues;
    if (anyFormat) job.formats[r] = outFormats;
  }
  job.nextRow = Math.max(job.nextRow, chunk.start + chunk.count);
}

/** The largest sampled row as JSON (values + formats), times `ROW_SAFETY`. */
function measureRowBytes(job: SheetJob): number {
  let max = 0;
  const sampled = Math.min(job.rows, SAMPLE_ROWS);
  for (let i = 0; i < sampled; i++) {
    const r = job.row0 + i;
    const values = (job.values[r] ?? []).slice(job.col0).map((v) => v ?? "");
    const formats = (job.formats[r] ?? []).slice(job.col0).map((f) => f ?? "General");
    while (values.length < job.columns) values.push("");
    while (formats.length < job.columns) formats.push("General");
    max = Math.max(max, jsonBytes(values) + jsonBytes(formats));
  }
  return Math.ceil(Math.max(max, job.columns * 4) * ROW_SAFETY);
}
