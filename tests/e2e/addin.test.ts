// The add-in in a real browser: built bundle, served locally, Office.js replaced by the fakes.
import { HEADERS } from "../core/helpers";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { FakeSheetInput } from "../fake-excel";
import { DIST, fakePage, useHarness } from "./support";

const LEDGER: FakeSheetInput = {
  name: "重点任务台账",
  rows: [
    ["基层党建工作重点任务推进台账"],
    [...HEADERS],
    [
      1,
      "RW-001",
      "城市基层党建",
      "党群服务中心标准化建设",
      "青山区",
      "张三",
      "10月底",
      "推进中",
      50,
      null,
      null,
      null,
    ],
    [
      2,
      "RW-002",
      "乡村振兴",
      "村级集体经济提质",
      "青山区",
      "李四",
      44834,
      "已完成",
      80,
      44830,
      "会议纪要",
      null,
    ],
  ],
  numberFormats: [
    undefined,
    undefined,
    undefined,
    [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "yyyy-mm-dd",
      undefined,
      undefined,
      "yyyy-mm-dd",
    ],
  ],
  merges: ["A1:L1"],
};

const h = useHarness();

test("the task pane's initial JavaScript is within 300 KB gzipped; the engine loads lazily", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1]!)
    .filter((s) => !s.startsWith("http"));
  expect(scripts).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
  const gzipped = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(DIST, s)), { level: 9 }).length, 0);
  console.log(`task pane initial JS: ${(gzipped / 1024).toFixed(1)} KB gzipped (${scripts.join(", ")})`);
  expect(gzipped).toBeLessThanOrEqual(300 * 1024);
  // The validation engine is its own chunk, not part of the first load.
  expect(html).not.toMatch(/engine\./);
  expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
});

test("校验台账 lists the issues; clicking one selects its cell in the workbook", async () => {
  const { page, blocked, errors } = await fakePage(h.browser, h.fakes, {
    sheets: [LEDGER, { name: "说明", rows: [["填表说明"]] }],
  });
  await page.goto(`${h.origin}/taskpane.html`);
  await page.getByRole("button", { name: "校验台账" }).click();
  const summary = page.getByTestId("validation-summary");
  await summary.waitFor({ timeout: 30_000 });
  expect(await summary.textContent()).toMatch(/共 1 张台账、2 行数据：错误 [1-9]\d* 个/);

  const dateIssue = page.locator('[data-cell="G3"]');
  await dateIssue.waitFor();
  expect(await dateIssue.getAttribute("data-issue-code")).toBe("invalid-date");
  expect(await dateIssue.textContent()).toContain("G3");
  await expect(page.locator('[data-cell="I4"]').getAttribute("data-issue-code")).resolves.toBe(
    "status-progress-mismatch",
  );

  // Move the selection elsewhere first so the click has to move it.
  await page.evaluate(() => ((window as any).__fake.model.selection = { sheet: "说明", address: "A1" }));
  await dateIssue.click();
  await page.waitForFunction(() => (window as any).__fake.model.selection?.address === "G3");
  expect(await page.evaluate(() => (window as any).__fake.model.selection)).toEqual({
    sheet: "重点任务台账",
    address: "G3",
  });

  // Highlight, then clear: fills come and go, values stay.
  const valuesBefore = await page.evaluate(() =>
    JSON.stringify((window as any).__fake.model.sheets[0].values),
  );
  await page.getByRole("button", { name: "标注问题单元格" }).click();
  await page.getByText(/已标注 \d+ 个单元格/).waitFor();
  expect(await page.evaluate(() => (window as any).__fake.model.sheets[0].styles.get("2,6")?.fill)).toBe(
    "#FFC7CE",
  );
  await page.getByRole("button", { name: "清除标注" }).click();
  await page.getByText(/已恢复 \d+ 个单元格原来的格式/).waitFor();
  expect(await page.evaluate(() => (window as any).__fake.model.sheets[0].styles.size)).toBe(0);
  expect(await page.evaluate(() => JSON.stringify((window as any).__fake.model.sheets[0].values))).toBe(
    valuesBefore,
  );

  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test("a failure reaches the user as a message bar (selecting a cell on a sheet deleted meanwhile)", async () => {
  const { page } = await fakePage(h.browser, h.fakes, { sheets: [LEDGER, { name: "其他", rows: [["x"]] }] });
  await page.goto(`${h.origin}/taskpane.html`);
  await page.getByRole("button", { name: "校验台账" }).click();
  await page.locator('[data-cell="G3"]').waitFor({ timeout: 30_000 });
  await page.evaluate(() => (window as any).__fake.model.sheets.splice(0, 1));
  await page.locator('[data-cell="G3"]').click();
  await page.getByText("找不到工作表“重点任务台账”").waitFor();
  await page.context().close();
});

test("the 校验台账 ribbon button's URL opens the pane on 校验 and validates; English outside Chinese Office", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: [LEDGER], displayLanguage: "en-US" });
  // manifest.xml: <bt:Url id="Validate.Url" DefaultValue="…/taskpane.html?view=validate&amp;run=1" />
  await page.goto(`${h.origin}/taskpane.html?view=validate&run=1`);
  const summary = page.getByTestId("validation-summary");
  await summary.waitFor({ timeout: 30_000 });
  expect(await summary.textContent()).toMatch(/1 ledger sheets, 2 data rows: \d+ errors/);
  expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("Validate");
  // One run of the workbook: no 单位名册, so exactly one no-roster warning (SPEC §4).
  expect(await page.locator('[data-issue-code="no-roster"]').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the function file loads without errors (the manifest requires one; no button uses it)", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: [LEDGER] });
  await page.goto(`${h.origin}/commands.html`);
  await page.waitForFunction(() => (window as any).Office !== undefined);
  expect(await page.evaluate(() => [...(window as any).Office.associated.keys()])).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});
