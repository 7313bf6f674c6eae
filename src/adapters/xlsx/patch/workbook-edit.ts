/**
 * `xl/workbook.xml` and `docProps/app.xml` with one sheet inserted first: every index that counts
 * sheets by position (`definedName/@localSheetId`, `workbookView/@activeTab` and `@firstSheet`) is
 * moved up by one so it still names the same sheet, and the workbook still opens on the sheet it
 * opened on.
 */
import { corruptPart } from "../read/errors";
import { escapeXml, findTag, insertionPoint, rootChildren, setAttribute } from "./xml-edit";

/** CT_Workbook's children in schema order. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
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

export interface NewSheet {
  readonly name: string;
  readonly relId: string;
  /** Sheet-scoped defined names for the new sheet (its `localSheetId` is 0). */
  readonly names: ReadonlyArray<{ name: string; value: string; hidden?: boolean }>;
}

/** Rewrites every start tag `<qualified …>` in `[from, to)` through `edit` (which returns the new tag text or null to keep it). */
function editTags(
  xml: string,
  qualified: string,
  part: string,
  edit: (tag: NonNullable<ReturnType<typeof findTag>>) => string | null,
): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  for (;;) {
    const tag = findTag(xml, qualified, i, xml.length, part);
    if (tag === null) break;
    const replacement = edit(tag);
    if (replacement !== null) {
      out.push(xml.slice(copied, tag.start), replacement);
      copied = tag.end;
    }
    i = tag.end;
  }
  out.push(xml.slice(copied));
  return out.join("");
}

/** workbook.xml with `sheet` inserted as the first sheet. `relPrefix` is the prefix bound to the relationships namespace. */
export function insertFirstSheet(xml: string, part: string, sheet: NewSheet, sheetId: number): string {
  const root = rootChildren(xml, part);
  const p = root.prefix;
  const sampleSheet = findTag(xml, p + "sheet", 0, xml.length, part);
  const idKey = sampleSheet ? Object.keys(sampleSheet.attributes).find((k) => k.endsWith(":id")) : undefined;
  const relAttr = idKey ?? "r:id";

  // Positions: every localSheetId and the views' tab indexes move up by one.
  xml = editTags(xml, p + "definedName", part, (tag) => {
    const local = tag.attributes["localSheetId"];
    if (local === undefined || !/^\d+$/.test(local)) return null;
    return setAttribute(xml, tag, "localSheetId", String(Number(local) + 1));
  });
  xml = editTags(xml, p + "workbookView", part, (tag) => {
    let text = xml.slice(tag.start, tag.end);
    const shape = () => ({ start: 0, end: text.length, selfClosing: tag.selfClosing });
    const active = Number(tag.attributes["activeTab"] ?? 0) || 0;
    text = setAttribute(text, shape(), "activeTab", String(active + 1));
    const first = Number(tag.attributes["firstSheet"] ?? 0) || 0;
    if (first > 0) text = setAttribute(text, shape(), "firstSheet", String(first + 1));
    return text;
  });

  // The sheet itself, first in <sheets>.
  const sheetsTag = findTag(xml, p + "sheets", 0, xml.length, part);
  if (sheetsTag === null) throw corruptPart(part, "缺少 <sheets>");
  const element = `<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}" ${relAttr}="${sheet.relId}"/>`;
  xml = sheetsTag.selfClosing
    ? xml.slice(0, sheetsTag.start) +
      xml.slice(sheetsTag.start, sheetsTag.end).replace(/\s*\/>$/, ">") +
      element +
      `</${p}sheets>` +
      xml.slice(sheetsTag.end)
    : xml.slice(0, sheetsTag.end) + element + xml.slice(sheetsTag.end);

  // Its defined names (print titles, the product's ownership mark).
  if (sheet.names.length > 0) {
    const items = sheet.names
      .map(
        (n) =>
          `<${p}definedName name="${escapeXml(n.name)}" localSheetId="0"${n.hidden ? ' hidden="1"' : ""}>${escapeXml(n.value)}</${p}definedName>`,
      )
      .join("");
    const names = findTag(xml, p + "definedNames", 0, xml.length, part);
    if (names === null) {
      const after = rootChildren(xml, part);
      const at = insertionPoint(after.children, WORKBOOK_ORDER, "definedNames", after.rootClose);
      xml = xml.slice(0, at) + `<${p}definedNames>${items}</${p}definedNames>` + xml.slice(at);
    } else if (names.selfClosing) {
      xml =
        xml.slice(0, names.start) + `<${p}definedNames>${items}</${p}definedNames>` + xml.slice(names.end);
    } else {
      const close = xml.indexOf(`</${p}definedNames>`, names.end);
      xml = xml.slice(0, close) + items + xml.slice(close);
    }
  }
  return xml;
}

/** The sheet ids in use, so the new sheet gets a fresh one. */
export function maxSheetId(xml: string, part: string): number {
  const { prefix } = rootChildren(xml, part);
  let max = 0;
  let i = 0;
  for (;;) {
    const tag = findTag(xml, prefix + "sheet", i, xml.length, part);
    if (tag === null) return max;
    max = Math.max(max, Number(tag.attributes["sheetId"] ?? 0) || 0);
    i = tag.end;
  }
}

/**
 * docProps/app.xml with the new sheet's name first among the worksheet titles, when the part lists
 * them the way Excel writes it (first heading pair = the worksheets); otherwise unchanged (the
 * part is informative only, and guessing would corrupt it).
 */
export function insertAppTitle(xml: string, name: string): string {
  const pairs =
    /(<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>)([^<]*)(<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(
      xml,
    );
  const titles = /(<TitlesOfParts>\s*<vt:vector\b[^>]*\bsize=")(\d+)("[^>]*>)/.exec(xml);
  if (!pairs || !titles) return xml;
  if (!/^(工作表|Worksheets|Sheets|Feuilles de calcul|Arbeitsblätter)$/i.test(pairs[2] ?? "")) return xml;
  // Titles first (it comes after HeadingPairs), so the pairs' offsets stay valid.
  const tAt = titles.index + titles[0].length;
  xml =
    xml.slice(0, titles.index) +
    titles[1] +
    String(Number(titles[2]) + 1) +
    titles[3] +
    `<vt:lpstr>${escapeXml(name)}</vt:lpstr>` +
    xml.slice(tAt);
  const pAt = pairs.index + pairs[0].length;
  return (
    xml.slice(0, pairs.index) +
    pairs[1] +
    pairs[2] +
    pairs[3] +
    String(Number(pairs[4]) + 1) +
    pairs[5] +
    xml.slice(pAt)
  );
}
