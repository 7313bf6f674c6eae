/**
 * String surgery on XML parts: the patcher copies every byte it does not mean to change, so it
 * edits parts as strings — a start tag's attribute, an element inserted before a closing tag —
 * instead of parsing and re-serialising them.
 */
import { corruptPart } from "../read/errors";
import { findStartTag, isNameEnd, readStartTag, type StartTag } from "../read/xml";

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

// Characters XML 1.0 cannot hold, and lone surrogates.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must be escaped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as an OOXML string (ST_Xstring) in element content: a literal `_xHHHH_` is protected as
 * `_x005F_xHHHH_`, characters XML cannot hold become `_xHHHH_`, then XML escaping.
 */
export function xstring(text: string): string {
  const protectedText = text
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(protectedText);
}

/** A start tag found in a part: where it starts, its parsed attributes and where it ends. */
export interface FoundTag extends StartTag {
  readonly start: number;
  /** The qualified name as written (`row`, `x:row`). */
  readonly name: string;
}

/** The first start tag `<qualifiedName …>` at or after `from` (and before `to`), or null. */
export function findTag(
  xml: string,
  qualifiedName: string,
  from: number,
  to: number,
  part: string,
): FoundTag | null {
  const open = "<" + qualifiedName;
  const lt = findStartTag(xml, open, from, to);
  if (lt < 0) return null;
  return { ...readStartTag(xml, lt + open.length, part), start: lt, name: qualifiedName };
}

/** End of the element whose start tag is `tag`: just past its closing tag (or the tag itself when self-closing). */
export function elementEnd(xml: string, tag: FoundTag, part: string): number {
  if (tag.selfClosing) return tag.end;
  const close = "</" + tag.name + ">";
  // Elements the patcher walks (row, c, comment, sheet…) never nest an element of their own name.
  const at = xml.indexOf(close, tag.end);
  if (at < 0) throw corruptPart(part, `缺少 ${close}`);
  return at + close.length;
}

/**
 * The start tag at `tag` with attribute `name` set to `value` (replaced where it was, else appended
 * before the tag's end). Every other byte of the tag is kept.
 */
export function setAttribute(
  xml: string,
  tag: { start: number; end: number; selfClosing: boolean },
  name: string,
  value: string,
): string {
  const text = xml.slice(tag.start, tag.end);
  const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(text)) return text.replace(re, (_all, lead: string) => `${lead}"${escapeXml(value)}"`);
  const cut = tag.selfClosing ? text.lastIndexOf("/") : text.length - 1;
  let head = text.slice(0, cut);
  const trimmed = head.replace(/\s+$/, "");
  head = trimmed;
  return `${head} ${name}="${escapeXml(value)}"${text.slice(cut)}`;
}

/** A direct child of a part's root element. */
export interface ChildElement {
  readonly localName: string;
  /** For `mc:AlternateContent`, the local name of the element its first choice holds (e.g. `controls`). */
  readonly inner?: string;
  readonly start: number;
  readonly end: number;
}

/** A part's root element as `rootChildren` reads it. */
export interface RootElement {
  readonly prefix: string;
  readonly rootStart: number;
  readonly rootOpenEnd: number;
  readonly rootClose: number;
  readonly children: ChildElement[];
}

/**
 * The direct children of the root element, in order, with their spans. Comments, processing
 * instructions and CDATA are skipped. Elements named in `skipTo` are jumped over by searching for
 * their closing tag (the worksheet's `sheetData` can be hundreds of megabytes).
 */
export function rootChildren(xml: string, part: string, skipTo: readonly string[] = []): RootElement {
  let i = 0;
  // Root start tag.
  let rootStart = -1;
  let rootName = "";
  let rootOpenEnd = -1;
  while (rootStart < 0) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) throw corruptPart(part, "找不到根元素");
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      i = xml.indexOf("?>", lt) + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      i = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) + 3 : xml.indexOf(">", lt) + 1;
      continue;
    }
    let e = lt + 1;
    while (e < xml.length && !isNameEnd(xml.charCodeAt(e))) e++;
    rootName = xml.slice(lt + 1, e);
    rootStart = lt;
    rootOpenEnd = readStartTag(xml, e, part).end;
  }
  const colon = rootName.indexOf(":");
  const prefix = colon < 0 ? "" : rootName.slice(0, colon + 1);
  const rootClose = xml.lastIndexOf("</" + rootName);
  if (rootClose < 0) throw corruptPart(part, `缺少 </${rootName}>`);
  const children: ChildElement[] = [];
  i = rootOpenEnd;
  while (i < rootClose) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= rootClose) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) i = xml.indexOf("-->", lt) + 3;
      else if (xml.startsWith("<![CDATA[", lt)) i = xml.indexOf("]]>", lt) + 3;
      else i = xml.indexOf(">", lt) + 1;
      continue;
    }
    if (c === 63) {
      i = xml.indexOf("?>", lt) + 2;
      continue;
    }
    let e = lt + 1;
    while (e < xml.length && !isNameEnd(xml.charCodeAt(e))) e++;
    const name = xml.slice(lt + 1, e);
    const tag = readStartTag(xml, e, part);
    let end: number;
    if (tag.selfClosing) end = tag.end;
    else {
      end = matchingClose(xml, name, tag.end, skipTo.includes(localOf(name)), part);
    }
    const localName = localOf(name);
    if (localName === "AlternateContent") {
      const inner = /<(?:[\w.-]+:)?Choice\b[^>]*>\s*<([\w.:-]+)/.exec(xml.slice(tag.end, end))?.[1];
      children.push(
        inner === undefined
          ? { localName, start: lt, end }
          : { localName, inner: localOf(inner), start: lt, end },
      );
    } else children.push({ localName, start: lt, end });
    i = end;
  }
  return { prefix, rootStart, rootOpenEnd, rootClose, children };
}

function localOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Just past the closing tag of element `name` whose start tag ends at `from`, counting nesting of the same name. */
function matchingClose(xml: string, name: string, from: number, flat: boolean, part: string): number {
  const close = "</" + name + ">";
  if (flat) {
    const at = xml.indexOf(close, from);
    if (at < 0) throw corruptPart(part, `缺少 ${close}`);
    return at + close.length;
  }
  const open = "<" + name;
  let depth = 1;
  let i = from;
  while (depth > 0) {
    const nextClose = xml.indexOf(close, i);
    if (nextClose < 0) throw corruptPart(part, `缺少 ${close}`);
    let nextOpen = xml.indexOf(open, i);
    while (nextOpen >= 0 && nextOpen < nextClose && !isNameEnd(xml.charCodeAt(nextOpen + open.length))) {
      nextOpen = xml.indexOf(open, nextOpen + open.length);
    }
    if (nextOpen >= 0 && nextOpen < nextClose) {
      const tag = readStartTag(xml, nextOpen + open.length, part);
      if (!tag.selfClosing) depth++;
      i = tag.end;
    } else {
      depth--;
      i = nextClose + close.length;
    }
  }
  return i;
}

/**
 * Where to insert a new direct child so that the schema's element order holds: before the first
 * existing child whose name comes after it in `order`, else before the root's closing tag.
 */
export function insertionPoint(
  children: readonly ChildElement[],
  order: readonly string[],
  localName: string,
  rootClose: number,
): number {
  const rank = order.indexOf(localName);
  for (const child of children) {
    const r = order.indexOf(child.inner ?? child.localName);
    if (r > rank) return child.start;
  }
  return rootClose;
}

/** The namespace prefix (without colon) bound to `uri` on the root start tag, or null. */
export function prefixFor(rootTag: string, uri: string): string | null {
  const re = /\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (const m of rootTag.matchAll(re)) if ((m[3] ?? m[4]) === uri) return m[1]!;
  return null;
}

/**
 * Changes to one text, kept as replacements of its ranges until the text is wanted: a worksheet of
 * 57 MB is then edited without a copy of it, its edited form being slices of it and the new text
 * between them (`pieces`), which the package encodes piece by piece (`XlsxPackage.setMarkup`).
 */
export class TextEdits {
  private readonly edits: Array<{ readonly start: number; readonly end: number; readonly text: string }> = [];

  /** Replaces `text`'s characters from `start` to `end` (exclusive) with `by`. */
  replace(start: number, end: number, by: string): void {
    this.edits.push({ start, end, text: by });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  /**
   * The edited text in order: unchanged stretches as slices of `text`, the replacements between.
   * Ranges may not overlap; insertions at one point keep the order they were made in.
   */
  pieces(text: string): string[] {
    const sorted = this.edits
      .map((edit, order) => ({ edit, order }))
      .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
      .map((e) => e.edit);
    const out: string[] = [];
    let at = 0;
    for (const { start, end, text: by } of sorted) {
      if (start < at) throw new Error(`重叠的修改：${start}–${end}`);
      if (start > at) out.push(text.slice(at, start));
      if (by !== "") out.push(by);
      at = end;
    }
    if (at < text.length || out.length === 0) out.push(text.slice(at));
    return out;
  }

  /** The edited text as one string. */
  apply(text: string): string {
    return this.edits.length === 0 ? text : this.pieces(text).join("");
  }
}
