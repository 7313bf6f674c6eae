// @ts-check
/**
 * StrykerJS over src/core (issue #7): `npm run mutate` runs it through scripts/mutate.mjs, which
 * prints the score per folder of src/core. Not part of `npm test`: a whole run takes hours on 2 cores.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  packageManager: "npm",
  testRunner: "jest",
  jest: { configFile: "jest.mutate.config.js", enableFindRelatedTests: false },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutate.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // The message texts (core/message) are words, not rules: left out of mutation (issue #7 allows it).
  // Barrels (index.ts) only re-export.
  mutate: ["src/core/**/*.ts", "!src/core/message/**", "!src/core/**/index.ts"],
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 10000,
  // A mutant reached by hundreds of tests (the header rules: 639) ran past 1.5 × its tests' time whenever
  // the machine was busy, and a timeout counts as detected: an equivalent mutant (`/\s/gu` for `/\s+/gu`)
  // was "detected" that way. Three times the time keeps real infinite loops caught and slow runs honest.
  timeoutFactor: 3,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Re-runs test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  // Not copied into the sandbox: build output and reports (the mutation tests use none of them).
  ignorePatterns: ["dist", "out", "artifacts", "reports", "coverage"],
  cleanTempDir: "always",
};
export default config;
