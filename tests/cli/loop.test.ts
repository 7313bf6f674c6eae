/**
 * The email loop on real files (SPEC §10): `template`, `split`, `merge` written by our writer, read
 * back by our reader, and the templates' rules read from the written XML and after a LibreOffice
 * round trip.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { type WorkbookGrid, findHeaderRow, rawValue, readLedgerTable } from "../../src/core";
import { convertWithLibreOffice, libreOfficeAvailable } from "../helpers/libreoffice";
import { cli } from "./helpers";

const ROOT = join(__dirname, "../..");
const PERIOD2 = join(ROOT, "seeds/period-2");
const seedFiles = () =>
  readdirSync(PERIOD2)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => join(PERIOD2, n));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-loop-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every data row of a workbook's ledger sheets as a sorted `column=value` string, for multisets. */
function ledgerRows(book: WorkbookGrid, drop: readonly string[] = ["sourceFile", "sourceRow"]): string[] {
  const merged = book.sheets.find((s) => s.name === "合并台账");
  const sheets = merged ? [merged] : book.sheets.filter((s) => /台账|Sheet1/.test(s.name));
  const out: string[] = [];
  for (const sheet of sheets) {
    const header = findHeaderRow(sheet);
    if (header === null) continue;
    const table = readLedgerTable(sheet, header);
    for (const row of table.rows) {
      out.push(
        table.columns
          .map((c, i) => [c.key ?? c.header, rawValue(row.cells[i]!.value)] as const)
          .filter(([k, v]) => !drop.includes(k) && v !== null && v !== "")
          .map(([k, v]) => `${k}=${String(v)}`)
          .sort()
          .join(";"),
      );
    }
  }
  return out.sort();
}

/** The `<dataValidation>` elements of a worksheet's XML (short failure messages). */
function validationsOf(xml: string): string[] {
  return [...xml.matchAll(/<dataValidation [\s\S]*?<\/dataValidation>/g)].map((m) => m[0]);
}

/** The XML parts of a written workbook. */
function parts(file: string): Map<string, string> {
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  return new Map(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The worksheet XML of a sheet by name. */
function sheetXml(files: Map<string, string>, name: string): string {
  const workbook = files.get("xl/workbook.xml")!;
  const rels = files.get("xl/_rels/workbook.xml.rels")!;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  if (!id) throw new Error(`no sheet ${name}`);
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const path = (target[1] ?? target[2]!).replace(/^\/?(xl\/)?/, "xl/");
  return files.get(path)!;
}

describe("merge", () => {
  it("collects returns (one .xls, one broken, one twice) into 合并台账 and 收集情况; rows in = rows out + rows reported", async () => {
    const files = seedFiles().slice(0, 6);
    const broken = join(dir, "损坏.xlsx");
    writeFileSync(broken, readFileSync(files[1]!).subarray(0, 2000));
    const again = join(dir, basename(files[0]!));
    copyFileSync(files[0]!, again); // the same file mailed twice
    const out = join(dir, "合并.xlsx");
    const result = await cli(["merge", ...files, broken, again, "--out", out, "--json"]);
    expect(result.code).toBe(2); // a file could not be read
    expect(result.stderr).toMatch(/损坏\.xlsx/);
    const json = JSON.parse(result.stdout);
    expect(json.files.map((f: { result: string }) => f.result)).toEqual([
      "superseded",
      "merged",
      "merged",
      "merged",
      "merged",
      "merged",
      "unreadable",
      "merged",
    ]);
    expect(json.rowsIn).toBe(json.rowsOut + json.rowsReported);
    expect(json.rowsReported).toBe(json.files[0].rows);

    const book = await readWorkbookFile(out);
    expect(book.sheets.map((s) => s.name)).toEqual(["合并台账", "单位名册", "设置", "收集情况"]);
    const inputs = await Promise.all(files.slice(1).map((f) => readWorkbookFile(f)));
    const expected = [...inputs, await readWorkbookFile(again)].flatMap((b) => ledgerRows(b));
    expect(ledgerRows(book)).toEqual(expected.sort());
    const log = book.sheets.find((s) => s.name === "收集情况")!;
    expect(log.values[0]).toEqual([
      "文件",
      "单位",
      "行数",
      "错误",
      "警告",
      "处理结果",
      "内容哈希",
      "填报日期",
    ]);
    expect(log.values.slice(1).map((r) => r?.[5])).toEqual([
      `重复报送：以 ${basename(again)} 为准（内容相同），本文件未合并`,
      "合并",
      "合并",
      "合并",
      "合并",
      "合并",
      expect.stringMatching(/^无法读取：/),
      "合并",
    ]);
    const cols = /<cols>[\s\S]*?<\/cols>/.exec(sheetXml(parts(out), "收集情况"))?.[0] ?? "";
    expect(cols).toMatch(/<col [^>]*min="7"[^>]*hidden="1"/);
  });

  it("refuses to write over an input, and needs --out", async () => {
    const copy = join(dir, "in.xlsx");
    copyFileSync(seedFiles()[0]!, copy);
    expect((await cli(["merge", copy, "--out", copy])).code).toBe(2);
    expect((await cli(["merge", copy])).code).toBe(2);
  });
});

describe("split, then merge the pieces", () => {
  it("keeps every row, every value of every column, and every unit's figures", async () => {
    const master = join(dir, "总台账.xlsx");
    expect([0, 1]).toContain((await cli(["merge", ...seedFiles(), "--out", master])).code);
    const out = join(dir, "下发");
    const split = await cli(["split", master, "--out-dir", out]);
    expect(split.code).toBe(0);
    const pieces = readdirSync(out).sort();
    expect(pieces).toContain("青山区-重点任务台账.xlsx");
    expect(pieces).toContain("未识别单位-重点任务台账.xlsx");
    expect(pieces).toHaveLength(26); // 25 roster units + the unknown-unit workbook

    const back = join(dir, "收回.xlsx");
    const merged = await cli(["merge", ...pieces.map((p) => join(out, p)), "--out", back]);
    expect([0, 1]).toContain(merged.code);
    const x = await readWorkbookFile(master);
    const y = await readWorkbookFile(back);
    expect(ledgerRows(y)).toEqual(ledgerRows(x));
    expect(ledgerRows(y).length).toBeGreaterThan(900);

    const figures = async (file: string) => {
      const r = await cli([
        "notice",
        file,
        "--out",
        join(dir, `通报-${basename(file)}`),
        "--as-of",
        "2022-10-31",
        "--json",
      ]);
      const j = JSON.parse(r.stdout);
      return { totals: j.totals, units: j.units, issues: j.summary };
    };
    expect(await figures(back)).toEqual(await figures(master));
  });
});

describe("template", () => {
  it("writes the blank template: header found, lists from the hidden 选项 sheet, dates, 0–100, prompts, frozen header", async () => {
    const out = join(dir, "空白.xlsx");
    expect((await cli(["template", "--out", out])).code).toBe(0);
    const book = await readWorkbookFile(out);
    const ledger = book.sheets.find((s) => s.name === "重点任务台账")!;
    expect(findHeaderRow(ledger)).toBe(2);
    expect(book.sheets.find((s) => s.name === "选项")?.hidden).toBe(true);
    const validate = await cli(["validate", out, "--json"]);
    expect(JSON.parse(validate.stdout).summary).toEqual({ errors: 0, warnings: 1 }); // no-roster only

    const xml = sheetXml(parts(out), "重点任务台账");
    const rules = validationsOf(xml);
    expect(
      rules.some((v) => /type="list"/.test(v) && /<formula1>'?选项'?!\$A\$2:\$A\$5<\/formula1>/.test(v)),
    ).toBe(true);
    expect(
      rules.some((v) => /type="list"/.test(v) && /<formula1>'?选项'?!\$B\$2:\$B\$9<\/formula1>/.test(v)),
    ).toBe(true);
    expect(rules.filter((v) => /type="date"/.test(v)).length).toBeGreaterThanOrEqual(2);
    expect(
      rules.some(
        (v) => /type="decimal"/.test(v) && /sqref="I4:I\d+"/.test(v) && /promptTitle="完成进度"/.test(v),
      ),
    ).toBe(true);
    expect(/<pane [^>]*ySplit="3"[^>]*state="frozen"/.test(xml)).toBe(true);
    expect(/<sheetProtection/.test(xml)).toBe(false); // a blank template is not protected
  });

  it("pre-fills a unit's tasks with the task-defining cells locked and the rest open", async () => {
    const master = join(dir, "母表.xlsx");
    await cli(["merge", ...seedFiles(), "--out", master]);
    const out = join(dir, "青山区.xlsx");
    const result = await cli(["template", "--out", out, "--unit", "青山", "--tasks", master]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/青山区/);
    const book = await readWorkbookFile(out);
    const ledger = book.sheets.find((s) => s.name === "重点任务台账")!;
    expect(ledger.values[1]?.[2]).toBe("青山区");
    const rows = ledgerRows(book, ["sourceFile", "sourceRow"]);
    expect(rows.length).toBe(39);
    const files = parts(out);
    const xml = sheetXml(files, "重点任务台账");
    expect(/<sheetProtection /.test(xml)).toBe(true);
    expect(/locked="0"/.test(files.get("xl/styles.xml")!)).toBe(true);
    expect(validationsOf(xml).some((v) => /<formula1>'?选项'?!\$C\$2:\$C\$26<\/formula1>/.test(v))).toBe(
      true,
    );

    expect(
      (await cli(["template", "--out", join(dir, "x.xlsx"), "--unit", "不存在区", "--tasks", master])).code,
    ).toBe(2);
    expect((await cli(["template", "--out", join(dir, "x.xlsx"), "--tasks", master])).code).toBe(2);
  });

  (libreOfficeAvailable() ? it : it.skip)(
    "keeps its validation after a LibreOffice round trip",
    async () => {
      const out = join(dir, "往返.xlsx");
      await cli(["template", "--out", out, "--unit", "青山区"]);
      const lo = mkdtempSync(join(tmpdir(), "taizhang-loop-lo-"));
      try {
        const { paths } = await convertWithLibreOffice(out, "xlsx", lo);
        const files = parts(paths[0]!);
        const rules = validationsOf(sheetXml(files, "重点任务台账"));
        expect(
          rules.some(
            (v) => /type="list"/.test(v) && /<formula1>[^<]*选项[^<]*\$A\$2:\$A\$5<\/formula1>/.test(v),
          ),
        ).toBe(true);
        expect(rules.some((v) => /type="date"/.test(v))).toBe(true);
        expect(rules.some((v) => /type="decimal"/.test(v) && /promptTitle="完成进度"/.test(v))).toBe(true);
        const book = await readWorkbookFile(paths[0]!);
        expect(book.sheets.find((s) => s.name === "选项")?.hidden).toBe(true);
        expect(findHeaderRow(book.sheets.find((s) => s.name === "重点任务台账")!)).toBe(2);
      } finally {
        rmSync(lo, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
