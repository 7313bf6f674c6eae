// 收集/导出 in the built pane, in headless Chromium, over the fake Excel and the fake WPS host: real
// returned files (.xlsx from the sample, the committed LibreOffice-written .xls, a broken file)
// picked with the file input and dropped on the drop zone, parsed in the browser and written into
// 合并台账 and 收集情况 through the host port; 插入标准台账; 导出 through the host port's
// openWorkbook (Excel.createWorkbook; WPS: temp file + Workbooks.Open), opened by LibreOffice; the
// download where that API is missing. Screenshots at 350 px in dist/screenshots.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { readWorkbook, readWorkbookFile } from "../../src/adapters/xlsx";
import { findHeaderRow, readLedgerTable } from "../../src/core";
import { convertWithLibreOffice, libreOfficeAvailable } from "../helpers/libreoffice";
import type { FakeSheetInput } from "../fake-excel";
import { HEADERS } from "../core/helpers";
import { toFakeSheet } from "./sample";
import { ROOT, fakePage, sheetsOf, useHarness, wpsPage } from "./support";

jest.setTimeout(300_000);

const h = useHarness({ wps: true });
/** 青山区's 设置 and 单位名册: the open workbook before anything is collected. */
let setup: FakeSheetInput[];
let dir: string;

const SHOTS = join(ROOT, "dist", "screenshots");

const SEED = (name: string) => join(ROOT, "seeds/period-2", name);
const XLS = join(ROOT, "seeds/returns/市教育局.xls");

beforeAll(async () => {
  const book = await readWorkbookFile(SEED("青山区.xlsx"));
  setup = ["设置", "单位名册"].map((name) => toFakeSheet(book.sheets.find((s) => s.name === name)!));
  dir = mkdtempSync(join(tmpdir(), "taizhang-e2e-collect-"));
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** The largest request any sync sent, in bytes. */
function largestRequest(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(
      0,
      ...(window as any).__fake.excel.contexts.flatMap((c: any) => c.syncs.map((s: any) => s.requestBytes)),
    ),
  );
}

/** The rows of each returned file, counted by our reader in the test process. */
function rowsOf(path: string): number {
  const book = readWorkbook(new Uint8Array(readFileSync(path)));
  const sheet = book.sheets.find((s) => findHeaderRow(s) !== null && s.name !== "单位名册")!;
  return readLedgerTable(sheet, findHeaderRow(sheet)!).rows.length;
}

async function openCollect(page: Page, url = `${h.origin}/taskpane.html`) {
  await page.setViewportSize({ width: 350, height: 900 });
  await page.goto(url);
  // The first screen explains the loop and, with no ledger in the workbook, offers 收集.
  await page.getByTestId("loop-intro").waitFor();
  await page.getByTestId("loop-go-collect").click({ timeout: 60_000 });
  await page.getByTestId("collect-drop").waitFor();
}

test("收集 parses .xlsx and .xls in the browser, reports a broken file, writes 合并台账 within the payload limit", async () => {
  const { page, blocked, errors } = await fakePage(h.browser, h.fakes, { sheets: setup });
  await openCollect(page);
  await page.screenshot({ path: join(SHOTS, "collect-start-350.png"), fullPage: true });
  const broken = join(dir, "损坏的台账.xlsx");
  writeFileSync(broken, readFileSync(SEED("江南区.xlsx")).subarray(0, 3000));
  await page
    .getByTestId("collect-input")
    .setInputFiles([SEED("青山区.xlsx"), SEED("江南区.xlsx"), XLS, broken]);
  const table = page.getByTestId("collect-table");
  await table.waitFor({ timeout: 120_000 });
  const outcomes = await table
    .locator("[data-outcome]")
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute("data-outcome"),
        r.getAttribute("data-file"),
        r.getAttribute("data-unit"),
        r.getAttribute("data-rows"),
        r.querySelector("[data-field=result]")?.textContent ?? null,
      ]),
    );
  // The .xls is LibreOffice's conversion of the sample's 市教育局.xlsx (scripts/make-xls-fixtures.sh).
  const expected = [rowsOf(SEED("青山区.xlsx")), rowsOf(SEED("江南区.xlsx")), rowsOf(SEED("市教育局.xlsx"))];
  expect(outcomes.map((o) => o.slice(0, 4))).toEqual([
    ["merged", "青山区.xlsx", "青山区", String(expected[0])],
    ["merged", "江南区.xlsx", "江南区", String(expected[1])],
    ["merged", "市教育局.xls", "市教育局", String(expected[2])],
    ["unreadable", "损坏的台账.xlsx", "", "0"],
  ]);
  expect(outcomes[3]![4]).toMatch(/^无法读取：/);

  const sheets = await sheetsOf(page);
  const merged = sheets.find((s) => s.name === "合并台账")!;
  expect(merged.kind).toBe('="ledger"');
  const header = merged.values[0]!;
  expect(header.slice(0, 12)).toEqual([...HEADERS]);
  expect(header.slice(-2)).toEqual(["来源文件", "来源行"]);
  const body = merged.values.slice(1).filter((r) => r.some((v) => v !== null && v !== ""));
  expect(body).toHaveLength(expected[0]! + expected[1]! + expected[2]!);
  const source = header.indexOf("来源文件");
  expect(new Set(body.map((r) => r[source]))).toEqual(
    new Set(["青山区.xlsx", "江南区.xlsx", "市教育局.xls"]),
  );
  const log = sheets.find((s) => s.name === "收集情况")!;
  expect(log.values[0]).toEqual(["文件", "单位", "行数", "错误", "警告", "处理结果", "内容哈希", "填报日期"]);
  expect(log.values[1]![6]).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.evaluate(() => (window as any).__fake.model.activeSheet.name)).toBe("合并台账");
  expect(await largestRequest(page)).toBeLessThan(4 * 1024 * 1024);
  await page.screenshot({ path: join(SHOTS, "collect-done-350.png"), fullPage: true });

  // The same file again (dropped this time) is recognised by its content and not added twice.
  const bytes = readFileSync(SEED("江南区.xlsx")).toString("base64");
  const transfer = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], "江南区（重发）.xlsx"));
    return dt;
  }, bytes);
  await page.getByTestId("collect-drop").dispatchEvent("drop", { dataTransfer: transfer });
  await page
    .locator('[data-testid="collect-table"] [data-outcome="already-collected"]')
    .waitFor({ timeout: 120_000 });
  const after = (await sheetsOf(page)).find((s) => s.name === "合并台账")!;
  expect(after.values.slice(1).filter((r) => r.some((v) => v !== null && v !== ""))).toHaveLength(
    body.length,
  );

  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test("插入标准台账 writes the template with its hidden 选项 lists", async () => {
  const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: setup });
  await openCollect(page);
  await page.getByTestId("template-insert").click();
  await page.getByText("已插入“重点任务台账”").waitFor({ timeout: 60_000 });
  const sheets = await sheetsOf(page);
  const options = sheets.find((s) => s.name === "选项")!;
  expect(options.visibility).toBe("Hidden");
  expect(options.values.map((r) => r[0]).filter(Boolean)).toEqual([
    "推进状态",
    "未启动",
    "推进中",
    "已完成",
    "已销号",
  ]);
  expect(options.values.map((r) => r[2]).filter(Boolean)).toHaveLength(26); // header + 25 roster units
  const ledger = sheets.find((s) => s.name === "重点任务台账")!;
  expect(ledger.values[2]![1]).toBe("任务编号");
  expect(errors).toEqual([]);
  await page.context().close();
});

(libreOfficeAvailable() ? test : test.skip)(
  "导出 opens the notice as a new workbook (Excel.createWorkbook), which LibreOffice opens; else a download",
  async () => {
    const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: setup });
    await openCollect(page);
    await page.getByTestId("collect-input").setInputFiles([SEED("青山区.xlsx"), SEED("江南区.xlsx"), XLS]);
    await page.getByTestId("collect-table").waitFor({ timeout: 120_000 });
    await page.getByTestId("export-notice").click();
    await page.getByText(/已在新窗口中打开第 2 期通报/).waitFor({ timeout: 120_000 });
    const base64: string = await page.evaluate(() => (window as any).__fake.excel.created[0]);
    // Sent by email: the report's cells are addresses as text, no links into absent ledgers.
    expect(Buffer.from(base64, "base64").includes(Buffer.from("hyperlink"))).toBe(false);
    const file = join(dir, "导出.xlsx");
    writeFileSync(file, Buffer.from(base64, "base64"));
    const book = await readWorkbookFile(file);
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["通报（第2期）", "通报记录"]));
    // Nothing was added to the open workbook by exporting.
    expect((await sheetsOf(page)).map((s) => s.name)).not.toContain("通报（第2期）");
    const out = mkdtempSync(join(tmpdir(), "taizhang-e2e-export-"));
    try {
      const { paths } = await convertWithLibreOffice(file, "csv", out);
      const csv = paths.map((p) => readFileSync(p, "utf8")).join("\n");
      expect(csv).toContain("关于基层党建工作重点任务推进情况的通报");
      expect(csv).toContain("青山区");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    await page.context().close();

    // A host without Excel.createWorkbook: the same workbook as a download.
    const second = await fakePage(h.browser, h.fakes, { sheets: setup, createWorkbook: false });
    await openCollect(second.page);
    await second.page.getByTestId("collect-input").setInputFiles([SEED("青山区.xlsx")]);
    await second.page.getByTestId("collect-table").waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([
      second.page.waitForEvent("download", { timeout: 120_000 }),
      second.page.getByTestId("export-notice").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^通报（第\d+期）\.xlsx$/);
    const saved = join(dir, "下载.xlsx");
    await download.saveAs(saved);
    expect((await readWorkbookFile(saved)).sheets.some((s) => s.name.startsWith("通报（第"))).toBe(true);
    await second.page.context().close();
  },
  300_000,
);

test("收集 and 导出 on WPS: the same 合并台账 as on Excel; the export opens from WPS's temp folder", async () => {
  const { page, errors, blocked, base } = await wpsPage(h, { sheets: setup });
  await openCollect(page, `${base}taskpane.html`);
  const files = [SEED("青山区.xlsx"), SEED("江南区.xlsx"), XLS];
  await page.getByTestId("collect-input").setInputFiles(files);
  await page.getByTestId("collect-table").waitFor({ timeout: 120_000 });
  const onWps = (await sheetsOf(page)).find((s) => s.name === "合并台账")!;

  // The same files on Excel give the same 合并台账, cell for cell.
  const excel = await fakePage(h.browser, h.fakes, { sheets: setup });
  await openCollect(excel.page);
  await excel.page.getByTestId("collect-input").setInputFiles(files);
  await excel.page.getByTestId("collect-table").waitFor({ timeout: 120_000 });
  const onExcel = (await sheetsOf(excel.page)).find((s) => s.name === "合并台账")!;
  expect(onWps.values).toEqual(onExcel.values);
  await excel.page.context().close();

  await page.getByTestId("export-notice").click();
  await page.getByText(/已在新窗口中打开第 2 期通报/).waitFor({ timeout: 120_000 });
  const opened = await page.evaluate(() => {
    const state = (window as any).__fake.state;
    return state.opened.map((p: string) => [p, btoa(state.files.get(p))]);
  });
  expect(opened).toHaveLength(1);
  expect(opened[0][0]).toMatch(/\\Temp\\\d{14}-通报（第2期）\.xlsx$/);
  const file = join(dir, "wps-导出.xlsx");
  writeFileSync(file, Buffer.from(opened[0][1], "base64"));
  expect((await readWorkbookFile(file)).sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(["通报（第2期）", "通报记录"]),
  );
  await page.screenshot({ path: join(SHOTS, "collect-wps-350.png"), fullPage: true });
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});
