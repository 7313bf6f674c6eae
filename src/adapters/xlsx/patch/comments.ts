/**
 * Comments (批注) on marked cells: the sheet's comments part and the VML drawing that Excel needs to
 * show them. A sheet that already has comments keeps them: ours are added to the same parts, and a
 * cell that already has a comment gets our text appended to it (a cell holds one comment).
 */
import { corruptPart } from "../read/errors";
import { rootPrefix } from "../read/xml";
import { relationshipKind } from "../read/workbook";
import type { XlsxPackage } from "./package";
import {
  escapeXml,
  findTag,
  elementEnd,
  insertionPoint,
  prefixFor,
  type RootElement,
  setAttribute,
  type TextEdits,
  xstring,
} from "./xml-edit";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/** The order of a worksheet's children (ECMA-376 CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export interface CommentMark {
  /** 0-based. */
  readonly row: number;
  readonly column: number;
  /** A1 without `$`. */
  readonly cell: string;
  readonly text: string;
}

/** Relationship type URIs in the package's own flavour (transitional or strict), from one it already uses. */
export function relationshipType(sampleType: string, kind: string): string {
  return sampleType.slice(0, sampleType.lastIndexOf("/") + 1) + kind;
}

/** Allocates VML shape-id blocks (`o:idmap`, 1024 ids each) not used by any drawing of the package. */
export class ShapeIdBlocks {
  private readonly used = new Set<number>();

  constructor(pkg: XlsxPackage) {
    for (const name of pkg.names()) {
      if (!name.toLowerCase().endsWith(".vml")) continue;
      const text = latin1(pkg.bytesOf(name));
      for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) {
        for (const n of (m[1] ?? "").split(",")) if (/^\d+$/.test(n.trim())) this.used.add(Number(n));
      }
      // Shapes outside any declared block still occupy their block.
      for (const m of text.matchAll(/_x0000_s(\d+)/g)) this.used.add(Math.floor(Number(m[1]) / 1024));
    }
  }

  next(): number {
    let n = 1;
    while (this.used.has(n)) n++;
    this.used.add(n);
    return n;
  }
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  // A spread of at most 32,768 arguments per call: bounded, well inside the stack.
  // eslint-disable-next-line no-restricted-syntax
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function fromLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** One hidden note's shape, anchored beside its cell and tall enough for its text. */
function noteShape(id: number, mark: CommentMark): string {
  const lines = mark.text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / 16)), 0);
  const rowsTall = Math.min(14, Math.max(4, lines + 1));
  const top = Math.max(0, mark.row - 1);
  const anchor = `${mark.column + 1}, 15, ${top}, 10, ${mark.column + 4}, 15, ${top + rowsTall}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:180pt;height:${rowsTall * 15}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${mark.row}</x:Row><x:Column>${mark.column}</x:Column></x:ClientData></v:shape>`
  );
}

function commentRun(p: string, text: string): string {
  return `<${p}r><${p}rPr><${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr><${p}t xml:space="preserve">${xstring(text)}</${p}t></${p}r>`;
}

/**
 * Adds the comments of `marks` to the sheet at `sheetPart` (whose text is `sheetXml`, its root
 * `root` as `rootChildren(sheetXml, sheetPart, ["sheetData"])` reads it): the comments and drawing
 * parts in `pkg`, and in `edits` what the sheet's text gains (a `legacyDrawing` when it had none).
 */
export function addComments(
  pkg: XlsxPackage,
  sheetPart: string,
  sheetXml: string,
  root: RootElement,
  marks: readonly CommentMark[],
  author: string,
  blocks: ShapeIdBlocks,
  sampleRelType: string,
  edits: TextEdits,
): void {
  if (marks.length === 0) return;
  const rels = pkg.relationships(sheetPart);
  const mainNs =
    /\sxmlns(?::\w+)?="(http[^"]*spreadsheetml[^"]*|http[^"]*purl[^"]*main)"/.exec(sheetXml)?.[1] ??
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  // ── comments part ──
  const existing = rels.find(
    (r) => relationshipKind(r.type) === "comments" && r.path !== undefined && pkg.has(r.path),
  );
  const alreadyCommented = new Set<string>();
  let commentsPath: string;
  if (existing) {
    commentsPath = pkg.find(existing.path!)!;
    pkg.setText(
      commentsPath,
      mergeComments(pkg.text(commentsPath), commentsPath, marks, author, alreadyCommented),
    );
  } else {
    commentsPath = pkg.freeName("xl/comments", ".xml");
    const body = marks
      .map((m) => `<comment ref="${m.cell}" authorId="0"><text>${commentRun("", m.text)}</text></comment>`)
      .join("");
    pkg.setText(
      commentsPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${mainNs}"><authors><author>${escapeXml(author)}</author></authors><commentList>${body}</commentList></comments>`,
    );
    pkg.addRelationship(sheetPart, relationshipType(sampleRelType, "comments"), commentsPath);
    pkg.addContentType({ override: commentsPath }, COMMENTS_TYPE);
  }

  // ── VML drawing: one shape per new comment ──
  const fresh = marks.filter((m) => !alreadyCommented.has(m.cell));
  const legacy = root.children.find((c) => c.localName === "legacyDrawing");
  let vmlPath: string | undefined;
  if (legacy) {
    const tag = findTag(sheetXml, root.prefix + "legacyDrawing", legacy.start, legacy.end, sheetPart);
    const idKey = tag ? Object.keys(tag.attributes).find((k) => k.endsWith(":id")) : undefined;
    const rel = idKey === undefined ? undefined : rels.find((r) => r.id === tag!.attributes[idKey]);
    vmlPath = rel?.path === undefined ? undefined : pkg.find(rel.path);
  }
  if (vmlPath !== undefined) {
    if (fresh.length > 0)
      pkg.setBytes(vmlPath, fromLatin1(appendShapes(latin1(pkg.bytesOf(vmlPath)), fresh, blocks, vmlPath)));
    return;
  }
  if (legacy) throw corruptPart(sheetPart, "批注绘图（legacyDrawing）的关系无效");

  vmlPath = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
  const shapes: string[] = [];
  const ids: number[] = [];
  let block = blocks.next();
  const used = [block];
  let k = 1;
  for (const mark of fresh) {
    if (k > 1023) {
      block = blocks.next();
      used.push(block);
      k = 1;
    }
    const id = block * 1024 + k++;
    ids.push(id);
    shapes.push(noteShape(id, mark));
  }
  pkg.setBytes(
    vmlPath,
    fromLatin1(
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${used.join(",")}"/></o:shapelayout>` +
        SHAPE_TYPE +
        shapes.join("") +
        "</xml>",
    ),
  );
  const relId = pkg.addRelationship(sheetPart, relationshipType(sampleRelType, "vmlDrawing"), vmlPath);
  pkg.addContentType({ extension: "vml" }, VML_TYPE);
  insertLegacyDrawing(sheetXml, root, sheetPart, relId, edits);
}

/** Our comments merged into an existing comments part; cells that already had one get our text appended. */
function mergeComments(
  xml: string,
  part: string,
  marks: readonly CommentMark[],
  author: string,
  alreadyCommented: Set<string>,
): string {
  const p = rootPrefix(xml, "comments", part);
  // Author: reuse ours if listed, else add it.
  const authorsTag = findTag(xml, p + "authors", 0, xml.length, part);
  let authorId = 0;
  if (authorsTag === null || authorsTag.selfClosing) {
    const listed = `<${p}authors><${p}author>${escapeXml(author)}</${p}author></${p}authors>`;
    xml =
      authorsTag === null
        ? xml.replace(new RegExp(`(<${p}comments\\b[^>]*>)`), `$1${listed}`)
        : xml.slice(0, authorsTag.start) + listed + xml.slice(authorsTag.end);
  } else {
    const close = xml.indexOf(`</${p}authors>`, authorsTag.end);
    const names = [
      ...xml
        .slice(authorsTag.end, close)
        .matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>|<${p}author/>`, "g")),
    ].map((m) => m[1] ?? "");
    const at = names.indexOf(escapeXml(author));
    if (at >= 0) authorId = at;
    else {
      authorId = names.length;
      xml = xml.slice(0, close) + `<${p}author>${escapeXml(author)}</${p}author>` + xml.slice(close);
    }
  }
  // Existing comments by cell.
  const listTag = findTag(xml, p + "commentList", 0, xml.length, part);
  if (listTag === null) throw corruptPart(part, "缺少 <commentList>");
  let listXml = listTag.selfClosing
    ? ""
    : xml.slice(listTag.end, xml.indexOf(`</${p}commentList>`, listTag.end));
  const added: string[] = [];
  for (const mark of marks) {
    const at = findCommentOn(listXml, p, mark.cell, part);
    if (at === null) {
      added.push(
        `<${p}comment ref="${mark.cell}" authorId="${authorId}"><${p}text>${commentRun(p, mark.text)}</${p}text></${p}comment>`,
      );
      continue;
    }
    alreadyCommented.add(mark.cell);
    // Append a run with our text to the comment's <text>, before any phonetic runs.
    const textClose = listXml.indexOf(`</${p}text>`, at.start);
    const phonetic = listXml.slice(at.start, textClose).search(new RegExp(`<${p}(rPh|phoneticPr)\\b`));
    const insertAt = phonetic >= 0 ? at.start + phonetic : textClose;
    listXml = listXml.slice(0, insertAt) + commentRun(p, "\n" + mark.text) + listXml.slice(insertAt);
  }
  const newList = `<${p}commentList>${listXml}${added.join("")}</${p}commentList>`;
  const listEnd = listTag.selfClosing ? listTag.end : elementEnd(xml, listTag, part);
  return xml.slice(0, listTag.start) + newList + xml.slice(listEnd);
}

function findCommentOn(listXml: string, p: string, cell: string, part: string): { start: number } | null {
  let i = 0;
  for (;;) {
    const tag = findTag(listXml, p + "comment", i, listXml.length, part);
    if (tag === null) return null;
    if ((tag.attributes["ref"] ?? "").replace(/\$/g, "").toUpperCase() === cell.toUpperCase())
      return { start: tag.start };
    i = tag.end;
  }
}

/** New note shapes appended to an existing VML drawing (edited as bytes: its encoding is kept). */
function appendShapes(
  vml: string,
  marks: readonly CommentMark[],
  blocks: ShapeIdBlocks,
  part: string,
): string {
  const idmap = /(<o:idmap\b[^>]*\bdata\s*=\s*")([^"]*)(")/.exec(vml);
  const own = new Set(
    (idmap?.[2] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => /^\d+$/.test(s))
      .map(Number),
  );
  let max = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const shapes: string[] = [];
  let next = max + 1;
  for (const mark of marks) {
    if (!own.has(Math.floor(next / 1024)) || next % 1024 === 0) {
      const block = blocks.next();
      own.add(block);
      next = block * 1024 + 1;
    }
    shapes.push(noteShape(next++, mark));
  }
  let out = vml;
  const data = [...own].sort((a, b) => a - b).join(",");
  if (idmap)
    out = out.slice(0, idmap.index) + idmap[1] + data + idmap[3] + out.slice(idmap.index + idmap[0].length);
  else
    out = out.replace(
      /(<xml\b[^>]*>)/,
      `$1<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>`,
    );
  const typeDefined = /id\s*=\s*"_x0000_t202"/.test(out);
  const close = out.lastIndexOf("</xml>");
  if (close < 0) throw corruptPart(part, "VML 绘图格式错误");
  return out.slice(0, close) + (typeDefined ? "" : SHAPE_TYPE) + shapes.join("") + out.slice(close);
}

/** The sheet with `<legacyDrawing r:id="…"/>` in its schema place (and the `r` namespace declared if needed). */
function insertLegacyDrawing(
  xml: string,
  root: RootElement,
  part: string,
  relId: string,
  edits: TextEdits,
): void {
  const rootTag = xml.slice(root.rootStart, root.rootOpenEnd);
  let r = prefixFor(rootTag, REL_NS);
  if (r === null) {
    r = "r";
    for (let n = 1; new RegExp(`\\sxmlns:${r}\\s*=`).test(rootTag); n++) r = `r${n}`;
    const tag = findTag(
      xml,
      xml.slice(root.rootStart + 1, root.rootStart + 1 + rootTag.slice(1).search(/[\s/>]/)),
      root.rootStart,
      root.rootOpenEnd,
      part,
    )!;
    edits.replace(tag.start, tag.end, setAttribute(xml, tag, `xmlns:${r}`, REL_NS));
  }
  const at = insertionPoint(root.children, WORKSHEET_ORDER, "legacyDrawing", root.rootClose);
  edits.insert(at, `<${root.prefix}legacyDrawing ${r}:id="${relId}"/>`);
}
