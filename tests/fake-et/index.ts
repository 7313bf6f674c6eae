/**
 * The fake WPS 表格 host for tests: `createFakeEt(sheets, options)` gives an `Application` like the
 * one WPS injects into an add-in's pages (`window.Application`), over the same in-memory workbook
 * model as the fake Excel (`tests/fake-excel/model.ts`), so one sample drives both hosts and the
 * e2e tests can compare what each wrote. See `et.ts` for what is copied from where.
 */
import { type FakeSheetInput, buildWorkbook } from "../fake-excel";
import type { WorkbookModel } from "../fake-excel/model";
import { CallLog, type EtState, FakeEtApplication, type FakeEtOptions } from "./et";

export * from "./et";

export interface FakeEt {
  readonly Application: FakeEtApplication;
  readonly model: WorkbookModel;
  readonly log: CallLog;
  readonly state: EtState;
}

export function createFakeEt(
  sheets: readonly FakeSheetInput[],
  options: FakeEtOptions & { noWorkbook?: boolean } = {},
): FakeEt {
  const model = buildWorkbook(sheets);
  const log = new CallLog();
  const state: EtState = {
    model,
    log,
    options: {
      valueShape: options.valueShape ?? "nested",
      errorStyle: options.errorStyle ?? "text",
      date1904: options.date1904 ?? false,
      languageId: options.languageId ?? 2052,
      fileSystem: options.fileSystem ?? true,
      saveAs: options.saveAs ?? "default",
    },
    files: new Map(),
    opened: [],
    patternColors: new Map(),
    dialogs: [],
    screenUpdating: true,
    displayAlerts: true,
  };
  const Application = new FakeEtApplication(state, !options.noWorkbook);
  return { Application, model, log, state };
}
