/**
 * `planNoticeWorkbook`'s smaller rules (SPEC §7, §9, §10): only setup errors refuse a notice, an
 * empty category list is the 综合通报, 附件3 links to the ledger when asked; and `emptyRun`'s
 * "nothing to report" holds only when no file has a ledger or a task row.
 */
import { type WorkbookGrid, emptyRun, planNoticeWorkbook, validateRun } from "../../src/core";
import { FILE, TODAY, ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

const LEDGER = "重点任务台账";
const ledger = ledgerSheet({ rows: [validRow(), validRow({ 任务编号: "CS-02", 推进状态: "乱写" })] });
const run = (...books: WorkbookGrid[]) =>
  validateRun(
    books.map((workbook, i) => ({ file: `${i}-${FILE}`, workbook })),
    { today: TODAY },
  );

describe("planNoticeWorkbook's smaller rules", () => {
  it("a warning in 设置 (an unknown setting) does not refuse the notice; an error does", () => {
    const warned = planNoticeWorkbook(
      run(workbook([ledger, rosterSheet(), settingsSheet([["备忘", "随便写写"]])])),
      { history: [], today: TODAY },
    );
    expect(warned.ok).not.toBe(false);
    const refused = planNoticeWorkbook(
      run(workbook([ledger, rosterSheet(), settingsSheet([["临期天数", "七天"]])])),
      { history: [], today: TODAY },
    );
    expect(refused.ok).toBe(false);
    if (refused.ok === false) expect(refused.issues.map((i) => i.code)).toEqual(["invalid-setting"]);
  });

  it("an empty category list is the 综合通报 (every task counted)", () => {
    const r = run(workbook([ledger, rosterSheet()]));
    const none = planNoticeWorkbook(r, { history: [], today: TODAY });
    const empty = planNoticeWorkbook(r, { history: [], today: TODAY, categories: [] });
    if (none.ok === false || empty.ok === false) throw new Error("refused");
    expect(empty.sheets.map((s) => s.name)).toEqual(none.sheets.map((s) => s.name));
    expect(empty.notice.totals).toEqual(none.notice.totals);
    expect(empty.notice.totals.assigned).toBeGreaterThan(0);
    expect(empty.notice.categories).toBeNull();
  });

  it("a category list makes the 专项通报: its sheets are named for it, and only its tasks count", () => {
    const mixed = ledgerSheet({
      rows: [
        validRow(),
        validRow({ 任务编号: "XC-01", 任务类别: "巡察整改" }),
        validRow({ 任务编号: "XC-02", 任务类别: "巡察整改" }),
      ],
    });
    const r = run(workbook([mixed, rosterSheet()]));
    const special = planNoticeWorkbook(r, { history: [], today: TODAY, categories: ["巡察整改"] });
    if (special.ok === false) throw new Error("refused");
    expect(special.notice.categories).toEqual(["巡察整改"]);
    expect(special.notice.totals.assigned).toBe(2);
    expect(special.sheets[0]!.name).toBe("专项通报（巡察整改）第1期");
  });

  it("附件3 links an issue to its cell when the ledger is in the same workbook, and not otherwise", () => {
    const r = run(workbook([ledger, rosterSheet()]));
    const cellLinks = (linkSheets?: ReadonlySet<string>) => {
      const result = planNoticeWorkbook(r, {
        history: [],
        today: TODAY,
        ...(linkSheets ? { linkSheets } : {}),
      });
      if (result.ok === false) throw new Error("refused");
      return result.report.table.rows.flatMap((row) => (row[3]!.link ? [row[3]!.link] : []));
    };
    expect(cellLinks(new Set([LEDGER]))).toEqual([{ sheet: LEDGER, cell: "H5" }]);
    expect(cellLinks()).toEqual([]);
  });
});

describe("emptyRun", () => {
  const noLedger = workbook([rosterSheet()]);
  const noRows = workbook([ledgerSheet({ rows: [] }), rosterSheet()]);
  it.each([
    ["no file has a ledger sheet", [noLedger, noLedger], "no-ledger"],
    ["one file of two has a ledger sheet, but no row", [noLedger, noRows], "no-rows"],
    ["one file of two has rows", [noRows, workbook([ledger, rosterSheet()])], null],
    ["one file of two has no ledger, the other rows", [noLedger, workbook([ledger, rosterSheet()])], null],
  ] as const)("%s → %p", (_, books, expected) => {
    expect(emptyRun(run(...books))).toBe(expected);
  });
});
