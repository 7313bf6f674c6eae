// The task pane's engine module (src/taskpane/engine.ts) against the core and the CLI: the add-in
// must write the same notice as `taizhang notice` from the same data.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { COLUMNS, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core";
import type { PlanValue, SheetPlan } from "../../src/core/plan";
import {
  checkSetting,
  noticeDefaults,
  planSettingsSave,
  prepareNotice,
  readSetupForPane,
  renderNoticeWord,
  validateForPane,
} from "../../src/taskpane/engine";
import { strFromU8, unzipSync } from "fflate";
import { cli } from "../cli/helpers";

const SEEDS = join(__dirname, "..", "..", "seeds", "period-2");

const grid = (
  name: string,
  values: CellValue[][],
  numberFormats: (string | undefined)[][] = [],
): SheetGrid => ({
  name,
  values,
  numberFormats,
  merges: [],
});
const workbook = (...sheets: SheetGrid[]): WorkbookGrid => ({ sheets, date1904: false });

/** 青山区's and 江南区's ledgers in one workbook, with 青山区's 设置 and 单位名册 (as the e2e test builds it). */
async function sampleWorkbook(): Promise<WorkbookGrid> {
  const a = await readWorkbookFile(join(SEEDS, "青山区.xlsx"));
  const b = await readWorkbookFile(join(SEEDS, "江南区.xlsx"));
  const get = (wb: WorkbookGrid, name: string) => wb.sheets.find((s) => s.name === name)!;
  return workbook(
    { ...get(a, "重点任务台账"), name: "青山区" },
    { ...get(b, "重点任务台账"), name: "江南区" },
    get(a, "设置"),
    get(a, "单位名册"),
  );
}

/** The required columns of §2, in order (the product's own headers, not a copy). */
const LEDGER_HEADER = COLUMNS.filter((c) => c.required).map((c) => c.header);

describe("validateForPane", () => {
  test("validates as a run: one no-roster warning, messages in the pane's language", () => {
    const wb = workbook(
      grid("台账", [
        LEDGER_HEADER,
        ["T1", "其他", "任务", "青山区", "张三", "10月底", "推进中", 50, null, null],
      ]),
    );
    const zh = validateForPane(wb, { today: "2022-11-01", language: "zh" });
    expect(zh.issues.filter((i) => i.code === "no-roster")).toHaveLength(1);
    expect(zh.issues.find((i) => i.code === "invalid-date")).toMatchObject({ sheet: "台账", cell: "F2" });
    expect(zh.sheets).toEqual([{ sheet: "台账", headerRow: 1, rows: 1, errors: 1, warnings: 0 }]);
    const en = validateForPane(wb, { today: "2022-11-01", language: "en" });
    expect(en.issues.find((i) => i.code === "no-roster")!.message).toMatch(/^No 单位名册/);
  });
});

describe("noticeDefaults", () => {
  const history = grid("通报记录", [
    ["期数", "统计截止日期", "单位", "单位类别", "任务数", "已完成", "完成率", "排名", "红榜", "黑榜"],
    [1, "2022-09-30", "青山区", "县市区", 10, 5, 0.5, 1, "是", ""],
    [3, "2022-10-31", "青山区", "县市区", 10, 8, 0.8, 1, "是", ""],
  ]);
  test.each([
    [
      "设置 names both",
      [
        grid("设置", [
          ["项目", "值"],
          ["通报期数", "第4期"],
          ["统计截止日期", "2022/11/30"],
        ]),
        history,
      ],
      { asOf: "2022-11-30", asOfFromSettings: true, period: 4, periodSource: "settings" },
    ],
    [
      "history + 1",
      [history],
      { asOf: "2022-12-01", asOfFromSettings: false, period: 4, periodSource: "history", periods: [1, 3] },
    ],
    [
      "nothing: today and period 1",
      [],
      { asOf: "2022-12-01", period: 1, periodSource: "first", periods: [] },
    ],
  ])("%s", (_name, sheets, expected) => {
    expect(noticeDefaults(workbook(...(sheets as SheetGrid[])), "2022-12-01")).toMatchObject(expected);
  });
});

/** A plan's values as an .xlsx reader gives them back: formulas by result, trailing empties dropped. */
function planValues(plan: SheetPlan): unknown[][] {
  const norm = (v: PlanValue | undefined) =>
    v === undefined || v === null || v === "" ? null : typeof v === "object" ? (v.result ?? null) : v;
  return plan.rows.map((row) => trim(row.map((c) => norm(c?.value))));
}
function gridValues(sheet: SheetGrid): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    out.push(trim(Array.from(row, (v) => (v === undefined || v === "" ? null : v))));
  }
  return out;
}
function trim(row: unknown[]): unknown[] {
  const out = [...row];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

describe("prepareNotice", () => {
  test("the same notice and history as `taizhang notice` on the same ledgers", async () => {
    const prepared = prepareNotice(await sampleWorkbook(), { today: "2022-11-01", language: "zh" });
    if (!prepared.ok) throw new Error("refused");
    expect(prepared.sheets.map((s) => [s.plan.name, s.kind, s.plan.visibility ?? "visible"])).toEqual([
      ["通报（第2期）", "notice", "visible"],
      ["通报（第2期）附件1", "notice", "visible"],
      ["通报（第2期）附件2", "notice", "visible"],
      ["通报（第2期）附件3", "report", "visible"],
      ["通报记录", "history", "hidden"],
    ]);

    const out = join(mkdtempSync(join(tmpdir(), "taizhang-pane-")), "通报.xlsx");
    const run = await cli(["notice", join(SEEDS, "青山区.xlsx"), join(SEEDS, "江南区.xlsx"), "--out", out]);
    // The one stderr line: 2 of the roster's 25 units read (the pane asks about the same thing).
    expect(run.stderr).toMatch(/^taizhang: 注意：单位名册共 25 个单位，只读到 2 个单位的台账；[^\n]*\n$/u);
    const written = await readWorkbookFile(out);
    for (const { plan } of prepared.sheets.filter((s) => s.kind !== "report")) {
      const sheet = written.sheets.find((s) => s.name === plan.name)!;
      expect(planValues(plan)).toEqual(gridValues(sheet).slice(0, plan.rows.length));
    }

    // Issues in the pane's workbook link to their cells (the ledgers are sheets of it).
    const report = prepared.sheets.find((s) => s.kind === "report")!.plan;
    const linked = report.rows.flat().filter((c) => c?.link);
    expect(linked.length).toBeGreaterThan(0);
    // The per-unit summary links to the units' blocks in the report itself.
    for (const c of linked) expect(["青山区", "江南区", report.name]).toContain(c!.link!.sheet);
    expect(linked.some((c) => c!.link!.sheet === "江南区")).toBe(true);

    expect(prepared.summary).toMatchObject({ period: 2, asOf: "2022-10-31", noticeSheet: "通报（第2期）" });
    const county = prepared.summary.groups.find((g) => g.group === "县市区")!;
    expect(county.units[0]).toMatchObject({ rank: 1, unit: "青山区", rate: "100.0%", red: true });
    expect(prepared.summary.redList).toContain("青山区");
  });

  test("an as-of date and period from the form win over 设置", async () => {
    const prepared = prepareNotice(await sampleWorkbook(), {
      today: "2022-11-01",
      asOf: "2022-10-15",
      period: 7,
      language: "en",
    });
    if (!prepared.ok) throw new Error("refused");
    expect(prepared.summary).toMatchObject({ period: 7, asOf: "2022-10-15", noticeSheet: "通报（第7期）" });
    // Written sheets stay Chinese in every language (SPEC §10).
    expect(prepared.sheets[3]!.plan.rows[1]![0]!.value).toBe("台账填报问题清单");
  });

  test("refuses, with the cells, when 设置 or 单位名册 has an error", () => {
    const wb = workbook(
      grid("台账", [LEDGER_HEADER]),
      grid("设置", [
        ["项目", "值"],
        ["红榜名次", "前三"],
      ]),
      grid("单位名册", [
        ["单位名称", "单位类别"],
        ["青山区", "区县"],
      ]),
    );
    const prepared = prepareNotice(wb, { today: "2022-11-01", language: "zh" });
    expect(prepared.ok).toBe(false);
    if (prepared.ok || prepared.reason !== "setup") throw new Error("not refused for its setup");
    expect(prepared.setupIssues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
      ["设置", "B2", "invalid-setting"],
      ["单位名册", "B2", "invalid-roster"],
    ]);
    expect(prepared.setupIssues[0]!.message).toContain("红榜名次");
  });
});

describe("prepareNotice: what the pane checks before writing", () => {
  test("no ledger sheet, or ledger sheets without a task row: refused, nothing to write", () => {
    const settings = grid("设置", [
      ["项目", "值"],
      ["统计截止日期", "2022-10-31"],
    ]);
    const none = prepareNotice(workbook(settings), { today: "2022-11-01", language: "zh" });
    expect(none).toEqual({ ok: false, reason: "no-ledger" });
    const headerOnly = prepareNotice(workbook(grid("台账", [LEDGER_HEADER]), settings), {
      today: "2022-11-01",
      language: "zh",
    });
    expect(headerOnly).toEqual({ ok: false, reason: "no-rows" });
  });

  test("two units of the roster's 25: the coverage says so, and that most are missing", async () => {
    const prepared = prepareNotice(await sampleWorkbook(), { today: "2022-11-01", language: "zh" });
    if (!prepared.ok) throw new Error("refused");
    expect(prepared.coverage.rosterUnits).toBe(25);
    expect(prepared.coverage.present).toBe(2);
    expect(prepared.coverage.notSubmitted).toHaveLength(23);
    expect(prepared.coverage.notSubmitted).not.toContain("青山区");
    expect(prepared.summary.notSubmitted).toEqual(prepared.coverage.notSubmitted);
    expect(prepared.mostlyMissing).toBe(true);
  });

  test("a 专项通报 over one category: its own sheet name and period", async () => {
    const prepared = prepareNotice(await sampleWorkbook(), {
      today: "2022-11-01",
      language: "zh",
      categories: ["巡察整改"],
    });
    if (!prepared.ok) throw new Error("refused");
    expect(prepared.summary.noticeSheet).toBe("专项通报（巡察整改）第1期");
    expect(prepared.word.document.title).toBe("关于巡察整改任务推进情况的专项通报");
  });

  test("导出Word: the same document as a .docx named after the notice sheet", async () => {
    const prepared = prepareNotice(await sampleWorkbook(), { today: "2022-11-01", language: "zh" });
    if (!prepared.ok) throw new Error("refused");
    expect(prepared.word.fileName).toBe("通报（第2期）.docx");
    expect(prepared.word.attachments.map((a) => a.label)).toEqual(["附件1", "附件2", "附件3"]);
    const bytes = await renderNoticeWord(prepared.word);
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x50, 0x4b]);
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    expect(xml).toContain(prepared.word.document.title);
  });
});

describe("settings", () => {
  test.each([
    ["红榜名次", "5", null],
    ["红榜名次", "", null],
    ["红榜名次", "三", /红榜名次/],
    ["红榜名次", "-1", /红榜名次/],
    ["红榜最低完成率", "80%", null],
    ["红榜最低完成率", "120%", /红榜最低完成率/],
    ["统计截止日期", "2022-10-31", null],
    ["统计截止日期", "10月底", /统计截止日期/],
    ["排名方式", "中国式", null],
    ["排名方式", "随便", /排名方式/],
    ["等次线", "90、80、60", null],
    ["等次线", "60、80、90", /等次线/],
    ["任务类别", "党建、党建", /任务类别/],
  ] as const)("%s = %j", (key, text, expected) => {
    const message = checkSetting(key, text, "zh");
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });

  test("the form shows values as the core read them, bad ones raw, with their cells", () => {
    const wb = workbook(
      grid(
        "设置",
        [
          ["项目", "值"],
          ["统计截止日期", 44865],
          ["红榜最低完成率", 0.85],
          ["红榜名次", "前三"],
          ["颜色", "红"],
        ],
        [[], [], [undefined, "0%"]],
      ),
      grid("单位名册", [
        ["单位名称", "单位类别", "别名"],
        ["青山区", "县市区", "青山"],
        ["高新区", "开发区"],
        ["某局", "局"],
      ]),
    );
    const setup = readSetupForPane(wb, "zh");
    const entry = (key: string) => setup.entries.find((e) => e.key === key);
    expect(entry("统计截止日期")).toEqual({
      key: "统计截止日期",
      text: "2022-10-31",
      defaultText: "",
      cell: "B2",
    });
    expect(entry("红榜最低完成率")).toMatchObject({ text: "85%", defaultText: "80%", cell: "B3" });
    expect(entry("红榜名次")).toMatchObject({ text: "前三", defaultText: "3", cell: "B4" });
    expect(entry("黑榜名次")).toEqual({ key: "黑榜名次", text: "", defaultText: "3", cell: null });
    expect(setup.settingsIssues.map((i) => [i.cell, i.code])).toEqual([
      ["B4", "invalid-setting"],
      ["A5", "unknown-setting"],
    ]);
    expect(setup.roster).toEqual([
      { group: "县市区", units: [{ name: "青山区", aliases: "青山" }] },
      { group: "开发区", units: [{ name: "高新区", aliases: "" }] },
    ]);
    expect(setup.unranked).toEqual(["某局"]);
    expect(setup.rosterIssues.map((i) => [i.cell, i.code])).toEqual([["B4", "invalid-roster"]]);
  });

  test("saving writes column B of listed keys; new keys go below, after the 考核权重 table", () => {
    const wb = workbook(
      grid("设置", [
        ["项目", "值"],
        ["红榜名次", 3],
        ["通报期数", 2],
        [],
        ["考核表", "权重"],
        ["平时掌握情况", 50],
        ["年终专项考评", 50],
      ]),
    );
    const write = planSettingsSave(wb, [
      { key: "红榜名次", text: "5" },
      { key: "通报期数", text: "" },
      { key: "排名方式", text: "中国式" },
      { key: "任务类别", text: "=党建、其他" },
    ]);
    expect(write).toEqual({
      sheet: "设置",
      create: false,
      cells: [
        { cell: "B2", value: 5 },
        { cell: "B3", value: "" },
        { cell: "A9", value: "排名方式" },
        { cell: "B9", value: "中国式" },
        { cell: "A10", value: "任务类别" },
        { cell: "B10", value: "=党建、其他" },
      ],
    });
  });

  test("saving without a 设置 sheet creates it with the 项目 | 值 header", () => {
    const write = planSettingsSave(workbook(grid("台账", [["a"]])), [
      { key: "红榜名次", text: "4" },
      { key: "黑榜名次", text: " " },
    ]);
    expect(write).toEqual({
      sheet: "设置",
      create: true,
      cells: [
        { cell: "A1", value: "项目" },
        { cell: "B1", value: "值" },
        { cell: "A2", value: "红榜名次" },
        { cell: "B2", value: 4 },
      ],
    });
  });
});
