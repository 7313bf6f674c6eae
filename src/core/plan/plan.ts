/**
 * A sheet plan (表格方案) is a declarative description of a generated sheet: the notice, the
 * validation report, the history, the assessment summary. Core builds plans; each adapter renders
 * them (ExcelJS for files, Office.js in the add-in), so both look the same.
 *
 * Rendering rules every adapter keeps:
 * - a `string` value is always written as text, never as a formula, whatever it starts with;
 * - only `{ formula }` values are formulas, and core only emits formulas it means;
 * - styles apply per cell through `style` ids; adapters group cells with the same style into blocks.
 */
import type { CellRange } from "../grid";

/** A cell value in a plan. Dates are written as Excel serial numbers with a date `numFmt`. */
export type PlanValue =
  string | number | boolean | null | { readonly formula: string; readonly result?: number | string };

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "middle" | "bottom";

/** A cell style; colours are `RRGGBB` hex without `#`. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** Typeface (`宋体`, `黑体`, `仿宋`); the host's default when absent or not installed. */
  readonly fontName?: string;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly numFmt?: string;
  readonly hAlign?: HAlign;
  readonly vAlign?: VAlign;
  readonly wrap?: boolean;
  /** Thin border on all four sides. */
  readonly border?: boolean;
  /** Indent level for left-aligned text. */
  readonly indent?: number;
  /**
   * `false`: the cell stays editable when its sheet is protected (`SheetPlan.protection`). Cells are
   * locked by default, as in Excel; the flag has no effect on a sheet without protection.
   */
  readonly locked?: boolean;
}

/**
 * A link from a cell to a cell in the same workbook (超链接到单元格). A link to a sheet the written
 * workbook does not hold is written as the plain text of its cell.
 */
export interface PlanLink {
  readonly sheet: string;
  /** A1 address of the target cell, e.g. `G12`. */
  readonly cell: string;
}

/** A rectangle on a named sheet (`'选项'!$A$2:$A$9`). */
export interface PlanRangeRef {
  readonly sheet: string;
  readonly range: CellRange;
}

export interface PlanCell {
  readonly value: PlanValue;
  /** Key into `SheetPlan.styles`. */
  readonly style?: string;
  readonly link?: PlanLink;
}

/**
 * A bar proportional to the cell's value (a fraction 0–1) drawn in every cell of `range`.
 * The add-in renders Excel data bars; file writers may render something equivalent that opens
 * cleanly everywhere (see SPEC §7.3).
 */
export interface PlanBar {
  readonly range: CellRange;
  readonly color: string;
}

/** A message box shown by a validation: the input prompt (输入信息) or the error alert (出错警告). */
export interface ValidationMessage {
  /** At most 32 characters (Excel's limit). */
  readonly title?: string;
  /** At most 255 characters (Excel's limit). */
  readonly text: string;
}

/**
 * A data-validation rule (数据验证). Declarative: no formula strings anywhere.
 *
 * - `list`: a drop-down whose choices are the cells of a range, usually on a hidden sheet such as
 *   `选项` (SPEC §10: never a literal list, which breaks past 255 characters), or of a defined name;
 * - `whole` / `decimal`: a number within `min`…`max` (either bound may be left out);
 * - `date`: a date within `min`…`max`, given as ISO `YYYY-MM-DD` (either bound may be left out;
 *   without both, any date).
 */
export type ValidationRule =
  | { readonly type: "list"; readonly source: PlanRangeRef | { readonly name: string } }
  | { readonly type: "whole" | "decimal"; readonly min?: number; readonly max?: number }
  | { readonly type: "date"; readonly min?: string; readonly max?: string };

export interface PlanValidation {
  /** The cells the rule applies to, on this sheet. */
  readonly range: CellRange;
  readonly rule: ValidationRule;
  /** Blank cells pass (default `true`). */
  readonly allowBlank?: boolean;
  /** Shown when a cell of `range` is selected. */
  readonly prompt?: ValidationMessage;
  /** Shown when a value breaks the rule; `stop` (the default) refuses it, `warning` asks. */
  readonly error?: ValidationMessage & { readonly style?: "stop" | "warning" | "information" };
}

/**
 * Sheet protection (保护工作表) without a password: it guards against slips, not against people.
 * Cells whose style says `locked: false` stay editable; everything else is locked.
 */
export interface SheetProtection {
  readonly allowFormatColumns?: boolean;
  readonly allowFormatRows?: boolean;
  readonly allowInsertRows?: boolean;
  readonly allowDeleteRows?: boolean;
  readonly allowSort?: boolean;
  readonly allowAutoFilter?: boolean;
}

/**
 * A defined name (名称) for a range of this sheet, e.g. `任务类别` → `'选项'!$A$2:$A$9`.
 * `scope: "workbook"` (the default) makes it usable from every sheet; `"sheet"` only from this one.
 */
export interface PlanName {
  readonly name: string;
  readonly range: CellRange;
  readonly scope?: "workbook" | "sheet";
  readonly comment?: string;
}

export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paperSize: "A4";
  /** Fit all columns on one page width (height unconstrained). */
  readonly fitToWidth: boolean;
  /** 0-based inclusive rows repeated at the top of every printed page. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  readonly margins?: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  readonly centerHorizontally?: boolean;
  /** 0-based rows that start a new printed page (manual page breaks before them). */
  readonly rowBreaks?: readonly number[];
}

/** A bar chart the add-in places beside the tables (file writers may omit it). */
export interface PlanChart {
  readonly title: string;
  /** Category labels (0-based inclusive range, one column). */
  readonly categories: CellRange;
  /** Values (0-based inclusive range, one column). */
  readonly values: CellRange;
  /** Where the chart's top-left corner goes. */
  readonly anchor: { readonly row: number; readonly column: number };
}

/**
 * The sheet-scoped defined name that marks a generated sheet, its value the kind as a string
 * constant (`"notice"`). Both adapters write it; the add-in checks it before replacing a sheet.
 */
export const OWNER_MARK = "TaizhangKind";

/** What a generated sheet is; adapters mark the sheet with it so it is known as the product's own. */
export type SheetKind = "notice" | "report" | "history" | "summary" | "ledger" | "template" | "other";

export interface SheetPlan {
  readonly name: string;
  /** The kind of generated sheet (SPEC §12: only sheets the product created are ever replaced). */
  readonly kind?: SheetKind;
  /** `hidden` for the history sheet `通报记录` and the template's lists `选项`. */
  readonly visibility?: "visible" | "hidden";
  /** rows[row][column], 0-based from A1; `null`/missing cells are left empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<PlanCell | null>>;
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly merges: readonly CellRange[];
  /** Column widths in characters (Excel's unit), by column index. */
  readonly columnWidths: readonly number[];
  /** Row heights in points, by row index; missing = default. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Rows/columns frozen at the top/left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print?: PrintSetup;
  readonly bars?: readonly PlanBar[];
  readonly charts?: readonly PlanChart[];
  /** Optional tab colour, `RRGGBB`. */
  readonly tabColor?: string;
  readonly validations?: readonly PlanValidation[];
  /** Protect the sheet; cells styled `locked: false` stay editable. */
  readonly protection?: SheetProtection;
  /**
   * Names for ranges of this sheet. In the add-in a sheet is written after the sheets it refers
   * to (a list validation's source sheet comes first in the plan).
   */
  readonly names?: readonly PlanName[];
  /** 0-based columns written hidden (`收集情况`'s content hashes). */
  readonly hiddenColumns?: readonly number[];
  /**
   * Rows produced while the sheet is written, after `rows` (the merged ledger copy's 100,000 rows,
   * which as cell objects would be 1.4 million of them). The .xlsx writer streams them; a renderer
   * that does not stream calls `expandBody` first.
   */
  readonly body?: PlanBody;
}

/**
 * A table longer than this is written as its sheet's streamed body (`PlanBody`) where it can be:
 * its cells become XML straight from the rows they come from, without a plan cell per cell (a
 * notice's 附件1, a merged ledger of 100,000 rows). Shorter tables are ordinary rows; renderers
 * that do not stream expand the body to the same cells (`expandBody`).
 */
export const STREAMED_TABLE_ROWS = 2000;

/**
 * Rows after a plan's `rows`: body row `i` is sheet row `rows.length + i`, and every one of its cells
 * is `{ value, style }` — a cell for every column, even when its value is `null` (it still draws its
 * style), its style its column's unless `fill` gives it another. No links; merges and `rowHeights`
 * may still name these rows.
 */
export interface PlanBody {
  readonly count: number;
  /** Style id of each column, the body's width; every id a row may use is in the plan's `styles`. */
  readonly styles: readonly string[];
  /**
   * Writes row `index`'s values into `values` (`styles.length` of them; the array is reused from
   * row to row) and returns the row's height in points, or `undefined` for the default height.
   * `cellStyles` holds each column's style when it is called; a cell of another style (a copied
   * cell keeping its number format) has its id written there.
   */
  fill(index: number, values: PlanValue[], cellStyles: string[]): number | undefined;
}

/**
 * The same sheet with its body as ordinary rows and row heights: what a renderer that does not
 * stream writes. Returns `plan` itself when it has no body.
 */
export function expandBody(plan: SheetPlan): SheetPlan {
  const { body, ...rest } = plan;
  if (body === undefined) return plan;
  const rows: Array<ReadonlyArray<PlanCell | null>> = [...plan.rows];
  const rowHeights: Record<number, number> = { ...plan.rowHeights };
  const values: PlanValue[] = new Array<PlanValue>(body.styles.length).fill(null);
  const cellStyles = [...body.styles];
  for (let i = 0; i < body.count; i++) {
    for (let c = 0; c < cellStyles.length; c++) cellStyles[c] = body.styles[c]!;
    const height = body.fill(i, values, cellStyles);
    const row = rows.length;
    rows.push(values.map((value, c) => ({ value, style: cellStyles[c]! })));
    if (height !== undefined && Number.isFinite(height) && height > 0)
      rowHeights[row] = Math.max(rowHeights[row] ?? 0, height);
  }
  return { ...rest, rows, rowHeights };
}

/** The sheets one operation writes, in order. */
export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}
