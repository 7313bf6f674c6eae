/**
 * The hidden history sheet `通报记录`: what `buildHistoryPlan` writes, `readHistory` reads back.
 */
import { HISTORY_HEADERS, type HistoryRecord, buildHistoryPlan, readHistory } from "../../src/core";
import { fixtureNotice, gridOfPlan, planCell, rowValues } from "./notice-plan-fixture";

// Built inside each test, not once per describe: StrykerJS's per-test coverage counts only code run
// inside a test, so a plan built at describe level would leave its mutants to tests that do not check them.
function fixture() {
  const notice = fixtureNotice();
  return { notice, plan: buildHistoryPlan(notice.history) };
}

describe("buildHistoryPlan", () => {
  test("hidden, with exactly the history headers", () => {
    const { notice, plan } = fixture();
    expect(plan.name).toBe("通报记录");
    expect(plan.visibility).toBe("hidden");
    expect(rowValues(plan, 0)).toEqual([...HISTORY_HEADERS]);
    expect(plan.rows).toHaveLength(1 + notice.history.length);
  });

  test("rates as fractions formatted 0.0%, dates as serials, 是 or empty for the lists", () => {
    const { plan } = fixture();
    const dh = plan.rows.findIndex((r, i) => i > 0 && r[2]?.value === "东湖区" && r[0]?.value === 2);
    // 类别 is empty for the 综合通报.
    expect(rowValues(plan, dh)).toEqual([2, 44865, "东湖区", "县市区", 4, 1, 0.25, 4, null, "是", null]);
    expect(plan.styles[planCell(plan, dh, 6).style!]?.numFmt).toBe("0.0%");
    expect(plan.styles[planCell(plan, dh, 1).style!]?.numFmt).toBe("yyyy-mm-dd");
    const qs = plan.rows.findIndex((r, i) => i > 0 && r[2]?.value === "青山区" && r[0]?.value === 2);
    expect(rowValues(plan, qs).slice(7)).toEqual([1, "是", null, null]);
    // A unit that did not submit: no rate, no rank.
    const wj = plan.rows.findIndex((r, i) => i > 0 && r[2]?.value === "市卫生健康委" && r[0]?.value === 2);
    expect(rowValues(plan, wj)).toEqual([
      2,
      44865,
      "市卫生健康委",
      "市直机关",
      0,
      0,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  test("round trip: readHistory reads back every record", () => {
    const { notice, plan } = fixture();
    const { records, issues } = readHistory(gridOfPlan(plan), false);
    expect(issues).toEqual([]);
    expect(records).toEqual(notice.history);
    expect(records.filter((r) => r.period === 1)).toHaveLength(7);
    expect(records.filter((r) => r.period === 2)).toHaveLength(8);
  });

  test("round trip keeps text that looks like a formula as text", () => {
    const { notice } = fixture();
    const odd: HistoryRecord = { ...notice.history[0]!, unit: '=HYPERLINK("x")', group: "其他" };
    const back = buildHistoryPlan([odd]);
    expect(planCell(back, 1, 2).value).toBe('=HYPERLINK("x")');
    expect(readHistory(gridOfPlan(back), false).records).toEqual([odd]);
  });

  test("a bold centred header row over frozen panes, one width per column; a 专项通报's 类别 read back", () => {
    const { notice, plan } = fixture();
    const head = plan.rows[0]!.map((c) => plan.styles[c!.style!]);
    expect(new Set(head.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(head[0]).toEqual({ bold: true, fill: "DDEBF7", border: true, hAlign: "center" });
    expect(plan.columnWidths).toHaveLength(HISTORY_HEADERS.length);
    expect(plan.freeze).toEqual({ rows: 1, columns: 0 });
    const special: HistoryRecord = { ...notice.history[0]!, category: "消防、燃气" };
    const back = buildHistoryPlan([special]);
    expect(planCell(back, 1, 10).value).toBe("消防、燃气");
    expect(readHistory(gridOfPlan(back), false).records).toEqual([special]);
  });

  test("an empty history is the header row alone", () => {
    const empty = buildHistoryPlan([]);
    expect(empty.rows).toHaveLength(1);
    expect(readHistory(gridOfPlan(empty), false)).toEqual({ records: [], issues: [] });
  });
});
