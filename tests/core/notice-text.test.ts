/**
 * The words of the notice (SPEC §7), line by line, for the fixture of `notice-plan-fixture.ts` and a
 * few variants: 一、基本情况's paragraph and ranked tables, 二、红黑榜 with its reasons, 三、存在问题,
 * 四、下步要求 and the attachments. Each expected line was checked by hand against the fixture's
 * figures (written out in the fixture's comment) and SPEC §5–§7: the totals are the sums of the
 * tables, the change is the difference of the printed rates, the lists follow §6. The mutation run of
 * `src/core/notice` (docs/QUALITY.md) found these words and branches pinned by nothing.
 */
import {
  DEFAULT_SETTINGS,
  type DocBlock,
  type HistoryRecord,
  type IssueData,
  type LedgerRow,
  type NoticeDocument,
  type OwnedIssue,
  buildNoticeDocument,
  buildNoticePlans,
  classifyUnit,
  computeNotice,
  formatRate,
  makeIssue,
  noticeSheetName,
  reasonText,
} from "../../src/core";
import { AS_OF, PERIOD_1, ROSTER, fixtureNotice, fixtureRows, ledgerRow } from "./notice-plan-fixture";

const TODAY = "2022-11-02";

/** Each block as one line: a table as its header and rows, cells joined by ` | `. */
function lines(blocks: readonly DocBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === "table"
      ? [b.table.headers.join(" | "), ...b.table.rows.map((r) => r.map((c) => c.text).join(" | "))]
      : [`${b.kind === "paragraph" ? (b.lead ?? "") : ""}${b.text}`],
  );
}

function attachmentLines(d: NoticeDocument): string[] {
  return d.attachments.flatMap((a) => [
    a.title,
    ...(a.table.rows.length === 0 ? [a.empty] : a.table.rows.map((r) => r.map((c) => c.text).join(" | "))),
  ]);
}

const RANK_HEADER = "排名 | 单位 | 任务数 | 已完成 | 完成率 | 逾期 | 按时完成率 | 平均进度 | 排名变化";
const RED_HEADING = "（一）红榜（组内排名前3名且完成率不低于80%）";
const BLACK_HEADING = "（二）黑榜（完成率低于50%，或在6个以上单位参与排名的类别中排名后3位，且未列入红榜）";
const RED_RULE = "位列前3名且完成率不低于80%";

describe("the fixture's notice, period 2, with a task due on the as-of day and one whose unit is unknown", () => {
  // 青山区 gains QS-9 (due on the as-of day: 4/5 = 80%, still red at exactly 80%), 江南区 gains
  // JN-9 (due in 15 days: 2/5 = 40%, black), one row names no roster unit (overdue, not counted).
  // Built inside each test: StrykerJS's per-test coverage counts only code run inside a test.
  const doc = () => {
    const rows: LedgerRow[] = [
      ...fixtureRows(),
      ledgerRow(null, "X-1", "推进中", 10, "2022-10-01"),
      ledgerRow("青山区", "QS-9", "推进中", 10, AS_OF),
      ledgerRow("江南区", "JN-9", "推进中", 10, "2022-11-15"),
    ];
    return buildNoticeDocument(fixtureNotice({ rows }), { today: TODAY });
  };

  it("has the banner, title and 主送 of SPEC §7", () => {
    const d = doc();
    expect([d.banner.masthead, d.banner.issue, d.banner.issuer, d.banner.date]).toEqual([
      "重点任务推进情况通报",
      "第2期",
      null,
      "2022年11月2日",
    ]);
    expect([d.title, d.subtitle, d.addressee]).toEqual([
      "关于基层党建工作重点任务推进情况的通报",
      "（统计截至2022年10月31日）",
      "各县市区、各开发区、市直各单位、市属各国有企业党组织：",
    ]);
    expect([d.signoff.issuer, d.signoff.date, d.attachmentLine]).toEqual([
      null,
      "2022年11月2日",
      "附件：1. 逾期任务清单  2. 临期任务清单  3. 台账填报问题清单",
    ]);
  });

  it("says every section in words drawn from the figures", () => {
    const d = doc();
    expect(lines(d.body)).toEqual([
      "一、基本情况",
      "截至2022年10月31日，7个单位台账共列基层党建工作重点任务25项，已完成13项，总体完成率52.0%，较第1期（47.4%）提高4.6个百分点。" +
        "已过完成时限仍未完成的任务5项，涉及4个单位。" +
        "分类别看，县市区中青山区，开发区中江城高新区，市属国企中江城城投集团推进较快，位列本类别第一。" +
        "江南区、东湖区和江城经济技术开发区推进相对滞后。" +
        "另有1项任务责任单位无法识别，未计入各单位统计。",
      "（一）县市区（4个单位参与排名）",
      RANK_HEADER,
      "1 | 青山区 | 5 | 4 | 80.0% | 0 | 75.0% | 82.0% | ↑2",
      "2 | 浮溪县 | 4 | 2 | 50.0% | 1 | 100.0% | 75.0% | ↓1",
      "3 | 江南区 | 5 | 2 | 40.0% | 1 | 100.0% | 62.0% | ↓1",
      "4 | 东湖区 | 4 | 1 | 25.0% | 2 | 100.0% | 42.5% | 新",
      "（二）开发区（2个单位参与排名）",
      RANK_HEADER,
      "1 | 江城高新区 | 3 | 2 | 66.7% | 0 | 100.0% | 93.3% | –",
      "2 | 江城经济技术开发区 | 2 | 0 | 0.0% | 1 | — | 15.0% | –",
      "（三）市属国企（1个单位参与排名）",
      RANK_HEADER,
      "1 | 江城城投集团 | 2 | 2 | 100.0% | 0 | 100.0% | 100.0% | –",
      "二、红黑榜",
      RED_HEADING,
      "序号 | 单位 | 单位类别 | 入榜理由",
      `1 | 青山区 | 县市区 | 完成率80.0%，组内4个单位中排名第1，${RED_RULE}`,
      `2 | 江城城投集团 | 市属国企 | 完成率100.0%，组内1个单位中排名第1，${RED_RULE}`,
      BLACK_HEADING,
      "序号 | 单位 | 单位类别 | 入榜理由",
      "1 | 江南区 | 县市区 | 完成率40.0%，低于50%",
      "2 | 东湖区 | 县市区 | 完成率25.0%，低于50%",
      "3 | 江城经济技术开发区 | 开发区 | 完成率0.0%，低于50%",
      "（三）末位驻点（连续两期列入黑榜）",
      "序号 | 单位 | 单位类别 | 理由",
      "1 | 江城经济技术开发区 | 开发区 | 连续两期列入黑榜（第1期、第2期），完成率0.0%",
      "（四）停滞（已完成任务数较上期没有增加）",
      "序号 | 单位 | 单位类别 | 情况",
      "1 | 浮溪县 | 县市区 | 已完成2项，与第1期（3项）相比没有增加，完成率50.0%",
      "2 | 江南区 | 县市区 | 已完成2项，与第1期（2项）相比没有增加，完成率40.0%",
      "3 | 江城经济技术开发区 | 开发区 | 已完成0项，与第1期（0项）相比没有增加，完成率0.0%",
      "三、存在问题",
      "（一）台账报送不及时。市卫生健康委共1个单位截至统计日期未报送台账，未参与排名。",
      "（二）部分任务逾期未完成。4个单位共有5项任务逾期未完成：浮溪县1项、江南区1项、东湖区2项、江城经济技术开发区1项，清单见附件1。",
      "（三）台账填报质量有待提高。1个单位的台账共有2处填报错误：东湖区2处，具体位置和更正建议见附件3。",
      "四、下步要求",
      "1. 江城经济技术开发区连续两期列入黑榜，列为末位驻点单位，将派员驻点督导，帮助查找问题、推动整改。",
      "2. 市卫生健康委要在3日内（2022年11月5日前）按标准台账格式补报。",
      "3. 对附件1所列5项逾期任务，相关单位要逐项明确整改措施和责任人，于2022年11月17日前完成整改并报告进展。",
      "4. 附件2所列3项任务将在15日内到期（其中当日到期1项），相关单位要倒排工期，确保按期完成。",
      "5. 东湖区要对照附件3逐项更正台账填报错误，于2022年11月5日前重新报送。",
    ]);
  });

  it("lists the overdue and the due-soon tasks in its attachments, 当日到期 for the as-of day", () => {
    const d = doc();
    expect(attachmentLines(d)).toEqual([
      "逾期任务清单",
      "浮溪县 | FX-03 | 重点任务FX-03 | 2022-10-01 | 30 | 推进中 | 张三",
      "江南区 | JN-03 | 推进城市社区党群服务中心提档升级，完善服务功能和运行机制 | 2022-10-15 | 16 | 推进中 | 李四",
      "东湖区 | DH-02 | 重点任务DH-02 | 2022-09-30 | 31 | 未启动 | 张三",
      "东湖区 | DH-03 | 重点任务DH-03 | 2022-10-30 | 1 | 推进中 | 张三",
      "江城经济技术开发区 | JK-01 | =SUM(A1) | 2022-10-01 | 30 | 未启动 | -王五",
      "临期任务清单",
      "青山区 | QS-9 | 重点任务QS-9 | 2022-10-31 | 当日到期 | 推进中 | 张三",
      "江南区 | JN-04 | 重点任务JN-04 | 2022-11-10 | 10 | 推进中 | 张三",
      "江南区 | JN-9 | 重点任务JN-9 | 2022-11-15 | 15 | 推进中 | 张三",
    ]);
    const due = d.attachments[1].table.rows.map((r) => r[4]);
    expect(due).toEqual([{ text: "当日到期" }, { text: "10", number: 10 }, { text: "15", number: 15 }]);
  });

  // 附件3 (the validation report) is the report's sheet, added where the notice workbook is assembled.
  it("the body sheet shows the banner, title, 主送, every line of the body, the 落款 and the attachment line, in order", () => {
    const d = doc();
    const [body, ...attachments] = buildNoticePlans(d, 2, null);
    expect([body!.name, ...attachments.map((a) => a.name)]).toEqual([
      "通报（第2期）",
      "通报（第2期）附件1",
      "通报（第2期）附件2",
    ]);
    const texts = body!.rows
      .map((row) =>
        row
          .filter((c) => c !== null && c !== undefined && c.value !== null && c.value !== "")
          .map((c) => String(c!.value))
          .join(" | "),
      )
      .filter((line) => line !== "");
    const expected = [
      d.banner.masthead,
      d.banner.issue,
      d.banner.date,
      d.title,
      d.subtitle,
      d.addressee,
      ...d.body.flatMap((b): string[] =>
        b.kind === "table"
          ? [
              b.table.headers.join(" | "),
              ...b.table.rows.map((r) =>
                r.map((c) => (c.number === undefined ? c.text : String(c.number))).join(" | "),
              ),
            ]
          : // A paragraph is indented two characters, as 公文 are.
            b.kind === "paragraph"
            ? [`\u3000\u3000${b.lead ?? ""}${b.text}`]
            : [b.text],
      ),
      d.signoff.date,
      d.attachmentLine,
    ];
    expect(texts).toEqual(expected);
  });
});

describe("wording without a previous notice (SPEC §6)", () => {
  it("period 1 uses 首期 wording: in the summary, as every rank change, and for 末位驻点 and 停滞", () => {
    const d = buildNoticeDocument(fixtureNotice({ period: 1, history: [] }), { today: TODAY });
    const text = lines(d.body);
    expect(text[1]).toContain("总体完成率56.5%，本期为首期通报。");
    expect(text.filter((l) => l.startsWith("2（并列） | "))).toEqual([
      "2（并列） | 浮溪县 | 4 | 2 | 50.0% | 1 | 100.0% | 75.0% | 首期",
      "2（并列） | 江南区 | 4 | 2 | 50.0% | 1 | 100.0% | 75.0% | 首期",
    ]);
    expect(
      text.slice(text.indexOf("（三）末位驻点（连续两期列入黑榜）"), text.indexOf("三、存在问题")),
    ).toEqual([
      "（三）末位驻点（连续两期列入黑榜）",
      "本期为首期通报，暂不确定末位驻点单位。",
      "（四）停滞（已完成任务数较上期没有增加）",
      "本期为首期通报，暂不确定停滞单位。",
    ]);
    expect(text).toContain("3. 附件2所列1项任务将在15日内到期，相关单位要倒排工期，确保按期完成。");
  });

  it("a later period without history says 上期记录缺失 and shows — as rank change", () => {
    const d = buildNoticeDocument(fixtureNotice({ period: 3, history: [] }), { today: TODAY });
    const text = lines(d.body);
    expect(text[1]).toContain("总体完成率56.5%，上期记录缺失，无法与上期比较。");
    expect(text).toContain("1 | 青山区 | 4 | 4 | 100.0% | 0 | 75.0% | 100.0% | —");
    expect(text).toContain("上期记录缺失，本期不确定末位驻点单位。");
    expect(text).toContain("上期记录缺失，本期不确定停滞单位。");
  });
});

describe("a period with nothing to report", () => {
  // Every task done on its deadline, every roster unit returned its ledger, no errors; period 1 had
  // every task done too (持平).
  const setup = () => {
    const rows = fixtureRows().map((r): LedgerRow => ({
      ...r,
      status: "已完成",
      progress: 100,
      doneDate: r.deadline,
      errors: 0,
    }));
    rows.push(ledgerRow("市卫生健康委", "WJ-1", "已完成", 100, "2022-09-30", { done: "2022-09-30" }));
    const history: HistoryRecord[] = PERIOD_1.map((h) => ({ ...h, completed: h.assigned }));
    const notice = computeNotice({
      rows,
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 2,
      history,
    });
    const d = buildNoticeDocument(notice, { today: TODAY });
    return { rows, history, d };
  };

  it("says so in one line per section, names every group's first (ties as 并列) and no 黑榜", () => {
    const { d } = setup();
    const text = lines(d.body);
    expect(text[1]).toBe(
      "截至2022年10月31日，8个单位台账共列基层党建工作重点任务24项，已完成24项，总体完成率100.0%，与第1期（100.0%）持平。" +
        "各项任务均已完成。" +
        "分类别看，县市区中东湖区、浮溪县、江南区和青山区（并列），开发区中江城高新区和江城经济技术开发区（并列），" +
        "市直机关中市卫生健康委，市属国企中江城城投集团推进较快，位列本类别第一。",
    );
    expect(text.slice(2, 8)).toEqual([
      "（一）县市区（4个单位参与排名）",
      RANK_HEADER,
      "1（并列） | 东湖区 | 4 | 4 | 100.0% | 0 | 100.0% | 100.0% | 新",
      "1（并列） | 浮溪县 | 4 | 4 | 100.0% | 0 | 100.0% | 100.0% | –",
      "1（并列） | 江南区 | 4 | 4 | 100.0% | 0 | 100.0% | 100.0% | ↑1",
      "1（并列） | 青山区 | 4 | 4 | 100.0% | 0 | 100.0% | 100.0% | ↑2",
    ]);
    expect(text).toContain("（三）市直机关（1个单位参与排名）");
    expect(text).toContain("（四）市属国企（1个单位参与排名）");
    expect(text.slice(text.indexOf(BLACK_HEADING))).toEqual([
      BLACK_HEADING,
      "本期无单位列入黑榜。",
      "（三）末位驻点（连续两期列入黑榜）",
      "本期无连续两期列入黑榜的单位。",
      "（四）停滞（已完成任务数较上期没有增加）",
      "本期无停滞单位。",
      "三、存在问题",
      "本期各单位均按时报送台账，无逾期任务，台账未发现填报错误。",
      "四、下步要求",
      "本期无需专门部署的整改事项，请各单位保持工作力度，按期完成各项任务。",
    ]);
    expect(attachmentLines(d)).toEqual([
      "逾期任务清单",
      "本期无逾期任务。",
      "临期任务清单",
      "本期无15日内到期的任务。",
    ]);
  });

  it("an empty 红榜 says so", () => {
    const { rows, history } = setup();
    const none = buildNoticeDocument(
      computeNotice({
        rows,
        roster: ROSTER,
        settings: { ...DEFAULT_SETTINGS, redTop: 0 },
        asOf: AS_OF,
        period: 2,
        history,
      }),
      { today: TODAY },
    );
    const text = lines(none.body);
    expect(
      text.slice(text.indexOf("（一）红榜（组内排名前0名且完成率不低于80%）"), text.indexOf(BLACK_HEADING)),
    ).toEqual(["（一）红榜（组内排名前0名且完成率不低于80%）", "本期无单位列入红榜。"]);
  });
});

describe("the summary's other clauses", () => {
  const summary = (notice: ReturnType<typeof computeNotice>) =>
    (buildNoticeDocument(notice, { today: TODAY }).body[1] as { text: string }).text;

  it("a rate lower than the previous notice's is 下降 by the difference of the printed rates", () => {
    const history = PERIOD_1.map((h) => ({ ...h, completed: h.assigned })); // 19/19 = 100.0%
    expect(summary(fixtureNotice({ history }))).toContain(
      "总体完成率56.5%，较第1期（100.0%）下降43.5个百分点。",
    );
  });

  it("a previous notice without tasks has no comparable figure", () => {
    const history = PERIOD_1.map((h) => ({ ...h, assigned: 0, completed: 0, completionRate: null }));
    expect(summary(fixtureNotice({ history }))).toContain("总体完成率56.5%，第1期无可比数据。");
  });

  it("open tasks none of which is overdue: 目前没有逾期未完成的任务", () => {
    const rows = fixtureRows().map((r) => (r.deadline !== null ? { ...r, deadline: r.deadline + 365 } : r));
    expect(summary(fixtureNotice({ rows }))).toContain("目前没有逾期未完成的任务。");
  });

  it("no task to count: no ranking this period", () => {
    const notice = computeNotice({
      rows: [],
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 1,
      history: [],
    });
    expect(summary(notice)).toBe(
      "截至2022年10月31日，各单位报送的台账中暂无可统计的基层党建工作重点任务，本期不作排名。",
    );
  });
});

describe("存在问题 and 下步要求 with unchecked sheets and errors of no unit", () => {
  const place = (sheet: string, row: number, cell: string) => ({ sheet, cell, row, column: null });
  // A spread of the issue union is no longer a union member for the compiler: the cast restores it.
  const own = (unit: string | null, issue: IssueData): OwnedIssue =>
    ({ ...issue, file: "a.xlsx", unit }) as OwnedIssue;

  it("names units whose sheet could not be checked with the 未报送 ones, and counts errors of no unit", () => {
    const rows = fixtureRows().filter((r) => r.unit !== "江城城投集团");
    const issues: OwnedIssue[] = [
      // A warning on the sheet of a unit without rows: still 未报送, not 台账格式不符.
      own("市卫生健康委", makeIssue("unknown-column", place("卫健委", 3, "M3"), "联系电话")),
      own(
        "江城城投集团",
        makeIssue("missing-column", place("城投", 3, "A3"), null, { params: { key: "完成时限" } }),
      ),
      own("东湖区", makeIssue("invalid-date", place("东湖", 4, "G4"), "10月底")),
      own(null, makeIssue("unknown-unit", place("东湖", 5, "E5"), "白露县")),
      own(null, makeIssue("invalid-date", place("东湖", 6, "G6"), "年底")),
    ];
    const notice = computeNotice({
      rows,
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 2,
      history: PERIOD_1,
      issues,
    });
    const text = lines(buildNoticeDocument(notice, { today: TODAY }).body);
    expect(text).toContain(
      "（一）台账报送不及时。市卫生健康委共1个单位截至统计日期未报送台账，未参与排名。江城城投集团台账格式不符，未能统计。",
    );
    // The missing-column error belongs to the sheet's unit (SPEC §5): 江城城投集团 counts it.
    expect(text).toContain(
      "（三）台账填报质量有待提高。2个单位的台账共有2处填报错误：东湖区1处、江城城投集团1处；另有2处错误无法确定所属单位，具体位置和更正建议见附件3。",
    );
    expect(text).toContain("2. 市卫生健康委和江城城投集团要在3日内（2022年11月5日前）按标准台账格式补报。");
  });

  it("errors that belong to no unit alone", () => {
    const rows = fixtureRows().map((r) => ({ ...r, errors: 0 }));
    const issues: OwnedIssue[] = [own(null, makeIssue("unknown-unit", place("东湖", 5, "E5"), "白露县"))];
    const notice = computeNotice({
      rows,
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 2,
      history: PERIOD_1,
      issues,
    });
    const text = lines(buildNoticeDocument(notice, { today: TODAY }).body);
    expect(text).toContain(
      "（三）台账填报质量有待提高。台账中1处错误无法确定所属单位，具体位置和更正建议见附件3。",
    );
  });
});

describe("list reasons in English (the pane's language)", () => {
  it("states the rule of each list", () => {
    expect(
      reasonText(
        { code: "red", params: { rate: 0.8, rank: 1, groupSize: 4, redTop: 3, redMinRate: 0.8 } },
        "en",
      ),
    ).toBe("completion 80.0%, ranked 1 of 4 in its group: within the top 3 and at least 80%");
    expect(
      reasonText(
        { code: "black", params: { rate: 3 / 7, rank: 6, groupSize: 6, floor: 0.5, bottom: 3 } },
        "en",
      ),
    ).toBe("completion 42.9%, below 50%, among the last 3 of 6 in its group (rank 6)");
    expect(
      reasonText(
        { code: "black", params: { rate: 0.6, rank: 6, groupSize: 6, floor: null, bottom: 3 } },
        "en",
      ),
    ).toBe("completion 60.0%, among the last 3 of 6 in its group (rank 6)");
    expect(reasonText({ code: "stationed", params: { previousPeriod: 1, period: 2, rate: 0 } }, "en")).toBe(
      "on the black list in two notices running (period 1 and 2), completion 0.0%",
    );
    expect(
      reasonText(
        { code: "stalled", params: { previousPeriod: 1, completed: 2, previousCompleted: 3, rate: 0.5 } },
        "en",
      ),
    ).toBe("2 completed, no more than in period 1 (3), completion 50.0%");
  });

  it("in Chinese, both rules of a black-list entry, joined", () => {
    expect(
      reasonText({ code: "black", params: { rate: 3 / 7, rank: 6, groupSize: 6, floor: 0.5, bottom: 3 } }),
    ).toBe("完成率42.9%，低于50%，组内6个单位中排名后3位（第6名）");
  });
});

describe("发文机关, 成文日期 and 主送 as 设置 gives them (SPEC §7)", () => {
  const doc = () =>
    buildNoticeDocument(fixtureNotice(), {
      today: TODAY,
      issuer: " 中共江城市委组织部 ",
      documentDate: "2022-11-03",
      addressee: "各县市区：各开发区党组织",
    });

  it("trims 发文机关, dates the notice on 成文日期, and ends 主送 with a colon only when it lacks one at its end", () => {
    const d = doc();
    expect([d.banner.issuer, d.banner.date, d.signoff.issuer, d.signoff.date, d.addressee]).toEqual([
      "中共江城市委组织部",
      "2022年11月3日",
      "中共江城市委组织部",
      "2022年11月3日",
      "各县市区：各开发区党组织：",
    ]);
    expect(lines(d.body)).toContain("2. 市卫生健康委要在3日内（2022年11月6日前）按标准台账格式补报。");
  });

  it("the sheet's 版头 line holds 发文机关 on the left and 成文日期 on the right", () => {
    const d = doc();
    const [body] = buildNoticePlans(d, 2, null);
    const line = body!.rows[2]!;
    expect([line[0]?.value, line[line.length - 1]?.value]).toEqual(["中共江城市委组织部", "2022年11月3日"]);
    const signoff = body!.rows.flatMap((row) => row.filter((c) => c?.value === "中共江城市委组织部"));
    expect(signoff).toHaveLength(2);
  });
});

describe("专项通报 (SPEC §7)", () => {
  const special = (categories: string[]) =>
    computeNotice({
      rows: fixtureRows(),
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 2,
      history: PERIOD_1,
      categories,
    });

  it("names its categories in the masthead, the title, the summary and the sheet names", () => {
    const d = buildNoticeDocument(special(["城市基层党建"]), { today: TODAY });
    expect([d.banner.masthead, d.title]).toEqual([
      "城市基层党建专项通报",
      "关于城市基层党建任务推进情况的专项通报",
    ]);
    expect(lines(d.body)[1]).toContain("7个单位台账共列城市基层党建任务23项");
    expect(buildNoticePlans(d, 2, ["城市基层党建"]).map((p) => p.name)).toEqual([
      "专项通报（城市基层党建）第2期",
      "专项通报（城市基层党建）第2期附件1",
      "专项通报（城市基层党建）第2期附件2",
    ]);
  });

  it("no categories at all is the 综合通报", () => {
    const notice = special([]);
    expect(notice.categories).toBeNull();
    expect(notice.rosterTotals).toEqual(fixtureNotice().rosterTotals);
    expect(buildNoticeDocument(notice, { today: TODAY }).title).toBe(
      "关于基层党建工作重点任务推进情况的通报",
    );
  });
});

describe("groups and task lists", () => {
  it("groups come in the order of 单位类别 (县市区, 开发区, 市直机关, 市属国企), whatever the roster's order", () => {
    const roster = { units: [...ROSTER.units].reverse() };
    const notice = computeNotice({
      rows: fixtureRows(),
      roster,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 2,
      history: PERIOD_1,
    });
    expect(notice.groups.map((g) => g.group)).toEqual(["县市区", "开发区", "市直机关", "市属国企"]);
    expect([...new Set(notice.units.map((u) => u.group))]).toEqual([
      "县市区",
      "开发区",
      "市直机关",
      "市属国企",
    ]);
  });

  it("a completed task due soon is on no list; an open one without id, status or owner shows them empty", () => {
    const bare: LedgerRow = {
      ...ledgerRow("青山区", "QS-8", "推进中", 10, "2022-11-05"),
      taskId: null,
      status: null,
      owner: null,
    };
    const rows = [
      ...fixtureRows(),
      ledgerRow("青山区", "QS-7", "已完成", 100, "2022-11-05", { done: "2022-10-20" }),
      bare,
    ];
    const d = buildNoticeDocument(fixtureNotice({ rows }), { today: TODAY });
    expect(attachmentLines(d).slice(attachmentLines(d).indexOf("临期任务清单"))).toEqual([
      "临期任务清单",
      "青山区 |  | 重点任务QS-8 | 2022-11-05 | 5 |  | ",
      "江南区 | JN-04 | 重点任务JN-04 | 2022-11-10 | 10 | 推进中 | 张三",
    ]);
  });
});

describe("the body sheet's 版头 and 落款 (SPEC §7)", () => {
  const sheet = () => {
    const d = buildNoticeDocument(fixtureNotice(), { today: TODAY, issuer: "中共江城市委组织部" });
    const [body] = buildNoticePlans(d, 2, null);
    const plan = body!;
    const style = (row: number, column = 0) => plan.styles[plan.rows[row]![column]!.style!]!;
    const rowOf = (value: string) => plan.rows.findIndex((r) => r[0]?.value === value);
    return { plan, style, rowOf };
  };

  it("the masthead is large and red, 第N期 centred under it, then 发文机关 left and 成文日期 right across the page", () => {
    const { plan, style } = sheet();
    expect([plan.rows[0]![0]!.value, style(0).fontSize, style(0).fontColor]).toEqual([
      "重点任务推进情况通报",
      26,
      "C00000",
    ]);
    expect([plan.rows[1]![0]!.value, style(1).hAlign]).toEqual(["第2期", "center"]);
    expect([style(2, 0).hAlign, style(2, 5).hAlign]).toEqual(["left", "right"]);
    expect(plan.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 0, bottom: 2, right: 4 },
        { top: 2, left: 5, bottom: 2, right: 8 },
      ]),
    );
    expect([0, 1, 2, 3].map((r) => plan.rowHeights?.[r])).toEqual([48, 24, 24, 3]);
  });

  it("a thin red rule spans the page under the 版头", () => {
    const { plan } = sheet();
    expect(plan.rows[3]!.map((c) => plan.styles[c!.style!]!.fill)).toEqual(Array(9).fill("C00000"));
  });

  it("the title is bold and large, the date line under it centred", () => {
    const { style, rowOf } = sheet();
    const title = rowOf("关于基层党建工作重点任务推进情况的通报");
    expect([style(title).bold, style(title).fontSize]).toEqual([true, 18]);
    expect(style(title + 1).hAlign).toBe("center");
  });

  it("the 落款 (发文机关 and 成文日期) is right-aligned", () => {
    const { plan, style } = sheet();
    const rows = plan.rows.flatMap((r, i) => (r[0]?.value === "中共江城市委组织部" ? [i] : []));
    const signoff = rows[rows.length - 1]!;
    expect([style(signoff).hAlign, plan.rows[signoff + 1]![0]!.value, style(signoff + 1).hAlign]).toEqual([
      "right",
      "2022年11月2日",
      "right",
    ]);
  });
});

describe("units without counted rows", () => {
  it("a 专项通报 tells units that returned no task of its categories from units that returned nothing", () => {
    const rows = [
      ...fixtureRows(),
      { ...ledgerRow("青山区", "XC-1", "推进中", 50, "2022-12-31"), category: "巡察整改" },
    ];
    const notice = computeNotice({
      rows,
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 1,
      history: [],
      categories: ["巡察整改"],
    });
    expect(notice.units.filter((u) => u.rank !== null).map((u) => u.unit)).toEqual(["青山区"]);
    expect(notice.notSubmitted.map((u) => u.unit)).toEqual(["市卫生健康委"]);
    // In notice order: by group, unranked units by name.
    expect(notice.withoutTasks.map((u) => u.unit)).toEqual([
      "东湖区",
      "浮溪县",
      "江南区",
      "江城高新区",
      "江城经济技术开发区",
      "江城城投集团",
    ]);
  });

  it("unranked units of a group come after its ranked ones, by name", () => {
    const roster = {
      units: [
        { name: "B单位", group: "市直机关" as const, aliases: [] },
        { name: "A单位", group: "市直机关" as const, aliases: [] },
        { name: "C单位", group: "市直机关" as const, aliases: [] },
      ],
    };
    const rows = [ledgerRow("C单位", "C-1", "推进中", 50, "2022-12-31")];
    const notice = computeNotice({
      rows,
      roster,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 1,
      history: [],
    });
    expect(notice.units.map((u) => [u.unit, u.rank])).toEqual([
      ["C单位", 1],
      ["A单位", null],
      ["B单位", null],
    ]);
  });

  it("each attachment sheet starts with its label and title", () => {
    const d = buildNoticeDocument(fixtureNotice(), { today: TODAY });
    const [, first, second] = buildNoticePlans(d, 2, null);
    const labels = [first!, second!].map((p) => p.rows.slice(0, 2).map((r) => r[0]?.value));
    expect(labels).toEqual([
      ["附件1", "逾期任务清单"],
      ["附件2", "临期任务清单"],
    ]);
  });
});

describe("rules the re-run of src/core/notice left unpinned", () => {
  const rules = { redTop: 3, redMinRate: 0.8, blackTop: 3, blackBelowRate: 0.5 };

  it("黑榜's bottom rule takes ranks above n − 黑榜名次 only: in a group of 6, ranks 4–6, not 3 (SPEC §6)", () => {
    const at = (rank: number) =>
      classifyUnit({ rank, completed: 6, assigned: 10, groupSize: 6 }, null, rules);
    expect([3, 4, 6].map((rank) => [at(rank).black, at(rank).inBottom])).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
  });

  it("a row flagged duplicate-task is on no task list (it does not count again, SPEC §5)", () => {
    const rows = fixtureRows();
    const again = { ...rows.find((r) => r.taskId === "FX-03")!, row: 99, duplicate: true };
    const d = buildNoticeDocument(fixtureNotice({ rows: [...rows, again] }), { today: TODAY });
    expect(d.attachments[0].table.rows.filter((r) => r[1]!.text === "FX-03")).toHaveLength(1);
  });

  it("附件2's header names 剩余天数", () => {
    const d = buildNoticeDocument(fixtureNotice(), { today: TODAY });
    expect(d.attachments[1].table.headers).toEqual([
      "单位",
      "任务编号",
      "重点任务",
      "完成时限",
      "剩余天数",
      "推进状态",
      "责任人",
    ]);
  });

  it("发文机关 or 主送 of white space only is none", () => {
    const d = buildNoticeDocument(fixtureNotice(), { today: TODAY, issuer: "  ", addressee: "  " });
    expect([d.banner.issuer, d.addressee]).toEqual([
      null,
      "各县市区、各开发区、市直各单位、市属各国有企业党组织：",
    ]);
  });

  it("sheet names: no categories is the 综合通报; characters a sheet name cannot hold are dropped; 22 characters of categories fit", () => {
    expect(noticeSheetName(2, [])).toBe("通报（第2期）");
    expect(noticeSheetName(2, ["巡察/整改"])).toBe("专项通报（巡察整改）第2期");
    const twentyTwo = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑";
    expect(noticeSheetName(2, [twentyTwo])).toBe(`专项通报（${twentyTwo}）第2期`);
    expect(noticeSheetName(2, [`${twentyTwo}寅`])).toBe(`专项通报（${twentyTwo.slice(0, 21)}…）第2期`);
  });

  it("a 专项通报 over two categories names both in its summary; a black reason in English with the floor only", () => {
    const notice = computeNotice({
      rows: fixtureRows(),
      roster: ROSTER,
      settings: DEFAULT_SETTINGS,
      asOf: AS_OF,
      period: 1,
      history: [],
      categories: ["城市基层党建", "乡村振兴"],
    });
    expect(lines(buildNoticeDocument(notice, { today: TODAY }).body)[1]).toContain(
      "共列城市基层党建、乡村振兴任务23项",
    );
    expect(
      reasonText(
        { code: "black", params: { rate: 0.25, rank: 4, groupSize: 4, floor: 0.5, bottom: null } },
        "en",
      ),
    ).toBe("completion 25.0%, below 50%");
    expect(formatRate(null)).toBe("—");
  });
});
