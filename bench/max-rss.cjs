// Preloaded into a measured child (`node -r bench/max-rss.cjs …`): on exit, writes the process's
// peak resident set size (kilobytes) and CPU time (user + system, microseconds) as
// `<maxRSS> <cpu>` to the file named by TAIZHANG_BENCH_RSS.
/* global process, require */
"use strict";
process.on("exit", () => {
  const file = process.env.TAIZHANG_BENCH_RSS;
  const usage = process.resourceUsage();
  const line = `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, loaded before anything else
  if (file) require("node:fs").writeFileSync(file, line);
});
