#!/usr/bin/env node
/**
 * `node scripts/mutate-merge.mjs OUT IN...`: merges StrykerJS incremental reports (`--incrementalFile`
 * of runs over different folders, oldest first) into one, so that one run can reuse them all — a run
 * over some folders keeps the results of the others (StrykerJS's incremental mode does), and a run
 * over all of src/core re-tests only what changed.
 *
 * - A source file's mutants come from the newest report that holds the file.
 * - A test file's source comes from the newest report that holds it; only the tests of reports whose
 *   copy of that file is the same source are kept. Tests of older copies are dropped, so a mutant they
 *   killed is tested again (never reused on the word of a test that has changed).
 * - Test and mutant ids are unique only within one report: they are prefixed with the report's index.
 */
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  process.stderr.write("usage: node scripts/mutate-merge.mjs OUT IN...  (oldest report first)\n");
  process.exit(2);
}
const reports = inputs.map((path) => JSON.parse(readFileSync(path, "utf8")));

/** @type {Map<string, [number, any]>} */
const files = new Map();
reports.forEach((r, i) => Object.entries(r.files).forEach(([path, f]) => files.set(path, [i, f])));

/** The newest source of each test file. */
const testSource = new Map();
for (const r of reports)
  for (const [path, t] of Object.entries(r.testFiles ?? {})) testSource.set(path, t.source);

/** `report:old id` → new id, for the tests kept. */
const testId = new Map();
const testFiles = {};
/** Per test file: a test's name and place → its id in the merged report. */
const idsByKey = {};
reports.forEach((r, i) => {
  for (const [path, t] of Object.entries(r.testFiles ?? {})) {
    if (t.source !== testSource.get(path)) continue;
    const file = (testFiles[path] ??= { source: t.source, tests: [] });
    const ids = (idsByKey[path] ??= new Map());
    for (const test of t.tests) {
      // A test two reports both hold (same name and place in the same source) gets one id.
      const key = `${test.name}\u0000${JSON.stringify(test.location ?? null)}`;
      if (!ids.has(key)) {
        ids.set(key, `r${i}-${test.id}`);
        file.tests.push({ ...test, id: ids.get(key) });
      }
      testId.set(`${i}:${test.id}`, ids.get(key));
    }
  }
});

const merged = {};
for (const [path, [i, f]] of files) {
  const ids = (list) =>
    (list ?? []).flatMap((t) => (testId.has(`${i}:${t}`) ? [testId.get(`${i}:${t}`)] : []));
  merged[path] = {
    ...f,
    mutants: f.mutants.map((m) => ({
      ...m,
      id: `r${i}-${m.id}`,
      ...(m.killedBy ? { killedBy: ids(m.killedBy) } : {}),
      ...(m.coveredBy ? { coveredBy: ids(m.coveredBy) } : {}),
    })),
  };
}
writeFileSync(out, JSON.stringify({ ...reports.at(-1), files: merged, testFiles }));
const mutants = Object.values(merged).reduce((n, f) => n + f.mutants.length, 0);
const tests = Object.values(testFiles).reduce((n, t) => n + t.tests.length, 0);
process.stdout.write(
  `${Object.keys(merged).length} source files, ${mutants} mutants, ${tests} tests → ${out}\n`,
);
