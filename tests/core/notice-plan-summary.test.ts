/**
 * The notice's summary paragraph (SPEC §7.2): written from the figures, for zero, partial and full
 * completion, in the first notice and in later ones.
 */
import { type HistoryRecord, type LedgerRow, buildNoticeSummary, isoToDay } from "../../src/core";
import { PERIOD_1, ROSTER, fixtureNotice, fixtureRows, ledgerRow } from "./notice-plan-fixture";

/** Every roster unit with all its tasks completed, two tasks each (no row for 市卫生健康委). */
function allDoneRows(): LedgerRow[] {
  return ROSTER.units
    .filter((u) => u.name !== "市卫生健康委")
    .flatMap((u, i) => [
      ledgerRow(u.name, `T${i}-1`, "已完成", 100, "2022-10-30", { done: "2022-10-01" }),
      ledgerRow(u.name, `T${i}-2`, "已销号", 100, "2022-10-30", { done: "2022-10-02" }),
    ]);
}

describe("buildNoticeSummary", () => {
  test("mixed completion after a previous notice: every figure and name from the data", () => {
    expect(buildNoticeSummary(fixtureNotice())).toBe(
      "截至2022年10月31日，全市各责任单位应完成基层党建工作重点任务 23 项、已完成 13 项，总体完成率 56.5%，" +
        "较第1期（47.4%）提高 9.1 个百分点。" +
        "目前仍有 5 项任务逾期未完成，涉及 4 个单位。" +
        "本期共有 7 个单位参与排名。" +
        "分类别看，县市区中青山区，开发区中江城高新区，市属国企中江城城投集团推进较快，位列本类别第一。" +
        "青山区和江城城投集团列入本期红榜。" +
        "东湖区和江城经济技术开发区推进相对滞后，列入本期黑榜。" +
        "江城经济技术开发区连续两期列入黑榜，确定为末位驻点单位。" +
        "浮溪县、江南区和江城经济技术开发区已完成任务数较上期没有增加。" +
        "市卫生健康委未报送台账，请抓紧报送。" +
        "请各单位对照本通报查找差距，对逾期和临期任务逐项明确措施、限时推进，确保按期保质完成。",
    );
  });

  test("first notice: no comparison, and no stationed units yet", () => {
    const text = buildNoticeSummary(fixtureNotice({ period: 1, history: [] }));
    expect(text).toContain("总体完成率 56.5%，本期为首次通报。");
    expect(text).toContain("本期为首次通报，暂不确定末位驻点单位。");
    expect(text).not.toContain("较第");
    expect(text).not.toContain("确定为末位驻点单位。");
    expect(text).not.toContain("没有增加");
  });

  test("a fall since the previous notice, and an unchanged rate", () => {
    // Period 1 at 15/19 = 78.9%: 56.5% is 22.4 points lower.
    const higher: HistoryRecord[] = PERIOD_1.map((r) => ({
      ...r,
      completed: Math.min(r.assigned, r.completed + 1),
    }));
    expect(higher.reduce((n, r) => n + r.completed, 0)).toBe(15);
    expect(buildNoticeSummary(fixtureNotice({ history: higher }))).toContain(
      "总体完成率 56.5%，较第1期（78.9%）下降 22.4 个百分点。",
    );
    // 13/23 against 13/23: 持平.
    const same: HistoryRecord[] = [{ ...PERIOD_1[0]!, assigned: 23, completed: 13 }];
    expect(buildNoticeSummary(fixtureNotice({ history: same }))).toContain("与第1期（56.5%）持平。");
  });

  test("a tie for first place is named as such", () => {
    // 江南区 and 浮溪县 both complete their tasks: three units tie at 100% in 县市区.
    const rows = fixtureRows().map((r) =>
      r.unit === "江南区" || r.unit === "浮溪县"
        ? { ...r, status: "已完成" as const, progress: 100, doneDate: r.deadline }
        : r,
    );
    expect(buildNoticeSummary(fixtureNotice({ rows }))).toContain("县市区中浮溪县、江南区和青山区（并列），");
  });

  test("zero tasks: no rates, no ranking, the units that did not submit", () => {
    const text = buildNoticeSummary(fixtureNotice({ rows: [], period: 1, history: [] }));
    expect(text).toBe(
      "截至2022年10月31日，各单位报送的台账中暂无基层党建工作重点任务，本期不作排名。" +
        "本期为首次通报，暂不确定末位驻点单位。" +
        "东湖区、浮溪县、江南区、青山区、江城高新区、江城经济技术开发区、市卫生健康委和江城城投集团未报送台账，请抓紧报送。",
    );
  });

  test("all completed: no overdue sentence, nobody on the black list, no call to catch up", () => {
    const text = buildNoticeSummary(fixtureNotice({ rows: allDoneRows() }));
    expect(text).toContain("应完成基层党建工作重点任务 14 项、已完成 14 项，总体完成率 100.0%，");
    expect(text).toContain("各项任务均已完成。");
    expect(text).toContain("本期无单位列入黑榜。");
    expect(text).toContain("本期无连续两期列入黑榜的单位，暂不确定末位驻点单位。");
    expect(text).not.toContain("逾期");
    expect(text).not.toContain("请各单位对照本通报");
  });

  test("mixed with nothing overdue says so", () => {
    // Every open task's deadline moved to the end of the year.
    const yearEnd = isoToDay("2022-12-31")!;
    const rows = fixtureRows().map((r) => (r.doneDate === null ? { ...r, deadline: yearEnd } : r));
    const notice = fixtureNotice({ rows });
    expect(notice.totals.overdue).toBe(0);
    expect(notice.totals.completed).toBeLessThan(notice.totals.assigned);
    expect(buildNoticeSummary(notice)).toContain(
      "总体完成率 56.5%，较第1期（47.4%）提高 9.1 个百分点。目前没有逾期未完成的任务。",
    );
  });

  test("deterministic: the same notice gives the same text", () => {
    expect(buildNoticeSummary(fixtureNotice())).toBe(buildNoticeSummary(fixtureNotice()));
  });
});
