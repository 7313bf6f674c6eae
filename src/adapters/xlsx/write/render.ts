/**
 * Renders a WorkbookPlan into the bytes of an .xlsx workbook: our own writer, straight from plans to
 * SpreadsheetML, streamed part by part through DEFLATE into a ZIP (zip.ts). No file system and no
 * Node import here: the CLI passes native zlib (deflate-node.ts), the task pane fflate (deflate.ts).
 *
 * Every step is linear in the cells written: styles are interned in maps, merged
 * areas are checked for overlap cell by cell in a map (not against every earlier merge, which made
 * ExcelJS quadratic), and a sheet's XML is compressed as it is produced instead of being held whole.
 *
 * The rules every plan renderer keeps (src/core/plan/plan.ts): a string is always text (a shared
 * string, never `<f>`); only `{ formula }` values become formulas.
 */
import { dayToSerial, isoToDay } from "../../../core/date";
import { type CellRange, columnName, parseA1 } from "../../../core/grid";
import {
  OWNER_MARK,
  type PlanBody,
  type PlanCell,
  type PlanValidation,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
} from "../../../core/plan";
import type { DeflateCodec } from "./codec";
import { OutputWriteError, reasonOf } from "./errors";
import { dataBarXml, escapeXml, quoteSheetName, rangeRef } from "./xml";
import { StyleTable, argb } from "./styles";
import { type PartWriter, ZipWriter } from "./zip";

/** Excel's limit on the characters of one cell; a longer string makes Excel repair the file. */
const MAX_CELL_TEXT = 32767;
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
/** Header and footer distance from the page edge, in inches, unless the margin itself is smaller. */
const HEADER_FOOTER_MARGIN = 0.3;
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 } as const;
/** Excel's limits on a validation's title and message. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
/** Excel's serial for 9999-12-31, the last date it knows. */
const LAST_SERIAL = 2958465;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

/** Text that Excel would otherwise decode: `_x0041_` in a string means "A" unless its `_` is escaped. */
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
/**
 * Characters XML 1.0 cannot hold and the carriage return (which XML parsers turn into a line feed)
 * are written as Excel does, `_x0001_`, so the text survives intact.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- the fast path: does the text need any rewriting?
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF&<>]|_x/;

/** Merged areas as `SheetWriter.write` indexes them for the rows. */
interface Covering {
  /** `row * MAX_COLUMNS + column` of every covered cell (all but a merge's top-left) → its merge. */
  readonly covered: ReadonlyMap<number, number>;
  /** Row → the last column a merge covers in it. */
  readonly coveredRows: ReadonlyMap<number, number>;
  /** Each merge's format, given to its covered cells. */
  readonly mergeXf: readonly number[];
}

/** A defined name as written in xl/workbook.xml. */
interface DefinedName {
  readonly name: string;
  readonly localSheetId?: number;
  readonly value: string;
  readonly hidden?: boolean;
}

/** Renders the plan to .xlsx bytes, compressing with `codec`. Throws OutputWriteError. */
export function renderWorkbook(plan: WorkbookPlan, codec: DeflateCodec): Uint8Array {
  return rendered(() => new WorkbookWriter(plan, codec).render().finish());
}

/**
 * The same bytes as `renderWorkbook`, as pieces to write one after the other (`ZipWriter.finishParts`):
 * a file writer need not copy them into one array first.
 */
export function renderWorkbookParts(plan: WorkbookPlan, codec: DeflateCodec): Uint8Array[] {
  return rendered(() => new WorkbookWriter(plan, codec).render().finishParts());
}

function rendered<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof OutputWriteError) throw error;
    throw new OutputWriteError(`无法生成工作簿：${reasonOf(error)}`, { cause: error });
  }
}

class WorkbookWriter {
  private readonly zip: ZipWriter;
  private readonly styles = new StyleTable();
  private readonly sheetNames: ReadonlySet<string>;
  private readonly definedNames: DefinedName[] = [];
  /** `scope|name` (lower case) of the names the plan defines; scope is a sheet index or `*`. */
  private readonly nameKeys = new Set<string>();
  private readonly activeTab: number;

  constructor(
    private readonly plan: WorkbookPlan,
    codec: DeflateCodec,
  ) {
    checkSheetNames(plan);
    this.activeTab = plan.sheets.findIndex((s) => s.visibility !== "hidden");
    if (this.activeTab < 0) throw new OutputWriteError("无法生成工作簿：至少要有一个可见的工作表");
    this.sheetNames = new Set(plan.sheets.map((s) => s.name));
    this.zip = new ZipWriter(codec);
  }

  /** Writes every part; the archive is then finished by the caller (whole or in pieces). */
  render(): ZipWriter {
    const sheets = this.plan.sheets;
    sheets.forEach((sheet, index) => this.collectNames(sheet, index));
    this.zip.add("[Content_Types].xml", contentTypes(sheets.length));
    this.zip.add(
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
        "</Relationships>",
    );
    this.zip.add(
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="${NS_PKG_REL.replace("relationships", "metadata/core-properties")}" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>台账助手</dc:creator></cp:coreProperties>',
    );
    this.zip.add("xl/workbook.xml", this.workbookXml());
    this.zip.add("xl/_rels/workbook.xml.rels", workbookRels(sheets.length));
    sheets.forEach((sheet, index) => new SheetWriter(this, sheet, index).write());
    this.zip.add("xl/styles.xml", this.styles.xml());
    return this.zip;
  }

  part(path: string): PartWriter {
    return this.zip.part(path);
  }

  hasSheet(name: string): boolean {
    return this.sheetNames.has(name);
  }

  isActive(index: number): boolean {
    return index === this.activeTab;
  }

  xf(...args: Parameters<StyleTable["xf"]>): number {
    return this.styles.xf(...args);
  }

  /** Whether `name` is a defined name usable on sheet `index`. */
  hasName(name: string, index: number): boolean {
    const key = name.toLowerCase();
    return this.nameKeys.has(`*|${key}`) || this.nameKeys.has(`${index}|${key}`);
  }

  private collectNames(sheet: SheetPlan, index: number): void {
    const fail = (what: string): never => {
      throw new OutputWriteError(`无法生成工作簿：工作表“${sheet.name}”${what}`);
    };
    // The same ownership mark the add-in writes (src/adapters/office/ownership.ts), so a workbook
    // written here is recognised as the product's own when opened in Excel.
    this.definedNames.push({
      name: OWNER_MARK,
      localSheetId: index,
      value: `"${sheet.kind ?? "other"}"`,
      hidden: true,
    });
    const repeat = sheet.print?.repeatRows;
    if (repeat !== undefined) {
      const { first, last } = repeat;
      if (
        !Number.isInteger(first) ||
        !Number.isInteger(last) ||
        first < 0 ||
        last < first ||
        last >= MAX_ROWS
      )
        fail(`的打印标题行 ${first}–${last} 无效`);
      this.definedNames.push({
        name: "_xlnm.Print_Titles",
        localSheetId: index,
        value: `${quoteSheetName(sheet.name)}!$${first + 1}:$${last + 1}`,
      });
    }
    for (const name of sheet.names ?? []) {
      if (!isValidName(name.name)) fail(`的名称“${name.name}”不符合 Excel 的命名规则`);
      checkRange(sheet.name, name.range, `名称“${name.name}”的`);
      const local = name.scope === "sheet";
      const key = `${local ? index : "*"}|${name.name.toLowerCase()}`;
      if (this.nameKeys.has(key) || name.name === OWNER_MARK) fail(`的名称“${name.name}”重复`);
      this.nameKeys.add(key);
      this.definedNames.push({
        name: name.name,
        ...(local ? { localSheetId: index } : {}),
        value: `${quoteSheetName(sheet.name)}!${absoluteRef(name.range)}`,
      });
    }
  }

  private workbookXml(): string {
    const sheets = this.plan.sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"` +
          `${s.visibility === "hidden" ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`,
      )
      .join("");
    const names = this.definedNames
      .map(
        (n) =>
          `<definedName name="${escapeXml(n.name)}"` +
          `${n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`}` +
          `${n.hidden ? ' hidden="1"' : ""}>${escapeXml(n.value)}</definedName>`,
      )
      .join("");
    return (
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
      // The tab shown on opening must be visible, or Excel opens on a hidden sheet.
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" ` +
      `firstSheet="0" activeTab="${this.activeTab}"/></bookViews>` +
      `<sheets>${sheets}</sheets>` +
      (names === "" ? "" : `<definedNames>${names}</definedNames>`) +
      // Formulas without a cached result must be computed when the file is opened (Excel, LibreOffice).
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'
    );
  }
}

/** Column letters by index, grown on demand (`A`, `B`, …). */
const COLUMNS: string[] = [];
function columnLetters(column: number): string {
  let name = COLUMNS[column];
  if (name === undefined) {
    name = columnName(column);
    COLUMNS[column] = name;
  }
  return name;
}

class SheetWriter {
  private readonly xfCache = new Map<string, number>();
  private readonly links: string[] = [];

  constructor(
    private readonly book: WorkbookWriter,
    private readonly sheet: SheetPlan,
    private readonly index: number,
  ) {}

  private fail(what: string, cause?: unknown): never {
    throw new OutputWriteError(`无法生成工作簿：工作表“${this.sheet.name}”${what}`, { cause });
  }

  private xf(id: string | undefined, link: boolean, at: string): number {
    if (id === undefined && !link) return 0;
    const key = link ? `\u0001${id ?? ""}` : (id ?? "");
    let xf = this.xfCache.get(key);
    if (xf === undefined) {
      const style = id === undefined ? undefined : this.sheet.styles[id];
      if (id !== undefined && style === undefined) this.fail(`单元格 ${at} 的样式“${id}”未定义`);
      try {
        xf = this.book.xf(style, link);
      } catch (error) {
        this.fail(`的样式“${id ?? ""}”无效：${reasonOf(error)}`, error);
      }
      this.xfCache.set(key, xf);
    }
    return xf;
  }

  write(): void {
    const sheet = this.sheet;
    const rows = sheet.rows;
    const part = this.book.part(`xl/worksheets/sheet${this.index + 1}.xml`);

    // Merged areas: every covered cell (all but the top-left) maps to its merge, so overlaps are
    // found in one pass over the covered cells, and each row finds its covered cells directly.
    const merges = sheet.merges.filter((m) => {
      checkRange(sheet.name, m, "合并");
      return m.bottom > m.top || m.right > m.left;
    });
    const covered = new Map<number, number>();
    const coveredRows = new Map<number, number>(); // row → last covered column
    merges.forEach((m, i) => {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const key = r * MAX_COLUMNS + c;
          if (covered.has(key)) this.fail(`的合并区域 ${rangeRef(m)} 与其他合并区域重叠`);
          covered.set(key, i);
        }
        coveredRows.set(r, Math.max(coveredRows.get(r) ?? -1, m.right));
      }
    });
    // A covered cell takes the top-left cell's format (so a bordered title stays bordered all round)
    // unless the plan styles it itself; its value is dropped, as Excel keeps only the top-left one.
    const body = sheet.body;
    const bodyCount = body?.count ?? 0;
    const mergeXf = merges.map((m) => {
      const cell = rows[m.top]?.[m.left];
      if (cell) return this.xf(cell.style, this.linkOf(cell, false) !== undefined, rangeRef(m));
      const inBody = m.top >= rows.length && m.top < rows.length + bodyCount;
      const style = inBody ? body?.styles[m.left] : undefined;
      return style === undefined ? 0 : this.xf(style, false, rangeRef(m));
    });
    // A top-left cell inside another merge is the other kind of overlap.
    for (const m of merges) {
      if (covered.has(m.top * MAX_COLUMNS + m.left))
        this.fail(`的合并区域 ${rangeRef(m)} 与其他合并区域重叠`);
    }

    const heights = new Map<number, number>();
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
      const r = Number(row);
      if (Number.isInteger(r) && r >= 0 && r < MAX_ROWS && Number.isFinite(height) && height > 0)
        heights.set(r, height);
    }

    let width = 0;
    for (const row of rows) if (row !== undefined && row.length > width) width = row.length;
    if (bodyCount > 0) width = Math.max(width, body!.styles.length);
    if (rows.length + bodyCount > MAX_ROWS || width > MAX_COLUMNS) this.fail("超出 Excel 的行列上限");
    let lastRow = rows.length + bodyCount - 1;
    for (const r of heights.keys()) lastRow = Math.max(lastRow, r);
    for (const [r, c] of coveredRows) {
      lastRow = Math.max(lastRow, r);
      width = Math.max(width, c + 1);
    }

    part.write(this.head(width, lastRow));
    const covering = { covered, coveredRows, mergeXf };
    for (let r = 0; r < rows.length; r++) {
      const xml = this.rowXml(r, rows[r], heights.get(r), covering);
      if (xml !== "") part.write(xml);
    }
    if (body !== undefined && bodyCount > 0) this.writeBody(part, body, rows.length, heights, covering);
    for (let r = rows.length + bodyCount; r <= lastRow; r++) {
      const xml = this.rowXml(r, undefined, heights.get(r), covering);
      if (xml !== "") part.write(xml);
    }
    part.write("</sheetData>");
    part.write(this.tail(merges));
    part.end();
  }

  /** One row's `<row>` element, or `""` when the row has nothing to write. */
  private rowXml(
    r: number,
    cells: ReadonlyArray<PlanCell | null> | undefined,
    height: number | undefined,
    { covered, coveredRows, mergeXf }: Covering,
  ): string {
    const lastCovered = coveredRows.get(r);
    if (cells === undefined && height === undefined && lastCovered === undefined) return "";
    const rowNumber = String(r + 1);
    let xml = `<row r="${rowNumber}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`;
    const end = Math.max(cells?.length ?? 0, (lastCovered ?? -1) + 1);
    for (let c = 0; c < end; c++) {
      const cell = cells?.[c] ?? null;
      if (lastCovered !== undefined && c <= lastCovered) {
        const merge = covered.get(r * MAX_COLUMNS + c);
        if (merge !== undefined) {
          const s =
            cell?.style !== undefined
              ? this.xf(cell.style, false, columnLetters(c) + rowNumber)
              : mergeXf[merge]!;
          if (s !== 0) xml += `<c r="${columnLetters(c)}${rowNumber}" s="${s}"/>`;
          continue;
        }
      }
      if (cell === null) continue;
      xml += this.cellXml(cell, columnLetters(c) + rowNumber);
    }
    return `${xml}</row>`;
  }

  /**
   * The plan's body rows (`PlanBody`), from sheet row `first`: the same XML `rowXml` writes for the
   * same cells, without a cell object per cell — each column's style is looked up once, and text and
   * numbers are written directly. A row that a merge covers goes through `rowXml`.
   */
  private writeBody(
    part: PartWriter,
    body: PlanBody,
    first: number,
    heights: ReadonlyMap<number, number>,
    covering: Covering,
  ): void {
    const columns = body.styles.length;
    const firstRow = String(first + 1);
    const styleAttr = (style: string, ref: string): string => {
      const s = this.xf(style, false, ref);
      return s === 0 ? "" : ` s="${s}"`;
    };
    const letters: string[] = [];
    for (let c = 0; c < columns; c++) letters.push(columnLetters(c));
    // Each column's style attribute, looked up again only where a cell's style differs from the
    // cell's above it.
    const lastStyle = [...body.styles];
    const styleAttrs = lastStyle.map((style, c) => styleAttr(style, letters[c]! + firstRow));
    const cellStyles = [...body.styles];
    const values: PlanValue[] = new Array<PlanValue>(columns).fill(null);
    const lastValue: Array<PlanValue | undefined> = new Array<PlanValue | undefined>(columns).fill(undefined);
    const lastTail: Array<string | undefined> = new Array<string | undefined>(columns).fill(undefined);
    for (let i = 0; i < body.count; i++) {
      const r = first + i;
      for (let c = 0; c < columns; c++) cellStyles[c] = body.styles[c]!;
      let filled = body.fill(i, values, cellStyles);
      // The same heights the plan's `rowHeights` may hold (see `write`).
      if (filled !== undefined && !(Number.isFinite(filled) && filled > 0)) filled = undefined;
      const planned = heights.get(r);
      const height =
        filled === undefined ? planned : planned === undefined ? filled : Math.max(filled, planned);
      if (covering.coveredRows.has(r)) {
        const cells = values.map((value, c): PlanCell => ({ value, style: cellStyles[c]! }));
        part.write(this.rowXml(r, cells, height, covering));
        continue;
      }
      const rowNumber = String(r + 1);
      let xml = `<row r="${rowNumber}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`;
      for (let c = 0; c < columns; c++) {
        const value = values[c]!;
        const style = cellStyles[c]!;
        if (style !== lastStyle[c]) {
          lastStyle[c] = style;
          styleAttrs[c] = styleAttr(style, letters[c]! + rowNumber);
          lastTail[c] = undefined;
        }
        if (value === lastValue[c] && lastTail[c] !== undefined) {
          xml += `<c r="${letters[c]!}${rowNumber}${lastTail[c]!}`;
          continue;
        }
        const sAttr = styleAttrs[c]!;
        // What follows the cell's row number depends only on its column and value: kept for the
        // next row, where a column often repeats it (a unit, a status, a deadline).
        let tail: string | undefined;
        if (typeof value === "string") tail = `"${sAttr} t="inlineStr"><is>${textElement(value)}</is></c>`;
        else if (typeof value === "number" && Number.isFinite(value)) tail = `"${sAttr}><v>${value}</v></c>`;
        else if (value === null) tail = sAttr !== "" ? `"${sAttr}/>` : undefined;
        lastValue[c] = value;
        lastTail[c] = tail;
        if (tail !== undefined) xml += `<c r="${letters[c]!}${rowNumber}${tail}`;
        else if (value !== null) xml += this.cellXml({ value, style }, letters[c]! + rowNumber);
      }
      part.write(`${xml}</row>`);
    }
  }

  private linkOf(cell: PlanCell, isCovered: boolean): string | undefined {
    // A link to a sheet this workbook does not hold (e.g. the ledger when it is not included)
    // would be broken in the file, so it is written as plain text instead.
    const link = cell.link;
    if (link === undefined || isCovered || !this.book.hasSheet(link.sheet)) return undefined;
    const at = parseA1(link.cell);
    if (at === null || at.row >= MAX_ROWS || at.column >= MAX_COLUMNS)
      return this.fail(`的链接目标“${link.cell}”不是单元格地址`);
    return `${quoteSheetName(link.sheet)}!${columnLetters(at.column)}${at.row + 1}`;
  }

  private cellXml(cell: PlanCell, ref: string): string {
    const location = this.linkOf(cell, false);
    if (location !== undefined)
      this.links.push(`<hyperlink ref="${ref}" location="${escapeXml(location)}"/>`);
    const s = this.xf(cell.style, location !== undefined, ref);
    const sAttr = s === 0 ? "" : ` s="${s}"`;
    const value: PlanValue = cell.value;
    if (value === null) return s === 0 ? "" : `<c r="${ref}"${sAttr}/>`;
    if (typeof value === "string") {
      // Always an inline string, never a formula, whatever it starts with.
      return `<c r="${ref}"${sAttr} t="inlineStr"><is>${textElement(value)}</is></c>`;
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) this.fail(`单元格 ${ref} 的数值无效（${value}）`);
      return `<c r="${ref}"${sAttr}><v>${value}</v></c>`;
    }
    if (typeof value === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
    const formula = value.formula.trim().replace(/^=/, "");
    if (formula === "") this.fail(`单元格 ${ref} 的公式为空`);
    const f = `<f>${escapeText(formula)}</f>`;
    const result = value.result;
    if (result === undefined) return `<c r="${ref}"${sAttr}>${f}</c>`;
    if (typeof result === "number") {
      if (!Number.isFinite(result)) this.fail(`单元格 ${ref} 的公式结果无效`);
      return `<c r="${ref}"${sAttr}>${f}<v>${result}</v></c>`;
    }
    return `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeText(excelText(result))}</v></c>`;
  }

  private head(width: number, lastRow: number): string {
    const sheet = this.sheet;
    let xml = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
    const fit = sheet.print?.fitToWidth === true;
    if (sheet.tabColor !== undefined || fit) {
      xml += "<sheetPr>";
      if (sheet.tabColor !== undefined) xml += `<tabColor rgb="${this.colour(sheet.tabColor)}"/>`;
      if (fit) xml += '<pageSetUpPr fitToPage="1"/>';
      xml += "</sheetPr>";
    }
    const extent =
      width > 0 && lastRow >= 0 ? rangeRef({ top: 0, left: 0, bottom: lastRow, right: width - 1 }) : "A1";
    xml += `<dimension ref="${extent}"/>`;

    const rows = sheet.freeze?.rows ?? 0;
    const columns = sheet.freeze?.columns ?? 0;
    xml += `<sheetViews><sheetView workbookViewId="0"${this.book.isActive(this.index) ? ' tabSelected="1"' : ""}>`;
    if (rows > 0 || columns > 0) {
      if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0)
        this.fail("的冻结窗格无效");
      const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
      xml +=
        `<pane${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} ` +
        `topLeftCell="${columnLetters(columns)}${rows + 1}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}"/>`;
    }
    xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';

    const cols: string[] = [];
    const hidden = new Set(sheet.hiddenColumns ?? []);
    let last = sheet.columnWidths.length - 1;
    for (const c of hidden) last = Math.max(last, c);
    for (let c = 0; c <= last && c < MAX_COLUMNS; c++) {
      const w = sheet.columnWidths[c];
      const width = w !== undefined && Number.isFinite(w) && w > 0 ? ` width="${w}" customWidth="1"` : "";
      const hide = hidden.has(c) ? ' hidden="1"' : "";
      if (width || hide) cols.push(`<col min="${c + 1}" max="${c + 1}"${width || ' width="9"'}${hide}/>`);
    }
    if (cols.length > 0) xml += `<cols>${cols.join("")}</cols>`;
    return `${xml}<sheetData>`;
  }

  /** Everything after `</sheetData>`, in CT_Worksheet order. */
  private tail(merges: readonly CellRange[]): string {
    const sheet = this.sheet;
    let xml = "";
    if (sheet.protection !== undefined) xml += protectionXml(sheet.protection);
    if (merges.length > 0)
      xml += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`;
    (sheet.bars ?? []).forEach((bar, i) => {
      checkRange(sheet.name, bar.range, "数据条");
      xml += dataBarXml(bar.range, this.colour(bar.color), i + 1);
    });
    const validations = (sheet.validations ?? []).map((v) => this.validationXml(v));
    // One cell, one rule: Excel reports a damaged file when validations overlap.
    const areas = sheet.validations ?? [];
    areas.forEach((a, i) => {
      for (const b of areas.slice(0, i))
        if (
          a.range.left <= b.range.right &&
          b.range.left <= a.range.right &&
          a.range.top <= b.range.bottom &&
          b.range.top <= a.range.bottom
        )
          this.fail(`的数据验证区域 ${rangeRef(a.range)} 与 ${rangeRef(b.range)} 重叠`);
    });
    if (validations.length > 0)
      xml += `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`;
    if (this.links.length > 0) xml += `<hyperlinks>${this.links.join("")}</hyperlinks>`;
    const print = sheet.print;
    if (print?.centerHorizontally === true) xml += '<printOptions horizontalCentered="1"/>';
    // Plan margins are in inches, Excel's own unit for page margins.
    const m = print?.margins ?? DEFAULT_MARGINS;
    for (const v of [m.left, m.right, m.top, m.bottom])
      if (!(Number.isFinite(v) && v >= 0)) this.fail("的页边距无效");
    xml +=
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" ` +
      `header="${Math.min(HEADER_FOOTER_MARGIN, m.top)}" footer="${Math.min(HEADER_FOOTER_MARGIN, m.bottom)}"/>`;
    if (print !== undefined) {
      // Height 0 = as many pages down as needed; only the width is constrained.
      xml +=
        `<pageSetup paperSize="9" orientation="${print.orientation === "landscape" ? "landscape" : "portrait"}"` +
        `${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
      // Manual page breaks: a break above each listed row (`brk id` is the 1-based row above it).
      const breaks = [...new Set(print.rowBreaks ?? [])]
        .filter((r) => Number.isInteger(r) && r > 0)
        .sort((a, b) => a - b);
      if (breaks.length > 0)
        xml +=
          `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
          breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("") +
          "</rowBreaks>";
    }
    return `${xml}</worksheet>`;
  }

  private colour(hex: string): string {
    try {
      return argb(hex);
    } catch (error) {
      return this.fail(`的颜色“${hex}”无效`, error);
    }
  }

  private validationXml(v: PlanValidation): string {
    const where = `${rangeRef(v.range)} 的数据验证`;
    checkRange(this.sheet.name, v.range, "数据验证");
    const rule = v.rule;
    let type: string;
    let operator = "";
    let formulas: string[];
    switch (rule.type) {
      case "list": {
        const source = rule.source;
        if ("name" in source) {
          if (!this.book.hasName(source.name, this.index))
            this.fail(`${where}引用的名称“${source.name}”未定义`);
          formulas = [source.name];
        } else {
          if (!this.book.hasSheet(source.sheet))
            this.fail(`${where}引用的工作表“${source.sheet}”不在工作簿中`);
          checkRange(this.sheet.name, source.range, "数据验证来源");
          formulas = [`${quoteSheetName(source.sheet)}!${absoluteRef(source.range)}`];
        }
        type = "list";
        break;
      }
      case "whole":
      case "decimal": {
        const { min, max } = rule;
        for (const b of [min, max])
          if (b !== undefined && !(Number.isFinite(b) && (rule.type === "decimal" || Number.isInteger(b))))
            this.fail(`${where}界限“${b}”无效`);
        type = rule.type;
        [operator, formulas] = bounds(
          min === undefined ? undefined : String(min),
          max === undefined ? undefined : String(max),
          rule.type === "whole" ? ["-2147483648", "2147483647"] : ["-1E+307", "1E+307"],
        );
        break;
      }
      case "date": {
        const serial = (iso: string | undefined): string | undefined => {
          if (iso === undefined) return undefined;
          const day = isoToDay(iso);
          return day === null ? this.fail(`${where}日期“${iso}”不是 YYYY-MM-DD`) : String(dayToSerial(day));
        };
        type = "date";
        [operator, formulas] = bounds(serial(rule.min), serial(rule.max), ["1", String(LAST_SERIAL)]);
        break;
      }
    }
    let xml = `<dataValidation type="${type}"${operator === "" ? "" : ` operator="${operator}"`}`;
    if (v.allowBlank !== false) xml += ' allowBlank="1"';
    if (v.prompt !== undefined) {
      const { title, text } = this.message(v.prompt, where);
      xml += ` showInputMessage="1"${title === "" ? "" : ` promptTitle="${title}"`} prompt="${text}"`;
    }
    xml += ' showErrorMessage="1"';
    if (v.error !== undefined) {
      const { title, text } = this.message(v.error, where);
      if (v.error.style !== undefined && v.error.style !== "stop") xml += ` errorStyle="${v.error.style}"`;
      xml += `${title === "" ? "" : ` errorTitle="${title}"`} error="${text}"`;
    }
    xml += ` sqref="${rangeRef(v.range)}">`;
    xml += `<formula1>${escapeText(formulas[0]!)}</formula1>`;
    if (formulas[1] !== undefined) xml += `<formula2>${escapeText(formulas[1])}</formula2>`;
    return `${xml}</dataValidation>`;
  }

  private message(m: { title?: string; text: string }, where: string): { title: string; text: string } {
    const title = m.title ?? "";
    if (title.length > MAX_TITLE) this.fail(`${where}标题超过 ${MAX_TITLE} 个字符`);
    if (m.text.length > MAX_MESSAGE) this.fail(`${where}提示超过 ${MAX_MESSAGE} 个字符`);
    return { title: escapeAttribute(title), text: escapeAttribute(m.text) };
  }
}

/** Operator and formulas for a `min`…`max` rule; `open` bounds a rule with neither. */
function bounds(
  min: string | undefined,
  max: string | undefined,
  open: readonly [string, string],
): [string, string[]] {
  if (min !== undefined && max !== undefined) return ["between", [min, max]];
  if (min !== undefined) return ["greaterThanOrEqual", [min]];
  if (max !== undefined) return ["lessThanOrEqual", [max]];
  return ["between", [...open]];
}

function protectionXml(p: NonNullable<SheetPlan["protection"]>): string {
  // In SpreadsheetML these attributes say what is *locked* (default true): 0 allows the action.
  const allow = (flag: boolean | undefined, attribute: string) => (flag === true ? ` ${attribute}="0"` : "");
  return (
    '<sheetProtection sheet="1" objects="1" scenarios="1"' +
    allow(p.allowFormatColumns, "formatColumns") +
    allow(p.allowFormatRows, "formatRows") +
    allow(p.allowInsertRows, "insertRows") +
    allow(p.allowDeleteRows, "deleteRows") +
    allow(p.allowSort, "sort") +
    allow(p.allowAutoFilter, "autoFilter") +
    "/>"
  );
}

/** `$A$2:$A$9` */
function absoluteRef(range: CellRange): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const first = cell(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? first
    : `${first}:${cell(range.bottom, range.right)}`;
}

/**
 * Excel's rules for a defined name: starts with a letter, `_` or `\`; then letters, digits, `_`,
 * `.` or `\`; at most 255 characters; not a cell reference (`A1`, `R1C1`) nor `R`/`C`.
 */
function isValidName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr](\d*)[Cc](\d*)$/.test(name) &&
    !/^[RrCc]$/.test(name)
  );
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

function checkRange(sheet: string, range: CellRange, what: string): void {
  const ok =
    [range.top, range.left, range.bottom, range.right].every((n) => Number.isInteger(n) && n >= 0) &&
    range.bottom >= range.top &&
    range.right >= range.left &&
    range.bottom < MAX_ROWS &&
    range.right < MAX_COLUMNS;
  if (!ok) throw new OutputWriteError(`无法生成工作簿：工作表“${sheet}”的${what}区域无效`);
}

function excelText(value: string): string {
  if (value.length <= MAX_CELL_TEXT && !NEEDS_WORK.test(value)) return value;
  return value
    .slice(0, MAX_CELL_TEXT)
    .replace(EXCEL_ESCAPE, "_x005F_$1")
    .replace(XML_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** `<t>…</t>` for a cell's text: Excel's escapes applied, XML escaped, edge white space preserved. */
function textElement(value: string): string {
  // One test decides the common case: nothing to rewrite, nothing to escape.
  const plain = value.length <= MAX_CELL_TEXT && !NEEDS_WORK.test(value);
  const t = plain ? value : excelText(value);
  // XML white space at either end would be dropped by readers unless marked as preserved.
  const edge = t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32;
  return `<t${edge ? ' xml:space="preserve"' : ""}>${plain ? t : escapeText(t)}</t>`;
}

/** Element text: `&`, `<` and `>` escaped. */
function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute text: also quotes, and line breaks and tabs as character references (XML would fold them). */
function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

function contentTypes(sheetCount: number): string {
  let xml =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`;
  for (let i = 1; i <= sheetCount; i++)
    xml += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`;
  return (
    xml +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>"
  );
}

function workbookRels(sheetCount: number): string {
  let xml = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`;
  for (let i = 1; i <= sheetCount; i++)
    xml += `<Relationship Id="rId${i}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return (
    xml +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    "</Relationships>"
  );
}
