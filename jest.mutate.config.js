/**
 * The tests StrykerJS runs against mutants of src/core: the engine's own, in process (no browser,
 * LibreOffice or child processes, which are slow and reach core only through the same calls).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testMatch: [
    "<rootDir>/tests/{core,scoring,seeds,property}/**/*.test.ts",
    "<rootDir>/tests/feedback/{feedback,unit-feedback,sheet-cells}.test.ts",
    "<rootDir>/tests/adapters/xlsx/golden-*.test.ts",
    // Core's plans as the .xlsx writer renders them, and the CLI in process: what the template,
    // the notice workbook and the report look like is pinned there (no LibreOffice in these files).
    "<rootDir>/tests/adapters/xlsx/{write,write-features}.test.ts",
    "<rootDir>/tests/cli/{validate,notice,lang,guard,too-many-issues}.test.ts",
    "<rootDir>/tests/integration/text-fidelity.test.ts",
  ],
  // Only the files that hold a mutant's covering tests, fastest first (see the file).
  testSequencer: "<rootDir>/scripts/mutate-sequencer.mjs",
};
