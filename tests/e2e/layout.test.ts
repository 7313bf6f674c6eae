// The pane's layout at the widths Excel and WPS give a task pane (350 px, and 500 px when widened),
// in Chinese and English, in the built pane in headless Chromium: nothing may stick out of the pane
// and no text may sit on other text — the notice view after generating (form, lists with badges,
// ranked tables, 导出Word), the validation view with its issues, the tab row. A screenshot of each
// is kept under artifacts/e2e/ to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT, fakePage, useHarness } from "./support";

const h = useHarness();
const SHOTS = join(ROOT, "artifacts", "e2e");

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

interface Defect {
  readonly kind: "overflow" | "overlap" | "scroll";
  readonly what: string;
}

/**
 * Layout defects of the visible pane: an element whose box ends right of the pane, a scrolling
 * element (the tab row, a table) whose content is wider than itself, and two pieces of text (text
 * nodes of different elements, by their line boxes) that overlap.
 */
function defects(page: Page, rootSelector = "body"): Promise<Defect[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const out: { kind: "overflow" | "overlap" | "scroll"; what: string }[] = [];
    const width = document.documentElement.clientWidth;
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return style.visibility !== "hidden" && style.display !== "none" && r.width > 0 && r.height > 0;
    };
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} “${(el.textContent ?? "").trim().slice(0, 30)}”`;
    if (document.documentElement.scrollWidth > width + 1)
      out.push({ kind: "scroll", what: `page ${document.documentElement.scrollWidth} > ${width}` });
    for (const el of Array.from(root.querySelectorAll("*"))) {
      if (!visible(el) || el.closest("[hidden]")) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1)
        out.push({ kind: "overflow", what: `${label(el)} ends at ${Math.round(r.right)}` });
      const role = el.getAttribute("role");
      if ((role === "tablist" || el.tagName === "TABLE") && el.scrollWidth > el.clientWidth + 1)
        out.push({ kind: "scroll", what: `${label(el)} ${el.scrollWidth} > ${el.clientWidth}` });
    }
    // Text boxes: every non-blank text node's line rectangles, with the element it belongs to.
    const boxes: { el: Element; rect: DOMRect; text: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      const parent = n.parentElement;
      if (!parent || text.trim() === "" || !visible(parent) || parent.closest("[hidden]")) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const rect of Array.from(range.getClientRects()))
        if (rect.width > 0.5 && rect.height > 0.5) boxes.push({ el: parent, rect, text: text.trim() });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el === b.el) continue;
        const dx = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const dy = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // A pixel of anti-aliased overlap between neighbouring lines is not a defect.
        if (dx > 1 && dy > 2)
          out.push({ kind: "overlap", what: `“${a.text.slice(0, 20)}” × “${b.text.slice(0, 20)}”` });
      }
    }
    return out;
  }, rootSelector);
}

/** Waits until the element has finished fading in (Fluent's dialog animates its opening). */
async function settled(page: Page, selector: string) {
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      return el !== null && getComputedStyle(el).opacity === "1";
    },
    selector,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const CASES = [
  { language: "zh", displayLanguage: "zh-CN", width: 350 },
  { language: "zh", displayLanguage: "zh-CN", width: 500 },
  { language: "en", displayLanguage: "en-US", width: 350 },
  { language: "en", displayLanguage: "en-US", width: 500 },
] as const;

const WORDS = {
  zh: {
    notice: "通报",
    validate: "校验",
    generate: "生成通报",
    anyway: "仍然生成",
    run: "校验台账",
    done: "已生成",
  },
  en: {
    notice: "Notice",
    validate: "Validate",
    generate: "Generate notice",
    anyway: "Generate anyway",
    run: "Validate ledgers",
    done: "Generated",
  },
} as const;

test.each(CASES)(
  "$language at $width px: the notice and validation views neither overflow the pane nor overlap",
  async ({ language, displayLanguage, width }) => {
    const w = WORDS[language];
    const { page, errors } = await fakePage(h.browser, h.fakes, { sheets: h.sample, displayLanguage });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${h.origin}/taskpane.html`);
    await page.getByRole("tab", { name: w.notice }).click();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="notice-period"]') as HTMLInputElement | null)?.value === "2",
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole("button", { name: w.generate }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 60_000 });
    await settled(page, '[role="alertdialog"]');
    await shoot(page, `notice-dialog-${language}-${width}`);
    expect(await defects(page, '[role="alertdialog"]')).toEqual([]);
    await dialog.getByRole("button", { name: w.anyway }).click();
    await dialog.waitFor({ state: "hidden", timeout: 30_000 });
    await page.getByTestId("notice-summary").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    await shoot(page, `notice-${language}-${width}`);
    expect(await defects(page)).toEqual([]);

    await page.getByRole("tab", { name: w.validate, exact: true }).click();
    await page.locator('[data-view="validate"]').getByRole("button", { name: w.run, exact: true }).click();
    await page.locator('[data-view="validate"] [data-issue-code]').first().waitFor({ timeout: 60_000 });
    await shoot(page, `validate-${language}-${width}`);
    expect(await defects(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  },
  240_000,
);
