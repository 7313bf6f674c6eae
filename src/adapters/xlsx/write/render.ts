/**
 * Renders a WorkbookPlan into .xlsx bytes with ExcelJS, plus the few parts ExcelJS cannot write
 * soundly (package-xml.ts). The rules every plan renderer keeps (src/core/plan/plan.ts): a string
 * is always text; only `{ formula }` values become formulas.
 */
import ExcelJS from "exceljs";
import type { CellRange } from "../../../core/grid";
import { a1, parseA1 } from "../../../core/grid";
import { OWNER_MARK, type PlanValue, type SheetPlan, type WorkbookPlan } from "../../../core/plan";
import { OutputWriteError, reasonOf } from "./errors";
import { patchPackage, quoteSheetName, type DefinedName, type SheetAdditions } from "./package-xml";
import { argb, toExcelStyle } from "./style";

/** Excel's limit on the characters of one cell; a longer string makes Excel repair the file. */
const MAX_CELL_TEXT = 32767;
/** Header and footer distance from the page edge, in inches, unless the margin itself is smaller. */
const HEADER_FOOTER_MARGIN = 0.3;
/** ExcelJS's PaperSize is a `const enum`, which isolated modules cannot import: A4 is 9. */
const PAPER_A4 = 9 as ExcelJS.PageSetup["paperSize"];

/**
 * Renders the plan to the bytes of an .xlsx workbook, sheets in plan order. Throws OutputWriteError
 * when the plan cannot become a sound workbook (bad sheet name, unknown style id, overlapping
 * merges, a non-finite number, no visible sheet).
 */
export async function renderWorkbookBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  checkSheetNames(plan);
  const activeTab = plan.sheets.findIndex((s) => s.visibility !== "hidden");
  if (activeTab < 0) throw new OutputWriteError("无法生成工作簿：至少要有一个可见的工作表");

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "台账助手";
  // Formulas without a cached result must be computed when the file is opened (Excel, LibreOffice).
  workbook.calcProperties.fullCalcOnLoad = true;
  // The tab shown on opening must be visible, or Excel opens on a hidden sheet.
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" },
  ];

  const sheetNames = new Set(plan.sheets.map((s) => s.name));
  const additions: SheetAdditions[] = [];
  const definedNames: DefinedName[] = [];
  plan.sheets.forEach((sheet, index) => {
    additions.push(renderSheet(workbook, sheet, index === activeTab, sheetNames));
    // The same ownership mark the add-in writes (src/adapters/office/ownership.ts), so a workbook
    // written here is recognised as the product's own when opened in Excel.
    definedNames.push({
      name: OWNER_MARK,
      localSheetId: index,
      value: `"${sheet.kind ?? "other"}"`,
      hidden: true,
    });
    const repeat = sheet.print?.repeatRows;
    if (repeat !== undefined) {
      checkRows(sheet.name, repeat.first, repeat.last);
      definedNames.push({
        name: "_xlnm.Print_Titles",
        localSheetId: index,
        value: `${quoteSheetName(sheet.name)}!$${repeat.first + 1}:$${repeat.last + 1}`,
      });
    }
  });

  let written: ExcelJS.Buffer;
  try {
    written = await workbook.xlsx.writeBuffer();
  } catch (error) {
    throw new OutputWriteError(`无法生成工作簿：${reasonOf(error)}`, { cause: error });
  }
  try {
    return patchPackage(new Uint8Array(written as ArrayBuffer), additions, definedNames);
  } catch (error) {
    throw new OutputWriteError(`无法生成工作簿：${reasonOf(error)}`, { cause: error });
  }
}

function checkSheetNames(plan: WorkbookPlan): void {
  if (plan.sheets.length === 0) throw new OutputWriteError("无法生成工作簿：没有任何工作表");
  const seen = new Set<string>();
  for (const { name } of plan.sheets) {
    // Excel's rules: 1–31 characters, none of \ / ? * [ ] :, no leading or trailing ', not "History".
    const bad =
      name.length === 0 ||
      name.length > 31 ||
      /[\\/?*[\]:]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history";
    if (bad) throw new OutputWriteError(`无法生成工作簿：工作表名“${name}”不符合 Excel 的命名规则`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new OutputWriteError(`无法生成工作簿：工作表名“${name}”重复`);
    seen.add(key);
  }
}

function checkRows(sheet: string, first: number, last: number): void {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first) {
    throw new OutputWriteError(`无法生成工作簿：工作表“${sheet}”的打印标题行 ${first}–${last} 无效`);
  }
}

function checkRange(sheet: string, range: CellRange, what: string): void {
  const ok =
    [range.top, range.left, range.bottom, range.right].every((n) => Number.isInteger(n) && n >= 0) &&
    range.bottom >= range.top &&
    range.right >= range.left;
  if (!ok) throw new OutputWriteError(`无法生成工作簿：工作表“${sheet}”的${what}区域无效`);
}

function renderSheet(
  workbook: ExcelJS.Workbook,
  sheet: SheetPlan,
  active: boolean,
  sheetNames: ReadonlySet<string>,
): SheetAdditions {
  const fail = (what: string, cause?: unknown): never => {
    throw new OutputWriteError(`无法生成工作簿：工作表“${sheet.name}”${what}`, { cause });
  };
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility === "hidden" ? "hidden" : "visible",
  });
  if (sheet.tabColor !== undefined) ws.properties.tabColor = { argb: colour(sheet.tabColor, fail) };

  const freezeRows = sheet.freeze?.rows ?? 0;
  const freezeColumns = sheet.freeze?.columns ?? 0;
  const view =
    freezeRows > 0 || freezeColumns > 0
      ? { state: "frozen", xSplit: freezeColumns, ySplit: freezeRows, tabSelected: active }
      : { state: "normal", tabSelected: active };
  // ExcelJS writes `tabSelected` but its typings leave it out.
  ws.views = [view as Partial<ExcelJS.WorksheetView>];

  sheet.columnWidths.forEach((width, column) => {
    if (Number.isFinite(width) && width > 0) ws.getColumn(column + 1).width = width;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    const index = Number(row);
    if (Number.isInteger(index) && index >= 0 && Number.isFinite(height) && height > 0) {
      ws.getRow(index + 1).height = height;
    }
  }

  // Cells covered by a merge other than its top-left one: Excel keeps only the top-left value.
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    checkRange(sheet.name, m, "合并");
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
  }

  const styleCache = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (id: string | undefined, asLink: boolean, at: string): Partial<ExcelJS.Style> => {
    const key = `${asLink ? "link" : "cell"}:${id ?? ""}`;
    let style = styleCache.get(key);
    if (style === undefined) {
      const planStyle = id === undefined ? undefined : sheet.styles[id];
      if (id !== undefined && planStyle === undefined) fail(`单元格 ${at} 的样式“${id}”未定义`);
      try {
        style = toExcelStyle(planStyle, asLink);
      } catch (error) {
        return fail(`样式“${id ?? ""}”无效：${reasonOf(error)}`, error);
      }
      styleCache.set(key, style);
    }
    return style;
  };

  const links: Array<{ ref: string; location: string }> = [];
  const explicitStyles: Array<{ row: number; column: number; style: Partial<ExcelJS.Style> }> = [];
  sheet.rows.forEach((cells, row) => {
    cells.forEach((cell, column) => {
      if (cell === null || cell === undefined) return;
      const ref = a1(row, column);
      const isCovered = covered.has(`${row},${column}`);
      // A link to a sheet this workbook does not hold (e.g. the ledger when it is not included)
      // would be broken in the file, so it is written as plain text instead.
      const link =
        cell.link !== undefined && sheetNames.has(cell.link.sheet) && !isCovered ? cell.link : undefined;
      const target = ws.getCell(row + 1, column + 1);
      if (!isCovered) target.value = excelValue(cell.value, ref, fail);
      if (cell.style !== undefined || link !== undefined) {
        const style = styleFor(cell.style, link !== undefined, ref);
        target.style = style;
        if (isCovered) explicitStyles.push({ row, column, style });
      }
      if (link !== undefined) {
        const at = parseA1(link.cell);
        if (at === null) return fail(`单元格 ${ref} 的链接目标“${link.cell}”不是单元格地址`);
        links.push({ ref, location: `${quoteSheetName(link.sheet)}!${a1(at.row, at.column)}` });
      }
    });
  });

  // Merging copies the top-left style onto the covered cells (so a bordered title stays bordered
  // all round); covered cells the plan styles itself get their own style back afterwards.
  for (const m of sheet.merges) {
    try {
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    } catch (error) {
      fail(`的合并区域 ${a1(m.top, m.left)}:${a1(m.bottom, m.right)} 与其他合并区域重叠`, error);
    }
  }
  for (const { row, column, style } of explicitStyles) ws.getCell(row + 1, column + 1).style = style;

  if (sheet.print !== undefined) applyPrint(ws, sheet.print);

  const bars = (sheet.bars ?? []).map((bar) => {
    checkRange(sheet.name, bar.range, "数据条");
    return { range: bar.range, argb: colour(bar.color, fail) };
  });
  return { bars, links };
}

function colour(hex: string, fail: (what: string, cause?: unknown) => never): string {
  try {
    return argb(hex);
  } catch (error) {
    return fail(`的颜色“${hex}”无效`, error);
  }
}

function applyPrint(ws: ExcelJS.Worksheet, print: NonNullable<SheetPlan["print"]>): void {
  // Plan margins are in inches, Excel's own unit for page margins.
  const margins = print.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    // Height 0 = as many pages down as needed; only the width is constrained.
    fitToWidth: 1,
    fitToHeight: print.fitToWidth ? 0 : 1,
    horizontalCentered: print.centerHorizontally === true,
    margins: {
      ...margins,
      header: Math.min(HEADER_FOOTER_MARGIN, margins.top),
      footer: Math.min(HEADER_FOOTER_MARGIN, margins.bottom),
    },
  };
}

/** Text that Excel would otherwise decode: `_x0041_` in a string means "A" unless its `_` is escaped. */
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
/**
 * Characters XML 1.0 cannot hold (ExcelJS would drop them) and the carriage return (which XML
 * parsers turn into a line feed) are written as Excel does, `_x0001_`, so the text survives intact.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g;

function excelText(value: string): string {
  return value
    .slice(0, MAX_CELL_TEXT)
    .replace(EXCEL_ESCAPE, "_x005F_$1")
    .replace(XML_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function excelValue(value: PlanValue, ref: string, fail: (what: string) => never): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === "string") {
    // Always a string value (t="s"), never a formula, whatever it starts with.
    return excelText(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(`单元格 ${ref} 的数值无效（${value}）`);
    return value;
  }
  if (typeof value === "boolean") return value;
  const formula = value.formula.trim().replace(/^=/, "");
  if (formula === "") fail(`单元格 ${ref} 的公式为空`);
  if (value.result === undefined) return { formula };
  if (typeof value.result === "number" && !Number.isFinite(value.result))
    fail(`单元格 ${ref} 的公式结果无效`);
  return { formula, result: value.result };
}
