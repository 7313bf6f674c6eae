// With Office's display language English, every word the pane shows is English apart from data
// (issue #7): the users' own text — every string in the workbook's cells, its sheet names — and the
// product's Chinese vocabulary that is data (headers, statuses, categories, groups, grades, setting
// keys, the sheets it writes). The pane is walked tab by tab over the bundled sample, and any CJK
// character left once that data is taken out fails the test.
import type { Page } from "playwright-core";
import {
  ADJUSTMENT_SHEET,
  COLLECT_LOG_HEADERS,
  COLLECT_LOG_SHEET,
  COLUMNS,
  DEFAULT_ADDRESSEE,
  DEFAULT_SETTINGS,
  FEEDBACK_SHEET,
  GRADES,
  GROUPS,
  HISTORY_SHEET,
  MERGED_SHEET,
  OPTIONS_SHEET,
  REPORT_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  SETTING_KEYS,
  STATUS_VOCABULARY,
  SUMMARY_SHEET,
  TEMPLATE_SHEET,
  VETO_SHEET,
  WEIGHTS_HEADER,
} from "../../src/core";
import { fakePage, useHarness } from "./support";

const h = useHarness();

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Data: the sample's strings and sheet names, and the product's vocabulary, longest first. */
function vocabulary(): string[] {
  const words = new Set<string>([
    ...COLUMNS.flatMap((c) => [c.header, ...c.aliases]),
    ...STATUS_VOCABULARY.canonical,
    ...STATUS_VOCABULARY.lookup.keys(),
    ...DEFAULT_SETTINGS.categories,
    ...GRADES,
    ...GROUPS,
    ...SETTING_KEYS,
    ...[ROSTER_SHEET, SETTINGS_SHEET, HISTORY_SHEET, MERGED_SHEET, COLLECT_LOG_SHEET, REPORT_SHEET],
    ...[FEEDBACK_SHEET, ADJUSTMENT_SHEET, VETO_SHEET, SUMMARY_SHEET, TEMPLATE_SHEET, OPTIONS_SHEET],
    // Settings' values and the evaluation sheets' headers, as users type them (SPEC §8, §9).
    ...[DEFAULT_ADDRESSEE, "竞争式", "中国式", WEIGHTS_HEADER.sheet, WEIGHTS_HEADER.weight, "考核权重"],
    ...["单位", "单位名称", "分值", "满分", "组织建设（20分）"],
    // 收集情况's headers (填报日期 is also the template's filing label, which decides duplicates).
    ...COLLECT_LOG_HEADERS,
  ]);
  for (const sheet of h.sample) {
    words.add(sheet.name);
    for (const row of sheet.rows) for (const v of row ?? []) if (typeof v === "string") words.add(v.trim());
  }
  return [...words].filter((w) => CJK.test(w)).sort((a, b) => b.length - a.length);
}

/** The lines of `text` that still hold CJK once quoted values, generated sheet names and data are taken out. */
function untranslated(text: string, words: readonly string[]): string[] {
  const left: string[] = [];
  for (const line of text.split("\n")) {
    let rest = line
      .replace(/"[^"\n]*"|“[^”\n]*”/gu, "")
      .replace(/(专项)?通报（[^）]*）(第\d+期)?(附件\d)?/gu, "")
      .replace(/\S+\.(xlsx|xlsm|xls|docx)\b/gu, "");
    for (const word of words) rest = rest.split(word).join("");
    if (CJK.test(rest)) left.push(line);
  }
  return left;
}

async function shown(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

test("the English pane shows no Chinese but data: validate, notice, scoring, collect, settings", async () => {
  const words = vocabulary();
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample, displayLanguage: "en-US" });
  await page.goto(`${h.origin}/taskpane.html?view=validate&run=1`);
  await page.getByTestId("validation-summary").waitFor({ timeout: 60_000 });
  const texts = [await shown(page)];
  expect(texts[0]).toMatch(/ledger sheets/);

  // 生成通报: the form, then (2 of the roster's 25 units present) the dialog that asks, then the result.
  await page.getByRole("tab", { name: "Notice" }).click();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="notice-period"]') as HTMLInputElement | null)?.value === "2",
    undefined,
    { timeout: 60_000 },
  );
  texts.push(await shown(page));
  await page.getByRole("button", { name: "Generate notice" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 60_000 });
  texts.push(await shown(page));
  await dialog.getByRole("button", { name: "Generate anyway" }).click();
  await page.getByTestId("notice-totals").waitFor({ timeout: 60_000 });
  texts.push(await shown(page));
  for (const tab of ["Scoring", "Collect/Export", "Settings"]) {
    await page.getByRole("tab", { name: tab }).click();
    await page.waitForTimeout(1500);
    texts.push(await shown(page));
  }
  const left = texts.flatMap((t) => untranslated(t, words));
  expect(left).toEqual([]);
  // The check itself can fail: a Chinese sentence of the product's is caught.
  expect(untranslated("请先校验台账", words)).toEqual(["请先校验台账"]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 300_000);
