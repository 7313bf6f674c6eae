/**
 * 退回修改: the unit's own workbook package with its problem cells marked — a filled clone of each
 * cell's format and a comment — and the `退回修改说明` sheet inserted first. Bytes in, bytes out,
 * no file system: the CLI writes the result to disk, the add-in offers it as a download.
 *
 * Only these parts change: the style sheet, the marked sheets (the marked cells' `s` attribute,
 * inserted empty cells, a `legacyDrawing`), the comments and VML parts, the sheets' and the
 * workbook's relationships, workbook.xml, [Content_Types].xml and docProps/app.xml; the new sheet is
 * added. Every other part keeps its bytes (VBA projects, drawings, charts, shared strings…).
 */
import { COMMENT_AUTHOR, type FeedbackMark, MARK_FILL, OWNER_MARK, type SheetPlan } from "../../../core";
import { DEFAULT_MAX_UNPACKED_BYTES } from "../read/archive";
import { WorkbookReadError, corruptPart } from "../read/errors";
import { parseWorkbookPart, relationshipKind } from "../read/workbook";
import { ShapeIdBlocks, addComments, relationshipType } from "./comments";
import { type PackageCodecs, XlsxPackage } from "./package";
import { renderPlanSheet, sheetReference } from "./plan-sheet";
import { markCellEdits } from "./sheet-cells";
import { TextEdits, rootChildren } from "./xml-edit";
import { MINIMAL_STYLES, StylesEditor } from "./styles";
import { insertAppTitle, insertFirstSheet, maxSheetId } from "./workbook-edit";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const DEFAULT_WORKSHEET_REL = `${REL_NS}/worksheet`;

/** The file extension a package must carry for Excel to open it, from its workbook's content type. */
export type PackageExtension = "xlsx" | "xlsm" | "xltx" | "xltm";

export interface AnnotateInput {
  readonly marks: readonly FeedbackMark[];
  /** The instructions sheet, inserted first. */
  readonly sheet: SheetPlan;
}

export interface AnnotateResult {
  readonly bytes: Uint8Array;
  /** `xlsm` for a macro-enabled workbook (its VBA project is kept, so it must keep that extension). */
  readonly extension: PackageExtension;
  /** Parts whose content changed or that were added, in zip order. */
  readonly changedParts: readonly string[];
  /** Marks whose sheet is not in the package (none in practice: the issues come from this workbook). */
  readonly unplaced: readonly FeedbackMark[];
}

export interface AnnotateOptions {
  /** Node's zlib in the CLI (`NODE_PACKAGE_CODECS`), `fflate` in the pane (`BROWSER_PACKAGE_CODECS`). */
  readonly codecs: PackageCodecs;
  /** Refuse packages that declare more unpacked bytes than this (default 1 GiB). */
  readonly maxUnpackedBytes?: number;
}

function extensionOf(contentType: string | undefined): PackageExtension {
  const t = (contentType ?? "").toLowerCase();
  const macro = t.includes("macroenabled");
  if (t.includes("template")) return macro ? "xltm" : "xltx";
  return macro ? "xlsm" : "xlsx";
}

/**
 * Annotates an .xlsx/.xlsm package. Throws `WorkbookReadError` when the bytes are not a readable
 * package.
 *
 * @example
 * const fb = buildFeedback(issues, { file: "青山区.xlsx", asOf: "2022-10-31" });
 * const { bytes } = annotateWorkbook(original, { marks: fb.marks, sheet: fb.sheet }, { codecs: NODE_PACKAGE_CODECS });
 */
export function annotateWorkbook(
  data: Uint8Array,
  input: AnnotateInput,
  options: AnnotateOptions,
): AnnotateResult {
  return annotatePackage(openPackage(data, options), input);
}

/**
 * The package `annotateWorkbook` opens first: its parts inflated. Throws `WorkbookReadError` when the
 * bytes are not a readable package.
 */
export function openPackage(data: Uint8Array, options: AnnotateOptions): XlsxPackage {
  return new XlsxPackage(data, options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES, options.codecs);
}

/**
 * `annotateWorkbook` on a package already opened (`openPackage`): the CLI lets the event loop turn
 * in between, so that Node's zlib lets go of what it inflated (feedback-command.ts).
 */
export function annotatePackage(pkg: XlsxPackage, input: AnnotateInput): AnnotateResult {
  if (!pkg.has("[Content_Types].xml"))
    throw new WorkbookReadError("not-xlsx", "不是 .xlsx 文件（缺少 [Content_Types].xml）");
  const officeDocument = pkg.relationships("").find((r) => relationshipKind(r.type) === "officeDocument");
  const workbookPath = pkg.find(officeDocument?.path ?? "xl/workbook.xml");
  if (workbookPath === undefined)
    throw new WorkbookReadError("not-xlsx", "不是 .xlsx 文件（压缩包中没有 xl/workbook.xml）");
  const extension = extensionOf(pkg.contentTypeOf(workbookPath));

  const workbookXml = pkg.text(workbookPath);
  const workbook = parseWorkbookPart(workbookXml, workbookPath);
  const rels = pkg.relationships(workbookPath);
  const sampleRelType =
    rels.find((r) => relationshipKind(r.type) === "worksheet")?.type ?? DEFAULT_WORKSHEET_REL;
  const relNs = sampleRelType.slice(
    0,
    sampleRelType.lastIndexOf("/relationships/") + "/relationships".length,
  );

  let stylesPath = rels.find((r) => relationshipKind(r.type) === "styles" && r.path !== undefined)?.path;
  stylesPath = stylesPath === undefined ? undefined : pkg.find(stylesPath);
  if (stylesPath === undefined) {
    stylesPath = pkg.freeName("xl/styles", ".xml").replace(/styles1\.xml$/, "styles.xml");
    pkg.setText(stylesPath, MINIMAL_STYLES);
    pkg.addRelationship(workbookPath, relationshipType(sampleRelType, "styles"), stylesPath);
    pkg.addContentType({ override: stylesPath }, STYLES_TYPE);
  }
  const styles = new StylesEditor(pkg.text(stylesPath), stylesPath);

  // ── marks, sheet by sheet ──
  const bySheet = new Map<string, FeedbackMark[]>();
  for (const mark of input.marks) {
    const list = bySheet.get(mark.sheet) ?? [];
    list.push(mark);
    bySheet.set(mark.sheet, list);
  }
  const blocks = new ShapeIdBlocks(pkg);
  const unplaced: FeedbackMark[] = [];
  let mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  for (const [sheetName, marks] of bySheet) {
    const entry = workbook.sheets.find((s) => s.name === sheetName);
    const rel = entry ? rels.find((r) => r.id === entry.relId) : undefined;
    const part = rel?.path === undefined ? undefined : pkg.find(rel.path);
    if (part === undefined || relationshipKind(rel!.type) !== "worksheet") {
      for (const mark of marks) unplaced.push(mark);
      continue;
    }
    // The sheet's text is edited as a list of changes and written back as slices of it and the
    // changes between them: a 100,000-row sheet is never copied whole (PERFORMANCE.md, session 19).
    const { text: xml, bytes } = pkg.markup(part);
    mainNs =
      /\sxmlns(?::\w+)?="([^"]*(?:spreadsheetml\/2006\/main|spreadsheetml\/main))"/.exec(xml)?.[1] ?? mainNs;
    const byCell = new Map(marks.map((m) => [`${m.row}:${m.column}`, m]));
    const root = rootChildren(xml, part, ["sheetData"]);
    const edits = new TextEdits();
    markCellEdits(
      xml,
      root,
      part,
      marks,
      (s, at) => styles.markedXf(s, MARK_FILL[byCell.get(`${at.row}:${at.column}`)!.severity]),
      edits,
    );
    addComments(
      pkg,
      part,
      xml,
      root,
      marks.map((m) => ({ row: m.row, column: m.column, cell: m.cell, text: m.comment })),
      COMMENT_AUTHOR,
      blocks,
      sampleRelType,
      edits,
    );
    pkg.setMarkup(part, { text: edits.pieces(xml), bytes });
  }
  if (!/spreadsheetml/.test(mainNs)) throw corruptPart(workbookPath, "无法确定工作表命名空间");

  // ── the instructions sheet, first ──
  const sheetPart = pkg.freeName("xl/worksheets/sheet", ".xml");
  pkg.setText(sheetPart, renderPlanSheet(input.sheet, styles, mainNs, relNs));
  pkg.addContentType({ override: sheetPart }, WORKSHEET_TYPE);
  const relId = pkg.addRelationship(workbookPath, sampleRelType, sheetPart);
  const repeat = input.sheet.print?.repeatRows;
  const names = [
    { name: OWNER_MARK, value: `"${input.sheet.kind ?? "other"}"`, hidden: true },
    ...(repeat
      ? [
          {
            name: "_xlnm.Print_Titles",
            value: sheetReference(input.sheet.name, `$${repeat.first + 1}:$${repeat.last + 1}`),
          },
        ]
      : []),
  ];
  pkg.setText(
    workbookPath,
    insertFirstSheet(
      pkg.text(workbookPath),
      workbookPath,
      { name: input.sheet.name, relId, names },
      maxSheetId(workbookXml, workbookPath) + 1,
    ),
  );
  if (styles.changed()) pkg.setText(stylesPath, styles.toXml());

  const appRel = pkg.relationships("").find((r) => relationshipKind(r.type) === "extended-properties");
  const appPath = appRel?.path === undefined ? undefined : pkg.find(appRel.path);
  if (appPath !== undefined) {
    const app = pkg.text(appPath);
    const updated = insertAppTitle(app, input.sheet.name);
    if (updated !== app) pkg.setText(appPath, updated);
  }

  return { bytes: pkg.toBytes(), extension, changedParts: pkg.changed(), unplaced };
}
