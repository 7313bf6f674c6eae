/**
 * The notice sheet's plan (SPEC §7) for a small hand-built notice (see notice-plan-fixture.ts for
 * the figures): a golden snapshot, then explicit checks on the cells that matter.
 */
import {
  DEFAULT_SETTINGS,
  NOTICE_COLORS,
  RANK_HEADERS,
  type SheetPlan,
  buildNoticePlan,
  buildNoticeSummary,
  computeNotice,
  dayToSerial,
  isoToDay,
  noticeSheetName,
} from "../../src/core";
import { heightForLines, textWidth, wrappedLines } from "../../src/core/notice/plan-layout";
import {
  AS_OF,
  ROSTER,
  fixtureNotice,
  fixtureRows,
  planCell,
  rowValues,
  rowsWhere,
} from "./notice-plan-fixture";

const serial = (iso: string) => dayToSerial(isoToDay(iso)!);

/** The rows between a section heading and the next one. */
function sectionRows(plan: SheetPlan, heading: string): number[] {
  const start = rowsWhere(plan, 0, heading)[0];
  if (start === undefined) throw new Error(`no section ${heading}`);
  const out: number[] = [];
  for (let r = start + 1; r < plan.rows.length; r++) {
    const v = plan.rows[r]?.[0]?.value;
    if (typeof v === "string" && /^[一二三四五六七]、/.test(v)) break;
    out.push(r);
  }
  return out;
}

function styleOf(plan: SheetPlan, row: number, column: number) {
  const id = planCell(plan, row, column).style;
  return id === undefined ? undefined : plan.styles[id];
}

describe("noticeSheetName", () => {
  test("uses full-width brackets", () => {
    expect(noticeSheetName(3)).toBe("通报（第3期）");
    expect(noticeSheetName(12)).toBe("通报（第12期）");
  });
});

describe("buildNoticePlan", () => {
  const notice = fixtureNotice();
  const plan = buildNoticePlan(notice);

  test("golden snapshot", () => {
    expect(plan).toMatchSnapshot();
  });

  test("title, merged across the table, large, bold and centred; then the as-of line", () => {
    expect(plan.name).toBe("通报（第2期）");
    expect(planCell(plan, 0, 0).value).toBe("关于基层党建工作重点任务推进情况的通报（第2期）");
    expect(plan.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    expect(styleOf(plan, 0, 0)).toMatchObject({ bold: true, fontSize: 18, hAlign: "center" });
    expect(planCell(plan, 1, 0).value).toBe("统计截至：2022年10月31日");
    expect(plan.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 8 });
  });

  test("the summary paragraph is merged, wrapped, indented and tall enough for its lines", () => {
    const text = planCell(plan, 2, 0).value as string;
    expect(text).toBe(`\u3000\u3000${buildNoticeSummary(notice)}`);
    expect(plan.merges).toContainEqual({ top: 2, left: 0, bottom: 2, right: 8 });
    expect(styleOf(plan, 2, 0)).toMatchObject({ wrap: true, vAlign: "top" });
    const width = plan.columnWidths.reduce((a, b) => a + b, 0);
    const lines = wrappedLines(text, width);
    expect(lines).toBeGreaterThanOrEqual(4);
    expect(plan.rowHeights?.[2]).toBe(heightForLines(lines));
  });

  test("ranked rows: 并列 shown, figures, percent formats and rank changes", () => {
    const headerRows = rowsWhere(plan, 0, "排名");
    expect(headerRows).toHaveLength(3);
    expect(rowValues(plan, headerRows[0]!)).toEqual([...RANK_HEADERS]);
    const row = (unit: string) => {
      const rows = rowsWhere(plan, 1, unit).filter((r) => r < rowsWhere(plan, 0, "二、红榜")[0]!);
      expect(rows).toHaveLength(1);
      return rows[0]!;
    };
    expect(rowValues(plan, row("青山区"))).toEqual([1, "青山区", 4, 4, 1, 0, 0.75, 1, "↑2"]);
    expect(rowValues(plan, row("浮溪县"))).toEqual(["2（并列）", "浮溪县", 4, 2, 0.5, 1, 1, 0.75, "↓1"]);
    expect(rowValues(plan, row("江南区"))).toEqual(["2（并列）", "江南区", 4, 2, 0.5, 1, 1, 0.75, "–"]);
    expect(rowValues(plan, row("东湖区"))).toEqual([4, "东湖区", 4, 1, 0.25, 2, 1, 0.425, "新"]);
    // No completed task: 按时完成率 is undefined, written as a dash.
    expect(rowValues(plan, row("江城经济技术开发区"))).toEqual([
      2,
      "江城经济技术开发区",
      2,
      0,
      0,
      1,
      "—",
      0.15,
      "–",
    ]);
    for (const c of [4, 6, 7]) expect(styleOf(plan, row("浮溪县"), c)?.numFmt).toBe("0.0%");
    // Red and black units are marked in the ranking too.
    expect(styleOf(plan, row("青山区"), 1)?.fill).toBe(NOTICE_COLORS.red);
    expect(styleOf(plan, row("东湖区"), 1)?.fill).toBe(NOTICE_COLORS.black);
    // Units that did not submit are not in the ranked tables.
    const ranked = sectionRows(plan, "一、总体进展");
    expect(ranked.some((r) => plan.rows[r]?.[1]?.value === "市卫生健康委")).toBe(false);
  });

  test("one bar per group over exactly the 完成率 cells of its units, and a chart beside it", () => {
    expect(plan.bars).toHaveLength(3);
    expect(plan.charts).toHaveLength(3);
    const shown = notice.groups.filter((g) => g.units.length > 0);
    expect(shown.map((g) => g.group)).toEqual(["县市区", "开发区", "市属国企"]);
    const units = shown.map((g) => g.units.map((u) => u.unit));
    plan.bars!.forEach((bar, i) => {
      const { top, bottom, left, right } = bar.range;
      expect([left, right]).toEqual([4, 4]);
      const names = [];
      for (let r = top; r <= bottom; r++) {
        names.push(planCell(plan, r, 1).value);
        expect(typeof planCell(plan, r, 4).value).toBe("number");
        expect(styleOf(plan, r, 4)?.numFmt).toBe("0.0%");
      }
      expect(names).toEqual(units[i]);
      expect(planCell(plan, top - 1, 4).value).toBe("完成率");
      const chart = plan.charts![i]!;
      expect(chart.values).toEqual(bar.range);
      expect(chart.categories).toEqual({ top, bottom, left: 1, right: 1 });
      expect(chart.title).toBe(`${shown[i]!.group}完成率`);
      expect(chart.anchor.column).toBeGreaterThan(8);
    });
  });

  test("red and black lists with reasons and fills", () => {
    const red = sectionRows(plan, "二、红榜");
    expect(rowValues(plan, red[0]!).slice(0, 4)).toEqual(["序号", "单位", "单位类别", "原因"]);
    expect(styleOf(plan, red[0]!, 0)?.fill).toBe(NOTICE_COLORS.redHeader);
    expect(rowValues(plan, red[1]!).slice(0, 4)).toEqual([
      1,
      "青山区",
      "县市区",
      "完成率 100.0%，逾期 0 项，组内第 1 名",
    ]);
    expect(styleOf(plan, red[1]!, 3)?.fill).toBe(NOTICE_COLORS.red);
    expect(plan.merges).toContainEqual({ top: red[1]!, left: 3, bottom: red[1]!, right: 8 });

    const black = sectionRows(plan, "三、黑榜");
    expect(rowValues(plan, black[1]!).slice(0, 4)).toEqual([
      1,
      "东湖区",
      "县市区",
      "完成率 25.0%，逾期 2 项，组内第 4 名（共 4 个单位）",
    ]);
    expect(styleOf(plan, black[0]!, 0)?.fill).toBe(NOTICE_COLORS.blackHeader);
    expect(styleOf(plan, black[1]!, 3)?.fill).toBe(NOTICE_COLORS.black);
  });

  test("overdue tasks with the deadline as a date serial, then the due-soon tasks", () => {
    const part = sectionRows(plan, "四、逾期任务清单");
    const header = part.find((r) => plan.rows[r]?.[6]?.value === "逾期天数")!;
    expect(rowValues(plan, header)).toEqual([
      "序号",
      "单位",
      "任务编号",
      "重点任务",
      null,
      "完成时限",
      "逾期天数",
      "推进状态",
      "责任人",
    ]);
    const jn03 = rowsWhere(plan, 2, "JN-03")[0]!;
    expect(rowValues(plan, jn03)).toEqual([
      2,
      "江南区",
      "JN-03",
      "推进城市社区党群服务中心提档升级，完善服务功能和运行机制",
      null,
      serial("2022-10-15"),
      16,
      "推进中",
      "李四",
    ]);
    expect(styleOf(plan, jn03, 5)?.numFmt).toBe("yyyy-mm-dd");
    expect(styleOf(plan, jn03, 3)?.wrap).toBe(true);
    expect(plan.merges).toContainEqual({ top: jn03, left: 3, bottom: jn03, right: 4 });
    // 重点任务 wraps in D:E, so the row is taller than one line.
    expect(plan.rowHeights?.[jn03]).toBeGreaterThan(20);
    const dueHeader = part.find((r) => plan.rows[r]?.[6]?.value === "剩余天数")!;
    const overdue = part.filter(
      (r) => r > header && r < dueHeader && typeof plan.rows[r]?.[0]?.value === "number",
    );
    expect(overdue.map((r) => planCell(plan, r, 2).value)).toEqual([
      "FX-03",
      "JN-03",
      "DH-02",
      "DH-03",
      "JK-01",
    ]);
    expect(overdue.map((r) => planCell(plan, r, 6).value)).toEqual([30, 16, 31, 1, 30]);

    expect(planCell(plan, dueHeader - 1, 0).value).toBe("（二）临期任务（15 日内到期，1 项）");
    expect(rowValues(plan, dueHeader + 1)).toEqual([
      1,
      "江南区",
      "JN-04",
      "重点任务JN-04",
      null,
      serial("2022-11-10"),
      10,
      "推进中",
      "张三",
    ]);
  });

  test("stationed and stalled units, units that did not submit, ledger quality linked to 校验报告", () => {
    const five = sectionRows(plan, "五、末位驻点单位和停滞单位");
    const stationed = five.find((r) => plan.rows[r]?.[1]?.value === "江城经济技术开发区")!;
    expect(planCell(plan, stationed, 3).value).toMatch(/^连续两期列入黑榜（第1期、第2期）/);
    const stalled = five.filter((r) => typeof plan.rows[r]?.[0]?.value === "number");
    expect(stalled.map((r) => planCell(plan, r, 1).value)).toEqual([
      "江城经济技术开发区",
      "浮溪县",
      "江南区",
      "江城经济技术开发区",
    ]);

    const six = sectionRows(plan, "六、未报送单位");
    expect(rowValues(plan, six[1]!).slice(0, 3)).toEqual([1, "市卫生健康委", "市直机关"]);

    const seven = sectionRows(plan, "七、台账填报质量");
    expect(planCell(plan, seven[0]!, 0)).toMatchObject({
      value: "1 个单位的台账共有 2 处填报错误，具体位置和更正建议见“校验报告”工作表。",
      link: { sheet: "校验报告", cell: "A1" },
    });
    expect(rowValues(plan, seven[2]!).slice(0, 4)).toEqual([1, "东湖区", "县市区", 2]);
  });

  test("print-ready: A4 landscape, one page wide, title rows repeated and frozen", () => {
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 1 },
    });
    expect(plan.freeze).toEqual({ rows: 2, columns: 0 });
    expect(plan.columnWidths).toHaveLength(9);
    // The 单位 column holds the longest unit name on one line.
    expect(plan.columnWidths[1]).toBeGreaterThanOrEqual(textWidth("江城经济技术开发区") + 2);
    // Every table header cell has the header fill and a border.
    const head = plan.styles[planCell(plan, rowsWhere(plan, 0, "排名")[0]!, 0).style!];
    expect(head).toMatchObject({ border: true, fill: NOTICE_COLORS.header, bold: true });
    // Merges never overlap (the writers refuse overlapping merges).
    const cells = new Set<string>();
    for (const m of plan.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          expect(cells.has(`${r},${c}`)).toBe(false);
          cells.add(`${r},${c}`);
        }
      }
    }
    // Every style id used is defined.
    for (const row of plan.rows)
      for (const c of row) if (c?.style) expect(plan.styles[c.style]).toBeDefined();
  });

  test("text from the ledgers stays a plain string, whatever it starts with", () => {
    const jk01 = rowsWhere(plan, 2, "JK-01")[0]!;
    expect(planCell(plan, jk01, 3).value).toBe("=SUM(A1)");
    expect(planCell(plan, jk01, 8).value).toBe("-王五");
    for (const row of plan.rows) {
      for (const c of row) if (c) expect(typeof c.value === "object" && c.value !== null).toBe(false);
    }
  });
});

describe("buildNoticePlan in the first notice and with empty lists", () => {
  test("first notice: 首期 rank changes, no stationing or stalling yet", () => {
    const plan = buildNoticePlan(fixtureNotice({ period: 1, history: [] }));
    expect(plan.name).toBe("通报（第1期）");
    const qs = rowsWhere(plan, 1, "青山区")[0]!;
    expect(planCell(plan, qs, 8).value).toBe("首期");
    expect(rowsWhere(plan, 0, "本期为首次通报，暂不确定末位驻点单位")).toHaveLength(1);
    expect(rowsWhere(plan, 0, "本期为首次通报，无上期数据可比")).toHaveLength(1);
  });

  test("an empty list says 本期无; no tasks at all gives no ranked table", () => {
    const noRed = computeNotice({
      rows: fixtureRows(),
      roster: ROSTER,
      settings: { ...DEFAULT_SETTINGS, redMinRate: 1.5 },
      asOf: AS_OF,
      period: 2,
      history: [],
    });
    const plan = buildNoticePlan(noRed);
    const red = sectionRows(plan, "二、红榜");
    expect(planCell(plan, red[1]!, 0).value).toBe("本期无");
    expect(plan.merges).toContainEqual({ top: red[1]!, left: 0, bottom: red[1]!, right: 8 });

    const empty = buildNoticePlan(fixtureNotice({ rows: [], history: [] }));
    expect(empty.bars).toEqual([]);
    expect(empty.charts).toEqual([]);
    expect(rowsWhere(empty, 0, "本期无参与排名的单位")).toHaveLength(1);
    const six = sectionRows(empty, "六、未报送单位");
    expect(six.filter((r) => typeof empty.rows[r]?.[0]?.value === "number")).toHaveLength(8);
    expect(rowsWhere(empty, 0, "本期各单位台账未发现填报错误")).toHaveLength(1);
  });
});
