// With Office's display language English, every word the pane shows is English apart from data
// (issue #7): the users' own text — every string in the workbook's cells, its sheet names — and the
// product's Chinese vocabulary that is data (headers, statuses, categories, groups, grades, setting
// keys, the sheets it writes). The pane is walked tab by tab over the bundled sample, and any CJK
// character left once that data is taken out fails the test.
import type { Page } from "playwright-core";
import { dataWords, productVocabulary, untranslated } from "../helpers/data-vocabulary";
import { fakePage, useHarness } from "./support";

const h = useHarness();

/** Data: the product's vocabulary, the sample's strings and sheet names, and the scoring headers typed in 设置. */
function vocabulary(): string[] {
  const words = [...productVocabulary(), "单位", "单位名称", "分值", "满分", "组织建设（20分）"];
  for (const sheet of h.sample) {
    words.push(sheet.name);
    for (const row of sheet.rows) for (const v of row ?? []) if (typeof v === "string") words.push(v.trim());
  }
  return dataWords(words);
}

/** Quoted values, the notice sheets' generated names, file names. */
const DATA = [
  /"[^"\n]*"|“[^”\n]*”/gu,
  /(专项)?通报（[^）]*）(第\d+期)?(附件\d)?/gu,
  /\S+\.(xlsx|xlsm|xls|docx)\b/gu,
];

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
  const left = texts.flatMap((t) => untranslated(t, words, DATA));
  expect(left).toEqual([]);
  // The check itself can fail: a Chinese sentence of the product's is caught.
  expect(untranslated("请先校验台账", words, DATA)).toEqual(["请先校验台账"]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 300_000);
