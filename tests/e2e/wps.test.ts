// The WPS add-in in a real browser: the built offline folder (dist/wps/taizhang_<version>) served
// as it is, WPS's `window.Application` replaced by the fake ET object model (injected before the
// page's scripts, as WPS injects it), and every request outside the folder refused and failing the
// test. The same scenarios run on the Excel build with the fake Office/Excel, over the same
// bundled sample, and must give the same results.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, DIST_WPS, type HostPage, excelPage, sheetsOf, useHarness, wpsPage } from "./support";

const h = useHarness({ wps: true });

jest.setTimeout(180_000);

const folderUrl = () => `${h.wpsOrigin}/${h.wpsFolder}/`;

/** The validation as the pane shows it: the summary line and every issue's code and cell, in order. */
async function validationShown(host: HostPage) {
  const summary = host.page.getByTestId("validation-summary");
  await summary.waitFor({ timeout: 60_000 });
  return {
    summary: await summary.textContent(),
    issues: await host.page
      .locator("[data-issue-code]")
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute("data-issue-code")}@${e.getAttribute("data-cell")}`),
      ),
  };
}

async function done(host: HostPage) {
  expect(host.errors).toEqual([]);
  expect(host.blocked).toEqual([]);
  await host.page.context().close();
}

test("the WPS folder is self-contained: only its own files are requested, no Office.js, no CDN", async () => {
  const html = readFileSync(join(DIST_WPS, h.wpsFolder, "taskpane.html"), "utf8");
  expect(html).not.toMatch(/office\.js|https?:\/\//);
  expect(readFileSync(join(DIST_WPS, h.wpsFolder, "index.html"), "utf8")).not.toMatch(/https?:\/\//);
  // The same pane bundle as the Excel add-in.
  const script = (h: string) => /<script[^>]*src="?(taskpane\.[0-9a-f]{8}\.js)/.exec(h)?.[1];
  expect(script(html)).toBe(script(readFileSync(join(DIST, "taskpane.html"), "utf8")));
  expect(readFileSync(join(DIST_WPS, h.wpsFolder, script(html)!))).toEqual(
    readFileSync(join(DIST, script(html)!)),
  );
});

test("校验台账 from the WPS ribbon: the ribbon page opens the task pane, which validates as on Excel", async () => {
  // The ribbon page WPS loads at start, with the callbacks ribbon.xml names.
  const ribbon = await wpsPage(h, { sheets: h.sample });
  await ribbon.open("index.html");
  await ribbon.page.waitForFunction(() => typeof (window as any).OnAction === "function");
  const url = await ribbon.page.evaluate(() => {
    const w = window as any;
    w.OnAddinLoad({});
    w.OnAction({ Id: "btnValidate" });
    const pane = w.Application.taskPanes[0];
    return {
      url: pane.url as string,
      visible: pane.Visible as boolean,
      count: w.Application.taskPanes.length,
    };
  });
  expect(url.visible).toBe(true);
  expect(url.url.startsWith(`${folderUrl()}taskpane.html?view=validate&run=1`)).toBe(true);
  await done(ribbon);

  // The pane at that URL (a pane is its own page in WPS, sharing the same Application).
  const wps = await wpsPage(h, { sheets: h.sample });
  await wps.page.goto(url.url);
  const onWps = await validationShown(wps);
  const excel = await excelPage(h, { sheets: h.sample });
  await excel.open("taskpane.html?view=validate&run=1");
  const onExcel = await validationShown(excel);
  expect(onWps).toEqual(onExcel);
  expect(onWps.issues.length).toBeGreaterThan(0);
  expect(await wps.page.getByRole("tab", { selected: true }).textContent()).toBe("校验");
  await done(wps);
  await done(excel);
});

test("标注 and 清除标注 on WPS: problem cells filled, then every original fill and value restored", async () => {
  const sheets = h.sample.map((s) => (s.name === "江南区" ? { ...s, fills: { B4: "#00B0F0" } } : s));
  const wps = await wpsPage(h, { sheets });
  await wps.open("taskpane.html?view=validate&run=1");
  await validationShown(wps);
  const before = await wps.page.evaluate(() =>
    JSON.stringify((window as any).__fake.model.sheets.map((s: any) => [s.name, s.values, [...s.styles]])),
  );
  await wps.page.getByRole("button", { name: "标注问题单元格" }).click();
  const marked = wps.page.getByText(/已标注 \d+ 个单元格/);
  await marked.waitFor({ timeout: 60_000 });
  const fills = await wps.page.evaluate(() =>
    (window as any).__fake.model.sheets.flatMap((s: any) => [...s.styles.values()].map((st: any) => st.fill)),
  );
  expect(fills).toContain("#FFC7CE");
  await wps.page.getByRole("button", { name: "清除标注" }).click();
  await wps.page.getByText(/已恢复 \d+ 个单元格原来的格式/).waitFor({ timeout: 60_000 });
  const after = await wps.page.evaluate(() =>
    JSON.stringify((window as any).__fake.model.sheets.map((s: any) => [s.name, s.values, [...s.styles]])),
  );
  expect(after).toBe(before);

  // Excel marks the same number of cells.
  const excel = await excelPage(h, { sheets });
  await excel.open("taskpane.html?view=validate&run=1");
  await validationShown(excel);
  await excel.page.getByRole("button", { name: "标注问题单元格" }).click();
  const excelMarked = excel.page.getByText(/已标注 \d+ 个单元格/);
  await excelMarked.waitFor({ timeout: 60_000 });
  expect(await marked.count()).toBe(0); // (cleared on WPS meanwhile)
  expect(await excelMarked.textContent()).toMatch(/已标注 \d+ 个单元格/);
  await done(wps);
  await done(excel);
});

test("生成通报 on WPS writes the same notice, report and history as on Excel", async () => {
  const run = async (host: HostPage) => {
    await host.open("taskpane.html?view=notice&run=1");
    // The ribbon's request asks once before writing.
    const dialog = host.page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 90_000 });
    await dialog.getByRole("button", { name: "生成", exact: true }).click();
    await host.page.getByText("已生成“通报（第2期）”").waitFor({ timeout: 90_000 });
    return sheetsOf(host.page);
  };
  const wps = await wpsPage(h, { sheets: h.sample });
  const excel = await excelPage(h, { sheets: h.sample });
  const [onWps, onExcel] = [await run(wps), await run(excel)];
  expect(onWps.map((s) => [s.name, s.visibility, s.kind])).toEqual(
    onExcel.map((s) => [s.name, s.visibility, s.kind]),
  );
  for (const name of [
    "通报（第2期）",
    "通报（第2期）附件1",
    "通报（第2期）附件2",
    "通报（第2期）附件3",
    "通报记录",
  ]) {
    const w = onWps.find((s) => s.name === name)!;
    const e = onExcel.find((s) => s.name === name)!;
    expect(w.values).toEqual(e.values);
    expect(w.formulas).toEqual(e.formulas);
  }
  expect(await wps.page.getByTestId("notice-totals").textContent()).toBe(
    await excel.page.getByTestId("notice-totals").textContent(),
  );
  // WPS says what it left out (the notice's data bars and charts).
  expect(await wps.page.getByTestId("feedback-warning").allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining("WPS 版暂不绘制完成率数据条")]),
  );
  await done(wps);
  await done(excel);
});

test("设置 on WPS: a fixed value is saved into column B, text WPS would parse stays text", async () => {
  const wps = await wpsPage(h, { sheets: h.sample });
  await wps.open("taskpane.html?view=settings");
  const input = wps.page.getByTestId("setting-红榜名次");
  await input.waitFor({ timeout: 60_000 });
  expect(await input.inputValue()).toBe("3");
  await input.fill("5");
  await wps.page.getByTestId("setting-任务类别").fill("=书记述职、其他");
  await wps.page.getByRole("button", { name: "保存" }).click();
  await wps.page.getByText("已保存 2 项到“设置”工作表。").waitFor({ timeout: 60_000 });
  const settings = (await sheetsOf(wps.page)).find((s) => s.name === "设置")!;
  expect(settings.values.find((r) => r[0] === "红榜名次")?.[1]).toBe(5);
  expect(settings.values.find((r) => r[0] === "任务类别")?.[1]).toBe("=书记述职、其他");
  expect(settings.formulas).toEqual([]);
  expect(await input.inputValue()).toBe("5");
  await done(wps);
});

test("with no workbook open, the WPS pane says so instead of failing silently", async () => {
  const wps = await wpsPage(h, { sheets: h.sample, et: { noWorkbook: true } });
  await wps.open("taskpane.html?view=validate&run=1");
  await wps.page.getByText("WPS 中没有打开的工作簿").waitFor({ timeout: 60_000 });
  await done(wps);
});
