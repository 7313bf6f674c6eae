/**
 * The parts of the package ExcelJS cannot write soundly, added to its output at the XML level:
 *
 * - bars (PlanBar) as Excel 2007 data bars — see `dataBarXml` for why not ExcelJS's;
 * - internal links as `<hyperlink location="…">` without a relationship — ExcelJS would also add an
 *   external relationship pointing at `#Sheet!A1`;
 * - print titles as `_xlnm.Print_Titles` — ExcelJS does not escape a `'` in a sheet name there.
 *
 * Elements are inserted where the schema (ECMA-376 CT_Worksheet, CT_Workbook) puts them: Excel reports
 * a damaged file when child elements are out of order.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { CellRange } from "../../../core/grid";
import { dataBarXml, escapeXml } from "./xml";

export { dataBarXml, escapeXml, quoteSheetName, rangeRef } from "./xml";

export interface SheetAdditions {
  readonly bars: ReadonlyArray<{ readonly range: CellRange; readonly argb: string }>;
  readonly links: ReadonlyArray<{ readonly ref: string; readonly location: string }>;
}

export interface DefinedName {
  readonly name: string;
  readonly localSheetId: number;
  readonly value: string;
  readonly hidden?: boolean;
}

/** CT_Worksheet children that follow `conditionalFormatting`, in schema order. */
const AFTER_CONDITIONAL_FORMATTING = [
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
const AFTER_HYPERLINKS = AFTER_CONDITIONAL_FORMATTING.slice(2);
/** CT_Workbook children that follow `definedNames`. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Inserts `fragment` before the first of `successors` present in `xml`, else before `</root>`. */
function insertBefore(xml: string, fragment: string, successors: readonly string[], root: string): string {
  let at = -1;
  for (const tag of successors) {
    const match = new RegExp(`<${tag}[\\s/>]`).exec(xml);
    if (match && (at < 0 || match.index < at)) at = match.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${root}>`);
  if (at < 0) throw new Error(`XML 中缺少 </${root}>`);
  return xml.slice(0, at) + fragment + xml.slice(at);
}

function hyperlinksXml(links: SheetAdditions["links"]): string {
  const items = links.map((l) => `<hyperlink ref="${l.ref}" location="${escapeXml(l.location)}"/>`);
  return `<hyperlinks>${items.join("")}</hyperlinks>`;
}

export function patchSheetXml(xml: string, additions: SheetAdditions): string {
  let out = xml;
  if (additions.bars.length > 0) {
    const cf = additions.bars.map((b, i) => dataBarXml(b.range, b.argb, i + 1)).join("");
    out = insertBefore(out, cf, AFTER_CONDITIONAL_FORMATTING, "worksheet");
  }
  if (additions.links.length > 0) {
    if (/<hyperlinks[\s>]/.test(out)) throw new Error("工作表中已有超链接块");
    out = insertBefore(out, hyperlinksXml(additions.links), AFTER_HYPERLINKS, "worksheet");
  }
  return out;
}

export function patchWorkbookXml(xml: string, names: readonly DefinedName[]): string {
  if (names.length === 0) return xml;
  const items = names
    .map(
      (n) =>
        `<definedName name="${n.name}" localSheetId="${n.localSheetId}"${n.hidden ? ' hidden="1"' : ""}>${escapeXml(n.value)}</definedName>`,
    )
    .join("");
  const close = xml.indexOf("</definedNames>");
  if (close >= 0) return xml.slice(0, close) + items + xml.slice(close);
  return insertBefore(xml, `<definedNames>${items}</definedNames>`, AFTER_DEFINED_NAMES, "workbook");
}

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) map.set(m[1] ?? "", m[2] ?? "");
  return map;
}

/** Worksheet part paths in workbook order (`xl/worksheets/sheet1.xml`, …). */
function worksheetParts(workbookXml: string, relsXml: string): string[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const attrs = attributes(m[0]);
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const sheetsBlock = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? "";
  return [...sheetsBlock.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attributes(m[0]).get("r:id") ?? "");
    if (target === undefined) throw new Error("工作簿关系中找不到工作表");
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  });
}

/** Applies the additions to an ExcelJS-written package (`sheets[i]` belongs to the i-th sheet). */
export function patchPackage(
  data: Uint8Array,
  sheets: readonly SheetAdditions[],
  definedNames: readonly DefinedName[],
): Uint8Array {
  const needed = definedNames.length > 0 || sheets.some((s) => s.bars.length > 0 || s.links.length > 0);
  if (!needed) return data;
  const files = unzipSync(data);
  const text = (path: string): string => {
    const bytes = files[path];
    if (bytes === undefined) throw new Error(`包中缺少 ${path}`);
    return strFromU8(bytes);
  };
  const workbookXml = text("xl/workbook.xml");
  const parts = worksheetParts(workbookXml, text("xl/_rels/workbook.xml.rels"));
  sheets.forEach((additions, i) => {
    const part = parts[i];
    if (part === undefined) throw new Error(`包中缺少第 ${i + 1} 个工作表`);
    if (additions.bars.length > 0 || additions.links.length > 0) {
      files[part] = strToU8(patchSheetXml(text(part), additions));
    }
  });
  files["xl/workbook.xml"] = strToU8(patchWorkbookXml(workbookXml, definedNames));
  // fflate keeps insertion order, so `[Content_Types].xml` stays the first entry as ExcelJS wrote it.
  const zippable: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) {
    // ExcelJS writes folder entries (`xl/`); the format does not need them, so they are left out.
    if (!path.endsWith("/")) zippable[path] = [bytes, { level: 6 }];
  }
  return zipSync(zippable);
}
