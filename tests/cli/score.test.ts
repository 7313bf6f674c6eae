/**
 * `taizhang score` (SPEC §10) on the bundled sample against the generator's expected results, exit
 * codes, unreadable files, refusal on setup errors, and the written 考核汇总 opened by LibreOffice.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sortIssues } from "../../seeds/generate";
import { expected } from "../scoring/expected";
import {
  convertWithLibreOffice,
  csvPathForSheet,
  libreOfficeAvailable,
  readPdf,
} from "../helpers/libreoffice";
import { cli } from "./helpers";

const SAMPLE = path.join(__dirname, "../../seeds", expected.file);
const dir = mkdtempSync(path.join(os.tmpdir(), "taizhang-score-"));

describe("taizhang score --json on the bundled sample", () => {
  let json: any;
  let code: number;
  beforeAll(async () => {
    const r = await cli(["score", SAMPLE, "--json"]);
    expect(r.stderr).toBe("");
    code = r.code;
    json = JSON.parse(r.stdout);
  });

  it("prints the fields of SPEC §10", () => {
    expect(Object.keys(json)).toEqual(["files", "sheets", "groups", "units", "issues", "summary"]);
    expect(json.sheets).toEqual(
      Object.entries(expected.weights).map(([sheet, weight]) => ({ sheet, weight, maxTotal: 100 })),
    );
    expect(Object.keys(json.units[0])).toEqual([
      "unit",
      "group",
      "scores",
      "bonus",
      "penalty",
      "composite",
      "rank",
      "grade",
      "gradeBeforeLimits",
      "veto",
    ]);
    expect(json.files).toEqual([{ file: SAMPLE, sheets: Object.keys(expected.weights) }]);
  });

  it("every unit's scores, composite, rank, grade, bonus, penalty and veto equal the generator's", () => {
    expect(json.units).toHaveLength(expected.units.length);
    for (const e of expected.units) {
      const u = json.units.find((x: { unit: string }) => x.unit === e.unit);
      for (const [sheet, score] of Object.entries(e.scores)) expect(u.scores[sheet]).toBeCloseTo(score, 9);
      expect(u.composite).toBeCloseTo(e.composite, 9);
      expect([u.group, u.rank, u.grade, u.gradeBeforeLimits, u.bonus, u.penalty, u.veto]).toEqual([
        e.group,
        e.rank,
        e.grade,
        e.gradeBeforeLimits,
        e.bonus,
        e.penalty,
        e.veto,
      ]);
    }
    expect(json.groups.map((g: { group: string; quota: number }) => [g.group, g.quota])).toEqual(
      Object.entries(expected.quotas).map(([g, q]) => [g, q.quota]),
    );
  });

  it("reports exactly the planted issues, with messages, and exits 1 for their errors", () => {
    const found = json.issues.map((i: { file: string; sheet: string; cell: string; code: string }) => ({
      file: path.basename(i.file),
      sheet: i.sheet,
      cell: i.cell,
      code: i.code,
    }));
    expect(sortIssues(found)).toEqual(expected.issues);
    for (const i of json.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    const errors = json.issues.filter((i: { severity: string }) => i.severity === "error").length;
    expect(json.summary).toEqual({ errors, warnings: json.issues.length - errors });
    expect(code).toBe(errors > 0 ? 1 : 0);
  });
});

describe("taizhang score: files and refusals", () => {
  async function writeXlsx(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    await wb.xlsx.writeFile(file);
    return file;
  }
  const clean = (wb: ExcelJS.Workbook, weights: Array<[string, number]>) => {
    const s = wb.addWorksheet("设置");
    s.addRows([["项目", "值"], [], ["考核表", "权重"], ...weights]);
    const r = wb.addWorksheet("单位名册");
    r.addRows([
      ["单位名称", "单位类别"],
      ["甲区", "县市区"],
      ["乙区", "县市区"],
    ]);
    const a = wb.addWorksheet("平时");
    a.addRows([
      ["单位", "组织（60分）", "作风（40分）"],
      ["甲区", 50, 40],
      ["乙区", 40, 30],
    ]);
  };

  it("a clean workbook exits 0 and prints the ranked table", async () => {
    const file = await writeXlsx(path.join(dir, "clean.xlsx"), (wb) => clean(wb, [["平时", 100]]));
    const r = await cli(["score", file]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("1  甲区  90.0  综合 90.00  好");
    expect(r.stdout).toContain("2  乙区  70.0  综合 70.00  一般");
  });

  it("an unreadable file is one line and exit 2; the others are still scored and listed", async () => {
    const bad = path.join(dir, "broken.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = await cli(["score", bad, SAMPLE, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("broken.xlsx");
    const json = JSON.parse(r.stdout);
    expect(json.files[0]).toEqual({ file: bad, error: expect.any(String) });
    expect(json.units).toHaveLength(expected.units.length);
  });

  it("weights not summing to 100: the issue is reported and no 考核汇总 is written (exit 2)", async () => {
    const file = await writeXlsx(path.join(dir, "weights.xlsx"), (wb) => clean(wb, [["平时", 90]]));
    const out = path.join(dir, "refused.xlsx");
    const r = await cli(["score", file, "--out", out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toContain("考核权重合计为 90，应为 100");
    expect(r.stderr).toContain("未生成考核汇总");
  });

  it("no evaluation sheet: exit 2 with one line saying what one looks like", async () => {
    const file = await writeXlsx(path.join(dir, "none.xlsx"), (wb) => {
      wb.addWorksheet("Sheet1").addRows([
        ["单位", "得分"],
        ["甲区", 1],
      ]);
    });
    const r = await cli(["score", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未找到考核表");
  });

  it("usage: no file, a non-.xlsx --out, an unknown option", async () => {
    expect((await cli(["score"])).code).toBe(2);
    expect((await cli(["score", SAMPLE, "--out", "x.csv"])).stderr).toContain("--out 应为 .xlsx 文件");
    expect((await cli(["score", SAMPLE, "--period", "1"])).code).toBe(2);
  });

  it("never writes an input file", async () => {
    const copy = path.join(dir, "copy.xlsx");
    writeFileSync(copy, readFileSync(SAMPLE));
    const r = await cli(["score", copy, "--out", copy]);
    expect(r.code).toBe(2);
    expect(readFileSync(copy).equals(readFileSync(SAMPLE))).toBe(true);
  });
});

(libreOfficeAvailable() ? describe : describe.skip)("the written 考核汇总 in LibreOffice", () => {
  const out = path.join(dir, "考核汇总.xlsx");
  let csv: string[][];
  let pdf: ReturnType<typeof readPdf>;

  beforeAll(async () => {
    const r = await cli(["score", SAMPLE, "--out", out]);
    expect(r.code).toBe(1);
    const csvDir = mkdtempSync(path.join(dir, "csv-"));
    const converted = await convertWithLibreOffice(out, "csv", csvDir);
    const sheet = csvPathForSheet(converted, out, "考核汇总") ?? converted.paths[0]!;
    csv = readFileSync(sheet, "utf8")
      .split("\n")
      .map((line) => line.split(","));
    const pdfDir = mkdtempSync(path.join(dir, "pdf-"));
    pdf = readPdf((await convertWithLibreOffice(out, "pdf", pdfDir)).paths[0]!);
  }, 300_000);

  it("states the weights and grade lines above the tables", () => {
    const top = csv.slice(0, 5).map((r) => r.join(","));
    expect(top.join("\n")).toContain("平时掌握情况 30%、日常督查检查 30%、年终专项考评 40%");
    expect(top.join("\n")).toContain("90 分及以上为好");
    expect(top.join("\n")).toContain("好等次比例 30%");
  });

  it("shows every unit once with its rank, scores to 1 decimal, composite to 2 decimals and grade", () => {
    for (const e of expected.units) {
      const rows = csv.filter((r) => r[1] === e.unit);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row[0]!.replace(/（并列）/, "")).toBe(String(e.rank));
      expect(row.slice(2, 5)).toEqual(
        Object.values(e.scores).map((s) => (Math.round(s * 10) / 10).toFixed(1)),
      );
      expect(row[6]).toBe((Math.round(e.composite * 100) / 100).toFixed(2));
      expect(row[7]).toBe(e.grade);
    }
  });

  it("notes the veto, the quota and the missing score in 备注", () => {
    const remark = (unit: string) =>
      csv
        .find((r) => r[1] === unit)!
        .slice(8)
        .join(",");
    expect(remark("江城国控集团")).toContain("一票否决：发生安全生产责任事故");
    expect(remark("江南区")).toContain("按比例评为较好");
    expect(remark("浮溪县")).toContain("加分 6 分超过上限，按 5 分计");
  });

  it("prints on A4 landscape, one page wide", () => {
    expect(pdf.pages).toBeGreaterThan(0);
    for (const box of pdf.mediaBoxes) expect(Math.round(box[2]!)).toBeGreaterThan(Math.round(box[3]!));
    for (const box of pdf.mediaBoxes) expect([Math.round(box[2]!), Math.round(box[3]!)]).toEqual([842, 595]);
  });
});
