/**
 * The notice of SPEC §7 as a document and as sheets: its parts in order, figures that agree with the
 * tables beside them, Chinese typesetting, wording per period, the attachments, and the print setup.
 */
import {
  type DocBlock,
  type DocTable,
  type HistoryRecord,
  type NoticeDocument,
  type SheetPlan,
  buildNoticeDocument,
  buildNoticePlans,
  noticeSheetName,
  paginate,
  spanColumns,
} from "../../src/core";
import {
  AS_OF,
  PERIOD_1,
  fixtureNotice,
  fixtureRows,
  ledgerRow,
  planCell,
  rowsWhere,
} from "./notice-plan-fixture";

const TODAY = "2022-11-02";
const doc = (notice = fixtureNotice(), options = {}) =>
  buildNoticeDocument(notice, { today: TODAY, ...options });

/** All the text of a document, in reading order. */
function textOf(d: NoticeDocument): string[] {
  const block = (b: DocBlock): string[] =>
    b.kind === "table"
      ? [b.table.headers.join(" "), ...b.table.rows.map((r) => r.map((c) => c.text).join(" "))]
      : [`${b.kind === "paragraph" ? (b.lead ?? "") : ""}${b.text}`];
  return [
    d.banner.masthead,
    d.banner.issue,
    d.banner.issuer ?? "",
    d.banner.date,
    d.title,
    d.subtitle,
    d.addressee,
    ...d.body.flatMap(block),
    d.signoff.issuer ?? "",
    d.signoff.date,
    d.attachmentLine,
  ];
}

const tables = (d: NoticeDocument): DocTable[] =>
  d.body.flatMap((b) => (b.kind === "table" ? [b.table] : []));

describe("the notice document (SPEC §7)", () => {
  it("has 版头, title, 主送, the four sections in order, 落款 and the attachment line", () => {
    const d = doc(fixtureNotice(), { issuer: "中共江城市委组织部", documentDate: "2022-11-05" });
    expect(d.banner).toEqual({
      masthead: "重点任务推进情况通报",
      issue: "第2期",
      issuer: "中共江城市委组织部",
      date: "2022年11月5日",
    });
    expect(d.title).toBe("关于基层党建工作重点任务推进情况的通报");
    expect(d.subtitle).toBe("（统计截至2022年10月31日）");
    expect(d.addressee).toBe("各县市区、各开发区、市直各单位、市属各国有企业党组织：");
    const level1 = d.body
      .filter((b) => b.kind === "heading" && b.level === 1)
      .map((b) => (b as { text: string }).text);
    expect(level1).toEqual(["一、基本情况", "二、红黑榜", "三、存在问题", "四、下步要求"]);
    expect(d.signoff).toEqual({ issuer: "中共江城市委组织部", date: "2022年11月5日" });
    expect(d.attachmentLine).toBe("附件：1. 逾期任务清单  2. 临期任务清单  3. 台账填报问题清单");
  });

  it("defaults: 成文日期 is the day it is generated; without 发文机关 only the date", () => {
    const d = doc();
    expect(d.banner.issuer).toBeNull();
    expect(d.banner.date).toBe("2022年11月2日");
    expect(doc(fixtureNotice(), { addressee: "各党（工）委" }).addressee).toBe("各党（工）委：");
  });

  it("the paragraph's totals are the sums of the printed tables", () => {
    const d = doc();
    const ranked = tables(d).filter((t) => t.headers[0] === "排名");
    const sum = (col: number) => ranked.flatMap((t) => t.rows).reduce((s, r) => s + (r[col]!.number ?? 0), 0);
    const summary = (d.body[1] as { text: string }).text;
    const assigned = Number(/共列基层党建工作重点任务(\d+)项/.exec(summary)?.[1]);
    const completed = Number(/已完成(\d+)项/.exec(summary)?.[1]);
    expect(assigned).toBe(sum(2));
    expect(completed).toBe(sum(3));
    // The change is the difference of the two printed rates: 56.5% − 47.4% = 9.1.
    expect(summary).toContain("总体完成率56.5%，较第1期（47.4%）提高9.1个百分点");
  });

  it("says once how many tasks name a unit it cannot identify", () => {
    const rows = [...fixtureRows(), ledgerRow("白露县", "X-1", "推进中", 10, "2022-12-31")];
    const notice = fixtureNotice({ rows: rows.map((r) => (r.unit === "白露县" ? { ...r, unit: null } : r)) });
    const text = textOf(doc(notice)).join("\n");
    expect(text).toContain("另有1项任务责任单位无法识别，未计入各单位统计。");
    expect(text.match(/无法识别/g)).toHaveLength(1);
  });

  it("typesets numbers and Chinese without spaces", () => {
    const d = doc();
    const prose = textOf({ ...d, body: d.body.filter((b) => b.kind !== "table") });
    for (const line of prose) {
      expect(line).not.toMatch(/\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d/u);
    }
  });

  it("uses 首期 wording only in period 1, and 上期记录缺失 in a later period without history", () => {
    const first = textOf(doc(fixtureNotice({ period: 1, history: [] }))).join("\n");
    expect(first).toContain("本期为首期通报");
    expect(first).not.toContain("上期记录缺失");
    const later = textOf(doc(fixtureNotice({ period: 3, history: [] }))).join("\n");
    expect(later).not.toContain("首期");
    expect(later).toContain("上期记录缺失");
    const second = textOf(doc()).join("\n");
    expect(second).not.toContain("首期");
  });

  it("lists reasons that state the rule, and the rule in each list's heading", () => {
    const text = textOf(doc()).join("\n");
    expect(text).toContain("（一）红榜（组内排名前3名且完成率不低于80%）");
    expect(text).toMatch(/东湖区 县市区 完成率25\.0%，低于50%/u);
  });

  it("leaves out requirements with nothing to say; the four headings always stand", () => {
    const rows = fixtureRows().map((r) => ({
      ...r,
      status: "已完成" as const,
      progress: 100,
      doneDate: r.deadline,
      errors: 0,
    }));
    const d = doc(fixtureNotice({ rows, history: [] as HistoryRecord[], period: 1 }));
    const after = (heading: string) => {
      const i = d.body.findIndex((b) => b.kind === "heading" && b.text === heading);
      return d.body.slice(i + 1).find((b) => b.kind !== "heading");
    };
    expect(d.body.filter((b) => b.kind === "heading" && b.level === 1)).toHaveLength(4);
    const requirements = d.body.slice(
      d.body.findIndex((b) => b.kind === "heading" && b.text === "四、下步要求") + 1,
    );
    // Only 市卫生健康委 (no rows) is left to report: one numbered requirement, no boilerplate.
    expect(requirements.map((b) => (b as { text: string }).text)).toEqual([
      "1. 市卫生健康委要在3日内（2022年11月5日前）按标准台账格式补报。",
    ]);
    expect(after("三、存在问题")).toMatchObject({ lead: "（一）台账报送不及时。" });
  });

  it("attachment 2 shows 当日到期 for a task due on the as-of day", () => {
    const rows = [...fixtureRows(), ledgerRow("青山区", "QS-9", "推进中", 10, AS_OF)];
    const d = doc(fixtureNotice({ rows }));
    const due = d.attachments[1].table.rows.find((r) => r[1]!.text === "QS-9")!;
    expect(due[4]!.text).toBe("当日到期");
    expect(d.attachments[0].title).toBe("逾期任务清单");
    expect(d.attachments[0].table.headers).toEqual([
      "单位",
      "任务编号",
      "重点任务",
      "完成时限",
      "逾期天数",
      "推进状态",
      "责任人",
    ]);
  });

  it("a task list's row holds the cell of the row above where its unit, deadline, status or owner repeats", () => {
    const rows = [
      ledgerRow("青山区", "QS-7", "推进中", 10, "2022-09-01", { owner: "李四" }),
      ledgerRow("青山区", "QS-8", "推进中", 10, "2022-09-01", { owner: "李四" }),
      ledgerRow("青山区", "QS-9", "未启动", 0, "2022-09-01", { owner: "王五" }),
      ledgerRow("青山区", "QS-10", "未启动", 0, "2022-10-01", { owner: "王五" }),
    ];
    const table = doc(fixtureNotice({ rows })).attachments[0].table;
    const at = (id: string) => table.rows.find((r) => r[1]!.text === id)!;
    const [a, b, c, d] = ["QS-7", "QS-8", "QS-9", "QS-10"].map(at);
    expect(table.rows.map((r) => r[1]!.text)).toEqual(["QS-7", "QS-8", "QS-9", "QS-10"]);
    for (const i of [0, 3, 4, 5, 6]) expect(b![i]).toBe(a![i]);
    expect(c![5]).not.toBe(b![5]);
    expect(c![6]).not.toBe(b![6]);
    expect(c![3]).toBe(b![3]);
    expect(d![3]).not.toBe(c![3]);
    expect(d![4]).not.toBe(c![4]);
    expect(d![6]).toBe(c![6]);
    // The task and its id are each row's own.
    expect(b![1]).not.toBe(a![1]);
    expect(b![2]).not.toBe(a![2]);
    expect([d![3], d![4], d![5], d![6]]).toEqual([
      { text: "2022-10-01", format: "date" },
      { text: "30", number: 30 },
      { text: "未启动" },
      { text: "王五" },
    ]);
  });
});

describe("the notice sheets", () => {
  // Planned before each test, not as the file loads: StrykerJS counts only what runs in a test (docs/QUALITY.md).
  let plans: ReturnType<typeof buildNoticePlans>;
  let body: ReturnType<typeof buildNoticePlans>[number];
  beforeEach(() => {
    plans = buildNoticePlans(doc(), 2, null);
    body = plans[0]!;
  });

  it("are the body and two attachments, each printed one page wide on A4", () => {
    expect(plans.map((p) => p.name)).toEqual(["通报（第2期）", "通报（第2期）附件1", "通报（第2期）附件2"]);
    for (const p of plans) expect(p.print).toMatchObject({ paperSize: "A4", fitToWidth: true });
  });

  it("writes no cell beyond its sheet's columns (the used range a printer fits to the page)", () => {
    for (const p of plans)
      for (const row of p.rows) expect(row.length).toBeLessThanOrEqual(p.columnWidths.length);
  });

  it("an attachment repeats its title and header row on every printed page", () => {
    const att = plans[1]!;
    const header = rowsWhere(att, 0, "单位")[0]!;
    expect(att.print?.repeatRows).toEqual({ first: 0, last: header });
    expect(att.freeze).toEqual({ rows: header + 1, columns: 0 });
  });

  it("the 版头 is red and large; the title has a typeface", () => {
    expect(planCell(body, 0, 0).value).toBe("重点任务推进情况通报");
    const style = (p: SheetPlan, r: number) => p.styles[planCell(p, r, 0).style!]!;
    expect(style(body, 0)).toMatchObject({ fontColor: "C00000", fontName: "宋体" });
    const title = rowsWhere(body, 0, "关于基层党建工作重点任务推进情况的通报")[0]!;
    expect(style(body, title)).toMatchObject({ bold: true, fontName: "宋体" });
  });

  it("writes text from the ledgers as text, never a formula", () => {
    const att = plans[1]!;
    const row = rowsWhere(att, 2, "=SUM(A1)");
    expect(row).toHaveLength(1);
    expect(planCell(att, row[0]!, 6).value).toBe("-王五");
  });

  it("a bar and a chart per ranked group", () => {
    expect(body.bars).toHaveLength(3);
    expect(body.charts!.map((c) => c.title)).toEqual(["县市区完成率", "开发区完成率", "市属国企完成率"]);
  });
});

describe("sheet names", () => {
  it.each([
    [2, null, "", "通报（第2期）"],
    [2, null, "附件3", "通报（第2期）附件3"],
    [12, ["巡察整改"], "", "专项通报（巡察整改）第12期"],
  ] as const)("period %i, %j, %s", (period, categories, suffix, name) => {
    expect(noticeSheetName(period, categories, suffix)).toBe(name);
  });

  it("fit 31 characters with several categories", () => {
    const name = noticeSheetName(123, ["巡察整改", "城市基层党建", "乡村振兴", "两新党建"], "附件3");
    expect(Array.from(name).length).toBeLessThanOrEqual(31);
    expect(name).toMatch(/^专项通报（巡察整改、城市.*…）第123期附件3$/u);
  });
});

describe("pagination", () => {
  const print = {
    orientation: "portrait" as const,
    paperSize: "A4" as const,
    fitToWidth: true,
    margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5 },
  };
  it("moves a run that does not fit to the next page, and never leaves a run split when it fits a page", () => {
    const heights = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [i, 20]));
    // A page holds (842 − 72) × 0.9 = 693 pt, 34 rows of 20 pt; rows 30–35 would end at 720.
    const breaks = paginate(heights, 60, [{ first: 30, last: 35 }], { print, widths: [10, 10, 10] });
    expect(breaks[0]).toBe(30);
    const none = paginate(heights, 60, [{ first: 2, last: 7 }], { print, widths: [10, 10, 10] });
    expect(none.every((b) => b > 7 || b <= 2)).toBe(true);
  });

  it("merges overlapping runs (a heading kept with a short table keeps the table)", () => {
    const heights = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [i, 20]));
    const breaks = paginate(
      heights,
      60,
      [
        { first: 30, last: 31 },
        { first: 31, last: 35 },
      ],
      { print, widths: [10] },
    );
    expect(breaks[0]).toBe(30);
  });

  it("maps a table's columns onto the sheet's by their share of the width", () => {
    expect(spanColumns([6, 20, 10, 55], [9, 20, 7, 7, 14, 6, 10, 9, 9])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 8],
    ]);
  });
});

void PERIOD_1;
