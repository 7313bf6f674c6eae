#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm run build:cli` (run by `npm run demo` and `npm run build`).
let cli;
try {
  // The first ledger is read, and its worksheets start inflating on zlib's thread pool, while the
  // CLI's modules load (src/adapters/xlsx/node/read-ahead.ts).
  require("../dist/src/cli/read-ahead.js").readAheadFor(process.argv.slice(2));
  cli = require("../dist/src/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("taizhang: 尚未编译，请先运行 npm run build:cli\n");
    process.exit(2);
  }
  throw error;
}
cli.main();
