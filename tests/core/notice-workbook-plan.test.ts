/**
 * `planNoticeWorkbook` as every front end calls it (SPEC §7, §10): the sheets it plans, whose issues
 * 附件3 lists under which unit with and without a roster, the roster's coverage, and the period the
 * notice form starts with when `通报记录` already holds notices (综合 and 专项 counted apart).
 */
import {
  HISTORY_HEADERS,
  type CellValue,
  gridFromRows,
  noticeCoverage,
  noticeDefaults,
  planNoticeWorkbook,
  validateRun,
} from "../../src/core";
import { FILE, TODAY, ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

const ledger = ledgerSheet({ rows: [validRow(), validRow({ 推进状态: "乱写" })] });

function planned(sheets: Parameters<typeof workbook>[0]) {
  const run = validateRun([{ file: FILE, workbook: workbook(sheets) }], { today: TODAY });
  const result = planNoticeWorkbook(run, { history: [], today: TODAY });
  if (!result.ok) throw new Error("refused");
  return result;
}

/** 附件3's summary table: unit, errors, warnings. */
function summary(result: ReturnType<typeof planned>): Array<[string, number, number]> {
  const table = result.report.intro.find((b) => b.kind === "table");
  if (!table || table.kind !== "table") throw new Error("no summary table");
  return table.table.rows.map((r) => [r[0]!.text, r[1]!.number!, r[2]!.number!]);
}

describe("planNoticeWorkbook", () => {
  it("plans the notice, its three attachments and 通报记录, in that order", () => {
    expect(planned([ledger, rosterSheet()]).sheets.map((s) => s.name)).toEqual([
      "通报（第1期）",
      "通报（第1期）附件1",
      "通报（第1期）附件2",
      "通报（第1期）附件3",
      "通报记录",
    ]);
  });

  it("without a roster, attributes row issues to the units the rows name, and no-roster to nobody", () => {
    expect(summary(planned([ledger]))).toEqual([
      ["青山区", 2, 0],
      ["单位无法识别", 0, 1],
    ]);
  });

  it("with a roster, attributes row issues to the roster's unit", () => {
    expect(summary(planned([ledger, rosterSheet()]))).toEqual([["青山区", 2, 0]]);
  });
});

describe("noticeCoverage", () => {
  it("counts the roster's units, those present, and lists the others as 未报送", () => {
    expect(noticeCoverage(planned([ledger, rosterSheet()]).notice)).toEqual({
      rosterUnits: 7,
      present: 1,
      notSubmitted: ["浮溪县", "江南区", "江城高新区", "江城经济技术开发区", "市卫生健康委", "江城城投集团"],
    });
  });
});

describe("noticeDefaults with notices already in 通报记录", () => {
  const record = (period: number, category = ""): CellValue[] => [
    period,
    "2022-10-31",
    "青山区",
    "县市区",
    10,
    5,
    0.5,
    1,
    "",
    "",
    category,
  ];
  const history = gridFromRows("通报记录", [
    [...HISTORY_HEADERS],
    record(1),
    record(3),
    record(3),
    record(2),
    record(7, "巡察整改"),
  ]);

  it("continues the 综合通报's own periods: the last + 1, the periods listed once, ascending", () => {
    expect(noticeDefaults(workbook([history]), TODAY)).toMatchObject({
      period: 4,
      periodSource: "history",
      periods: [1, 2, 3],
    });
    expect(noticeDefaults(workbook([history]), TODAY, [])).toMatchObject({ period: 4, periods: [1, 2, 3] });
  });

  it("continues a 专项通报's periods apart from the 综合通报's", () => {
    expect(noticeDefaults(workbook([history]), TODAY, ["巡察整改"])).toMatchObject({
      period: 8,
      periodSource: "history",
      periods: [7],
    });
    expect(noticeDefaults(workbook([history]), TODAY, ["城市基层党建"])).toMatchObject({
      period: 1,
      periodSource: "first",
      periods: [],
    });
  });

  it("takes 设置's 通报期数 over the history for the 综合通报 only", () => {
    const book = workbook([history, settingsSheet([["通报期数", 9]])]);
    expect(noticeDefaults(book, TODAY)).toMatchObject({
      period: 9,
      periodSource: "settings",
      periods: [1, 2, 3],
    });
    expect(noticeDefaults(book, TODAY, ["巡察整改"])).toMatchObject({ period: 8, periodSource: "history" });
  });
});
