/**
 * How each unit fills its ledger (its "hand"): the layout, the header texts, the forms of dates,
 * percentages and statuses. Every form here is LEGAL per SPEC §2–§3; the only issues they cause are
 * the warnings the generator records (`nonstandard-value` for synonyms and aliases, `unknown-column`
 * for extra columns). Genuine mistakes are planted separately (`PLANTS`).
 */

/** A ledger field (SPEC §2 key) or an extra column that SPEC does not know. */
export type Field =
  | "seq"
  | "taskId"
  | "category"
  | "task"
  | "unit"
  | "owner"
  | "deadline"
  | "status"
  | "progress"
  | "doneDate"
  | "evidence"
  | "note"
  | "phone"
  | "leader";

export type Column = readonly [Field, string];

/** Canonical headers. */
const COLS_A: readonly Column[] = [
  ["seq", "序号"],
  ["taskId", "任务编号"],
  ["category", "任务类别"],
  ["task", "重点任务"],
  ["unit", "责任单位"],
  ["owner", "责任人"],
  ["deadline", "完成时限"],
  ["status", "推进状态"],
  ["progress", "完成进度"],
  ["doneDate", "完成时间"],
  ["evidence", "佐证材料"],
  ["note", "备注"],
];

/** Canonical headers with `*` marks on the required ones and `（%）` on the progress. */
const COLS_A_STAR: readonly Column[] = [
  ["seq", "序号"],
  ["taskId", "*任务编号"],
  ["category", "*任务类别"],
  ["task", "*重点任务"],
  ["unit", "*责任单位"],
  ["owner", "*责任人"],
  ["deadline", "*完成时限"],
  ["status", "*推进状态"],
  ["progress", "*完成进度（%）"],
  ["doneDate", "完成时间"],
  ["evidence", "佐证材料"],
  ["note", "备注"],
];

/** Accepted aliases, a line break and full-width brackets. */
const COLS_B: readonly Column[] = [
  ["seq", "序号"],
  ["taskId", "任务编号"],
  ["category", "任务类别"],
  ["task", "重点任务"],
  ["unit", "牵头单位"],
  ["owner", "责任人"],
  ["deadline", "计划完成时间"],
  ["status", "完成情况"],
  ["progress", "完成进度\n（%）"],
  ["doneDate", "实际完成时间"],
  ["evidence", "佐证资料"],
  ["note", "备注"],
];

/** Another order, other aliases, an unknown column 联系电话. */
const COLS_C: readonly Column[] = [
  ["seq", "序号"],
  ["category", "任务类别"],
  ["taskId", "任务编号"],
  ["task", "工作任务"],
  ["unit", "责任单位"],
  ["owner", "具体责任人"],
  ["phone", "联系电话"],
  ["deadline", "时间节点"],
  ["status", "进展状态"],
  ["progress", "进度(%)"],
  ["doneDate", "办结时间"],
  ["evidence", "印证材料"],
  ["note", "说明"],
];

/** The short aliases and a full-width percent sign. */
const COLS_D: readonly Column[] = [
  ["seq", "序"],
  ["taskId", "编号"],
  ["category", "类别"],
  ["task", "任务内容"],
  ["unit", "单位"],
  ["owner", "联系人"],
  ["deadline", "截止时间"],
  ["status", "状态"],
  ["progress", "完成进度（％）"],
  ["doneDate", "完成时间"],
  ["evidence", "佐证"],
  ["note", "备注"],
];

/** No 序号, status before the dates, spaces inside a header, square brackets. */
const COLS_E: readonly Column[] = [
  ["taskId", "任务代码"],
  ["task", "任务名称"],
  ["category", "工作类别"],
  ["unit", "责任单位"],
  ["owner", "责 任 人"],
  ["status", "推进状态"],
  ["progress", "完成进度[%]"],
  ["deadline", "完成时限"],
  ["doneDate", "完成时间"],
  ["evidence", "佐证材料"],
  ["note", "备注"],
];

/** Canonical plus an unknown column 分管领导. */
const COLS_F: readonly Column[] = [
  ["seq", "序号"],
  ["taskId", "任务编号"],
  ["category", "任务类别"],
  ["task", "重点任务"],
  ["unit", "责任单位"],
  ["owner", "责任人"],
  ["leader", "分管领导"],
  ["deadline", "完成时限"],
  ["status", "推进状态"],
  ["progress", "完成进度（%）"],
  ["doneDate", "完成时间"],
  ["evidence", "佐证材料"],
  ["note", "备注"],
];

/**
 * Forms of a date cell:
 * date — a real date cell (`yyyy-mm-dd`); date-cn — a real date cell shown as `yyyy"年"m"月"d"日"`;
 * serial — a number with a date format; cn `2022年9月30日`; dot `2022.9.30`; slash `2022/9/30`;
 * dash `2022-09-30`; datetime `2022-09-30 00:00:00`; ymd-string `"20220930"`; ymd-number 20220930;
 * fullwidth `２０２２-９-３０`; mixed — one of the above per cell.
 */
export type DateForm =
  | "date"
  | "date-cn"
  | "serial"
  | "cn"
  | "dot"
  | "slash"
  | "dash"
  | "datetime"
  | "ymd-string"
  | "ymd-number"
  | "fullwidth"
  | "mixed";

/** pct — 0.8 with `0%`; number — 80; string — `"80%"`; mixed — any legal form per cell. */
export type ProgressForm = "pct" | "number" | "string" | "mixed";

export interface Hand {
  readonly columns: readonly Column[];
  readonly sheetName: string;
  /** Title rows above the header (merged across). */
  readonly titleRows: 0 | 1 | 2;
  /** A `填报单位：…  填报日期：…` row above the header. */
  readonly metaRow: boolean;
  /** `填表说明：…` and `填报人：…` rows after the data. */
  readonly footer: boolean;
  readonly deadline: DateForm;
  readonly doneDate: DateForm;
  readonly progress: ProgressForm;
  /** Share of status cells written as a synonym (完成, 已办结, 进行中, 未开始, 销号). */
  readonly synonymRate: number;
  /** name; alias — the first alias on every row; alias-some — on about a third; merged — merged per category block. */
  readonly unitForm: "name" | "alias" | "alias-some" | "merged";
  /** The category cell merged over its block. */
  readonly mergeCategory: boolean;
  /** code `CS-03`; year-code `2022-CS-03`; numeric 1001 (a number cell in a text column). */
  readonly taskId: "code" | "year-code" | "numeric";
  /** 序号 as numbers or as `=ROW()-n` formulas with cached results. */
  readonly seq: "number" | "formula";
  /** 重点任务 as rich text (a bold lead). */
  readonly richText?: boolean;
  /** The workbook uses the 1904 date system (dates as real date cells). */
  readonly date1904?: boolean;
  /** An extra empty sheet `Sheet2`. */
  readonly extraSheet?: boolean;
  /** Some owner cells carry stray spaces (` 张伟 `), which trimming removes. */
  readonly paddedOwners?: boolean;
}

const BASE: Hand = {
  columns: COLS_A,
  sheetName: "重点任务台账",
  titleRows: 1,
  metaRow: true,
  footer: false,
  deadline: "date",
  doneDate: "date",
  progress: "pct",
  synonymRate: 0,
  unitForm: "name",
  mergeCategory: false,
  taskId: "code",
  seq: "number",
};

const hand = (h: Partial<Hand>): Hand => ({ ...BASE, ...h });

export const HANDS: Record<string, Hand> = {
  青山区: hand({ unitForm: "merged", mergeCategory: true, footer: true }),
  江南区: hand({ columns: COLS_B, deadline: "cn", doneDate: "cn", progress: "number", synonymRate: 0.2 }),
  东湖区: hand({
    columns: COLS_C,
    titleRows: 2,
    deadline: "serial",
    doneDate: "dot",
    progress: "string",
    seq: "formula",
  }),
  北湖区: hand({
    columns: COLS_D,
    titleRows: 0,
    deadline: "slash",
    doneDate: "ymd-string",
    progress: "mixed",
    synonymRate: 0.15,
    unitForm: "merged",
  }),
  浮溪县: hand({
    columns: COLS_A_STAR,
    deadline: "fullwidth",
    doneDate: "date-cn",
    unitForm: "alias-some",
    footer: true,
  }),
  乐安市: hand({
    columns: COLS_E,
    deadline: "ymd-number",
    doneDate: "ymd-number",
    progress: "number",
    taskId: "numeric",
  }),
  云岭县: hand({ columns: COLS_B, deadline: "mixed", doneDate: "mixed", progress: "string", metaRow: false }),
  白鹭县: hand({
    date1904: true,
    synonymRate: 0.2,
    deadline: "date-cn",
    doneDate: "date",
    paddedOwners: true,
  }),
  桃源县: hand({ columns: COLS_C, deadline: "dash", doneDate: "datetime", progress: "number", titleRows: 0 }),
  江城高新区: hand({ columns: COLS_B, unitForm: "alias", taskId: "year-code" }),
  江城经开区: hand({
    unitForm: "alias-some",
    synonymRate: 0.2,
    deadline: "cn",
    doneDate: "cn",
    footer: true,
  }),
  临空经济区: hand({
    columns: COLS_D,
    deadline: "serial",
    doneDate: "serial",
    progress: "number",
    metaRow: false,
  }),
  江城综合保税区: hand({
    columns: COLS_E,
    deadline: "slash",
    doneDate: "slash",
    progress: "string",
    sheetName: "Sheet1",
    extraSheet: true,
    titleRows: 0,
    metaRow: false,
  }),
  市教育局: hand({ richText: true, titleRows: 2, footer: true }),
  市卫生健康委: hand({
    columns: COLS_B,
    unitForm: "alias",
    deadline: "cn",
    doneDate: "cn",
    synonymRate: 0.1,
  }),
  市民政局: hand({ columns: COLS_C, deadline: "dot", doneDate: "dot", progress: "mixed" }),
  市人社局: hand({
    deadline: "slash",
    doneDate: "slash",
    progress: "mixed",
    unitForm: "merged",
    mergeCategory: true,
  }),
  市住建局: hand({ columns: COLS_D, deadline: "ymd-string", doneDate: "ymd-string", synonymRate: 0.15 }),
  市农业农村局: hand({ columns: COLS_E, progress: "pct", unitForm: "alias-some", footer: true }),
  市商务局: hand({}),
  江城城投集团: hand({ columns: COLS_F, unitForm: "alias-some", seq: "formula" }),
  江城交投集团: hand({ columns: COLS_C, deadline: "mixed", doneDate: "mixed", progress: "number" }),
  江城国控集团: hand({ deadline: "serial", doneDate: "serial", progress: "number", taskId: "year-code" }),
  江城水务集团: hand({ columns: COLS_B, deadline: "fullwidth", doneDate: "fullwidth", progress: "string" }),
  江城文旅集团: hand({
    columns: COLS_D,
    deadline: "cn",
    doneDate: "date-cn",
    synonymRate: 0.2,
    titleRows: 2,
  }),
};

/**
 * A genuine mistake planted in one unit's ledger in one period. Each kind triggers exactly one
 * SPEC §4 code (or one warning), on one cell:
 */
export type PlantKind =
  /** 完成时限 `10月底` on a not-completed row → invalid-date */
  | "deadline-month-end"
  /** 完成时限 `2022.10.31前` → invalid-date */
  | "deadline-suffix"
  /** 完成时间 `2022年9月31日` (no such day) on a completed row → invalid-date */
  | "done-date-impossible"
  /** 已完成 with progress 80 → status-progress-mismatch (on the progress cell) */
  | "completed-80"
  /** 未启动 with progress 20 → status-progress-mismatch */
  | "not-started-20"
  /** 已完成 with 完成时间 empty → done-date-missing */
  | "done-date-missing"
  /** 推进中 with a past 完成时间 → done-date-unexpected */
  | "done-date-unexpected"
  /** 已完成 / 已销号 with 完成时间 after the as-of date → done-date-in-future */
  | "done-date-future"
  /** 已销号 with 佐证材料 empty → evidence-missing */
  | "evidence-missing"
  /** a later row repeats an earlier row's 任务编号 → duplicate-task (on the later taskId cell) */
  | "duplicate-task"
  /** 推进状态 `完成了吧` → invalid-enum */
  | "status-invalid"
  /** 任务类别 `党建引领` → invalid-enum */
  | "category-invalid"
  /** 责任单位 misspelt → unknown-unit */
  | "unit-typo"
  /** 完成进度 120 on a 推进中 row → out-of-range */
  | "progress-120"
  /** 完成进度 `=VLOOKUP(…)` cached as #N/A → formula-error */
  | "progress-na"
  /** 完成时限 `=…` cached as #REF! → formula-error */
  | "deadline-ref"
  /** 责任人 empty → required-missing */
  | "owner-empty"
  /** 责任人 white space only → required-missing */
  | "owner-blank"
  /** 完成时限 empty → required-missing */
  | "deadline-empty"
  /** 完成进度 0.5 as a plain number on a 推进中 row → ambiguous-percent (warning) */
  | "progress-ambiguous"
  /** an empty row between data rows → blank-row (warning, cell = column A of that row) */
  | "blank-row";

export interface Plant {
  readonly period: 1 | 2;
  readonly unit: string;
  readonly kind: PlantKind;
  /** For unit-typo: the misspelt name. For progress-120: the form (`"120%"` string or number). */
  readonly text?: string;
}

export const PLANTS: readonly Plant[] = [
  // Period 1 (as of 2022-09-30)
  { period: 1, unit: "青山区", kind: "deadline-month-end" },
  { period: 1, unit: "江南区", kind: "completed-80" },
  { period: 1, unit: "东湖区", kind: "done-date-missing" },
  { period: 1, unit: "北湖区", kind: "done-date-unexpected" },
  { period: 1, unit: "浮溪县", kind: "evidence-missing" },
  { period: 1, unit: "江城高新区", kind: "duplicate-task" },
  { period: 1, unit: "江城经开区", kind: "status-invalid" },
  { period: 1, unit: "市卫生健康委", kind: "unit-typo", text: "市卫建委" },
  { period: 1, unit: "市教育局", kind: "progress-120" },
  { period: 1, unit: "江城城投集团", kind: "progress-na" },
  { period: 1, unit: "市人社局", kind: "owner-empty" },
  { period: 1, unit: "江城水务集团", kind: "done-date-future" },
  { period: 1, unit: "乐安市", kind: "done-date-impossible" },
  { period: 1, unit: "临空经济区", kind: "progress-ambiguous" },
  { period: 1, unit: "江城国控集团", kind: "blank-row" },
  // Period 2 (as of 2022-10-31)
  { period: 2, unit: "东湖区", kind: "deadline-suffix" },
  { period: 2, unit: "江南区", kind: "completed-80" },
  { period: 2, unit: "白鹭县", kind: "not-started-20" },
  { period: 2, unit: "白鹭县", kind: "unit-typo", text: "白露县" },
  { period: 2, unit: "市农业农村局", kind: "done-date-missing" },
  { period: 2, unit: "江城综合保税区", kind: "done-date-unexpected" },
  { period: 2, unit: "江城经开区", kind: "evidence-missing" },
  { period: 2, unit: "市教育局", kind: "duplicate-task" },
  { period: 2, unit: "江城城投集团", kind: "category-invalid" },
  { period: 2, unit: "北湖区", kind: "progress-120", text: "120%" },
  { period: 2, unit: "江城国控集团", kind: "deadline-ref" },
  { period: 2, unit: "浮溪县", kind: "deadline-empty" },
  { period: 2, unit: "市人社局", kind: "owner-blank" },
  { period: 2, unit: "江城水务集团", kind: "done-date-future" },
  { period: 2, unit: "乐安市", kind: "progress-ambiguous" },
  { period: 2, unit: "市卫生健康委", kind: "blank-row" },
];
