#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm run build:cli` (run by `npm run demo` and `npm run build`).
let cli;
try {
  cli = require("../dist/src/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("taizhang: 尚未编译，请先运行 npm run build:cli\n");
    process.exit(2);
  }
  throw error;
}
cli.main();
