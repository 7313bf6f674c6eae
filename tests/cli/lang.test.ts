/**
 * `--lang en` (SPEC §10): every command's human output (stdout and stderr) is English, apart from
 * data — the users' own text (units, tasks, values, files, sheets) and the product's Chinese
 * vocabulary that is data (headers, statuses, categories, groups, grades, setting keys, sheet names).
 * JSON stays as it is. A `LANG` starting with `en` does the same; `--lang zh` wins over it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { ROSTER_SHEET, findSheet, readRoster } from "../../src/core";
import { runCli } from "../../src/cli/main";
import { cliLanguage } from "../../src/cli/words";
import {
  CJK,
  dataWords,
  productVocabulary,
  untranslated as untranslatedBy,
} from "../helpers/data-vocabulary";
import { cli } from "./helpers";

const ROOT = join(__dirname, "../..");
const PERIOD2 = join(ROOT, "seeds/period-2");
const SCORING = join(ROOT, "seeds/考核评分.xlsx");
const seedFiles = () =>
  readdirSync(PERIOD2)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => join(PERIOD2, n));

/** The data vocabulary: words that stay Chinese in every language because they are the sheets' own. */
let vocabulary: string[] = [];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-lang-"));
  const words = productVocabulary();
  // The sample's units (and their aliases), sheets and evaluation headers: data, as the users typed it.
  for (const file of [...seedFiles(), SCORING]) {
    const book = await readWorkbookFile(file);
    for (const sheet of book.sheets) {
      words.push(sheet.name);
      for (const row of sheet.values.slice(0, 6))
        for (const v of row ?? []) if (typeof v === "string") words.push(v);
    }
    const roster = findSheet(book, ROSTER_SHEET);
    if (roster)
      for (const u of readRoster(roster).roster.units) for (const n of [u.name, ...u.aliases]) words.push(n);
  }
  vocabulary = dataWords(words);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * What is left of `text` once data is taken out: quoted values ("…"), paths and file names, and the
 * data vocabulary. Any CJK character left is a word the product failed to translate.
 */
function untranslated(text: string): string[] {
  return untranslatedBy(text, vocabulary, [/"[^"\n]*"/gu, /\S*[/\\]\S*/gu, /\S+\.(xlsx|xlsm|xls|docx)\b/gu]);
}

function expectEnglish(result: { stdout: string; stderr: string }): void {
  expect(untranslated(result.stdout)).toEqual([]);
  expect(untranslated(result.stderr)).toEqual([]);
  expect(result.stdout + result.stderr).toMatch(/[A-Za-z]{3}/);
}

describe("--lang en", () => {
  test("validate: the report, a file that cannot be read, a missing file", async () => {
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, "not a workbook, just text");
    const result = await cli(["validate", ...seedFiles(), broken, join(dir, "absent.xlsx"), "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("As of: ");
    expect(result.stdout).toMatch(/Total: \d+ files, \d+ errors, \d+ warnings/);
    expect(result.stderr).toContain("a text (CSV) file, not a workbook");
    expect(result.stderr).toContain("no such file");
    expectEnglish(result);
  });

  test("notice: the lists, and its refusal words", async () => {
    const result = await cli(["notice", ...seedFiles(), "--out", join(dir, "n.xlsx"), "--lang=en"]);
    expect(result.stdout).toContain("Red list: ");
    expect(result.stdout).toMatch(/Notice no\. \d+ written/);
    expectEnglish(result);
  });

  test("score, merge, feedback, template, split", async () => {
    const runs = [
      await cli(["score", SCORING, "--out", join(dir, "s.xlsx"), "--lang", "en"]),
      await cli([
        "merge",
        ...seedFiles().slice(0, 3),
        seedFiles()[0]!,
        "--out",
        join(dir, "m.xlsx"),
        "--lang",
        "en",
      ]),
      await cli(["feedback", ...seedFiles().slice(0, 4), "--out-dir", join(dir, "fb"), "--lang", "en"]),
      await cli(["template", "--out", join(dir, "t.xlsx"), "--lang", "en"]),
      await cli(["split", join(dir, "m.xlsx"), "--out-dir", join(dir, "split"), "--lang", "en"]),
    ];
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 0, 0]);
    expect(runs[1]!.stdout).toContain("returned twice");
    for (const r of runs) expectEnglish(r);
  });

  test("usage errors and help", async () => {
    const runs = [
      await cli(["--lang", "en"]),
      await cli(["nonsense", "--lang", "en"]),
      await cli(["validate", "--as-of", "10月底", "x.xlsx", "--lang", "en"]),
      await cli(["notice", "a.xlsx", "--lang", "en"]),
      await cli(["validate", "--bogus", "--lang", "en"]),
    ];
    expect(runs.every((r) => r.code === 2)).toBe(true);
    expect(runs[2]!.stderr).toContain("--as-of must be a date written YYYY-MM-DD");
    for (const r of runs) expectEnglish(r);
  });

  test("the demo, in a scratch folder", async () => {
    const cwd = process.cwd();
    const here = join(dir, "demo");
    mkdirSync(here);
    process.chdir(here);
    try {
      const result = await cli(["demo", "--lang", "en"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("[The email loop]");
      expectEnglish(result);
    } finally {
      process.chdir(cwd);
    }
  }, 600_000);
});

describe("the language is chosen once, for the whole output", () => {
  test("LANG starting with en means English; --lang zh wins over it; anything else is Chinese", () => {
    expect(cliLanguage(undefined, "en_US.UTF-8")).toBe("en");
    expect(cliLanguage("zh", "en_US.UTF-8")).toBe("zh");
    expect(cliLanguage(undefined, "C.UTF-8")).toBe("zh");
    expect(cliLanguage(undefined, undefined)).toBe("zh");
    expect(cliLanguage("en", "zh_CN.UTF-8")).toBe("en");
  });

  test("JSON stays Chinese in English: messages and errors of unreadable files", async () => {
    const broken = join(dir, "broken2.xlsx");
    copyFileSync(seedFiles()[0]!, join(dir, "ok.xlsx"));
    writeFileSync(broken, "");
    let stdout = "";
    const code = await runCli(["validate", join(dir, "ok.xlsx"), broken, "--json"], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      today: "2022-11-01",
      progress: false,
      lang: "en",
    });
    expect(code).toBe(2);
    const json = JSON.parse(stdout) as {
      issues: Array<{ message: string }>;
      files: Array<{ error?: string }>;
    };
    expect(json.issues.every((i) => CJK.test(i.message))).toBe(true);
    expect(json.files.find((f) => f.error)!.error).toMatch(CJK);
  });

  test("an unknown --lang is a usage error", async () => {
    const result = await cli(["validate", "x.xlsx", "--lang", "fr"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--lang");
  });
});
