/**
 * `npm run bench`: the product's speed targets as measurements, never as timed tests.
 * Prints a table; docs/PERFORMANCE.md records the figures and how they were taken.
 *
 *   1. reading a 100k-row ledger (.xlsx) — bare unzip-and-scan vs our reader vs ExcelJS;
 *   2. validating those 100k rows (core, grid already in memory);
 *   3. the whole `notice` command on the bundled sample (23 ledgers), read → validate → notice → write.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { localToday, validateRun } from "../src/core";
import { readWorkbook } from "../src/adapters/xlsx";
import { runCli } from "../src/cli/main";
import { sampleFiles } from "../src/cli/demo-command";
import { benchRead } from "./read-bench";

async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const read = await benchRead(rows);
  const grid = readWorkbook(new Uint8Array(readFileSync(read.file)));
  let issues = 0;
  const validateMs = await median(3, () => {
    issues = validateRun([{ file: "bench.xlsx", workbook: grid }], { today: localToday() }).issues.length;
  });

  const files = await sampleFiles(2);
  const dir = mkdtempSync(join(tmpdir(), "taizhang-bench-"));
  const quiet = { stdout: () => undefined, stderr: () => undefined, today: localToday(), progress: false };
  const noticeMs = await median(3, () =>
    runCli(["notice", ...files, "--out", join(dir, "通报.xlsx"), "--json"], quiet),
  );
  rmSync(dir, { recursive: true, force: true });

  const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`;
  console.log(`node ${process.version}, ${rows} rows × 12 columns (${(read.fileBytes / 1048576).toFixed(1)} MB)`);
  console.log(`read   (a) unzip + scan <c>     ${ms(read.unzipScanMs)}`);
  console.log(`read   (b) readWorkbook         ${ms(read.readWorkbookMs)}  ${(read.readWorkbookMs / read.unzipScanMs).toFixed(1)}× (a)`);
  console.log(`read   (c) ExcelJS xlsx.load    ${ms(read.exceljsMs)}  ${(read.exceljsMs / read.unzipScanMs).toFixed(1)}× (a)`);
  console.log(`validate ${rows} rows (core)      ${ms(validateMs)}  (${issues} issues)`);
  console.log(`notice on the sample (${files.length} files) ${ms(noticeMs)}  read + validate + compute + write`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
