/**
 * Additions to `xl/styles.xml`: fills, fonts, borders and cell formats appended at the end of their
 * lists, so every existing index keeps its meaning and every existing byte stays (only the `count`
 * attributes change). A marked cell's format is a clone of the format it had, with only the fill
 * changed: number format, font, border, alignment and protection are kept.
 */
import { corruptPart } from "../read/errors";
import type { CellStyle } from "../../../core/plan";
import { escapeXml, findTag, rootChildren, setAttribute, insertionPoint, type FoundTag } from "./xml-edit";

/** The order of `styleSheet`'s children (ECMA-376 CT_Stylesheet). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** A minimal style sheet for a package that has none: one font, the two reserved fills, one border, one format. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

type ListName = "fonts" | "fills" | "borders" | "cellXfs";
const ITEM: Record<ListName, string> = { fonts: "font", fills: "fill", borders: "border", cellXfs: "xf" };

/** Existing items of one list: their raw XML (for cloning) and how many there are. */
interface List {
  readonly items: string[];
  readonly added: string[];
}

export class StylesEditor {
  private readonly part: string;
  private readonly original: string;
  private readonly prefix: string;
  private readonly lists = new Map<ListName, List>();
  private readonly markXfs = new Map<string, number>();
  private readonly planXfs = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private borderId: number | undefined;

  constructor(xml: string, part: string) {
    this.part = part;
    this.original = xml;
    const { prefix } = rootChildren(xml, part);
    this.prefix = prefix;
  }

  private list(name: ListName): List {
    let list = this.lists.get(name);
    if (list) return list;
    const xml = this.original;
    const items: string[] = [];
    const open = findTag(xml, this.prefix + name, 0, xml.length, this.part);
    if (open && !open.selfClosing) {
      const close = xml.indexOf(`</${this.prefix}${name}>`, open.end);
      if (close < 0) throw corruptPart(this.part, `缺少 </${name}>`);
      let i = open.end;
      for (;;) {
        const tag = findTag(xml, this.prefix + ITEM[name], i, close, this.part);
        if (!tag) break;
        const end = itemEnd(xml, tag, this.part);
        items.push(xml.slice(tag.start, end));
        i = end;
      }
    }
    list = { items, added: [] };
    this.lists.set(name, list);
    return list;
  }

  private add(name: ListName, xml: string): number {
    const list = this.list(name);
    list.added.push(xml);
    return list.items.length + list.added.length - 1;
  }

  /** The xf of a cell: `cellXfs` index `s` (an index past the list falls back to 0, as Excel does). */
  private xf(index: number): string {
    const items = this.list("cellXfs").items;
    return (
      items[index] ??
      items[0] ??
      `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
    );
  }

  private solidFill(rgb: string): number {
    let id = this.fills.get(rgb);
    if (id === undefined) {
      const p = this.prefix;
      if (this.list("fills").items.length === 0) {
        // The two fills every style sheet reserves must exist before ours.
        this.add("fills", `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
        this.add("fills", `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
      }
      id = this.add(
        "fills",
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      this.fills.set(rgb, id);
    }
    return id;
  }

  /**
   * The `cellXfs` index of "the cell format `s`, filled with `rgb`": a clone of xf `s` with only
   * `fillId` (and `applyFill`) changed. One clone per (s, colour).
   */
  markedXf(s: number, rgb: string): number {
    const key = `${s}:${rgb}`;
    let id = this.markXfs.get(key);
    if (id === undefined) {
      const fill = this.solidFill(rgb);
      const xml = this.xf(s);
      const open = findTag(xml, this.prefix + "xf", 0, xml.length, this.part)!;
      let tag = setAttribute(xml, open, "fillId", String(fill));
      tag = setAttribute(tag, { start: 0, end: tag.length, selfClosing: open.selfClosing }, "applyFill", "1");
      id = this.add("cellXfs", tag + xml.slice(open.end));
      this.markXfs.set(key, id);
    }
    return id;
  }

  /** The workbook's default font (font 0) name, size and family, for the fonts of a new sheet. */
  private baseFont(): { name: string; size: string; extra: string } {
    const font0 = this.list("fonts").items[0] ?? "";
    const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(font0)?.[1] ?? "宋体";
    const size = /<(?:\w+:)?sz\s+val="([^"]*)"/.exec(font0)?.[1] ?? "11";
    const family = /<(?:\w+:)?family\s+val="([^"]*)"/.exec(font0)?.[1];
    const charset = /<(?:\w+:)?charset\s+val="([^"]*)"/.exec(font0)?.[1];
    const p = this.prefix;
    const extra =
      (family ? `<${p}family val="${family}"/>` : "") + (charset ? `<${p}charset val="${charset}"/>` : "");
    return { name, size, extra };
  }

  private font(style: CellStyle): number {
    if (!style.bold && !style.italic && style.fontSize === undefined && style.fontColor === undefined)
      return 0;
    const key = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}:${style.fontSize ?? ""}:${style.fontColor ?? ""}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      const base = this.baseFont();
      const p = this.prefix;
      const xml =
        `<${p}font>` +
        (style.bold ? `<${p}b/>` : "") +
        (style.italic ? `<${p}i/>` : "") +
        `<${p}sz val="${style.fontSize ?? base.size}"/>` +
        (style.fontColor ? `<${p}color rgb="FF${style.fontColor}"/>` : "") +
        `<${p}name val="${escapeXml(base.name)}"/>${base.extra}</${p}font>`;
      id = this.add("fonts", xml);
      this.fonts.set(key, id);
    }
    return id;
  }

  private thinBorder(): number {
    if (this.borderId === undefined) {
      const p = this.prefix;
      const side = (n: string) => `<${p}${n} style="thin"><${p}color indexed="64"/></${p}${n}>`;
      if (this.list("borders").items.length === 0) {
        this.add(
          "borders",
          `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`,
        );
      }
      this.borderId = this.add(
        "borders",
        `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`,
      );
    }
    return this.borderId;
  }

  /** The `cellXfs` index for a plan style of the new sheet (number formats other than General are not needed there). */
  planXf(style: CellStyle): number {
    const key = JSON.stringify(style);
    let id = this.planXfs.get(key);
    if (id === undefined) {
      const p = this.prefix;
      const fontId = this.font(style);
      const fillId = style.fill ? this.solidFill(style.fill) : 0;
      const borderId = style.border ? this.thinBorder() : 0;
      const h = style.hAlign === "center" ? "center" : style.hAlign;
      const v = style.vAlign === "middle" ? "center" : style.vAlign;
      const alignment =
        h || v || style.wrap || style.indent
          ? `<${p}alignment${h ? ` horizontal="${h}"` : ""}${v ? ` vertical="${v}"` : ""}${style.wrap ? ' wrapText="1"' : ""}${style.indent ? ` indent="${style.indent}"` : ""}/>`
          : "";
      const attrs =
        `numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        (fontId ? ' applyFont="1"' : "") +
        (fillId ? ' applyFill="1"' : "") +
        (borderId ? ' applyBorder="1"' : "") +
        (alignment ? ' applyAlignment="1"' : "");
      id = this.add("cellXfs", alignment ? `<${p}xf ${attrs}>${alignment}</${p}xf>` : `<${p}xf ${attrs}/>`);
      this.planXfs.set(key, id);
    }
    return id;
  }

  /** True when something was added. */
  changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** The style sheet with the additions: each list's new items before its closing tag, its `count` updated. */
  toXml(): string {
    let xml = this.original;
    // Lists are edited from the last in the document to the first, so earlier offsets stay valid.
    const edits: Array<{ name: ListName; list: List }> = [];
    for (const [name, list] of this.lists) if (list.added.length > 0) edits.push({ name, list });
    const withPos = edits.map((e) => ({
      ...e,
      tag: findTag(xml, this.prefix + e.name, 0, xml.length, this.part),
    }));
    const missing = withPos.filter((e) => e.tag === null);
    const present = withPos
      .filter((e): e is typeof e & { tag: FoundTag } => e.tag !== null)
      .sort((a, b) => b.tag.start - a.tag.start);
    for (const { name, list, tag } of present) {
      const count = String(list.items.length + list.added.length);
      const added = list.added.join("");
      if (tag.selfClosing) {
        const open = setAttribute(xml, tag, "count", count).replace(/\s*\/>$/, ">");
        xml = xml.slice(0, tag.start) + open + added + `</${this.prefix}${name}>` + xml.slice(tag.end);
      } else {
        const close = xml.indexOf(`</${this.prefix}${name}>`, tag.end);
        xml = xml.slice(0, close) + added + xml.slice(close);
        xml = xml.slice(0, tag.start) + setAttribute(xml, tag, "count", count) + xml.slice(tag.end);
      }
    }
    for (const { name, list } of missing) {
      const root = rootChildren(xml, this.part);
      const at = insertionPoint(root.children, STYLESHEET_ORDER, name, root.rootClose);
      const element = `<${this.prefix}${name} count="${list.added.length}">${list.added.join("")}</${this.prefix}${name}>`;
      xml = xml.slice(0, at) + element + xml.slice(at);
    }
    return xml;
  }
}

function itemEnd(xml: string, tag: FoundTag, part: string): number {
  if (tag.selfClosing) return tag.end;
  const close = `</${tag.name}>`;
  const at = xml.indexOf(close, tag.end);
  if (at < 0) throw corruptPart(part, `缺少 ${close}`);
  return at + close.length;
}
