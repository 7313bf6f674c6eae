import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { HISTORY_SHEET, readHistory } from "../../src/core";
import { generateSample, type SampleManifest } from "../../seeds/generate";
import { definedNames, unzipXlsx } from "../helpers/xlsx-inspect";
import { cli } from "./helpers";

const SEEDS = path.join(__dirname, "../../seeds");
const files = (period: number) =>
  readdirSync(path.join(SEEDS, `period-${period}`))
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => path.join(SEEDS, `period-${period}`, n));

describe("taizhang notice on the bundled sample", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "taizhang-notice-"));
  const out1 = path.join(dir, "第1期.xlsx");
  const out2 = path.join(dir, "第2期.xlsx");
  let manifest: SampleManifest;
  let json1: any;
  let json2: any;

  beforeAll(async () => {
    manifest = await generateSample(path.join(dir, "sample"));
    const r1 = await cli(["notice", ...files(1), "--out", out1, "--json"]);
    expect(r1.stderr).toBe("");
    json1 = JSON.parse(r1.stdout);
    const r2 = await cli(["notice", ...files(2), "--out", out2, "--history", out1, "--json"]);
    expect(r2.stderr).toBe("");
    json2 = JSON.parse(r2.stdout);
  });

  it("prints the notice JSON of SPEC §10 after the validate fields", () => {
    expect(Object.keys(json2)).toEqual([
      "asOf",
      "files",
      "issues",
      "summary",
      "period",
      "totals",
      "unidentified",
      "units",
      "redList",
      "blackList",
      "stationed",
      "stalled",
      "notSubmitted",
      "unchecked",
      "overdueTasks",
    ]);
    // totals − unidentified = the roster units' sums.
    const sum = (k: "assigned" | "completed" | "overdue") =>
      json2.units.reduce((s: number, u: Record<string, number>) => s + u[k]!, 0);
    for (const k of ["assigned", "completed", "overdue"] as const)
      expect(json2.totals[k] - json2.unidentified[k]).toBe(sum(k));
    expect(json1.period).toBe(1);
    expect(json2.period).toBe(2);
    expect(json2.asOf).toBe("2022-10-31");
    expect(Object.keys(json2.units[0])).toEqual([
      "unit",
      "group",
      "assigned",
      "completed",
      "closed",
      "overdue",
      "completedLate",
      "completionRate",
      "onTimeRate",
      "avgProgress",
      "rank",
      "rankChange",
      "errors",
    ]);
    expect(Object.keys(json2.overdueTasks[0])).toEqual([
      "unit",
      "taskId",
      "task",
      "deadline",
      "daysOverdue",
      "status",
      "owner",
    ]);
  });

  it("agrees with the generator on tasks, completions, 未报送 and 停滞", () => {
    for (const [json, period] of [
      [json1, manifest.periods[0]!],
      [json2, manifest.periods[1]!],
    ] as const) {
      expect([...json.notSubmitted].sort()).toEqual([...period.notSubmitted].sort());
      // Units whose ledger carries a planted error may count differently from the generator's intent.
      const touched = new Set(
        period.issues
          .filter(
            (i) =>
              !["nonstandard-value", "unknown-column", "blank-row", "ambiguous-percent"].includes(i.code),
          )
          .map((i) => i.file.replace(/\.xlsx$/, "")),
      );
      let compared = 0;
      for (const u of period.units) {
        if (touched.has(u.unit)) continue;
        const got = json.units.find((x: { unit: string }) => x.unit === u.unit);
        expect([u.unit, got.assigned, got.completed]).toEqual([u.unit, u.tasks, u.completed]);
        compared++;
      }
      expect(compared).toBeGreaterThan(5);
    }
    expect(json1.stalled).toEqual([]);
    for (const unit of manifest.periods[1]!.stalled) expect(json2.stalled).toContain(unit);
  });

  it("ranks within groups and carries rank changes across periods", () => {
    for (const json of [json1, json2]) {
      const groups = new Set(json.units.map((u: { group: string }) => u.group));
      for (const g of groups) {
        const ranked = json.units.filter((u: any) => u.group === g && u.rank !== null);
        for (const u of ranked) {
          const better = ranked.filter(
            (o: any) =>
              o.completed * u.assigned > u.completed * o.assigned ||
              (o.completed * u.assigned === u.completed * o.assigned &&
                (o.overdue < u.overdue || (o.overdue === u.overdue && o.avgProgress > u.avgProgress + 1e-9))),
          );
          expect([u.unit, u.rank]).toEqual([u.unit, better.length + 1]);
        }
      }
    }
    for (const u of json2.units) {
      const before = json1.units.find((x: any) => x.unit === u.unit);
      const expected = u.rank !== null && before?.rank != null ? before.rank - u.rank : null;
      expect([u.unit, u.rankChange]).toEqual([u.unit, expected]);
    }
    expect(json1.units.every((u: any) => u.rankChange === null)).toBe(true);
    expect(json1.stationed).toEqual([]);
    for (const unit of json2.stationed) {
      expect(json1.blackList).toContain(unit);
      expect(json2.blackList).toContain(unit);
    }
  });

  it("writes the notice, the validation report and the hidden history", async () => {
    const wb = await readWorkbookFile(out2);
    expect(wb.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["通报（第2期）", false],
      ["通报（第2期）附件1", false],
      ["通报（第2期）附件2", false],
      ["通报（第2期）附件3", false],
      [HISTORY_SHEET, true],
    ]);
    const notice = wb.sheets[0]!;
    expect(notice.values[0]![0]).toBe("重点任务推进情况通报");
    expect(notice.values.flat()).toContain("关于基层党建工作重点任务推进情况的通报");
    expect(notice.values.flat()).toContain("（统计截至2022年10月31日）");
    const history = readHistory(wb.sheets[4]!, false).records;
    expect(new Set(history.map((h) => h.period))).toEqual(new Set([1, 2]));
    expect(history.filter((h) => h.period === 2)).toHaveLength(json2.units.length);
  });

  it("marks every written sheet as the product's own, as the add-in does (TaizhangKind)", () => {
    const marks = definedNames(unzipXlsx(out2)).filter((n) => n.name === "TaizhangKind");
    expect(marks).toEqual([
      { name: "TaizhangKind", localSheetId: 0, value: '"notice"' },
      { name: "TaizhangKind", localSheetId: 1, value: '"notice"' },
      { name: "TaizhangKind", localSheetId: 2, value: '"notice"' },
      { name: "TaizhangKind", localSheetId: 3, value: '"report"' },
      { name: "TaizhangKind", localSheetId: 4, value: '"history"' },
    ]);
  });

  it("regenerating a period replaces its history rows (idempotent)", async () => {
    const out2b = path.join(dir, "第2期-重做.xlsx");
    const again = await cli(["notice", ...files(2), "--out", out2b, "--history", out2, "--json"]);
    const json = JSON.parse(again.stdout);
    expect(json.units).toEqual(json2.units);
    const a = readHistory(
      (await readWorkbookFile(out2)).sheets.find((s) => s.name === HISTORY_SHEET)!,
      false,
    );
    const b = readHistory(
      (await readWorkbookFile(out2b)).sheets.find((s) => s.name === HISTORY_SHEET)!,
      false,
    );
    expect(b.records).toEqual(a.records);
  });

  it("never writes an input, and refuses --out over the history", async () => {
    const input = files(1)[0]!;
    const before = readFileSync(input);
    const r = await cli(["notice", input, "--out", input]);
    expect(r.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    const r2 = await cli(["notice", ...files(2), "--out", out1, "--history", out1]);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses to generate when 设置 is invalid, naming the cell", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files(1)[0]!);
    const settings = wb.getWorksheet("设置")!;
    settings.eachRow((row) => {
      if (row.getCell(1).value === "红榜名次") row.getCell(2).value = "前三";
    });
    const bad = path.join(dir, "bad-settings.xlsx");
    await wb.xlsx.writeFile(bad);
    const out = path.join(dir, "never.xlsx");
    const r = await cli(["notice", bad, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/设置!B\d+ .*红榜名次/);
    expect(existsSync(out)).toBe(false);
  });

  it("reports a broken input in one line and still writes the notice from the others", async () => {
    const broken = path.join(dir, "broken.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 broken");
    const out = path.join(dir, "partial.xlsx");
    const r = await cli(["notice", broken, ...files(2).slice(0, 3), "--out", out, "--json"]);
    expect(r.code).toBe(2);
    // One line for the broken file; one saying that 3 of the roster's 25 units were read.
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(broken);
    expect(lines[1]).toMatch(
      /^taizhang: 注意：单位名册共 25 个单位，只读到 3 个单位的台账；其余 22 个单位（/,
    );
    expect(JSON.parse(r.stdout).files[0]).toEqual({ file: broken, error: expect.any(String) });
    expect(existsSync(out)).toBe(true);
  });

  it("says when fewer than half of the roster's units were read, names the first five, and still writes", async () => {
    const out = path.join(dir, "one-unit.xlsx");
    const r = await cli(["notice", files(2)[0]!, "--out", out]);
    expect(existsSync(out)).toBe(true);
    const note = r.stderr.trim().split("\n");
    expect(note).toHaveLength(1);
    const missing = /其余 (\d+) 个单位（([^）]*)）在通报中列为未报送/u.exec(note[0]!)!;
    expect(missing[1]).toBe("24");
    // The five names shown are 未报送 in the notice the command printed, and "等" says there are more.
    expect(missing[2]!.endsWith("等")).toBe(true);
    const names = missing[2]!.slice(0, -1).split("、");
    expect(names).toHaveLength(5);
    const listed = /未报送：(.*)/u.exec(r.stdout)![1]!.split("、");
    expect(listed).toHaveLength(24);
    expect(listed.slice(0, 5)).toEqual(names);
    // Half present is not "fewer than half": 13 of 25 say nothing.
    const most = await cli(["notice", ...files(2).slice(0, 13), "--out", path.join(dir, "most.xlsx")]);
    expect(most.stderr).toBe("");
  });
});
