/**
 * Writes a `SheetPlan` (core/plan) into the open WPS workbook (SPEC §7, §12, §13), in blocks:
 *
 * 1. the target name is looked up; a sheet the product did not create is never touched
 *    (`SheetNotOwnedError`); replacing one of ours asks `confirmReplace` first;
 * 2. the new sheet is added after the old one (or at the end), the old one deleted with WPS's
 *    confirmation dialog off, and the new one takes its name and place;
 * 3. text cells that WPS would parse on entry (`=…`, numbers, dates, `TRUE` …) get the Text format
 *    `@` first, one `NumberFormat` per block list — `NumberFormat` takes one code, not an array;
 * 4. values are written with `Value2 = rows` in slices of whole rows;
 * 5. then the other number formats, styles (one call per property per list of blocks), merges,
 *    column widths (ET takes characters, the plan's unit), row heights, hyperlinks, freeze panes,
 *    print setup, data validations, defined names, tab colour, visibility and, last, sheet
 *    protection (cells styled `locked: false` stay editable).
 *
 * A workbook-scoped name the plan defines that already exists is replaced only when it refers to
 * the sheet being replaced (or to nothing, `#REF!`); any other is the user's (`NameTakenError`),
 * checked before anything is written. A list validation's source sheet must exist already: the
 * pane writes a plan's sheets in plan order.
 *
 * `ScreenUpdating` is off throughout and the pane gets the event loop between slices.
 * Not rendered in WPS: data bars and charts (the plan's optional visuals; `notes` says so).
 */
import { type CellRange, columnName } from "../../core/grid";
import {
  type CellStyle,
  type PlanValidation,
  type PlanValue,
  type SheetKind,
  type SheetPlan,
  expandBody,
} from "../../core/plan";
import { addressLists, cellsToRanges, rangeAddress } from "./address";
import {
  DV_ALERT,
  DV_DATE,
  DV_DECIMAL,
  DV_LIST,
  DV_WHOLE,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  OP_BETWEEN,
  OP_GREATER_EQUAL,
  OP_LESS_EQUAL,
  SHEET_HIDDEN,
  XL_BOTTOM,
  XL_CENTER,
  XL_CONTINUOUS,
  XL_LANDSCAPE,
  XL_LEFT,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_RIGHT,
  XL_THIN,
  XL_TOP,
  toEtColor,
} from "./et";
import { NameTakenError, ReplaceCancelledError, SheetNotOwnedError } from "./errors";
import { Pacer, type Yield, withAlertsOff, withScreenUpdatingOff, yieldToEventLoop } from "./pace";
import { activeWorkbook, findSheet, kindOf, lastSheet, markSheet } from "./sheets";

/** Cells per `Value2` write. */
export const WRITE_SLICE_CELLS = 20_000;

export interface RenderOptions {
  readonly kind: SheetKind;
  readonly confirmReplace?: (sheet: string, kind: SheetKind | null) => Promise<boolean>;
  readonly activate?: boolean;
  readonly yieldNow?: Yield;
  readonly sliceCells?: number;
}

export type RenderNote = "bars-skipped" | "charts-skipped";

export interface RenderResult {
  readonly sheet: string;
  readonly replaced: boolean;
  /** What the plan asked for that WPS was not given (codes; the pane words them). */
  readonly notes: readonly RenderNote[];
}

/** Would WPS parse this string as something other than text when entered into a General cell? */
export function needsTextFormat(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@#']/.test(t)) return true; // formulas, signed numbers, references, error literals, the quote prefix
  if (/^(true|false)$/i.test(t)) return true;
  // Numbers, percentages, currency, fractions, dates and times are made only of these characters.
  return /^[\d\s.,:/%$¥€()eE年月日时分秒+-]+$/.test(t) && /\d/.test(t);
}

/** Writes `plan` as a sheet, replacing only a sheet the product generated (after confirmation). */
export async function renderSheetPlan(
  app: EtApplication,
  sheetPlan: SheetPlan,
  options: RenderOptions,
): Promise<RenderResult> {
  const plan = expandBody(sheetPlan);
  const workbook = activeWorkbook(app);
  const existing = findSheet(workbook, plan.name);
  const replacedNames = checkNames(workbook, plan);
  if (existing) {
    const kind = kindOf(existing);
    if (kind === null) throw new SheetNotOwnedError(existing.Name);
    const ok = options.confirmReplace ? await options.confirmReplace(existing.Name, kind) : false;
    if (!ok) throw new ReplaceCancelledError(existing.Name);
  }
  const pacer = new Pacer(options.yieldNow ?? yieldToEventLoop);
  const notes: RenderNote[] = [];
  if (plan.bars?.length) notes.push("bars-skipped");
  if (plan.charts?.length) notes.push("charts-skipped");

  await withScreenUpdatingOff(app, async () => {
    const previousActive = app.ActiveSheet as EtWorksheet | null;
    const sheet = workbook.Worksheets.Add(undefined, existing ?? lastSheet(workbook)) as EtWorksheet;
    if (existing) await withAlertsOff(app, async () => existing.Delete());
    sheet.Name = plan.name;
    markSheet(sheet, options.kind);
    await writeCells(sheet, plan, pacer, options.sliceCells ?? WRITE_SLICE_CELLS);
    await applyStyles(sheet, plan, pacer);
    for (const merge of plan.merges) {
      sheet.Range(rangeAddress(merge)).Merge();
      await pacer.spent();
    }
    for (const [column, chars] of plan.columnWidths.entries()) {
      if (chars > 0) sheet.Range(`${columnName(column)}:${columnName(column)}`).ColumnWidth = chars;
    }
    for (const [row, points] of Object.entries(plan.rowHeights ?? {})) {
      sheet.Range(`${Number(row) + 1}:${Number(row) + 1}`).RowHeight = points;
    }
    await pacer.spent(plan.columnWidths.length + Object.keys(plan.rowHeights ?? {}).length);
    await addLinks(sheet, plan, pacer);
    if (plan.print) applyPrint(sheet, plan);
    if (plan.validations?.length) {
      const date1904 = Boolean(workbook.Date1904);
      for (const v of plan.validations) {
        addValidation(sheet.Range(rangeAddress(v.range)), v, date1904);
        await pacer.spent(10);
      }
    }
    for (const name of plan.names ?? []) {
      const refersTo = `=${quoteSheet(plan.name)}!${absoluteAddress(name.range)}`;
      if (name.scope === "sheet") sheet.Names.Add(name.name, refersTo, true);
      else {
        if (replacedNames.has(name.name)) workbook.Names.Item(name.name).Delete();
        workbook.Names.Add(name.name, refersTo, true);
      }
    }
    if (plan.tabColor) sheet.Tab.Color = toEtColor(plan.tabColor);
    // Freeze panes belong to the window of the active sheet: the sheet is active now (Add made it so).
    if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0) && plan.visibility !== "hidden") {
      sheet.Activate();
      const window = app.ActiveWindow;
      window.FreezePanes = false;
      window.SplitRow = plan.freeze.rows;
      window.SplitColumn = plan.freeze.columns;
      window.FreezePanes = true;
    }
    if (plan.visibility === "hidden") sheet.Visible = SHEET_HIDDEN;
    // Last: protecting first would lock the cells against the writes above.
    if (plan.protection) {
      const p = plan.protection;
      // Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells,
      // AllowFormattingColumns, AllowFormattingRows, AllowInsertingColumns, AllowInsertingRows,
      // AllowInsertingHyperlinks, AllowDeletingColumns, AllowDeletingRows, AllowSorting, AllowFiltering.
      sheet.Protect(
        undefined,
        true,
        true,
        undefined,
        undefined,
        false,
        p.allowFormatColumns === true,
        p.allowFormatRows === true,
        false,
        p.allowInsertRows === true,
        false,
        false,
        p.allowDeleteRows === true,
        p.allowSort === true,
        p.allowAutoFilter === true,
      );
    }
    if (options.activate && plan.visibility !== "hidden") sheet.Activate();
    else if (previousActive && previousActive !== existing) {
      // Adding a sheet activates it; give the user back the sheet they were on.
      try {
        previousActive.Activate();
      } catch {
        // The previous sheet was hidden meanwhile: leave WPS's choice.
      }
    }
  });
  return { sheet: plan.name, replaced: existing !== null, notes };
}

function cellValue(value: PlanValue): { value: string | number | boolean | undefined; text: boolean } {
  if (value === null) return { value: undefined, text: false };
  if (typeof value === "object") {
    return { value: value.formula.startsWith("=") ? value.formula : `=${value.formula}`, text: false };
  }
  if (typeof value === "string") return { value, text: needsTextFormat(value) };
  return { value, text: false };
}

async function writeCells(sheet: EtWorksheet, plan: SheetPlan, pacer: Pacer, sliceCells: number) {
  const height = plan.rows.length;
  const width = plan.rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (height === 0 || width === 0) return;
  const textCells: [number, number][] = [];
  const formatCells = new Map<string, [number, number][]>();
  const values: (string | number | boolean | undefined)[][] = [];
  for (let r = 0; r < height; r++) {
    const row = plan.rows[r] ?? [];
    const out: (string | number | boolean | undefined)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      const { value, text } = cellValue(cell?.value ?? null);
      out.push(value);
      const numFmt = cell?.style ? plan.styles[cell.style]?.numFmt : undefined;
      if (text) textCells.push([r, c]);
      else if (numFmt && numFmt !== "General") {
        let list = formatCells.get(numFmt);
        if (!list) formatCells.set(numFmt, (list = []));
        list.push([r, c]);
      }
    }
    values.push(out);
  }
  // Text format before the values: WPS keeps what is entered into a `@` cell as the string typed.
  await setFormat(sheet, textCells, "@", pacer);
  const sliceRows = Math.max(1, Math.floor(sliceCells / width));
  for (let top = 0; top < height; top += sliceRows) {
    const bottom = Math.min(height, top + sliceRows) - 1;
    sheet.Range(rangeAddress({ top, left: 0, bottom, right: width - 1 })).Value2 = values.slice(
      top,
      bottom + 1,
    );
    await pacer.pause();
  }
  for (const [format, cells] of formatCells) await setFormat(sheet, cells, format, pacer);
}

async function setFormat(sheet: EtWorksheet, cells: [number, number][], format: string, pacer: Pacer) {
  for (const list of addressLists(cellsToRanges(cells).map(rangeAddress))) {
    sheet.Range(list).NumberFormat = format;
    await pacer.spent();
  }
}

const H_ALIGN = { left: XL_LEFT, center: XL_CENTER, right: XL_RIGHT } as const;
const V_ALIGN = { top: XL_TOP, middle: XL_CENTER, bottom: XL_BOTTOM } as const;

async function applyStyles(sheet: EtWorksheet, plan: SheetPlan, pacer: Pacer) {
  const cellsByStyle = new Map<string, [number, number][]>();
  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.style || !plan.styles[cell.style]) return;
      let list = cellsByStyle.get(cell.style);
      if (!list) cellsByStyle.set(cell.style, (list = []));
      list.push([r, c]);
    }),
  );
  for (const [id, cells] of cellsByStyle) {
    const style = plan.styles[id]!;
    if (!Object.keys(style).some((k) => k !== "numFmt" && k !== "locked") && style.locked !== false) continue;
    for (const list of addressLists(cellsToRanges(cells).map(rangeAddress))) {
      await pacer.spent(applyStyle(sheet.Range(list), style));
    }
  }
}

/** Applies `style` to `range`; returns the number of calls made. */
function applyStyle(range: EtRange, style: CellStyle): number {
  let calls = 1;
  const font = () => (calls++, range.Font);
  if (style.bold !== undefined) font().Bold = style.bold;
  if (style.italic !== undefined) font().Italic = style.italic;
  if (style.fontSize !== undefined) font().Size = style.fontSize;
  if (style.fontColor) font().Color = toEtColor(style.fontColor);
  if (style.fill) {
    range.Interior.Color = toEtColor(style.fill);
    calls += 2;
  }
  if (style.hAlign) {
    range.HorizontalAlignment = H_ALIGN[style.hAlign];
    calls++;
  }
  if (style.vAlign) {
    range.VerticalAlignment = V_ALIGN[style.vAlign];
    calls++;
  }
  if (style.wrap !== undefined) {
    range.WrapText = style.wrap;
    calls++;
  }
  if (style.indent) {
    range.IndentLevel = style.indent;
    calls++;
  }
  if (style.locked === false) {
    range.Locked = false;
    calls++;
  }
  if (style.border) {
    const borders = range.Borders;
    borders.LineStyle = XL_CONTINUOUS;
    borders.Weight = XL_THIN;
    borders.Color = toEtColor("808080");
    calls += 4;
  }
  return calls;
}

async function addLinks(sheet: EtWorksheet, plan: SheetPlan, pacer: Pacer) {
  for (const [r, row] of plan.rows.entries()) {
    for (const [c, cell] of row.entries()) {
      if (!cell?.link) continue;
      const address = rangeAddress({ top: r, left: c, bottom: r, right: c });
      const text =
        typeof cell.value === "string" || typeof cell.value === "number" ? String(cell.value) : undefined;
      const target = `'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell}`;
      // Anchor, Address ("" = this workbook), SubAddress, ScreenTip, TextToDisplay.
      sheet.Hyperlinks.Add(sheet.Range(address), "", target, undefined, text);
      if (text !== undefined && needsTextFormat(text)) sheet.Range(address).NumberFormat = "@";
      await pacer.spent(3);
    }
  }
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function absoluteAddress(range: CellRange): string {
  const cell = (r: number, c: number) => `$${columnName(c)}$${r + 1}`;
  const first = cell(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? first
    : `${first}:${cell(range.bottom, range.right)}`;
}

/**
 * The workbook-scoped names the plan defines that exist already and may be replaced (they refer to
 * this sheet or to nothing); throws `NameTakenError` for one that is the user's. ET raises an error
 * for an unknown name (no "…OrNullObject"), hence the try.
 */
function checkNames(workbook: EtWorkbook, plan: SheetPlan): Set<string> {
  const replaced = new Set<string>();
  for (const name of plan.names ?? []) {
    if (name.scope === "sheet") continue;
    let refersTo: unknown;
    try {
      refersTo = workbook.Names.Item(name.name).RefersTo;
    } catch {
      continue;
    }
    const formula = String(refersTo);
    const ours =
      formula.includes("#REF!") ||
      formula.includes(`${quoteSheet(plan.name)}!`) ||
      formula.includes(`=${plan.name}!`);
    if (!ours) throw new NameTakenError(name.name);
    replaced.add(name.name);
  }
  return replaced;
}

/** ISO date → the serial number WPS stores, in the workbook's date system. */
function dateSerial(iso: string, date1904: boolean): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return String(Math.round((Date.UTC(y, m - 1, d) - epoch) / 86_400_000));
}

/** `{min, max}` → ET's operator and formulas: Between, ≥ or ≤; `open` bounds when there is neither. */
function bounds(min: string | undefined, max: string | undefined, open: [string, string]) {
  if (min !== undefined && max !== undefined) return { operator: OP_BETWEEN, formula1: min, formula2: max };
  if (min !== undefined) return { operator: OP_GREATER_EQUAL, formula1: min };
  if (max !== undefined) return { operator: OP_LESS_EQUAL, formula1: max };
  return { operator: OP_BETWEEN, formula1: open[0], formula2: open[1] };
}

/** The ET validation (type, operator, formulas) for a plan rule: only ranges and numbers, no cell text. */
export function etValidation(rule: PlanValidation["rule"], date1904: boolean) {
  const num = (n: number | undefined) => (n === undefined ? undefined : String(n));
  switch (rule.type) {
    case "list": {
      const formula1 =
        "name" in rule.source
          ? `=${rule.source.name}`
          : `=${quoteSheet(rule.source.sheet)}!${absoluteAddress(rule.source.range)}`;
      return { type: DV_LIST, operator: OP_BETWEEN, formula1 } as {
        type: number;
        operator: number;
        formula1: string;
        formula2?: string;
      };
    }
    case "whole":
      return { type: DV_WHOLE, ...bounds(num(rule.min), num(rule.max), ["-2147483648", "2147483647"]) };
    case "decimal":
      return { type: DV_DECIMAL, ...bounds(num(rule.min), num(rule.max), ["-1E+307", "1E+307"]) };
    case "date": {
      const d = (iso: string | undefined) => (iso === undefined ? undefined : dateSerial(iso, date1904));
      // Without bounds: any date, serial 1 (1900-01-01) or 0 (1904-01-01) to 9999-12-31.
      const open: [string, string] = date1904 ? ["0", "2957003"] : ["1", "2958465"];
      return { type: DV_DATE, ...bounds(d(rule.min), d(rule.max), open) };
    }
  }
}

function addValidation(range: EtRange, v: PlanValidation, date1904: boolean) {
  const { type, operator, formula1, formula2 } = etValidation(v.rule, date1904);
  const validation = range.Validation;
  validation.Add(type, DV_ALERT[v.error?.style ?? "stop"], operator, formula1, formula2);
  validation.IgnoreBlank = v.allowBlank !== false;
  if (type === DV_LIST) validation.InCellDropdown = true;
  if (v.prompt) {
    validation.InputTitle = v.prompt.title ?? "";
    validation.InputMessage = v.prompt.text;
    validation.ShowInput = true;
  }
  validation.ErrorTitle = v.error?.title ?? "";
  validation.ErrorMessage = v.error?.text ?? "";
  validation.ShowError = true;
}

function applyPrint(sheet: EtWorksheet, plan: SheetPlan) {
  const print = plan.print!;
  const setup = sheet.PageSetup;
  setup.Orientation = print.orientation === "landscape" ? XL_LANDSCAPE : XL_PORTRAIT;
  setup.PaperSize = XL_PAPER_A4;
  if (print.fitToWidth) {
    // Zoom = false makes FitToPages* apply; FitToPagesTall = false: as many pages tall as needed.
    setup.Zoom = false;
    setup.FitToPagesWide = 1;
    setup.FitToPagesTall = false;
  }
  if (print.centerHorizontally !== undefined) setup.CenterHorizontally = print.centerHorizontally;
  if (print.margins) {
    // Plan margins are inches (as in .xlsx); PageSetup takes points.
    setup.LeftMargin = print.margins.left * 72;
    setup.RightMargin = print.margins.right * 72;
    setup.TopMargin = print.margins.top * 72;
    setup.BottomMargin = print.margins.bottom * 72;
  }
  if (print.repeatRows) setup.PrintTitleRows = `$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`;
}
