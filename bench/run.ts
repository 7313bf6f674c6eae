/**
 * `npm run bench [-- --sizes 1000,10000,100000 --runs 3]`: the product's speed targets as
 * measurements, never as timed tests. Generates seeded ledgers (bench/ledger.ts, in the OS temp
 * folder), then measures, interleaved (each run visits every size and step in turn) and reports
 * medians, in ONE table:
 *
 * - the floor: Node's zlib inflate + one regex pass over every cell (bench/floor.ts), in process;
 * - `taizhang validate --json`, `notice --json`, `notice --with-ledger --json` as a user runs them:
 *   a child process each, wall time from spawn to exit and its peak RSS (bench/max-rss.cjs);
 * - the email loop's commands the same way: `split` of the ledger by unit, `merge` of what `split`
 *   wrote (made once per ledger, outside the timing) and `feedback` (退回修改) of the ledger;
 * - the core alone (validate + notice plans, the grid already in memory) and the writer alone
 *   (the `--with-ledger` workbook's plans → .xlsx bytes), in process;
 * - the alternatives a user might pick for the completion-rate job: ExcelJS's streaming reader
 *   (bench/alt-exceljs.ts) and, where `python3 -c "import pandas"` works, pandas (bench/alt-pandas.py).
 *
 * `--strings shared` measures the same ledgers with their text in a shared string table, as Excel,
 * WPS and LibreOffice save them (bench/ledger.ts); the default is inline strings, as issue #9 set.
 *
 * Each figure is wall time with its ratio to the floor's, then CPU time (user + system) with its
 * ratio to the floor's CPU time: on a shared machine the CPU figures are the steadier ones. The last
 * column is the growth 10k → 100k of both.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { readWorkbookFile } from "../src/adapters/xlsx";
import { renderWorkbookBuffer } from "../src/adapters/xlsx/write";
import { type RunValidation, type WorkbookGrid, planNoticeWorkbook, validateRun } from "../src/core";
import { BENCH_AS_OF, type StringStorage, benchLedger } from "./ledger";
import { floor } from "./floor";

/** The repository root: the folder above this file holding package.json (works from dist/bench too). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above the bench");
    dir = up;
  }
  return dir;
}

const ROOT = repoRoot();
const RSS_HOOK = join(ROOT, "bench", "max-rss.cjs");
const CLI = join(ROOT, "bin", "taizhang.js");
const ALT_EXCELJS = join(__dirname, "alt-exceljs.js");
const ALT_PANDAS = join(ROOT, "bench", "alt-pandas.py");

interface Sample {
  readonly ms: number;
  /** CPU time (user + system) in milliseconds. */
  readonly cpuMs: number;
  /** Peak resident set size in MB (child processes only). */
  readonly rssMb?: number;
}

interface Step {
  /** Short name for `--steps`. */
  readonly key: string;
  readonly label: string;
  readonly floor?: boolean;
  run(file: string, rows: number): Promise<Sample> | Sample;
}

function options(argv: readonly string[]): {
  sizes: number[];
  runs: number;
  strings: StringStorage;
  only?: string[];
} {
  let sizes = [1000, 10_000, 100_000];
  let runs = 3;
  let strings: string = "inline";
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sizes") sizes = (argv[++i] ?? "").split(",").map(Number);
    else if (argv[i] === "--runs") runs = Number(argv[++i]);
    else if (argv[i] === "--steps") only = (argv[++i] ?? "").split(",");
    else if (argv[i] === "--strings") strings = argv[++i] ?? "";
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (
    sizes.some((n) => !Number.isInteger(n) || n < 1) ||
    !Number.isInteger(runs) ||
    runs < 1 ||
    (strings !== "inline" && strings !== "shared")
  )
    throw new Error(
      "usage: run.js [--sizes 1000,10000,100000] [--runs 3] [--strings inline|shared] [--steps floor,validate,notice,ledger,split,merge,feedback,core,writer,exceljs,pandas]",
    );
  return only === undefined ? { sizes, runs, strings } : { sizes, runs, strings, only };
}

/** Runs a command as a child, as a user would; wall time from spawn to exit, peak RSS from the child. */
function child(
  command: string,
  args: readonly string[],
  okCodes: readonly number[],
  nodeHook: boolean,
): Sample {
  const dir = mkdtempSync(join(tmpdir(), "taizhang-bench-run-"));
  const rssFile = join(dir, "rss");
  try {
    const start = performance.now();
    const result = spawnSync(command, nodeHook ? ["-r", RSS_HOOK, ...args] : [...args], {
      cwd: dir,
      env: { ...process.env, TAIZHANG_BENCH_RSS: rssFile, LANG: "zh_CN.UTF-8" },
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    if (result.status === null || !okCodes.includes(result.status))
      throw new Error(
        `${basename(command)} ${args.join(" ")} → ${result.status ?? result.signal}\n${result.stderr}`,
      );
    const report = nodeHook ? readFileSync(rssFile, "utf8") : String(result.stderr).trim().split("\n").pop();
    const [kb, cpuUs] = (report ?? "").trim().split(/\s+/).map(Number);
    if (!Number.isFinite(kb) || !Number.isFinite(cpuUs))
      throw new Error(`no resource usage from ${basename(command)}`);
    return { ms, cpuMs: cpuUs! / 1000, rssMb: kb! / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const node = (args: readonly string[], okCodes: readonly number[] = [0, 1]) =>
  child(process.execPath, args, okCodes, true);

async function timed(fn: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The grid and validation of each size, prepared outside the timed steps that start from them. */
const grids = new Map<string, Promise<WorkbookGrid>>();
const prepared = new Map<string, Promise<RunValidation>>();
function gridOf(file: string): Promise<WorkbookGrid> {
  let grid = grids.get(file);
  if (grid === undefined) grids.set(file, (grid = readWorkbookFile(file)));
  return grid;
}
function validated(file: string): Promise<RunValidation> {
  let run = prepared.get(file);
  if (run === undefined) {
    run = gridOf(file).then((workbook) =>
      validateRun([{ file: basename(file), workbook }], { asOf: BENCH_AS_OF, today: BENCH_AS_OF }),
    );
    prepared.set(file, run);
  }
  return run;
}

/**
 * The files `split` writes for `ledger` (one per unit), made once beside the ledger and kept: what
 * `merge` collects, as an office collects the returned ledgers.
 */
function splitFiles(ledger: string): string[] {
  const dir = `${ledger.replace(/\.xlsx$/, "")}-split`;
  if (!existsSync(dir)) {
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    const made = spawnSync(process.execPath, [CLI, "split", ledger, "--out-dir", partial], {
      stdio: "ignore",
    });
    if (made.status !== 0) throw new Error(`split ${ledger} → ${made.status ?? made.signal}`);
    renameSync(partial, dir);
  }
  return readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => join(dir, n));
}

/** The first Python 3 that has pandas and openpyxl: the one on PATH, else the system's. */
function pandasPython(): string | undefined {
  return ["python3", "/usr/bin/python3"].find(
    (python) => spawnSync(python, ["-c", "import pandas, openpyxl"], { stdio: "ignore" }).status === 0,
  );
}

function steps(): Step[] {
  const out = (name: string) => join(tmpdir(), `taizhang-bench-${process.pid}-${name}.xlsx`);
  const list: Step[] = [
    {
      key: "floor",
      label: "floor: zlib inflate + one regex pass over every cell",
      floor: true,
      run: (f) => timed(() => floor(f)),
    },
    {
      key: "validate",
      label: "`taizhang validate --json`",
      run: (f) => node([CLI, "validate", f, "--as-of", BENCH_AS_OF, "--json"]),
    },
    {
      key: "notice",
      label: "`taizhang notice --json`",
      run: (f) => node([CLI, "notice", f, "--as-of", BENCH_AS_OF, "--out", out("notice"), "--json"]),
    },
    {
      key: "ledger",
      label: "`taizhang notice --with-ledger --json`",
      run: (f) =>
        node([CLI, "notice", f, "--as-of", BENCH_AS_OF, "--out", out("ledger"), "--with-ledger", "--json"]),
    },
    {
      key: "split",
      label: "`taizhang split` (by unit)",
      run: (f) => node([CLI, "split", f, "--out-dir", "split"], [0]),
    },
    {
      key: "merge",
      label: "`taizhang merge --json` (the files `split` wrote)",
      run: (f) => node([CLI, "merge", ...splitFiles(f), "--out", "merged.xlsx", "--json"]),
    },
    {
      key: "feedback",
      label: "`taizhang feedback --json`",
      run: (f) => node([CLI, "feedback", f, "--as-of", BENCH_AS_OF, "--out-dir", "feedback", "--json"]),
    },
    {
      key: "core",
      label: "core alone: validate + notice plans (grid in memory)",
      run: async (f) => {
        const grid = await gridOf(f);
        return timed(() => {
          const run = validateRun([{ file: basename(f), workbook: grid }], {
            asOf: BENCH_AS_OF,
            today: BENCH_AS_OF,
          });
          planNoticeWorkbook(run, { history: [], today: BENCH_AS_OF });
        });
      },
    },
    {
      key: "writer",
      label: "writer alone: `--with-ledger` plans → .xlsx bytes",
      run: async (f) => {
        const run = await validated(f);
        const planned = planNoticeWorkbook(run, {
          history: [],
          today: BENCH_AS_OF,
          ledgerCopy: run.files.map((x) => ({ file: basename(x.file), rows: x.rows })),
        });
        if (!planned.ok) throw new Error("bench ledger: setup errors");
        const { sheets } = planned;
        return timed(() => renderWorkbookBuffer({ sheets }));
      },
    },
    {
      key: "exceljs",
      label: "ExcelJS streaming reader: completion rates",
      run: (f) => node([ALT_EXCELJS, f], [0]),
    },
  ];
  const python = pandasPython();
  if (python !== undefined)
    list.push({
      key: "pandas",
      label: "pandas `read_excel` (openpyxl): completion rates",
      run: (f) => child(python, [ALT_PANDAS, f], [0], false),
    });
  return list;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

async function main(): Promise<void> {
  const { sizes, runs, strings, only } = options(process.argv.slice(2));
  const load = loadavg()[0]!;
  const files = sizes.map((rows) => {
    process.stderr.write(`生成 ${rows} 行台账…\n`);
    return benchLedger(rows, strings);
  });
  // The floor is always measured: every other figure is given as a ratio to it.
  const list = steps().filter((step) => only === undefined || step.floor || only.includes(step.key));
  const samples = list.map(() => sizes.map(() => [] as Sample[]));
  for (let r = 0; r < runs; r++) {
    for (let s = 0; s < sizes.length; s++) {
      for (let k = 0; k < list.length; k++) {
        process.stderr.write(`第 ${r + 1}/${runs} 轮 ${sizes[s]} 行：${list[k]!.label}\n`);
        samples[k]![s]!.push(await list[k]!.run(files[s]!, sizes[s]!));
      }
    }
  }
  const ms = samples.map((perSize) => perSize.map((xs) => median(xs.map((x) => x.ms))));
  const cpuMs = samples.map((perSize) => perSize.map((xs) => median(xs.map((x) => x.cpuMs))));
  const rss = samples.map((perSize) =>
    perSize.map((xs) => (xs[0]?.rssMb === undefined ? undefined : median(xs.map((x) => x.rssMb!)))),
  );
  const floorIndex = list.findIndex((s) => s.floor);
  const floorMs = ms[floorIndex]!;
  const floorCpu = cpuMs[floorIndex]!;

  const largest = sizes.length - 1;
  const tenK = sizes.indexOf(10_000);
  const hundredK = sizes.indexOf(100_000);
  const cpu = cpus();
  console.log(
    `node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB; ` +
      `median of ${runs} interleaved runs; as-of ${BENCH_AS_OF}; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `ledgers: ${sizes.map((n, i) => `${n.toLocaleString("en")} rows ${(statSync(files[i]!).size / 2 ** 20).toFixed(1)} MB`).join(", ")}, ${strings === "shared" ? "shared strings" : "inline strings"} (${dirname(files[0]!)})`,
  );
  console.log("");
  const header = [
    "step",
    ...sizes.map((n) => `${n.toLocaleString("en")} rows`),
    `peak RSS (${sizes[largest]!.toLocaleString("en")})`,
    "growth 10k→100k (wall / cpu)",
  ];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  list.forEach((step, k) => {
    const cells = sizes.map((_, s) => {
      const t = ms[k]![s]!;
      const c = cpuMs[k]![s]!;
      return step.floor
        ? `${seconds(t)}, cpu ${seconds(c)}`
        : `${seconds(t)} (${(t / floorMs[s]!).toFixed(1)}×), cpu ${seconds(c)} (${(c / floorCpu[s]!).toFixed(1)}×)`;
    });
    const peak = rss[k]![largest];
    const growth =
      tenK >= 0 && hundredK >= 0
        ? `${(ms[k]![hundredK]! / ms[k]![tenK]!).toFixed(1)}× / ${(cpuMs[k]![hundredK]! / cpuMs[k]![tenK]!).toFixed(1)}×`
        : "—";
    console.log(
      `| ${[step.label, ...cells, peak === undefined ? "—" : `${peak.toFixed(0)} MB`, growth].join(" | ")} |`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
