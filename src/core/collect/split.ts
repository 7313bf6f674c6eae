/**
 * Splitting a master ledger into one pre-filled template per unit (SPEC §10 `split`), and the
 * pre-filled template of one unit (`template --unit --tasks`). Every column of the master survives:
 * the §2 columns in the template's places, the master's other columns after 备注, values copied as
 * typed. Rows whose unit the roster does not know go to one workbook of their own and are reported.
 */
import type { SheetGrid, WorkbookGrid } from "../grid";
import { type Vocabulary, parseEnum, parseText } from "../cell";
import type { IsoDate } from "../date";
import type { WorkbookPlan } from "../plan";
import { DEFAULT_SETTINGS, ROSTER_SHEET, type Roster, SETTINGS_SHEET } from "../settings";
import { enumKey } from "../text";
import { findSheet, unitVocabulary, validateWorkbook } from "../workbook";
import { type TemplateRow, buildTemplateSheets } from "../template/template";
import { columnId, columnPositions, rowCells, tableColumnIds } from "./collect";
import { copySheetPlan } from "./copy-cell";
import { type LedgerTable, readLedgerTable } from "./ledger-table";

/** The workbook for rows whose unit is unknown or empty. */
export const UNKNOWN_UNIT_FILE = "未识别单位-重点任务台账.xlsx";

/** A unit's file name: `<单位>-重点任务台账.xlsx`, with characters no file system takes replaced. */
export function unitFileName(unit: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those no file system takes
  return `${unit.replace(/[\\/:*?"<>|\u0000-\u001F]/g, "_").trim()}-重点任务台账.xlsx`;
}

/** A master ledger read for splitting. */
export interface MasterLedger {
  readonly tables: readonly LedgerTable[];
  readonly roster: Roster | null;
  readonly rosterSheet: SheetGrid | undefined;
  readonly settingsSheet: SheetGrid | undefined;
  readonly categories: readonly string[];
  readonly date1904: boolean;
  /** The master's own columns (neither §2 nor 来源文件/来源行), first-seen order. */
  readonly extraColumns: ReadonlyArray<{ readonly id: string; readonly header: string }>;
}

/**
 * Reads a master ledger: its ledger sheets (`合并台账` alone when it has one, SPEC §1), roster,
 * settings. `null` when it has no ledger sheet.
 */
export function readMaster(workbook: WorkbookGrid, today: IsoDate): MasterLedger | null {
  const validation = validateWorkbook(workbook, { today });
  if (validation.sheets.length === 0) return null;
  const tables = validation.sheets.map((s) =>
    readLedgerTable(
      workbook.sheets.find((g) => g.name === s.sheet)!,
      s.headerRow - 1,
    ),
  );
  const extraColumns: Array<{ id: string; header: string }> = [];
  const seen = new Set<string>();
  for (const table of tables) {
    for (const c of table.columns) {
      if (c.key !== null) continue;
      const id = columnId(c);
      if (seen.has(id)) continue;
      seen.add(id);
      extraColumns.push({ id, header: c.header });
    }
  }
  return {
    tables,
    roster: validation.context.roster,
    rosterSheet: findSheet(workbook, ROSTER_SHEET),
    settingsSheet: findSheet(workbook, SETTINGS_SHEET),
    categories: validation.context.settings.categories ?? DEFAULT_SETTINGS.categories,
    date1904: workbook.date1904,
    extraColumns,
  };
}

/** The master's rows for pre-filling, each with the roster unit it resolves to (`null`: unknown). */
export function masterRows(master: MasterLedger): Array<{ unit: string | null; row: TemplateRow }> {
  const vocabulary: Vocabulary | null = master.roster ? unitVocabulary(master.roster) : null;
  const out: Array<{ unit: string | null; row: TemplateRow }> = [];
  for (const table of master.tables) {
    const unitAt = table.columns.findIndex((c) => c.key === "unit");
    // 来源文件/来源行 say where the master's rows came from; the unit's return gets its own.
    const positions = columnPositions(tableColumnIds(table));
    for (const row of table.rows) {
      const cells = rowCells(positions, row.cells);
      let unit: string | null = null;
      if (unitAt >= 0 && vocabulary !== null) {
        const parsed = parseEnum(row.cells[unitAt]!.value, vocabulary, "unknown-unit");
        if (parsed.kind === "ok") unit = parsed.value;
      } else if (unitAt >= 0) {
        const text = parseText(row.cells[unitAt]!.value);
        if (text.kind === "ok") unit = text.value;
      }
      out.push({ unit, row: { cells, date1904: master.date1904 } });
    }
  }
  return out;
}

/**
 * Without a roster, the units the rows name, first seen first: one per comparison key (SPEC §3), so
 * that `青山 区` and `青山区` are one unit with one workbook, named as first written.
 */
function unitsOfRows(rows: ReadonlyArray<{ unit: string | null }>): string[] {
  const names = new Map<string, string>();
  for (const { unit } of rows) {
    if (unit === null) continue;
    const key = enumKey(unit);
    if (!names.has(key)) names.set(key, unit);
  }
  return [...names.values()];
}

/** One workbook to write. */
export interface PlannedFile {
  readonly fileName: string;
  /** The unit, or `null` for the unknown-unit workbook. */
  readonly unit: string | null;
  readonly rows: number;
  /**
   * The workbook, planned when asked: a caller writing one file at a time holds one unit's plan, not
   * every unit's at once (a 100k-row master's plans are a third copy of its cells).
   */
  plan(): WorkbookPlan;
}

export interface SplitPlan {
  readonly files: readonly PlannedFile[];
  /** Whether the master has a roster (without one, the units are those its rows name). */
  readonly roster: boolean;
  /** Rows of the master. */
  readonly rowsIn: number;
  /** Rows whose unit is empty or not in the roster (in `UNKNOWN_UNIT_FILE`). */
  readonly unknownRows: number;
}

/** A unit's template workbook: the template pre-filled with `rows`, the roster and the settings. */
export function planUnitWorkbook(
  master: MasterLedger,
  unit: string | null,
  rows: readonly TemplateRow[],
): WorkbookPlan {
  const units = master.roster ? master.roster.units.map((u) => u.name) : unit ? [unit] : [];
  const [options, ledger] = buildTemplateSheets({
    unit,
    categories: master.categories,
    units,
    extraColumns: master.extraColumns,
    rows,
  });
  const carried = [master.rosterSheet, master.settingsSheet]
    .filter((s): s is SheetGrid => s !== undefined)
    .map((s) => copySheetPlan(s, master.date1904));
  return { sheets: [options!, ledger!, ...carried] };
}

/**
 * One pre-filled workbook per roster unit (units without rows get a blank one, unit filled in),
 * plus `UNKNOWN_UNIT_FILE` when some rows name no roster unit.
 *
 * @example planSplit(readMaster(grid, "2022-11-01")!).files.map((f) => f.fileName)
 */
export function planSplit(master: MasterLedger): SplitPlan {
  const roster = master.roster;
  const rows = masterRows(master);
  const byUnit = new Map<string, TemplateRow[]>();
  const unknown: TemplateRow[] = [];
  for (const { unit, row } of rows) {
    if (unit === null) unknown.push(row);
    else {
      const key = enumKey(unit);
      const list = byUnit.get(key);
      if (list) list.push(row);
      else byUnit.set(key, [row]);
    }
  }
  const names = roster ? [...roster.units, ...(roster.unranked ?? [])].map((u) => u.name) : unitsOfRows(rows);
  // The plans need the master's setup, not its tables: its rows are all in `byUnit` and `unknown` now.
  const setup: MasterLedger = { ...master, tables: [] };
  const files: PlannedFile[] = names.map((unit) => {
    const own = byUnit.get(enumKey(unit)) ?? [];
    return {
      fileName: unitFileName(unit),
      unit,
      rows: own.length,
      plan: () => planUnitWorkbook(setup, unit, own),
    };
  });
  if (unknown.length > 0) {
    files.push({
      fileName: UNKNOWN_UNIT_FILE,
      unit: null,
      rows: unknown.length,
      plan: () => planUnitWorkbook(setup, null, unknown),
    });
  }
  return { files, roster: roster !== null, rowsIn: rows.length, unknownRows: unknown.length };
}
