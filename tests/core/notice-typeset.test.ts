/**
 * How the notice sets what it is given (SPEC §7): 主送 as typed without the spaces around it, and
 * the task lists' text left-aligned beside centred dates and days. Written against mutants
 * StrykerJS found surviving in `src/core/notice/document.ts` (docs/QUALITY.md, session 17).
 */
import { buildNoticeDocument, buildNoticePlans } from "../../src/core";
import { fixtureNotice, planCell, rowsWhere } from "./notice-plan-fixture";

const TODAY = "2022-11-02";

test("主送 keeps its words and drops the spaces around them before its colon", () => {
  const d = buildNoticeDocument(fixtureNotice(), { today: TODAY, addressee: "  各县市区党委组织部 " });
  expect(d.addressee).toBe("各县市区党委组织部：");
});

test("附件1 and 附件2: 单位, 任务编号, 重点任务 and 责任人 left-aligned; dates, days and status centred", () => {
  const plans = buildNoticePlans(buildNoticeDocument(fixtureNotice(), { today: TODAY }), 2, null);
  for (const attachment of plans.slice(1)) {
    const header = rowsWhere(attachment, 0, "单位")[0]!;
    const aligned = [0, 1, 2, 3, 4, 5, 6].map(
      (c) => attachment.styles[planCell(attachment, header + 1, c).style!]!.hAlign,
    );
    expect(aligned).toEqual(["left", "left", "left", "center", "center", "center", "left"]);
  }
});

describe("the body sheet's tables, cell by cell", () => {
  const body = () => buildNoticePlans(buildNoticeDocument(fixtureNotice(), { today: TODAY }), 2, null)[0]!;
  const align = (plan: ReturnType<typeof body>, r: number, c: number) =>
    plan.styles[planCell(plan, r, c).style!]!.hAlign;

  test("红榜: 序号, 单位 and 单位类别 in their columns, the reason after them; names and reasons left-aligned", () => {
    const plan = body();
    // 红榜 is the first table headed 序号 (二、红黑榜 comes before 三、存在问题).
    const row = rowsWhere(plan, 0, "序号")[0]! + 1;
    const values = plan.rows[row]!.filter((c) => c !== null && c.value !== null).map((c) => c!.value);
    expect(values.slice(0, 3)).toEqual([1, "青山区", "县市区"]);
    expect(String(values[3])).toMatch(/^完成率/u);
    expect(align(plan, row, 0)).toBe("center");
    expect(align(plan, row, 1)).toBe("left");
    expect(align(plan, row, 2)).toBe("center");
    const reason = plan.rows[row]!.findIndex((c, i) => i > 2 && c !== null && c.value !== null);
    expect(align(plan, row, reason)).toBe("left");
  });

  test("a ranked table's unit names are left-aligned, its figures centred", () => {
    const plan = body();
    const header = rowsWhere(plan, 0, "排名")[0]!;
    expect(align(plan, header + 1, 1)).toBe("left");
    expect(align(plan, header + 1, 2)).toBe("center");
  });
});
