/**
 * Writes a `SheetPlan` (core/plan) into the open workbook in bulk (SPEC §7, §11, §12):
 *
 * - sync 1 looks the target sheet up; if it exists, sync 2 reads its ownership mark: a sheet the
 *   product did not create is never touched (`SheetNotOwnedError`); replacing one of ours asks
 *   `confirmReplace` first;
 * - then one sync (more only for very large plans) deletes the old sheet, adds the new one and
 *   writes everything: number formats for the whole block, then values, both as single range
 *   writes chunked by payload; formats once per style (a RangeAreas of every block with that style
 *   on ExcelApi 1.9, else one call per block); merges, widths, heights, freeze panes, print setup,
 *   data bars, charts, tab colour and visibility; data validations (ExcelApi 1.8), defined names and,
 *   last, sheet protection (cells styled `locked: false` stay editable).
 *
 * Workbook-scoped names the plan defines are looked up in sync 1 too: one that refers to the sheet
 * being replaced (or to nothing, `#REF!`) is replaced; any other is the user's (`NameTakenError`).
 * A list validation's source sheet must exist already: write the plan's sheets in plan order.
 *
 * Text stays text: a plan string that Excel would parse on entry (`=…`, `+…`, `-…`, `@…`, numbers,
 * dates, `TRUE`, `#N/A`, …) gets the Text number format `@` before the values are written, in the
 * same batch. Excel keeps whatever is entered into a Text-formatted cell as the string typed (the
 * documented meaning of the Text format). The alternative, a leading `'`, would also work for typed
 * input but is then part of the string for Excel Online's `values` round trip, so it is not used.
 */
import { type CellRange, columnName } from "../../core/grid";
import {
  type CellStyle,
  type PlanValidation,
  type PlanValue,
  type SheetPlan,
  expandBody,
} from "../../core/plan";
import type { HostNote } from "../../host";
import { cellsToRanges, chunkAddresses, quoteSheetName, rangeAddress } from "./address";
import { NameTakenError, ReplaceCancelledError, SheetNotOwnedError } from "./errors";
import { type SheetKind, kindOf, loadOwnerMark, markSheet } from "./ownership";
import { type ApiSupport, officeApiSupport } from "./support";

/** Request budget per sync for values and number formats. */
export const WRITE_BUDGET_BYTES = 3 * 1024 * 1024;

export interface RenderOptions {
  /** What the sheet is; recorded on it so later runs know it is ours. */
  readonly kind: SheetKind;
  /**
   * Asked before replacing a sheet of the same name that the product generated earlier (e.g. the
   * same period's notice). Without it, such a sheet is not replaced (`ReplaceCancelledError`).
   */
  readonly confirmReplace?: (sheet: string, kind: SheetKind | null) => Promise<boolean>;
  /** Activate the sheet when done (ignored for hidden sheets). */
  readonly activate?: boolean;
  readonly supports?: ApiSupport;
  readonly budgetBytes?: number;
}

export interface RenderResult {
  readonly sheet: string;
  readonly replaced: boolean;
  readonly syncs: number;
  /** Features skipped because this Excel lacks them (Chinese, for the task pane). */
  readonly notes: readonly HostNote[];
}

/** Would Excel parse this string as something other than text when entered into a General cell? */
export function needsTextFormat(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@#]/.test(t)) return true; // formulas, signed numbers, `@` references, error literals
  if (/^(true|false)$/i.test(t)) return true;
  // Numbers, percentages, currency, fractions, dates and times are made only of these characters.
  return /^[\d\s.,:/%$¥€()eE年月日时分秒+-]+$/.test(t) && /\d/.test(t);
}

/** Writes `plan` as a sheet, replacing only a sheet the product generated (with confirmation). */
export async function renderSheetPlan(
  context: Excel.RequestContext,
  sheetPlan: SheetPlan,
  options: RenderOptions,
): Promise<RenderResult> {
  const plan = expandBody(sheetPlan);
  const supports = options.supports ?? officeApiSupport;
  const notes: HostNote[] = [];
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(plan.name);
  existing.load("name,position");
  const workbookNames = (plan.names ?? [])
    .filter((n) => n.scope !== "sheet")
    .map((n) => {
      const item = context.workbook.names.getItemOrNullObject(n.name);
      item.load("formula");
      return { name: n.name, item };
    });
  syncs++;
  await context.sync();
  for (const { name, item } of workbookNames) {
    if (!item.isNullObject && !refersToSheetOrNothing(item.formula, plan.name))
      throw new NameTakenError(name);
  }

  let position: number | null = null;
  if (!existing.isNullObject) {
    const mark = loadOwnerMark(existing);
    syncs++;
    await context.sync();
    const kind = kindOf(mark);
    if (kind === null) throw new SheetNotOwnedError(existing.name);
    const ok = options.confirmReplace ? await options.confirmReplace(existing.name, kind) : false;
    if (!ok) throw new ReplaceCancelledError(existing.name);
    position = existing.position;
  }

  // Replacing: add the new sheet under a temporary name first, so the workbook never lacks a
  // visible sheet (Excel refuses to delete the last one), then delete the old and take its name.
  const sheet = worksheets.add(position === null ? plan.name : `台账助手临时${Date.now() % 1e6}`);
  if (position !== null) {
    existing.delete();
    sheet.name = plan.name;
    sheet.position = position;
  }
  markSheet(sheet, options.kind);

  const { formats, values, width, height } = cellArrays(plan);
  const budget = options.budgetBytes ?? WRITE_BUDGET_BYTES;
  if (height > 0 && width > 0) {
    let pending = 0;
    for (const [start, count] of rowChunks(values, formats, budget)) {
      const range = sheet.getRangeByIndexes(start, 0, count, width);
      // Number formats first: a Text (`@`) cell keeps the string written next as text.
      range.numberFormat = formats.slice(start, start + count);
      range.values = values.slice(start, start + count) as unknown as string[][];
      pending += count;
      if (pending < height) {
        syncs++;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized chunk of rows.
        await context.sync();
      }
    }
  }

  applyStyles(sheet, plan, supports(9));
  for (const merge of plan.merges) sheet.getRange(rangeAddress(merge)).merge(false);
  plan.columnWidths.forEach((chars, column) => {
    if (chars > 0)
      sheet.getRange(`${columnName(column)}:${columnName(column)}`).format.columnWidth = charsToPoints(chars);
  });
  for (const column of plan.hiddenColumns ?? []) {
    sheet.getRange(`${columnName(column)}:${columnName(column)}`).columnHidden = true;
  }
  for (const [row, points] of Object.entries(plan.rowHeights ?? {})) {
    sheet.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = points;
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    const { rows, columns } = plan.freeze;
    if (columns === 0) sheet.freezePanes.freezeRows(rows);
    else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
    else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  }
  if (plan.print) {
    if (supports(9)) applyPrint(sheet, plan);
    else notes.push({ code: "print-setup-unavailable", requirement: "ExcelApi 1.9" });
  }
  for (const bar of plan.bars ?? []) addDataBar(sheet.getRange(rangeAddress(bar.range)), bar.color);
  for (const chart of plan.charts ?? []) {
    const c = sheet.charts.add("BarClustered", sheet.getRange(rangeAddress(chart.values)), "Columns");
    c.series.getItemAt(0).setXAxisValues(sheet.getRange(rangeAddress(chart.categories)));
    c.title.text = chart.title;
    c.legend.visible = false;
    c.setPosition(`${columnName(chart.anchor.column)}${chart.anchor.row + 1}`);
  }
  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.link) return;
      const text =
        typeof cell.value === "string" || typeof cell.value === "number" ? String(cell.value) : undefined;
      sheet.getRangeByIndexes(r, c, 1, 1).hyperlink = {
        documentReference: `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`,
        ...(text !== undefined ? { textToDisplay: text } : {}),
      };
    }),
  );
  if (plan.validations?.length) {
    if (supports(8))
      for (const v of plan.validations) addValidation(sheet.getRange(rangeAddress(v.range)), v);
    else notes.push({ code: "validation-unavailable", requirement: "ExcelApi 1.8" });
  }
  for (const name of plan.names ?? []) {
    const range = sheet.getRange(rangeAddress(name.range));
    if (name.scope === "sheet") sheet.names.add(name.name, range, name.comment);
    else {
      const old = workbookNames.find((n) => n.name === name.name);
      if (old !== undefined && !old.item.isNullObject) old.item.delete();
      context.workbook.names.add(name.name, range, name.comment);
    }
  }
  if (plan.tabColor) sheet.tabColor = `#${plan.tabColor}`;
  if (plan.visibility === "hidden") sheet.visibility = "Hidden";
  else if (options.activate) sheet.activate();
  // Last: protecting first would lock the cells against the writes above.
  if (plan.protection) {
    const p = plan.protection;
    sheet.protection.protect({
      allowFormatColumns: p.allowFormatColumns === true,
      allowFormatRows: p.allowFormatRows === true,
      allowInsertRows: p.allowInsertRows === true,
      allowDeleteRows: p.allowDeleteRows === true,
      allowSort: p.allowSort === true,
      allowAutoFilter: p.allowAutoFilter === true,
    });
  }
  syncs++;
  await context.sync();
  return { sheet: plan.name, replaced: position !== null, syncs, notes };
}

/** The plan's values and number formats as dense 2-D arrays covering every row and column used. */
function cellArrays(plan: SheetPlan) {
  const height = plan.rows.length;
  const width = plan.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row = plan.rows[r] ?? [];
    const v: (string | number | boolean)[] = [];
    const f: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      const style: CellStyle | undefined = cell?.style ? plan.styles[cell.style] : undefined;
      const { value, text } = excelValue(cell?.value ?? null);
      v.push(value);
      f.push(text ? "@" : (style?.numFmt ?? "General"));
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats, width, height };
}

function excelValue(value: PlanValue): { value: string | number | boolean; text: boolean } {
  if (value === null) return { value: "", text: false };
  if (typeof value === "object") {
    const formula = value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
    return { value: formula, text: false };
  }
  if (typeof value === "string") return { value, text: needsTextFormat(value) };
  return { value, text: false };
}

/** Row ranges `[start, count]` whose values + formats JSON stays within `budget`. */
function rowChunks(values: unknown[][], formats: string[][], budget: number): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < values.length; r++) {
    // Characters × 3 bounds the UTF-8 size of CJK text; cheap enough to do per row.
    const rowBytes = (JSON.stringify(values[r]).length + JSON.stringify(formats[r]).length) * 3;
    if (r > start && bytes + rowBytes > budget) {
      chunks.push([start, r - start]);
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (values.length > start) chunks.push([start, values.length - start]);
  return chunks;
}

/** One format call per style: every block of cells with that style as one RangeAreas (or per block). */
function applyStyles(sheet: Excel.Worksheet, plan: SheetPlan, rangeAreas: boolean) {
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
    if (!hasVisualFormat(style)) continue;
    const addresses = cellsToRanges(cells).map(rangeAddress);
    if (rangeAreas) {
      for (const list of chunkAddresses(addresses)) applyStyle(sheet.getRanges(list).format, style);
    } else {
      for (const address of addresses) applyStyle(sheet.getRange(address).format, style);
    }
  }
}

function hasVisualFormat(style: CellStyle): boolean {
  return Object.keys(style).some((k) => k !== "numFmt");
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

function applyStyle(format: Excel.RangeFormat, style: CellStyle) {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontName !== undefined) format.font.name = style.fontName;
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.indent) format.indentLevel = style.indent;
  if (style.locked === false) format.protection.locked = false;
  if (style.border) {
    for (const edge of EDGES) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous"; // weight defaults to Thin
      border.color = "#808080";
    }
  }
}

/** Excel's column width unit is characters; Office.js takes points (7 px per character + 5 px padding, 0.75 pt/px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyPrint(sheet: Excel.Worksheet, plan: SheetPlan) {
  const print = plan.print!;
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // Fit to one page wide; 0 pages tall means "as many as needed".
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.centerHorizontally !== undefined) layout.centerHorizontally = print.centerHorizontally;
  if (print.margins) {
    // Plan margins are in inches (as in the .xlsx format); Office.js takes points.
    layout.leftMargin = print.margins.left * 72;
    layout.rightMargin = print.margins.right * 72;
    layout.topMargin = print.margins.top * 72;
    layout.bottomMargin = print.margins.bottom * 72;
  }
  if (print.repeatRows)
    layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  // Manual page breaks (ExcelApi 1.9, as the rest of the page layout): a break above each row.
  for (const row of print.rowBreaks ?? []) if (row > 0) sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

function addDataBar(range: Excel.Range, color: string) {
  const format = range.conditionalFormats.add("DataBar");
  const bar = format.dataBar;
  bar.barDirection = "LeftToRight";
  bar.showDataBarOnly = false;
  // The plan's values are fractions 0–1: fix the bar's scale rather than letting Excel pick min/max.
  bar.lowerBoundRule = { type: "Number", formula: "0" };
  bar.upperBoundRule = { type: "Number", formula: "1" };
  bar.positiveFormat.fillColor = `#${color}`;
  bar.positiveFormat.gradientFill = false;
}

/** Whether a name's formula refers to `sheet` (the one being replaced) or to nothing any more. */
function refersToSheetOrNothing(formula: string, sheet: string): boolean {
  if (/#REF!/.test(formula)) return true;
  const quoted = quoteSheetName(sheet);
  return formula.includes(`${quoted}!`) || formula.includes(`=${sheet}!`);
}

const OPERATORS = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

/** Excel's serial range for dates (1900-01-01 … 9999-12-31), for a date rule without bounds. */
const FIRST_DATE = "1900-01-01";
const LAST_DATE = "9999-12-31";

function absoluteAddress(range: CellRange): string {
  const cell = (r: number, c: number) => `$${columnName(c)}$${r + 1}`;
  const first = cell(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? first
    : `${first}:${cell(range.bottom, range.right)}`;
}

/** `{min, max}` → Office.js's basic rule: Between, ≥ or ≤; `open` when there is neither bound. */
function basicRule<T extends number | string>(min: T | undefined, max: T | undefined, open: [T, T]) {
  if (min !== undefined && max !== undefined)
    return { operator: OPERATORS.between, formula1: min, formula2: max };
  if (min !== undefined) return { operator: OPERATORS.greaterThanOrEqual, formula1: min };
  if (max !== undefined) return { operator: OPERATORS.lessThanOrEqual, formula1: max };
  return { operator: OPERATORS.between, formula1: open[0], formula2: open[1] };
}

/** The Office.js data-validation rule for a plan rule (no formula text from cells: only ranges). */
export function validationRule(rule: PlanValidation["rule"]): Excel.DataValidationRule {
  switch (rule.type) {
    case "list": {
      const source =
        "name" in rule.source
          ? `=${rule.source.name}`
          : `=${quoteSheetName(rule.source.sheet)}!${absoluteAddress(rule.source.range)}`;
      return { list: { inCellDropDown: true, source } };
    }
    case "whole":
      return { wholeNumber: basicRule(rule.min, rule.max, [-2147483648, 2147483647]) };
    case "decimal":
      return { decimal: basicRule(rule.min, rule.max, [-1e307, 1e307]) };
    case "date":
      return { date: basicRule(rule.min, rule.max, [FIRST_DATE, LAST_DATE]) };
  }
}

const ALERT_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

function addValidation(range: Excel.Range, v: PlanValidation) {
  const dv = range.dataValidation;
  dv.ignoreBlanks = v.allowBlank !== false;
  dv.rule = validationRule(v.rule);
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title ?? "", message: v.prompt.text };
  dv.errorAlert = {
    showAlert: true,
    style: ALERT_STYLE[v.error?.style ?? "stop"],
    title: v.error?.title ?? "",
    message: v.error?.text ?? "",
  };
}
