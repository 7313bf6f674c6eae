/**
 * Highlighting problem cells (标注问题单元格) and removing the highlight (清除标注) so that every
 * cell gets back exactly the fill it had (SPEC §11, §12).
 *
 * The original fill of each highlighted cell is stored in the workbook's own settings
 * (`workbook.settings`, saved inside the document), so 清除标注 works after the workbook is closed and
 * reopened. Only fills change: values and every other format are never touched. A cell highlighted
 * twice keeps its first recorded original. Needs ExcelApi 1.9 (`getCellProperties`, RangeAreas).
 */
import { chunkAddresses, cellsToRanges, parseRangeAddress, rangeAddress } from "./address";
import { TooManyHighlightsError, UnsupportedApiError } from "./errors";
import { type ApiSupport, officeApiSupport } from "./support";
import type { ClearResult, HighlightResult, HighlightTarget } from "../../host";

export const HIGHLIGHT_SETTING = "taizhang.highlights";
export const HIGHLIGHT_LIMIT = 5000;
export const ERROR_FILL = "#FFC7CE";
export const WARNING_FILL = "#FFEB9C";

/** A cell's original fill: `null` = no fill. */
export type StoredFill = { color: string; pattern: string; patternColor?: string } | null;

interface StoredHighlights {
  version: 1;
  /** sheet name → A1 cell → original fill. */
  sheets: Record<string, Record<string, StoredFill>>;
}

export type { HighlightTarget, HighlightResult, ClearResult };

function requireRangeAreas(supports: ApiSupport, feature: "highlight" | "clear-highlights") {
  if (!supports(9)) throw new UnsupportedApiError(feature, "ExcelApi 1.9");
}

/** Fills the issue cells (errors red, warnings yellow), recording each cell's original fill first. */
export async function highlightIssues(
  context: Excel.RequestContext,
  issues: readonly HighlightTarget[],
  options: { supports?: ApiSupport } = {},
): Promise<HighlightResult> {
  requireRangeAreas(options.supports ?? officeApiSupport, "highlight");
  // Error beats warning on the same cell.
  const targets = new Map<string, Map<string, "error" | "warning">>();
  for (const issue of issues) {
    if (!issue.cell || !parseRangeAddress(issue.cell)) continue;
    let cells = targets.get(issue.sheet);
    if (!cells) targets.set(issue.sheet, (cells = new Map()));
    if (cells.get(issue.cell) !== "error") cells.set(issue.cell, issue.severity);
  }
  const count = [...targets.values()].reduce((n, m) => n + m.size, 0);
  if (count > HIGHLIGHT_LIMIT) throw new TooManyHighlightsError(count, HIGHLIGHT_LIMIT);

  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  const sheets = new Map([...targets.keys()].map((name) => [name, loadSheet(context, name)]));
  await context.sync();

  const stored = readStored(setting);
  const missingSheets = [...sheets].filter(([, ws]) => ws.isNullObject).map(([name]) => name);
  // Read the current fill of every cell not recorded yet, one call per block of adjacent cells.
  const reads: {
    sheet: string;
    cells: string[];
    props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }[] = [];
  for (const [name, ws] of sheets) {
    if (ws.isNullObject) continue;
    const known = stored.sheets[name] ?? {};
    const fresh = [...targets.get(name)!.keys()].filter((cell) => !(cell in known));
    for (const block of cellsToRanges(fresh.map(toRowColumn))) {
      const props = ws.getRange(rangeAddress(block)).getCellProperties({
        format: { fill: { color: true, pattern: true, patternColor: true } },
      });
      reads.push({ sheet: name, cells: blockCells(block), props });
    }
  }
  if (reads.length) await context.sync();
  for (const read of reads) {
    const flat = read.props.value.flat();
    const record = (stored.sheets[read.sheet] ??= {});
    read.cells.forEach((cell, i) => (record[cell] = toStoredFill(flat[i]?.format?.fill)));
  }

  let highlighted = 0;
  for (const [name, ws] of sheets) {
    if (ws.isNullObject) continue;
    for (const severity of ["warning", "error"] as const) {
      const cells = [...targets.get(name)!].filter(([, s]) => s === severity).map(([cell]) => cell);
      if (!cells.length) continue;
      highlighted += cells.length;
      for (const list of chunkAddresses(cellsToRanges(cells.map(toRowColumn)).map(rangeAddress))) {
        ws.getRanges(list).format.fill.color = severity === "error" ? ERROR_FILL : WARNING_FILL;
      }
    }
  }
  context.workbook.settings.add(HIGHLIGHT_SETTING, stored);
  await context.sync();
  return { highlighted, missingSheets };
}

/** Restores every highlighted cell's original fill and forgets the record. */
export async function clearHighlights(
  context: Excel.RequestContext,
  options: { supports?: ApiSupport } = {},
): Promise<ClearResult> {
  requireRangeAreas(options.supports ?? officeApiSupport, "clear-highlights");
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  await context.sync();
  const stored = readStored(setting);
  const names = Object.keys(stored.sheets);
  if (!names.length) return { restored: 0, missingSheets: [] };

  const sheets = new Map(names.map((name) => [name, loadSheet(context, name)]));
  await context.sync();

  let restored = 0;
  const missingSheets: string[] = [];
  for (const [name, ws] of sheets) {
    if (ws.isNullObject) {
      missingSheets.push(name);
      continue;
    }
    const record = stored.sheets[name]!;
    const unfilled = Object.keys(record).filter((cell) => record[cell] === null);
    for (const list of chunkAddresses(cellsToRanges(unfilled.map(toRowColumn)).map(rangeAddress))) {
      ws.getRanges(list).format.fill.clear();
    }
    // Filled cells get their exact fill back (colour, pattern, pattern colour), block by block.
    const filled = Object.keys(record).filter((cell) => record[cell] !== null);
    for (const block of cellsToRanges(filled.map(toRowColumn))) {
      const rows: Excel.SettableCellProperties[][] = [];
      for (let r = block.top; r <= block.bottom; r++) {
        const row: Excel.SettableCellProperties[] = [];
        for (let c = block.left; c <= block.right; c++) {
          const fill = record[rangeAddress({ top: r, left: c, bottom: r, right: c })]!;
          row.push({ format: { fill: { ...fill } as Excel.CellPropertiesFill } });
        }
        rows.push(row);
      }
      ws.getRange(rangeAddress(block)).setCellProperties(rows);
    }
    restored += unfilled.length + filled.length;
  }
  setting.delete();
  await context.sync();
  return { restored, missingSheets };
}

/** Whether the workbook holds highlights that 清除标注 would remove. */
export async function hasHighlights(context: Excel.RequestContext): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  await context.sync();
  return Object.keys(readStored(setting).sheets).length > 0;
}

function loadSheet(context: Excel.RequestContext, name: string): Excel.Worksheet {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name");
  return ws;
}

function readStored(setting: Excel.Setting): StoredHighlights {
  if (setting.isNullObject) return { version: 1, sheets: {} };
  const value: unknown = typeof setting.value === "string" ? JSON.parse(setting.value) : setting.value;
  if (typeof value === "object" && value !== null && "sheets" in value) {
    return { version: 1, sheets: { ...(value as StoredHighlights).sheets } };
  }
  return { version: 1, sheets: {} };
}

function toStoredFill(fill: Excel.CellPropertiesFill | undefined): StoredFill {
  if (!fill || !fill.pattern || fill.pattern === "None") return null;
  return {
    color: fill.color ?? "#FFFFFF",
    pattern: fill.pattern,
    ...(fill.patternColor ? { patternColor: fill.patternColor } : {}),
  };
}

function toRowColumn(cell: string): [number, number] {
  const range = parseRangeAddress(cell)!;
  return [range.top, range.left];
}

function blockCells(block: { top: number; left: number; bottom: number; right: number }): string[] {
  const cells: string[] = [];
  for (let r = block.top; r <= block.bottom; r++)
    for (let c = block.left; c <= block.right; c++)
      cells.push(rangeAddress({ top: r, left: c, bottom: r, right: c }));
  return cells;
}
