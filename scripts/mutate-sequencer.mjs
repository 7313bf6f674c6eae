/**
 * The test sequencer of mutation runs (`jest.mutate.config.js`). StrykerJS's jest runner names a
 * mutant's covering tests by `testNamePattern` only, so jest would load every test file of the
 * config for each mutant and then skip most of their tests: about 20 s of module loading per mutant
 * for tests that never run. Given the list of which file holds which test
 * (`TAIZHANG_MUTATE_TESTS`, written by `scripts/mutate.mjs` before the run), this keeps only the
 * files holding a test the pattern names, fastest first. A file the list does not know is kept.
 * Without a pattern (the dry run) or without the list, it is jest's own order.
 */
import Sequencer from "@jest/test-sequencer";
import { readFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";

let known = null;
function knownTests() {
  if (known === null) known = JSON.parse(readFileSync(process.env.TAIZHANG_MUTATE_TESTS, "utf8")).files;
  return known;
}

class MutateSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    if (!this.pattern || !process.env.TAIZHANG_MUTATE_TESTS) return super.sort(tests);
    // As jest-circus matches it: case-insensitive, against the test's full name.
    const wanted = new RegExp(this.pattern, "i");
    const files = knownTests();
    const chosen = [];
    for (const test of tests) {
      const entry = files[path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/")];
      if (entry === undefined) chosen.push({ test, ms: Infinity });
      else if (entry.names.some((name) => wanted.test(name))) chosen.push({ test, ms: entry.ms });
    }
    return chosen.sort((a, b) => a.ms - b.ms).map((c) => c.test);
  }
}

export default MutateSequencer;
