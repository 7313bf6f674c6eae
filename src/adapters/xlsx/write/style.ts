import type { Alignment, Borders, Fill, Font, Style } from "exceljs";
import type { CellStyle } from "../../../core/plan";

/** Excel's built-in Hyperlink style colour; links keep the rest of their cell's style. */
const LINK_COLOR = "0563C1";

const THIN = { style: "thin", color: { argb: "FF000000" } } as const;

/** `RRGGBB` → ExcelJS's `AARRGGBB`; anything else is refused so a typo can't produce a damaged file. */
export function argb(hex: string): string {
  const clean = hex.replace(/^#/, "");
  if (!/^[0-9A-Fa-f]{6}$/.test(clean)) throw new RangeError(`颜色“${hex}”不是 RRGGBB 形式`);
  return `FF${clean.toUpperCase()}`;
}

/**
 * Translates a plan style into an ExcelJS style. Each plan style id is translated once and the same
 * object is shared by all its cells, so callers must never mutate the result (ExcelJS's `cell.font =`
 * setters would write through to every cell sharing it).
 */
export function toExcelStyle(style: CellStyle | undefined, asLink = false): Partial<Style> {
  const result: Partial<Style> = {};
  const font: Partial<Font> = {};
  if (style?.bold) font.bold = true;
  if (style?.italic) font.italic = true;
  if (style?.fontSize !== undefined) font.size = style.fontSize;
  if (style?.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
  if (asLink) {
    font.color = { argb: argb(LINK_COLOR) };
    font.underline = "single";
  }
  if (Object.keys(font).length > 0) result.font = font;

  if (style?.fill !== undefined) {
    const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    result.fill = fill;
  }
  if (style?.numFmt !== undefined) result.numFmt = style.numFmt;

  const alignment: Partial<Alignment> = {};
  if (style?.hAlign !== undefined) alignment.horizontal = style.hAlign;
  if (style?.vAlign !== undefined) alignment.vertical = style.vAlign;
  if (style?.wrap) alignment.wrapText = true;
  if (style?.indent !== undefined && style.indent > 0) {
    alignment.indent = style.indent;
    // Excel only indents left-, right- or distributed-aligned text; an unaligned cell would ignore it.
    alignment.horizontal ??= "left";
  }
  if (Object.keys(alignment).length > 0) result.alignment = alignment;

  if (style?.border) {
    const borders: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    result.border = borders;
  }
  return result;
}
