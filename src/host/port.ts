/**
 * The host port: every operation the task pane needs from the spreadsheet it runs in. The views
 * reach the workbook only through it; each host implements it in its adapter — Excel through
 * Office.js (`adapters/office/host.ts`) today, WPS 表格 through the ET object model next — and the
 * pane is handed one at start (`taskpane/host.ts` detects which).
 *
 * Rules every implementation keeps (SPEC §11–§13):
 * - reads and writes go in blocks (never cell by cell where a block works), each request under the
 *   host's payload limit, with progress reported through the hooks below;
 * - a `string` is written as text, never as a formula, number or date;
 * - ownership: a sheet the product did not create is never overwritten (`SheetStatus` "foreign"
 *   → `HostError` `sheet-not-owned`), and one of ours is replaced only when named in `replace`
 *   (the pane decides with core's `decideSheetWrites`);
 * - failures are thrown as `HostError` (a `HostProblem` as data); what the host could not do but
 *   worked around comes back as `HostNote`s. Words are made by the pane (`./message.ts`).
 *
 * Operations are added here when a view needs one (additive: every host then implements it).
 */
import type { WorkbookGrid } from "../core/grid";
import type { SheetKind, SheetPlan, SheetStatus } from "../core/plan";
import type { HostNote } from "./problem";

export type { SheetKind, SheetStatus };

/** Which host this is; the pane may say what a host cannot do. */
export type HostName = "office" | "wps";

/** What a host can do beyond the common ground; the pane says so where one is false. */
export interface HostCapabilities {
  /** The workbook's date system is known (Office.js cannot read it; WPS has `Date1904`). */
  readonly dateSystem: boolean;
  /** Merged cells can be read. */
  readonly readMerges: boolean;
  /** Problem cells can be highlighted and restored. */
  readonly highlight: boolean;
  /** Page setup (A4, fit to width, repeated titles) can be written. */
  readonly printSetup: boolean;
}

/** A worksheet of the open workbook. */
export interface HostSheetInfo {
  readonly name: string;
  readonly visible: boolean;
  /** Whether the product created it (and as what). */
  readonly status: Exclude<SheetStatus, "absent">;
}

export interface ReadProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
  /** The last sheet read from. */
  readonly sheet: string;
}

export interface HostReadOptions {
  /** Read only the sheets this accepts (e.g. just `设置`); the others are left out of the result. */
  readonly include?: (sheetName: string) => boolean;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** The open workbook as grids (values, number formats, merges, date system) and what the host noted. */
export interface HostWorkbook extends WorkbookGrid {
  readonly notes: readonly HostNote[];
}

/** A generated sheet to write, with the ownership kind the host records on it. */
export interface SheetToWrite {
  readonly plan: SheetPlan;
  readonly kind: SheetKind;
}

export interface WriteSheetsOptions {
  /** Names of our own sheets that may be replaced (any other existing name is refused). */
  readonly replace: ReadonlySet<string>;
  /** The sheet to show when done (its A1 selected). */
  readonly activate?: string;
  /** Called before each sheet is written. */
  readonly onSheet?: (name: string) => void;
}

/** One cell of a user's sheet to write (the settings editor); `""` empties the cell. */
export interface CellWrite {
  /** A1 address, e.g. `B4`. */
  readonly cell: string;
  readonly value: string | number;
}

export interface HighlightTarget {
  readonly sheet: string;
  readonly cell: string | null;
  readonly severity: "error" | "warning";
}

export interface HighlightResult {
  readonly highlighted: number;
  /** Sheets named by issues that no longer exist. */
  readonly missingSheets: readonly string[];
}

export interface ClearResult {
  readonly restored: number;
  readonly missingSheets: readonly string[];
}

/** A workbook file the pane made in memory (a 退回件, an exported notice) for the user to keep. */
export interface HostFile {
  /** File name offered to the user, e.g. `青山区-退回修改.xlsx`. */
  readonly name: string;
  /** The file's bytes (an .xlsx package, or a .docx when the name says so). */
  readonly bytes: Uint8Array;
}

/**
 * How a file was handed to the user: the browser's download (the user keeps it from the
 * downloads), written where the user chose in the host's save dialog, or not saved (dialog cancelled).
 */
export type SaveOutcome =
  | { readonly via: "download" }
  | { readonly via: "dialog"; readonly path: string }
  | { readonly via: "cancelled" };

/** How `openWorkbook` went: opened in a new window, or the host cannot open a workbook from bytes. */
export type OpenOutcome = { readonly opened: true } | { readonly opened: false };

/** The spreadsheet host the task pane runs in. */
export interface SpreadsheetHost {
  readonly name: HostName;
  readonly capabilities: HostCapabilities;

  /** The worksheets of the open workbook, in tab order, with their ownership. */
  listSheets(): Promise<readonly HostSheetInfo[]>;
  /** Reads used ranges — values, number formats, merges — in blocks, and the date system. */
  readWorkbook(options?: HostReadOptions): Promise<HostWorkbook>;
  /** What holds each of `names` now (one round trip), for core's `decideSheetWrites`. */
  inspectSheets(names: readonly string[]): Promise<ReadonlyMap<string, SheetStatus>>;
  /** Writes generated sheets in order, in blocks, marking each as ours; returns the host's notes. */
  writeSheets(sheets: readonly SheetToWrite[], options: WriteSheetsOptions): Promise<readonly HostNote[]>;
  /** Writes single cells of a user's sheet (creating the sheet first when `create`). */
  writeCells(
    sheet: string,
    cells: readonly CellWrite[],
    options: { readonly create: boolean },
  ): Promise<void>;
  /** Activates `sheet` and selects `cell`. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Fills problem cells (errors red, warnings yellow), remembering each original format. */
  highlight(targets: readonly HighlightTarget[]): Promise<HighlightResult>;
  /** Restores exactly the formats `highlight` changed. */
  clearHighlights(): Promise<ClearResult>;
  /**
   * Hands a file the pane made to the user: the host's save dialog where it has one the pane can
   * call (WPS), else the browser's download. Call it from a click (browsers allow a download then).
   */
  saveFile(file: HostFile): Promise<SaveOutcome>;
  /**
   * Opens an .xlsx given as bytes as a new workbook window (Excel: `Excel.createWorkbook`, ExcelApi
   * 1.8; WPS: written to its temp folder and opened). `{opened: false}` when this host cannot: the
   * pane then offers the file through `saveFile` and says so. The open workbook is not touched.
   */
  openWorkbook(file: HostFile): Promise<OpenOutcome>;
}
