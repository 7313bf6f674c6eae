/**
 * The sheets of a collection: `合并台账` (every collected row, raw values, in SPEC §10's column order)
 * and `收集情况` (one line per file), and reading them back from a workbook (the add-in collects into
 * a workbook that may already hold them).
 */
import { type SheetGrid, type WorkbookGrid, cellValue } from "../grid";
import { type Vocabulary, parseDate, parseText } from "../cell";
import { dayToSerial } from "../date";
import { findHeaderRow } from "../ledger";
import { type CellStyle, type PlanBody, type PlanCell, STREAMED_TABLE_ROWS, type SheetPlan } from "../plan";
import { enumKey } from "../text";
import { findSheet } from "../workbook";
import {
  COLLECT_LOG_SHEET,
  type CollectEntry,
  type CollectOutcome,
  type Collected,
  MERGED_SHEET,
  type MergedColumn,
  type MergedRow,
  columnId,
  isActive,
  mergedColumns,
  resolveUnit,
  columnPositions,
  rowCells,
  tableColumnIds,
} from "./collect";
import { CopyStyles, DATE_FORMAT } from "./copy-cell";
import { readLedgerTable } from "./ledger-table";

const noop = (): void => undefined;

const HEAD: CellStyle = {
  bold: true,
  fill: "DDEBF7",
  border: true,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
};
const PRINT = {
  orientation: "landscape",
  paperSize: "A4",
  fitToWidth: true,
  repeatRows: { first: 0, last: 0 },
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
} as const;

/** Column widths of the §2 columns (序号 … 备注). */
export const STANDARD_WIDTHS: readonly number[] = [6, 12, 14, 40, 18, 10, 12, 10, 10, 12, 24, 16];

/**
 * `合并台账`: a header row, then one row per collected row, values as the units typed them (SPEC §3),
 * number formats kept (a `0%` progress stays a percentage), dates of 1904-system files moved to the
 * 1900 serials every written workbook uses.
 */
export function buildMergedSheetPlan(collected: Collected, streamAbove = STREAMED_TABLE_ROWS): SheetPlan {
  const columns = mergedColumns(collected);
  const ids = columns.map(columnId);
  const dateColumn = columns.map((c) => c.key === "deadline" || c.key === "doneDate");
  const styles = new CopyStyles({ border: true, vAlign: "middle" });
  const plain = styles.id(undefined);
  /** Row `r`'s cells, as `at` gives them column by column. */
  const fillRow = (r: number, at: (column: number, cell: PlanCell) => void): void => {
    const row = collected.rows[r]!;
    for (let i = 0; i < columns.length; i++) {
      const key = columns[i]!.key;
      if (key === "sourceFile") at(i, { value: row.sourceFile, style: plain });
      else if (key === "sourceRow") at(i, { value: row.sourceRow, style: plain });
      else {
        const cell = row.cells.get(ids[i]!);
        at(
          i,
          cell === undefined
            ? { value: null, style: plain }
            : styles.cell(cell, { date1904: row.date1904, dateColumn: dateColumn[i]! }),
        );
      }
    }
  };
  const rows: PlanCell[][] = [columns.map((c) => ({ value: c.header, style: "head" }))];
  const count = collected.rows.length;
  let body: PlanBody | undefined;
  if (count <= streamAbove) {
    for (let r = 0; r < count; r++) {
      const cells: PlanCell[] = [];
      fillRow(r, (i, cell) => (cells[i] = cell));
      rows.push(cells);
    }
  } else {
    // A long ledger is the sheet's streamed body: each row's cells are made as it is written, not
    // 1.4 million cell objects held for 100,000 rows. The plan's styles are fixed when it is made,
    // so every number format the cells have gets its id first, in the order the rows meet them.
    for (let r = 0; r < count; r++) fillRow(r, noop);
    body = {
      count,
      styles: columns.map(() => plain),
      fill(index, values, cellStyles) {
        fillRow(index, (i, cell) => {
          values[i] = cell.value;
          cellStyles[i] = cell.style ?? plain;
        });
        return undefined;
      },
    };
  }
  const widths = columns.map((c, i) =>
    c.key === "sourceFile" ? 24 : c.key === "sourceRow" ? 8 : (STANDARD_WIDTHS[i] ?? 14),
  );
  return {
    name: MERGED_SHEET,
    kind: "ledger",
    rows,
    ...(body !== undefined ? { body } : {}),
    styles: { head: HEAD, ...styles.styles },
    merges: [],
    columnWidths: widths,
    freeze: { rows: 1, columns: 0 },
    print: PRINT,
  };
}

/** The headers of 收集情况; the last two columns are for the product (hidden). */
export const COLLECT_LOG_HEADERS = [
  "文件",
  "单位",
  "行数",
  "错误",
  "警告",
  "处理结果",
  "内容哈希",
  "填报日期",
] as const;
/** 0-based columns of 收集情况 that are hidden: the content hash and the 填报日期 read. */
export const COLLECT_LOG_HIDDEN_COLUMNS: readonly number[] = [6, 7];

const WHY: Record<"later-date" | "later-order" | "same-content", string> = {
  "later-date": "填报日期较晚",
  "later-order": "报送在后",
  "same-content": "内容相同",
};

/** 处理结果 in words (the sheet is Chinese whatever the UI language, SPEC §10). */
export function describeOutcome(outcome: CollectOutcome): string {
  switch (outcome.kind) {
    case "merged":
      return "合并";
    case "unreadable":
      return `无法读取：${outcome.reason}`;
    case "no-ledger":
      return "无台账";
    case "superseded":
      return `重复报送：以 ${outcome.by} 为准（${WHY[outcome.why]}），本文件未合并`;
    case "already-collected":
      return `已收集过：与 ${outcome.as} 内容相同，未重复添加`;
    case "recorded":
      return outcome.text;
  }
}

/** `收集情况`: one line per file, in the order collected. */
export function buildCollectLogPlan(entries: readonly CollectEntry[]): SheetPlan {
  const text = (value: string | null): PlanCell => ({ value, style: "text" });
  const num = (value: number): PlanCell => ({ value, style: "num" });
  const rows: PlanCell[][] = [COLLECT_LOG_HEADERS.map((h) => ({ value: h, style: "head" }))];
  for (const e of entries) {
    rows.push([
      text(e.file),
      text(e.unit),
      num(e.rows),
      num(e.errors),
      num(e.warnings),
      { value: describeOutcome(e.outcome), style: isActive(e) ? "text" : "flag" },
      text(e.hash),
      { value: e.filed === null ? null : dayToSerial(e.filed), style: "date" },
    ]);
  }
  return {
    name: COLLECT_LOG_SHEET,
    kind: "other",
    rows,
    styles: {
      head: HEAD,
      text: { border: true, vAlign: "middle", wrap: true },
      flag: { border: true, vAlign: "middle", wrap: true, fontColor: "C00000" },
      num: { border: true, vAlign: "middle", hAlign: "center" },
      date: { border: true, vAlign: "middle", hAlign: "center", numFmt: DATE_FORMAT },
    },
    merges: [],
    columnWidths: [30, 18, 8, 8, 8, 48, 20, 12],
    hiddenColumns: COLLECT_LOG_HIDDEN_COLUMNS,
    freeze: { rows: 1, columns: 0 },
    print: { ...PRINT, orientation: "portrait" },
  };
}

/**
 * What a workbook already holds of earlier collecting: `合并台账`'s rows and `收集情况`'s lines,
 * each row tied to the line of the file it came from (by 来源文件, and by unit when two lines
 * name the same file). `units` resolves unit names as the roster does.
 */
export function readCollected(workbook: WorkbookGrid, units: Vocabulary | null): Collected {
  const entries = readLog(findSheet(workbook, COLLECT_LOG_SHEET), workbook.date1904);
  const sheet = findSheet(workbook, MERGED_SHEET);
  const header = sheet ? findHeaderRow(sheet) : null;
  if (!sheet || header === null) return { extraColumns: [], rows: [], entries };
  const table = readLedgerTable(sheet, header);
  const extraColumns: MergedColumn[] = [];
  const seen = new Set<string>();
  for (const c of table.columns) {
    if (c.key !== null) continue;
    const id = columnId(c);
    if (!seen.has(id)) {
      seen.add(id);
      extraColumns.push({ header: c.header, key: null });
    }
  }
  const fileAt = table.columns.findIndex((c) => c.key === "sourceFile");
  const rowAt = table.columns.findIndex((c) => c.key === "sourceRow");
  const unitAt = table.columns.findIndex((c) => c.key === "unit");
  const positions = columnPositions(tableColumnIds(table));
  const rows: MergedRow[] = table.rows.map((row) => {
    const cells = rowCells(positions, row.cells);
    const file = fileAt >= 0 ? parseText(row.cells[fileAt]!.value) : null;
    const sourceFile = file?.kind === "ok" ? file.value : "";
    const line = rowAt >= 0 ? row.cells[rowAt]!.value : null;
    const unitText = unitAt >= 0 ? parseText(row.cells[unitAt]!.value) : null;
    const unit = unitText?.kind === "ok" ? enumKey(resolveUnit(unitText.value, units)) : null;
    return {
      cells,
      date1904: workbook.date1904,
      sourceFile,
      sourceRow: typeof line === "number" ? line : null,
      entry: entryOf(entries, sourceFile, unit),
    };
  });
  return { extraColumns, rows, entries };
}

function entryOf(entries: readonly CollectEntry[], file: string, unit: string | null): number {
  const candidates: number[] = [];
  entries.forEach((e, i) => {
    if (isActive(e) && e.file === file) candidates.push(i);
  });
  if (candidates.length === 1) return candidates[0]!;
  const byUnit = candidates.filter(
    (i) => unit !== null && entries[i]!.unit !== null && enumKey(entries[i]!.unit!) === unit,
  );
  return byUnit.length === 1 ? byUnit[0]! : -1;
}

function readLog(sheet: SheetGrid | undefined, date1904: boolean): CollectEntry[] {
  if (!sheet) return [];
  const text = (r: number, c: number): string | null => {
    const parsed = parseText(cellValue(sheet, r, c));
    return parsed.kind === "ok" ? parsed.value : null;
  };
  const count = (r: number, c: number): number => {
    const v = cellValue(sheet, r, c);
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  // The header row: the first with 文件 and 处理结果; columns found by their headers.
  let header = -1;
  const at = new Map<string, number>();
  for (let r = 0; r < Math.min(20, sheet.values.length) && header < 0; r++) {
    const found = new Map<string, number>();
    (sheet.values[r] ?? []).forEach((_, c) => {
      const t = text(r, c);
      if (t !== null && (COLLECT_LOG_HEADERS as readonly string[]).includes(t)) found.set(t, c);
    });
    if (found.has("文件") && found.has("处理结果")) {
      header = r;
      for (const [k, v] of found) at.set(k, v);
    }
  }
  if (header < 0) return [];
  const col = (name: string) => at.get(name) ?? -1;
  const entries: CollectEntry[] = [];
  for (let r = header + 1; r < sheet.values.length; r++) {
    const file = text(r, col("文件"));
    if (file === null) continue;
    const result = text(r, col("处理结果")) ?? "";
    const filedCell = cellValue(sheet, r, col("填报日期"));
    const filed = parseDate(filedCell, date1904);
    entries.push({
      file,
      unit: text(r, col("单位")),
      rows: count(r, col("行数")),
      errors: count(r, col("错误")),
      warnings: count(r, col("警告")),
      outcome: { kind: "recorded", text: result, active: result.startsWith("合并") },
      hash: text(r, col("内容哈希")),
      filed: filed.kind === "ok" ? filed.value : null,
    });
  }
  return entries;
}
