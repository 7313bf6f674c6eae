/**
 * Browser entry of the fakes, bundled by the e2e test in place of Office.js: it installs `Office`
 * and `Excel` globals over a workbook described by `window.__fakeWorkbook` (set by the test before
 * this script runs), and exposes the model as `window.__fake` for assertions.
 */
import { createFakeExcel, type FakeSheetInput } from "./index";
import { createFakeOffice } from "./office";

declare global {
  interface Window {
    __fakeWorkbook?: { sheets: FakeSheetInput[]; displayLanguage?: string; createWorkbook?: boolean };
    __fake?: unknown;
  }
}

const setup = window.__fakeWorkbook ?? { sheets: [{ name: "Sheet1", rows: [] }] };
const excel = createFakeExcel(setup.sheets, setup.createWorkbook === false ? { createWorkbook: false } : {});
const office = createFakeOffice(setup.displayLanguage ? { displayLanguage: setup.displayLanguage } : {});
Object.assign(window, { Office: office, Excel: excel, __fake: { excel, office, model: excel.model } });
