/**
 * The host port (`src/host`) implemented over WPS 表格's ET object model: the pane's operations as
 * calls on `window.Application`, through this adapter's readers and writers (blocks, slices,
 * `ScreenUpdating` off while writing). Everything but the calls is shared with Office: the views,
 * the engine and the ownership policy.
 */
import {
  type CellWrite,
  type HostFile,
  type HostNote,
  type OpenOutcome,
  type SaveOutcome,
  browserDownload,
} from "../../host";
import type {
  HostReadOptions,
  HostSheetInfo,
  SpreadsheetHost,
  SheetToWrite,
  WriteSheetsOptions,
} from "../../host";
import type { EtApplication } from "./et";
import { toWpsError } from "./errors";
import { clearHighlights, highlightIssues } from "./highlight";
import { inspectSheets } from "./inspect";
import { type Yield, yieldToEventLoop } from "./pace";
import { readWorkbook } from "./read";
import { renderSheetPlan } from "./render";
import { selectCell } from "./select";
import { activeWorkbook, kindOf, listSheets } from "./sheets";
import { writeCells } from "./write-cells";
import { type WpsFiles, openFromTemp, saveWithDialog } from "./files";

export interface WpsHostOptions {
  readonly yieldNow?: Yield;
  /** WPS's add-in root (`window.wps`): its `FileSystem` and `Env`; without them files are downloads. */
  readonly files?: WpsFiles | undefined;
  /** How a file is offered where WPS offers no file system (defaults to the browser's download). */
  readonly download?: (file: HostFile) => void;
}

/** Runs `operation`, turning anything WPS throws into a `HostError` the pane can word. */
async function guarded<T>(operation: () => T | Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toWpsError(error);
  }
}

/** The ET implementation of the host port, over `app` (WPS's `window.Application`). */
export function createWpsHost(app: EtApplication, options: WpsHostOptions = {}): SpreadsheetHost {
  const yieldNow = options.yieldNow ?? yieldToEventLoop;
  return {
    name: "wps",
    // ET reads the date system (Date1904), merges and fills and writes page setup on every WPS.
    capabilities: { dateSystem: true, readMerges: true, highlight: true, printSetup: true },

    listSheets: () =>
      guarded((): HostSheetInfo[] =>
        listSheets(activeWorkbook(app)).map(({ sheet, name, visible }) => ({
          name,
          visible,
          status: kindOf(sheet) ?? "foreign",
        })),
      ),

    readWorkbook: (read: HostReadOptions = {}) =>
      guarded(async () => {
        const { sheets, date1904 } = await readWorkbook(app, {
          yieldNow,
          ...(read.include ? { include: read.include } : {}),
          ...(read.onProgress ? { onProgress: read.onProgress } : {}),
        });
        return { sheets, date1904, notes: [] };
      }),

    inspectSheets: (names) => guarded(() => inspectSheets(app, names)),

    writeSheets: (sheets: readonly SheetToWrite[], write: WriteSheetsOptions) =>
      guarded(async () => {
        const notes: HostNote[] = [];
        for (const { plan, kind } of sheets) {
          write.onSheet?.(plan.name);
          const result = await renderSheetPlan(app, plan, {
            kind,
            yieldNow,
            // The adapter refuses a foreign sheet itself; ours only when the pane named it.
            confirmReplace: (sheet) => Promise.resolve(write.replace.has(sheet)),
          });
          for (const skipped of result.notes) {
            const note: HostNote = {
              code: "visuals-skipped",
              visual: skipped === "bars-skipped" ? "data-bars" : "charts",
            };
            if (!notes.some((n) => JSON.stringify(n) === JSON.stringify(note))) notes.push(note);
          }
        }
        if (write.activate !== undefined) selectCell(app, write.activate, "A1");
        return notes;
      }),

    writeCells: (sheet: string, cells: readonly CellWrite[], write: { readonly create: boolean }) =>
      guarded(() => writeCells(app, sheet, cells, write)),

    selectCell: (sheet, cell) => guarded(() => selectCell(app, sheet, cell)),

    highlight: (targets) => guarded(() => highlightIssues(app, targets, { yieldNow })),

    clearHighlights: () => guarded(() => clearHighlights(app, { yieldNow })),

    saveFile: (file) =>
      guarded((): SaveOutcome => {
        const saved = saveWithDialog(app, options.files, file);
        if (saved) return saved;
        (options.download ?? browserDownload)(file);
        return { via: "download" };
      }),

    openWorkbook: (file) => guarded((): OpenOutcome => openFromTemp(app, options.files, file)),
  };
}
