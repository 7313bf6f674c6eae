/**
 * The hostile corpus (issue #8): every input ends in an answer — exit 1 or 2, one JSON document
 * with `--json`, one stderr line naming a refused file, no stack trace — and the good files of
 * the same run are not lost. Files are made here, by other writers where it matters (SheetJS for
 * compound files and .xls, fflate for zips).
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { strToU8, zipSync } from "fflate";
import { HEADERS } from "../core/helpers";
import { cli } from "./helpers";

const SAVE_AS = "请在 Excel/WPS 中另存为 .xlsx（不设密码）";
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sample = join(__dirname, "../../seeds/period-1/青山区.xlsx");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const COLS = "ABCDEFGHIJKL";
const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;

/** An .xlsx whose one sheet holds `sheetData` (and what follows), optionally after a prolog. */
function xlsx(
  sheetData: string,
  options: { prolog?: string; extra?: Record<string, Uint8Array> } = {},
): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8(
      `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="重点任务台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<styleSheet ${NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`${options.prolog ?? ""}<worksheet ${NS}>${sheetData}</worksheet>`),
    ...options.extra,
  });
}

const header = `<row r="1">${HEADERS.map((h, i) => text(`${COLS[i]}1`, h)).join("")}</row>`;
function row(r: number, values: Partial<Record<number, string>>, raw = ""): string {
  return `<row r="${r}">${Object.entries(values)
    .map(([c, v]) => text(`${COLS[Number(c)]}${r}`, v!))
    .join("")}${raw}</row>`;
}
const goodRow = (r: number) =>
  row(r, {
    1: `RW-${r}`,
    2: "乡村振兴",
    3: "任务",
    4: "青山区",
    5: "张三",
    6: "2022-12-31",
    7: "推进中",
    8: "50",
  });

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, content);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: "buffer" }) as Buffer);
}

/** A valid .xlsx whose sheet entry declares `size` bytes unpacked (in both headers). */
function lyingSize(size: number): Uint8Array {
  const bytes = xlsx(`<sheetData>${header}${goodRow(2)}</sheetData>`);
  const name = strToU8("xl/worksheets/sheet1.xml");
  for (let i = 0; i + 4 < bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    const local = bytes[i + 2] === 3 && bytes[i + 3] === 4;
    const central = bytes[i + 2] === 1 && bytes[i + 3] === 2;
    if (!local && !central) continue;
    const nameAt = i + (local ? 30 : 46);
    if (!name.every((b, k) => bytes[nameAt + k] === b)) continue;
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(i + (local ? 22 : 24), size, true);
  }
  return bytes;
}

/** [name, file name, bytes, the one line naming it (after "taizhang: <path>: ")] */
const refused: Array<[string, string, () => Uint8Array | string, string]> = [
  ["an empty file", "空.xlsx", () => new Uint8Array(0), "文件为空，不是工作簿；请重新获取文件"],
  [
    "a text file renamed .xlsx",
    "改名.xlsx",
    () => "这不是工作簿\n",
    `是文本（CSV）文件，不是工作簿；${SAVE_AS}`,
  ],
  [
    "a CSV",
    "台账.csv",
    () => "序号,任务编号,任务类别\n1,RW-1,乡村振兴\n",
    `是文本（CSV）文件，不是工作簿；${SAVE_AS}`,
  ],
  [
    "a truncated .xlsx",
    "截断.xlsx",
    () => new Uint8Array(readFileSync(sample)).subarray(0, 3000),
    "文件不完整（ZIP 压缩包被截断），请重新获取文件",
  ],
  [
    "an encrypted container (password-protected .xlsx)",
    "加密.xlsx",
    () =>
      compound({
        EncryptionInfo: new Uint8Array(200).fill(4),
        EncryptedPackage: new Uint8Array(5000).fill(8),
      }),
    `文件设有密码，无法读取；${SAVE_AS}`,
  ],
  [
    "a WPS .et (a compound file without an Excel workbook stream)",
    "表格.et",
    () => compound({ WpsContent: new Uint8Array(6000).fill(3) }),
    `不是 Excel 工作簿（可能是 WPS .et 或其他格式）；${SAVE_AS}`,
  ],
  [
    "a zip bomb refused by its declared size",
    "炸弹.xlsx",
    () => lyingSize(0xfffffff0),
    "文件解压后过大（约 4097 MB，超过上限 256 MB），拒绝读取",
  ],
  [
    "a part that inflates beyond its declared size",
    "谎报.xlsx",
    () => lyingSize(100),
    "文件已损坏（xl/worksheets/sheet1.xml 的压缩数据无法解压）",
  ],
  [
    "a cell beyond column XFD",
    "越界列.xlsx",
    () => xlsx(`<sheetData>${header}<row r="2"><c r="XFE2"><v>1</v></c></row></sheetData>`),
    "单元格 XFE2 超出 Excel 的范围（最多 1048576 行、16384 列即 XFD 列），文件无法读取",
  ],
  [
    "a reference like A99999999999",
    "越界行.xlsx",
    () => xlsx(`<sheetData>${header}<row r="2"><c r="A99999999999"><v>1</v></c></row></sheetData>`),
    "单元格 A99999999999 超出 Excel 的范围（最多 1048576 行、16384 列即 XFD 列），文件无法读取",
  ],
  [
    "<row r=4294967296>",
    "行号.xlsx",
    () => xlsx(`<sheetData>${header}<row r="4294967296"><c><v>1</v></c></row></sheetData>`),
    "第 4294967296 行超出 Excel 的范围（最多 1048576 行、16384 列即 XFD 列），文件无法读取",
  ],
  [
    "100,000 columns in the header row",
    "十万列.xlsx",
    () =>
      xlsx(
        `<sheetData><row r="1">${'<c t="inlineStr"><is><t>列</t></is></c>'.repeat(100_000)}</row></sheetData>`,
      ),
    "单元格 XFE1 超出 Excel 的范围（最多 1048576 行、16384 列即 XFD 列），文件无法读取",
  ],
];

describe("refused files: one line each, naming the file; the good file of the run is kept", () => {
  it.each(refused)("%s", async (_what, name, make, line) => {
    const file = write(name, make());
    const result = await cli(["validate", file, sample, "--json", "--as-of", "2022-10-31"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`taizhang: ${file}: ${line}\n`);
    const json = JSON.parse(result.stdout);
    expect(json.files[0]).toEqual({ file, error: line });
    // The good file, checked independently: the same answer as when validated alone.
    const alone = JSON.parse((await cli(["validate", sample, "--json", "--as-of", "2022-10-31"])).stdout);
    expect(json.files[1]).toEqual(alone.files[0]);
    expect(json.issues).toEqual(alone.issues);
  });
});

describe("hostile files that are read, safely", () => {
  it("does not expand entities (billion laughs) or external entities (XXE)", async () => {
    const prolog =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const cell = '<c r="F2" t="inlineStr"><is><t>&c;&x;</t></is></c>';
    const file = write(
      "实体.xlsx",
      xlsx(`<sheetData>${header}${goodRow(2).replace(text("F2", "张三"), cell)}</sheetData>`, { prolog }),
    );
    const result = await cli(["validate", file, "--json", "--as-of", "2022-10-31"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("root:");
    expect(result.stdout.length).toBeLessThan(20_000);
  });

  it("ignores zip entries with traversal paths and writes nothing anywhere", async () => {
    const sub = join(dir, "traversal");
    mkdirSync(sub);
    const file = join(sub, "穿越.xlsx");
    writeFileSync(
      file,
      xlsx(`<sheetData>${header}${goodRow(2)}</sheetData>`, {
        extra: {
          "../../evil.txt": strToU8("x"),
          "/abs/evil.txt": strToU8("y"),
          "xl/../../evil2.txt": strToU8("z"),
        },
      }),
    );
    const result = await cli(["validate", file, "--json", "--as-of", "2022-10-31"]);
    expect(result.code).toBe(0);
    expect(readdirSync(sub)).toEqual(["穿越.xlsx"]);
    expect(readdirSync(dir).filter((n) => n.includes("evil"))).toEqual([]);
  });

  it("answers a stray value in Excel's last row with the rows present: one blank-row run, not a million", async () => {
    const file = write(
      "远处.xlsx",
      xlsx(`<sheetData>${header}${goodRow(2)}${row(1048576, { 1: "RW-X" })}</sheetData>`),
    );
    const result = await cli(["validate", file, "--json", "--as-of", "2022-10-31"]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.issues.filter((i: { code: string }) => i.code === "blank-row")).toHaveLength(1);
    expect(json.issues.every((i: { row: number | null }) => i.row === null || i.row <= 1048576)).toBe(true);
  });

  it('reports every date outside 2000–2099 as invalid-date, t="d" and huge serials included', async () => {
    const cells = (r: number, deadline: string) => goodRow(r).replace(text(`G${r}`, "2022-12-31"), deadline);
    const file = write(
      "日期.xlsx",
      xlsx(
        `<sheetData>${header}${cells(2, '<c r="G2" t="d"><v>99999999-01-01</v></c>')}${cells(3, '<c r="G3" t="d"><v>1999-12-31T00:00:00</v></c>')}${cells(4, '<c r="G4" s="1"><v>1000000000000</v></c>')}${cells(5, '<c r="G5" s="1"><v>1e308</v></c>')}${cells(6, '<c r="G6" t="d"><v>2022-10-01</v></c>')}</sheetData>`,
      ),
    );
    const result = await cli(["validate", file, "--json", "--as-of", "2022-10-31"]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    const dates = json.issues.filter((i: { code: string }) => i.code === "invalid-date");
    expect(dates.map((i: { cell: string; value: unknown }) => [i.cell, i.value])).toEqual([
      ["G2", "99999999-01-01"],
      ["G3", "1999-12-31"],
      ["G4", 1e12],
      ["G5", 1e308],
    ]);
  });
});

describe("many issues", () => {
  it("180,000 issues (30,000 rows, 6 each): the run answers, all of them in JSON, a bounded human report", async () => {
    const rows: string[] = [header];
    for (let r = 2; r <= 30_001; r++)
      rows.push(
        row(r, {
          1: `RW-${r}`,
          2: "类别？",
          4: "某某单位",
          6: "10月底",
          7: "暂缓",
          8: "一半",
          9: "2022-01-01",
        }),
      );
    const file = write("很多问题.xlsx", xlsx(`<sheetData>${rows.join("")}</sheetData>`));
    const json = await cli(["validate", file, "--json", "--as-of", "2022-10-31"]);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.issues.length).toBeGreaterThanOrEqual(180_000);
    expect(doc.summary.errors + doc.summary.warnings).toBe(doc.issues.length);
    const human = await cli(["validate", file, "--as-of", "2022-10-31"]);
    expect(human.code).toBe(1);
    // 200 of the ledger sheet's issues are listed (the run's no-roster warning is on another sheet).
    const sheetIssues = doc.issues.filter((i: { sheet: string }) => i.sheet === "重点任务台账").length;
    const listed = human.stdout
      .split("\n")
      .filter((l) => l.startsWith("    [") && l.includes("重点任务台账!"));
    expect(listed).toHaveLength(200);
    expect(human.stdout).toContain(`工作表“重点任务台账”另有 ${sheetIssues - 200} 个问题未列出`);
  }, 300_000);
});

describe("writing", () => {
  it("notice writes nothing when no input could be read", async () => {
    const out = join(dir, "nothing", "通报.xlsx");
    const bad = write("坏.xlsx", "not a workbook");
    const result = await cli(["notice", bad, "--out", out, "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).files).toEqual([
      { file: bad, error: `是文本（CSV）文件，不是工作簿；${SAVE_AS}` },
    ]);
    expect(result.stderr).toContain("没有可以读取的台账文件，未生成通报");
    expect(() => readdirSync(join(dir, "nothing"))).toThrow();
  });

  it("removes the stale temporary files an earlier killed run left in the output folder", async () => {
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    const dead = join(outDir, ".taizhang-999999999-0123456789abcdef.tmp"); // no such process
    const old = join(outDir, ".taizhang-0123456789abcdef.tmp"); // an earlier version's name, an hour old
    const fresh = join(outDir, `.taizhang-${process.pid}-fedcba9876543210.tmp`); // a write under way
    const other = join(outDir, "taizhang-notes.tmp");
    for (const f of [dead, old, fresh, other]) writeFileSync(f, "partial");
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    const result = await cli(["notice", sample, "--out", join(outDir, "通报.xlsx"), "--as-of", "2022-10-31"]);
    expect(result.code).toBeLessThan(2);
    expect(readdirSync(outDir).sort()).toEqual(
      [".taizhang-" + process.pid + "-fedcba9876543210.tmp", "taizhang-notes.tmp", "通报.xlsx"].sort(),
    );
  });
});

describe("usage errors with --json", () => {
  it("still print exactly one JSON document", async () => {
    const result = await cli(["validate", "a.xlsx", "--as-of", "2022-13-01", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({ error: expect.stringContaining("--as-of") });
  });
});
