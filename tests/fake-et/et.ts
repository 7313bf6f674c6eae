/**
 * A fake of WPS 表格's ET object model (the `window.Application` a WPS JS add-in page is given),
 * as strict as the fake Excel where the WPS adapter depends on it. Every behaviour it copies names
 * its source; where WPS documents nothing, the comment says so and the fake can be switched to each
 * plausible behaviour (options) so that the adapter is tested against all of them.
 *
 * Sources, cited below by their tag:
 * - [decl]  the ET API declarations published by Kingsoft, npm `et-jsapi-declare` 2.5.0
 *           (`lib.et.d.ts`, `index.d.ts`): names, argument order and types of every member used here.
 * - [wpsdoc] WPS's own JSAPI reference, https://airsheet.wps.cn/docs/apiV2/excel/workbook/… (Range,
 *           DisplayFormat pages), written for WPS's JS API and mirroring the VBA object model.
 * - [vba]   Microsoft's VBA reference for the same members (https://learn.microsoft.com/office/vba/api/
 *           excel.*), which the ET object model copies member for member (same names, same enums);
 *           used where WPS's page is silent.
 * - [js-macro] WPS JS macro tests of `Range(...).Value()`/`Value2` shapes:
 *           https://www.kancloud.cn/pwedu/wps-js-macros/2283752 (rows as nested arrays, one cell as
 *           a bare value, "早期版本" flattened) and https://blog.csdn.net/qq_61913010/article/details/143450258
 *           (`Range("A1:B2").Value2` is `Arr[r][c]`, r = row − 1; assigning one value to a block fills it).
 * - [wpsjs] Kingsoft's add-in samples shipped in npm `wpsjs` (packages/@wps-jsapi/et: ribbon.js uses
 *           `CreateTaskPane(url)`, `.ID`, `.Visible`, `GetTaskPane(id)`, `PluginStorage`).
 *
 * Calls are synchronous (the JS API is a bridge into the host process) and each one is counted:
 * `calls.total`, `calls.byMember["Range.Value2.get"]`. `maxBurst` is the largest number of calls made
 * without returning to the event loop — a pane that does that for long freezes (tested, not timed).
 * `repaints` counts changes made while `ScreenUpdating` is true.
 */
import {
  DEFAULT_STYLE,
  type FakeStyle,
  type FakeValue,
  type Rect,
  type SheetModel,
  type WorkbookModel,
  MAX_COLUMNS,
  MAX_ROWS,
  columnLetters,
  intersects,
  parseAddress,
  rectAddress,
} from "../fake-excel/model";

/** Constants from [vba]/[decl] enums (XlSheetVisibility, Constants, XlHAlign, XlVAlign, XlPageOrientation, XlPaperSize). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  none: -4142,
  solid: 1,
  left: -4131,
  center: -4108,
  right: -4152,
  general: 1,
  top: -4160,
  bottom: -4107,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  continuous: 1,
  thin: 2,
} as const;

/** CVErr values as a COM bridge hands them over ([vba] "Cell error values": xlErrNA = 2042 …, as HRESULT 0x800A0000 + n). */
export const CVERR: Readonly<Record<string, number>> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

export interface FakeEtOptions {
  /**
   * How `Value2` hands over a multi-cell block. `nested` (default): an array of row arrays, indexed
   * from 0 ([js-macro], current WPS). `flat-row`: a one-row block as a flat array (the "早期版本"
   * behaviour [js-macro] mentions). `vbarray`: a 1-based SAFEARRAY wrapper with `lbound/ubound/getItem`
   * and `toArray()` (how COM hands arrays to JScript hosts; [vba] arrays from `Value` are 1-based).
   */
  valueShape?: "nested" | "flat-row" | "vbarray";
  /**
   * How an error cell reads through `Value2`. Not documented by WPS: `text` ("#N/A", as Office.js
   * and WPS's UI show it) or `cverr` (the CVErr number a COM bridge passes, [vba]).
   */
  errorStyle?: "text" | "cverr";
  /** `ActiveWorkbook.Date1904` ([decl] `Workbook.Date1904: boolean`). */
  date1904?: boolean;
  /** The LCID of WPS's user interface (`LanguageSettings.LanguageID(2)`); 2052 (Chinese) by default. */
  languageId?: number;
  /** Whether the add-in root offers `FileSystem` and `Env` ([decl] `WPS.AddonRoot`); true by default. */
  fileSystem?: boolean;
  /**
   * What the save dialog (`GetSaveAsFilename`) answers: `false` = the user cancelled ([vba]), a path,
   * or `"default"` (the offered name in the user's documents folder).
   */
  saveAs?: string | false;
}

/** Where the fake's save dialog points by default, and its temp folder (Windows-style, as most WPS). */
export const FAKE_DOCUMENTS = "C:\\Users\\办公室\\Documents";
export const FAKE_TEMP = "C:\\Users\\办公室\\AppData\\Local\\Temp\\";

/** A CVErr wrapped the way JScript's `VBArray` exposes a SAFEARRAY: `getItem(i, j)` with 1-based bounds. */
export class FakeVBArray {
  constructor(private readonly rows: unknown[][]) {}
  dimensions(): number {
    return 2;
  }
  lbound(_dimension = 1): number {
    return 1;
  }
  ubound(dimension = 1): number {
    return dimension === 1 ? this.rows.length : (this.rows[0]?.length ?? 0);
  }
  getItem(i: number, j: number): unknown {
    return this.rows[i - 1]?.[j - 1];
  }
  /** JScript's `VBArray.toArray()`: the items column by column, flattened (the documented order). */
  toArray(): unknown[] {
    const out: unknown[] = [];
    const cols = this.ubound(2);
    for (let j = 0; j < cols; j++) for (const row of this.rows) out.push(row[j]);
    return out;
  }
}

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EtError";
  }
}

/** The call ledger shared by every object of one fake application. */
export class CallLog {
  total = 0;
  readonly byMember = new Map<string, number>();
  maxBurst = 0;
  repaints = 0;
  private burst = 0;
  private tick = false;

  count(member: string): void {
    this.total++;
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
    if (!this.tick) {
      this.tick = true;
      // Reset when the event loop gets a turn: a macrotask scheduled by the first call of a burst
      // runs only after the caller yields (setTimeout / MessageChannel / await of a timer).
      setTimeout(() => {
        this.tick = false;
        this.burst = 0;
      }, 0);
    }
    this.burst++;
    if (this.burst > this.maxBurst) this.maxBurst = this.burst;
  }

  of(member: string): number {
    return this.byMember.get(member) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.byMember.clear();
    this.maxBurst = 0;
    this.repaints = 0;
  }
}

export interface EtState {
  readonly model: WorkbookModel;
  readonly log: CallLog;
  readonly options: Required<FakeEtOptions>;
  /** Pattern colours by sheet id → "r,c" (the shared model's style has no pattern colour). */
  readonly patternColors: Map<string, Map<string, string>>;
  /** Dialogs WPS would have shown (e.g. the delete confirmation with DisplayAlerts on). */
  readonly dialogs: string[];
  /** Files written through `FileSystem` (path → binary string, one char per byte). */
  readonly files: Map<string, string>;
  /** Paths opened with `Workbooks.Open`, in order. */
  readonly opened: string[];
  screenUpdating: boolean;
  displayAlerts: boolean;
}

// ---- colours: [vba] Interior.Color is an RGB value = red + green·256 + blue·65536 -------------

export function hexToBgr(hex: string): number {
  const h = hex.replace(/^#/, "");
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

export function bgrToHex(n: number): string {
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0").toUpperCase()).join("")}`;
}

const PATTERN_NAMES: Record<number, string> = { 1: "Solid", [-4142]: "None", 17: "Gray16", 18: "Gray8" };
const PATTERN_CODES: Record<string, number> = Object.fromEntries(
  Object.entries(PATTERN_NAMES).map(([k, v]) => [v, Number(k)]),
);

// ---- typed input: what a cell holds after a value is entered ----------------------------------

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Entering a string into a cell ([vba] Range.Value/Value2 "sets the cell value" as if typed; WPS
 * behaves the same — [js-macro]: assigning "=…" to Value2 makes a formula): a cell formatted as Text
 * (`@`) keeps the string as typed; otherwise `=…` is a formula, numbers, `TRUE`/`FALSE`, percents and
 * dates are converted.
 */
function enter(state: EtState, sheet: SheetModel, r: number, c: number, input: unknown): void {
  const key = `${r},${c}`;
  sheet.formulas.delete(key);
  if (input === undefined || input === null || input === "") return sheet.setValue(r, c, "");
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new EtError("类型不匹配");
    return sheet.setValue(r, c, input);
  }
  if (typeof input === "boolean") return sheet.setValue(r, c, input);
  if (typeof input !== "string") throw new EtError(`类型不匹配：${typeof input}`);
  const text = input;
  if (sheet.getFormat(r, c) === "@") return sheet.setValue(r, c, text);
  if (text.startsWith("'")) return sheet.setValue(r, c, text.slice(1));
  const t = text.trim();
  if (NUMBER.test(t)) return sheet.setValue(r, c, Number(t));
  const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (percent) {
    if (sheet.getFormat(r, c) === "General") sheet.setFormat(r, c, "0%");
    return sheet.setValue(r, c, Number(percent[1]) / 100);
  }
  if (/^(true|false)$/i.test(t)) return sheet.setValue(r, c, t.toUpperCase() === "TRUE");
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const serial = (ms - (state.options.date1904 ? EPOCH_1904 : EPOCH_1900)) / 86_400_000;
    if (sheet.getFormat(r, c) === "General") sheet.setFormat(r, c, "yyyy/m/d");
    return sheet.setValue(r, c, serial);
  }
  if (/^[=+\-@]/.test(t) && t.length > 1) {
    const formula = t.startsWith("=") ? t : `=${t}`;
    sheet.formulas.set(key, formula);
    return sheet.setValue(r, c, evaluate(sheet, formula.slice(1)));
  }
  sheet.setValue(r, c, text);
}

/** A tiny evaluator: numbers and arithmetic, single references; anything else is `#NAME?`. */
function evaluate(sheet: SheetModel, expr: string): FakeValue {
  const e = expr.trim();
  const ref = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(e);
  if (ref) {
    const { rect } = parseAddress(e);
    return sheet.getValue(rect.top, rect.left) || 0;
  }
  if (/^[\d\s+\-*/().]+$/.test(e) && /\d/.test(e)) {
    try {
      const v = Function(`"use strict"; return (${e});`)() as unknown;
      if (typeof v === "number" && Number.isFinite(v)) return v;
      return "#DIV/0!";
    } catch {
      return "#NAME?";
    }
  }
  return "#NAME?";
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

// ---- the objects --------------------------------------------------------------------------------

abstract class EtObject {
  constructor(protected readonly state: EtState) {}
  protected count(member: string) {
    this.state.log.count(member);
  }
  protected mutated() {
    if (this.state.screenUpdating) this.state.log.repaints++;
  }
}

export class FakeEtApplication extends EtObject {
  readonly PluginStorage = new FakePluginStorage();
  readonly taskPanes: FakeTaskPane[] = [];
  /** `ribbonUI` is set by the add-in's `OnAddinLoad` ([wpsjs] ribbon.js). */
  ribbonUI: unknown = undefined;
  private workbook: FakeEtWorkbook | null;

  constructor(state: EtState, open = true) {
    super(state);
    this.workbook = open ? new FakeEtWorkbook(state) : null;
  }

  /** [decl] `Application.ActiveWorkbook: Workbook`; `null` with no document open ([wpsjs] checks `if (!doc)`). */
  get ActiveWorkbook(): FakeEtWorkbook | null {
    this.count("Application.ActiveWorkbook");
    return this.workbook;
  }

  /** [decl] `readonly ActiveSheet`. */
  get ActiveSheet(): FakeEtWorksheet | null {
    this.count("Application.ActiveSheet");
    const s = this.state.model.activeSheet;
    return s ? new FakeEtWorksheet(this.state, s) : null;
  }

  /**
   * [decl] `readonly LanguageSettings: Kso.LanguageSettings` with `LanguageID(Id: MsoAppLanguageID)`:
   * for msoLanguageIDUI (2) the LCID of WPS's user interface (2052 for Chinese WPS).
   */
  get LanguageSettings(): { LanguageID(id: number): number } {
    this.count("Application.LanguageSettings");
    const lcid = this.state.options.languageId;
    const log = this.state.log;
    return {
      LanguageID(id: number) {
        log.count("LanguageSettings.LanguageID");
        if (id !== 2) throw new EtError("本模拟只提供 msoLanguageIDUI");
        return lcid;
      },
    };
  }

  /** [decl] `readonly ActiveWindow: Window`; freeze panes live on the window ([vba] Window.FreezePanes). */
  get ActiveWindow(): FakeEtWindow {
    this.count("Application.ActiveWindow");
    return new FakeEtWindow(this.state);
  }

  /** [decl] `ScreenUpdating: boolean`. */
  get ScreenUpdating(): boolean {
    this.count("Application.ScreenUpdating.get");
    return this.state.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.count("Application.ScreenUpdating.set");
    this.state.screenUpdating = Boolean(v);
  }

  /** [decl] `DisplayAlerts: boolean`; [vba] with it on, `Worksheet.Delete` asks the user first. */
  get DisplayAlerts(): boolean {
    this.count("Application.DisplayAlerts.get");
    return this.state.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.count("Application.DisplayAlerts.set");
    this.state.displayAlerts = Boolean(v);
  }

  /** [decl] `WPS.AddonRoot.CreateTaskPane(url, title?)`: a pane that shows once `Visible = true`. */
  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    this.count("Application.CreateTaskPane");
    const pane = new FakeTaskPane(this.taskPanes.length + 1, url, title);
    this.taskPanes.push(pane);
    return pane;
  }

  /** [decl] `GetTaskPane(id)`. */
  GetTaskPane(id: number): FakeTaskPane | undefined {
    this.count("Application.GetTaskPane");
    return this.taskPanes.find((p) => p.ID === Number(id));
  }

  /**
   * [decl] `GetSaveAsFilename(InitialFilename?, FileFilter?, …): boolean | string`: the chosen path,
   * or `false` when the user cancels ([vba]). Nothing is written by the dialog itself.
   */
  GetSaveAsFilename(initial?: string, filter?: string): string | false {
    this.count("Application.GetSaveAsFilename");
    this.state.dialogs.push(`另存为：${initial ?? ""}（${filter ?? ""}）`);
    const answer = this.state.options.saveAs;
    if (answer === false) return false;
    return answer === "default" ? `${FAKE_DOCUMENTS}\\${initial ?? "工作簿1.xlsx"}` : answer;
  }

  /** [decl] `readonly Workbooks: Workbooks`; only `Open` (of a file written before) is modelled. */
  get Workbooks(): { Open(path: string): object } {
    this.count("Application.Workbooks");
    const state = this.state;
    return {
      Open(path: string) {
        state.log.count("Workbooks.Open");
        const data = state.files.get(path);
        if (data === undefined) throw new EtError(`找不到文件：${path}`);
        // An .xlsx is a ZIP package: WPS refuses anything else with an error dialog.
        if (!data.startsWith("PK")) throw new EtError(`文件格式无效：${path}`);
        state.opened.push(path);
        return {};
      },
    };
  }

  /** [decl] `WPS.AddonRoot.FileSystem` (on `window.wps`, which the fake makes the same object). */
  get FileSystem(): FakeFileSystem | undefined {
    return this.state.options.fileSystem ? new FakeFileSystem(this.state) : undefined;
  }

  /** [decl] `WPS.AddonRoot.Env`. */
  get Env(): { GetTempPath(): string } | undefined {
    if (!this.state.options.fileSystem) return undefined;
    const log = this.state.log;
    return {
      GetTempPath() {
        log.count("Env.GetTempPath");
        return FAKE_TEMP;
      },
    };
  }

  /** Test hook: close the document (ActiveWorkbook becomes null). */
  closeWorkbook(): void {
    this.workbook = null;
  }
}

/**
 * [decl] `WPS.FileSystem`: `writeAsBinaryString(path, data)` writes one byte per character (the form
 * its twin `readAsBinaryString` returns); a character above U+00FF is not a byte and is refused here.
 */
export class FakeFileSystem {
  constructor(private readonly state: EtState) {}
  writeAsBinaryString(path: string, data: string): boolean {
    this.state.log.count("FileSystem.writeAsBinaryString");
    for (let i = 0; i < data.length; i++) {
      if (data.charCodeAt(i) > 0xff) throw new EtError(`不是二进制字符串（第 ${i} 个字符）`);
    }
    this.state.files.set(path, data);
    return true;
  }
  Exists(path: string): boolean {
    this.state.log.count("FileSystem.Exists");
    return this.state.files.has(path);
  }
}

/** The bytes of a file the fake file system holds (test helper). */
export function fakeFileBytes(state: EtState, path: string): Uint8Array {
  const data = state.files.get(path);
  if (data === undefined) throw new Error(`no file ${path}`);
  return Uint8Array.from(data, (c) => c.charCodeAt(0));
}

export class FakeTaskPane {
  Visible = false;
  DockPosition = 2;
  Width = 360;
  readonly navigations: string[] = [];
  constructor(
    readonly ID: number,
    public url: string,
    readonly title?: string,
  ) {}
  /** [decl] `CustomTaskpane.Navigate(url)`. */
  Navigate(url: string): void {
    this.url = url;
    this.navigations.push(url);
  }
  Delete(): void {
    this.Visible = false;
  }
}

/** [decl] `PluginStorage`: `setItem`/`getItem` shared by the add-in's pages; values come back as strings? Not documented — kept as given. */
export class FakePluginStorage {
  private readonly items = new Map<string, unknown>();
  setItem(key: string, value: unknown): void {
    this.items.set(key, value);
  }
  getItem(key: string): unknown {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  get length(): number {
    return this.items.size;
  }
}

export class FakeEtWorkbook extends EtObject {
  /** [decl] `Workbook.Date1904: boolean`. */
  get Date1904(): boolean {
    this.count("Workbook.Date1904");
    return this.state.options.date1904;
  }
  /** [decl] `readonly Worksheets: Sheets`. */
  get Worksheets(): FakeEtSheets {
    this.count("Workbook.Worksheets");
    return new FakeEtSheets(this.state);
  }
  get Name(): string {
    this.count("Workbook.Name");
    return "工作簿1.xlsx";
  }
  /** [decl] `readonly Names: Names` — workbook-scoped names. */
  get Names(): FakeEtNames {
    this.count("Workbook.Names");
    return new FakeEtNames(this.state, this.state.model);
  }
}

export class FakeEtSheets extends EtObject {
  /** [decl] `readonly Count: number`. */
  get Count(): number {
    this.count("Sheets.Count");
    return this.state.model.sheets.length;
  }

  /**
   * [decl] `Item(Index: string | number)`; [vba] the index is 1-based, a name matches case-insensitively,
   * and a missing item is an error ("下标越界", Subscript out of range).
   */
  Item(index: string | number): FakeEtWorksheet {
    this.count("Sheets.Item");
    const sheets = this.state.model.sheets;
    const sheet = typeof index === "number" ? sheets[index - 1] : this.state.model.sheet(String(index));
    if (!sheet) throw new EtError(`下标越界：${index}`);
    return new FakeEtWorksheet(this.state, sheet);
  }

  /**
   * [decl] `Add(Before?, After?, Count?, Type?)`. [vba] With neither Before nor After the new sheet
   * goes before the active sheet; it becomes the active sheet; its name is the next free `SheetN`.
   */
  Add(before?: FakeEtWorksheet, after?: FakeEtWorksheet): FakeEtWorksheet {
    this.count("Sheets.Add");
    const model = this.state.model;
    let n = model.sheets.length + 1;
    while (model.sheet(`Sheet${n}`)) n++;
    const sheet = model.addSheet(`Sheet${n}`);
    model.sheets.pop();
    let at: number;
    if (after) at = model.sheets.indexOf(after.model) + 1;
    else if (before) at = model.sheets.indexOf(before.model);
    else at = model.activeSheet ? model.sheets.indexOf(model.activeSheet) : model.sheets.length;
    if (at < 0) throw new EtError("参数无效：Before/After 不是本工作簿的工作表");
    model.sheets.splice(at, 0, sheet);
    model.activeSheet = sheet;
    this.mutated();
    return new FakeEtWorksheet(this.state, sheet);
  }
}

const VISIBILITY: Record<string, number> = { Visible: -1, Hidden: 0, VeryHidden: 2 };
const VISIBILITY_NAME: Record<number, "Visible" | "Hidden" | "VeryHidden"> = {
  [-1]: "Visible",
  0: "Hidden",
  2: "VeryHidden",
};

export class FakeEtWorksheet extends EtObject {
  constructor(
    state: EtState,
    readonly model: SheetModel,
  ) {
    super(state);
  }

  private alive(): SheetModel {
    if (!this.state.model.sheets.includes(this.model)) throw new EtError("对象已被删除");
    return this.model;
  }

  /** [decl] `Name: string`; [vba] ≤ 31 characters, none of `: \ / ? * [ ]`, unique ignoring case. */
  get Name(): string {
    this.count("Worksheet.Name.get");
    return this.alive().name;
  }
  set Name(name: string) {
    this.count("Worksheet.Name.set");
    const sheet = this.alive();
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
      throw new EtError(`工作表名称无效：${name}`);
    const other = this.state.model.sheet(name);
    if (other && other !== sheet) throw new EtError(`工作表名称已存在：${name}`);
    sheet.name = name;
    this.mutated();
  }

  /** [decl] `readonly Index: number` (1-based). */
  get Index(): number {
    this.count("Worksheet.Index");
    return this.state.model.sheets.indexOf(this.alive()) + 1;
  }

  /** [decl] `Visible: XlSheetVisibility` — -1 visible, 0 hidden, 2 very hidden; [vba] the last visible sheet cannot be hidden. */
  get Visible(): number {
    this.count("Worksheet.Visible.get");
    return VISIBILITY[this.alive().visibility]!;
  }
  set Visible(v: number) {
    this.count("Worksheet.Visible.set");
    const sheet = this.alive();
    const next = VISIBILITY_NAME[Number(v)] ?? (v ? "Visible" : "Hidden");
    if (
      next !== "Visible" &&
      this.state.model.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0
    )
      throw new EtError("工作簿中至少要有一张可见的工作表");
    sheet.visibility = next;
    if (next !== "Visible" && this.state.model.activeSheet === sheet)
      this.state.model.activeSheet = this.state.model.sheets.find((s) => s.visibility === "Visible") ?? null;
    this.mutated();
  }

  /** [decl] `Activate()`; [vba] a hidden sheet cannot be activated. */
  Activate(): void {
    this.count("Worksheet.Activate");
    const sheet = this.alive();
    if (sheet.visibility !== "Visible") throw new EtError("无法激活隐藏的工作表");
    this.state.model.activeSheet = sheet;
  }

  /** [decl] `Delete()`; [vba] asks for confirmation unless `DisplayAlerts` is false; the last visible sheet cannot go. */
  Delete(): void {
    this.count("Worksheet.Delete");
    const sheet = this.alive();
    const model = this.state.model;
    if (model.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
      throw new EtError("工作簿中至少要有一张可见的工作表");
    if (this.state.displayAlerts) this.state.dialogs.push(`确认删除工作表“${sheet.name}”`);
    model.sheets.splice(model.sheets.indexOf(sheet), 1);
    if (model.activeSheet === sheet)
      model.activeSheet = model.sheets.find((s) => s.visibility === "Visible") ?? null;
    this.mutated();
  }

  /**
   * [decl] `readonly UsedRange: Range`. [vba] the rectangle of every cell that holds a value or
   * formatting, starting where they start (not at A1); an empty sheet's used range is A1.
   */
  get UsedRange(): FakeEtRange {
    this.count("Worksheet.UsedRange");
    const sheet = this.alive();
    const rect = sheet.usedRect(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    for (const m of sheet.merges) {
      if (sheet.usedRect(false) === null) break;
      rect.top = Math.min(rect.top, m.top);
      rect.left = Math.min(rect.left, m.left);
      rect.bottom = Math.max(rect.bottom, m.bottom);
      rect.right = Math.max(rect.right, m.right);
    }
    return new FakeEtRange(this.state, sheet, [rect]);
  }

  /** [decl] `Range(Cell1, Cell2?)`: an A1 address, or a comma-separated list of areas. */
  Range(address: string): FakeEtRange {
    this.count("Worksheet.Range");
    return rangeFromAddress(this.state, this.alive(), address);
  }

  /** [decl] `readonly Names: Names` — worksheet-scoped names. */
  get Names(): FakeEtNames {
    this.count("Worksheet.Names");
    return new FakeEtNames(this.state, this.alive());
  }

  /** [decl] `readonly Hyperlinks: Hyperlinks`. */
  get Hyperlinks(): FakeEtHyperlinks {
    this.count("Worksheet.Hyperlinks");
    return new FakeEtHyperlinks(this.state, this.alive());
  }

  /** [decl] `readonly PageSetup: PageSetup`. */
  get PageSetup(): FakeEtPageSetup {
    this.count("Worksheet.PageSetup");
    return new FakeEtPageSetup(this.state, this.alive());
  }

  /**
   * [decl] `Protect(Password?, DrawingObjects?, Contents?, Scenarios?, UserInterfaceOnly?,
   * AllowFormattingCells?, AllowFormattingColumns?, AllowFormattingRows?, AllowInsertingColumns?,
   * AllowInsertingRows?, AllowInsertingHyperlinks?, AllowDeletingColumns?, AllowDeletingRows?,
   * AllowSorting?, AllowFiltering?, AllowUsingPivotTables?)`. [vba] afterwards a locked cell refuses
   * changes (error 1004).
   */
  Protect(...args: unknown[]): void {
    this.count("Worksheet.Protect");
    const names = [
      "password",
      "drawingObjects",
      "contents",
      "scenarios",
      "userInterfaceOnly",
      "allowFormattingCells",
      "allowFormattingColumns",
      "allowFormattingRows",
      "allowInsertingColumns",
      "allowInsertingRows",
      "allowInsertingHyperlinks",
      "allowDeletingColumns",
      "allowDeletingRows",
      "allowSorting",
      "allowFiltering",
      "allowUsingPivotTables",
    ];
    const options: Record<string, unknown> = {};
    args.forEach((v, i) => v !== undefined && (options[names[i]!] = v));
    this.alive().protection = options;
  }

  /** [decl] `readonly ProtectContents: boolean`. */
  get ProtectContents(): boolean {
    this.count("Worksheet.ProtectContents");
    return this.alive().protection !== null;
  }

  /** [decl] `readonly Tab: Tab` ([vba] Tab.Color, an RGB value). */
  get Tab(): { Color: number } {
    this.count("Worksheet.Tab");
    const sheet = this.alive();
    const state = this.state;
    return {
      get Color() {
        state.log.count("Tab.Color.get");
        return sheet.tabColor ? hexToBgr(sheet.tabColor) : XL.none;
      },
      set Color(v: number) {
        state.log.count("Tab.Color.set");
        sheet.tabColor = bgrToHex(v);
      },
    };
  }
}

/**
 * [vba] `Range("…")` accepts an address of at most 255 characters (longer strings fail with error
 * 1004); WPS's Range takes the same A1 strings, including lists of areas separated by commas
 * ([js-macro] `Range("A1:B2,C3:D4").Areas`).
 */
function rangeFromAddress(state: EtState, sheet: SheetModel, address: string): FakeEtRange {
  if (typeof address !== "string" || address.length === 0) throw new EtError("Range 的参数无效");
  if (address.length > 255) throw new EtError(`Range 地址超过 255 个字符（${address.length}）`);
  const areas = address.split(",").map((a) => {
    const { sheet: named, rect } = parseAddress(a);
    if (named !== null) throw new EtError(`不支持跨表地址：${a}`);
    if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) throw new EtError(`地址超出范围：${a}`);
    return rect;
  });
  return new FakeEtRange(state, sheet, areas);
}

const area = (rect: Rect) => (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);

export class FakeEtRange extends EtObject {
  constructor(
    state: EtState,
    readonly sheet: SheetModel,
    readonly areas: Rect[],
  ) {
    super(state);
  }

  private get first(): Rect {
    return this.areas[0]!;
  }

  private single(what: string): Rect {
    if (this.areas.length !== 1) throw new EtError(`${what} 不能用于多重选定区域`);
    return this.first;
  }

  private *cells(): Generator<[number, number]> {
    for (const rect of this.areas)
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) yield [r, c];
  }

  /** The same value for every cell, or null ([vba]/[wpsdoc]: NumberFormat, Interior.Color … return Null when mixed). */
  private uniform<T>(get: (r: number, c: number) => T): T | null {
    let first: T | undefined;
    let seen = false;
    for (const [r, c] of this.cells()) {
      const v = get(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
    return first ?? null;
  }

  /** [decl] `readonly Row`, `Column` (1-based, of the first area's top-left cell). */
  get Row(): number {
    this.count("Range.Row");
    return this.first.top + 1;
  }
  get Column(): number {
    this.count("Range.Column");
    return this.first.left + 1;
  }
  /** [decl] `readonly Rows: Range`, `Columns: Range` — used here for `.Count`. */
  get Rows(): { Count: number } {
    this.count("Range.Rows");
    const n = this.first.bottom - this.first.top + 1;
    const log = this.state.log;
    return {
      get Count() {
        log.count("Range.Rows.Count");
        return n;
      },
    };
  }
  get Columns(): { Count: number } {
    this.count("Range.Columns");
    const n = this.first.right - this.first.left + 1;
    const log = this.state.log;
    return {
      get Count() {
        log.count("Range.Columns.Count");
        return n;
      },
    };
  }
  /** [decl] `Address(RowAbsolute?, ColumnAbsolute?)`: `$A$1:$C$3` by default ([wpsdoc] MergeArea example compares with "$A$3"). */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.count("Range.Address");
    return this.areas
      .map((rect) => {
        const cell = (r: number, c: number) =>
          `${columnAbsolute ? "$" : ""}${columnLetters(c)}${rowAbsolute ? "$" : ""}${r + 1}`;
        const tl = cell(rect.top, rect.left);
        return rect.top === rect.bottom && rect.left === rect.right
          ? tl
          : `${tl}:${cell(rect.bottom, rect.right)}`;
      })
      .join(",");
  }

  /**
   * [decl] `Value2: string | Array<any>`. Reading: one cell gives its bare value ([js-macro]); a block
   * gives its rows (shape per `options.valueShape`); an empty cell is `undefined` (VBA's Empty; WPS does
   * not document its JS form — the adapter accepts undefined, null and ""). Dates are serial numbers:
   * [vba] "Value2 doesn't use the Currency and Date data types". Reading a multi-area range gives the
   * first area ([vba] Range.Value on a multiple selection).
   */
  get Value2(): unknown {
    this.count("Range.Value2.get");
    const rect = this.first;
    const read = (r: number, c: number): unknown => {
      const v = this.sheet.getValue(r, c);
      if (v === "") return undefined;
      if (typeof v === "string" && ERROR_TEXT.test(v) && this.state.options.errorStyle === "cverr")
        return CVERR[v] ?? v;
      return v;
    };
    if (area(rect) === 1) return read(rect.top, rect.left);
    const rows: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: unknown[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(read(r, c));
      rows.push(row);
    }
    switch (this.state.options.valueShape) {
      case "flat-row":
        return rows.length === 1 ? rows[0] : rows;
      case "vbarray":
        return new FakeVBArray(rows);
      default:
        return rows;
    }
  }

  /**
   * Writing: a single value fills every cell ([js-macro] "对一个区域进行赋值…全部赋上相同的值"); an array
   * of rows must match the block (the fake refuses another size rather than guess how WPS pads it).
   * Each string is entered as typed (see `enter`).
   */
  set Value2(value: unknown) {
    this.count("Range.Value2.set");
    this.refuseIfProtected();
    this.mutated();
    if (Array.isArray(value)) {
      const rect = this.single("Value2 数组赋值");
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const nested = Array.isArray(value[0]) ? (value as unknown[][]) : rows === 1 ? [value] : null;
      if (
        !nested ||
        nested.length !== rows ||
        nested.some((row) => !Array.isArray(row) || row.length !== cols)
      )
        throw new EtError(`数组大小与区域 ${rectAddress(rect)} 不符`);
      nested.forEach((row, i) =>
        row.forEach((v, j) => enter(this.state, this.sheet, rect.top + i, rect.left + j, v)),
      );
      return;
    }
    for (const [r, c] of this.cells()) enter(this.state, this.sheet, r, c, value);
  }

  /** [decl] `Locked: boolean` — only matters once the sheet is protected ([vba]). */
  set Locked(v: boolean) {
    this.count("Range.Locked.set");
    this.refuseIfProtected();
    this.styleAll({ locked: Boolean(v) });
  }
  get Locked(): boolean | null {
    this.count("Range.Locked.get");
    return this.styleUniform("locked");
  }

  /** [vba] a locked cell of a protected sheet cannot be changed (error 1004). */
  refuseIfProtected(): void {
    if (!this.sheet.protection) return;
    for (const [r, c] of this.cells())
      if (this.sheet.getStyle(r, c).locked) throw new EtError("您试图更改的单元格受保护，因而是只读的");
  }

  /** [decl] `readonly Validation: Validation`. */
  get Validation(): FakeEtValidation {
    this.count("Range.Validation");
    return new FakeEtValidation(this.state, this);
  }

  /** [decl] `readonly HasFormula`. */
  get HasFormula(): boolean | null {
    this.count("Range.HasFormula");
    return this.uniform((r, c) => this.sheet.formulas.has(`${r},${c}`));
  }

  /** [decl] `Formula` — the formula text, or the constant. */
  get Formula(): unknown {
    this.count("Range.Formula.get");
    const rect = this.single("Formula");
    return this.sheet.formulas.get(`${rect.top},${rect.left}`) ?? this.sheet.getValue(rect.top, rect.left);
  }

  /**
   * [decl] `NumberFormat: string`. [vba]/[wpsdoc] "returns Null if all cells in the specified range
   * don't have the same number format". Setting takes one format code for every cell of every area
   * (an array is not a format code: refused).
   */
  get NumberFormat(): string | null {
    this.count("Range.NumberFormat.get");
    return this.uniform((r, c) => this.sheet.getFormat(r, c));
  }
  set NumberFormat(format: string) {
    this.count("Range.NumberFormat.set");
    if (typeof format !== "string") throw new EtError("NumberFormat 只接受一个格式代码字符串");
    this.mutated();
    for (const [r, c] of this.cells()) this.sheet.setFormat(r, c, format);
  }

  /**
   * [wpsdoc] MergeCells: true when the range holds merged cells; [vba] for a range partly merged the
   * value is Null. Setting true merges each area.
   */
  get MergeCells(): boolean | null {
    this.count("Range.MergeCells.get");
    return this.uniform((r, c) =>
      this.sheet.merges.some((m) => intersects(m, { top: r, left: c, bottom: r, right: c })),
    );
  }

  /** [wpsdoc] MergeArea: the merged range holding the cell, else the cell; only for a single cell. */
  get MergeArea(): FakeEtRange {
    this.count("Range.MergeArea");
    const rect = this.single("MergeArea");
    if (area(rect) !== 1) throw new EtError("MergeArea 只能用于单个单元格");
    const merge = this.sheet.merges.find((m) => intersects(m, rect));
    return new FakeEtRange(this.state, this.sheet, [merge ? { ...merge } : rect]);
  }

  /** [decl] `Merge(Across?)`; [vba] merging keeps the upper-left value only. */
  Merge(): void {
    this.count("Range.Merge");
    this.mutated();
    for (const rect of this.areas) {
      if (this.sheet.merges.some((m) => intersects(m, rect)))
        throw new EtError("不能合并与已合并区域重叠的区域");
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++)
          if (r !== rect.top || c !== rect.left) this.sheet.setValue(r, c, "");
      this.sheet.merges.push({ ...rect });
    }
  }

  /** [decl] `readonly Interior: Interior`. */
  get Interior(): FakeEtInterior {
    this.count("Range.Interior");
    return new FakeEtInterior(this.state, this);
  }
  /** [decl] `readonly Font: Font`. */
  get Font(): FakeEtFont {
    this.count("Range.Font");
    return new FakeEtFont(this.state, this);
  }
  /** [decl] `readonly Borders: Borders`; [vba] setting a property of the collection sets all four edges. */
  get Borders(): { LineStyle: number; Weight: number; Color: number } {
    this.count("Range.Borders");
    const set = (border: boolean) => {
      this.mutated();
      for (const [r, c] of this.cells()) this.sheet.updateStyle(r, c, { border });
    };
    const log = this.state.log;
    return {
      set LineStyle(v: number) {
        log.count("Borders.LineStyle.set");
        set(v !== XL.none);
      },
      get LineStyle() {
        log.count("Borders.LineStyle.get");
        return XL.continuous;
      },
      set Weight(_v: number) {
        log.count("Borders.Weight.set");
      },
      get Weight() {
        return XL.thin;
      },
      set Color(_v: number) {
        log.count("Borders.Color.set");
      },
      get Color() {
        return 0;
      },
    };
  }

  styleAll(patch: Partial<FakeStyle>): void {
    this.mutated();
    for (const [r, c] of this.cells()) this.sheet.updateStyle(r, c, patch);
  }

  styleUniform<K extends keyof FakeStyle>(key: K): FakeStyle[K] | null {
    return this.uniform((r, c) => this.sheet.getStyle(r, c)[key]);
  }

  *allCells(): Generator<[number, number]> {
    yield* this.cells();
  }

  /** [decl] `HorizontalAlignment` (XlHAlign). */
  set HorizontalAlignment(v: number) {
    this.count("Range.HorizontalAlignment.set");
    const map: Record<number, string> = {
      [XL.left]: "Left",
      [XL.center]: "Center",
      [XL.right]: "Right",
      [XL.general]: "General",
    };
    if (!(v in map)) throw new EtError(`HorizontalAlignment 的值无效：${v}`);
    this.styleAll({ hAlign: map[v]! });
  }
  get HorizontalAlignment(): number | null {
    this.count("Range.HorizontalAlignment.get");
    const v = this.styleUniform("hAlign");
    return v === null
      ? null
      : (({ Left: XL.left, Center: XL.center, Right: XL.right } as Record<string, number>)[v] ?? XL.general);
  }
  /** [decl] `VerticalAlignment` (XlVAlign). */
  set VerticalAlignment(v: number) {
    this.count("Range.VerticalAlignment.set");
    const map: Record<number, string> = { [XL.top]: "Top", [XL.center]: "Center", [XL.bottom]: "Bottom" };
    if (!(v in map)) throw new EtError(`VerticalAlignment 的值无效：${v}`);
    this.styleAll({ vAlign: map[v]! });
  }
  /** [decl] `WrapText: boolean`. */
  set WrapText(v: boolean) {
    this.count("Range.WrapText.set");
    this.styleAll({ wrap: Boolean(v) });
  }
  /** [decl] `IndentLevel: number` (0–15). */
  set IndentLevel(v: number) {
    this.count("Range.IndentLevel.set");
    if (!(v >= 0 && v <= 15)) throw new EtError("IndentLevel 超出范围");
    this.mutated();
  }

  /** [decl] `ColumnWidth` in characters of the standard font ([vba]); on whole columns (`A:A`). */
  set ColumnWidth(chars: number) {
    this.count("Range.ColumnWidth.set");
    if (!(chars >= 0 && chars <= 255)) throw new EtError("列宽必须在 0 到 255 之间");
    this.mutated();
    for (const rect of this.areas)
      for (let c = rect.left; c <= rect.right; c++) this.sheet.columnWidths.set(c, chars);
  }
  /** [decl] `RowHeight` in points ([vba]; at most 409). */
  set RowHeight(points: number) {
    this.count("Range.RowHeight.set");
    if (!(points >= 0 && points <= 409)) throw new EtError("行高必须在 0 到 409 磅之间");
    this.mutated();
    for (const rect of this.areas)
      for (let r = rect.top; r <= rect.bottom; r++) this.sheet.rowHeights.set(r, points);
  }

  /**
   * [decl] `Select()`. [vba] a range can be selected only on the active sheet (else error 1004,
   * "Select method of Range class failed").
   */
  Select(): void {
    this.count("Range.Select");
    if (this.state.model.activeSheet !== this.sheet)
      throw new EtError("Range 类的 Select 方法无效：工作表未激活");
    this.state.model.selection = { sheet: this.sheet.name, address: this.areas.map(rectAddress).join(",") };
  }
}

/** [decl] XlDVType, XlDVAlertStyle and XlFormatConditionOperator values used by validations. */
export const DV = {
  whole: 1,
  decimal: 2,
  list: 3,
  date: 4,
  stop: 1,
  warning: 2,
  information: 3,
  between: 1,
  greaterEqual: 7,
  lessEqual: 8,
} as const;

/**
 * [decl] Validation: `Add(Type, AlertStyle?, Operator?, Formula1?, Formula2?)`, IgnoreBlank,
 * InCellDropdown, InputTitle/InputMessage/ShowInput, ErrorTitle/ErrorMessage/ShowError, Delete().
 * [vba] `Add` fails where the range already has a validation (Delete it first); a list's Formula1
 * is a reference (`='选项'!$A$2:$A$9`) or a name (`=任务类别`). Titles are limited to 32 characters
 * and messages to 255, as in Excel's dialog. Stored in the shared model's `dataValidations` with
 * the ET numbers as the rule.
 */
export class FakeEtValidation extends EtObject {
  constructor(
    state: EtState,
    private readonly range: FakeEtRange,
  ) {
    super(state);
  }

  private entry() {
    const rect = this.range.areas[0]!;
    const v = this.range.sheet.dataValidations.find(
      (x) =>
        x.rect.top === rect.top &&
        x.rect.left === rect.left &&
        x.rect.bottom === rect.bottom &&
        x.rect.right === rect.right,
    );
    if (!v) throw new EtError("该区域没有数据有效性");
    return v;
  }

  Add(type: number, alertStyle = DV.stop, operator = DV.between, formula1?: string, formula2?: string): void {
    this.count("Validation.Add");
    if (this.range.areas.length !== 1) throw new EtError("Validation.Add 只用于单个区域");
    const rect = this.range.areas[0]!;
    if (this.range.sheet.dataValidations.some((x) => intersects(x.rect, rect)))
      throw new EtError("该区域已有数据有效性，请先 Delete");
    if (![DV.whole, DV.decimal, DV.list, DV.date].includes(type as 1))
      throw new EtError(`有效性类型无效：${type}`);
    if (typeof formula1 !== "string" || formula1 === "") throw new EtError("Formula1 不能为空");
    if (type === DV.list) {
      const ref = formula1.replace(/^=/, "");
      if (ref.includes("!")) {
        const { sheet } = parseAddress(ref);
        if (sheet === null || !this.state.model.sheet(sheet))
          throw new EtError(`列表来源指向不存在的工作表：${formula1}`);
      } else if (!this.state.model.names.has(ref) && !this.range.sheet.names.has(ref))
        throw new EtError(`列表来源名称不存在：${formula1}`);
    }
    this.range.sheet.dataValidations.push({
      rect: { ...rect },
      rule: { type, operator, formula1, ...(formula2 !== undefined ? { formula2 } : {}) },
      ignoreBlanks: true,
      prompt: null,
      errorAlert: {
        showAlert: true,
        style:
          ({ 1: "Stop", 2: "Warning", 3: "Information" } as Record<number, string>)[alertStyle] ?? "Stop",
      },
    });
    this.mutated();
  }

  Delete(): void {
    this.count("Validation.Delete");
    const sheet = this.range.sheet;
    for (let i = sheet.dataValidations.length - 1; i >= 0; i--)
      if (this.range.areas.some((a) => intersects(sheet.dataValidations[i]!.rect, a)))
        sheet.dataValidations.splice(i, 1);
  }

  private text(value: string, limit: number, what: string): string {
    if (typeof value !== "string" || value.length > limit) throw new EtError(`${what}超过 ${limit} 个字符`);
    return value;
  }

  set IgnoreBlank(v: boolean) {
    this.count("Validation.IgnoreBlank.set");
    this.entry().ignoreBlanks = Boolean(v);
  }
  set InCellDropdown(v: boolean) {
    this.count("Validation.InCellDropdown.set");
    this.entry().rule = { ...this.entry().rule, inCellDropdown: Boolean(v) };
  }
  set InputTitle(v: string) {
    this.count("Validation.InputTitle.set");
    const e = this.entry();
    e.prompt = { ...(e.prompt ?? {}), title: this.text(v, 32, "输入信息标题") };
  }
  set InputMessage(v: string) {
    this.count("Validation.InputMessage.set");
    const e = this.entry();
    e.prompt = { ...(e.prompt ?? {}), message: this.text(v, 255, "输入信息") };
  }
  set ShowInput(v: boolean) {
    this.count("Validation.ShowInput.set");
    const e = this.entry();
    e.prompt = { ...(e.prompt ?? {}), showPrompt: Boolean(v) };
  }
  set ErrorTitle(v: string) {
    this.count("Validation.ErrorTitle.set");
    const e = this.entry();
    e.errorAlert = { ...(e.errorAlert ?? {}), title: this.text(v, 32, "出错警告标题") };
  }
  set ErrorMessage(v: string) {
    this.count("Validation.ErrorMessage.set");
    const e = this.entry();
    e.errorAlert = { ...(e.errorAlert ?? {}), message: this.text(v, 255, "出错警告") };
  }
  set ShowError(v: boolean) {
    this.count("Validation.ShowError.set");
    const e = this.entry();
    e.errorAlert = { ...(e.errorAlert ?? {}), showAlert: Boolean(v) };
  }
}

/**
 * [decl] Interior: Color, Pattern, PatternColor, ColorIndex. [vba] Color is an RGB value; a cell
 * with no fill reads Color 16777215 (white) and Pattern xlNone (-4142); setting Color gives a solid
 * fill; setting Pattern or ColorIndex to xlNone removes the fill. Mixed values read Null.
 */
export class FakeEtInterior extends EtObject {
  constructor(
    state: EtState,
    private readonly range: FakeEtRange,
  ) {
    super(state);
  }

  private patternColors(): Map<string, string> {
    let map = this.state.patternColors.get(this.range.sheet.id);
    if (!map) this.state.patternColors.set(this.range.sheet.id, (map = new Map()));
    return map;
  }

  get Color(): number | null {
    this.count("Interior.Color.get");
    const v = this.range.styleUniform("fill");
    if (v === null) {
      // Null from styleUniform means mixed, or every cell unfilled (fill null).
      const anyFilled = [...this.range.allCells()].some(
        ([r, c]) => this.range.sheet.getStyle(r, c).fill !== null,
      );
      return anyFilled ? null : 16777215;
    }
    return hexToBgr(v);
  }
  set Color(v: number) {
    this.count("Interior.Color.set");
    if (typeof v !== "number" || !(v >= 0 && v <= 0xffffff)) throw new EtError(`颜色值无效：${v}`);
    const hex = bgrToHex(v);
    for (const [r, c] of this.range.allCells()) {
      const s = this.range.sheet.getStyle(r, c);
      this.range.sheet.updateStyle(r, c, { fill: hex, pattern: s.pattern === "None" ? "Solid" : s.pattern });
    }
    this.mutated();
  }

  get Pattern(): number | null {
    this.count("Interior.Pattern.get");
    const v = this.range.styleUniform("pattern");
    return v === null ? null : (PATTERN_CODES[v] ?? XL.solid);
  }
  set Pattern(v: number) {
    this.count("Interior.Pattern.set");
    const name = PATTERN_NAMES[v];
    if (!name) throw new EtError(`图案值无效：${v}`);
    this.mutated();
    for (const [r, c] of this.range.allCells()) {
      if (name === "None") {
        this.range.sheet.updateStyle(r, c, { fill: null, pattern: "None" });
        this.patternColors().delete(`${r},${c}`);
      } else {
        const s = this.range.sheet.getStyle(r, c);
        this.range.sheet.updateStyle(r, c, { pattern: name, fill: s.fill ?? "#FFFFFF" });
      }
    }
  }

  get PatternColor(): number | null {
    this.count("Interior.PatternColor.get");
    const map = this.patternColors();
    let first: string | undefined;
    let seen = false;
    for (const [r, c] of this.range.allCells()) {
      const v = map.get(`${r},${c}`) ?? "#000000";
      if (!seen) [first, seen] = [v, true];
      else if (v !== first) return null;
    }
    return hexToBgr(first ?? "#000000");
  }
  set PatternColor(v: number) {
    this.count("Interior.PatternColor.set");
    const map = this.patternColors();
    this.mutated();
    for (const [r, c] of this.range.allCells()) map.set(`${r},${c}`, bgrToHex(v));
  }

  get ColorIndex(): number | null {
    this.count("Interior.ColorIndex.get");
    const v = this.range.styleUniform("fill");
    return v === null && ![...this.range.allCells()].some(([r, c]) => this.range.sheet.getStyle(r, c).fill)
      ? XL.none
      : null;
  }
  set ColorIndex(v: number) {
    this.count("Interior.ColorIndex.set");
    if (v !== XL.none) throw new EtError("本模拟只支持 ColorIndex = xlNone");
    this.mutated();
    for (const [r, c] of this.range.allCells()) {
      this.range.sheet.updateStyle(r, c, { fill: null, pattern: "None" });
      this.patternColors().delete(`${r},${c}`);
    }
  }
}

/** [decl] Font: Bold, Italic, Size, Color (an RGB value, [vba]), Name. */
export class FakeEtFont extends EtObject {
  constructor(
    state: EtState,
    private readonly range: FakeEtRange,
  ) {
    super(state);
  }
  set Bold(v: boolean) {
    this.count("Font.Bold.set");
    this.range.styleAll({ bold: Boolean(v) });
  }
  get Bold(): boolean | null {
    this.count("Font.Bold.get");
    return this.range.styleUniform("bold");
  }
  set Italic(v: boolean) {
    this.count("Font.Italic.set");
    this.range.styleAll({ italic: Boolean(v) });
  }
  set Size(v: number) {
    this.count("Font.Size.set");
    if (!(v >= 1 && v <= 409)) throw new EtError("字号超出范围");
    this.range.styleAll({ fontSize: v });
  }
  set Color(v: number) {
    this.count("Font.Color.set");
    this.range.styleAll({ fontColor: bgrToHex(v) });
  }
  get Color(): number | null {
    this.count("Font.Color.get");
    const v = this.range.styleUniform("fontColor");
    return v === null ? null : hexToBgr(v);
  }
  set Name(v: string) {
    this.count("Font.Name.set");
    this.range.styleAll({ fontName: v });
  }
}

/**
 * [decl] Names.Add(Name, RefersTo, Visible); Names.Item(Index) — [vba] an unknown name is an error;
 * Name.RefersTo is the formula text (`="notice"`), Name.Visible, Name.Delete().
 */
/** Sheet-scoped (`Worksheet.Names`) or workbook-scoped (`Workbook.Names`) names. */
interface NameHolder {
  readonly names: Map<string, string>;
}

export class FakeEtNames extends EtObject {
  constructor(
    state: EtState,
    private readonly sheet: NameHolder,
  ) {
    super(state);
  }
  get Count(): number {
    this.count("Names.Count");
    return this.sheet.names.size;
  }
  Add(name: string, refersTo: string, _visible?: boolean): FakeEtName {
    this.count("Names.Add");
    if (!/^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name)) throw new EtError(`名称无效：${name}`);
    if (typeof refersTo !== "string" || !refersTo.startsWith("="))
      throw new EtError("RefersTo 必须以 = 开头");
    this.sheet.names.set(name, refersTo);
    return new FakeEtName(this.state, this.sheet, name);
  }
  Item(name: string): FakeEtName {
    this.count("Names.Item");
    if (!this.sheet.names.has(name)) throw new EtError(`找不到名称：${name}`);
    return new FakeEtName(this.state, this.sheet, name);
  }
}

export class FakeEtName extends EtObject {
  constructor(
    state: EtState,
    private readonly sheet: NameHolder,
    private readonly name: string,
  ) {
    super(state);
  }
  get RefersTo(): string {
    this.count("Name.RefersTo");
    const v = this.sheet.names.get(this.name);
    if (v === undefined) throw new EtError("名称已被删除");
    return v;
  }
  get Name(): string {
    return this.name;
  }
  Delete(): void {
    this.count("Name.Delete");
    this.sheet.names.delete(this.name);
  }
}

/** [decl] `Hyperlinks.Add(Anchor, Address, SubAddress?, ScreenTip?, TextToDisplay?)`. */
export class FakeEtHyperlinks extends EtObject {
  constructor(
    state: EtState,
    private readonly sheet: SheetModel,
  ) {
    super(state);
  }
  Add(anchor: FakeEtRange, address: string, subAddress?: string, screenTip?: string, text?: string): object {
    this.count("Hyperlinks.Add");
    if (!(anchor instanceof FakeEtRange) || anchor.sheet !== this.sheet)
      throw new EtError("Anchor 必须是本工作表的单元格区域");
    this.mutated();
    const cell = rectAddress(anchor.areas[0]!);
    const link = {
      address,
      subAddress: subAddress ?? "",
      screenTip: screenTip ?? "",
      textToDisplay: text ?? "",
    };
    this.sheet.hyperlinks.set(cell, link);
    if (text !== undefined) {
      const rect = anchor.areas[0]!;
      this.sheet.setValue(rect.top, rect.left, text);
    }
    return link;
  }
  get Count(): number {
    this.count("Hyperlinks.Count");
    return this.sheet.hyperlinks.size;
  }
}

/** [decl] PageSetup members; [vba] margins in points, Zoom = false to use FitToPages*. */
export class FakeEtPageSetup extends EtObject {
  constructor(state: EtState, sheet: SheetModel) {
    super(state);
    const layout = sheet.pageLayout;
    const props = [
      "Orientation",
      "PaperSize",
      "Zoom",
      "FitToPagesWide",
      "FitToPagesTall",
      "LeftMargin",
      "RightMargin",
      "TopMargin",
      "BottomMargin",
      "CenterHorizontally",
      "PrintTitleRows",
    ];
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => {
          this.count(`PageSetup.${p}.get`);
          return layout[p];
        },
        set: (v: unknown) => {
          this.count(`PageSetup.${p}.set`);
          if (p === "PrintTitleRows" && typeof v === "string" && !/^\$\d+:\$\d+$/.test(v))
            throw new EtError(`PrintTitleRows 无效：${v}`);
          layout[p] = v;
        },
        enumerable: true,
      });
    }
  }
}

/** [decl] Window: FreezePanes, SplitRow, SplitColumn — on the active sheet ([vba]). */
export class FakeEtWindow extends EtObject {
  private sheet(): SheetModel {
    const s = this.state.model.activeSheet;
    if (!s) throw new EtError("没有活动工作表");
    return s;
  }
  private pending(): { rows: number; columns: number; frozen: boolean } {
    const s = this.sheet() as SheetModel & { __split?: { rows: number; columns: number; frozen: boolean } };
    return (s.__split ??= { rows: 0, columns: 0, frozen: false });
  }
  set SplitRow(n: number) {
    this.count("Window.SplitRow.set");
    this.pending().rows = n;
  }
  set SplitColumn(n: number) {
    this.count("Window.SplitColumn.set");
    this.pending().columns = n;
  }
  get FreezePanes(): boolean {
    this.count("Window.FreezePanes.get");
    return this.pending().frozen;
  }
  set FreezePanes(v: boolean) {
    this.count("Window.FreezePanes.set");
    const p = this.pending();
    p.frozen = Boolean(v);
    this.sheet().freeze = v ? { rows: p.rows, columns: p.columns } : { rows: 0, columns: 0 };
  }
}

export { DEFAULT_STYLE };
