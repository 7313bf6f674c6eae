// 生成通报 and 设置 in the built pane, in headless Chromium, over a fake workbook made from the
// bundled sample (seeds/period-2: 青山区 and 江南区, with their 设置 and 单位名册).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import type { FakeSheetInput } from "../fake-excel";
import { convertWithLibreOffice, libreOfficeAvailable } from "../helpers/libreoffice";
import { pdfPageLines } from "../helpers/print-check";
import { fakePage, sheetsOf, useHarness } from "./support";

const h = useHarness();

const NOTICE = "通报（第2期）";

async function openNotice(page: Page) {
  await page.goto(`${h.origin}/taskpane.html`);
  await page.getByRole("tab", { name: "通报" }).click();
  // The defaults come from 设置 (通报期数 2, 统计截止日期 2022-10-31).
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="notice-period"]') as HTMLInputElement | null)?.value === "2",
  );
  expect(await page.getByTestId("notice-asof").inputValue()).toBe("2022-10-31");
}

/** The sample's sheets after generating the notice `title`: its sheet, its three attachments, then 通报记录. */
function workbookAfter(title: string): string[] {
  return [
    "青山区",
    "江南区",
    "设置",
    "单位名册",
    title,
    `${title}附件1`,
    `${title}附件2`,
    `${title}附件3`,
    "通报记录",
  ];
}

test("生成通报 writes the notice, the report and the hidden history; regenerating asks, then replaces", async () => {
  const { page, blocked, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample });
  await openNotice(page);
  await page.getByRole("button", { name: "生成通报" }).click();
  // 2 of the roster's 25 units: the pane says how many are missing and asks before listing them.
  const warning = page.getByRole("alertdialog");
  await warning.waitFor({ timeout: 60_000 });
  expect(await warning.textContent()).toContain(
    "单位名册共25个单位，本工作簿中只有2个单位的台账；其余23个单位（",
  );
  expect(await sheetsOf(page).then((s) => s.length)).toBe(4);
  await warning.getByRole("button", { name: "仍然生成" }).click();
  await page.getByText(`已生成“${NOTICE}”`).waitFor({ timeout: 60_000 });

  const sheets = await sheetsOf(page);
  expect(sheets.map((s) => s.name)).toEqual(workbookAfter(NOTICE));
  const notice = sheets.find((s) => s.name === NOTICE)!;
  expect(notice.values[0]![0]).toBe("重点任务推进情况通报");
  expect(notice.values.map((r) => r[0])).toContain("关于基层党建工作重点任务推进情况的通报");
  expect(notice.values.map((r) => r[0])).toContain("（统计截至2022年10月31日）");
  // 青山区 completed every task in period 2: first of the 县市区 table, at 100%.
  const qingshan = notice.values.find((row) => row[1] === "青山区" && typeof row[0] === "number");
  expect(qingshan?.slice(0, 2)).toEqual([1, "青山区"]);
  expect(notice.values.find((r) => r[0] === "排名")?.slice(0, 5)).toEqual([
    "排名",
    "单位",
    "任务数",
    "已完成",
    "完成率",
  ]);
  expect(qingshan?.[4]).toBe(1); // 完成率 as a fraction: 100%
  expect(qingshan?.[2]).toBe(qingshan?.[3]); // 任务数 = 已完成
  expect(notice.kind).toBe('="notice"');
  const report = sheets.find((s) => s.name === `${NOTICE}附件3`)!;
  expect(report.kind).toBe('="report"');
  expect(report.values.some((row) => row.includes("江南区") && row.includes("状态与进度不符"))).toBe(true);
  const history = sheets.find((s) => s.name === "通报记录")!;
  expect(history.visibility).toBe("Hidden");
  expect(history.values[0]!.slice(0, 3)).toEqual(["期数", "统计截止日期", "单位"]);
  expect(history.values.filter((row) => row[2] === "青山区")).toHaveLength(1);
  expect(await page.evaluate(() => (window as any).__fake.model.activeSheet.name)).toBe(NOTICE);

  // The pane's summary: rank 1 for 青山区, on the red list.
  const row = page.locator('[data-group="县市区"] [data-unit="青山区"]');
  expect(await row.getAttribute("data-rank")).toBe("1");
  expect(await row.textContent()).toContain("100.0%");
  expect(await page.getByTestId("red-list").textContent()).toContain("青山区");

  // 导出Word: the notice just written, as a .docx download (the host port's saveFile) that
  // LibreOffice opens, with the sheet's title, 版头 and all three attachments.
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120_000 }),
    page.getByTestId("export-word").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${NOTICE}.docx`);
  const dir = mkdtempSync(join(tmpdir(), "taizhang-word-"));
  try {
    const docx = join(dir, `${NOTICE}.docx`);
    await download.saveAs(docx);
    await page.getByText(`已下载“${NOTICE}.docx”`).waitFor({ timeout: 60_000 });
    const xml = strFromU8(unzipSync(readFileSync(docx))["word/document.xml"]!);
    for (const text of ["重点任务推进情况通报", "关于基层党建工作重点任务推进情况的通报", "台账填报问题清单"])
      expect(xml).toContain(text);
    if (libreOfficeAvailable()) {
      const { paths } = await convertWithLibreOffice(docx, "writer-pdf", dir);
      const text = pdfPageLines(paths[0]!).flat().join("");
      expect(text).toContain("关于基层党建工作重点任务推进情况的通报");
      expect(text).toContain("附件3");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(await page.getByTestId("notice-totals").textContent()).toMatch(
    /^第2期（统计截至2022-10-31）：任务\d+项/,
  );

  // Again: the dialog asks; cancelling changes nothing.
  const before = JSON.stringify(await sheetsOf(page));
  await page.getByRole("button", { name: "生成通报" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 60_000 });
  // The notice and its attachments 1 and 2 are named; 附件3 (the report) and the history are ours to replace.
  expect(await dialog.textContent()).toContain(
    `工作表“${NOTICE}、${NOTICE}附件1、${NOTICE}附件2”是之前生成的通报`,
  );
  await dialog.getByRole("button", { name: "取消" }).click();
  await page.getByText("已取消，工作簿未作任何修改。").waitFor();
  expect(JSON.stringify(await sheetsOf(page))).toBe(before);

  // And accepting replaces: still one notice sheet, at the same place.
  await page.evaluate(
    () => ((window as any).__fake.model.activeSheet = (window as any).__fake.model.sheets[0]),
  );
  await page.getByRole("button", { name: "生成通报" }).click();
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByRole("button", { name: "替换" }).click();
  await page.getByText(`已生成“${NOTICE}”`).waitFor({ timeout: 60_000 });
  const again = await sheetsOf(page);
  expect(again.map((s) => s.name)).toEqual(workbookAfter(NOTICE));
  expect(again.find((s) => s.name === NOTICE)!.values).toEqual(notice.values);
  expect(again.find((s) => s.name === "通报记录")!.values).toEqual(history.values);
  expect(await page.evaluate(() => (window as any).__fake.model.activeSheet.name)).toBe(NOTICE);

  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test("a user's own sheet with an attachment's name stops 生成通报 before anything is written", async () => {
  const mine: FakeSheetInput = { name: `${NOTICE}附件3`, rows: [["我自己的校验记录"], ["不要覆盖"]] };
  const { page } = await fakePage(h.browser, h.fakes, { sheets: [...h.sample, mine] });
  await openNotice(page);
  await page.getByRole("button", { name: "生成通报" }).click();
  const bar = page.getByTestId("feedback-error");
  await bar.waitFor({ timeout: 60_000 });
  expect(await bar.textContent()).toContain(
    `工作表“${NOTICE}附件3”不是台账助手生成的，为避免覆盖您的数据，未作任何修改`,
  );
  const sheets = await sheetsOf(page);
  expect(sheets.map((s) => s.name)).toEqual(["青山区", "江南区", "设置", "单位名册", `${NOTICE}附件3`]);
  expect(sheets.at(-1)!.values).toEqual([["我自己的校验记录"], ["不要覆盖"]]);
  expect(sheets.at(-1)!.kind).toBeNull();
  await page.context().close();
});

test("an invalid 设置 refuses to generate and lists the cell, which a click selects", async () => {
  const settings = h.sample.find((s) => s.name === "设置")!;
  const rows = settings.rows.map((r) => r?.slice());
  const redTopRow = rows.findIndex((r) => r?.[0] === "红榜名次");
  rows[redTopRow]![1] = "前三名";
  const sheets = h.sample.map((s) => (s.name === "设置" ? { ...s, rows } : s));
  const { page } = await fakePage(h.browser, h.fakes, { sheets });
  await page.goto(`${h.origin}/taskpane.html?view=notice&run=1`);
  await page.getByText("“设置”或“单位名册”有误").waitFor({ timeout: 60_000 });
  const cell = `B${redTopRow + 1}`;
  const link = page.getByTestId("setup-issues").locator(`[data-cell="${cell}"]`);
  expect(await link.getAttribute("data-issue-code")).toBe("invalid-setting");
  await link.click();
  await page.waitForFunction((c) => (window as any).__fake.model.selection?.address === c, cell);
  expect((await sheetsOf(page)).map((s) => s.name)).toEqual(["青山区", "江南区", "设置", "单位名册"]);
  await page.context().close();
});

test("设置: an invalid 红榜名次 is flagged as typed; the fixed value is saved into column B only", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample });
  await page.goto(`${h.origin}/taskpane.html?view=settings`);
  const input = page.getByTestId("setting-红榜名次");
  await input.waitFor({ timeout: 60_000 });
  expect(await input.inputValue()).toBe("3");
  // The roster as the core read it.
  expect(await page.locator('[data-testid="roster"] [data-group="县市区"]').textContent()).toContain(
    "青山区（青山）",
  );

  const field = page.locator('[data-setting="红榜名次"]');
  await input.fill("三");
  await field.getByText("设置项“红榜名次”的值").waitFor();
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("请先更正标红的设置项").waitFor();

  await input.fill("5");
  await page.waitForFunction(
    () => !document.querySelector('[data-setting="红榜名次"]')?.textContent?.includes("无效"),
  );
  // A value Excel would take as a formula stays text.
  await page.getByTestId("setting-任务类别").fill("=书记述职、其他");
  const before = await sheetsOf(page);
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("已保存 2 项到“设置”工作表。").waitFor();

  const after = await sheetsOf(page);
  const settings = after.find((s) => s.name === "设置")!;
  const redTop = settings.values.findIndex((r) => r[0] === "红榜名次");
  expect(settings.values[redTop]!.slice(0, 2)).toEqual(["红榜名次", 5]);
  const categories = settings.values.find((r) => r[0] === "任务类别");
  expect(categories?.[1]).toBe("=书记述职、其他");
  expect(settings.formulas).toEqual([]);
  // Nothing else changed: other sheets, and 设置's column A and other rows.
  for (const s of after.filter((x) => x.name !== "设置"))
    expect(s).toEqual(before.find((x) => x.name === s.name));
  const beforeSettings = before.find((s) => s.name === "设置")!;
  settings.values.forEach((row, r) => {
    if (row[0] === "红榜名次") return;
    if (r < beforeSettings.values.length) expect(row).toEqual(beforeSettings.values[r]);
  });
  // The form re-read the sheet: the saved value shows, with no error.
  expect(await input.inputValue()).toBe("5");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("设置: saving into a workbook without a 设置 sheet creates it with the 项目 | 值 header", async () => {
  const { page } = await fakePage(h.browser, h.fakes, { sheets: h.sample.filter((s) => s.name !== "设置") });
  await page.goto(`${h.origin}/taskpane.html?view=settings`);
  await page.getByText("工作簿中没有“设置”工作表").waitFor({ timeout: 60_000 });
  await page.getByTestId("setting-统计截止日期").fill("2022-10-31");
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("已保存 1 项到“设置”工作表。").waitFor();
  const settings = (await sheetsOf(page)).find((s) => s.name === "设置")!;
  expect(settings.values).toEqual([
    ["项目", "值"],
    ["统计截止日期", "2022-10-31"],
  ]);
  expect(settings.kind).toBeNull(); // the user's sheet, not a generated one
  await page.context().close();
});

test("English UI when Office's display language is en-US; the ribbon URL runs the notice", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample, displayLanguage: "en-US" });
  await page.goto(`${h.origin}/taskpane.html?view=notice&run=1`);
  // A ribbon click fills the form and asks once (date, period, the missing units) before writing.
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 60_000 });
  const asked = (await dialog.textContent()) ?? "";
  expect(asked).toContain(`This writes ${NOTICE} (period 2, as of 2022-10-31)`);
  expect(asked).toContain("The roster has 25 units; this workbook holds ledgers of 2 of them.");
  expect(await page.getByTestId("notice-period").inputValue()).toBe("2");
  expect((await sheetsOf(page)).length).toBe(4);
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  await page.getByText(`Generated ${NOTICE}`).waitFor({ timeout: 60_000 });
  expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("Notice");
  expect(await page.getByTestId("notice-totals").textContent()).toMatch(
    /^Period 2 \(as of 2022-10-31\): \d+ tasks, \d+ completed/,
  );
  expect(await page.getByRole("button", { name: "Generate notice" }).isEnabled()).toBe(true);
  // Written sheets stay Chinese (SPEC §10): they are read by the offices.
  const report = (await sheetsOf(page)).find((s) => s.name === `${NOTICE}附件3`)!;
  expect(report.values[1]![0]).toBe("台账填报问题清单");
  await page.getByRole("tab", { name: "Scoring" }).click();
  // The ledgers hold no evaluation sheet: the scoring view says what one looks like.
  const scoring = page.locator('[data-view="score"]').getByTestId("feedback-warning");
  await scoring.waitFor({ timeout: 60_000 });
  expect(await scoring.textContent()).toContain("No evaluation sheet found");
  // Only the selected view shows; the notice keeps its result for when its tab is chosen again.
  expect(await page.getByTestId("notice-summary").isVisible()).toBe(false);
  await page.getByRole("tab", { name: "Notice" }).click();
  expect(await page.getByTestId("notice-summary").isVisible()).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a workbook without a ledger: 生成通报 says so and writes nothing", async () => {
  const setupOnly = h.sample.filter((s) => s.name === "设置" || s.name === "单位名册");
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: setupOnly });
  await openNotice(page);
  await page.getByRole("button", { name: "生成通报" }).click();
  const bar = page.getByTestId("feedback-error");
  await bar.waitFor({ timeout: 60_000 });
  expect(await bar.textContent()).toContain("本工作簿中没有找到重点任务台账");
  expect(await bar.textContent()).toContain("未写入任何内容");
  expect((await sheetsOf(page)).map((s) => s.name)).toEqual(["设置", "单位名册"]);
  expect(await page.getByTestId("notice-summary").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("类别: a 专项通报 over 巡察整改 with its own period, beside the 综合通报", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample });
  await openNotice(page);
  await page.getByTestId("notice-category").selectOption("巡察整改");
  // A 专项通报 has its own periods: none yet, so period 1 (设置's 通报期数 is the 综合通报's).
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="notice-period"]') as HTMLInputElement | null)?.value === "1",
  );
  await page.getByRole("button", { name: "生成通报" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByRole("button", { name: "仍然生成" }).click();
  const special = "专项通报（巡察整改）第1期";
  await page.getByText(`已生成“${special}”`).waitFor({ timeout: 60_000 });
  const sheets = await sheetsOf(page);
  expect(sheets.map((s) => s.name)).toEqual(workbookAfter(special));
  expect(sheets.find((s) => s.name === special)!.values[0]![0]).toBe("巡察整改专项通报");
  // Its history rows carry the category (通报记录's 类别 column).
  const history = sheets.find((s) => s.name === "通报记录")!;
  const categoryColumn = history.values[0]!.indexOf("类别");
  expect(categoryColumn).toBeGreaterThan(0);
  expect(new Set(history.values.slice(1).map((r) => r[categoryColumn]))).toEqual(new Set(["巡察整改"]));
  expect(errors).toEqual([]);
  await page.context().close();
});
