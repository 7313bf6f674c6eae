import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "./helpers";

const SEEDS = path.join(__dirname, "../../seeds");

function sampleFiles(period: number): string[] {
  const dir = path.join(SEEDS, `period-${period}`);
  return readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => path.join(dir, n));
}

interface Expected {
  file: string;
  sheet: string;
  cell: string;
  code: string;
}

describe("taizhang validate on the bundled sample", () => {
  it.each([1, 2])(
    "period %i: reports exactly the planted issues, none missed, none false",
    async (period) => {
      const files = sampleFiles(period);
      const result = await cli(["validate", ...files, "--json"]);
      expect(result.stderr).toBe("");
      const json = JSON.parse(result.stdout);
      const expected: Expected[] = JSON.parse(
        readFileSync(path.join(SEEDS, `period-${period}`, "expected-issues.json"), "utf8"),
      );
      const key = (i: Expected) => `${path.basename(i.file)}|${i.sheet}|${i.cell}|${i.code}`;
      expect(json.issues.map(key).sort()).toEqual(expected.map(key).sort());
      expect(result.code).toBe(json.summary.errors > 0 ? 1 : 0);
      expect(json.summary.errors + json.summary.warnings).toBe(json.issues.length);
      expect(json.files).toHaveLength(files.length);
    },
  );

  it("prints the JSON shape of SPEC §10", async () => {
    const file = sampleFiles(1).find((f) => f.endsWith("青山区.xlsx"))!;
    const result = await cli(["validate", file, "--json", "--as-of", "2022-09-30"]);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["asOf", "files", "issues", "summary"]);
    expect(json.asOf).toBe("2022-09-30");
    expect(json.files[0]).toEqual({
      file,
      sheets: [
        {
          sheet: "重点任务台账",
          headerRow: expect.any(Number),
          rows: expect.any(Number),
          errors: 1,
          warnings: 0,
        },
      ],
    });
    expect(json.issues).toEqual([
      {
        file,
        code: "invalid-date",
        severity: "error",
        sheet: "重点任务台账",
        cell: "G21",
        row: 21,
        column: "完成时限",
        value: "10月底",
        message: expect.stringContaining("不是有效日期"),
        suggestion: null,
      },
    ]);
    expect(result.code).toBe(1);
  });
});

describe("taizhang validate with bad input", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "taizhang-cli-"));
  const notXlsx = path.join(dir, "notes.xlsx");
  writeFileSync(notXlsx, "这不是表格");
  const truncated = path.join(dir, "truncated.xlsx");
  writeFileSync(truncated, readFileSync(sampleFiles(1)[0]!).subarray(0, 3000));

  it("reports an unreadable file in one line, validates the others, exits 2", async () => {
    const good = sampleFiles(1).find((f) => f.endsWith("市民政局.xlsx"))!;
    const result = await cli([
      "validate",
      notXlsx,
      good,
      truncated,
      path.join(dir, "missing.xlsx"),
      "--json",
    ]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^taizhang: .+\.xlsx: \S.*$/);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    const json = JSON.parse(result.stdout);
    expect(json.files.map((f: { file: string }) => path.basename(f.file))).toEqual([
      "notes.xlsx",
      "市民政局.xlsx",
      "truncated.xlsx",
      "missing.xlsx",
    ]);
    expect(json.files[0]).toEqual({ file: notXlsx, error: expect.stringMatching(/\S/) });
    expect(json.files[1].sheets[0].sheet).toBe("重点任务台账");
    expect(json.files[2].error).toBeDefined();
    expect(json.files[3].error).toBe("文件不存在");
  });

  it.each([
    [["validate"], /请指定/],
    [["validate", "a.xlsx", "--as-of", "2022-13-01"], /--as-of/],
    [["validate", "a.xlsx", "--bogus"], /未知选项/],
    [["frobnicate"], /未知命令/],
  ])("usage error %j exits 2 with one line", async (...[argv, pattern]) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe("");
  });

  it("prints a Chinese report without --json", async () => {
    const file = sampleFiles(1).find((f) => f.endsWith("青山区.xlsx"))!;
    const result = await cli(["validate", file]);
    expect(result.stdout).toContain("重点任务台账!G21");
    expect(result.stdout).toContain("不是有效日期");
    expect(result.stdout).toContain("合计：1 个文件，1 个错误");
  });
});
