/* global module -- CommonJS, so that jest (tests/mutate-slices.test.ts) loads it under Node 20 */
/**
 * The parts of `npm run mutate` (scripts/mutate.mjs) that decide something, apart from the processes
 * they drive, so that tests/mutate-slices.test.ts can check them under any Node: the `--slice` loop
 * and the score per folder of src/core.
 */

/**
 * Runs StrykerJS (`run()`, a `spawnSync` result) slice after slice: after each run the results are
 * saved (`save()`); a run stopped by the slice's timer (`error.code === "ETIMEDOUT"`) is started
 * again from them (`log` says so), unless it added no result (`count()`, the results held): then a
 * longer slice is needed, and `warn` says so. A run that finished, failed or was stopped with Ctrl-C ends the loop.
 * Returns the last run's result.
 */
function runSlices({ run, save, count, minutes, log, warn }) {
  // Not counted before the first slice: changed code can drop results the baseline held, so only
  // slices of the same run are compared.
  let before = -1;
  for (;;) {
    const result = run();
    save();
    if (result.error?.code !== "ETIMEDOUT") return result;
    const now = count();
    if (now <= before) {
      warn("mutate: the slice ended before StrykerJS tested a mutant; give --slice more minutes\n");
      return result;
    }
    before = now;
    log(`\nmutate: ${minutes} min slice over, starting again from the results saved\n`);
  }
}

/** Killed and timed-out mutants are detected; survived and uncovered ones are not; compile errors do not count. */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/**
 * Counts per folder of src/core (`src/core/ranking`) and for `src/core (all)`, from a StrykerJS JSON
 * report or incremental file (`{ files: { path: { mutants: [{ status }] } } }`), sorted by folder.
 */
function folderScores(report) {
  const folders = new Map();
  const add = (key, status) => {
    const f = folders.get(key) ?? { detected: 0, undetected: 0, survived: 0, noCoverage: 0 };
    if (DETECTED.has(status)) f.detected++;
    if (UNDETECTED.has(status)) f.undetected++;
    if (status === "Survived") f.survived++;
    if (status === "NoCoverage") f.noCoverage++;
    folders.set(key, f);
  };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = file.replace(/\\/g, "/").split("/").slice(0, 3).join("/");
    for (const m of mutants) {
      add(folder, m.status);
      add("src/core (all)", m.status);
    }
  }
  return [...folders].sort(([a], [b]) => a.localeCompare(b));
}

/** `95.09%`, or `—` when nothing counted. */
function scoreText(f) {
  return f.detected + f.undetected === 0
    ? "—"
    : `${((100 * f.detected) / (f.detected + f.undetected)).toFixed(2)}%`;
}

module.exports = { runSlices, folderScores, scoreText };
