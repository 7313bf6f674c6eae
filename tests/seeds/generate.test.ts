import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";

import {
  defaultSeedsDir,
  generateSample,
  plainCellValue,
  sortIssues,
  type SampleManifest,
} from "../../seeds/generate";
import { readLedgerIssues } from "./spec-reading";

const SEEDS = path.join(__dirname, "../../seeds");

/**
 * The raw `t` and `<v>` of one cell, straight from the sheet XML. Needed where ExcelJS reading loses
 * information: it turns the cached error of a date-formatted formula cell into an Invalid Date.
 */
function rawCell(file: string, sheet: string, ref: string): { t: string | null; v: string | null } {
  const zip = unzipSync(fs.readFileSync(file));
  const text = (name: string): string => strFromU8(zip[name] ?? new Uint8Array());
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"))?.[1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1] ?? "";
  const xml = text(`xl/${target.replace(/^\/?xl\//, "")}`);
  const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>(.*?)</c>)`).exec(xml);
  if (m === null) return { t: null, v: null };
  return {
    t: /t="([^"]+)"/.exec(m[1] ?? "")?.[1] ?? null,
    v: /<v>([^<]*)<\/v>/.exec(m[2] ?? "")?.[1] ?? null,
  };
}

function isInvalidDateResult(value: ExcelJS.CellValue | undefined): boolean {
  if (value === null || typeof value !== "object" || !("formula" in value)) return false;
  const result = (value as { result?: unknown }).result;
  return result instanceof Date && Number.isNaN(result.getTime());
}

interface SheetDump {
  merges: string[];
  cells: Record<string, { value: unknown; numFmt: string | null }>;
}

/** Every sheet's cell contents, number formats and merges; not the bytes of the file. */
async function dumpWorkbook(file: string): Promise<Record<string, SheetDump> & { date1904?: boolean }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, SheetDump> & { date1904?: boolean } = {};
  for (const ws of wb.worksheets) {
    const cells: SheetDump["cells"] = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const value = v instanceof Date ? v.toISOString() : v;
        cells[cell.address] = {
          value: JSON.parse(JSON.stringify(value ?? null)),
          numFmt: cell.numFmt ?? null,
        };
      });
    });
    out[ws.name] = { merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(), cells };
  }
  if (wb.properties.date1904) out.date1904 = true;
  return out;
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full).map((f) => path.join(entry.name, f)));
    else if (entry.name.endsWith(".xlsx") || entry.name.endsWith(".json")) found.push(entry.name);
  }
  return found.sort();
}

async function dumpFolder(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of listFiles(dir)) {
    const full = path.join(dir, f);
    out[f] = f.endsWith(".json") ? JSON.parse(fs.readFileSync(full, "utf8")) : await dumpWorkbook(full);
  }
  return out;
}

let dirA: string;
let dirB: string;
let manifest: SampleManifest;

beforeAll(async () => {
  dirA = fs.mkdtempSync(path.join(os.tmpdir(), "taizhang-seeds-a-"));
  dirB = fs.mkdtempSync(path.join(os.tmpdir(), "taizhang-seeds-b-"));
  manifest = await generateSample(dirA);
  await generateSample(dirB);
});

afterAll(() => {
  fs.rmSync(dirA, { recursive: true, force: true });
  fs.rmSync(dirB, { recursive: true, force: true });
});

describe("the bundled sample generator", () => {
  test("two generations yield identical cell contents", async () => {
    const a = await dumpFolder(dirA);
    const b = await dumpFolder(dirB);
    expect(Object.keys(a).length).toBeGreaterThan(40);
    expect(b).toEqual(a);
    // The zip entries carry a fixed time too, so regenerating causes no churn in git.
    for (const f of listFiles(dirA)) {
      expect({
        f,
        same: fs.readFileSync(path.join(dirA, f)).equals(fs.readFileSync(path.join(dirB, f))),
      }).toEqual({
        f,
        same: true,
      });
    }
  });

  test("the committed sample under seeds/ matches a fresh generation", async () => {
    expect(listFiles(SEEDS)).toEqual(listFiles(dirA));
    expect(await dumpFolder(SEEDS)).toEqual(await dumpFolder(dirA));
  });

  test("finds the seeds folder from its own location", () => {
    expect(fs.realpathSync(defaultSeedsDir())).toBe(fs.realpathSync(SEEDS));
  });

  test("tells the story: missing, stalled and progressing units", () => {
    const [p1, p2] = manifest.periods;
    if (p1 === undefined || p2 === undefined) throw new Error("two periods expected");
    expect(p1.asOf).toBe("2022-09-30");
    expect(p2.asOf).toBe("2022-10-31");
    expect(manifest.roster).toHaveLength(25);
    expect(new Set(manifest.roster.map((u) => u.group))).toEqual(
      new Set(["县市区", "开发区", "市直机关", "市属国企"]),
    );
    for (const p of [p1, p2]) {
      const files = fs.readdirSync(path.join(dirA, p.dir)).filter((f) => f.endsWith(".xlsx"));
      expect(files.sort()).toEqual([...p.files]);
      expect(files).toHaveLength(25 - p.notSubmitted.length);
      for (const unit of p.notSubmitted) expect(files).not.toContain(`${unit}.xlsx`);
    }
    const before = new Map(p1.units.map((u) => [u.unit, u.completed]));
    let progressed = 0;
    for (const u of p2.units) {
      const was = before.get(u.unit);
      if (was === undefined) continue;
      if (p2.stalled.includes(u.unit)) expect(u.completed).toBe(was);
      else if (u.completed > was) progressed++;
    }
    expect(p2.stalled.length).toBeGreaterThanOrEqual(2);
    expect(progressed).toBeGreaterThanOrEqual(15);
    for (const p of [p1, p2]) for (const u of p.units) expect(u.tasks).toBeGreaterThanOrEqual(35);
  });

  test("a stalled unit's ledger rows are the same in both periods", async () => {
    const p2 = manifest.periods[1];
    if (p2 === undefined) throw new Error("period 2 expected");
    for (const unit of p2.stalled) {
      const one = await dumpWorkbook(path.join(dirA, "period-1", `${unit}.xlsx`));
      const two = await dumpWorkbook(path.join(dirA, "period-2", `${unit}.xlsx`));
      const sheet = Object.keys(one).find((s) => s !== "设置" && s !== "单位名册" && s !== "date1904") ?? "";
      const body = (d: SheetDump): string[] =>
        Object.entries(d.cells)
          .filter(([, c]) => !String(c.value).startsWith("填报单位") && !String(c.value).startsWith("（截至"))
          .map(([a, c]) => `${a}=${JSON.stringify(c.value)}`);
      expect(body(two[sheet] as SheetDump)).toEqual(body(one[sheet] as SheetDump));
    }
  });

  test("expected-issues.json is the sorted manifest and plants every kind of mistake", () => {
    const codes = new Set<string>();
    for (const p of manifest.periods) {
      const json = JSON.parse(fs.readFileSync(path.join(dirA, p.dir, "expected-issues.json"), "utf8"));
      expect(json).toEqual(p.issues.map(({ file, sheet, cell, code }) => ({ file, sheet, cell, code })));
      expect(sortIssues(json)).toEqual(json);
      const errors = p.issues.filter(
        (i) => !["nonstandard-value", "unknown-column", "blank-row", "ambiguous-percent"].includes(i.code),
      );
      expect(errors.length).toBeGreaterThanOrEqual(10);
      expect(errors.length).toBeLessThanOrEqual(20);
      for (const i of p.issues) codes.add(i.code);
    }
    for (const code of [
      "invalid-date",
      "status-progress-mismatch",
      "done-date-missing",
      "done-date-unexpected",
      "done-date-in-future",
      "evidence-missing",
      "duplicate-task",
      "invalid-enum",
      "unknown-unit",
      "out-of-range",
      "formula-error",
      "required-missing",
      "ambiguous-percent",
      "blank-row",
      "nonstandard-value",
      "unknown-column",
    ]) {
      expect(codes).toContain(code);
    }
  });

  test("each manifest cell exists and holds the planted value", async () => {
    const books = new Map<string, ExcelJS.Workbook>();
    for (const p of manifest.periods) {
      for (const issue of p.issues) {
        const file = path.join(SEEDS, p.dir, issue.file);
        let wb = books.get(file);
        if (wb === undefined) {
          wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(file);
          books.set(file, wb);
        }
        const ws = wb.getWorksheet(issue.sheet);
        expect(ws).toBeDefined();
        const cell = ws?.getCell(issue.cell);
        let read = isInvalidDateResult(cell?.value) ? null : plainCellValue(cell?.value);
        if (isInvalidDateResult(cell?.value)) {
          const raw = rawCell(file, issue.sheet, issue.cell);
          read = raw.t === "e" ? raw.v : null;
        }
        expect({ ...issue, read }).toEqual({ ...issue, read: issue.value });
        if (issue.code === "blank-row") {
          const row = ws?.getRow(Number(issue.cell.slice(1)));
          const values: unknown[] = [];
          row?.eachCell({ includeEmpty: false }, (c) => values.push(c.value));
          expect(values.filter((v) => v !== null && v !== "")).toEqual([]);
        }
      }
    }
    // A few plants spelt out, so that a change in the planting shows up here by name.
    const all = manifest.periods.flatMap((p) => p.issues);
    expect(all).toContainEqual(
      expect.objectContaining({ code: "invalid-date", value: "10月底", file: "青山区.xlsx" }),
    );
    expect(all).toContainEqual(expect.objectContaining({ code: "invalid-enum", value: "完成了吧" }));
    expect(all).toContainEqual(expect.objectContaining({ code: "unknown-unit", value: "市卫建委" }));
    expect(all).toContainEqual(expect.objectContaining({ code: "formula-error", value: "#N/A" }));
    expect(all).toContainEqual(expect.objectContaining({ code: "ambiguous-percent", value: 0.5 }));
  });

  test("an independent reading of SPEC §2–§4 finds exactly the expected issues", async () => {
    const roster = manifest.roster;
    for (const p of manifest.periods) {
      const found = [];
      for (const file of p.files)
        found.push(...(await readLedgerIssues(path.join(dirA, p.dir, file), file, roster)));
      const expected = p.issues.map(({ file, sheet, cell, code }) => ({ file, sheet, cell, code }));
      expect(sortIssues(found)).toEqual(expected);
    }
  });

  test("the evaluation workbook: weights, every unit scored, one wrong total", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SEEDS, "考核评分.xlsx"));
    const settings = wb.getWorksheet("设置");
    const weights: Record<string, number> = {};
    let inWeights = false;
    settings?.eachRow((row) => {
      const [a, b] = [plainCellValue(row.getCell(1).value), plainCellValue(row.getCell(2).value)];
      if (a === "考核表" && b === "权重") inWeights = true;
      else if (inWeights && typeof a === "string" && typeof b === "number") weights[a] = b;
    });
    expect(weights).toEqual({ 平时掌握情况: 30, 日常督查检查: 30, 年终专项考评: 40 });

    const mismatches: string[] = [];
    for (const name of Object.keys(weights)) {
      const ws = wb.getWorksheet(name);
      if (ws === undefined) throw new Error(`missing sheet ${name}`);
      let headerRow = 0;
      let unitCol = 0;
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          const v = plainCellValue(cell.value);
          if (headerRow === 0 && (v === "单位" || v === "单位名称")) [headerRow, unitCol] = [r, c];
        });
      });
      const header = ws.getRow(headerRow);
      const totalCol = header.cellCount;
      const units: string[] = [];
      for (let r = headerRow + 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const unit = plainCellValue(row.getCell(unitCol).value);
        let sum = 0;
        for (let c = unitCol + 1; c < totalCol; c++) sum += Number(plainCellValue(row.getCell(c).value));
        const total = plainCellValue(row.getCell(totalCol).value);
        if (unit === "分值" || unit === "满分") {
          expect(sum).toBe(100);
          continue;
        }
        units.push(String(unit));
        if (total !== sum) mismatches.push(`${name}!${row.getCell(totalCol).address}`);
      }
      expect(units.sort()).toEqual(manifest.roster.map((u) => u.name).sort());
    }
    expect(mismatches).toEqual(
      manifest.scoring.issues.filter((i) => i.code === "total-mismatch").map((i) => `${i.sheet}!${i.cell}`),
    );
    expect(manifest.scoring.issues.map((i) => i.code).sort()).toEqual([
      "bonus-capped",
      "invalid-number",
      "nonstandard-value",
      "score-missing",
      "total-mismatch",
      "unknown-unit",
    ]);
    for (const u of manifest.scoring.units) {
      const composite = Object.entries(weights).reduce(
        (a, [s, w]) => a + (w * (u.scores[s] ?? NaN)) / 100,
        u.bonus - u.penalty,
      );
      expect(u.composite).toBeCloseTo(composite, 10);
      expect(u.composite).toBeGreaterThan(50);
      expect(u.bonus).toBeLessThanOrEqual(manifest.scoring.settings.bonusCap);
    }
    // The sample exercises the quota, the veto and a composite exactly on the 好 line.
    const by = (name: string) => manifest.scoring.units.find((u) => u.unit === name)!;
    expect([by("江南区").gradeBeforeLimits, by("江南区").grade]).toEqual(["好", "较好"]);
    expect([by("江城国控集团").gradeBeforeLimits, by("江城国控集团").grade]).toEqual(["好", "一般"]);
    expect([by("江城城投集团").composite, by("江城城投集团").grade]).toEqual([90, "好"]);
    expect(wb.getWorksheet("加减分")?.getCell("A1").value).toBe("单位");
    expect(wb.getWorksheet("一票否决")?.getCell("B2").value).toBe("发生安全生产责任事故，造成不良影响");
  });
});
