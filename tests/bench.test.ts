/**
 * Smoke run of `npm run bench` at 1,000 rows, one run: the script works end to end and prints its
 * one table with every step, a ratio to the floor beside each figure and peak RSS for the commands.
 * The shape only — never the timings (speed targets are benchmarks, not tests).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const SCRIPT = join(ROOT, "dist", "bench", "run.js");

/** Builds the CLI (which includes bench/) unless dist is newer than the bench sources. */
function buildIfStale(): void {
  const sources = ["run.ts", "ledger.ts", "floor.ts", "alt-exceljs.ts"].map((f) => join(ROOT, "bench", f));
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  const cli = join(ROOT, "dist", "src", "cli", "main.js");
  if (existsSync(SCRIPT) && existsSync(cli) && statSync(SCRIPT).mtimeMs >= newest) return;
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
}

const pandas = ["python3", "/usr/bin/python3"].some(
  (python) => spawnSync(python, ["-c", "import pandas, openpyxl"], { stdio: "ignore" }).status === 0,
);

test("the bench prints one table: every step, ratios to the floor, peak RSS", () => {
  buildIfStale();
  const result = spawnSync(process.execPath, [SCRIPT, "--sizes", "1000", "--runs", "1"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 300_000,
  });
  expect(result.stderr).not.toMatch(/Error/);
  expect(result.status).toBe(0);
  const lines = result.stdout.split("\n");
  expect(lines[0]).toMatch(/^node v\d+.*median of 1 interleaved runs.*load average [\d.]+ → [\d.]+$/);
  expect(lines[1]).toMatch(/^ledgers: 1,000 rows [\d.]+ MB, inline strings \(/);
  const table = lines.filter((l) => l.startsWith("|"));
  expect(table[0]).toBe("| step | 1,000 rows | peak RSS (1,000) | growth 10k→100k (wall / cpu) |");
  expect(table[1]).toBe("|---|---|---|---|");
  const rows = table.slice(2).map((l) => l.slice(2, -2).split(" | "));
  expect(rows.map((r) => r[0])).toEqual([
    "floor: zlib inflate + one regex pass over every cell",
    "`taizhang validate --json`",
    "`taizhang notice --json`",
    "`taizhang notice --with-ledger --json`",
    "`taizhang split` (by unit)",
    "`taizhang merge --json` (the files `split` wrote)",
    "`taizhang feedback --json`",
    "core alone: validate + notice plans (grid in memory)",
    "writer alone: `--with-ledger` plans → .xlsx bytes",
    "ExcelJS streaming reader: completion rates",
    ...(pandas ? ["pandas `read_excel` (openpyxl): completion rates"] : []),
  ]);
  const time = String.raw`\d+(\.\d+)? (ms|s)`;
  expect(rows[0]).toEqual([
    rows[0]![0],
    expect.stringMatching(new RegExp(`^${time}, cpu ${time}$`)),
    "—",
    "—",
  ]);
  const ratio = String.raw`\(\d+\.\d×\)`;
  for (const row of rows.slice(1)) {
    expect(row).toHaveLength(4);
    expect(row[1]).toMatch(new RegExp(`^${time} ${ratio}, cpu ${time} ${ratio}$`));
    expect(row[3]).toBe("—");
  }
  // Peak RSS for what runs as its own process (the commands and the alternatives), none for in-process
  // steps (the floor, core, writer).
  const rss = rows.map((r) => /^\d+ MB$/.test(r[2]!));
  const ownProcess = (label: string) => /^(`taizhang |ExcelJS |pandas )/.test(label);
  expect(rss).toEqual(rows.map((r) => ownProcess(r[0]!)));
  expect(rss.filter(Boolean)).toHaveLength(pandas ? 8 : 7);
}, 600_000);

test("`--strings shared` measures the ledgers saved with a shared string table", () => {
  buildIfStale();
  const result = spawnSync(
    process.execPath,
    [SCRIPT, "--sizes", "1000", "--runs", "1", "--strings", "shared", "--steps", "validate"],
    { cwd: ROOT, encoding: "utf8", timeout: 300_000 },
  );
  expect(result.status).toBe(0);
  const lines = result.stdout.split("\n");
  expect(lines[1]).toMatch(/^ledgers: 1,000 rows [\d.]+ MB, shared strings \(/);
  expect(lines.filter((l) => l.startsWith("|")).map((l) => l.split(" | ")[0])).toEqual([
    "| step",
    "|---|---|---|---|",
    "| floor: zlib inflate + one regex pass over every cell",
    "| `taizhang validate --json`",
  ]);
  const wrong = spawnSync(process.execPath, [SCRIPT, "--strings", "utf16"], { cwd: ROOT, encoding: "utf8" });
  expect(wrong.status).not.toBe(0);
  expect(wrong.stderr).toContain("--strings inline|shared");
}, 600_000);
