/**
 * The tests StrykerJS runs against mutants of src/core: the engine's own, in process (no browser,
 * LibreOffice or child processes, which are slow and reach core only through the same calls).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testMatch: [
    "<rootDir>/tests/{core,scoring,seeds,property}/**/*.test.ts",
    "<rootDir>/tests/feedback/feedback.test.ts",
    "<rootDir>/tests/adapters/xlsx/golden-*.test.ts",
  ],
  // Only the files that hold a mutant's covering tests, fastest first (see the file).
  testSequencer: "<rootDir>/scripts/mutate-sequencer.mjs",
};
