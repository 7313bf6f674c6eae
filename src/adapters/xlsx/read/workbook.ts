/**
 * `xl/workbook.xml` and its relationships: the sheets in workbook order, where each one's part
 * lives, and the date system.
 */
import { corruptPart } from "./errors";
import { elementContent, forEachElement, rootPrefix } from "./xml";

export interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  /** The relationship id (`r:id`) that points to the sheet's part. */
  readonly relId: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

export function parseWorkbookPart(xml: string, part: string): WorkbookPart {
  const prefix = rootPrefix(xml, "workbook", part);
  let date1904 = false;
  forEachElement(xml, prefix + "workbookPr", 0, xml.length, part, (tag) => {
    date1904 = isTrue(tag.attributes["date1904"]);
  });
  const sheets: SheetEntry[] = [];
  const list = elementContent(xml, prefix + "sheets", 0, part);
  if (list) {
    forEachElement(xml, prefix + "sheet", list.start, list.end, part, (tag) => {
      const name = tag.attributes["name"];
      // The relationship id's namespace prefix is usually `r:` but any prefix is legal.
      const idKey = Object.keys(tag.attributes).find((k) => k.endsWith(":id"));
      const relId = idKey === undefined ? undefined : tag.attributes[idKey];
      if (name === undefined || relId === undefined) throw corruptPart(part, "工作表缺少名称或关系编号");
      const state = tag.attributes["state"];
      sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", relId });
    });
  }
  return { sheets, date1904 };
}

export interface Relationship {
  readonly type: string;
  /** The target as a zip path (resolved against the source part's folder), or undefined if external. */
  readonly path: string | undefined;
}

/** Resolves a relationship `Target` against the folder of its source part (`xl/` for the workbook). */
export function resolveTarget(baseFolder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : baseFolder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** Relationships by id, e.g. of `xl/_rels/workbook.xml.rels`. */
export function parseRelationships(xml: string, baseFolder: string, part: string): Map<string, Relationship> {
  const prefix = rootPrefix(xml, "Relationships", part);
  const rels = new Map<string, Relationship>();
  forEachElement(xml, prefix + "Relationship", 0, xml.length, part, (tag) => {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attributes;
    if (id === undefined || type === undefined || target === undefined) return;
    rels.set(id, { type, path: mode === "External" ? undefined : resolveTarget(baseFolder, target) });
  });
  return rels;
}

/** The last segment of a relationship type: `…/relationships/worksheet` → `worksheet`. */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}
