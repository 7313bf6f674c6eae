/**
 * The workbook's style table (xl/styles.xml), deduplicated by content: every distinct cell format
 * is one `<xf>` however many cells and sheets use it, and fonts, fills, borders and number formats
 * are shared the same way. Look-ups are by key in maps, so styling grows with the cells, never with
 * the styles already made.
 */
import type { CellStyle } from "../../../core/plan";
import { escapeXml } from "./xml";

/** Excel's built-in Hyperlink style colour; links keep the rest of their cell's style. */
const LINK_COLOR = "0563C1";
const BORDER_COLOR = "FF000000";
/** The default font (as ExcelJS wrote it, so printed pages keep their size). */
const FONT_NAME = "Calibri";
const FONT_SIZE = 11;

/** Built-in number formats Excel knows by id (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};
const FIRST_CUSTOM_FORMAT = 164;

const V_ALIGN = { top: "top", middle: "center", bottom: "bottom" } as const;

/** `RRGGBB` → `AARRGGBB`; anything else is refused so a typo can't produce a damaged file. */
export function argb(hex: string): string {
  const clean = hex.replace(/^#/, "");
  if (!/^[0-9A-Fa-f]{6}$/.test(clean)) throw new RangeError(`颜色“${hex}”不是 RRGGBB 形式`);
  return `FF${clean.toUpperCase()}`;
}

class Interned {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(initial: readonly string[]) {
    for (const item of initial) this.id(item);
  }

  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }
}

export class StyleTable {
  private readonly fonts = new Interned([fontXml(undefined, false)]);
  private readonly fills = new Interned([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Interned(["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
  private readonly xfs = new Interned(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly formats = new Map<string, number>();

  /** The `s` index for cells in `style` (shown as a link when `link`); 0 is the default format. */
  xf(style: CellStyle | undefined, link: boolean): number {
    if (style === undefined && !link) return 0;
    const font = this.fonts.id(fontXml(style, link));
    let fill = 0;
    if (style?.fill !== undefined) {
      fill = this.fills.id(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
    }
    let border = 0;
    if (style?.border) {
      const side = (tag: string) => `<${tag} style="thin"><color rgb="${BORDER_COLOR}"/></${tag}>`;
      border = this.borders.id(
        `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`,
      );
    }
    const numFmt = style?.numFmt === undefined ? 0 : this.format(style.numFmt);

    let alignment = "";
    let horizontal: string | undefined = style?.hAlign;
    const indent = style?.indent !== undefined && style.indent > 0 ? style.indent : 0;
    // Excel only indents left-, right- or distributed-aligned text; an unaligned cell would ignore it.
    if (indent > 0) horizontal ??= "left";
    if (horizontal !== undefined) alignment += ` horizontal="${horizontal}"`;
    if (style?.vAlign !== undefined) alignment += ` vertical="${V_ALIGN[style.vAlign]}"`;
    if (style?.wrap) alignment += ' wrapText="1"';
    if (indent > 0) alignment += ` indent="${Math.round(indent)}"`;
    const unlocked = style?.locked === false;

    let xml = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"`;
    if (numFmt !== 0) xml += ' applyNumberFormat="1"';
    if (font !== 0) xml += ' applyFont="1"';
    if (fill !== 0) xml += ' applyFill="1"';
    if (border !== 0) xml += ' applyBorder="1"';
    if (alignment !== "") xml += ' applyAlignment="1"';
    if (unlocked) xml += ' applyProtection="1"';
    if (alignment === "" && !unlocked) return this.xfs.id(`${xml}/>`);
    xml += ">";
    if (alignment !== "") xml += `<alignment${alignment}/>`;
    if (unlocked) xml += '<protection locked="0"/>';
    return this.xfs.id(`${xml}</xf>`);
  }

  private format(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** xl/styles.xml (CT_Stylesheet children in schema order). */
  xml(): string {
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length > 0 ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      "</styleSheet>"
    );
  }
}

function fontXml(style: CellStyle | undefined, link: boolean): string {
  let xml = "<font>";
  if (style?.bold) xml += "<b/>";
  if (style?.italic) xml += "<i/>";
  if (link) xml += "<u/>";
  const size = style?.fontSize ?? FONT_SIZE;
  if (!(Number.isFinite(size) && size > 0)) throw new RangeError(`字号“${size}”无效`);
  xml += `<sz val="${size}"/>`;
  const color = link ? LINK_COLOR : style?.fontColor;
  if (color !== undefined) xml += `<color rgb="${argb(color)}"/>`;
  // A named typeface (宋体, 黑体…) must not carry the theme's `scheme`, which would replace it; charset
  // 134 is GB2312, as Excel writes it for Chinese fonts.
  if (style?.fontName !== undefined)
    return `${xml}<name val="${escapeXml(style.fontName)}"/><family val="3"/><charset val="134"/></font>`;
  return `${xml}<name val="${FONT_NAME}"/><family val="2"/><scheme val="minor"/></font>`;
}
