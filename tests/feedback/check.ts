/**
 * The 退回修改 oracle: given an input package and its annotated copy, checks with independent readers
 * that every issue cell is marked and commented, that nothing else in any original sheet differs
 * (values, types, formulas, number formats, fonts, borders, alignment, fills, comments), and that
 * only the parts the patcher may touch changed.
 */
import { type IssueData, MARK_FILL, localizeIssue } from "../../src/core";
import { type ExcelJsCell, exceljsCells, parts, sameBytes, sheetjsCells, sheetjsWorkbook } from "./oracle";

const decoder = new TextDecoder();

/** Sheet name → worksheet part, read from workbook.xml and its rels with plain regexes. */
export function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const workbook = decoder.decode(files["xl/workbook.xml"]);
  const rels = decoder.decode(files["xl/_rels/workbook.xml.rels"]);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = /\bname="([^"]*)"/
      .exec(m[1]!)?.[1]!
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&apos;/g, "'");
    const id = /\br:id="([^"]*)"/.exec(m[1]!)?.[1];
    if (name && id && targets.has(id)) out.set(name, targets.get(id)!);
  }
  return out;
}

export interface CheckResult {
  /** Every part of the copy that differs from (or is not in) the input. */
  readonly changed: string[];
  readonly marked: Map<string, Set<string>>;
}

/** Font 0 of the style sheet as ExcelJS describes a font: name and size are what matter. */
function font0(files: Record<string, Uint8Array>): string {
  const styles = files["xl/styles.xml"] ? decoder.decode(files["xl/styles.xml"]) : "";
  const font =
    /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(styles.slice(styles.indexOf("<fonts")))?.[1] ??
    "";
  const name = /<(?:\w+:)?name val="([^"]*)"/.exec(font)?.[1];
  const size = /<(?:\w+:)?sz val="([^"]*)"/.exec(font)?.[1];
  return JSON.stringify({ name, size: size === undefined ? undefined : Number(size) });
}

/** Name and size of an ExcelJS font description. */
function fontOf(json: string): string {
  const f = JSON.parse(json) as { name?: string; size?: number };
  return JSON.stringify({ name: f.name, size: f.size });
}

const DEFAULT_CELL: ExcelJsCell = {
  fill: null,
  note: null,
  numFmt: null,
  font: "{}",
  border: "{}",
  alignment: "{}",
};

/**
 * Checks `after` against `before` for `issues` (the validation of `before`), with `sheetName` the
 * new first sheet. Throws (through expect) on any difference.
 */
export async function checkAnnotated(
  before: Uint8Array,
  after: Uint8Array,
  issues: readonly IssueData[],
  sheetName = "退回修改说明",
): Promise<CheckResult> {
  // ── structure: the new sheet first, every other sheet in its place, names still on their sheets ──
  const wbBefore = sheetjsWorkbook(before);
  const wbAfter = sheetjsWorkbook(after);
  expect(wbAfter.sheets).toEqual([sheetName, ...wbBefore.sheets]);
  expect(wbAfter.date1904).toBe(wbBefore.date1904);
  const ownNames = wbAfter.names.filter((n) => n.sheet === sheetName);
  expect(wbAfter.names.filter((n) => n.sheet !== sheetName)).toEqual(wbBefore.names);
  expect(ownNames.map((n) => n.name).sort()).toEqual(["TaizhangKind", "_xlnm.Print_Titles"]);
  for (const s of wbBefore.sheets) expect(wbAfter.merges[s]).toEqual(wbBefore.merges[s]);

  // ── values, types, formulas, number formats: identical in every original sheet ──
  const valuesBefore = sheetjsCells(before);
  const valuesAfter = sheetjsCells(after);
  for (const [sheet, cells] of valuesBefore) {
    expect({ sheet, cells: Object.fromEntries(valuesAfter.get(sheet) ?? []) }).toEqual({
      sheet,
      cells: Object.fromEntries(cells),
    });
  }

  // ── marks: exactly the issue cells, with the right fill and a comment per issue ──
  const marked = new Map<string, Set<string>>();
  const bySheetCell = new Map<string, IssueData[]>();
  for (const issue of issues) {
    if (issue.cell === null) continue;
    const key = `${issue.sheet}!${issue.cell}`;
    bySheetCell.set(key, [...(bySheetCell.get(key) ?? []), issue]);
    if (!marked.has(issue.sheet)) marked.set(issue.sheet, new Set());
    marked.get(issue.sheet)!.add(issue.cell);
  }
  const defaultFont = font0(parts(before));
  const styleBefore = await exceljsCells(before);
  const styleAfter = await exceljsCells(after);
  for (const [sheet, cellsAfter] of styleAfter) {
    if (sheet === sheetName) continue;
    const cellsBefore = styleBefore.get(sheet) ?? new Map<string, ExcelJsCell>();
    const addresses = new Set([...cellsBefore.keys(), ...cellsAfter.keys()]);
    for (const address of addresses) {
      const was = cellsBefore.get(address) ?? DEFAULT_CELL;
      const now = cellsAfter.get(address) ?? DEFAULT_CELL;
      const cellIssues = bySheetCell.get(`${sheet}!${address}`);
      if (cellIssues === undefined) {
        expect({ sheet, address, ...now }).toEqual({ sheet, address, ...was });
        continue;
      }
      const severity = cellIssues.some((i) => i.severity === "error") ? "error" : "warning";
      expect({ sheet, address, fill: now.fill }).toEqual({
        sheet,
        address,
        fill: `FF${MARK_FILL[severity]}`,
      });
      // ExcelJS reports no font for a cell on format 0 but the resolved default font for a clone of
      // format 0: both mean the workbook's font 0.
      const font = was.font === "{}" && now.font !== "{}" ? defaultFont : was.font;
      expect({
        sheet,
        address,
        numFmt: now.numFmt,
        font: fontOf(now.font),
        border: now.border,
        alignment: now.alignment,
      }).toEqual({
        sheet,
        address,
        numFmt: was.numFmt,
        font: fontOf(font),
        border: was.border,
        alignment: was.alignment,
      });
      for (const issue of cellIssues) expect(now.note ?? "").toContain(localizeIssue(issue, "zh").message);
      if (was.note !== null) expect(now.note ?? "").toContain(was.note);
    }
    for (const cell of marked.get(sheet) ?? []) expect(cellsAfter.has(cell)).toBe(true);
  }

  // ── the package: only the parts the patcher may touch differ; every part of the input survives ──
  const partsBefore = parts(before);
  const partsAfter = parts(after);
  for (const name of Object.keys(partsBefore)) expect(name in partsAfter).toBe(true);
  const changed = Object.keys(partsAfter).filter((name) => !sameBytes(partsBefore[name], partsAfter[name]));
  const sheetsAfter = sheetParts(partsAfter);
  const markedParts = new Set([...marked.keys()].map((s) => sheetsAfter.get(s)));
  const allowed = (name: string) =>
    [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "docProps/app.xml",
    ].includes(name) ||
    name === sheetsAfter.get(sheetName) ||
    markedParts.has(name) ||
    [...markedParts].some((p) => p !== undefined && name === p.replace(/([^/]+)$/, "_rels/$1.rels")) ||
    /^xl\/comments\d*\.xml$/.test(name) ||
    /^xl\/drawings\/vmlDrawing\d*\.vml$/.test(name);
  expect(changed.filter((name) => !allowed(name))).toEqual([]);
  return { changed, marked };
}
