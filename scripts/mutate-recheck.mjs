#!/usr/bin/env node
/**
 * `node scripts/mutate-recheck.mjs [--status Timeout] REPORT SRC TEST...`: tests again, against the given
 * jest test files only, the mutants of `SRC` that a StrykerJS report (`reports/stryker-incremental.json` or
 * `reports/mutation/mutation.json`) left Survived or NoCoverage (or with `--status`, that status: a
 * timeout counts as detected, and on a busy machine a slow run of a live mutant times out), and prints for
 * each `killed`, `ALIVE`, or `timeout` (no result within 90 s).
 *
 * For the minutes between StrykerJS runs: after writing tests for a file's survivors, this shows which of
 * them the new tests kill, without a run that takes an hour on a shared 2-core machine. It is no mutation
 * score (only the report's survivors are tried, and only against the files named): `npm run mutate` gives
 * the figures. Each mutant is the report's own replacement at its own location; `SRC` must be the source
 * the report mutated (the script refuses otherwise) and is restored afterwards, also on Ctrl-C. A test run
 * longer than 90 s counts as killed, as StrykerJS counts a timeout (jest runs in band, so the one
 * process killed is the whole run).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";

const argv = process.argv.slice(2);
const statusAt = argv.indexOf("--status");
const statuses = statusAt >= 0 ? [argv[statusAt + 1]] : ["Survived", "NoCoverage"];
if (statusAt >= 0) argv.splice(statusAt, 2);
const [report, src, ...tests] = argv;
if (!report || !src || tests.length === 0) {
  process.stderr.write("usage: node scripts/mutate-recheck.mjs [--status Timeout] REPORT SRC TEST...\n");
  process.exit(2);
}
const file = JSON.parse(readFileSync(report, "utf8")).files[src];
if (!file) {
  process.stderr.write(`${src} is not in ${report}\n`);
  process.exit(2);
}
const original = readFileSync(src, "utf8");
if (file.source !== original) {
  process.stderr.write(`${src} has changed since ${report}: its mutants' locations no longer hold\n`);
  process.exit(2);
}
const lines = original.split("\n");
const lineStart = [0];
for (const line of lines) lineStart.push(lineStart[lineStart.length - 1] + line.length + 1);
/** StrykerJS locations are 1-based lines and columns. */
const offset = ({ line, column }) => lineStart[line - 1] + column - 1;

const restore = () => writeFileSync(src, original);
process.on("SIGINT", () => {
  restore();
  process.exit(130);
});

const jest = "node_modules/jest/bin/jest.js";
const todo = file.mutants
  .filter((m) => statuses.includes(m.status))
  .sort(
    (a, b) =>
      a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
  );
let killed = 0;
let alive = 0;
try {
  for (const m of todo) {
    const { start, end } = m.location;
    writeFileSync(src, original.slice(0, offset(start)) + m.replacement + original.slice(offset(end)));
    const run = spawnSync(process.execPath, [jest, "--silent", "--bail", "--runInBand", ...tests], {
      stdio: "ignore",
      timeout: 90_000,
      killSignal: "SIGKILL",
    });
    const survived = run.status === 0;
    const timedOut = run.error?.code === "ETIMEDOUT";
    if (survived) alive++;
    else killed++;
    const where = lines[start.line - 1].trim().slice(0, 90);
    const replacement = JSON.stringify(m.replacement).slice(0, 50);
    process.stdout.write(
      `${survived ? "ALIVE  " : timedOut ? "timeout" : "killed "} ${start.line} ${m.mutatorName} ${replacement} | ${where}\n`,
    );
  }
} finally {
  restore();
}
process.stdout.write(`== ${src}: ${todo.length} re-tested, killed ${killed}, alive ${alive}\n`);
