import { OutputWriteError, renderWorkbookBuffer } from "../../../src/adapters/xlsx/write";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan";
import {
  cellText,
  cellXml,
  definedNames,
  elementAttributes,
  loadWorkbook,
  partText,
  sheetEntries,
  sheetXml,
  unzipXlsx,
  worksheetChildren,
} from "../../helpers/xlsx-inspect";

function sheet(name: string, rows: Array<Array<PlanCell | null>>, extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, rows, styles: {}, merges: [], columnWidths: [], ...extra };
}

async function render(plan: WorkbookPlan) {
  const bytes = await renderWorkbookBuffer(plan);
  return { bytes, parts: unzipXlsx(bytes) };
}

async function renderError(plan: WorkbookPlan): Promise<OutputWriteError> {
  const error = await renderWorkbookBuffer(plan).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputWriteError);
  const message = (error as OutputWriteError).message;
  expect(message).not.toMatch(/\n/);
  return error as OutputWriteError;
}

/** CT_Worksheet child order (ECMA-376 Part 1, 18.3.1.99), the subset a writer may produce. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetProtection",
  "autoFilter",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "drawing",
  "legacyDrawing",
  "tableParts",
  "extLst",
];

function expectSchemaOrder(xml: string): void {
  const children = worksheetChildren(xml);
  for (const child of children) expect(WORKSHEET_ORDER).toContain(child);
  const positions = children.map((c) => WORKSHEET_ORDER.indexOf(c));
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

describe("values", () => {
  const tricky = ["=SUM(A1)", "+1", "-x", "@a", "=1+1", '=HYPERLINK("http://x")', "-", "=", " =A1"];

  test("strings that look like formulas stay literal text", async () => {
    const { bytes, parts } = await render({
      sheets: [
        sheet(
          "S",
          tricky.map((v) => [{ value: v }]),
        ),
      ],
    });
    const xml = sheetXml(parts, "S");
    tricky.forEach((value, i) => {
      const c = cellXml(xml, `A${i + 1}`);
      expect(c).toBeDefined();
      expect(c).not.toMatch(/<f[\s>]/);
      expect(c).toMatch(/t="inlineStr"/);
      expect(cellText(parts, "S", `A${i + 1}`)).toBe(value);
    });
    expect(xml).not.toMatch(/<f[\s>]/);
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    tricky.forEach((value, i) => expect(ws?.getCell(`A${i + 1}`).value).toBe(value));
  });

  test("formulas are real formulas, with or without a cached result, leading = dropped", async () => {
    const { bytes, parts } = await render({
      sheets: [
        sheet("S", [
          [{ value: 1 }, { value: { formula: "SUM(A1:A3)", result: 6 } }],
          [{ value: 2 }, { value: { formula: "=A1*2" } }],
          [{ value: 3 }, { value: { formula: 'IF(A1>0,"正","负")', result: "正" } }],
        ]),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(cellXml(xml, "B1")).toMatch(/<f>SUM\(A1:A3\)<\/f><v>6<\/v>/);
    expect(cellXml(xml, "B2")).toMatch(/<f>A1\*2<\/f>/);
    expect(cellXml(xml, "B2")).not.toMatch(/<v>/);
    expect(cellXml(xml, "B3")).toMatch(/t="str"/);
    expect(cellXml(xml, "B3")).toMatch(/<v>正<\/v>/);
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    expect(ws?.getCell("B1").value).toEqual({ formula: "SUM(A1:A3)", result: 6 });
    expect(ws?.getCell("B2").formula).toBe("A1*2");
  });

  test("numbers, booleans, empty cells with a style", async () => {
    const { parts } = await render({
      sheets: [
        sheet(
          "S",
          [[{ value: 42.5 }, { value: true }, { value: false }, { value: null, style: "box" }, null]],
          {
            styles: { box: { border: true } },
          },
        ),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(cellXml(xml, "A1")).toMatch(/^<c r="A1"(?: s="\d+")?><v>42.5<\/v><\/c>$/);
    expect(cellXml(xml, "B1")).toMatch(/t="b"[^>]*><v>1<\/v>/);
    expect(cellXml(xml, "C1")).toMatch(/t="b"[^>]*><v>0<\/v>/);
    expect(cellXml(xml, "D1")).toMatch(/^<c r="D1" s="[1-9]\d*"\s*\/>$/);
    expect(cellXml(xml, "E1")).toBeUndefined();
  });

  test("text Excel would decode as an _xHHHH_ escape is escaped", async () => {
    const { parts } = await render({ sheets: [sheet("S", [[{ value: "编号_x0041_" }]])] });
    expect(cellXml(sheetXml(parts, "S"), "A1")).toContain("<t>编号_x005F_x0041_</t>");
  });

  test("control characters and carriage returns are written as Excel's _xHHHH_ escapes", async () => {
    const { parts } = await render({ sheets: [sheet("S", [[{ value: "a\u0001b\r\nc\td" }]])] });
    expect(cellXml(sheetXml(parts, "S"), "A1")).toContain("<t>a_x0001_b_x000D_\nc\td</t>");
  });

  test("markup characters and white space at either end survive", async () => {
    const texts = [" 前有空格", "后有空格 ", "a<b&c>d", "\n换行开头", "全角　空格　"];
    const { bytes, parts } = await render({
      sheets: [
        sheet(
          "S",
          texts.map((value) => [{ value }]),
        ),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(cellXml(xml, "A1")).toContain('<t xml:space="preserve"> 前有空格</t>');
    expect(cellXml(xml, "A3")).toContain("<t>a&lt;b&amp;c&gt;d</t>");
    // An ideographic space is not XML white space: nothing to preserve.
    expect(cellXml(xml, "A5")).toContain("<t>全角　空格　</t>");
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    texts.forEach((value, i) => expect(ws?.getCell(`A${i + 1}`).value).toBe(value));
  });

  test("a non-finite number is refused, naming the cell", async () => {
    const error = await renderError({ sheets: [sheet("S", [[null, { value: Number.NaN }]])] });
    expect(error.message).toContain("B1");
    expect(error.message).toContain("“S”");
  });
});

describe("styles", () => {
  const styles = {
    head: {
      bold: true,
      fontSize: 12,
      fontColor: "FFFFFF",
      fill: "1F4E78",
      hAlign: "center",
      vAlign: "middle",
      wrap: true,
      border: true,
    },
    note: { italic: true, indent: 2 },
    pct: { numFmt: "0.0%", hAlign: "right" },
  } as const;

  test("font, fill, number format, alignment, indent and borders are written", async () => {
    const { bytes } = await render({
      sheets: [
        sheet(
          "S",
          [
            [
              { value: "完成率", style: "head" },
              { value: "说明", style: "note" },
              { value: 0.4286, style: "pct" },
            ],
          ],
          {
            styles,
          },
        ),
      ],
    });
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    const head = ws?.getCell("A1");
    expect(head?.font).toMatchObject({ bold: true, size: 12, color: { argb: "FFFFFFFF" } });
    expect(head?.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } });
    expect(head?.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    for (const side of ["top", "left", "bottom", "right"] as const)
      expect(head?.border?.[side]?.style).toBe("thin");
    const note = ws?.getCell("B1");
    expect(note?.font).toMatchObject({ italic: true });
    expect(note?.font?.bold).toBeFalsy();
    expect(note?.alignment).toMatchObject({ indent: 2, horizontal: "left" });
    expect(note?.border?.top).toBeUndefined();
    const pct = ws?.getCell("C1");
    expect(pct?.numFmt).toBe("0.0%");
    expect(pct?.alignment).toMatchObject({ horizontal: "right" });
    expect(pct?.value).toBe(0.4286);
  });

  test("an unknown style id or a malformed colour is refused", async () => {
    const unknown = await renderError({ sheets: [sheet("S", [[{ value: "x", style: "nope" }]])] });
    expect(unknown.message).toContain("nope");
    const badColour = await renderError({
      sheets: [sheet("S", [[{ value: "x", style: "red" }]], { styles: { red: { fill: "red" } } })],
    });
    expect(badColour.message).toContain("red");
  });
});

describe("layout", () => {
  test("merges keep the top-left value, spread its style and ignore covered values", async () => {
    const { bytes, parts } = await render({
      sheets: [
        sheet(
          "S",
          [
            [
              { value: "关于基层党建工作重点任务推进情况的通报（第3期）", style: "title" },
              { value: "ignored" },
            ],
            [{ value: "a" }, { value: "b", style: "plain" }],
            [{ value: "c" }, null],
          ],
          {
            styles: { title: { bold: true, border: true }, plain: { italic: true } },
            merges: [
              { top: 0, left: 0, bottom: 0, right: 3 },
              { top: 1, left: 1, bottom: 2, right: 1 },
            ],
          },
        ),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(xml).toContain('<mergeCell ref="A1:D1"/>');
    expect(xml).toContain('<mergeCell ref="B2:B3"/>');
    expect(cellXml(xml, "B1")).not.toMatch(/<v>/);
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    expect(ws?.getCell("A1").value).toBe("关于基层党建工作重点任务推进情况的通报（第3期）");
    expect(ws?.getCell("D1").border?.right?.style).toBe("thin");
    expect(ws?.getCell("D1").font?.bold).toBe(true);
    expect(ws?.getCell("B2").value).toBe("b");
  });

  test("overlapping merges are refused", async () => {
    const error = await renderError({
      sheets: [
        sheet("S", [[{ value: "x" }]], {
          merges: [
            { top: 0, left: 0, bottom: 1, right: 1 },
            { top: 1, left: 1, bottom: 2, right: 2 },
          ],
        }),
      ],
    });
    expect(error.message).toContain("B2:C3");
  });

  test("column widths, row heights and frozen panes", async () => {
    const { bytes, parts } = await render({
      sheets: [
        sheet("S", [[{ value: "a" }], [{ value: "b" }], [{ value: "c" }]], {
          columnWidths: [8, 30, 12.5],
          rowHeights: { 0: 32, 2: 18 },
          freeze: { rows: 2, columns: 1 },
        }),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(xml).toMatch(/<col min="2" max="2" width="30" customWidth="1"\/>/);
    expect(elementAttributes(xml, "pane")).toMatchObject({
      xSplit: "1",
      ySplit: "2",
      topLeftCell: "B3",
      state: "frozen",
    });
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    expect(ws?.getColumn(1).width).toBe(8);
    expect(ws?.getColumn(3).width).toBe(12.5);
    expect(ws?.getRow(1).height).toBe(32);
    expect(ws?.getRow(3).height).toBe(18);
    expect(ws?.getRow(2).height).toBeUndefined();
  });

  test("no pane without a freeze", async () => {
    const { parts } = await render({ sheets: [sheet("S", [[{ value: "a" }]])] });
    expect(sheetXml(parts, "S")).not.toContain("<pane");
  });
});

describe("print setup", () => {
  const print = {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    repeatRows: { first: 0, last: 2 },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.2 },
    centerHorizontally: true,
  } as const;

  test("A4 landscape, one page wide, centred, margins and print titles", async () => {
    const { parts } = await render({
      sheets: [
        sheet("说明", [[{ value: "x" }]]),
        sheet("通报（第3期）", [[{ value: "标题" }]], { print }),
        sheet("O'Brien", [[{ value: "y" }]], {
          print: { ...print, orientation: "portrait", repeatRows: { first: 3, last: 3 } },
        }),
      ],
    });
    const xml = sheetXml(parts, "通报（第3期）");
    expect(elementAttributes(xml, "pageSetup")).toMatchObject({
      paperSize: "9",
      orientation: "landscape",
      fitToWidth: "1",
      fitToHeight: "0",
    });
    expect(elementAttributes(xml, "pageSetUpPr")).toMatchObject({ fitToPage: "1" });
    expect(elementAttributes(xml, "printOptions")).toMatchObject({ horizontalCentered: "1" });
    expect(elementAttributes(xml, "pageMargins")).toEqual({
      left: "0.4",
      right: "0.4",
      top: "0.6",
      bottom: "0.2",
      header: "0.3",
      footer: "0.2",
    });
    expectSchemaOrder(xml);
    expect(definedNames(parts).filter((n) => n.name !== "TaizhangKind")).toEqual([
      { name: "_xlnm.Print_Titles", localSheetId: 1, value: "'通报（第3期）'!$1:$3" },
      { name: "_xlnm.Print_Titles", localSheetId: 2, value: "'O''Brien'!$4:$4" },
    ]);
    expect(elementAttributes(sheetXml(parts, "O'Brien"), "pageSetup")).toMatchObject({
      orientation: "portrait",
    });
    expect(sheetXml(parts, "说明")).not.toMatch(/paperSize|fitToPage|printOptions/);
  });

  test("without fit to width there is no fitToPage", async () => {
    const { parts } = await render({
      sheets: [
        sheet("S", [[{ value: "x" }]], {
          print: { orientation: "portrait", paperSize: "A4", fitToWidth: false },
        }),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(xml).not.toContain("fitToPage");
    expect(elementAttributes(xml, "pageSetup")).toMatchObject({ paperSize: "9", orientation: "portrait" });
    expect(definedNames(parts).filter((n) => n.name !== "TaizhangKind")).toEqual([]);
  });

  test("ExcelJS reads the print setup back", async () => {
    const { bytes } = await render({ sheets: [sheet("通报", [[{ value: "x" }]], { print })] });
    const ws = (await loadWorkbook(bytes)).getWorksheet("通报");
    expect(ws?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "1:3",
    });
  });
});

describe("sheets", () => {
  test("order, hidden sheets, tab colour and the active tab", async () => {
    const { parts } = await render({
      sheets: [
        sheet("通报记录", [[{ value: "期数" }]], { visibility: "hidden" }),
        sheet("通报（第1期）", [[{ value: "x" }]], { tabColor: "C00000" }),
        sheet("校验报告", [[{ value: "y" }]]),
      ],
    });
    expect(sheetEntries(parts).map((s) => [s.name, s.state])).toEqual([
      ["通报记录", "hidden"],
      ["通报（第1期）", "visible"],
      ["校验报告", "visible"],
    ]);
    expect(elementAttributes(partText(parts, "xl/workbook.xml"), "workbookView")).toMatchObject({
      activeTab: "1",
    });
    expect(elementAttributes(sheetXml(parts, "通报（第1期）"), "tabColor")).toEqual({ rgb: "FFC00000" });
    expect(elementAttributes(sheetXml(parts, "通报（第1期）"), "sheetView")).toMatchObject({
      tabSelected: "1",
    });
    expect(elementAttributes(sheetXml(parts, "通报记录"), "sheetView")?.["tabSelected"]).toBeUndefined();
    expect(elementAttributes(sheetXml(parts, "校验报告"), "sheetView")?.["tabSelected"]).toBeUndefined();
  });

  test.each([
    ["no sheets", [] as string[]],
    ["a duplicate name (case-insensitive)", ["Report", "report"]],
    ["a name over 31 characters", ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"]],
    ["a forbidden character", ["通报[1]"]],
    ["the reserved name History", ["History"]],
  ])("refuses %s", async (_case, names) => {
    await renderError({ sheets: names.map((n) => sheet(n, [[{ value: 1 }]])) });
  });

  test("refuses a workbook whose sheets are all hidden", async () => {
    const error = await renderError({ sheets: [sheet("A", [], { visibility: "hidden" })] });
    expect(error.message).toContain("可见");
  });
});

describe("internal links", () => {
  test("a link points at a place in the workbook, without an external relationship, styled as a link", async () => {
    const { bytes, parts } = await render({
      sheets: [
        sheet(
          "校验报告",
          [
            [{ value: "=G12 日期无效", style: "b", link: { sheet: "通报记录", cell: "g12" } }],
            [{ value: "O'Brien", link: { sheet: "O'Brien", cell: "A1" } }],
            [{ value: "台账", link: { sheet: "重点任务台账", cell: "A1" } }],
          ],
          { styles: { b: { bold: true, fontSize: 12 } } },
        ),
        sheet("通报记录", [[{ value: "x" }]]),
        sheet("O'Brien", [[{ value: "y" }]]),
      ],
    });
    const xml = sheetXml(parts, "校验报告");
    const links = [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => m[0]);
    expect(links).toEqual([
      `<hyperlink ref="A1" location="&apos;通报记录&apos;!G12"/>`,
      `<hyperlink ref="A2" location="&apos;O&apos;&apos;Brien&apos;!A1"/>`,
    ]);
    expect(xml).not.toContain("r:id=");
    expect(Object.keys(parts).some((p) => p.includes("worksheets/_rels"))).toBe(false);
    expect(cellXml(xml, "A1")).not.toMatch(/<f[\s>]/);
    expectSchemaOrder(xml);

    const ws = (await loadWorkbook(bytes)).getWorksheet("校验报告");
    expect(ws?.getCell("A1").value).toBe("=G12 日期无效");
    expect(ws?.getCell("A1").font).toMatchObject({ bold: true, size: 12, color: { argb: "FF0563C1" } });
    expect(ws?.getCell("A1").font?.underline).toBeTruthy();
    // The ledger sheet is not in this workbook: plain text, not a broken link.
    expect(ws?.getCell("A3").value).toBe("台账");
    expect(ws?.getCell("A3").font?.underline).toBeUndefined();
  });

  test("a link target that is not a cell address is refused", async () => {
    const error = await renderError({
      sheets: [sheet("A", [[{ value: "x", link: { sheet: "A", cell: "not a cell" } }]])],
    });
    expect(error.message).toContain("not a cell");
  });
});

describe("bars", () => {
  test("Excel 2007 data bars on a fixed 0–1 scale, no x14 extension, in schema order", async () => {
    const { bytes, parts } = await render({
      sheets: [
        sheet(
          "S",
          [
            [{ value: "完成率" }, { value: "按时率" }],
            [
              { value: 0.5, style: "pct" },
              { value: 1, style: "pct" },
            ],
            [{ value: 0.25, style: "pct" }, { value: "—" }],
          ],
          {
            styles: { pct: { numFmt: "0.0%" } },
            merges: [{ top: 3, left: 0, bottom: 3, right: 1 }],
            bars: [
              { range: { top: 1, left: 0, bottom: 2, right: 0 }, color: "5B9BD5" },
              { range: { top: 1, left: 1, bottom: 2, right: 1 }, color: "70ad47" },
            ],
            print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
          },
        ),
      ],
    });
    const xml = sheetXml(parts, "S");
    expect(xml).toContain(
      '<conditionalFormatting sqref="A2:A3"><cfRule type="dataBar" priority="1">' +
        '<dataBar minLength="0" maxLength="100"><cfvo type="num" val="0"/><cfvo type="num" val="1"/>' +
        '<color rgb="FF5B9BD5"/></dataBar></cfRule></conditionalFormatting>',
    );
    expect(xml).toMatch(/sqref="B2:B3"><cfRule type="dataBar" priority="2">.*?<color rgb="FF70AD47"\/>/);
    expect(xml).not.toMatch(/<x14:|extLst/);
    expectSchemaOrder(xml);
    // The cells keep their values and formats: the bar is drawn over them.
    const ws = (await loadWorkbook(bytes)).getWorksheet("S");
    expect(ws?.getCell("A2").value).toBe(0.5);
    expect(ws?.getCell("A2").numFmt).toBe("0.0%");
    expect(ws?.getCell("B3").value).toBe("—");
  });

  test("a malformed bar range is refused", async () => {
    await renderError({
      sheets: [
        sheet("S", [[{ value: 1 }]], {
          bars: [{ range: { top: 2, left: 0, bottom: 1, right: 0 }, color: "5B9BD5" }],
        }),
      ],
    });
  });
});

test("the package keeps [Content_Types].xml first and has no folder entries", async () => {
  const { parts } = await render({
    sheets: [sheet("S", [[{ value: "x", link: { sheet: "S", cell: "B2" } }]], { bars: [] })],
  });
  const names = Object.keys(parts);
  expect(names[0]).toBe("[Content_Types].xml");
  expect(names.filter((n) => n.endsWith("/"))).toEqual([]);
});
