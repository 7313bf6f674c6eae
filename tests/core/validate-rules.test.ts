/**
 * Every issue code of SPEC §4 through the public entry point `validateRun`, each with a failing case
 * asserting the whole issue and a passing case asserting the code is absent. The standard layout
 * (helpers.ts): title row 1, metadata row 2, header row 3, data from row 4, columns A–L in template
 * order (A 序号 … G 完成时限, H 推进状态, I 完成进度, J 完成时间, K 佐证材料, L 备注).
 */
import {
  type CellValue,
  type IssueCode,
  MAX_ROWS,
  UNKNOWN_RUN_SUMMARY,
  a1,
  localizeIssue,
  validateRun,
} from "../../src/core";
import {
  FILE,
  HEADERS,
  type Header,
  ROSTER,
  type RowSpec,
  col,
  doneRow,
  expected,
  issuesOf,
  ledgerBook,
  ledgerSheet,
  places,
  rosterSheet,
  settingsSheet,
  validRow,
  validateBook,
  without,
  workbook,
} from "./helpers";

const codes = (rows: RowSpec[], extra?: Parameters<typeof ledgerBook>[1]): IssueCode[] =>
  issuesOf(ledgerBook({ rows }, extra)).map((i) => i.code);

describe("a clean ledger", () => {
  it("has no issue at all (the baseline every passing case below relies on)", () => {
    const result = validateBook(
      ledgerBook({
        rows: [
          validRow(),
          doneRow({ 序号: 2, 任务编号: "CS-02" }),
          validRow({ 序号: 3, 任务编号: "CS-03", 推进状态: "未启动", 完成进度: 0 }),
          doneRow({ 序号: 4, 任务编号: "CS-04", 推进状态: "已销号" }),
        ],
      }),
    );
    expect(result.issues).toEqual([]);
    expect(result.files[0]!.sheets).toEqual([
      { sheet: "重点任务台账", headerRow: 3, rows: 4, errors: 0, warnings: 0 },
    ]);
    expect(result.files[0]!.rows.map((r) => [r.row, r.taskId, r.status, r.progress])).toEqual([
      [4, "CS-01", "推进中", 50],
      [5, "CS-02", "已完成", 100],
      [6, "CS-03", "未启动", 0],
      [7, "CS-04", "已销号", 100],
    ]);
  });
});

describe("missing-column", () => {
  it("is one error per absent required column, on the header row's first cell, and rows are not checked", () => {
    const headers = HEADERS.filter((h) => h !== "佐证材料" && h !== "推进状态");
    const issues = issuesOf(
      ledgerBook({
        headers,
        rows: [validRow({ 完成时限: "10月底", 推进状态: undefined, 佐证材料: undefined })],
      }),
    );
    expect(issues).toEqual([
      expected("missing-column", "A3", "推进状态", null, { params: { key: "推进状态" } }),
      expected("missing-column", "A3", "佐证材料", null, { params: { key: "佐证材料" } }),
    ]);
  });

  it("names the first non-empty header cell when the table does not start in column A", () => {
    const headers = [null, ...HEADERS.filter((h) => h !== "完成时间")];
    const issues = issuesOf(ledgerBook({ headers, rows: [] }));
    expect(issues).toEqual([
      expected("missing-column", "B3", "完成时间", null, { params: { key: "完成时间" } }),
    ]);
  });

  it("regression: does not report blank rows of a sheet whose rows are not checked", () => {
    const headers = HEADERS.filter((h) => h !== "责任人");
    const row = without(validRow(), "责任人");
    expect(places(issuesOf(ledgerBook({ headers, rows: [row, null, row] })))).toEqual([
      "重点任务台账!A3 missing-column",
    ]);
  });

  it("is absent when every required column is there, whatever the optional ones", () => {
    const headers = HEADERS.filter((h) => h !== "序号" && h !== "备注");
    const row = without(validRow(), "序号", "备注");
    expect(issuesOf(ledgerBook({ headers, rows: [row] }))).toEqual([]);
  });
});

describe("duplicate-column", () => {
  it("is an error on the later header cell; the first column is the one read", () => {
    const issues = issuesOf(
      ledgerBook({
        headers: [...HEADERS, "状态"],
        rows: [[...HEADERS.map((h) => validRow()[h] ?? null), "乱填"]],
      }),
    );
    expect(issues).toEqual([
      expected("duplicate-column", "M3", "推进状态", "状态", { params: { firstCell: "H3" } }),
    ]);
  });

  it("is absent when two different keys share a word (单位 and 责任人 are different keys)", () => {
    expect(codes([validRow()])).not.toContain("duplicate-column");
  });
});

describe("unknown-column", () => {
  it("is a warning on each header cell that matches no key, with its text as the column", () => {
    const issues = issuesOf(
      ledgerBook({
        headers: [...HEADERS, "联系电话", 2022],
        rows: [[...HEADERS.map((h) => validRow()[h] ?? null)]],
      }),
    );
    expect(issues).toEqual([
      expected("unknown-column", "M3", "联系电话", "联系电话"),
      expected("unknown-column", "N3", "2022", 2022),
    ]);
  });

  it("is absent for the template's own headers", () => {
    expect(codes([validRow()])).not.toContain("unknown-column");
  });

  it(`names up to ${UNKNOWN_RUN_SUMMARY - 1} unknown columns side by side one by one`, () => {
    const extra = Array.from({ length: UNKNOWN_RUN_SUMMARY - 1 }, (_, i) => `${i + 1}月`);
    const issues = issuesOf(ledgerBook({ headers: [...HEADERS, ...extra], rows: [validRow()] }));
    expect(issues.map((i) => [i.code, i.cell])).toEqual(
      extra.map((_, i) => ["unknown-column", a1(2, 12 + i)]),
    );
  });

  it(`summarises a run of ${UNKNOWN_RUN_SUMMARY} or more unknown columns in one warning on its first cell`, () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
    const issues = issuesOf(ledgerBook({ headers: [...HEADERS, ...months, "联系电话"], rows: [validRow()] }));
    expect(issues).toEqual([
      expected("unknown-column", "M3", "1月", "1月", {
        params: { count: 13, lastCell: "Y3", lastValue: "联系电话" },
      }),
    ]);
    expect(localizeIssue(issues[0]!, "zh").message).toBe(
      "从“1月”到“联系电话”（M3–Y3）共 13 列无法识别，不参与校验",
    );
    expect(localizeIssue(issues[0]!, "en").message).toBe(
      '13 unrecognised columns from "1月" to "联系电话" (M3–Y3) are not checked',
    );
  });

  it("a known header between unknown ones splits the runs", () => {
    const five = (p: string) => Array.from({ length: UNKNOWN_RUN_SUMMARY }, (_, i) => `${p}${i}`);
    const headers = [...HEADERS.slice(0, 6), ...five("甲"), ...HEADERS.slice(6), ...five("乙")];
    const row = (spec: RowSpec): CellValue[] =>
      headers.map((h) =>
        (HEADERS as readonly string[]).includes(h as string) ? (spec[h as Header] ?? null) : null,
      );
    const issues = issuesOf(ledgerBook({ headers, rows: [row(validRow())] }));
    expect(issues.map((i) => [i.cell, i.params])).toEqual([
      ["G3", { count: UNKNOWN_RUN_SUMMARY, lastCell: "K3", lastValue: "甲4" }],
      ["R3", { count: UNKNOWN_RUN_SUMMARY, lastCell: "V3", lastValue: "乙4" }],
    ]);
  });

  it("100,000 unknown headers are one warning", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `列${i}`);
    const issues = issuesOf(ledgerBook({ headers: [...HEADERS, ...many], rows: [validRow()] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.params).toMatchObject({ count: 100_000 });
  });
});

describe("no-roster", () => {
  const noRoster = {
    file: FILE,
    code: "no-roster",
    severity: "warning",
    sheet: "单位名册",
    cell: null,
    row: null,
    column: null,
    value: null,
    suggestion: null,
    params: {},
  };

  it("is one warning per run without a 单位名册 sheet, and unit names are then not checked", () => {
    const book = ledgerBook({ rows: [validRow({ 责任单位: "随便什么单位" })] }, []);
    const run = validateBook(book);
    expect(run.issues).toEqual([noRoster]);
    expect(run.files[0]!.rows[0]!.unit).toBe("随便什么单位");
  });

  it("is reported once for a run of several files", () => {
    const book = ledgerBook({ rows: [validRow()] }, []);
    const run = validateRunOf([book, book, book]);
    expect(run.issues.filter((i) => i.code === "no-roster")).toHaveLength(1);
  });

  it("is absent when any workbook of the run has a roster, which then checks every file", () => {
    const without = ledgerBook({ rows: [validRow({ 责任单位: "青山县" })] }, []);
    const run = validateRunOf([without, ledgerBook({ rows: [validRow()] })]);
    expect(run.issues.map((i) => `${i.file} ${i.code}`)).toEqual(["f0.xlsx unknown-unit"]);
  });
});

function validateRunOf(books: ReturnType<typeof ledgerBook>[]) {
  return validateRun(
    books.map((workbook, i) => ({ file: `f${i}.xlsx`, workbook })),
    { today: "2022-11-01" },
  );
}

describe("required-missing", () => {
  const required: Header[] = [
    "任务编号",
    "任务类别",
    "重点任务",
    "责任单位",
    "责任人",
    "完成时限",
    "推进状态",
    "完成进度",
  ];

  it.each(required)("is an error when %s is empty", (header) => {
    const issues = issuesOf(ledgerBook({ rows: [validRow({ [header]: null })] }));
    expect(issues).toContainEqual(expected("required-missing", `${col(header)}4`, header, null));
    // The empty cell is not also an invalid value, and no rule needing it runs.
    expect(issues).toHaveLength(1);
  });

  it.each(required)("counts white space only in %s as empty, reporting the raw value", (header) => {
    const issues = issuesOf(ledgerBook({ rows: [validRow({ [header]: " \u3000 " })] }));
    expect(issues).toEqual([expected("required-missing", `${col(header)}4`, header, " \u3000 ")]);
  });

  it("is absent for the optional values 序号, 完成时间, 佐证材料 and 备注", () => {
    expect(codes([validRow({ 序号: null, 完成时间: null, 佐证材料: null, 备注: null })])).toEqual([]);
  });
});

describe("formula-error", () => {
  it.each<[Header, CellValue]>([
    ["完成时限", { error: "#N/A" }],
    ["完成进度", { error: "#DIV/0!" }],
    ["推进状态", { error: "#REF!" }],
    ["责任单位", { error: "#NAME?" }],
    ["任务编号", "#VALUE!"],
    ["序号", { error: "#REF!" }],
    ["备注", "#N/A"],
    ["完成时间", { error: "#NUM!" }],
  ])("is an error in %s, as an error value or as its text", (...[header, value]) => {
    const row = header === "完成时间" ? doneRow({ [header]: value }) : validRow({ [header]: value });
    const issues = issuesOf(ledgerBook({ rows: [row] }));
    const text = typeof value === "string" ? value : (value as { error: string }).error;
    expect(issues).toEqual([expected("formula-error", `${col(header)}4`, header, text)]);
  });

  it.each(["#NULL!", "#SPILL!", "#CALC!"])("recognises %s", (error) => {
    expect(codes([validRow({ 重点任务: { error } })])).toEqual(["formula-error"]);
  });

  it("is absent for text that merely starts with #", () => {
    expect(codes([validRow({ 重点任务: "#1 专项行动" })])).toEqual([]);
  });
});

describe("invalid-date", () => {
  it("is an error for 完成时限 that is not a date (the SPEC's own example)", () => {
    const issues = issuesOf(ledgerBook({ rows: [validRow({ 完成时限: "10月底" })] }));
    expect(issues).toEqual([expected("invalid-date", "G4", "完成时限", "10月底")]);
  });

  it("is an error for 完成时间, and done-date-missing is then skipped", () => {
    const issues = issuesOf(ledgerBook({ rows: [doneRow({ 完成时间: "2022-02-30" })] }));
    expect(issues).toEqual([expected("invalid-date", "J4", "完成时间", "2022-02-30")]);
  });

  it.each<[string, CellValue]>([
    ["a year outside 2000–2099", "1999-12-31"],
    ["a serial before 2000", 36000],
    ["a boolean", true],
    ["an 8-digit number that is no date", 20221301],
  ])("is an error for %s", (...[, value]) => {
    expect(codes([validRow({ 完成时限: value })])).toEqual(["invalid-date"]);
  });

  it.each<[string, CellValue]>([
    ["ISO", "2022-12-31"],
    ["slashes", "2022/12/31"],
    ["dots", "2022.12.31"],
    ["Chinese", "2022年12月31日"],
    ["YYYYMMDD text", "20221231"],
    ["YYYYMMDD number", 20221231],
    ["a serial", 44926],
    ["a date cell", new Date(Date.UTC(2022, 11, 31))],
    ["with a time", "2022-12-31 17:30"],
    ["full-width", "２０２２年１２月３１日"],
  ])("is absent for %s", (...[, value]) => {
    const run = validateBook(ledgerBook({ rows: [validRow({ 完成时限: value })] }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows[0]!.deadline).toBe(Date.UTC(2022, 11, 31) / 86_400_000);
  });
});

describe("invalid-number and out-of-range (完成进度)", () => {
  it("invalid-number for words", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 完成进度: "大部分" })] }))).toEqual([
      expected("invalid-number", "I4", "完成进度", "大部分"),
    ]);
  });

  it("invalid-number for a date typed into the progress cell", () => {
    expect(codes([validRow({ 完成进度: new Date(Date.UTC(2022, 9, 1)) })])).toEqual(["invalid-number"]);
  });

  it.each<[string | number, string | undefined]>([
    [120, undefined],
    ["-5", undefined],
    ["150%", undefined],
    [1.2, "0%"],
  ])("out-of-range for %p (format %p)", (...[value, fmt]) => {
    const issues = issuesOf(
      ledgerBook({ rows: [validRow({ 完成进度: value })], formats: fmt ? { I4: fmt } : {} }),
    );
    expect(issues).toEqual([
      expected("out-of-range", "I4", "完成进度", value, { params: { min: 0, max: 100 } }),
    ]);
  });

  it.each<[CellValue, string | undefined, number]>([
    [0.5, "0%", 50],
    [50, undefined, 50],
    ["50%", undefined, 50],
    ["５０％", undefined, 50],
    [" 50 ", undefined, 50],
    [0.005, "0.0%", 0.5],
    ["0.5%", undefined, 0.5],
  ])("is absent for %p (format %p), read as %p points", (...[value, fmt, points]) => {
    const run = validateBook(
      ledgerBook({ rows: [validRow({ 完成进度: value })], formats: fmt ? { I4: fmt } : {} }),
    );
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows[0]!.progress).toBe(points);
  });
});

describe("invalid-enum", () => {
  it("is an error for an unknown status, suggesting the nearest status", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 推进状态: "已完" })] }))).toEqual([
      expected("invalid-enum", "H4", "推进状态", "已完", { suggestion: "已完成" }),
    ]);
  });

  it("suggests nothing when no status is within edit distance 2", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 推进状态: "正在研究部署中" })] }))).toEqual([
      expected("invalid-enum", "H4", "推进状态", "正在研究部署中"),
    ]);
  });

  it("is an error for an unknown category, suggesting the nearest category", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 任务类别: "城市党建" })] }))).toEqual([
      expected("invalid-enum", "C4", "任务类别", "城市党建", { suggestion: "城市基层党建" }),
    ]);
  });

  it("gives no containment suggestion for categories (that rule is the roster's)", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 任务类别: "基层党" })] }))).toEqual([
      expected("invalid-enum", "C4", "任务类别", "基层党"),
    ]);
  });

  it("uses the 设置 sheet's 任务类别 list instead of the defaults", () => {
    const settings = settingsSheet([["任务类别", "组织建设、作风建设"]]);
    const book = ledgerBook(
      {
        rows: [validRow({ 任务类别: "组织建设" }), validRow({ 任务编号: "CS-02", 任务类别: "城市基层党建" })],
      },
      [rosterSheet(), settings],
    );
    expect(issuesOf(book)).toEqual([expected("invalid-enum", "C5", "任务类别", "城市基层党建")]);
  });

  it.each(["未启动", "推进中", "已完成", "已销号", " 推 进 中 ", "推\n进中"])(
    "is absent for status %p",
    (status) => {
      const row = status.includes("已") ? doneRow({ 推进状态: status }) : validRow({ 推进状态: status });
      const fixed = status === "未启动" ? { ...row, 完成进度: 0 } : row;
      expect(codes([fixed])).toEqual([]);
    },
  );

  it("is absent for every default category, in full-width or spaced forms too", () => {
    const categories = [
      "书记述职",
      "成效考核",
      "城市基层党建",
      "乡村振兴",
      "两新党建",
      "巡察整改",
      "宣传信息",
      "其他",
    ];
    const rows = [...categories, "城市 基层党建"].map((c, i) =>
      validRow({ 任务编号: `T-${i}`, 任务类别: c }),
    );
    expect(codes(rows)).toEqual([]);
  });
});

describe("unknown-unit", () => {
  it("is an error for a name not in the roster, suggesting the nearest name by edit distance", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 责任单位: "青山县" })] }))).toEqual([
      expected("unknown-unit", "E4", "责任单位", "青山县", { suggestion: "青山区" }),
    ]);
  });

  it("measures the distance to aliases too, suggesting the alias's unit", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 责任单位: "卫健局" })] }))).toEqual([
      expected("unknown-unit", "E4", "责任单位", "卫健局", { suggestion: "市卫生健康委" }),
    ]);
  });

  it("suggests the only roster name containing the value when none is within distance 2", () => {
    expect(issuesOf(ledgerBook({ rows: [validRow({ 责任单位: "经济技术开发" })] }))).toEqual([
      expected("unknown-unit", "E4", "责任单位", "经济技术开发", { suggestion: "江城经济技术开发区" }),
    ]);
  });

  it("suggests nothing when several roster names contain the value", () => {
    const roster = rosterSheet([
      ["江城城市建设投资集团", "市属国企"],
      ["江城交通建设投资集团", "市属国企"],
    ]);
    expect(issuesOf(ledgerBook({ rows: [validRow({ 责任单位: "建设投资" })] }, [roster]))).toEqual([
      expected("unknown-unit", "E4", "责任单位", "建设投资"),
    ]);
  });

  it("regression: equally near names are decided by roster order, not by alias registration", () => {
    // 江东区 is 1 from both 江南区 and 江北区's alias 江东; the old code took the alias because synonyms were registered first.
    const roster = rosterSheet([
      ["江南区", "县市区"],
      ["江北区", "县市区", "江东"],
    ]);
    expect(issuesOf(ledgerBook({ rows: [validRow({ 责任单位: "江东区" })] }, [roster]))).toEqual([
      expected("unknown-unit", "E4", "责任单位", "江东区", { suggestion: "江南区" }),
    ]);
  });

  it("is absent for a roster name, also with full-width or inner spaces", () => {
    const rows = ["青山区", "青 山 区", " 江南区 ", "江城城投集团"].map((u, i) =>
      validRow({ 任务编号: `T${i}`, 责任单位: u }),
    );
    expect(codes(rows)).toEqual([]);
  });
});

describe("nonstandard-value", () => {
  const synonyms: Array<[string, string]> = [
    ["完成", "已完成"],
    ["已办结", "已完成"],
    ["办结", "已完成"],
    ["已完结", "已完成"],
    ["完结", "已完成"],
    ["进行中", "推进中"],
    ["正在推进", "推进中"],
    ["持续推进", "推进中"],
    ["在推进", "推进中"],
    ["推进", "推进中"],
    ["未开始", "未启动"],
    ["尚未启动", "未启动"],
    ["未推进", "未启动"],
    ["销号", "已销号"],
  ];

  it.each(synonyms)("is a warning for status %s, read as %s", (...[synonym, canonical]) => {
    const base =
      canonical === "已完成" || canonical === "已销号"
        ? doneRow()
        : canonical === "未启动"
          ? validRow({ 完成进度: 0 })
          : validRow();
    const run = validateBook(ledgerBook({ rows: [{ ...base, 推进状态: synonym }] }));
    expect(run.issues).toEqual([
      expected("nonstandard-value", "H4", "推进状态", synonym, { params: { resolved: canonical } }),
    ]);
    expect(run.files[0]!.rows[0]!.status).toBe(canonical);
  });

  it("is a warning for a unit alias, which counts for the roster unit", () => {
    const run = validateBook(ledgerBook({ rows: [validRow({ 责任单位: "高新区" })] }));
    expect(run.issues).toEqual([
      expected("nonstandard-value", "E4", "责任单位", "高新区", { params: { resolved: "江城高新区" } }),
    ]);
    expect(run.files[0]!.rows[0]!.unit).toBe("江城高新区");
  });

  it("is absent for canonical values", () => {
    expect(codes([validRow({ 责任单位: "江城高新区" })])).toEqual([]);
  });
});

describe("ambiguous-percent", () => {
  it.each<[string | number]>([[0.5], ["0.5"]])(
    "is a warning for %p without %, read as 50 points",
    (value) => {
      const run = validateBook(ledgerBook({ rows: [validRow({ 完成进度: value })] }));
      expect(run.issues).toEqual([
        expected("ambiguous-percent", "I4", "完成进度", value, { params: { resolved: 50 } }),
      ]);
      expect(run.files[0]!.rows[0]!.progress).toBe(50);
    },
  );

  it("feeds the scaled value to the rules: 已完成 with 0.99 is both ambiguous and a mismatch", () => {
    const issues = issuesOf(ledgerBook({ rows: [doneRow({ 完成进度: 0.99 })] }));
    expect(issues).toEqual([
      expected("ambiguous-percent", "I4", "完成进度", 0.99, { params: { resolved: 99 } }),
      expected("status-progress-mismatch", "I4", "完成进度", 0.99, { params: { status: "已完成" } }),
    ]);
  });

  it.each<[CellValue, string | undefined]>([
    [1, undefined],
    [0, undefined],
    [0.5, "0%"],
    ["0.5%", undefined],
    [55.5, undefined],
  ])("is absent for %p (format %p)", (...[value, fmt]) => {
    const row = value === 0 ? validRow({ 推进状态: "未启动", 完成进度: 0 }) : validRow({ 完成进度: value });
    expect(issuesOf(ledgerBook({ rows: [row], formats: fmt ? { I4: fmt } : {} }))).toEqual([]);
  });
});

describe("status-progress-mismatch (cell = 完成进度)", () => {
  it.each<[string, RowSpec, number]>([
    ["已完成 below 100", doneRow({ 完成进度: 90 }), 90],
    ["已销号 below 100", doneRow({ 推进状态: "已销号", 完成进度: 0 }), 0],
    ["未启动 above 0", validRow({ 推进状态: "未启动", 完成进度: 10 }), 10],
    ["推进中 at 100", validRow({ 推进状态: "推进中", 完成进度: 100 }), 100],
  ])("is an error for %s", (...[, row, value]) => {
    expect(issuesOf(ledgerBook({ rows: [row] }))).toEqual([
      expected("status-progress-mismatch", "I4", "完成进度", value, {
        params: { status: row.推进状态 as string },
      }),
    ]);
  });

  it("is an error for 推进中 at 100% given as a %-formatted 1", () => {
    expect(
      issuesOf(ledgerBook({ rows: [validRow({ 完成进度: 1 })], formats: { I4: "0%" } })).map((i) => i.code),
    ).toEqual(["status-progress-mismatch"]);
  });

  it("applies to a status written as a synonym (完成 at 80)", () => {
    expect(codes([doneRow({ 推进状态: "完成", 完成进度: 80 })])).toEqual([
      "nonstandard-value",
      "status-progress-mismatch",
    ]);
  });

  it.each<[string, RowSpec]>([
    ["已完成 at 100", doneRow()],
    ["已销号 at 100", doneRow({ 推进状态: "已销号" })],
    ["未启动 at 0", validRow({ 推进状态: "未启动", 完成进度: 0 })],
    ["推进中 at 0", validRow({ 完成进度: 0 })],
    ["推进中 at 99.9", validRow({ 完成进度: 99.9 })],
  ])("is absent for %s", (...[, row]) => {
    expect(codes([row])).toEqual([]);
  });
});

describe("done-date-missing (cell = 完成时间)", () => {
  it.each(["已完成", "已销号"])("is an error when %s has no 完成时间", (status) => {
    expect(issuesOf(ledgerBook({ rows: [doneRow({ 推进状态: status, 完成时间: null })] }))).toEqual([
      expected("done-date-missing", "J4", "完成时间", null, { params: { status: status } }),
    ]);
  });

  it("is absent for a task not completed", () => {
    expect(codes([validRow({ 完成时间: null })])).toEqual([]);
  });
});

describe("done-date-unexpected", () => {
  it.each<[string, number]>([
    ["推进中", 50],
    ["未启动", 0],
  ])("is an error when %s has a 完成时间", (...[status, progress]) => {
    expect(
      issuesOf(
        ledgerBook({ rows: [validRow({ 推进状态: status, 完成进度: progress, 完成时间: "2022-09-15" })] }),
      ),
    ).toEqual([
      expected("done-date-unexpected", "J4", "完成时间", "2022-09-15", { params: { status: status } }),
    ]);
  });

  it("fires together with done-date-in-future on the same cell", () => {
    const issues = issuesOf(ledgerBook({ rows: [validRow({ 完成时间: "2022-12-01" })] }), {
      asOf: "2022-10-31",
    });
    expect(issues).toEqual([
      expected("done-date-unexpected", "J4", "完成时间", "2022-12-01", { params: { status: "推进中" } }),
      expected("done-date-in-future", "J4", "完成时间", "2022-12-01"),
    ]);
  });

  it("is skipped when 完成时间 failed to parse", () => {
    expect(codes([validRow({ 完成时间: "尽快" })])).toEqual(["invalid-date"]);
  });

  it("is absent for a completed task with its date", () => {
    expect(codes([doneRow()])).toEqual([]);
  });
});

describe("reported values", () => {
  it.each<[string, string | undefined, string | number]>([
    ["a date-formatted serial as its date", "yyyy/m/d", "2022-11-15"],
    ["a Chinese date format as its date", 'yyyy"年"m"月"d"日"', "2022-11-15"],
    ["a locale-tagged date format as its date", "[$-804]yyyy-mm-dd;@", "2022-11-15"],
    ["a General serial as the number typed", undefined, 44880],
    ["a number-formatted serial as the number", "0.00", 44880],
  ])(
    "regression: report %s (a date cell reads the same whether stored as serial or date)",
    (...[, fmt, value]) => {
      const issues = issuesOf(
        ledgerBook({ rows: [doneRow({ 完成时间: 44880 })], formats: fmt ? { J4: fmt } : {} }),
        { asOf: "2022-10-31" },
      );
      expect(issues).toEqual([expected("done-date-in-future", "J4", "完成时间", value)]);
    },
  );

  it('reports a date cell (t="d") as YYYY-MM-DD', () => {
    const issues = issuesOf(ledgerBook({ rows: [validRow({ 完成时间: new Date(Date.UTC(2022, 8, 1)) })] }));
    expect(issues).toEqual([
      expected("done-date-unexpected", "J4", "完成时间", "2022-09-01", { params: { status: "推进中" } }),
    ]);
  });
});

describe("done-date-in-future", () => {
  it("is an error when 完成时间 is after the as-of date", () => {
    expect(
      issuesOf(ledgerBook({ rows: [doneRow({ 完成时间: "2022-11-01" })] }), { asOf: "2022-10-31" }),
    ).toEqual([expected("done-date-in-future", "J4", "完成时间", "2022-11-01")]);
  });

  it("is absent on the as-of date itself", () => {
    expect(
      issuesOf(ledgerBook({ rows: [doneRow({ 完成时间: "2022-10-31" })] }), { asOf: "2022-10-31" }),
    ).toEqual([]);
  });

  it("also applies when the status failed to parse (it only needs 完成时间)", () => {
    const issues = issuesOf(ledgerBook({ rows: [doneRow({ 推进状态: "？", 完成时间: "2022-11-30" })] }), {
      asOf: "2022-10-31",
    });
    expect(issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["H4 invalid-enum", "J4 done-date-in-future"]);
  });
});

describe("evidence-missing (cell = 佐证材料)", () => {
  it("is an error when 已销号 has no 佐证材料", () => {
    expect(issuesOf(ledgerBook({ rows: [doneRow({ 推进状态: "已销号", 佐证材料: null })] }))).toEqual([
      expected("evidence-missing", "K4", "佐证材料", null),
    ]);
  });

  it("applies to the synonym 销号", () => {
    expect(codes([doneRow({ 推进状态: "销号", 佐证材料: "" })])).toEqual([
      "nonstandard-value",
      "evidence-missing",
    ]);
  });

  it("is absent for 已完成 without evidence and for 已销号 with it", () => {
    expect(codes([doneRow({ 佐证材料: null }), doneRow({ 任务编号: "X2", 推进状态: "已销号" })])).toEqual([]);
  });
});

describe("duplicate-task (cell = the later 任务编号)", () => {
  it("flags each later occurrence of the same (unit, taskId), naming the first row", () => {
    const run = validateBook(
      ledgerBook({ rows: [validRow(), validRow({ 任务编号: "CS-02" }), validRow(), validRow({ 序号: 9 })] }),
    );
    expect(run.issues).toEqual([
      expected("duplicate-task", "B6", "任务编号", "CS-01", { params: { firstRow: 4 } }),
      expected("duplicate-task", "B7", "任务编号", "CS-01", { params: { firstRow: 4 } }),
    ]);
    expect(localizeIssue(run.issues[0]!).message).toContain("第 4 行");
    expect(localizeIssue(run.issues[0]!, "en").message).toContain("row 4");
  });

  it("treats an alias and the roster name as the same unit, and a numeric id as its text", () => {
    const rows = [validRow({ 任务编号: 1001 }), validRow({ 任务编号: "1001", 责任单位: "青山" })];
    expect(codes(rows)).toEqual(["duplicate-task", "nonstandard-value"]);
  });

  it("marks later occurrences so that they are not counted twice", () => {
    const run = validateBook(ledgerBook({ rows: [doneRow(), doneRow(), validRow({ 任务编号: "CS-02" })] }));
    expect(run.files[0]!.rows.map((r) => [r.row, r.duplicate])).toEqual([
      [4, false],
      [5, true],
      [6, false],
    ]);
  });

  it("is absent for the same taskId of different units", () => {
    expect(codes([validRow(), validRow({ 责任单位: "江南区" })])).toEqual([]);
  });

  it("is skipped when the unit failed to parse (unknown-unit)", () => {
    const rows = [validRow({ 责任单位: "某某单位" }), validRow({ 责任单位: "某某单位" })];
    expect(codes(rows)).toEqual(["unknown-unit", "unknown-unit"]);
  });

  it("compares within one sheet only", () => {
    const book = workbook([
      ledgerSheet({ rows: [validRow()] }),
      ledgerSheet({ name: "第二批", rows: [validRow()] }),
      rosterSheet(),
    ]);
    expect(issuesOf(book)).toEqual([]);
  });

  it("without a roster, compares units as typed, after NFKC and without white space", () => {
    const book = workbook([
      ledgerSheet({
        rows: [
          validRow({ 责任单位: "青山区" }),
          validRow({ 责任单位: " 青山 区" }),
          validRow({ 责任单位: "江南区" }),
          validRow({ 责任单位: "青山\u3000区" }),
        ],
      }),
    ]);
    expect(issuesOf(book).map((i) => [i.code, i.cell])).toEqual([
      ["no-roster", null],
      ["duplicate-task", "B5"],
      ["duplicate-task", "B7"],
    ]);
  });
});

describe("blank-row", () => {
  it("is one warning per run of blank rows followed by data, on the run's first row, naming the rows", () => {
    const issues = issuesOf(
      ledgerBook({ rows: [validRow(), null, ["", "  ", null], validRow({ 任务编号: "CS-02" })] }),
    );
    expect(issues).toEqual([
      expected("blank-row", "A5", null, null, { params: { firstRow: 5, lastRow: 6 } }),
    ]);
    expect(localizeIssue(issues[0]!, "zh").message).toBe("第5–6行为空行，请删除");
    expect(localizeIssue(issues[0]!, "en").message).toBe("Rows 5–6 are blank; delete them");
  });

  it("a single blank row is named alone; separate runs are separate warnings", () => {
    const issues = issuesOf(
      ledgerBook({
        rows: [
          validRow(),
          null,
          validRow({ 任务编号: "CS-02" }),
          null,
          null,
          null,
          validRow({ 任务编号: "CS-03" }),
        ],
      }),
    );
    expect(issues).toEqual([
      expected("blank-row", "A5", null, null, { params: { firstRow: 5, lastRow: 5 } }),
      expected("blank-row", "A7", null, null, { params: { firstRow: 7, lastRow: 9 } }),
    ]);
    expect(localizeIssue(issues[0]!, "zh").message).toBe("第5行为空行，请删除");
    expect(localizeIssue(issues[0]!, "en").message).toBe("Row 5 is blank; delete it");
  });

  it("a footer row ends a run; the run still counts when a data row comes later", () => {
    const issues = issuesOf(
      ledgerBook({ rows: [validRow(), null, ["注：以下为补报"], null, validRow({ 任务编号: "CS-02" })] }),
    );
    expect(issues).toEqual([
      expected("blank-row", "A5", null, null, { params: { firstRow: 5, lastRow: 5 } }),
      expected("blank-row", "A7", null, null, { params: { firstRow: 7, lastRow: 7 } }),
    ]);
  });

  it("costs the rows present: 100,000 blank rows before a data row are one warning", () => {
    const rows: (RowSpec | null)[] = [
      validRow(),
      ...Array.from({ length: 100_000 }, () => null),
      validRow({ 任务编号: "Z" }),
    ];
    expect(issuesOf(ledgerBook({ rows }))).toEqual([
      expected("blank-row", "A5", null, null, { params: { firstRow: 5, lastRow: 100_004 } }),
    ]);
  });

  it("on a sparse grid, a gap down to row 1,048,576 is one run, and only the rows present are read", () => {
    const sheet = ledgerSheet({ rows: [validRow()] });
    const last = MAX_ROWS - 1;
    const values: CellValue[][] = sheet.values.map((r) => [...(r ?? [])]);
    values[last] = [...ledgerSheet({ rows: [validRow({ 任务编号: "Z" })] }).values[3]!];
    const present = [0, 1, 2, 3, last];
    const read = new Set<number>();
    const watched = new Proxy(values, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const book = workbook([{ ...sheet, values: watched, rowIndexes: present }, rosterSheet()]);
    expect(issuesOf(book)).toEqual([
      expected("blank-row", "A5", null, null, { params: { firstRow: 5, lastRow: last } }),
    ]);
    expect([...read].filter((r) => !present.includes(r))).toEqual([]);
  });

  it("is placed on the first header column when the table starts in column B", () => {
    const headers = [null, ...HEADERS];
    const row = (spec: RowSpec): CellValue[] => [null, ...HEADERS.map((h) => spec[h] ?? null)];
    const issues = issuesOf(
      ledgerBook({ headers, rows: [row(validRow()), null, row(validRow({ 任务编号: "X" }))] }),
    );
    expect(issues).toEqual([
      expected("blank-row", "B5", null, null, { params: { firstRow: 5, lastRow: 5 } }),
    ]);
  });

  it("is absent for blank rows after the last data row and before a footer", () => {
    const run = validateBook(
      ledgerBook({ rows: [validRow(), null, null], below: [["注：本表由各单位填写"], [], []] }),
    );
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.sheets[0]!.rows).toBe(1);
  });

  it("ignores a value in a column without a header (outside the table)", () => {
    const rows = [validRow(), [...HEADERS.map(() => null), null, "草稿"], validRow({ 任务编号: "CS-02" })];
    expect(places(issuesOf(ledgerBook({ rows })))).toEqual(["重点任务台账!A5 blank-row"]);
  });
});

describe("header row (SPEC §2)", () => {
  const aliases: Array<[Header, string]> = [
    ["序号", "序"],
    ["任务编号", "任务代码"],
    ["任务编号", "编号"],
    ["任务类别", "类别"],
    ["任务类别", "任务类型"],
    ["任务类别", "工作类别"],
    ["重点任务", "任务内容"],
    ["重点任务", "工作任务"],
    ["重点任务", "任务名称"],
    ["责任单位", "牵头单位"],
    ["责任单位", "单位"],
    ["责任人", "具体责任人"],
    ["责任人", "联系人"],
    ["完成时限", "计划完成时间"],
    ["完成时限", "时间节点"],
    ["完成时限", "截止时间"],
    ["推进状态", "完成情况"],
    ["推进状态", "状态"],
    ["推进状态", "进展状态"],
    ["完成进度", "进度"],
    ["完成时间", "实际完成时间"],
    ["完成时间", "办结时间"],
    ["佐证材料", "佐证"],
    ["佐证材料", "印证材料"],
    ["佐证材料", "佐证资料"],
    ["备注", "说明"],
  ];

  const rowFor = (spec: RowSpec): CellValue[] => HEADERS.map((h) => spec[h] ?? null);

  it.each(aliases)("accepts %s written as %s, reporting the canonical header", (...[header, alias]) => {
    const headers = HEADERS.map((h) => (h === header ? alias : h));
    const bad = rowFor(validRow({ 序号: { error: "#N/A" } }));
    bad[HEADERS.indexOf(header)] = { error: "#REF!" };
    const issues = issuesOf(ledgerBook({ headers, rows: [bad] }));
    expect(issues).toContainEqual(expected("formula-error", `${col(header)}4`, header, "#REF!"));
    expect(issues.map((i) => i.code).filter((c) => c !== "formula-error")).toEqual([]);
  });

  it.each<[string, Header]>([
    ["完成进度\n(%)", "完成进度"],
    ["完成进度（%）", "完成进度"],
    ["完成进度(%)", "完成进度"],
    ["完成进度［％］", "完成进度"],
    ["*任务编号", "任务编号"],
    ["任务编号*", "任务编号"],
    ["＊责任单位", "责任单位"],
    ["任务\n编号", "任务编号"],
    [" 完成 时限 ", "完成时限"],
    ["（备注）", "备注"],
  ])("normalises the header %p to %s", (...[text, header]) => {
    const headers = HEADERS.map((h) => (h === header ? text : h));
    const issues = issuesOf(
      ledgerBook({ headers, rows: [rowFor(validRow({ [header]: { error: "#N/A" } }))] }),
    );
    expect(issues).toEqual([expected("formula-error", `${col(header)}4`, header, "#N/A")]);
  });

  it("does not drop % outside brackets or words inside them (完成进度% stays unknown)", () => {
    const headers = [...HEADERS.filter((h) => h !== "备注"), "完成进度%", "备注（选填）"];
    const issues = issuesOf(ledgerBook({ headers, rows: [] }));
    expect(issues).toEqual([
      expected("unknown-column", "L3", "完成进度%", "完成进度%"),
      expected("unknown-column", "M3", "备注（选填）", "备注（选填）"),
    ]);
  });

  it("accepts the columns in any order", () => {
    const shuffled = [...HEADERS].reverse();
    const book = ledgerBook({
      headers: shuffled,
      rows: [validRow({ 完成时限: "10月底", 推进状态: "已完" })],
    });
    expect(places(issuesOf(book))).toEqual(["重点任务台账!E4 invalid-enum", "重点任务台账!F4 invalid-date"]);
  });

  it("finds the header on row 20 below title rows", () => {
    const above = Array.from({ length: 19 }, (_, i): CellValue[] => [
      i === 0 ? "基层党建工作重点任务推进台账" : null,
    ]);
    const run = validateBook(ledgerBook({ above, rows: [validRow({ 完成时限: "10月底" })] }));
    expect(run.files[0]!.sheets[0]!.headerRow).toBe(20);
    expect(run.issues).toEqual([expected("invalid-date", "G21", "完成时限", "10月底")]);
  });

  it("does not look beyond row 20: a header on row 21 makes no ledger", () => {
    const above = Array.from({ length: 20 }, (): CellValue[] => ["说明文字"]);
    const run = validateBook(ledgerBook({ above, rows: [validRow({ 完成时限: "10月底" })] }));
    expect(run.files[0]!.sheets).toEqual([]);
    expect(run.issues).toEqual([]);
  });

  it("takes the first qualifying row, not a later one", () => {
    const above: CellValue[][] = [[...HEADERS]];
    const run = validateBook(ledgerBook({ above, rows: [] }));
    expect(run.files[0]!.sheets[0]!.headerRow).toBe(1);
  });

  it("regression: a header merged down over two rows is one header, not a header and a blank row", () => {
    const merges = HEADERS.map((_, i) => `${String.fromCharCode(65 + i)}3:${String.fromCharCode(65 + i)}4`);
    const run = validateBook(
      ledgerBook({ rows: [null, validRow(), validRow({ 任务编号: "X", 完成时限: "?" })], merges }),
    );
    expect(places(run.issues)).toEqual(["重点任务台账!G6 invalid-date"]);
    expect(run.files[0]!.sheets[0]).toMatchObject({ headerRow: 3, rows: 2 });
  });

  it("needs 6 known headers: 5 make no ledger, 6 make one (with missing-column errors)", () => {
    const five = ["任务编号", "重点任务", "责任单位", "责任人", "完成时限", "工作要求"];
    const six = ["任务编号", "重点任务", "责任单位", "责任人", "完成时限", "推进状态"];
    const fiveRun = validateBook(ledgerBook({ headers: five, rows: [["x", "y", "z", "w", "10月底"]] }));
    expect(fiveRun.files[0]!.sheets).toEqual([]);
    expect(fiveRun.issues).toEqual([]);
    const sixRun = validateBook(ledgerBook({ headers: six, rows: [] }));
    expect(sixRun.files[0]!.sheets).toHaveLength(1);
    expect(sixRun.issues.map((i) => i.column)).toEqual(["任务类别", "完成进度", "完成时间", "佐证材料"]);
  });

  it("reads every sheet that has a header row, whatever its name", () => {
    const book = workbook([
      ledgerSheet({ name: "Sheet1", rows: [validRow({ 完成时限: "10月底" })] }),
      ledgerSheet({ name: "Sheet2", above: [], headers: ["无关"], rows: [["x"]] }),
      rosterSheet(),
    ]);
    const run = validateBook(book);
    expect(run.files[0]!.sheets.map((s) => s.sheet)).toEqual(["Sheet1"]);
    expect(places(run.issues)).toEqual(["Sheet1!G4 invalid-date"]);
  });
});

describe("sheets that are never ledgers (SPEC §1)", () => {
  it.each(["通报（第1期）", "通报(第12期)", "考核汇总", "通报记录"])(
    "skips the generated sheet %s",
    (name) => {
      const book = workbook([ledgerSheet({ name, rows: [validRow({ 完成时限: "10月底" })] }), rosterSheet()]);
      expect(issuesOf(book)).toEqual([]);
    },
  );

  it("skips the evaluation sheets named in 考核权重", () => {
    const settings = settingsSheet([], { weights: [["年终专项考评", 100]] });
    const book = workbook([
      ledgerSheet({ name: "年终专项考评", rows: [validRow({ 完成时限: "10月底" })] }),
      rosterSheet(),
      settings,
    ]);
    expect(issuesOf(book)).toEqual([]);
  });

  it("never reads 单位名册 or 设置 as a ledger, even with ledger headers in them", () => {
    const roster = ledgerSheet({
      name: "单位名册",
      above: [
        ["单位名称", "单位类别"],
        ["青山区", "县市区"],
      ],
      rows: [],
    });
    const settings = ledgerSheet({
      name: "设置",
      above: [["项目", "值"]],
      rows: [validRow({ 完成时限: "10月底" })],
    });
    const run = validateBook(workbook([roster, settings, ledgerSheet({ rows: [validRow()] })]));
    expect(run.files[0]!.sheets.map((s) => s.sheet)).toEqual(["重点任务台账"]);
    expect(run.issues.filter((i) => i.sheet !== "设置" && i.sheet !== "单位名册")).toEqual([]);
  });
});

describe("vertical merges (SPEC §3)", () => {
  it("fill every row of the merge with the top-left value, without an issue", () => {
    const rows = [
      validRow(),
      validRow({ 任务编号: "CS-02", 责任单位: null }),
      validRow({ 任务编号: "CS-03", 责任单位: null }),
    ];
    const run = validateBook(ledgerBook({ rows, merges: ["E4:E6"] }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows.map((r) => r.unit)).toEqual(["青山区", "青山区", "青山区"]);
  });

  it("carry the top-left cell's number format (a %-formatted progress merged down)", () => {
    const rows = [validRow({ 完成进度: 0.5 }), validRow({ 任务编号: "CS-02", 完成进度: null })];
    const run = validateBook(ledgerBook({ rows, merges: ["I4:I5"], formats: { I4: "0%" } }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows.map((r) => r.progress)).toEqual([50, 50]);
  });

  it("report an issue of a filled cell on the row where it applies, with the top-left value", () => {
    const rows = [validRow({ 责任单位: "青山县" }), validRow({ 任务编号: "CS-02", 责任单位: null })];
    const issues = issuesOf(ledgerBook({ rows, merges: ["E4:E5"] }));
    expect(issues).toEqual([
      expected("unknown-unit", "E4", "责任单位", "青山县", { suggestion: "青山区" }),
      expected("unknown-unit", "E5", "责任单位", "青山县", { suggestion: "青山区" }),
    ]);
  });

  it("regression: rows that only a merge reaches are blank, not data rows missing seven values", () => {
    const rows = [validRow(), validRow({ 任务编号: "CS-02", 责任单位: null }), null, null];
    const run = validateBook(ledgerBook({ rows, merges: ["E4:E7"] }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.sheets[0]!.rows).toBe(2);
  });

  it("do not fill from the header row or from horizontal merges", () => {
    const rows = [validRow({ 责任单位: null })];
    expect(codes(rows)).toEqual(["required-missing"]);
    const horizontal = issuesOf(ledgerBook({ rows: [validRow({ 责任人: null })], merges: ["E4:F4"] }));
    expect(places(horizontal)).toEqual(["重点任务台账!F4 required-missing"]);
  });
});

describe("footer rows (SPEC §4)", () => {
  const prefixes = ["注", "说明", "填表说明", "填报说明", "备注", "填报人", "审核人", "联系电话"];

  it.each(prefixes.flatMap((p) => [`${p}：`, `${p}:`]))(
    "skips a row whose only cell starts with %p",
    (prefix) => {
      const run = validateBook(ledgerBook({ rows: [validRow()], below: [[`${prefix}按月报送`]] }));
      expect(run.issues).toEqual([]);
      expect(run.files[0]!.sheets[0]!.rows).toBe(1);
    },
  );

  it("skips a footer in any column and a signature line spread over several cells", () => {
    const below: CellValue[][] = [
      [null, null, null, "填报说明：完成进度填 0–100"],
      ["填报人：张三", null, null, "审核人：李四", null, "联系电话：12345678"],
    ];
    expect(issuesOf(ledgerBook({ rows: [validRow()], below }))).toEqual([]);
  });

  it("skips a footer between data rows without calling it blank", () => {
    const rows = [validRow(), ["注：以下为新增任务"], validRow({ 任务编号: "CS-02" })];
    const run = validateBook(ledgerBook({ rows }));
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.sheets[0]!.rows).toBe(2);
  });

  it("is not a footer without the colon, or with other cells filled", () => {
    const rows: Array<RowSpec | CellValue[]> = [["注意事项"], validRow({ 备注: "备注：按期完成" })];
    expect(places(issuesOf(ledgerBook({ rows })))).toEqual([
      "重点任务台账!B4 required-missing",
      "重点任务台账!C4 required-missing",
      "重点任务台账!D4 required-missing",
      "重点任务台账!E4 required-missing",
      "重点任务台账!F4 required-missing",
      "重点任务台账!G4 required-missing",
      "重点任务台账!H4 required-missing",
      "重点任务台账!I4 required-missing",
    ]);
  });
});

describe("parse failures and rules (SPEC §4)", () => {
  it("skips status rules when the status failed to parse", () => {
    const row = validRow({ 推进状态: "已完", 完成进度: 30, 完成时间: null, 佐证材料: null });
    expect(codes([row])).toEqual(["invalid-enum"]);
  });

  it("skips status-progress-mismatch when the progress failed to parse", () => {
    expect(codes([doneRow({ 完成进度: "差不多" })])).toEqual(["invalid-number"]);
    expect(codes([doneRow({ 完成进度: 130 })])).toEqual(["out-of-range"]);
    expect(codes([doneRow({ 完成进度: { error: "#DIV/0!" } })])).toEqual(["formula-error"]);
  });

  it("skips done-date-missing when 完成时间 holds a formula error", () => {
    expect(codes([doneRow({ 完成时间: { error: "#N/A" } })])).toEqual(["formula-error"]);
  });

  it("skips rules needing an empty required cell", () => {
    expect(codes([doneRow({ 推进状态: null, 完成进度: 20 })])).toEqual(["required-missing"]);
    expect(codes([doneRow({ 完成进度: null })])).toEqual(["required-missing"]);
  });

  it("gives a cell at most one parse issue", () => {
    const row: RowSpec = {
      序号: { error: "#N/A" },
      任务编号: "#REF!",
      任务类别: { error: "#N/A" },
      重点任务: " ",
      责任单位: "#N/A",
      责任人: null,
      完成时限: { error: "#VALUE!" },
      推进状态: "#N/A",
      完成进度: "#DIV/0!",
      完成时间: { error: "#N/A" },
      佐证材料: { error: "#N/A" },
      备注: { error: "#N/A" },
    };
    const issues = issuesOf(ledgerBook({ rows: [row] }));
    const cells = issues.map((i) => i.cell);
    expect(new Set(cells).size).toBe(cells.length);
    expect(issues).toHaveLength(12);
    expect(issues.filter((i) => i.code !== "formula-error").map((i) => `${i.cell} ${i.code}`)).toEqual([
      "D4 required-missing",
      "F4 required-missing",
    ]);
  });
});

describe("as-of date (统计截止日期)", () => {
  const book = (asOf: string | null) =>
    ledgerBook({ rows: [doneRow({ 完成时间: "2022-10-20" })] }, [
      rosterSheet(),
      ...(asOf === null ? [] : [settingsSheet([["统计截止日期", asOf]])]),
    ]);
  const future = (run: ReturnType<typeof validateBook>) =>
    run.issues.some((i) => i.code === "done-date-in-future");

  it("is --as-of first, over 设置", () => {
    const run = validateBook(book("2022-10-31"), { asOf: "2022-10-15" });
    expect(run.asOf).toBe("2022-10-15");
    expect(future(run)).toBe(true);
  });

  it("is 设置's 统计截止日期 without the option, over today", () => {
    const run = validateBook(book("2022-10-15"), { today: "2022-12-01" });
    expect(run.asOf).toBe("2022-10-15");
    expect(future(run)).toBe(true);
    expect(future(validateBook(book("2022-10-31"), { today: "2022-10-01" }))).toBe(false);
  });

  it("is today without both", () => {
    expect(validateBook(book(null), { today: "2022-10-19" }).asOf).toBe("2022-10-19");
    expect(future(validateBook(book(null), { today: "2022-10-19" }))).toBe(true);
    expect(future(validateBook(book(null), { today: "2022-10-20" }))).toBe(false);
  });

  it("regression: is one date for the whole run, even when another file's 设置 names another", () => {
    const run = validateRun(
      [
        { file: "a.xlsx", workbook: book("2022-10-31") },
        { file: "b.xlsx", workbook: book("2022-10-15") },
      ],
      { today: "2022-12-01" },
    );
    expect(run.asOf).toBe("2022-10-31");
    expect(run.issues.filter((i) => i.code === "done-date-in-future")).toEqual([]);
  });
});

describe("1904 date system", () => {
  // Serial 43404 is 2022-11-01 in the 1904 system and 2018-10-31 in the 1900 system.
  const rows = [doneRow({ 完成时限: 43372, 完成时间: 43404 })];

  it("reads serials from 1904-01-01 when the workbook says so", () => {
    const book = { ...ledgerBook({ rows }), date1904: true };
    const run = validateBook(book, { asOf: "2022-10-31" });
    expect(run.issues).toEqual([expected("done-date-in-future", "J4", "完成时间", 43404)]);
    expect(run.files[0]!.rows[0]!.deadline).toBe(Date.UTC(2022, 8, 30) / 86_400_000);
  });

  it("reads the same serials in the 1900 system otherwise", () => {
    const run = validateBook(ledgerBook({ rows }), { asOf: "2022-10-31" });
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows[0]!.doneDate).toBe(Date.UTC(2018, 9, 31) / 86_400_000);
  });

  it("keeps YYYYMMDD numbers and date cells as they are", () => {
    const book = {
      ...ledgerBook({ rows: [doneRow({ 完成时限: 20221231, 完成时间: new Date(Date.UTC(2022, 8, 15)) })] }),
      date1904: true,
    };
    const run = validateBook(book);
    expect(run.issues).toEqual([]);
    expect(run.files[0]!.rows[0]!.deadline).toBe(Date.UTC(2022, 11, 31) / 86_400_000);
  });
});

describe("severity and counts", () => {
  it("counts errors and warnings per sheet, header issues included", () => {
    const run = validateBook(
      ledgerBook({
        headers: [...HEADERS, "其他说明"],
        rows: [validRow({ 推进状态: "进行中" }), null, validRow({ 任务编号: "CS-02", 完成时限: "10月底" })],
      }),
    );
    expect(run.files[0]!.sheets[0]).toEqual({
      sheet: "重点任务台账",
      headerRow: 3,
      rows: 2,
      errors: 1,
      warnings: 3,
    });
    expect(run.files[0]!.rows.map((r) => r.errors)).toEqual([0, 1]);
  });

  it("uses the roster of the sample for every unit", () => {
    const rows = ROSTER.map(([name], i) => validRow({ 任务编号: `T${i}`, 责任单位: name }));
    expect(codes(rows)).toEqual([]);
  });
});
