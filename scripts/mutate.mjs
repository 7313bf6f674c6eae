#!/usr/bin/env node
/**
 * `npm run mutate [-- --mutate "src/core/ranking/**\/*.ts"] [--save-baseline] [--slice MINUTES]`: StrykerJS over src/core (stryker.config.mjs),
 * then the mutation score per folder of src/core from the JSON report. StrykerJS 10 needs Node ≥ 22;
 * under an older Node this re-runs itself under the npm registry's `node@22` (npm exec), so the
 * project's own files install what it needs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { stdout } from "node:process";
import process from "node:process";
import { gunzipSync, gzipSync } from "node:zlib";
import slices from "./mutate-slices.cjs";

const { folderScores, runSlices, scoreText } = slices;

const NODE22 = "node@22.23.3";
/**
 * The incremental report kept in the repository (gzip): every machine starts from the results of the
 * last saved run instead of from nothing, so a whole-core run (hours on 2 cores) can be finished over
 * several sittings. `--save-baseline` (this script's own option) writes it after the run.
 */
const BASELINE = "mutation/incremental.json.gz";
const SAVE = "--save-baseline";
/**
 * `--slice MINUTES` (this script's own option): StrykerJS is stopped with SIGINT after that many minutes,
 * which makes it save its partial incremental report, the baseline is saved (with `--save-baseline`), and
 * the run starts again from it, until one run completes. A process ended without a signal (a machine shut
 * down) then loses at most one slice, not the whole run.
 */
const SLICE = "--slice";
const argv = process.argv.slice(2);
const sliceAt = argv.indexOf(SLICE);
const sliceMinutes = sliceAt >= 0 ? Number(argv[sliceAt + 1]) : 0;
if (sliceAt >= 0 && !(sliceMinutes > 0)) {
  process.stderr.write("mutate: --slice needs a number of minutes\n");
  process.exit(2);
}
/** StrykerJS's arguments: ours (`--save-baseline`, `--slice MINUTES`) left out. */
const args = argv.filter((a, i) => a !== SAVE && (sliceAt < 0 || (i !== sliceAt && i !== sliceAt + 1)));
const save = process.argv.includes(SAVE);
// Ctrl-C reaches the children too: StrykerJS stops and saves its results so far; this script (and
// the one that re-ran it under Node 22) stays to report and save them.
process.on("SIGINT", () => undefined);

if (Number(process.versions.node.split(".")[0]) < 22) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const run = spawnSync(
    npm,
    ["exec", "--yes", `--package=${NODE22}`, "--", "node", "scripts/mutate.mjs", ...process.argv.slice(2)],
    {
      stdio: "inherit",
    },
  );
  process.exit(run.status ?? 1);
}

/**
 * Which test file holds which test, and how long each file takes, from one plain run of the mutation
 * tests: `scripts/mutate-sequencer.mjs` then loads, for each mutant, only the files holding its
 * covering tests (StrykerJS names them by test name only).
 */
const TEST_LIST = resolve("reports/mutate-tests.json");
function listTests() {
  mkdirSync("reports", { recursive: true });
  const raw = resolve("reports/mutate-tests.raw.json");
  const jest = spawnSync(
    process.execPath,
    ["node_modules/jest/bin/jest.js", "-c", "jest.mutate.config.js", "--json", `--outputFile=${raw}`],
    { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" },
  );
  if (jest.status !== 0) {
    process.stderr.write(jest.stderr + "\nmutate: the tests fail on the unmutated code; fix them first.\n");
    process.exit(1);
  }
  const result = JSON.parse(readFileSync(raw, "utf8"));
  const files = {};
  for (const suite of result.testResults) {
    files[relative(process.cwd(), suite.name).split("\\").join("/")] = {
      ms: suite.endTime - suite.startTime,
      names: suite.assertionResults.map((test) => test.fullName),
    };
  }
  writeFileSync(TEST_LIST, JSON.stringify({ files }));
}

/** The incremental file this run reads and writes: `--incrementalFile X`, else the config's. */
function incrementalFile() {
  const at = args.indexOf("--incrementalFile");
  return resolve(at >= 0 && args[at + 1] ? args[at + 1] : "reports/stryker-incremental.json");
}

const incremental = incrementalFile();
if (!existsSync(incremental) && existsSync(BASELINE)) {
  mkdirSync(dirname(incremental), { recursive: true });
  writeFileSync(incremental, gunzipSync(readFileSync(BASELINE)));
  stdout.write(
    `mutate: starting from ${BASELINE} (only mutants whose code or tests changed since are tested)\n`,
  );
}

/** Keeps the incremental file in the baseline; a run stopped with Ctrl-C saves its results so far too. */
function saveBaseline() {
  if (!save || !existsSync(incremental)) return;
  mkdirSync(dirname(BASELINE), { recursive: true });
  writeFileSync(`${BASELINE}.tmp`, gzipSync(readFileSync(incremental), { level: 9 }));
  renameSync(`${BASELINE}.tmp`, BASELINE);
  stdout.write(`mutate: saved ${BASELINE}\n`);
}

/** How many mutants the incremental file holds a result for (a slice that adds none made no progress). */
function resultCount() {
  if (!existsSync(incremental)) return 0;
  const { files } = JSON.parse(readFileSync(incremental, "utf8"));
  return Object.values(files).reduce((n, f) => n + f.mutants.length, 0);
}

listTests();
const started = Date.now();
const stryker = runSlices({
  run: () =>
    spawnSync(process.execPath, ["node_modules/@stryker-mutator/core/bin/stryker.js", "run", ...args], {
      stdio: "inherit",
      env: { ...process.env, TAIZHANG_MUTATE_TESTS: TEST_LIST },
      ...(sliceMinutes > 0 ? { timeout: sliceMinutes * 60_000, killSignal: "SIGINT" } : {}),
    }),
  save: saveBaseline,
  count: resultCount,
  minutes: sliceMinutes,
  log: (text) => stdout.write(text),
  warn: (text) => process.stderr.write(text),
});
/** This run's report: StrykerJS's, or after Ctrl-C the incremental file (the results so far). */
const written = (file) => existsSync(file) && statSync(file).mtimeMs >= started;
const REPORT = written("reports/mutation/mutation.json")
  ? "reports/mutation/mutation.json"
  : written(incremental)
    ? incremental
    : null;
if (REPORT === null) process.exit(stryker.status ?? 1);
if (REPORT === incremental) stdout.write("\nThe run was stopped: the mutants tested so far.\n");

const report = JSON.parse(readFileSync(REPORT, "utf8"));
stdout.write("\nMutation score per folder (detected / (detected + survived + no coverage)):\n");
for (const [folder, f] of folderScores(report)) {
  stdout.write(
    `  ${folder.padEnd(22)} ${scoreText(f).padStart(8)}   detected ${f.detected}, survived ${f.survived}, no coverage ${f.noCoverage}\n`,
  );
}
process.exit(stryker.status ?? 1);
