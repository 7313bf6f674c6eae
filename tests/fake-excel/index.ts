/**
 * The fake Excel and Office globals for tests: `createFakeExcel(sheets)` gives an `Excel`-like
 * namespace (`Excel.run`, enums) bound to an in-memory workbook, plus the model to inspect.
 * Works in Jest (import) and in the browser (see `browser.ts`, bundled by the e2e test).
 */
import { FakeRequestContext, PAYLOAD_LIMIT_BYTES } from "./fake-excel";
import { type FakeValue, WorkbookModel, columnLetters, parseAddress } from "./model";

export * from "./fake-excel";
export * from "./model";
export { createFakeOffice, type FakeOffice, type FakeOfficeOptions } from "./office";

export interface FakeSheetInput {
  name: string;
  /** rows of values; `null`/`undefined` = empty. Dates as serial numbers, as Excel holds them. */
  rows: ReadonlyArray<ReadonlyArray<FakeValue | null | undefined> | undefined>;
  numberFormats?: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
  /** A1 ranges, e.g. `"A1:K1"`. */
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Fills by A1 cell, e.g. `{ B3: "#FFFF00" }`. */
  fills?: Record<string, string>;
}

export interface FakeExcel {
  readonly model: WorkbookModel;
  /** Every context handed out by `run`, in order. */
  readonly contexts: FakeRequestContext[];
  run<T>(batch: (context: any) => Promise<T>): Promise<T>;
  /** A context without `run`, for adapter tests that call the adapter directly. */
  newContext(): FakeRequestContext;
  readonly ConditionalFormatType: Record<string, string>;
  readonly ChartType: Record<string, string>;
  readonly ErrorCodes: Record<string, string>;
  /**
   * `Excel.createWorkbook(base64)` (ExcelApi 1.8): opens a new workbook window from an .xlsx given as
   * base64; absent when the fake is built with `createWorkbook: false` (an Excel without it).
   */
  createWorkbook?: (base64?: string) => Promise<void>;
  /** The base64 of every workbook `createWorkbook` opened, in order. */
  readonly created: string[];
}

export function buildWorkbook(sheets: readonly FakeSheetInput[]): WorkbookModel {
  const model = new WorkbookModel();
  for (const input of sheets) {
    const sheet = model.addSheet(input.name);
    sheet.visibility = input.visibility ?? "Visible";
    input.rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") sheet.setValue(r, c, v);
      }),
    );
    input.numberFormats?.forEach((row, r) => row?.forEach((f, c) => f && sheet.setFormat(r, c, f)));
    sheet.merges = (input.merges ?? []).map((m) => parseAddress(m).rect);
    for (const [cell, color] of Object.entries(input.fills ?? {})) {
      const { rect } = parseAddress(cell);
      sheet.updateStyle(rect.top, rect.left, { fill: color.toUpperCase(), pattern: "Solid" });
    }
  }
  model.activeSheet = model.sheets.find((s) => s.visibility === "Visible") ?? null;
  return model;
}

export function createFakeExcel(
  sheets: readonly FakeSheetInput[],
  options: { payloadLimit?: number; createWorkbook?: boolean } = {},
): FakeExcel {
  const created: string[] = [];
  const limit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  const model = buildWorkbook(sheets);
  const contexts: FakeRequestContext[] = [];
  const newContext = () => {
    const ctx = new FakeRequestContext(model, options.payloadLimit ?? PAYLOAD_LIMIT_BYTES);
    contexts.push(ctx);
    return ctx;
  };
  return {
    model,
    contexts,
    newContext,
    async run(batch) {
      const ctx = newContext();
      const result = await batch(ctx);
      await ctx.sync();
      return result;
    },
    ConditionalFormatType: { dataBar: "DataBar", custom: "Custom", cellValue: "CellValue" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ErrorCodes: {
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemNotFound: "ItemNotFound",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    },
    created,
    ...(options.createWorkbook === false
      ? {}
      : {
          createWorkbook(base64?: string): Promise<void> {
            const text = base64 ?? "";
            // The base64 travels in one request: Excel on the web refuses one over its limit.
            if (text.length * 2 > limit) {
              return Promise.reject(
                Object.assign(new Error("The request payload size has exceeded the limit."), {
                  code: "RequestPayloadSizeLimitExceeded",
                }),
              );
            }
            // Excel opens only a real package: base64 of a ZIP starts with "UEsD" ("PK\x03\x04").
            if (text !== "" && !text.startsWith("UEsD")) {
              return Promise.reject(
                Object.assign(new Error("The file is corrupt."), { code: "InvalidArgument" }),
              );
            }
            created.push(text);
            return Promise.resolve();
          },
        }),
  };
}

/** `cellAt(model, "Sheet", "B3")` → the value Excel would return for that cell ("" when empty). */
export function cellAt(model: WorkbookModel, sheet: string, cell: string): FakeValue | "" {
  const s = model.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { rect } = parseAddress(cell);
  return s.getValue(rect.top, rect.left);
}

export { columnLetters };
