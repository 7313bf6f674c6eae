/**
 * Browser entry of the fake WPS host, bundled by the e2e tests and run before the page's own
 * scripts (`page.addInitScript`), the way WPS injects `window.Application` into an add-in page
 * before it loads. The workbook comes from `window.__fakeWorkbook` (set by the test first); the
 * model is exposed as `window.__fake` for assertions, like the fake Excel's browser entry.
 */
import type { FakeSheetInput } from "../fake-excel";
import { type FakeEtOptions, createFakeEt } from "./index";

interface Setup {
  sheets: FakeSheetInput[];
  displayLanguage?: string;
  et?: FakeEtOptions & { noWorkbook?: boolean };
}

const setup: Setup = (window as unknown as { __fakeWorkbook?: Setup }).__fakeWorkbook ?? {
  sheets: [{ name: "Sheet1", rows: [] }],
};
// The same switch as the fake Office's display language: WPS gives its UI language as an LCID.
const lcid = setup.displayLanguage?.toLowerCase().startsWith("en") ? 1033 : 2052;
const et = createFakeEt(setup.sheets, { languageId: lcid, ...(setup.et ?? {}) });
Object.defineProperty(window, "Application", { value: et.Application, configurable: true });
Object.defineProperty(window, "wps", { value: et.Application, configurable: true });
Object.assign(window, { __fake: { et, model: et.model, log: et.log, state: et.state } });
