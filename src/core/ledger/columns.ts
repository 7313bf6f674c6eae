/**
 * The standard ledger template (SPEC §2): its columns, their aliases, and how a header row is found.
 */
import { type CellValue, type SheetGrid, cellValue } from "../grid/grid";
import { nfkcTrim } from "../text/text";

/** Column keys of the standard ledger (重点任务台账). */
export type ColumnKey =
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
  | "sourceFile"
  | "sourceRow";

export interface ColumnDef {
  readonly key: ColumnKey;
  /** Canonical header, e.g. `完成时限`. */
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: "seq", header: "序号", aliases: ["序"], required: false },
  { key: "taskId", header: "任务编号", aliases: ["任务代码", "编号"], required: true },
  { key: "category", header: "任务类别", aliases: ["类别", "任务类型", "工作类别"], required: true },
  { key: "task", header: "重点任务", aliases: ["任务内容", "工作任务", "任务名称"], required: true },
  { key: "unit", header: "责任单位", aliases: ["牵头单位", "单位"], required: true },
  { key: "owner", header: "责任人", aliases: ["具体责任人", "联系人"], required: true },
  { key: "deadline", header: "完成时限", aliases: ["计划完成时间", "时间节点", "截止时间"], required: true },
  { key: "status", header: "推进状态", aliases: ["完成情况", "状态", "进展状态"], required: true },
  { key: "progress", header: "完成进度", aliases: ["进度"], required: true },
  { key: "doneDate", header: "完成时间", aliases: ["实际完成时间", "办结时间"], required: true },
  { key: "evidence", header: "佐证材料", aliases: ["佐证", "印证材料", "佐证资料"], required: true },
  { key: "note", header: "备注", aliases: ["说明"], required: false },
];

/**
 * The columns a merged ledger (`合并台账`, SPEC §1/§10) adds after the standard ones: the file a row
 * was collected from and its row there. Known (never `unknown-column`), optional, not part of §2's
 * template, so `COLUMNS` keeps §2's twelve.
 */
export const SOURCE_COLUMNS: readonly ColumnDef[] = [
  { key: "sourceFile", header: "来源文件", aliases: [], required: false },
  { key: "sourceRow", header: "来源行", aliases: [], required: false },
];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(
  [...COLUMNS, ...SOURCE_COLUMNS].map((c) => [c.key, c]),
) as Record<ColumnKey, ColumnDef>;

/**
 * Header normalisation: NFKC, all white space (line breaks too) removed, `*` removed, brackets
 * `()（）[]` removed together with any `%` inside them. `完成进度\n（%）` → `完成进度`.
 */
export function normalizeHeader(text: string): string {
  let s = text.normalize("NFKC").replace(/\s+/gu, "").replace(/\*/g, "");
  // After NFKC full-width brackets are ASCII. Drop `%` that sits inside a bracket pair, then the brackets.
  s = s.replace(/[([][^()[\]]*[)\]]/g, (group) => group.replace(/%/g, ""));
  return s.replace(/[()[\]]/g, "");
}

const HEADER_LOOKUP: ReadonlyMap<string, ColumnKey> = new Map(
  [...COLUMNS, ...SOURCE_COLUMNS].flatMap((c) =>
    [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.key] as const),
  ),
);

/** The column key a header cell's text maps to, if any. */
export function matchHeader(text: string): ColumnKey | undefined {
  return HEADER_LOOKUP.get(normalizeHeader(text));
}

/** How many header rows are searched, and how many known headers make a header row. */
export const HEADER_SEARCH_ROWS = 20;
export const HEADER_MIN_MATCHES = 6;

function headerText(sheet: SheetGrid, row: number, column: number): string | null {
  const v = cellValue(sheet, row, column);
  if (typeof v === "string") return v;
  return null;
}

/** The 0-based header row: the first among the first 20 with at least 6 known headers. */
export function findHeaderRow(sheet: SheetGrid): number | null {
  const last = Math.min(HEADER_SEARCH_ROWS, sheet.values.length);
  for (let r = 0; r < last; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    let matches = 0;
    for (let c = 0; c < row.length; c++) {
      const text = headerText(sheet, r, c);
      if (text !== null && matchHeader(text) !== undefined) matches++;
    }
    if (matches >= HEADER_MIN_MATCHES) return r;
  }
  return null;
}

const FOOTER = /^(注|说明|填表说明|填报说明|备注|填报人|审核人|联系电话)\s*:/u;

/** Footer text (SPEC §4): starts with 注, 说明, 填表说明, … 联系电话 followed by `：` or `:`. */
export function isFooterText(value: CellValue): boolean {
  return typeof value === "string" && FOOTER.test(nfkcTrim(value));
}
