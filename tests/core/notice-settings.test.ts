/**
 * The notice's own settings of SPEC §9 — 发文机关, 成文日期, 主送, 补报天数 — read from `设置` and
 * carried into the document (版头, 主送, 下步要求, 落款), through the entry point every front end uses.
 */
import { type CellValue, type NoticeDocument, planNoticeWorkbook, validateRun } from "../../src/core";
import { ledgerSheet, rosterSheet, settingsSheet, validRow, workbook } from "./helpers";

const TODAY = "2022-11-01";

function documentWith(settings: ReadonlyArray<readonly CellValue[]>, options = {}): NoticeDocument {
  const run = validateRun(
    [
      {
        file: "青山区.xlsx",
        workbook: workbook([
          ledgerSheet({ rows: [validRow({ 完成时限: "2022-10-01" })] }),
          rosterSheet(),
          settingsSheet([["统计截止日期", "2022-10-31"], ...settings]),
        ]),
      },
    ],
    { today: TODAY },
  );
  const planned = planNoticeWorkbook(run, { history: [], today: TODAY, ...options });
  if (!planned.ok) throw new Error(planned.issues.map((i) => i.code).join(", "));
  return planned.document;
}

const requirements = (d: NoticeDocument): string =>
  d.body
    .slice(d.body.findIndex((b) => b.kind === "heading" && b.text === "四、下步要求"))
    .map((b) => (b.kind === "table" ? "" : b.text))
    .join("\n");

describe("发文机关, 成文日期, 主送, 补报天数 from 设置 (SPEC §9)", () => {
  it("fill the 版头, 主送, 下步要求 and 落款", () => {
    const d = documentWith([
      ["发文机关", "中共江城市委组织部"],
      ["成文日期", "2022-11-05"],
      ["主送", "各县（市、区）委组织部，市直各党（工）委"],
      ["补报天数", 5],
    ]);
    expect(d.banner.issuer).toBe("中共江城市委组织部");
    expect(d.banner.date).toBe("2022年11月5日");
    expect(d.signoff).toEqual({ issuer: "中共江城市委组织部", date: "2022年11月5日" });
    // 主送 as typed (full-width brackets kept), with the colon a 公文 ends it with.
    expect(d.addressee).toBe("各县（市、区）委组织部，市直各党（工）委：");
    // 未报送 units report within 补报天数 days of 成文日期: 11月5日 + 5 = 11月10日.
    expect(requirements(d)).toContain("要在5日内（2022年11月10日前）按标准台账格式补报");
  });

  it("without them: only the date (today), the default 主送, 3 days", () => {
    const d = documentWith([]);
    expect(d.banner.issuer).toBeNull();
    expect(d.banner.date).toBe("2022年11月1日");
    expect(d.signoff).toEqual({ issuer: null, date: "2022年11月1日" });
    expect(d.addressee).toBe("各县市区、各开发区、市直各单位、市属各国有企业党组织：");
    expect(requirements(d)).toContain("要在3日内（2022年11月4日前）按标准台账格式补报");
  });

  it("an option given by the caller wins over 设置", () => {
    const d = documentWith([["发文机关", "中共江城市委组织部"]], { issuer: "市委党建办" });
    expect(d.banner.issuer).toBe("市委党建办");
  });

  it("an invalid 补报天数 refuses the notice rather than guessing", () => {
    const run = validateRun(
      [
        {
          file: "a.xlsx",
          workbook: workbook([
            ledgerSheet({ rows: [validRow()] }),
            rosterSheet(),
            settingsSheet([["补报天数", "三天"]]),
          ]),
        },
      ],
      { today: TODAY },
    );
    const planned = planNoticeWorkbook(run, { history: [], today: TODAY });
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.issues.map((i) => [i.code, i.cell])).toEqual([["invalid-setting", "B2"]]);
  });
});
