/**
 * How fast the .xlsx reader is, against the floor (inflate and a trivial scan) and against ExcelJS.
 *
 * Generates once, cached in the OS temp folder, a ledger-like workbook of `rows` rows × 12 columns
 * with ExcelJS's streaming writer (shared strings, date and percent formats), then times, median of
 * 3 runs each:
 *   (a) `unzipSync` of the whole file + decoding the sheets + counting `<c ` with indexOf;
 *   (b) `readWorkbook`;
 *   (c) ExcelJS `workbook.xlsx.load`.
 *
 * Run: npx tsc -p tsconfig.cli.json && node dist/bench/read-bench.js [rows]
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { readWorkbook } from "../src/adapters/xlsx/read";

export interface ReadBenchResult {
  readonly rows: number;
  readonly file: string;
  readonly fileBytes: number;
  /** Cells counted by the bare scan (`<c ` occurrences), and cells with a value read by the reader. */
  readonly cellsScanned: number;
  readonly cellsRead: number;
  /** Median milliseconds of 3 runs. */
  readonly unzipScanMs: number;
  readonly readWorkbookMs: number;
  readonly exceljsMs: number;
}

const CATEGORIES = [
  "书记述职",
  "成效考核",
  "城市基层党建",
  "乡村振兴",
  "两新党建",
  "巡察整改",
  "宣传信息",
  "其他",
];
const STATUSES = ["未启动", "推进中", "已完成", "已销号"];
const UNITS = Array.from({ length: 24 }, (_, i) => `第${i + 1}区`);
const DAY = 86400000;

async function writeLedger(path: string, rows: number): Promise<void> {
  const partial = `${path}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet("重点任务台账");
  ws.addRow(["基层党建工作重点任务推进台账"]).commit();
  ws.addRow([
    "序号",
    "任务编号",
    "任务类别",
    "重点任务",
    "责任单位",
    "责任人",
    "完成时限",
    "推进状态",
    "完成进度\n(%)",
    "完成时间",
    "佐证材料",
    "备注",
  ]).commit();
  const start = Date.UTC(2022, 0, 1);
  for (let i = 0; i < rows; i++) {
    const status = STATUSES[i % 4]!;
    const done = status === "已完成" || status === "已销号";
    const row = ws.addRow([
      i + 1,
      `RW-${String(i + 1).padStart(6, "0")}`,
      CATEGORIES[i % CATEGORIES.length],
      `推进第${(i % 500) + 1}项基层党建重点任务落实落细`,
      UNITS[i % UNITS.length],
      `责任人${i % 300}`,
      new Date(start + (i % 365) * DAY),
      status,
      done ? 1 : (i % 100) / 100,
      done ? new Date(start + ((i + 20) % 365) * DAY) : null,
      done ? `会议纪要第${i % 50}号` : null,
      i % 7 === 0 ? "按期推进" : null,
    ]);
    row.getCell(7).numFmt = "yyyy/m/d";
    row.getCell(9).numFmt = "0%";
    row.getCell(10).numFmt = "yyyy/m/d";
    row.commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(partial, path);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function time<T>(runs: number, run: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await run();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result: result as T };
}

function scan(bytes: Uint8Array): number {
  const files = unzipSync(bytes);
  const decoder = new TextDecoder();
  let count = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!name.startsWith("xl/worksheets/") || !name.endsWith(".xml")) continue;
    const xml = decoder.decode(data);
    for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) count++;
  }
  return count;
}

/** Generates (once) and times the three readers on a `rows`-row ledger. */
export async function benchRead(rows: number): Promise<ReadBenchResult> {
  const file = join(tmpdir(), `taizhang-bench-ledger-${rows}.xlsx`);
  if (!existsSync(file)) await writeLedger(file, rows);
  const bytes = new Uint8Array(readFileSync(file));

  const bare = await time(3, () => scan(bytes));
  const ours = await time(3, () => readWorkbook(bytes));
  const theirs = await time(3, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  });

  let cellsRead = 0;
  for (const sheet of ours.result.sheets) {
    for (const row of sheet.values) for (const v of row ?? []) if (v !== null) cellsRead++;
  }
  return {
    rows,
    file,
    fileBytes: bytes.length,
    cellsScanned: bare.result,
    cellsRead,
    unzipScanMs: bare.ms,
    readWorkbookMs: ours.ms,
    exceljsMs: theirs.ms,
  };
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 100_000);
  benchRead(rows).then(
    (r) => {
      const fmt = (ms: number): string =>
        `${ms.toFixed(0).padStart(7)} ms  ${(ms / r.unzipScanMs).toFixed(1).padStart(5)}×`;
      console.log(`${r.rows} rows × 12 columns, ${(r.fileBytes / 1048576).toFixed(1)} MB (${r.file})`);
      console.log(`cells: ${r.cellsScanned} <c> elements, ${r.cellsRead} values read`);
      console.log(`(a) unzipSync + scan   ${fmt(r.unzipScanMs)}`);
      console.log(`(b) readWorkbook       ${fmt(r.readWorkbookMs)}`);
      console.log(`(c) ExcelJS xlsx.load  ${fmt(r.exceljsMs)}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
