/**
 * What the front ends ask of `core/notice-workbook` before and around a notice (SPEC §7, §10, §11): the
 * period and as-of date the notice form starts with and where they come from, why a run has nothing
 * to report, how much of the roster it covers, and the name of `--with-ledger`'s copy.
 */
import {
  DEFAULT_CATEGORIES,
  emptyRun,
  ledgerCopySheetName,
  mostlyMissing,
  noticeDefaults,
  validateRun,
} from "../../src/core";
import { FILE, TODAY, ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

describe("noticeDefaults: the notice form's starting values", () => {
  it("without 设置 or history: today, period 1, the first notice, the default categories", () => {
    expect(noticeDefaults(workbook([rosterSheet()]), TODAY)).toEqual({
      asOf: TODAY,
      asOfFromSettings: false,
      period: 1,
      periodSource: "first",
      periods: [],
      categories: DEFAULT_CATEGORIES,
    });
  });

  it("from 设置: its 统计截止日期 and 通报期数; a 专项通报 does not take the 综合通报's 通报期数", () => {
    const book = workbook([
      rosterSheet(),
      settingsSheet([
        ["统计截止日期", "2022-10-31"],
        ["通报期数", 5],
        ["任务类别", "城市基层党建、巡察整改"],
      ]),
    ]);
    expect(noticeDefaults(book, TODAY)).toMatchObject({
      asOf: "2022-10-31",
      asOfFromSettings: true,
      period: 5,
      periodSource: "settings",
      categories: ["城市基层党建", "巡察整改"],
    });
    expect(noticeDefaults(book, TODAY, ["巡察整改"])).toMatchObject({ period: 1, periodSource: "first" });
    expect(noticeDefaults(book, TODAY, [])).toMatchObject({ period: 5, periodSource: "settings" });
  });
});

describe("emptyRun: why a run has nothing to report", () => {
  const run = (sheets: Parameters<typeof workbook>[0]) =>
    validateRun([{ file: FILE, workbook: workbook(sheets) }], { today: TODAY });

  it("no ledger sheet, a ledger without rows, or null with rows", () => {
    expect(emptyRun(run([rosterSheet()]))).toBe("no-ledger");
    expect(emptyRun(run([ledgerSheet({ rows: [] }), rosterSheet()]))).toBe("no-rows");
    expect(emptyRun(run([ledgerSheet({ rows: [validRow()] }), rosterSheet()]))).toBeNull();
  });
});

describe("coverage of the roster", () => {
  it("is mostly missing when fewer than half of the roster's units are present", () => {
    const coverage = (rosterUnits: number, present: number) => ({ rosterUnits, present, notSubmitted: [] });
    expect(
      [coverage(4, 1), coverage(4, 2), coverage(5, 2), coverage(5, 3), coverage(0, 0)].map(mostlyMissing),
    ).toEqual([true, false, true, false, false]);
  });

  it("names --with-ledger's copy by period", () => {
    expect(ledgerCopySheetName(3)).toBe("台账汇总（第3期）");
  });
});
