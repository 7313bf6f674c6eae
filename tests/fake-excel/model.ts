/**
 * The state behind the fake Excel object model: a workbook of sparse sheets. Proxies in
 * `fake-excel.ts` read and write this state only while a `context.sync()` runs, as Excel does.
 */

export type FakeValue = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell's formatting. `fill: null` is "no fill" (Excel reports colour #FFFFFF and pattern None). */
export interface FakeStyle {
  fill: string | null;
  pattern: string;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontSize: number;
  fontName: string;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  border: boolean;
  /** Locked against editing when the sheet is protected (Excel's default for every cell). */
  locked: boolean;
}

export const DEFAULT_STYLE: Readonly<FakeStyle> = Object.freeze({
  fill: null,
  pattern: "None",
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "等线",
  hAlign: "General",
  vAlign: "Bottom",
  wrap: false,
  border: false,
  locked: true,
});

/** A data-validation rule as set through `range.dataValidation` (Office.js shapes, kept as given). */
export interface FakeValidation {
  rect: Rect;
  rule: Record<string, any>;
  ignoreBlanks: boolean;
  prompt: { showPrompt?: boolean; title?: string; message?: string } | null;
  errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string } | null;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

let nextSheetId = 1;

export class SheetModel {
  readonly id = `{fake-sheet-${nextSheetId++}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** values[row][column]; missing = empty (""). */
  readonly values: (FakeValue | undefined)[][] = [];
  /** numberFormats[row][column]; missing = "General". */
  readonly numberFormats: (string | undefined)[][] = [];
  readonly formulas = new Map<string, string>();
  readonly styles = new Map<string, FakeStyle>();
  merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Columns hidden (`range.columnHidden = true` on a whole column). */
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  readonly pageLayout: Record<string, unknown> = {};
  /** Manual page breaks: the 0-based rows a new printed page starts at. */
  readonly rowBreaks: number[] = [];
  readonly names = new Map<string, string>();
  readonly customProperties = new Map<string, string>();
  readonly conditionalFormats: { rect: Rect; type: string; props: Record<string, unknown> }[] = [];
  readonly charts: { type: string; source: string; props: Record<string, unknown> }[] = [];
  readonly hyperlinks = new Map<string, unknown>();
  readonly dataValidations: FakeValidation[] = [];
  /** The options `protection.protect()` was called with; null while unprotected. */
  protection: Record<string, unknown> | null = null;
  tabColor = "";

  constructor(public name: string) {}

  getValue(r: number, c: number): FakeValue | "" {
    return this.values[r]?.[c] ?? "";
  }

  setValue(r: number, c: number, v: FakeValue | "") {
    const row = (this.values[r] ??= []);
    if (v === "") delete row[c];
    else row[c] = v;
  }

  getFormat(r: number, c: number): string {
    return this.numberFormats[r]?.[c] ?? "General";
  }

  setFormat(r: number, c: number, f: string) {
    (this.numberFormats[r] ??= [])[c] = f;
  }

  getStyle(r: number, c: number): FakeStyle {
    return this.styles.get(`${r},${c}`) ?? DEFAULT_STYLE;
  }

  updateStyle(r: number, c: number, patch: Partial<FakeStyle>) {
    const next = { ...this.getStyle(r, c), ...patch };
    // A cell formatted exactly like the default is, for Excel, an unformatted cell.
    const isDefault = (Object.keys(DEFAULT_STYLE) as (keyof FakeStyle)[]).every(
      (k) => next[k] === DEFAULT_STYLE[k],
    );
    if (isDefault) this.styles.delete(`${r},${c}`);
    else this.styles.set(`${r},${c}`, next);
  }

  /** The rectangle holding every non-empty value (Excel's `getUsedRange(true)`), or null. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const visit = (r: number, c: number) => {
      if (top < 0 || r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    this.values.forEach((row, r) => row?.forEach((v, c) => v !== undefined && visit(r, c)));
    if (!valuesOnly) {
      this.numberFormats.forEach((row, r) => row?.forEach((f, c) => f && f !== "General" && visit(r, c)));
      for (const key of this.styles.keys()) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        visit(r, c);
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, unknown>();
  /** Workbook-scoped names: name → formula (`='选项'!$A$2:$A$9`). */
  readonly names = new Map<string, string>();
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Calls in this list throw `InvalidOperationInCellEditMode` while the count is > 0 (a user editing a cell). */
  cellEditModeSyncs = 0;

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }
}

// ---- A1 addresses -------------------------------------------------------------------------------

export function columnLetters(column: number): string {
  let name = "";
  let n = column + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(rect: Rect): string {
  const tl = `${columnLetters(rect.left)}${rect.top + 1}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return tl;
  return `${tl}:${columnLetters(rect.right)}${rect.bottom + 1}`;
}

/** Parses `A1`, `A1:C3`, `A:C`, `3:5`, optionally prefixed with `Sheet!` or `'Sheet name'!`. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let ref = address.trim();
  let sheet: string | null = null;
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, "");
  const [a, b = a] = ref.split(":") as [string, string?];
  const part = (p: string) => {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw fakeError("InvalidArgument", `地址无效：${address}`);
    return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const p1 = part(a);
  const p2 = part(b!);
  const rect = {
    top: p1.row ?? 0,
    bottom: p2.row ?? MAX_ROWS - 1,
    left: p1.col ?? 0,
    right: p2.col ?? MAX_COLUMNS - 1,
  };
  return { sheet, rect };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function fakeError(code: string, message: string): Error & { code: string } {
  const error = new Error(message) as Error & { code: string; name: string };
  error.name = "RichApi.Error";
  error.code = code;
  return error;
}
