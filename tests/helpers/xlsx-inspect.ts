/**
 * Looking inside a written .xlsx: the raw XML parts (with fflate, independent of the writer) and a
 * read-back with ExcelJS. For assertions such as "cell B3 holds a shared string and no <f>".
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";

export type XlsxParts = Record<string, Uint8Array>;

export function unzipXlsx(source: Uint8Array | string): XlsxParts {
  const bytes = typeof source === "string" ? new Uint8Array(readFileSync(source)) : source;
  return unzipSync(bytes);
}

export function partText(parts: XlsxParts, path: string): string {
  const bytes = parts[path];
  if (bytes === undefined)
    throw new Error(`no part ${path} in the package (has: ${Object.keys(parts).join(", ")})`);
  return strFromU8(bytes);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Decodes the five XML entities (enough for the attribute and text values our writer produces). */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** `<sheet>` entries of xl/workbook.xml in order: name, state and part path. */
export function sheetEntries(parts: XlsxParts): Array<{ name: string; state: string; path: string }> {
  const workbook = partText(parts, "xl/workbook.xml");
  const rels = partText(parts, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    targets.set(attr(m[0], "Id") ?? "", attr(m[0], "Target") ?? "");
  }
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attr(m[0], "r:id") ?? "") ?? "";
    return {
      name: unescapeXml(attr(m[0], "name") ?? ""),
      state: attr(m[0], "state") ?? "visible",
      path: target.startsWith("/") ? target.slice(1) : `xl/${target}`,
    };
  });
}

/** The raw XML of the worksheet called `name`. */
export function sheetXml(parts: XlsxParts, name: string): string {
  const entry = sheetEntries(parts).find((s) => s.name === name);
  if (entry === undefined) throw new Error(`no sheet ${name}`);
  return partText(parts, entry.path);
}

/** The `<c r="B3" …>…</c>` element (or self-closed `<c …/>`) of one cell, or undefined. */
export function cellXml(sheet: string, ref: string): string | undefined {
  const open = new RegExp(`<c r="${ref}"(?=[\\s/>])[^>]*>`).exec(sheet);
  if (open === null) return undefined;
  if (open[0].endsWith("/>")) return open[0];
  const end = sheet.indexOf("</c>", open.index);
  return end < 0 ? undefined : sheet.slice(open.index, end + "</c>".length);
}

/** Shared strings in index order, as plain text (rich text runs joined). */
export function sharedStrings(parts: XlsxParts): string[] {
  const xml = parts["xl/sharedStrings.xml"] === undefined ? "" : partText(parts, "xl/sharedStrings.xml");
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...(si[1] ?? "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
      .map((t) => unescapeXml(t[1] ?? ""))
      .join(""),
  );
}

/** The text a string cell shows as stored (shared or inline), or undefined when it is not a string cell. */
export function cellText(parts: XlsxParts, sheet: string, ref: string): string | undefined {
  const c = cellXml(sheetXml(parts, sheet), ref);
  if (c === undefined) return undefined;
  const type = attr(c, "t");
  if (type === "s") {
    const index = Number(/<v>(\d+)<\/v>/.exec(c)?.[1]);
    return sharedStrings(parts)[index];
  }
  if (type === "inlineStr") return unescapeXml(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(c)?.[1] ?? "");
  return undefined;
}

/** Every `<definedName>` of the workbook. */
export function definedNames(
  parts: XlsxParts,
): Array<{ name: string; localSheetId?: number; value: string }> {
  const xml = partText(parts, "xl/workbook.xml");
  return [...xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const local = attr(m[0], "localSheetId");
    return {
      name: attr(m[0], "name") ?? "",
      ...(local === undefined ? {} : { localSheetId: Number(local) }),
      value: unescapeXml(m[2] ?? ""),
    };
  });
}

/** The attributes of the first `<tag …>` in `xml`, or undefined. */
export function elementAttributes(xml: string, tag: string): Record<string, string> | undefined {
  const m = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  if (m === null) return undefined;
  const out: Record<string, string> = {};
  for (const a of (m[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)) out[a[1] ?? ""] = unescapeXml(a[2] ?? "");
  return out;
}

/** Names of the child elements of the root `<worksheet>`, in document order. */
export function worksheetChildren(sheet: string): string[] {
  const body = /<worksheet\b[^>]*>([\s\S]*)<\/worksheet>/.exec(sheet)?.[1] ?? "";
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (closing === "/") depth--;
    else {
      if (depth === 0) names.push(name ?? "");
      if (selfClosing !== "/") depth++;
    }
  }
  return names;
}

export async function loadWorkbook(source: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = typeof source === "string" ? readFileSync(source) : Buffer.from(source);
  // ExcelJS's typings want its own Buffer type; a Node Buffer is what it reads at run time.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}
