// 生成退回件 (#14) in the built pane, in headless Chromium, on the fake Excel and on the fake WPS
// host: 校验 the bundled sample, make one annotated workbook per unit with issues, save it through
// the host port (Excel: the browser's download; WPS: its save dialog and file system) and check the
// saved bytes independently — SheetJS for sheets and values, ExcelJS for comments — against the
// sample's own manifest of expected issues (seeds/period-2/expected-issues.json), which the
// product's validator did not write. Screenshots at 350 px for a person to look at.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { exceljsCells, sheetjsCells, sheetjsWorkbook } from "../feedback/oracle";
import { ROOT, fakePage, useHarness, wpsPage } from "./support";

jest.setTimeout(240_000);

const h = useHarness({ wps: true });

const SHOTS = join(ROOT, "dist", "screenshots");
const SEED = join(ROOT, "seeds", "period-2");

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** The sample's expected issues of one file, as `code@cell` (sheet 重点任务台账 in the seed). */
function expectedIssues(file: string): string[] {
  const all = JSON.parse(readFileSync(join(SEED, "expected-issues.json"), "utf8")) as Array<{
    file: string;
    cell: string;
    code: string;
  }>;
  return all.filter((e) => e.file === file).map((e) => `${e.code}@${e.cell}`);
}

/** 校验, then 生成退回件; returns the file names the pane offers. */
async function makeReturns(page: Page): Promise<string[]> {
  await page.getByTestId("validation-summary").waitFor({ timeout: 90_000 });
  await page.getByTestId("return-generate").click();
  const files = page.getByTestId("return-files");
  await files.waitFor({ timeout: 90_000 });
  return files.locator("[data-file]").evaluateAll((els) => els.map((e) => e.getAttribute("data-file")!));
}

/** What an independent reader sees in a saved 退回件. */
async function inspectReturn(bytes: Uint8Array, sheet: string) {
  const comments = (await exceljsCells(bytes)).get(sheet)!;
  const noted = [...comments].filter(([, c]) => c.note).map(([cell]) => cell);
  return {
    sheets: sheetjsWorkbook(bytes).sheets,
    noted: noted.sort(),
    values: sheetjsCells(bytes).get(sheet)!,
  };
}

function checkAgainstSample(seen: Awaited<ReturnType<typeof inspectReturn>>) {
  // The unit's sheet follows the instructions sheet.
  expect(seen.sheets).toEqual(["退回修改说明", "江南区"]);
  // Every issue the sample's manifest lists is commented, and no other cell.
  const expected = expectedIssues("江南区.xlsx").map((e) => e.split("@")[1]!);
  expect(seen.noted).toEqual([...expected].sort());
  // Every value of the unit's rows is the sample's (one unit per sheet: rows keep their places).
  const seed = sheetjsCells(new Uint8Array(readFileSync(join(SEED, "江南区.xlsx")))).get("重点任务台账")!;
  const values = (cells: typeof seed) =>
    [...cells].filter(([cell]) => Number(cell.replace(/^[A-Z]+/, "")) >= 4).map(([cell, c]) => [cell, c.v]);
  expect(values(seen.values)).toEqual(values(seed));
}

test("生成退回件 on Excel: one marked workbook per unit with issues, downloaded, every expected issue commented", async () => {
  const { page, blocked, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample });
  await page.setViewportSize({ width: 350, height: 900 });
  await page.goto(`${h.origin}/taskpane.html?view=validate&run=1`);
  // 青山区's rows have no issue: it gets nothing back (the sample's manifest lists none for it).
  expect(expectedIssues("青山区.xlsx")).toEqual([]);
  expect(await makeReturns(page)).toEqual(["江南区-退回修改.xlsx"]);
  await page.getByTestId("return-feedback").screenshot({ path: join(SHOTS, "return-excel-350.png") });
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.locator('[data-file="江南区-退回修改.xlsx"] button').click(),
  ]);
  expect(download.suggestedFilename()).toBe("江南区-退回修改.xlsx");
  const path = await download.path();
  checkAgainstSample(await inspectReturn(new Uint8Array(readFileSync(path)), "江南区"));
  await page.getByText("已下载：江南区-退回修改.xlsx").waitFor();
  // The open workbook was only read.
  const names = await page.evaluate(() => (window as any).__fake.model.sheets.map((s: any) => s.name));
  expect(names).toEqual(h.sample.map((s) => s.name));
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test("生成退回件 on WPS: saved through WPS's save dialog and file system, the same workbook as on Excel", async () => {
  const { page, errors, blocked, open } = await wpsPage(
    h,
    { sheets: h.sample },
    { viewport: { width: 350, height: 900 } },
  );
  await open("taskpane.html?view=validate&run=1");
  expect(await makeReturns(page)).toEqual(["江南区-退回修改.xlsx"]);
  await page.locator('[data-file="江南区-退回修改.xlsx"] button').click();
  await page.getByText(/已保存到 .*江南区-退回修改\.xlsx/).waitFor({ timeout: 60_000 });
  const saved = await page.evaluate(() => {
    const files: Map<string, string> = (window as any).__fake.state.files;
    return [...files].map(([path, data]) => [path, btoa(data)] as const);
  });
  expect(saved.map(([path]) => path)).toEqual(["C:\\Users\\办公室\\Documents\\江南区-退回修改.xlsx"]);
  checkAgainstSample(await inspectReturn(new Uint8Array(Buffer.from(saved[0]![1], "base64")), "江南区"));
  await page.getByTestId("return-feedback").screenshot({ path: join(SHOTS, "return-wps-350.png") });
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});
