/**
 * The ET (WPS 表格) object model as the WPS adapter uses it, typed from Kingsoft's published
 * declarations (npm `et-jsapi-declare`, namespace `Et`), plus the constants the adapter needs.
 *
 * The declarations were generated from WPS's C++ sources and type most results loosely
 * (`TypedAny<…>`); the adapter therefore treats what it reads as `unknown` and normalises it
 * (`read.ts`), and only the names, argument orders and types of members come from here.
 * Constants are the VBA/ET enum values (WPS copies the VBA object model, enums included); WPS's
 * add-in samples do not rely on `Application.Enum` being present, so neither does the adapter.
 */
/// <reference types="et-jsapi-declare/lib.et" />

export type EtApplication = Et.Application;
export type EtWorkbook = Et.Workbook;
export type EtWorksheet = Et.Worksheet;
export type EtRange = Et.Range;

/** XlSheetVisibility. */
export const SHEET_VISIBLE = -1;
export const SHEET_HIDDEN = 0;
export const SHEET_VERY_HIDDEN = 2;
/** xlNone (Interior.Pattern / ColorIndex: no fill) and xlSolid. */
export const XL_NONE = -4142;
export const XL_SOLID = 1;
/** XlHAlign / XlVAlign. */
export const XL_LEFT = -4131;
export const XL_CENTER = -4108;
export const XL_RIGHT = -4152;
export const XL_TOP = -4160;
export const XL_BOTTOM = -4107;
/** XlPageOrientation, XlPaperSize.xlPaperA4, XlLineStyle.xlContinuous, XlBorderWeight.xlThin. */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;

/** XlDVType, XlDVAlertStyle, XlFormatConditionOperator (enums in the declarations). */
export const DV_WHOLE = 1;
export const DV_DECIMAL = 2;
export const DV_LIST = 3;
export const DV_DATE = 4;
export const DV_ALERT = { stop: 1, warning: 2, information: 3 } as const;
export const OP_BETWEEN = 1;
export const OP_GREATER_EQUAL = 7;
export const OP_LESS_EQUAL = 8;

/**
 * The part of WPS's add-in root (`WPS.AddonRoot` in `et-jsapi-declare/index.d.ts`) the ribbon page
 * uses. Declared here rather than by loading that file, which also declares globals
 * (`Application`, `confirm`) for every file of the project.
 */
export interface WpsAddonRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  readonly PluginStorage: {
    setItem(key: string, value: number | boolean | string): void;
    getItem(key: string): unknown;
  };
  ribbonUI?: unknown;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): void;
}

/** `RRGGBB` (or `#RRGGBB`) → an ET colour number (red + green·256 + blue·65536, VBA's RGB()). */
export function toEtColor(hex: string): number {
  const h = hex.replace(/^#/, "");
  return (
    parseInt(h.slice(0, 2), 16) + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(4, 6), 16) * 65536
  );
}
