// SPEC §12's ownership policy, as core decides it for every host.
import { SILENTLY_REPLACED, decideSheetWrites } from "../../src/core/plan";
import { COLLECT_REWRITTEN } from "../../src/core/collect";
import { TEMPLATE_REWRITTEN } from "../../src/core/template";

describe("decideSheetWrites", () => {
  const targets = ["通报（第2期）", "校验报告", "通报记录"];

  test("nothing there: write all, replace nothing, ask nobody", () => {
    expect(decideSheetWrites(targets, new Map())).toEqual({ action: "write", replace: [], confirm: [] });
    expect(decideSheetWrites(targets, new Map(targets.map((t) => [t, "absent" as const])))).toEqual({
      action: "write",
      replace: [],
      confirm: [],
    });
  });

  test("a foreign sheet under any target name refuses the whole write", () => {
    expect(
      decideSheetWrites(
        targets,
        new Map([
          ["通报（第2期）", "notice"],
          ["通报记录", "foreign"],
        ]),
      ),
    ).toEqual({ action: "refuse", sheet: "通报记录" });
  });

  test("our report and history are replaced silently; our notice only after asking", () => {
    expect(
      decideSheetWrites(
        targets,
        new Map([
          ["通报（第2期）", "notice"],
          ["校验报告", "report"],
          ["通报记录", "history"],
        ]),
      ),
    ).toEqual({ action: "write", replace: targets, confirm: ["通报（第2期）"] });
    expect(
      decideSheetWrites(
        ["通报记录", "校验报告"],
        new Map([
          ["通报记录", "history"],
          ["校验报告", "report"],
        ]),
      ),
    ).toEqual({ action: "write", replace: ["通报记录", "校验报告"], confirm: [] });
  });

  test("every other kind of ours needs asking", () => {
    for (const kind of ["notice", "summary", "ledger", "template", "other"] as const) {
      expect(SILENTLY_REPLACED.has(kind)).toBe(false);
      expect(decideSheetWrites(["X"], new Map([["X", kind]]))).toEqual({
        action: "write",
        replace: ["X"],
        confirm: ["X"],
      });
    }
  });

  test("names the operation rewrites whole are replaced without asking, but never a foreign sheet", () => {
    // 收集 rewrites 合并台账 and 收集情况 (every earlier row kept); 插入标准台账 its hidden 选项.
    expect([...COLLECT_REWRITTEN]).toEqual(["合并台账", "收集情况"]);
    expect([...TEMPLATE_REWRITTEN]).toEqual(["选项"]);
    const status = new Map([
      ["合并台账", "ledger" as const],
      ["收集情况", "other" as const],
      ["单位名册", "other" as const],
    ]);
    expect(decideSheetWrites(["合并台账", "收集情况", "单位名册"], status, COLLECT_REWRITTEN)).toEqual({
      action: "write",
      replace: ["合并台账", "收集情况", "单位名册"],
      confirm: ["单位名册"],
    });
    expect(
      decideSheetWrites(["选项", "重点任务台账"], new Map([["选项", "foreign"]]), TEMPLATE_REWRITTEN),
    ).toEqual({ action: "refuse", sheet: "选项" });
    expect(
      decideSheetWrites(
        ["选项", "重点任务台账"],
        new Map([
          ["选项", "template"],
          ["重点任务台账", "template"],
        ]),
        TEMPLATE_REWRITTEN,
      ),
    ).toEqual({ action: "write", replace: ["选项", "重点任务台账"], confirm: ["重点任务台账"] });
  });
});
