/**
 * `npm run fuzz`: the property-based tests at a large count, then byte- and XML-level mutations of
 * the sample ledgers through the real CLI (a child process per batch, as a user runs it). Prints
 * the totals; exits 1 on any failure.
 *
 *   npm run fuzz                      # 100,000 property cases + 2,000 mutated files
 *   node dist/fuzz/run.js --cases 20000 --files 500 --seed 7
 *
 * A CLI answer is correct when: the exit code is 0, 1 or 2; stdout is exactly one JSON document;
 * every input file appears in `files`, refused ones as `{file, error}` with one stderr line naming
 * them; no stack trace anywhere; and the unmutated file of the batch gets the same result as when
 * validated alone (the good files of a run are never lost).
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const root = resolve(__dirname, "../..");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(v) ? v : fallback;
}

const CASES = option("cases", 100_000);
const FILES = option("files", 2_000);
const BATCH = 20;
let seed = option("seed", 20261201) >>> 0;

/** A small seeded generator (mulberry32), so a failing campaign can be replayed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// --- 1. Property-based tests at scale ---------------------------------------------------------

function runProperties(): { cases: number; properties: number; ok: boolean; seconds: number } {
  const report = join(mkdtempSync(join(tmpdir(), "taizhang-fuzz-")), "properties.jsonl");
  // The properties share the cases by weight (see tests/property/arbitraries.ts).
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules/jest/bin/jest.js"), "--ci", "--runInBand", "tests/property"],
    {
      cwd: root,
      env: { ...process.env, FUZZ_TOTAL: String(CASES), FUZZ_REPORT: report },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const lines = existsSync(report) ? readFileSync(report, "utf8").trim().split("\n").filter(Boolean) : [];
  const runs = lines.map((l) => JSON.parse(l) as { name: string; runs: number });
  return {
    cases: runs.reduce((n, r) => n + r.runs, 0),
    properties: runs.length,
    ok: result.status === 0,
    seconds: (Date.now() - started) / 1000,
  };
}

// --- 2. Mutated sample ledgers through the CLI ------------------------------------------------

const XML_MUTATIONS: ReadonlyArray<(xml: string) => string> = [
  // Far and impossible addresses.
  (x) =>
    x.replace(
      /<c r="([A-Z]+)(\d+)"/,
      (_m, c: string) => `<c r="${c}${pick(["1048576", "1048577", "99999999999", "130000"])}"`,
    ),
  (x) => x.replace(/<row r="\d+"/, `<row r="${pick(["1048576", "4294967296", "0", "-5", "1e9"])}"`),
  (x) =>
    x.replace(
      /<c r="[A-Z]+(\d+)"/,
      (_m, r: string) => `<c r="${pick(["XFD", "XFE", "AAAA", "ZZZZZZ"])}${r}"`,
    ),
  // Types and values.
  (x) => x.replace(/ t="s"/, ` t="${pick(["d", "e", "b", "n", "str", "inlineStr", "zz"])}"`),
  (x) =>
    x.replace(
      /<v>[^<]*<\/v>/,
      `<v>${pick(["99999999-01-01", "1e12", "NaN", "-0", "", "&amp;", "1e308", "2958466", "4294967296"])}</v>`,
    ),
  (x) => x.replace(/ s="\d+"/, ` s="${pick(["999999", "-1", "1e3", "abc"])}"`),
  // Entities, DOCTYPE, XXE.
  (x) =>
    x.replace(
      /^(<\?xml[^>]*\?>)?/,
      (m) =>
        `${m}<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;"><!ENTITY e SYSTEM "file:///etc/passwd">]>`,
    ),
  (x) => x.replace(/<v>/, "<v>&b;&e;&#0;&#xFFFFFFF;"),
  // Structure.
  (x) => x.slice(0, Math.floor(random() * x.length)),
  (x) => x.replace(/<\/row>/, ""),
  (x) => x.replace(/<row /, '<row r="3"><c r="A3"><v>1</v></c></row><row '),
  (x) => {
    const at = Math.floor(random() * x.length);
    return x.slice(0, at) + pick(["<", ">", '"', "&", "</c>", "<c>", "<is><t>", "\u0000"]) + x.slice(at);
  },
  // Many cells, many issues: the data rows repeated.
  (x) => {
    const rows = x.match(/<row [^>]*>.*?<\/row>/g) ?? [];
    const body = rows.slice(3).join("");
    let extra = "";
    for (let k = 0; k < 40 && body; k++) extra += body;
    let n = 1000;
    extra = extra.replace(/(<row r=")\d+"/g, () => `<row r="${n++}"`).replace(/ r="([A-Z]+)\d+"/g, ' r="$1"');
    return x.replace("</sheetData>", `${extra}</sheetData>`);
  },
];

function mutateXml(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const sheetNames = names.filter((n) => n.includes("worksheets/") || n.includes("sharedStrings"));
  const name = random() < 0.8 && sheetNames.length ? pick(sheetNames) : pick(names);
  let xml = strFromU8(files[name]!);
  const times = 1 + Math.floor(random() * 3);
  for (let k = 0; k < times; k++) xml = pick(XML_MUTATIONS)(xml);
  files[name] = strToU8(xml);
  return zipSync(files, { level: 1 });
}

function mutateBytes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const flips = 1 + Math.floor(random() * 16);
  for (let k = 0; k < flips; k++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
  if (random() < 0.2) return out.subarray(0, Math.floor(random() * out.length));
  return out;
}

interface Answer {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  maxRssMb: number | null;
}

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

function runCli(args: string[]): Answer {
  const cli = join(root, "bin/taizhang.js");
  const started = Date.now();
  const r = TIME
    ? spawnSync(TIME, ["-f", "__RSS_KB=%M", process.execPath, cli, ...args], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  let stderr = r.stderr ?? "";
  let maxRssMb: number | null = null;
  const m = /__RSS_KB=(\d+)\s*$/.exec(stderr);
  if (m) {
    maxRssMb = Number(m[1]) / 1024;
    stderr = stderr.slice(0, m.index).replace(/Command exited with non-zero status \d+\n$/, "");
  }
  return {
    status: r.status,
    stdout: r.stdout ?? "",
    stderr,
    seconds: (Date.now() - started) / 1000,
    maxRssMb,
  };
}

interface FileResult {
  file: string;
  error?: string;
  sheets?: unknown;
}

function checkAnswer(answer: Answer, inputs: string[]): string[] {
  const problems: string[] = [];
  if (answer.status !== 0 && answer.status !== 1 && answer.status !== 2)
    problems.push(`exit ${answer.status}`);
  if (/\n\s+at .+[(:]\d+/.test(answer.stderr) || /\n\s+at .+[(:]\d+/.test(answer.stdout))
    problems.push("stack trace");
  let json: { files?: FileResult[] } | undefined;
  try {
    json = JSON.parse(answer.stdout) as { files?: FileResult[] };
  } catch {
    problems.push("stdout is not one JSON document");
  }
  const files = json?.files ?? [];
  if (json && files.map((f) => f.file).join("\n") !== inputs.join("\n"))
    problems.push("files missing from the answer");
  for (const f of files) {
    if (f.error === undefined) continue;
    if (f.error.includes("\n")) problems.push(`multi-line error for ${f.file}`);
    if (!answer.stderr.split("\n").some((l) => l.startsWith("taizhang: ") && l.includes(f.file))) {
      problems.push(`no stderr line naming ${f.file}`);
    }
  }
  return problems;
}

function runMutations(): {
  files: number;
  refused: number;
  failures: number;
  batches: number;
  maxSeconds: number;
  maxRssMb: number | null;
  examples: string[];
} {
  const samples = readdirSync(join(root, "seeds/period-1"))
    .filter((n) => n.endsWith(".xlsx"))
    .map((n) => join(root, "seeds/period-1", n));
  const dir = mkdtempSync(join(tmpdir(), "taizhang-fuzz-files-"));
  const alone = new Map<string, string>();
  let files = 0;
  let refused = 0;
  let failures = 0;
  let batches = 0;
  let maxSeconds = 0;
  let maxRssMb: number | null = null;
  const examples: string[] = [];
  try {
    while (files < FILES) {
      const batchDir = join(dir, `b${batches}`);
      mkdirSync(batchDir);
      const good = pick(samples);
      const inputs = [good];
      for (let k = 0; k < BATCH - 1 && files < FILES; k++, files++) {
        const source = new Uint8Array(readFileSync(pick(samples)));
        const mutated = random() < 0.6 ? mutateXml(source) : mutateBytes(source);
        const path = join(batchDir, `m${k}.xlsx`);
        writeFileSync(path, mutated);
        inputs.splice(1 + Math.floor(random() * inputs.length), 0, path);
      }
      const args = ["validate", "--json", "--as-of", "2022-10-31", ...inputs];
      const answer = runCli(args);
      batches++;
      maxSeconds = Math.max(maxSeconds, answer.seconds);
      if (answer.maxRssMb !== null) maxRssMb = Math.max(maxRssMb ?? 0, answer.maxRssMb);
      const problems = checkAnswer(answer, inputs);
      // The good file's result, checked independently: the same as when it is validated alone.
      if (!alone.has(good))
        alone.set(
          good,
          JSON.stringify(resultOf(runCli(["validate", "--json", "--as-of", "2022-10-31", good]), good)),
        );
      try {
        const json = JSON.parse(answer.stdout);
        if (JSON.stringify(resultOf({ ...answer, stdout: JSON.stringify(json) }, good)) !== alone.get(good)) {
          problems.push(`good file ${good} answered differently in a batch`);
        }
        refused += (json.files as FileResult[]).filter((f) => f.error !== undefined).length;
      } catch {
        // already counted above
      }
      if (problems.length > 0) {
        failures++;
        const keep = join(dir, `failed-${batches}`);
        if (examples.length < 5) examples.push(`${problems.join("; ")} (files kept in ${keep})`);
        writeFileSync(
          join(batchDir, "answer.txt"),
          `${answer.status}\n${answer.stderr}\n${answer.stdout.slice(0, 100_000)}`,
        );
        mkdirSync(keep);
        for (const f of inputs.filter((p) => p.startsWith(batchDir)))
          writeFileSync(join(keep, f.slice(batchDir.length + 1)), readFileSync(f));
      }
      rmSync(batchDir, { recursive: true, force: true });
      if (batches % 10 === 0)
        process.stderr.write(`  … ${files} mutated files, ${failures} failed batches\n`);
    }
  } finally {
    if (failures === 0) rmSync(dir, { recursive: true, force: true });
  }
  return { files, refused, failures, batches, maxSeconds, maxRssMb, examples };
}

/** A file's entry and its issues from a `validate --json` answer. */
function resultOf(answer: Pick<Answer, "stdout">, file: string): unknown {
  const json = JSON.parse(answer.stdout) as { files: FileResult[]; issues: Array<{ file: string }> };
  return {
    entry: json.files.find((f) => f.file === file),
    issues: json.issues.filter((i) => i.file === file),
  };
}

function main(): void {
  if (!existsSync(join(root, "dist/src/cli/main.js"))) {
    process.stderr.write("fuzz: run `npm run build:cli` first (npm run fuzz does)\n");
    process.exit(2);
  }
  process.stderr.write(
    `fuzz: ${CASES} property cases, then ${FILES} mutated files through the CLI (seed ${option("seed", 20261201)})\n`,
  );
  const properties = CASES > 0 ? runProperties() : { cases: 0, properties: 0, ok: true, seconds: 0 };
  const mutations = runMutations();
  const lines = [
    "",
    "fuzz totals",
    `  property cases run:   ${properties.cases} over ${properties.properties} properties in ${properties.seconds.toFixed(0)} s — ${properties.ok ? "0 failures" : "FAILED (see above)"}`,
    `  mutated files:        ${mutations.files} in ${mutations.batches} CLI runs of ${BATCH} (each with one intact sample ledger)`,
    `  refused with one line: ${mutations.refused}; answered: ${mutations.files - mutations.refused}`,
    `  failed CLI runs:      ${mutations.failures}`,
    `  slowest CLI run:      ${mutations.maxSeconds.toFixed(2)} s; peak RSS ${mutations.maxRssMb === null ? "not measured (no /usr/bin/time)" : `${mutations.maxRssMb.toFixed(0)} MB`}`,
    ...mutations.examples.map((e) => `  ✗ ${e}`),
  ];
  process.stdout.write(lines.join("\n") + "\n");
  process.exit(properties.ok && mutations.failures === 0 ? 0 : 1);
}

main();
