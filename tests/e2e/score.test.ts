// 考核评分 in the built pane, in headless Chromium, over a fake workbook holding every sheet of the
// bundled seeds/考核评分.xlsx (设置 with 考核权重 and 好等次比例, 单位名册, three evaluation sheets,
// 加减分, 一票否决), checked against the generator's expected results.
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import type { FakeSheetInput } from "../fake-excel";
import { expected } from "../scoring/expected";
import { toFakeSheet } from "./sample";
import { ROOT, fakePage, sheetsOf, useHarness } from "./support";

const h = useHarness();
/** Every sheet of seeds/考核评分.xlsx (this suite's workbook, not the notice sample). */
let sample: FakeSheetInput[];

beforeAll(async () => {
  const workbook = await readWorkbookFile(join(ROOT, "seeds", expected.file));
  sample = workbook.sheets.map((s) => toFakeSheet(s));
});

const SUMMARY = "考核汇总";
const names = () => [...sample.map((s) => s.name)];

test("the 考核评分 button scores, writes 考核汇总 and shows every unit's rank and grade as expected", async () => {
  const { page, blocked, errors } = await fakePage(h.browser, h.fakes, { sheets: sample });
  await page.goto(`${h.origin}/taskpane.html?view=score&run=1`);
  await page.getByText(`已生成“${SUMMARY}”`).waitFor({ timeout: 90_000 });
  expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("考核");

  const sheets = await sheetsOf(page);
  expect(sheets.map((s) => s.name)).toEqual([...names(), SUMMARY]);
  const summary = sheets.find((s) => s.name === SUMMARY)!;
  expect(summary.kind).toBe('="summary"');
  expect(summary.values[0]![0]).toBe("考核汇总");
  expect(String(summary.values[1]![0])).toContain("平时掌握情况 30%、日常督查检查 30%、年终专项考评 40%");
  expect(await page.evaluate(() => (window as any).__fake.model.activeSheet.name)).toBe(SUMMARY);

  for (const e of expected.units) {
    // The pane's ranked summary …
    const row = page.locator(`[data-group="${e.group}"] [data-unit="${e.unit}"]`);
    expect([await row.getAttribute("data-rank"), await row.getAttribute("data-grade")]).toEqual([
      String(e.rank),
      e.grade,
    ]);
    expect(await row.textContent()).toContain((Math.round(e.composite * 100) / 100).toFixed(2));
    // … and the written sheet agree with the generator.
    const written = summary.values.find((r) => r[1] === e.unit)!;
    expect(String(written[0]).replace("（并列）", "")).toBe(String(e.rank));
    expect(written[6]).toBeCloseTo(e.composite, 5);
    expect(written[7]).toBe(e.grade);
  }
  expect(await page.locator('[data-unit="江南区"]').textContent()).toContain("按比例评为较好");
  expect(await page.locator('[data-unit="江城国控集团"]').textContent()).toContain("一票否决");

  // Weights and rules as 设置 states them.
  for (const [sheet, weight] of Object.entries(expected.weights))
    expect(await page.getByTestId(`weight-${sheet}`).inputValue()).toBe(String(weight));
  expect(await page.getByTestId("score-rules").textContent()).toContain("30%");

  // Every planted issue is listed; a click selects its cell.
  const links = page.getByTestId("score-issues").locator("[data-issue-code]");
  const listed = await links.evaluateAll((els) =>
    els.map((el) => `${el.getAttribute("data-issue-code")}@${el.getAttribute("data-cell")}`),
  );
  expect(listed.sort()).toEqual(expected.issues.map((i) => `${i.code}@${i.cell}`).sort());
  const missing = expected.issues.find((i) => i.code === "score-missing")!;
  await page.getByTestId("score-issues").locator(`[data-issue-code="score-missing"]`).click();
  await page.waitForFunction((c) => (window as any).__fake.model.selection?.address === c, missing.cell);
  expect(await page.evaluate(() => (window as any).__fake.model.activeSheet.name)).toBe(missing.sheet);

  // Again: asks first, then replaces the sheet in place.
  await page.getByTestId("score-generate").click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 60_000 });
  expect(await dialog.textContent()).toContain(`工作表“${SUMMARY}”是之前生成的考核汇总`);
  await dialog.getByRole("button", { name: "替换" }).click();
  await page.getByText(`已生成“${SUMMARY}”`).waitFor({ timeout: 60_000 });
  const again = await sheetsOf(page);
  expect(again.map((s) => s.name)).toEqual([...names(), SUMMARY]);
  expect(again.find((s) => s.name === SUMMARY)!.values).toEqual(summary.values);

  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test("a user's own 考核汇总 sheet is never overwritten", async () => {
  const mine: FakeSheetInput = { name: SUMMARY, rows: [["我的汇总"]] };
  const { page } = await fakePage(h.browser, h.fakes, { sheets: [...sample, mine] });
  await page.goto(`${h.origin}/taskpane.html?view=score&run=1`);
  const bar = page.getByTestId("feedback-error");
  await bar.waitFor({ timeout: 90_000 });
  expect(await bar.textContent()).toContain(`工作表“${SUMMARY}”不是台账助手生成的`);
  const sheets = await sheetsOf(page);
  expect(sheets.at(-1)!.values).toEqual([["我的汇总"]]);
  await page.context().close();
});

test("weights: a wrong total is flagged as typed; saved weights go to 设置 and rescore; bad weights in 设置 refuse", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: sample });
  await page.goto(`${h.origin}/taskpane.html?view=score`);
  const input = page.getByTestId("weight-年终专项考评");
  await input.waitFor({ timeout: 90_000 });
  await page.locator('[data-unit="青山区"]').waitFor();

  await input.fill("50");
  expect(await page.getByTestId("weights-sum").textContent()).toBe("权重合计 110%");
  await page.getByTestId("weights-save").click();
  await page.getByText("权重合计为 110，应为 100。").waitFor();

  await page.getByTestId("weight-平时掌握情况").fill("20");
  await page.getByTestId("weights-save").click();
  await page.getByText("权重已保存到“设置”").waitFor({ timeout: 60_000 });
  const settings = (await sheetsOf(page)).find((s) => s.name === "设置")!;
  const weightRows = Object.fromEntries(
    settings.values.filter((r) => typeof r[1] === "number" && expected.weights[r[0] as string] !== undefined),
  );
  expect(weightRows).toEqual({ 平时掌握情况: 20, 日常督查检查: 30, 年终专项考评: 50 });
  // Rescored with the new weights: 青山区 = 0.2 × 96.5 + 0.3 × 93.5 + 0.5 × 91.5 + 2 (bonus).
  const qs = expected.units.find((u) => u.unit === "青山区")!;
  const composite =
    0.2 * qs.scores["平时掌握情况"]! +
    0.3 * qs.scores["日常督查检查"]! +
    0.5 * qs.scores["年终专项考评"]! +
    qs.bonus;
  await page.waitForFunction(
    (text) => document.querySelector('[data-unit="青山区"]')?.textContent?.includes(text),
    composite.toFixed(2),
  );
  expect(errors).toEqual([]);
  await page.context().close();
});

test("weights in 设置 that do not add up to 100: listed with their cell, and nothing is written", async () => {
  const settings = sample.find((s) => s.name === "设置")!;
  const rows = settings.rows.map((r) => r?.slice());
  const at = rows.findIndex((r) => r?.[0] === "年终专项考评");
  rows[at]![1] = 50;
  const sheets = sample.map((s) => (s.name === "设置" ? { ...s, rows } : s));
  const { page } = await fakePage(h.browser, h.fakes, { sheets });
  await page.goto(`${h.origin}/taskpane.html?view=score&run=1`);
  await page.getByText("未生成考核汇总").waitFor({ timeout: 90_000 });
  const link = page.getByTestId("score-issues").locator('[data-issue-code="weights-sum"]');
  expect(await link.textContent()).toContain("考核权重合计为 110，应为 100");
  expect((await sheetsOf(page)).map((s) => s.name)).toEqual(names());
  await page.context().close();
});
