/**
 * Small helpers for scanning XML as a string. The parts of an .xlsx file are machine-written, so a
 * scanner over `indexOf` is enough and many times faster than building a DOM; it still decodes
 * entities and handles namespace prefixes (`<x:row>`, written by some .NET libraries).
 */
import { corruptPart } from "./errors";

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

function replaceEntity(whole: string, body: string): string {
  switch (body) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/**
 * Text or attribute content as the XML means it: entities decoded, and literal line ends
 * normalised to `\n` as every XML parser does (`&#13;` stays a carriage return).
 */
export function decodeXml(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") >= 0) s = s.replace(ENTITY, replaceEntity);
  return s;
}

const XESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * OOXML's own escape for characters XML cannot hold (ST_Xstring): `_x000D_` is a carriage return,
 * and `_x005F_` an underscore, so `_x005F_x000D_` is the literal text `_x000D_`.
 */
export function decodeXString(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(XESCAPE, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** True for the characters that can end an element name: white space, `>` and `/`. */
export function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 10 || code === 13 || code === 9;
}

/**
 * The namespace prefix (`""` or `"x:"`) of the part's root element, which must be `localName` and
 * be closed at the end of the part. Elements below the root are assumed to use the same prefix,
 * as every known writer does.
 */
export function rootPrefix(xml: string, localName: string, part: string): string {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) throw corruptPart(part, `找不到根元素 <${localName}>`);
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      i = xml.indexOf("?>", lt + 2);
      if (i < 0) throw corruptPart(part, "XML 声明未结束");
      continue;
    }
    if (next === 33 /* ! */) {
      i = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt + 4) : xml.indexOf(">", lt + 2);
      if (i < 0) throw corruptPart(part, "注释未结束");
      continue;
    }
    let end = lt + 1;
    while (end < xml.length && !isNameEnd(xml.charCodeAt(end))) end++;
    const name = xml.slice(lt + 1, end);
    const colon = name.indexOf(":");
    if (name.slice(colon + 1) !== localName)
      throw corruptPart(part, `根元素应为 <${localName}>，实为 <${name}>`);
    // A part cut short (a lying zip entry, a bad writer) lacks its closing root tag.
    const gt = xml.indexOf(">", end);
    if (gt < 0) throw corruptPart(part, `<${name}> 未结束`);
    if (xml.charCodeAt(gt - 1) !== 47 /* not self-closing */) {
      const close = "</" + name + ">";
      if (xml.indexOf(close, Math.max(gt, xml.length - close.length - 256)) < 0) {
        throw corruptPart(part, `缺少 ${close}，内容不完整`);
      }
    }
    return name.slice(0, colon + 1);
  }
}

/** A start tag's attributes (names as written, values decoded) and where the tag ends. */
export interface StartTag {
  readonly attributes: Record<string, string>;
  /** Index just past the tag's `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
}

/**
 * Reads the start tag whose name ends at `nameEnd` (the index just past the element name).
 * Used for the small parts (workbook, relationships, styles); cells have their own inline loop.
 */
export function readStartTag(xml: string, nameEnd: number, part: string): StartTag {
  const attributes: Record<string, string> = {};
  const end = scanAttributes(xml, nameEnd, part, (name, nameStop, value, valueStop) => {
    attributes[xml.slice(name, nameStop).trim()] = decodeXml(xml.slice(value, valueStop));
  });
  return { attributes, end, selfClosing: xml.charCodeAt(end - 2) === 47 /* / */ };
}

/**
 * Walks the attributes of the start tag whose name ends at `nameEnd`, making nothing: `visit` gets
 * each one's name (from its first character to the `=`) and its value's span inside the quotes.
 * Returns the index just past the tag's `>`. `readStartTag` keeps them all; a caller that wants one
 * attribute of many tags (feedback's row walk) reads it from the spans.
 */
export function scanAttributes(
  xml: string,
  nameEnd: number,
  part: string,
  visit: (name: number, nameStop: number, value: number, valueStop: number) => void,
): number {
  let i = nameEnd;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c === 62 /* > */) return i + 1;
    if (c === 47 /* / */) {
      if (xml.charCodeAt(i + 1) !== 62) break;
      return i + 2;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0) break;
    let q = eq + 1;
    while (xml.charCodeAt(q) === 32) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") break;
    const close = xml.indexOf(quote, q + 1);
    if (close < 0) break;
    visit(i, eq, q + 1, close);
    i = close + 1;
  }
  throw corruptPart(part, "标签格式错误");
}

/**
 * Where the next start tag `open` (`<` + its qualified name) is in `xml`, at or after `from` and
 * before `to`, its name whole (`<row` is not `<rowBreaks`); -1 when there is none.
 */
export function findStartTag(xml: string, open: string, from: number, to: number): number {
  let i = from;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0 || lt >= to) return -1;
    if (isNameEnd(xml.charCodeAt(lt + open.length))) return lt;
    i = lt + open.length;
  }
}

/**
 * Calls `visit` for every start tag `<prefix+localName …>` in `xml` between `from` and `to`.
 * Returns the number of tags visited.
 */
export function forEachElement(
  xml: string,
  qualifiedName: string,
  from: number,
  to: number,
  part: string,
  visit: (tag: StartTag, start: number) => void,
): number {
  const open = "<" + qualifiedName;
  let count = 0;
  for (let lt = findStartTag(xml, open, from, to); lt >= 0;) {
    const tag = readStartTag(xml, lt + open.length, part);
    visit(tag, lt);
    count++;
    lt = findStartTag(xml, open, tag.end, to);
  }
  return count;
}

/**
 * The span `[start, end)` of the element `qualifiedName`'s content, searched from `from`;
 * `null` when it is absent, an empty span when it is self-closing.
 */
export function elementContent(
  xml: string,
  qualifiedName: string,
  from: number,
  part: string,
): { start: number; end: number; after: number } | null {
  const open = "<" + qualifiedName;
  let i = from;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) return null;
    const nameEnd = lt + open.length;
    if (!isNameEnd(xml.charCodeAt(nameEnd))) {
      i = nameEnd;
      continue;
    }
    const gt = xml.indexOf(">", nameEnd);
    if (gt < 0) throw corruptPart(part, `<${qualifiedName}> 未结束`);
    if (xml.charCodeAt(gt - 1) === 47) return { start: gt + 1, end: gt + 1, after: gt + 1 };
    const closeTag = "</" + qualifiedName + ">";
    const close = xml.indexOf(closeTag, gt + 1);
    if (close < 0) throw corruptPart(part, `缺少 </${qualifiedName}>`);
    return { start: gt + 1, end: close, after: close + closeTag.length };
  }
}

/** Index of the `>` that closes the tag opened at `lt`, or throws. */
export function tagEnd(xml: string, lt: number, part: string): number {
  const gt = xml.indexOf(">", lt);
  if (gt < 0) throw corruptPart(part, "标签未结束");
  return gt;
}
