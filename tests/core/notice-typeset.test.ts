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
