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
 *   data bars, charts, tab colour and visibility.
 *
 * Text stays text: a plan string that Excel would parse on entry (`=…`, `+…`, `-…`, `@…`, numbers,
 * dates, `TRUE`, `#N/A`, …) gets the Text number format `@` before the values are written, in the
 * same batch. Excel keeps whatever is entered into a Text-formatted cell as the string typed (the
 * documented meaning of the Text format). The alternative, a leading `'`, would also work for typed
 * input but is then part of the string for Excel Online's `values` round trip, so it is not used.
 */
import { columnName } from "../../core/grid";
import type { CellStyle, PlanValue, SheetPlan } from "../../core/plan";
import { cellsToRanges, chunkAddresses, quoteSheetName, rangeAddress } from "./address";
import { ReplaceCancelledError, SheetNotOwnedError } from "./errors";
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
  readonly notes: readonly string[];
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
  plan: SheetPlan,
  options: RenderOptions,
): Promise<RenderResult> {
  const supports = options.supports ?? officeApiSupport;
  const notes: string[] = [];
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(plan.name);
  existing.load("name,position");
  syncs++;
  await context.sync();

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
    else notes.push("当前 Excel 不支持设置打印格式（需要 ExcelApi 1.9），请手动设置 A4 横向、按页宽缩放。");
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
  if (plan.tabColor) sheet.tabColor = `#${plan.tabColor}`;
  if (plan.visibility === "hidden") sheet.visibility = "Hidden";
  else if (options.activate) sheet.activate();
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
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.indent) format.indentLevel = style.indent;
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
