/**
 * A fake of the Excel JavaScript API object model (what `Excel.run` hands a batch), faithful where
 * it matters to the add-in:
 *
 * - calls on proxies are only queued; they run, in order, on `context.sync()`, which is counted;
 * - a property can be read only after `load()` and a `sync()` (else `PropertyNotLoaded`);
 * - each sync's request and response are measured as UTF-8 JSON; above 5 MB the sync throws
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` (Excel on the web's limit);
 * - a string written to `values` is parsed as a user's typing would be — `=…` (and `+…`/`-…`/`@…`
 *   that is not a number) becomes a formula, `1001` a number, `TRUE` a boolean — unless the cell's
 *   number format is Text (`@`), which keeps the string as typed (Excel's documented Text format rule);
 * - `*OrNullObject` methods give objects whose `isNullObject` is readable after load + sync;
 * - merged areas, RangeAreas, cell properties, settings, names, custom properties, selection;
 * - data validation (a list source must name an existing sheet or name; Excel's 32/255-character
 *   limits on titles and messages), sheet protection (writing values into locked cells of a
 *   protected sheet fails with `AccessDenied`), locked/unlocked cells, workbook-scoped names (which
 *   turn into `#REF!` when their sheet is deleted).
 */
import {
  DEFAULT_STYLE,
  type FakeStyle,
  type FakeValidation,
  type FakeValue,
  type Rect,
  type SheetModel,
  type WorkbookModel,
  fakeError,
  intersects,
  parseAddress,
  quoteSheet,
  rectAddress,
} from "./model";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
}

interface Applied {
  response: unknown;
  apply?: () => void;
}

interface Op {
  request: unknown;
  run: () => Applied | void;
}

const encoder = new TextEncoder();
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value) ?? "").length;

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly syncs: SyncRecord[] = [];
  readonly trackedObjects = { add() {}, remove() {} };
  private queue: Op[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly payloadLimit = PAYLOAD_LIMIT_BYTES,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  enqueue(request: unknown, run: Op["run"]) {
    this.queue.push({ request, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = byteLength(ops.map((op) => op.request));
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length };
    this.syncs.push(record);
    await Promise.resolve();
    if (this.model.cellEditModeSyncs > 0) {
      this.model.cellEditModeSyncs--;
      throw fakeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    if (requestBytes > this.payloadLimit) {
      throw fakeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes}) exceeds the limit.`,
      );
    }
    const applied: Applied[] = [];
    for (const op of ops) {
      const result = op.run();
      if (result) applied.push(result);
    }
    record.responseBytes = byteLength(applied.map((a) => a.response));
    if (record.responseBytes > this.payloadLimit) {
      throw fakeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${record.responseBytes}) exceeds the limit.`,
      );
    }
    for (const a of applied) a.apply?.();
  }
}

// ---- the proxy base -----------------------------------------------------------------------------

function parseLoad(option?: string | string[] | { select?: string }): string[] {
  if (option === undefined) return [];
  const text = Array.isArray(option)
    ? option.join(",")
    : typeof option === "string"
      ? option
      : (option.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  protected loadedOnce = false;
  protected nullObject = false;

  constructor(protected readonly ctx: FakeRequestContext) {}

  /** Values of the requested properties, read at sync time. `null` when the object is a null object. */
  protected abstract snapshot(props: string[]): Record<string, unknown> | null;
  protected abstract defaultProps(): string[];

  load(option?: string | string[] | { select?: string }): this {
    const asked = parseLoad(option);
    const props = asked.length ? asked : this.defaultProps();
    this.ctx.enqueue({ load: this.constructor.name, props }, () => {
      const snap = this.snapshot(props);
      return {
        response: snap ?? { isNullObject: true },
        apply: () => {
          this.loadedOnce = true;
          this.nullObject = snap === null;
          for (const p of props) this.loaded.set(p, snap ? snap[p] : null);
        },
      };
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) throw notLoaded("isNullObject");
    return this.nullObject;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  protected write(prop: string, value: unknown, apply: () => void) {
    this.loaded.set(prop, value);
    this.ctx.enqueue({ set: `${this.constructor.name}.${prop}`, value }, () => {
      apply();
    });
  }

  toJSON() {
    return Object.fromEntries(this.loaded);
  }
}

function notLoaded(prop: string) {
  return fakeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function lazy<T>(resolve: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = resolve();
      done = true;
    }
    return value;
  };
}

/** An object whose property writes are queued and recorded into `target()` at sync time. */
function recorder(ctx: FakeRequestContext, name: string, target: () => Record<string, unknown>): any {
  return new Proxy(
    {},
    {
      set(_o, prop, value) {
        ctx.enqueue({ set: `${name}.${String(prop)}`, value }, () => {
          target()[String(prop)] = value;
        });
        return true;
      },
      get(_o, prop) {
        if (prop === "toJSON") return () => ({});
        // Nested objects (e.g. chart.title, dataBar.positiveFormat) record under a dotted name.
        return recorder(ctx, `${name}.${String(prop)}`, () => {
          const t = target();
          const key = String(prop);
          if (typeof t[key] !== "object" || t[key] === null) t[key] = {};
          return t[key] as Record<string, unknown>;
        });
      },
    },
  );
}

// ---- workbook and worksheets --------------------------------------------------------------------

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly names: FakeNamedItemCollection;

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, () => ctx.model.names);
  }

  getSelectedRange(): FakeRange {
    const model = this.ctx.model;
    return new FakeRange(this.ctx, () => {
      if (!model.selection) throw fakeError("ItemNotFound", "No selection.");
      const sheet = model.sheet(model.selection.sheet);
      if (!sheet) throw fakeError("ItemNotFound", "No selection.");
      return { sheet, rect: parseAddress(model.selection.address).rect };
    });
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private itemProxies: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  override load(option?: string | string[] | { select?: string }): this {
    const props = parseLoad(option)
      .map((p) => p.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    const model = this.ctx.model;
    this.ctx.enqueue({ load: "WorksheetCollection", props }, () => {
      const proxies = model.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
      const snaps = proxies.map((p) =>
        p.snapshotOf(props.length ? props : ["name", "visibility", "position", "id"]),
      );
      return {
        response: snaps,
        apply: () => {
          proxies.forEach((p, i) => p.setLoaded(snaps[i]!));
          this.itemProxies = proxies;
          this.loadedOnce = true;
        },
      };
    });
    return this;
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }
  protected defaultProps(): string[] {
    return [];
  }

  getItem(key: string): FakeWorksheet {
    const model = this.ctx.model;
    return new FakeWorksheet(this.ctx, () => {
      const s = model.sheet(key) ?? model.sheets.find((x) => x.id === key);
      if (!s) throw fakeError("ItemNotFound", `The requested resource doesn't exist: ${key}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const model = this.ctx.model;
    return new FakeWorksheet(
      this.ctx,
      () => model.sheet(key) ?? model.sheets.find((x) => x.id === key) ?? null,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    const model = this.ctx.model;
    return new FakeWorksheet(this.ctx, () => model.activeSheet ?? model.sheets[0] ?? null);
  }

  add(name?: string): FakeWorksheet {
    const model = this.ctx.model;
    let created: SheetModel | null = null;
    this.ctx.enqueue({ add: "Worksheet", name }, () => {
      const finalName = name ?? `Sheet${model.sheets.length + 1}`;
      if (model.sheet(finalName))
        throw fakeError("ItemAlreadyExists", `A sheet named ${finalName} already exists.`);
      if (/[\\/?*[\]:]/.test(finalName) || finalName.length > 31)
        throw fakeError("InvalidArgument", "Bad sheet name.");
      created = model.addSheet(finalName);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw fakeError("ItemNotFound", "The sheet was not created.");
      return created;
    });
  }
}

export class FakeWorksheet extends FakeObject {
  readonly target: () => SheetModel | null;
  readonly freezePanes: any;
  readonly pageLayout: any;
  readonly names: FakeNamedItemCollection;
  readonly customProperties: FakeCustomPropertyCollection;
  readonly charts: any;
  readonly protection: { protect(options?: Record<string, unknown>): void; unprotect(): void };
  readonly horizontalPageBreaks: any;

  constructor(ctx: FakeRequestContext, resolve: () => SheetModel | null) {
    super(ctx);
    this.target = lazy(resolve);
    const sheet = () => this.sheet();
    this.protection = {
      protect: (options = {}) =>
        ctx.enqueue({ protect: options }, () => {
          if (sheet().protection) throw fakeError("InvalidOperation", "The sheet is already protected.");
          sheet().protection = { ...options };
        }),
      unprotect: () => ctx.enqueue({ unprotect: true }, () => void (sheet().protection = null)),
    };
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.enqueue({ freezeRows: n }, () => void (sheet().freeze = { rows: n, columns: 0 })),
      freezeColumns: (n: number) =>
        ctx.enqueue({ freezeColumns: n }, () => void (sheet().freeze = { rows: 0, columns: n })),
      freezeAt: (range: FakeRange | string) =>
        ctx.enqueue({ freezeAt: String(range) }, () => {
          const rect = typeof range === "string" ? parseAddress(range).rect : range.resolveOne().rect;
          sheet().freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
        }),
      unfreeze: () => ctx.enqueue({ unfreeze: true }, () => void (sheet().freeze = { rows: 0, columns: 0 })),
    };
    const layout = recorder(ctx, "pageLayout", () => sheet().pageLayout);
    this.pageLayout = new Proxy(layout, {
      get(t, prop) {
        if (prop === "setPrintTitleRows")
          return (rows: string | FakeRange) =>
            ctx.enqueue({ setPrintTitleRows: String(rows) }, () => {
              sheet().pageLayout.printTitleRows = typeof rows === "string" ? rows : rows.resolveOne().rect;
            });
        return t[prop];
      },
    });
    this.names = new FakeNamedItemCollection(ctx, () => sheet().names);
    this.horizontalPageBreaks = {
      add: (at: string | FakeRange) =>
        ctx.enqueue({ addPageBreak: String(at) }, () => {
          const rect = typeof at === "string" ? parseAddress(at).rect : at.resolveOne().rect;
          sheet().rowBreaks.push(rect.top);
        }),
    };
    this.customProperties = new FakeCustomPropertyCollection(ctx, sheet);
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const chart: { type: string; source: string; props: Record<string, unknown> } = {
          type,
          source: "",
          props: {},
        };
        ctx.enqueue({ addChart: type, seriesBy }, () => {
          const { rect } = source.resolveOne();
          chart.source = rectAddress(rect);
          sheet().charts.push(chart);
        });
        const rec = recorder(ctx, "chart", () => chart.props);
        return new Proxy(rec, {
          get(t, prop) {
            if (prop === "setPosition")
              return (start: string | FakeRange) =>
                ctx.enqueue({ setPosition: String(start) }, () => {
                  chart.props.position =
                    typeof start === "string" ? start : rectAddress(start.resolveOne().rect);
                });
            if (prop === "series")
              return {
                getItemAt: (i: number) => ({
                  setXAxisValues: (r: FakeRange) =>
                    ctx.enqueue({ setXAxisValues: i }, () => {
                      chart.props[`series${i}.categories`] = rectAddress(r.resolveOne().rect);
                    }),
                  setValues: (r: FakeRange) =>
                    ctx.enqueue({ setValues: i }, () => {
                      chart.props[`series${i}.values`] = rectAddress(r.resolveOne().rect);
                    }),
                }),
              };
            return t[prop];
          },
        });
      },
    };
  }

  sheet(): SheetModel {
    const s = this.target();
    if (!s) throw fakeError("ItemNotFound", "The requested worksheet doesn't exist.");
    return s;
  }

  snapshotOf(props: string[]): Record<string, unknown> {
    const s = this.sheet();
    const all: Record<string, unknown> = {
      name: s.name,
      visibility: s.visibility,
      position: this.ctx.model.sheets.indexOf(s),
      id: s.id,
      tabColor: s.tabColor,
    };
    return Object.fromEntries(props.map((p) => [p, all[p]]));
  }

  setLoaded(snap: Record<string, unknown>) {
    this.loadedOnce = true;
    for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
  }

  protected snapshot(props: string[]) {
    return this.target() ? this.snapshotOf(props) : null;
  }
  protected defaultProps() {
    return ["name", "visibility", "position", "id", "tabColor"];
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, () => {
      if (this.ctx.model.sheet(value) && this.ctx.model.sheet(value) !== this.sheet())
        throw fakeError("ItemAlreadyExists", `A sheet named ${value} already exists.`);
      this.sheet().name = value;
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", value, () => {
      const s = this.sheet();
      if (value !== "Visible" && !this.ctx.model.sheets.some((x) => x !== s && x.visibility === "Visible"))
        throw fakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = value;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.write("position", value, () => {
      const sheets = this.ctx.model.sheets;
      const s = this.sheet();
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.min(value, sheets.length), 0, s);
    });
  }
  get id(): string {
    return this.read("id");
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(value: string) {
    this.write("tabColor", value, () => void (this.sheet().tabColor = value));
  }

  activate() {
    this.ctx.enqueue({ activate: true }, () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw fakeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.ctx.model.activeSheet = s;
    });
  }

  delete() {
    this.ctx.enqueue({ delete: "Worksheet" }, () => {
      const model = this.ctx.model;
      const s = this.sheet();
      if (s.visibility === "Visible" && !model.sheets.some((x) => x !== s && x.visibility === "Visible"))
        throw fakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      model.sheets.splice(model.sheets.indexOf(s), 1);
      // Names that referred to the deleted sheet now refer to nothing, as in Excel.
      for (const [name, formula] of model.names)
        if (
          formula.includes(`${quoteSheet(s.name)}!`) ||
          formula.includes(`'${s.name.replace(/'/g, "''")}'!`)
        )
          model.names.set(name, "=#REF!");
      if (model.activeSheet === s)
        model.activeSheet = model.sheets.find((x) => x.visibility === "Visible") ?? null;
      if (model.selection?.sheet === s.name) model.selection = null;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheet();
      if (address === undefined) return { sheet, rect: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      return { sheet, rect: parseAddress(address).rect };
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1)
      throw fakeError("InvalidArgument", "rowCount and columnCount must be ≥ 1.");
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      rect: { top: row, left: column, bottom: row + rowCount - 1, right: column + columnCount - 1 },
    }));
  }

  getRanges(address: string): FakeRangeAreas {
    if (address.length > 8192) throw fakeError("InvalidArgument", "The address is too long.");
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.sheet(),
      rects: address.split(/[,;]/).map((a) => parseAddress(a).rect),
    }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheet();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheet();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }
}

// ---- ranges -------------------------------------------------------------------------------------

type Target = { sheet: SheetModel; rect: Rect };
type AreasTarget = { sheet: SheetModel; rects: Rect[] };

function cells(rect: Rect, each: (r: number, c: number, i: number, j: number) => void) {
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) each(r, c, r - rect.top, c - rect.left);
}

function fullAddress(sheet: SheetModel, rect: Rect) {
  return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
}

export class FakeRange extends FakeObject {
  readonly resolve: () => Target | null;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: any;
  readonly dataValidation: any;

  constructor(ctx: FakeRequestContext, resolve: () => Target | null) {
    super(ctx);
    this.resolve = lazy(resolve);
    const areas = () => {
      const t = this.resolveOne();
      return { sheet: t.sheet, rects: [t.rect] };
    };
    this.format = new FakeRangeFormat(ctx, areas);
    this.conditionalFormats = conditionalFormats(ctx, areas);
    this.dataValidation = dataValidation(ctx, () => this.resolveOne());
  }

  resolveOne(): Target {
    const t = this.resolve();
    if (!t) throw fakeError("ItemNotFound", "The range is a null object.");
    return t;
  }

  override toString() {
    return "[FakeRange]";
  }

  snapshotPublic(props: string[]): Record<string, unknown> {
    return this.snapshot(props) ?? {};
  }

  setLoaded(snap: Record<string, unknown>) {
    this.loadedOnce = true;
    for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
  }

  protected defaultProps() {
    return [
      "address",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "values",
      "numberFormat",
      "formulas",
    ];
  }

  protected snapshot(props: string[]): Record<string, unknown> | null {
    const t = this.resolve();
    if (!t) return null;
    const { sheet, rect } = t;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      switch (p) {
        case "address":
          out[p] = fullAddress(sheet, rect);
          break;
        case "rowCount":
          out[p] = rect.bottom - rect.top + 1;
          break;
        case "columnCount":
          out[p] = rect.right - rect.left + 1;
          break;
        case "rowIndex":
          out[p] = rect.top;
          break;
        case "columnIndex":
          out[p] = rect.left;
          break;
        case "values":
          out[p] = grid(rect, (r, c) => sheet.getValue(r, c));
          break;
        case "numberFormat":
          out[p] = grid(rect, (r, c) => sheet.getFormat(r, c));
          break;
        case "formulas":
          out[p] = grid(rect, (r, c) => sheet.formulas.get(`${r},${c}`) ?? sheet.getValue(r, c));
          break;
        case "text":
          out[p] = grid(rect, (r, c) => String(sheet.getValue(r, c)));
          break;
        default:
          throw fakeError("InvalidArgument", `The fake does not model Range.${p}.`);
      }
    }
    return out;
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): any[][] {
    return this.read("values");
  }
  set values(value: any) {
    this.write("values", value, () => {
      const { sheet, rect } = this.resolveOne();
      refuseLocked(sheet, rect);
      const get = shaped(value, rect, "values");
      cells(rect, (r, c, i, j) => writeTyped(sheet, r, c, get(i, j)));
    });
  }
  get formulas(): any[][] {
    return this.read("formulas");
  }
  set formulas(value: any) {
    this.write("formulas", value, () => {
      const { sheet, rect } = this.resolveOne();
      refuseLocked(sheet, rect);
      const get = shaped(value, rect, "formulas");
      cells(rect, (r, c, i, j) => writeTyped(sheet, r, c, get(i, j), true));
    });
  }
  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  set columnHidden(value: boolean) {
    this.write("columnHidden", value, () => {
      const { sheet, rect } = this.resolveOne();
      for (let c = rect.left; c <= rect.right; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  set numberFormat(value: any) {
    this.write("numberFormat", value, () => {
      const { sheet, rect } = this.resolveOne();
      const get = shaped(value, rect, "numberFormat");
      cells(rect, (r, c, i, j) => sheet.setFormat(r, c, String(get(i, j))));
    });
  }
  set hyperlink(value: any) {
    this.write("hyperlink", value, () => {
      const { sheet, rect } = this.resolveOne();
      sheet.hyperlinks.set(rectAddress(rect), value);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.resolveOne();
      const r = rect.top + row;
      const c = rect.left + column;
      return { sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.resolveOne();
      const used = sheet.usedRect(valuesOnly);
      if (!used || !intersects(used, rect)) return null;
      return {
        sheet,
        rect: {
          top: Math.max(used.top, rect.top),
          left: Math.max(used.left, rect.left),
          bottom: Math.min(used.bottom, rect.bottom),
          right: Math.min(used.right, rect.right),
        },
      };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.resolveOne();
      const rects = sheet.merges.filter((m) => intersects(m, rect));
      if (rects.length > 512) throw fakeError("GeneralException", "More than 512 merged areas.");
      return rects.length ? { sheet, rects } : null;
    });
  }

  merge(across = false) {
    this.ctx.enqueue({ merge: across }, () => {
      const { sheet, rect } = this.resolveOne();
      const rows = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i)
        : [rect.top];
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      for (const top of rows) {
        const bottom = across ? top : rect.bottom;
        const m = { top, left: rect.left, bottom, right: rect.right };
        if (m.top === m.bottom && m.left === m.right) continue;
        // Merging keeps only the top-left value, as Excel does.
        cells(m, (r, c) => (r !== m.top || c !== m.left) && sheet.setValue(r, c, ""));
        sheet.merges.push(m);
      }
    });
  }

  unmerge() {
    this.ctx.enqueue({ unmerge: true }, () => {
      const { sheet, rect } = this.resolveOne();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  select() {
    this.ctx.enqueue({ select: true }, () => {
      const { sheet, rect } = this.resolveOne();
      if (this.ctx.model.activeSheet !== sheet)
        throw fakeError("InvalidSelection", "Activate the sheet first.");
      this.ctx.model.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All") {
    this.ctx.enqueue({ clear: applyTo }, () => {
      const { sheet, rect } = this.resolveOne();
      const contents = applyTo !== "Formats";
      const formats = applyTo !== "Contents";
      sheet.values.forEach((row, r) =>
        row?.forEach((_v, c) => {
          if (contents && intersects(rect, { top: r, left: c, bottom: r, right: c })) {
            sheet.setValue(r, c, "");
            sheet.formulas.delete(`${r},${c}`);
          }
        }),
      );
      if (formats) {
        sheet.numberFormats.forEach((row, r) =>
          row?.forEach((_f, c) => {
            if (intersects(rect, { top: r, left: c, bottom: r, right: c })) delete row[c];
          }),
        );
        for (const key of [...sheet.styles.keys()]) {
          const [r, c] = key.split(",").map(Number) as [number, number];
          if (intersects(rect, { top: r, left: c, bottom: r, right: c })) sheet.styles.delete(key);
        }
      }
    });
  }

  getCellProperties(options: any): { value: any[][] } {
    const result: { value: any[][] } = {
      get value(): any[][] {
        throw notLoaded("value");
      },
    } as any;
    this.ctx.enqueue({ getCellProperties: options }, () => {
      const { sheet, rect } = this.resolveOne();
      const value = grid(rect, (r, c) => cellProperties(sheet, r, c, options));
      return { response: value, apply: () => Object.defineProperty(result, "value", { value }) };
    });
    return result;
  }

  setCellProperties(data: any[][]) {
    this.ctx.enqueue({ setCellProperties: data }, () => {
      const { sheet, rect } = this.resolveOne();
      if (
        data.length !== rect.bottom - rect.top + 1 ||
        data.some((row) => row.length !== rect.right - rect.left + 1)
      )
        throw fakeError("InvalidArgument", "setCellProperties: dimensions do not match the range.");
      cells(rect, (r, c, i, j) => {
        const f = data[i]![j]?.format;
        if (f) sheet.updateStyle(r, c, styleFromFormat(f));
      });
    });
  }
}

/** Excel refuses to change a locked cell of a protected sheet. */
function refuseLocked(sheet: SheetModel, rect: Rect) {
  if (!sheet.protection) return;
  cells(rect, (r, c) => {
    if (sheet.getStyle(r, c).locked)
      throw fakeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  });
}

const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

/** Checks a list source the way Excel does: a reference to an existing sheet, or a defined name. */
function checkListSource(ctx: FakeRequestContext, sheet: SheetModel, source: unknown) {
  if (typeof source !== "string" || !source.startsWith("="))
    throw fakeError("InvalidArgument", "The fake only models formula sources (=Sheet!A1:A9 or =Name).");
  const ref = source.slice(1);
  const bang = ref.lastIndexOf("!");
  if (bang < 0) {
    if (!ctx.model.names.has(ref) && !sheet.names.has(ref))
      throw fakeError("InvalidArgument", `The list source ${source} is not a valid reference.`);
    return;
  }
  const { sheet: target } = parseAddress(ref);
  if (target === null || !ctx.model.sheet(target))
    throw fakeError("InvalidArgument", `The list source ${source} refers to a missing sheet.`);
}

function dataValidation(ctx: FakeRequestContext, target: () => Target) {
  const entry = (): FakeValidation => {
    const { sheet, rect } = target();
    let v = sheet.dataValidations.find(
      (x) =>
        x.rect.top === rect.top &&
        x.rect.left === rect.left &&
        x.rect.bottom === rect.bottom &&
        x.rect.right === rect.right,
    );
    if (!v) {
      if (sheet.dataValidations.some((x) => intersects(x.rect, rect)))
        throw fakeError("InvalidOperation", "The range overlaps another data validation.");
      v = { rect, rule: {}, ignoreBlanks: true, prompt: null, errorAlert: null };
      sheet.dataValidations.push(v);
    }
    return v;
  };
  const text = (m: { title?: string; message?: string } | undefined) => {
    if ((m?.title ?? "").length > MAX_TITLE || (m?.message ?? "").length > MAX_MESSAGE)
      throw fakeError(
        "InvalidArgument",
        "Data validation titles are limited to 32 characters, messages to 255.",
      );
  };
  return {
    set rule(rule: Record<string, any>) {
      ctx.enqueue({ set: "dataValidation.rule", value: rule }, () => {
        const v = entry();
        if (Object.keys(v.rule).length > 0)
          throw fakeError("InvalidOperation", "Clear the existing rule before setting a new one.");
        const kinds = Object.keys(rule);
        if (kinds.length !== 1) throw fakeError("InvalidArgument", "A rule has exactly one kind.");
        if (rule["list"]) checkListSource(ctx, target().sheet, rule["list"].source);
        v.rule = rule;
      });
    },
    set ignoreBlanks(value: boolean) {
      ctx.enqueue({ set: "dataValidation.ignoreBlanks", value }, () => void (entry().ignoreBlanks = value));
    },
    set prompt(value: FakeValidation["prompt"]) {
      ctx.enqueue({ set: "dataValidation.prompt", value }, () => {
        text(value ?? undefined);
        entry().prompt = value;
      });
    },
    set errorAlert(value: FakeValidation["errorAlert"]) {
      ctx.enqueue({ set: "dataValidation.errorAlert", value }, () => {
        text(value ?? undefined);
        entry().errorAlert = value;
      });
    },
    clear() {
      ctx.enqueue({ clearDataValidation: true }, () => {
        const { sheet, rect } = target();
        for (let i = sheet.dataValidations.length - 1; i >= 0; i--)
          if (intersects(sheet.dataValidations[i]!.rect, rect)) sheet.dataValidations.splice(i, 1);
      });
    },
  };
}

function grid<T>(rect: Rect, at: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

/** Excel accepts a 2-D array of the range's exact shape, or a single value for every cell. */
function shaped(value: any, rect: Rect, what: string): (i: number, j: number) => any {
  if (!Array.isArray(value)) return () => value;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (value.length !== rows || value.some((row: unknown) => !Array.isArray(row) || row.length !== cols))
    throw fakeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  return (i, j) => value[i][j];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What a cell holds after a value is written to it, the way Excel parses typed input. */
function writeTyped(sheet: SheetModel, r: number, c: number, input: unknown, formulas = false) {
  const key = `${r},${c}`;
  sheet.formulas.delete(key);
  if (input === null || input === undefined) return; // null leaves the cell unchanged
  if (typeof input === "number" || typeof input === "boolean") return sheet.setValue(r, c, input);
  const text = String(input);
  if (text === "") return sheet.setValue(r, c, "");
  if (sheet.getFormat(r, c) === "@" && !formulas) return sheet.setValue(r, c, text);
  if (text.startsWith("'")) return sheet.setValue(r, c, text.slice(1)); // quote prefix: text as typed
  if (NUMBER.test(text.trim())) return sheet.setValue(r, c, Number(text));
  const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(text.trim());
  if (percent) {
    if (sheet.getFormat(r, c) === "General") sheet.setFormat(r, c, "0%");
    return sheet.setValue(r, c, Number(percent[1]) / 100);
  }
  if (/^(true|false)$/i.test(text)) return sheet.setValue(r, c, text.toUpperCase() === "TRUE");
  if (/^[=+\-@]/.test(text)) {
    const formula = text.startsWith("=") ? text : `=${text}`;
    sheet.formulas.set(key, formula);
    return sheet.setValue(r, c, evaluate(sheet, formula.slice(1)));
  }
  sheet.setValue(r, c, text);
}

/** A tiny evaluator: arithmetic on numbers, SUM of numbers, single cell references; else `#NAME?`. */
function evaluate(sheet: SheetModel, expr: string): FakeValue {
  const e = expr.trim();
  const ref = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(e);
  if (ref) {
    const { rect } = parseAddress(e);
    return sheet.getValue(rect.top, rect.left) || 0;
  }
  const sum = /^SUM\(([\d.,\s+-]*)\)$/i.exec(e);
  if (sum) return sum[1]!.split(",").reduce((acc, x) => acc + (Number(x) || 0), 0);
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

function cellProperties(sheet: SheetModel, r: number, c: number, options: any) {
  const s = sheet.getStyle(r, c);
  const out: any = {};
  if (options.address) out.address = fullAddress(sheet, { top: r, left: c, bottom: r, right: c });
  const f = options.format;
  if (f) {
    out.format = {};
    if (f.fill) {
      out.format.fill = {};
      if (f.fill === true || f.fill.color) out.format.fill.color = s.fill ?? "#FFFFFF";
      if (f.fill === true || f.fill.pattern) out.format.fill.pattern = s.fill ? s.pattern : "None";
    }
    if (f.font) {
      out.format.font = {};
      const all = f.font === true;
      if (all || f.font.bold) out.format.font.bold = s.bold;
      if (all || f.font.italic) out.format.font.italic = s.italic;
      if (all || f.font.color) out.format.font.color = s.fontColor;
      if (all || f.font.size) out.format.font.size = s.fontSize;
      if (all || f.font.name) out.format.font.name = s.fontName;
    }
    if (f.horizontalAlignment) out.format.horizontalAlignment = s.hAlign;
    if (f.verticalAlignment) out.format.verticalAlignment = s.vAlign;
    if (f.wrapText) out.format.wrapText = s.wrap;
  }
  return out;
}

function styleFromFormat(f: any): Partial<FakeStyle> {
  const patch: Partial<FakeStyle> = {};
  if (f.fill) {
    if (f.fill.pattern === "None") Object.assign(patch, { fill: null, pattern: "None" });
    else if (f.fill.color !== undefined)
      Object.assign(patch, { fill: normColor(f.fill.color), pattern: f.fill.pattern ?? "Solid" });
    else if (f.fill.pattern) patch.pattern = f.fill.pattern;
  }
  if (f.font) {
    if (f.font.bold !== undefined) patch.bold = f.font.bold;
    if (f.font.italic !== undefined) patch.italic = f.font.italic;
    if (f.font.color !== undefined) patch.fontColor = normColor(f.font.color);
    if (f.font.size !== undefined) patch.fontSize = f.font.size;
    if (f.font.name !== undefined) patch.fontName = f.font.name;
  }
  if (f.horizontalAlignment !== undefined) patch.hAlign = f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) patch.vAlign = f.verticalAlignment;
  if (f.wrapText !== undefined) patch.wrap = f.wrapText;
  return patch;
}

function normColor(color: string): string {
  const c = color.startsWith("#") ? color : `#${color}`;
  return c.toUpperCase();
}

// ---- formats (shared by Range and RangeAreas) --------------------------------------------------

function styleSetter(
  ctx: FakeRequestContext,
  areas: () => AreasTarget,
  name: string,
  patch: (v: any) => Partial<FakeStyle>,
) {
  return (value: any) =>
    ctx.enqueue({ set: name, value }, () => {
      const { sheet, rects } = areas();
      const p = patch(value);
      for (const rect of rects) cells(rect, (r, c) => sheet.updateStyle(r, c, p));
    });
}

function uniform(areas: AreasTarget, pick: (s: FakeStyle) => unknown): unknown {
  let first: unknown;
  let seen = false;
  for (const rect of areas.rects) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const v = pick(areas.sheet.getStyle(r, c));
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
  }
  return first;
}

class FakeStylePart extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly areas: () => AreasTarget,
    private readonly picks: Record<string, (s: FakeStyle) => unknown>,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]) {
    const a = this.areas();
    return Object.fromEntries(props.map((p) => [p, this.picks[p] ? uniform(a, this.picks[p]!) : undefined]));
  }
  protected defaultProps() {
    return Object.keys(this.picks);
  }
  getLoaded(prop: string) {
    return this.read(prop);
  }
}

export class FakeRangeFormat extends FakeStylePart {
  readonly fill: any;
  readonly font: any;
  readonly borders: any;
  readonly protection: any;

  constructor(
    private readonly c: FakeRequestContext,
    private readonly a: () => AreasTarget,
  ) {
    super(c, a, {
      horizontalAlignment: (s) => s.hAlign,
      verticalAlignment: (s) => s.vAlign,
      wrapText: (s) => s.wrap,
    });
    const fill = new FakeStylePart(c, a, {
      color: (s) => s.fill ?? "#FFFFFF",
      pattern: (s) => (s.fill ? s.pattern : "None"),
    });
    this.fill = Object.defineProperties(fill, {
      color: {
        get: () => fill.getLoaded("color"),
        set: styleSetter(c, a, "fill.color", (v) => ({ fill: normColor(v), pattern: "Solid" })),
      },
      clear: { value: () => styleSetter(c, a, "fill.clear", () => ({ fill: null, pattern: "None" }))(true) },
    });
    const font = new FakeStylePart(c, a, {
      bold: (s) => s.bold,
      italic: (s) => s.italic,
      color: (s) => s.fontColor,
      size: (s) => s.fontSize,
      name: (s) => s.fontName,
    });
    const fontProp = (prop: string, key: keyof FakeStyle, norm = (v: any) => v) => ({
      get: () => font.getLoaded(prop),
      set: styleSetter(c, a, `font.${prop}`, (v) => ({ [key]: norm(v) })),
    });
    this.font = Object.defineProperties(font, {
      bold: fontProp("bold", "bold"),
      italic: fontProp("italic", "italic"),
      color: fontProp("color", "fontColor", normColor),
      size: fontProp("size", "fontSize"),
      name: fontProp("name", "fontName"),
    });
    this.protection = Object.defineProperties(
      {},
      { locked: { set: styleSetter(c, a, "protection.locked", (v) => ({ locked: v !== false })) } },
    );
    const edge = {
      style: undefined as unknown,
    };
    this.borders = {
      getItem: () =>
        Object.defineProperties(
          { ...edge },
          {
            style: { set: styleSetter(c, a, "border.style", (v) => ({ border: v !== "None" })) },
            color: { set: (v: string) => c.enqueue({ set: "border.color", value: v }, () => {}) },
            weight: { set: (v: string) => c.enqueue({ set: "border.weight", value: v }, () => {}) },
          },
        ),
    };
  }

  get horizontalAlignment() {
    return this.getLoaded("horizontalAlignment");
  }
  set horizontalAlignment(v: any) {
    styleSetter(this.c, this.a, "horizontalAlignment", (x) => ({ hAlign: x }))(v);
  }
  get verticalAlignment() {
    return this.getLoaded("verticalAlignment");
  }
  set verticalAlignment(v: any) {
    styleSetter(this.c, this.a, "verticalAlignment", (x) => ({ vAlign: x }))(v);
  }
  get wrapText() {
    return this.getLoaded("wrapText");
  }
  set wrapText(v: any) {
    styleSetter(this.c, this.a, "wrapText", (x) => ({ wrap: x }))(v);
  }
  set columnWidth(v: number) {
    this.c.enqueue({ set: "columnWidth", value: v }, () => {
      const { sheet, rects } = this.a();
      for (const rect of rects)
        for (let col = rect.left; col <= rect.right; col++) sheet.columnWidths.set(col, v);
    });
  }
  set rowHeight(v: number) {
    this.c.enqueue({ set: "rowHeight", value: v }, () => {
      const { sheet, rects } = this.a();
      for (const rect of rects)
        for (let row = rect.top; row <= rect.bottom; row++) sheet.rowHeights.set(row, v);
    });
  }
  set indentLevel(v: number) {
    this.c.enqueue({ set: "indentLevel", value: v }, () => {});
  }
}

function conditionalFormats(ctx: FakeRequestContext, areas: () => AreasTarget) {
  return {
    add: (type: string) => {
      const props: Record<string, unknown> = {};
      ctx.enqueue({ addConditionalFormat: type }, () => {
        const { sheet, rects } = areas();
        for (const rect of rects) sheet.conditionalFormats.push({ rect, type, props });
      });
      return recorder(ctx, "conditionalFormat", () => props);
    },
    clearAll: () =>
      ctx.enqueue({ clearConditionalFormats: true }, () => {
        const { sheet, rects } = areas();
        for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--)
          if (rects.some((r) => intersects(r, sheet.conditionalFormats[i]!.rect)))
            sheet.conditionalFormats.splice(i, 1);
      }),
  };
}

export class FakeRangeAreas extends FakeObject {
  readonly resolve: () => AreasTarget | null;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: any;
  readonly areas: { load: (o?: any) => any; items: FakeRange[] };

  constructor(ctx: FakeRequestContext, resolve: () => AreasTarget | null) {
    super(ctx);
    this.resolve = lazy(resolve);
    const sure = () => {
      const t = this.resolve();
      if (!t) throw fakeError("ItemNotFound", "The range areas object is a null object.");
      return t;
    };
    this.format = new FakeRangeFormat(ctx, sure);
    this.conditionalFormats = conditionalFormats(ctx, sure);
    let items: FakeRange[] | null = null;
    const resolveAreas = this.resolve;
    this.areas = {
      load(option?: any) {
        const props = parseLoad(option).map((p) => p.replace(/^items\//, ""));
        ctx.enqueue({ load: "RangeCollection", props }, () => {
          const t = resolveAreas();
          const list = t ? t.rects.map((rect) => new FakeRange(ctx, () => ({ sheet: t.sheet, rect }))) : [];
          const snaps = list.map((r) => r.snapshotPublic(props.length ? props : ["address"]));
          return {
            response: snaps,
            apply: () => {
              list.forEach((r, i) => r.setLoaded(snaps[i]!));
              items = list;
            },
          };
        });
        return this;
      },
      get items(): FakeRange[] {
        if (!items) throw notLoaded("items");
        return items;
      },
    };
  }

  protected defaultProps() {
    return ["address", "areaCount"];
  }
  protected snapshot(props: string[]) {
    const t = this.resolve();
    if (!t) return null;
    const all: Record<string, unknown> = {
      address: t.rects.map((r) => fullAddress(t.sheet, r)).join(","),
      areaCount: t.rects.length,
      cellCount: t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0),
    };
    return Object.fromEntries(props.map((p) => [p, all[p]]));
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

// ---- names, custom properties, settings ---------------------------------------------------------

class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveItem: () => { map: Map<string, string>; name: string } | null,
  ) {
    super(ctx);
  }
  protected defaultProps() {
    return ["name", "formula", "value", "visible"];
  }
  protected snapshot(props: string[]) {
    const t = this.resolveItem();
    if (!t) return null;
    const formula = t.map.get(t.name)!;
    const constant = /^="(.*)"$/.exec(formula);
    const all: Record<string, unknown> = {
      name: t.name,
      formula,
      value: constant ? constant[1]!.replace(/""/g, '"') : formula,
      visible: !t.map.has(`hidden:${t.name}`),
    };
    return Object.fromEntries(props.map((p) => [p, all[p]]));
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get value(): string {
    return this.read("value");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.write("visible", v, () => {
      const t = this.resolveItem();
      if (!t) return;
      if (v) t.map.delete(`hidden:${t.name}`);
      else t.map.set(`hidden:${t.name}`, "1");
    });
  }
  delete() {
    this.ctx.enqueue({ deleteName: true }, () => {
      const t = this.resolveItem();
      t?.map.delete(t.name);
    });
  }
}

class FakeNamedItemCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly map: () => Map<string, string>,
  ) {}
  add(name: string, reference: string | FakeRange, comment?: string) {
    let created = "";
    this.ctx.enqueue({ addName: name, comment }, () => {
      const names = this.map();
      if (names.has(name)) throw fakeError("ItemAlreadyExists", `The name ${name} already exists.`);
      const formula =
        typeof reference === "string"
          ? reference.startsWith("=")
            ? reference
            : `=${reference}`
          : `=${fullAddress(reference.resolveOne().sheet, reference.resolveOne().rect)}`;
      names.set(name, formula);
      created = name;
    });
    return new FakeNamedItem(this.ctx, () => (created ? { map: this.map(), name: created } : null));
  }
  getItemOrNullObject(name: string) {
    return new FakeNamedItem(this.ctx, () => {
      const map = this.map();
      return map.has(name) ? { map, name } : null;
    });
  }
  getItem(name: string) {
    return new FakeNamedItem(this.ctx, () => {
      const map = this.map();
      if (!map.has(name)) throw fakeError("ItemNotFound", `No name ${name}.`);
      return { map, name };
    });
  }
}

class FakeKeyValue extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveItem: () => { map: Map<string, unknown>; key: string } | null,
    private readonly json: boolean,
  ) {
    super(ctx);
  }
  protected defaultProps() {
    return ["key", "value"];
  }
  protected snapshot(props: string[]) {
    const t = this.resolveItem();
    if (!t) return null;
    const raw = t.map.get(t.key);
    const value = this.json ? JSON.parse(raw as string) : raw;
    return Object.fromEntries(props.map((p) => [p, p === "key" ? t.key : value]));
  }
  get key(): string {
    return this.read("key");
  }
  get value(): any {
    return this.read("value");
  }
  set value(v: any) {
    this.write("value", v, () => {
      const t = this.resolveItem();
      if (t) t.map.set(t.key, this.json ? JSON.stringify(v) : String(v));
    });
  }
  delete() {
    this.ctx.enqueue({ delete: "keyValue" }, () => {
      const t = this.resolveItem();
      t?.map.delete(t.key);
    });
  }
}

class FakeCustomPropertyCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetModel,
  ) {}
  add(key: string, value: string) {
    this.ctx.enqueue({ addCustomProperty: key, value }, () => {
      if (value.length > 255)
        throw fakeError("InvalidArgument", "Custom property values are limited to 255 characters.");
      this.sheet().customProperties.set(key, value);
    });
    return new FakeKeyValue(this.ctx, () => ({ map: this.sheet().customProperties, key }), false);
  }
  getItemOrNullObject(key: string) {
    return new FakeKeyValue(
      this.ctx,
      () => {
        const map = this.sheet().customProperties;
        return map.has(key) ? { map, key } : null;
      },
      false,
    );
  }
}

/** `workbook.settings` (ExcelApi 1.4): values are stored as JSON inside the document. */
class FakeSettingCollection {
  constructor(private readonly ctx: FakeRequestContext) {}
  add(key: string, value: unknown) {
    this.ctx.enqueue({ addSetting: key, value }, () => {
      this.ctx.model.settings.set(key, JSON.stringify(value));
    });
    return new FakeKeyValue(this.ctx, () => ({ map: this.ctx.model.settings, key }), true);
  }
  getItemOrNullObject(key: string) {
    return new FakeKeyValue(
      this.ctx,
      () => {
        const map = this.ctx.model.settings;
        return map.has(key) ? { map, key } : null;
      },
      true,
    );
  }
}

export { DEFAULT_STYLE };
