/**
 * `taizhang feedback` (SPEC §10): one annotated copy per workbook with issues, none for a clean
 * workbook, one line for an unreadable one; inputs untouched; exit codes and JSON as everywhere.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../cli/helpers";
import { richLedger, withVbaProject } from "./fixtures";
import { sheetjsWorkbook } from "./oracle";

jest.setTimeout(180_000);

const SAMPLE = path.join(__dirname, "../../seeds/period-2");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "taizhang-feedback-"));
}

describe("taizhang feedback", () => {
  it("writes a copy for each workbook with issues, none for a clean one, and never touches the inputs", async () => {
    const inputs = readdirSync(SAMPLE)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
      .map((f) => path.join(SAMPLE, f));
    const hashes = inputs.map(sha);
    const out = tempDir();
    const result = await cli(["feedback", ...inputs, "--out-dir", out, "--as-of", "2022-10-31", "--json"]);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(result.code).toBe(json.summary.errors > 0 ? 1 : 0);
    expect(json.deadline).toBe("2022-11-03");
    expect(json.resubmitDays).toBe(3);
    const withIssues = json.files.filter(
      (f: { errors: number; warnings: number }) => f.errors + f.warnings > 0,
    );
    const clean = json.files.filter((f: { errors: number; warnings: number }) => f.errors + f.warnings === 0);
    expect(clean.length).toBeGreaterThan(0);
    for (const f of clean) expect(f.output).toBeNull();
    for (const f of withIssues) {
      expect(f.output).toBe(path.join(out, `${path.basename(f.file, ".xlsx")}-退回修改.xlsx`));
      expect(sheetjsWorkbook(new Uint8Array(readFileSync(f.output))).sheets[0]).toBe("退回修改说明");
      const issues = json.issues.filter((i: { file: string }) => i.file === f.file);
      expect(f.errors + f.warnings).toBe(issues.length);
      expect(f.marked).toBe(
        new Set(
          issues
            .filter((i: { cell: string | null }) => i.cell)
            .map((i: { sheet: string; cell: string }) => `${i.sheet}!${i.cell}`),
        ).size,
      );
    }
    // Only the copies, no temporary files left behind.
    expect(readdirSync(out).sort()).toEqual(
      withIssues.map((f: { output: string }) => path.basename(f.output)).sort(),
    );
    expect(inputs.map(sha)).toEqual(hashes);
  });

  it("says in Chinese what it did, file by file", async () => {
    const out = tempDir();
    const clean = path.join(SAMPLE, "青山区.xlsx");
    const dirty = path.join(SAMPLE, "东湖区.xlsx");
    const result = await cli(["feedback", clean, dirty, "--out-dir", out, "--as-of", "2022-10-31"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✓ ${clean}：未发现问题，无需退回，未生成退回件`);
    expect(result.stdout).toContain(`→ ${path.join(out, "东湖区-退回修改.xlsx")}`);
    expect(result.stdout).toContain(
      "合计：2 个文件，生成退回件 1 份，无问题 1 份。退回件要求各单位于2022年11月3日前修改后重新报送。",
    );
  });

  it("reports an unreadable file in one line, copies nothing for it, and still does the others (exit 2)", async () => {
    const dir = tempDir();
    const broken = path.join(dir, "坏文件.xlsx");
    writeFileSync(broken, "not a zip at all");
    const xls = path.join(dir, "旧格式.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const good = path.join(SAMPLE, "东湖区.xlsx");
    const out = path.join(dir, "out");
    const result = await cli(["feedback", broken, xls, good, "--out-dir", out, "--json"]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^taizhang: .*坏文件\.xlsx: /);
    expect(lines[1]).toMatch(/^taizhang: .*旧格式\.xls: /);
    const json = JSON.parse(result.stdout);
    expect(json.files[0]).toEqual({ file: broken, error: expect.any(String) });
    expect(json.files[1]).toEqual({ file: xls, error: expect.any(String) });
    expect(readdirSync(out)).toEqual(["东湖区-退回修改.xlsx"]);
  });

  it("keeps a macro workbook's extension, names two inputs of the same name apart, and refuses no --out-dir", async () => {
    const dir = tempDir();
    const rich = await richLedger();
    const a = path.join(dir, "a", "青山区.xlsx");
    const b = path.join(dir, "b", "青山区.xlsx");
    const m = path.join(dir, "青山区宏.xlsm");
    for (const f of [a, b]) {
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, rich);
    }
    writeFileSync(m, withVbaProject(rich));
    const out = path.join(dir, "out");
    const result = await cli(["feedback", a, b, m, "--out-dir", out]);
    expect(result.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(
      ["青山区-退回修改.xlsx", "青山区-退回修改（2）.xlsx", "青山区宏-退回修改.xlsm"].sort(),
    );
    expect(result.stdout).toContain("（含宏，保持 .xlsm）");

    const usage = await cli(["feedback", a]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--out-dir");
  });

  it("never writes over an input, even when the output folder is the input's folder", async () => {
    const dir = tempDir();
    const input = path.join(dir, "东湖区.xlsx");
    copyFileSync(path.join(SAMPLE, "东湖区.xlsx"), input);
    // An input that happens to carry the copy's name must not be overwritten by the copy of another.
    const trap = path.join(dir, "东湖区-退回修改.xlsx");
    copyFileSync(path.join(SAMPLE, "东湖区.xlsx"), trap);
    const before = sha(trap);
    const result = await cli(["feedback", input, trap, "--out-dir", dir]);
    expect(result.code).toBe(2);
    expect(sha(trap)).toBe(before);
    expect(result.stderr).toContain("拒绝覆盖");
    expect(existsSync(path.join(dir, "东湖区-退回修改-退回修改.xlsx"))).toBe(true);
  });
});
