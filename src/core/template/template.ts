/**
 * The standard template (标准台账, SPEC §2/§10): the sheet units fill in, made so that it can hardly
 * be filled wrongly — drop-down lists drawn from a hidden `选项` sheet (never a literal list, which
 * breaks past 255 characters), date and 0–100 rules with input prompts, a frozen header, widths and
 * print setup. Pre-filled for one unit, the cells that define a task (任务编号, 任务类别, 重点任务,
 * 完成时限) are locked and everything else stays open.
 */
import type { CellRange } from "../grid";
import { type ColumnKey, COLUMNS, STATUSES } from "../ledger";
import type { CellStyle, PlanCell, PlanValidation, SheetPlan, ValidationRule } from "../plan";
import { CopyStyles, DATE_FORMAT } from "../collect/copy-cell";
import type { CellsById } from "../collect/ledger-table";

export const TEMPLATE_SHEET = "重点任务台账";
export const OPTIONS_SHEET = "选项";
/** Replaced without asking when ours (插入标准台账): the hidden lists hold nothing of the user's. */
export const TEMPLATE_REWRITTEN: ReadonlySet<string> = new Set([OPTIONS_SHEET]);
export const TEMPLATE_TITLE = "基层党建工作重点任务推进台账";

/** The cells of a pre-filled task: by column id (`k:<key>` for §2 columns, `u:<header>` for others). */
export interface TemplateRow {
  readonly cells: CellsById;
  readonly date1904: boolean;
}

export interface TemplateInput {
  /** 填报单位, filled in when given. */
  readonly unit?: string | null;
  /** 任务类别 choices (设置's list, else the default). */
  readonly categories: readonly string[];
  /** 责任单位 choices: the roster's names; none means no list on that column. */
  readonly units: readonly string[];
  /** Columns after 备注 (the master's own columns), headers as typed, with their column ids. */
  readonly extraColumns?: ReadonlyArray<{ readonly id: string; readonly header: string }>;
  /** Tasks to pre-fill (locks the task-defining cells and protects the sheet). */
  readonly rows?: readonly TemplateRow[];
  /** Empty rows offered after the pre-filled ones (default 30; 50 for a blank template). */
  readonly blankRows?: number;
  /** The sheet's name (the add-in picks another when the workbook has a sheet of this name). */
  readonly sheetName?: string;
}

/** Task-defining columns, locked in a pre-filled template (SPEC §10). */
export const LOCKED_KEYS: ReadonlySet<ColumnKey> = new Set(["taskId", "category", "task", "deadline"]);

const WIDTHS: Readonly<Record<string, number>> = {
  seq: 6,
  taskId: 12,
  category: 14,
  task: 40,
  unit: 16,
  owner: 10,
  deadline: 12,
  status: 10,
  progress: 10,
  doneDate: 12,
  evidence: 24,
  note: 16,
};

/** 0-based rows: title, 填报单位/填报日期, header; data from `FIRST_DATA_ROW`. */
export const TITLE_ROW = 0;
export const FILING_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

const PROMPTS: Partial<Record<ColumnKey, { title: string; text: string }>> = {
  category: { title: "任务类别", text: "请从下拉列表中选择任务类别。" },
  unit: { title: "责任单位", text: "请从下拉列表中选择责任单位（按单位名册的全称）。" },
  deadline: { title: "完成时限", text: "请填写日期，如 2022-10-31。" },
  status: { title: "推进状态", text: "未启动、推进中、已完成、已销号（已销号须附佐证材料）。" },
  progress: { title: "完成进度", text: "填写 0–100 的数字（百分点）；已完成、已销号填 100，未启动填 0。" },
  doneDate: { title: "完成时间", text: "已完成、已销号的任务填写实际完成日期；未完成的不填。" },
};

/** The template's sheets, in the order to write them: `选项` (hidden) first, then the ledger. */
export function buildTemplateSheets(input: TemplateInput): SheetPlan[] {
  return [buildOptionsSheet(input), buildTemplateSheet(input)];
}

/** `选项`: the lists the drop-downs read (推进状态, 任务类别, 责任单位), one per column, hidden. */
export function buildOptionsSheet(input: TemplateInput): SheetPlan {
  const lists = optionLists(input);
  const rows: PlanCell[][] = [];
  const height = lists.reduce((max, l) => Math.max(max, l.values.length), -Infinity) + 1;
  for (let r = 0; r < height; r++) {
    rows.push(
      lists.map((l) => {
        const v = r === 0 ? l.header : l.values[r - 1];
        return v === undefined ? null : { value: v, style: r === 0 ? "head" : "text" };
      }) as PlanCell[],
    );
  }
  return {
    name: OPTIONS_SHEET,
    kind: "template",
    visibility: "hidden",
    rows,
    styles: { head: { bold: true }, text: {} },
    merges: [],
    columnWidths: lists.map(() => 20),
  };
}

function optionLists(input: TemplateInput) {
  return [
    { key: "status" as const, header: "推进状态", values: [...STATUSES] as string[] },
    { key: "category" as const, header: "任务类别", values: [...input.categories] },
    { key: "unit" as const, header: "责任单位", values: [...input.units] },
  ];
}

/** A column of the template: a §2 column (`k:<key>`) or one of the master's own (`key` null). */
interface TemplateColumn {
  readonly id: string;
  readonly header: string;
  readonly key: ColumnKey | null;
}

/** The ledger sheet of the template. */
export function buildTemplateSheet(input: TemplateInput): SheetPlan {
  const extras = input.extraColumns ?? [];
  const columns: TemplateColumn[] = [
    ...COLUMNS.map((c) => ({ id: `k:${c.key}`, header: c.header, key: c.key as ColumnKey | null })),
    ...extras.map((e) => ({ id: e.id, header: e.header, key: null as ColumnKey | null })),
  ];
  const last = columns.length - 1;
  const prefilled = input.rows ?? [];
  const protect = prefilled.length > 0;
  const blank = input.blankRows ?? (prefilled.length > 0 ? 30 : 50);
  const lastDataRow = FIRST_DATA_ROW + prefilled.length + blank - 1;

  const cellBase: CellStyle = { border: true, vAlign: "middle", wrap: true };
  const open = new CopyStyles({ ...cellBase, locked: false }, "o");
  const locked = new CopyStyles({ ...cellBase, fill: "F2F2F2" }, "l");
  const rows = templateRows(input, columns, lastDataRow, open, locked);
  const widths = columns.map((c) => (c.key !== null ? (WIDTHS[c.key] ?? 12) : 14));
  return {
    name: input.sheetName ?? TEMPLATE_SHEET,
    kind: "template",
    rows,
    styles: { ...FIXED_STYLES, ...open.styles, ...locked.styles },
    merges: [
      { top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: last },
      { top: FILING_ROW, left: 0, bottom: FILING_ROW, right: 1 },
      { top: FILING_ROW, left: 2, bottom: FILING_ROW, right: 5 },
      { top: FILING_ROW, left: 7, bottom: FILING_ROW, right: 8 },
    ],
    columnWidths: widths,
    rowHeights: { [TITLE_ROW]: 30, [HEADER_ROW]: 30 },
    freeze: { rows: FIRST_DATA_ROW, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      centerHorizontally: true,
    },
    validations: templateValidations(input, columns, lastDataRow),
    ...(protect
      ? { protection: { allowFormatColumns: true, allowFormatRows: true, allowInsertRows: true } }
      : {}),
  };
}

/** The styles of the title, 填报单位/填报日期 and header cells (the data cells' come from `CopyStyles`). */
const FIXED_STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 16, hAlign: "center", vAlign: "middle" },
  label: { bold: true, hAlign: "right", vAlign: "middle" },
  filing: { vAlign: "middle", locked: false, border: true },
  filingDate: { vAlign: "middle", hAlign: "center", numFmt: DATE_FORMAT, locked: false, border: true },
  head: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle", wrap: true },
  headRequired: {
    bold: true,
    fill: "DDEBF7",
    fontColor: "C00000",
    border: true,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
  },
};

/**
 * The title, 填报单位/填报日期, the header (required columns in red), the pre-filled tasks (their
 * task-defining cells locked) and the blank rows down to `lastDataRow`.
 */
function templateRows(
  input: TemplateInput,
  columns: readonly TemplateColumn[],
  lastDataRow: number,
  open: CopyStyles,
  locked: CopyStyles,
): Array<Array<PlanCell | null>> {
  const prefilled = input.rows ?? [];
  const dateColumn = columns.map((c) => c.key === "deadline" || c.key === "doneDate");
  const rows: Array<Array<PlanCell | null>> = [];
  rows[TITLE_ROW] = [{ value: TEMPLATE_TITLE, style: "title" }];
  rows[FILING_ROW] = [
    { value: "填报单位：", style: "label" },
    null,
    { value: input.unit ?? null, style: "filing" },
    null,
    null,
    null,
    { value: "填报日期：", style: "label" },
    { value: null, style: "filingDate" },
    null,
  ];
  rows[HEADER_ROW] = columns.map((c) => ({
    value: c.header,
    style: c.key !== null && isRequired(c.key) ? "headRequired" : "head",
  }));
  prefilled.forEach((task, i) => {
    rows[FIRST_DATA_ROW + i] = columns.map((c, j) => {
      const styles = c.key !== null && LOCKED_KEYS.has(c.key) ? locked : open;
      const raw = task.cells.get(c.id);
      if (raw === undefined)
        return { value: null, style: styles.id(dateColumn[j] ? DATE_FORMAT : undefined) };
      return styles.cell(raw, { date1904: task.date1904, dateColumn: dateColumn[j]! });
    });
  });
  for (let r = FIRST_DATA_ROW + prefilled.length; r <= lastDataRow; r++) {
    rows[r] = columns.map((_, j) => ({
      value: null,
      style: open.id(dateColumn[j] ? DATE_FORMAT : undefined),
    }));
  }
  return rows;
}

/**
 * The data rows' rules (SPEC §2): drop-downs from `选项` (a warning for 责任单位, whose aliases
 * validation accepts), dates in 2000–2099 for 完成时限/完成时间/填报日期, 完成进度 0–100.
 */
function templateValidations(
  input: TemplateInput,
  columns: readonly TemplateColumn[],
  lastDataRow: number,
): PlanValidation[] {
  const column = (key: ColumnKey) => columns.findIndex((c) => c.key === key);
  const dataRange = (c: number): CellRange => ({
    top: FIRST_DATA_ROW,
    left: c,
    bottom: lastDataRow,
    right: c,
  });
  const lists = optionLists(input);
  const validations: PlanValidation[] = [];
  const add = (key: ColumnKey, rule: ValidationRule, error: string, style: "stop" | "warning" = "stop") => {
    const prompt = PROMPTS[key];
    validations.push({
      range: dataRange(column(key)),
      rule,
      allowBlank: true,
      ...(prompt ? { prompt } : {}),
      error: { title: prompt?.title ?? "输入有误", text: error, style },
    });
  };
  lists.forEach((list, i) => {
    if (list.values.length === 0) return;
    const source = { sheet: OPTIONS_SHEET, range: { top: 1, left: i, bottom: list.values.length, right: i } };
    add(
      list.key,
      { type: "list", source },
      `请从下拉列表中选择${list.header}。`,
      // Units may write a roster alias, which validation accepts (with a warning): ask, don't refuse.
      list.key === "unit" ? "warning" : "stop",
    );
  });
  const dates: ValidationRule = { type: "date", min: "2000-01-01", max: "2099-12-31" };
  add("deadline", dates, "请填写 2000—2099 年间的日期，如 2022-10-31。");
  add("doneDate", dates, "请填写 2000—2099 年间的日期，如 2022-10-31。");
  add("progress", { type: "decimal", min: 0, max: 100 }, "完成进度应为 0–100 之间的数字。");
  validations.push({
    range: { top: FILING_ROW, left: 7, bottom: FILING_ROW, right: 8 },
    rule: dates,
    allowBlank: true,
    prompt: { title: "填报日期", text: "请填写本次报送的日期；同一单位多次报送时以填报日期较晚的为准。" },
    error: { title: "填报日期", text: "请填写 2000—2099 年间的日期，如 2022-11-05。", style: "stop" },
  });
  return validations;
}

function isRequired(key: ColumnKey): boolean {
  return COLUMNS.find((c) => c.key === key)?.required ?? false;
}
