/**
 * The host port (`src/host`) implemented over Office.js: each operation one `Excel.run` batch
 * (with the cell-edit-mode retry) through this adapter's readers and writers.
 */
import {
  type CellWrite,
  type HostFile,
  type HostNote,
  type OpenOutcome,
  type SaveOutcome,
  browserDownload,
  bytesToBase64,
} from "../../host";
import type {
  HostReadOptions,
  HostSheetInfo,
  SpreadsheetHost,
  SheetToWrite,
  WriteSheetsOptions,
} from "../../host";
import { toAdapterError } from "./errors";
import { clearHighlights, highlightIssues } from "./highlight";
import { inspectSheets } from "./inspect";
import { kindOf, loadOwnerMark } from "./ownership";
import { readWorkbook } from "./read";
import { renderSheetPlan } from "./render";
import { selectCell } from "./select";
import { type ApiSupport, type RetryOptions, officeApiSupport, runExcel } from "./support";
import { writeCells } from "./write-cells";

export interface OfficeHostOptions extends RetryOptions {
  /** `Excel` (defaults to the global one). */
  readonly excel?: { run: typeof Excel.run; createWorkbook?: (base64?: string) => Promise<void> };
  readonly supports?: ApiSupport;
  /** How a file is offered (defaults to the browser's download). */
  readonly download?: (file: HostFile) => void;
}

type CreateWorkbook = (base64?: string) => Promise<void>;

/** `Excel.createWorkbook` (ExcelApi 1.8) where this Excel has it. */
function createWorkbookApi(options: OfficeHostOptions, supports: ApiSupport): CreateWorkbook | null {
  const excel = options.excel ?? (globalThis as { Excel?: { createWorkbook?: CreateWorkbook } }).Excel;
  const create = excel?.createWorkbook;
  return supports(8) && typeof create === "function" ? create.bind(excel) : null;
}

/** The Office.js implementation of the host port. */
export function createOfficeHost(options: OfficeHostOptions = {}): SpreadsheetHost {
  const supports = options.supports ?? officeApiSupport;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runExcel(batch, options);
  return {
    name: "office",
    get capabilities() {
      return { dateSystem: false, readMerges: supports(13), highlight: supports(9), printSetup: supports(9) };
    },

    listSheets: () =>
      run(async (context): Promise<HostSheetInfo[]> => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/visibility");
        await context.sync();
        const marks = worksheets.items.map((ws) => ({ ws, mark: loadOwnerMark(ws) }));
        await context.sync();
        return marks.map(({ ws, mark }) => ({
          name: ws.name,
          visible: ws.visibility === "Visible",
          status: kindOf(mark) ?? "foreign",
        }));
      }),

    readWorkbook: (read: HostReadOptions = {}) =>
      run((context) =>
        readWorkbook(context, {
          supports,
          ...(read.include ? { include: read.include } : {}),
          ...(read.onProgress ? { onProgress: read.onProgress } : {}),
        }),
      ),

    inspectSheets: (names) => run((context) => inspectSheets(context, names)),

    writeSheets: (sheets: readonly SheetToWrite[], write: WriteSheetsOptions) =>
      run(async (context) => {
        const notes: HostNote[] = [];
        for (const { plan, kind } of sheets) {
          write.onSheet?.(plan.name);
          const result = await renderSheetPlan(context, plan, {
            kind,
            supports,
            // The adapter refuses a foreign sheet itself; ours only when the pane named it.
            confirmReplace: (sheet) => Promise.resolve(write.replace.has(sheet)),
          });
          for (const note of result.notes) notes.push(note);
        }
        if (write.activate !== undefined) await selectCell(context, write.activate, "A1");
        const seen = new Set<string>();
        return notes.filter((n) => {
          const key = JSON.stringify(n);
          return seen.has(key) ? false : (seen.add(key), true);
        });
      }),

    writeCells: (sheet: string, cells: readonly CellWrite[], write: { readonly create: boolean }) =>
      run((context) => writeCells(context, sheet, cells, write)),

    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),

    highlight: (targets) => run((context) => highlightIssues(context, targets, { supports })),

    clearHighlights: () => run((context) => clearHighlights(context, { supports })),

    // Office.js has no save dialog: the pane's browser downloads the file.
    saveFile: (file): Promise<SaveOutcome> => {
      (options.download ?? browserDownload)(file);
      return Promise.resolve({ via: "download" });
    },

    openWorkbook: async (file): Promise<OpenOutcome> => {
      const create = createWorkbookApi(options, supports);
      if (!create) return { opened: false };
      try {
        await create(bytesToBase64(file.bytes));
      } catch (error) {
        throw toAdapterError(error);
      }
      return { opened: true };
    },
  };
}
