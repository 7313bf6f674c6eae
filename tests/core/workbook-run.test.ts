/**
 * Whole workbooks and runs (SPEC §1, §4, §9) where the mutation run of `src/core/workbook` found
 * rules pinned by nothing (docs/QUALITY.md): the as-of date and period a person types, evaluation
 * sheets never read as ledgers, `设置`'s as-of date for one workbook, the issue limit across sheets,
 * the order of issues on one cell, the run's settings from a later file, and an empty run.
 */
import {
  type IssueData,
  TooManyIssuesError,
  parseAsOf,
  parsePeriod,
  sortIssues,
  validateRun,
  validateWorkbook,
} from "../../src/core";
import {
  FILE,
  TODAY,
  doneRow,
  issuesOf,
  ledgerSheet,
  places,
  rosterSheet,
  settingsSheet,
  validRow,
  workbook,
} from "./helpers";

describe("the as-of date and period a person types (CLI --as-of and --period, the pane's fields)", () => {
  it.each([
    ["2022-10-31", "2022-10-31"],
    [" 2022-10-31 ", "2022-10-31"],
    ["2022-02-30", null],
    ["2022/10/31", null],
    ["", null],
  ])("parseAsOf(%p) is %p", (text, expected) => {
    expect(parseAsOf(text)).toBe(expected);
  });

  it.each([
    ["1", 1],
    [" 3 ", 3],
    ["12", 12],
    ["0", null],
    ["-1", null],
    ["2.5", null],
    ["3期", null],
    ["第3", null],
    ["", null],
  ])("parsePeriod(%p) is %p", (text, expected) => {
    expect(parsePeriod(text)).toBe(expected);
  });
});

describe("sheets that are never ledgers (SPEC §1)", () => {
  it("an evaluation sheet named in 考核权重 is not read as a ledger, whichever of the weights names it; other sheets are", () => {
    const weights = [
      ["平时掌握情况", 50],
      ["年终专项考评", 50],
    ];
    const book = workbook([
      ledgerSheet({ rows: [validRow({ 完成时限: "10月底" })] }),
      ledgerSheet({ name: "平时掌握情况", rows: [validRow({ 完成时限: "年底" })] }),
      rosterSheet(),
      settingsSheet([], { weights }),
    ]);
    expect(places(issuesOf(book))).toEqual(["重点任务台账!G4 invalid-date"]);
  });
});

describe("validateWorkbook alone", () => {
  it("takes the as-of date from its own 设置 when none is requested", () => {
    const book = workbook([
      ledgerSheet({ rows: [doneRow({ 完成时间: "2022-10-15" })] }),
      rosterSheet(),
      settingsSheet([["统计截止日期", "2022-09-30"]]),
    ]);
    const result = validateWorkbook(book, { today: TODAY });
    expect(result.context.asOf).toBe("2022-09-30");
    expect(places(result.issues)).toEqual(["重点任务台账!J4 done-date-in-future"]);
  });

  it("counts the issues of earlier sheets against the workbook's limit", () => {
    // Two issues in each sheet: three are allowed, so the second sheet passes the limit.
    const twoErrors = [validRow({ 责任人: null }), validRow({ 任务编号: "CS-02", 责任人: null })];
    const book = workbook([
      ledgerSheet({ rows: twoErrors }),
      ledgerSheet({ name: "第二批", rows: twoErrors }),
      rosterSheet(),
    ]);
    let thrown: unknown;
    try {
      validateWorkbook(book, { today: TODAY, maxIssues: 3 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TooManyIssuesError);
    expect((thrown as TooManyIssuesError).sheet).toBe("第二批");
    expect(validateWorkbook(book, { today: TODAY, maxIssues: 4 }).issues).toHaveLength(4);
  });

  it("keeps two issues of one cell in the order the rules apply", () => {
    // 推进中 with a 完成时间 after the as-of date: done-date-unexpected, then done-date-in-future.
    const book = workbook([ledgerSheet({ rows: [validRow({ 完成时间: "2022-12-01" })] }), rosterSheet()]);
    expect(places(validateWorkbook(book, { today: TODAY }).issues)).toEqual([
      "重点任务台账!J4 done-date-unexpected",
      "重点任务台账!J4 done-date-in-future",
    ]);
  });
});

describe("the contract at the core's edge", () => {
  it("refuses an as-of date that is no YYYY-MM-DD day, naming it (front ends check it first)", () => {
    const book = workbook([ledgerSheet({ rows: [validRow()] }), rosterSheet()]);
    expect(() => validateWorkbook(book, { today: TODAY, asOf: "2022/10/31" })).toThrow(
      new RangeError("as-of date must be YYYY-MM-DD, got 2022/10/31"),
    );
  });

  it("sorts issues by sheet in workbook order (a sheet it does not know first), row, then column (none first)", () => {
    const issue = (sheet: string, row: number | null, cell: string | null) =>
      ({ sheet, row, cell, code: "blank-row" }) as unknown as IssueData;
    const order = new Map([
      ["台账", 0],
      ["第二批", 1],
    ]);
    const list = [
      issue("第二批", 4, "B4"),
      issue("台账", 5, "C5"),
      issue("台账", 5, null),
      issue("台账", 5, "第5行"),
      issue("台账", 5, "A5"),
      issue("其他", 9, "A9"),
      issue("台账", 4, "Z4"),
    ];
    const expected = ["其他 A9", "台账 Z4", "台账 null", "台账 第5行", "台账 A5", "台账 C5", "第二批 B4"];
    const shown = (l: IssueData[]) => l.map((i) => `${i.sheet} ${i.cell}`);
    expect(shown(sortIssues(list, order))).toEqual(expected);
    // Whatever order they come in (a comparator mutated on one side alone shows in some orders only).
    expect(shown(sortIssues([...list].reverse(), order))).toEqual([
      "其他 A9",
      "台账 Z4",
      "台账 第5行",
      "台账 null",
      "台账 A5",
      "台账 C5",
      "第二批 B4",
    ]);
  });
});

describe("a run of several workbooks (SPEC §10)", () => {
  it("a workbook without 设置 uses the first 设置 of the run, even in a later file", () => {
    const first = workbook([ledgerSheet({ rows: [validRow({ 任务类别: "特色任务" })] }), rosterSheet()]);
    const second = workbook([
      ledgerSheet({ rows: [validRow()] }),
      settingsSheet([["任务类别", "城市基层党建、特色任务"]]),
    ]);
    const run = validateRun(
      [
        { file: FILE, workbook: first },
        { file: "江南区.xlsx", workbook: second },
      ],
      { today: TODAY },
    );
    expect(run.issues).toEqual([]);
    expect(run.settings.categories).toEqual(["城市基层党建", "特色任务"]);
  });

  it("an empty run has no issue at all (no-roster needs a file to name)", () => {
    expect(validateRun([], { today: TODAY })).toMatchObject({ files: [], issues: [], roster: null });
  });
});
