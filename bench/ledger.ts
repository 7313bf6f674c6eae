/**
 * Seeded bench ledgers: one `重点任务台账` of N rows × 12 columns plus a `单位名册` of 24 units, with
 * about 8 % of rows carrying a validation error (dates that are not dates, status typos, units
 * not in the roster, status/progress mismatches, missing completion dates). Strings are inline
 * (`t="inlineStr"`), as in the ledger issue #9 was measured on, or — `shared` — in a shared string
 * table (`t="s"`, `xl/sharedStrings.xml`), as Excel, WPS and LibreOffice save every workbook; the
 * cells and their values are the same. Dates are serials with a date format, progress a fraction
 * with `0%`.
 *
 * The sheet XML is written here by hand, not by the product's writer, so the reader is measured
 * on a file the code under test did not make. Files go to the OS temp folder, never the repo.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeCodec } from "../src/adapters/xlsx/write/deflate-node";
import { ZipWriter } from "../src/adapters/xlsx/write/zip";
import { COLUMNS } from "../src/core/ledger/columns";

export const BENCH_AS_OF = "2022-10-31";
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
const GROUPS: Array<[string, number]> = [
  ["县市区", 10],
  ["开发区", 4],
  ["市直机关", 6],
  ["市属国企", 4],
];
export const UNITS = GROUPS.flatMap(([group, n]) =>
  Array.from({ length: n }, (_, i) => ({ name: `${group.slice(0, 2)}第${i + 1}单位`, group })),
);
/** §2's header row, from the product's own columns (完成进度 written "完成进度(%)", as offices do). */
const HEADERS = COLUMNS.map((c) => (c.key === "progress" ? `${c.header}(%)` : c.header));
const COLS = "ABCDEFGHIJKL";
/** Serial of 2022-01-01 in Excel's 1900 system. */
const JAN_1_2022 = 44562;

/** mulberry32: a small, well-mixed 32-bit PRNG, so the same seed gives the same ledger. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const num = (ref: string, n: number, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${n}</v></c>`;

/** How a ledger holds its text: in each cell, or once in the shared string table. */
export type StringStorage = "inline" | "shared";

/** A text cell's XML, and (`shared`) the table its text goes into, in order of first use. */
interface TextCells {
  (ref: string, s: string): string;
  readonly table?: readonly string[];
}

function textCells(storage: StringStorage): TextCells {
  if (storage === "inline") return (ref, s) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
  const index = new Map<string, number>();
  const table: string[] = [];
  const cell = (ref: string, s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = table.length));
      table.push(s);
    }
    return `<c r="${ref}" t="s"><v>${i}</v></c>`;
  };
  return Object.assign(cell, { table });
}

function ledgerRow(r: number, i: number, rand: () => number, text: TextCells): string {
  const ref = (c: number) => `${COLS[c]}${r}`;
  const unit = UNITS[i % UNITS.length]!.name;
  let status = STATUSES[Math.floor(rand() * 4)]!;
  const done = status === "已完成" || status === "已销号";
  const deadline = JAN_1_2022 + Math.floor(rand() * 365);
  let progress = done ? 1 : status === "未启动" ? 0 : Math.floor(rand() * 99 + 1) / 100;
  let doneDate: number | null = done ? deadline - 30 + Math.floor(rand() * 60) : null;
  if (doneDate !== null && doneDate > JAN_1_2022 + 302) doneDate = JAN_1_2022 + 302;
  const cells = [
    num(ref(0), i + 1),
    text(ref(1), `RW-${String(i + 1).padStart(6, "0")}`),
    text(ref(2), CATEGORIES[i % CATEGORIES.length]!),
    text(ref(3), `推进第${(i % 500) + 1}项基层党建重点任务落实落细`),
  ];
  // About 8 % of rows carry one error each.
  const fault = rand();
  let unitCell = text(ref(4), unit);
  let deadlineCell = num(ref(6), deadline, 1);
  if (fault < 0.02) deadlineCell = text(ref(6), "10月底");
  else if (fault < 0.04) status = "已完";
  else if (fault < 0.05) unitCell = text(ref(4), "未列名单位");
  else if (fault < 0.07 && done) progress = 0.8;
  else if (fault < 0.08 && done) doneDate = null;
  cells.push(
    unitCell,
    text(ref(5), `责任人${i % 300}`),
    deadlineCell,
    text(ref(7), status),
    num(ref(8), progress, 2),
  );
  if (doneDate !== null) cells.push(num(ref(9), doneDate, 1));
  if (done) cells.push(text(ref(10), `会议纪要第${i % 50}号`));
  if (i % 7 === 0) cells.push(text(ref(11), "按期推进"));
  return `<row r="${r}">${cells.join("")}</row>`;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function build(rows: number, storage: StringStorage): Uint8Array {
  const rand = random(0x7a2 ^ rows);
  const text = textCells(storage);
  const zip = new ZipWriter(nodeCodec);
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  zip.add(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.worksheet+xml"/>` +
      (text.table
        ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>`
        : "") +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/></Types>`,
  );
  zip.add(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.add(
    "xl/workbook.xml",
    `${HEAD}<workbook ${MAIN} xmlns:r="${REL}"><sheets>` +
      '<sheet name="重点任务台账" sheetId="1" r:id="rId1"/><sheet name="单位名册" sheetId="2" r:id="rId2"/>' +
      "</sheets></workbook>",
  );
  zip.add(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` +
      (text.table ? `<Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
      "</Relationships>",
  );
  zip.add(
    "xl/styles.xml",
    `${HEAD}<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
      '<cellXfs count="3"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs>' +
      "</styleSheet>",
  );
  const sheet = zip.part("xl/worksheets/sheet1.xml");
  sheet.write(`${HEAD}<worksheet ${MAIN}><sheetData>`);
  sheet.write(`<row r="1">${text("A1", "基层党建工作重点任务推进台账")}</row>`);
  sheet.write(`<row r="2">${HEADERS.map((h, c) => text(`${COLS[c]}2`, h)).join("")}</row>`);
  for (let i = 0; i < rows; i++) sheet.write(ledgerRow(i + 3, i, rand, text));
  sheet.write('</sheetData><mergeCells count="1"><mergeCell ref="A1:L1"/></mergeCells></worksheet>');
  sheet.end();
  const roster = [
    `<row r="1">${text("A1", "单位名称")}${text("B1", "单位类别")}${text("C1", "别名")}</row>`,
    ...UNITS.map(
      (u, i) => `<row r="${i + 2}">${text(`A${i + 2}`, u.name)}${text(`B${i + 2}`, u.group)}</row>`,
    ),
  ];
  zip.add(
    "xl/worksheets/sheet2.xml",
    `${HEAD}<worksheet ${MAIN}><sheetData>${roster.join("")}</sheetData></worksheet>`,
  );
  if (text.table) {
    const strings = zip.part("xl/sharedStrings.xml");
    strings.write(`${HEAD}<sst ${MAIN} uniqueCount="${text.table.length}">`);
    for (const s of text.table) strings.write(`<si><t>${esc(s)}</t></si>`);
    strings.write("</sst>");
    strings.end();
  }
  return zip.finish();
}

/** The path of the seeded `rows`-row ledger, generated on first use (outside the repository). */
export function benchLedger(rows: number, storage: StringStorage = "inline"): string {
  const dir = join(tmpdir(), "taizhang-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ledger-v1-${storage === "shared" ? "shared-" : ""}${rows}.xlsx`);
  if (!existsSync(file)) {
    const partial = `${file}.partial`;
    writeFileSync(partial, build(rows, storage));
    renameSync(partial, file);
  }
  return file;
}
