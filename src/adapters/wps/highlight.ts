/**
 * Highlighting problem cells (标注问题单元格) and removing the highlight (清除标注) in WPS, so that
 * every cell gets back exactly the fill it had (SPEC §11, §12, §13).
 *
 * WPS offers no add-in settings stored in the document (Office.js's `workbook.settings`), so the
 * originals are kept in the workbook itself: a very hidden sheet `台账助手标注记录` (not listed in
 * WPS's 取消隐藏 dialog), marked as the product's, one row per cell — sheet, cell, and the fill's
 * `Interior.Color`, `Pattern` and `PatternColor` as WPS reported them. 清除标注 writes those back and
 * deletes the sheet, so it works after the workbook is saved and reopened. Only fills change.
 *
 * Reading fills costs few calls: `Interior.Color`/`Pattern` of a whole block of issue cells is one
 * value when they agree and null when they do not; a mixed block is halved until uniform.
 */
import { addressLists, cellsToRanges, parseRangeAddress, rangeAddress } from "./address";
import { type EtApplication, type EtWorksheet, SHEET_VERY_HIDDEN, XL_NONE, XL_SOLID, toEtColor } from "./et";
import { TooManyHighlightsError } from "./errors";
import { Pacer, type Yield, withAlertsOff, withScreenUpdatingOff, yieldToEventLoop } from "./pace";
import { STORE_SHEET, activeWorkbook, findSheet, kindOf, lastSheet, markSheet } from "./sheets";
import { value2Rows } from "./read";

export const HIGHLIGHT_LIMIT = 5000;
export const ERROR_FILL = "#FFC7CE";
export const WARNING_FILL = "#FFEB9C";

/** A cell's original fill as ET numbers; `null` = no fill. */
export type EtFill = { color: number; pattern: number; patternColor?: number } | null;

export interface HighlightTarget {
  readonly sheet: string;
  readonly cell: string | null;
  readonly severity: "error" | "warning";
}

export interface HighlightResult {
  readonly highlighted: number;
  readonly missingSheets: readonly string[];
}

export interface ClearResult {
  readonly restored: number;
  readonly missingSheets: readonly string[];
}

const HEADER = ["工作表", "单元格", "颜色", "图案", "图案颜色"];

type Stored = Map<string, Map<string, EtFill>>;

function readStore(app: EtApplication): Stored {
  const stored: Stored = new Map();
  const sheet = findSheet(activeWorkbook(app), STORE_SHEET);
  if (!sheet || kindOf(sheet) === null) return stored;
  const used = sheet.UsedRange;
  const rows = used.Rows.Count;
  if (rows < 2) return stored;
  const data = value2Rows(sheet.Range(`A2:E${rows}`).Value2, rows - 1, 5, `${STORE_SHEET}!A2:E${rows}`);
  for (const [name, cell, color, pattern, patternColor] of data) {
    if (typeof name !== "string" || typeof cell !== "string") continue;
    let cells = stored.get(name);
    if (!cells) stored.set(name, (cells = new Map()));
    const p = Number(pattern);
    cells.set(
      cell,
      color === undefined || color === "" || p === XL_NONE
        ? null
        : {
            color: Number(color),
            pattern: p,
            ...(patternColor !== undefined && patternColor !== ""
              ? { patternColor: Number(patternColor) }
              : {}),
          },
    );
  }
  return stored;
}

/** Replaces the store sheet with `stored` (deleted when empty). Keeps the user's active sheet. */
async function writeStore(app: EtApplication, stored: Stored, pacer: Pacer) {
  const workbook = activeWorkbook(app);
  const active = app.ActiveSheet as EtWorksheet | null;
  const old = findSheet(workbook, STORE_SHEET);
  if (old) await withAlertsOff(app, async () => old.Delete());
  const rows: string[][] = [];
  for (const [name, cells] of stored)
    for (const [cell, fill] of cells)
      rows.push([
        name,
        cell,
        fill ? String(fill.color) : "",
        String(fill ? fill.pattern : XL_NONE),
        fill?.patternColor !== undefined ? String(fill.patternColor) : "",
      ]);
  if (rows.length === 0) return;
  const sheet = workbook.Worksheets.Add(undefined, lastSheet(workbook)) as EtWorksheet;
  sheet.Name = STORE_SHEET;
  markSheet(sheet, "other");
  const all = [HEADER, ...rows];
  // Sheet names and cell addresses are text: `@` first so that none is read as a number or formula.
  sheet.Range(`A1:E${all.length}`).NumberFormat = "@";
  sheet.Range(`A1:E${all.length}`).Value2 = all;
  sheet.Visible = SHEET_VERY_HIDDEN;
  await pacer.pause();
  if (active) {
    try {
      active.Activate();
    } catch {
      // The user's sheet is gone or hidden; leave WPS's choice.
    }
  }
}

function toRowColumn(cell: string): [number, number] {
  const range = parseRangeAddress(cell)!;
  return [range.top, range.left];
}

/** Reads the fill of every cell of `block` into `out`, halving where WPS reports mixed values. */
async function readFills(
  sheet: EtWorksheet,
  block: { top: number; left: number; bottom: number; right: number },
  out: Map<string, EtFill>,
  pacer: Pacer,
): Promise<void> {
  const interior = sheet.Range(rangeAddress(block)).Interior;
  const pattern = interior.Pattern as unknown;
  await pacer.spent(3);
  let fill: EtFill | undefined;
  if (pattern === XL_NONE) fill = null;
  else if (typeof pattern === "number") {
    const color = interior.Color as unknown;
    const patternColor = pattern === XL_SOLID ? undefined : (interior.PatternColor as unknown);
    await pacer.spent(2);
    if (typeof color === "number" && (pattern === XL_SOLID || typeof patternColor === "number")) {
      fill = { color, pattern, ...(typeof patternColor === "number" ? { patternColor } : {}) };
    }
  }
  if (fill !== undefined || (block.top === block.bottom && block.left === block.right)) {
    for (let r = block.top; r <= block.bottom; r++)
      for (let c = block.left; c <= block.right; c++)
        out.set(rangeAddress({ top: r, left: c, bottom: r, right: c }), fill ?? null);
    return;
  }
  if (block.bottom - block.top >= block.right - block.left) {
    const mid = Math.floor((block.top + block.bottom) / 2);
    await readFills(sheet, { ...block, bottom: mid }, out, pacer);
    await readFills(sheet, { ...block, top: mid + 1 }, out, pacer);
  } else {
    const mid = Math.floor((block.left + block.right) / 2);
    await readFills(sheet, { ...block, right: mid }, out, pacer);
    await readFills(sheet, { ...block, left: mid + 1 }, out, pacer);
  }
}

/** Fills the issue cells (errors red, warnings yellow), recording each cell's original fill first. */
export async function highlightIssues(
  app: EtApplication,
  issues: readonly HighlightTarget[],
  options: { yieldNow?: Yield } = {},
): Promise<HighlightResult> {
  const targets = new Map<string, Map<string, "error" | "warning">>();
  for (const issue of issues) {
    if (!issue.cell || !parseRangeAddress(issue.cell)) continue;
    let cells = targets.get(issue.sheet);
    if (!cells) targets.set(issue.sheet, (cells = new Map()));
    if (cells.get(issue.cell) !== "error") cells.set(issue.cell, issue.severity);
  }
  const count = [...targets.values()].reduce((n, m) => n + m.size, 0);
  if (count > HIGHLIGHT_LIMIT) throw new TooManyHighlightsError(count, HIGHLIGHT_LIMIT);
  const pacer = new Pacer(options.yieldNow ?? yieldToEventLoop);
  const workbook = activeWorkbook(app);
  const stored = readStore(app);
  const missingSheets: string[] = [];
  let highlighted = 0;
  await withScreenUpdatingOff(app, async () => {
    for (const [name, cells] of targets) {
      const sheet = findSheet(workbook, name);
      if (!sheet) {
        missingSheets.push(name);
        continue;
      }
      const record = stored.get(name) ?? new Map<string, EtFill>();
      stored.set(name, record);
      const fresh = [...cells.keys()].filter((cell) => !record.has(cell));
      for (const block of cellsToRanges(fresh.map(toRowColumn))) await readFills(sheet, block, record, pacer);
      for (const severity of ["warning", "error"] as const) {
        const list = [...cells].filter(([, s]) => s === severity).map(([cell]) => toRowColumn(cell));
        highlighted += list.length;
        const color = toEtColor(severity === "error" ? ERROR_FILL : WARNING_FILL);
        for (const addresses of addressLists(cellsToRanges(list).map(rangeAddress))) {
          sheet.Range(addresses).Interior.Color = color;
          await pacer.spent(3);
        }
      }
    }
    await writeStore(app, stored, pacer);
  });
  return { highlighted, missingSheets };
}

/** Restores every highlighted cell's original fill and forgets the record. */
export async function clearHighlights(
  app: EtApplication,
  options: { yieldNow?: Yield } = {},
): Promise<ClearResult> {
  const stored = readStore(app);
  if (stored.size === 0) return { restored: 0, missingSheets: [] };
  const pacer = new Pacer(options.yieldNow ?? yieldToEventLoop);
  const workbook = activeWorkbook(app);
  let restored = 0;
  const missingSheets: string[] = [];
  await withScreenUpdatingOff(app, async () => {
    for (const [name, record] of stored) {
      const sheet = findSheet(workbook, name);
      if (!sheet) {
        missingSheets.push(name);
        continue;
      }
      // Group cells by their original fill: one list of blocks per distinct fill.
      const groups = new Map<string, { fill: EtFill; cells: [number, number][] }>();
      for (const [cell, fill] of record) {
        const key = JSON.stringify(fill);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { fill, cells: [] }));
        group.cells.push(toRowColumn(cell));
      }
      for (const { fill, cells } of groups.values()) {
        for (const addresses of addressLists(cellsToRanges(cells).map(rangeAddress))) {
          const interior = sheet.Range(addresses).Interior;
          if (fill === null) interior.Pattern = XL_NONE;
          else {
            interior.Pattern = fill.pattern;
            interior.Color = fill.color;
            if (fill.patternColor !== undefined) interior.PatternColor = fill.patternColor;
          }
          await pacer.spent(5);
        }
        restored += cells.length;
      }
    }
    await writeStore(app, new Map(), pacer);
  });
  return { restored, missingSheets };
}

/** Whether the workbook holds highlights that 清除标注 would remove. */
export function hasHighlights(app: EtApplication): boolean {
  return readStore(app).size > 0;
}
