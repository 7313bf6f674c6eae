/**
 * Look at the notice as it prints (SPEC §7, issue #10 "Look at it"): the CLI writes the bundled
 * sample's 通报 as a workbook and as Word; LibreOffice prints both to PDF, pdftoppm turns the pages
 * into PNGs kept under `artifacts/print/` to look at, and `pdftotext -layout` checks page by page that
 * no page continues a table without its header row and no heading is the last line of a page. The
 * .docx's 公文 format (grid, margins, fonts, repeated header rows, page numbers) is checked in its
 * XML, and its text is the sheet's.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { type DocTable, type NoticeDocument, planNoticeWorkbook, validateRun } from "../../src/core";
import { cli } from "../cli/helpers";
import { convertWithLibreOffice, libreOfficeAvailable } from "../helpers/libreoffice";
import {
  headingsAtPageFoot,
  pdfPageLines,
  pdftotextAvailable,
  rowsWithoutHeader,
} from "../helpers/print-check";
import { loadWorkbooks } from "../../src/cli/load";
import { sampleFiles } from "../../src/cli/demo-command";

const ARTIFACTS = join(__dirname, "..", "..", "artifacts", "print");
const canPrint = libreOfficeAvailable() && pdftotextAvailable();

/** The document of period 2, as the CLI computes it (same inputs, same today). */
async function sampleDocument(history: string): Promise<{ doc: NoticeDocument; report: DocTable }> {
  const quiet = { stdout: () => {}, stderr: () => {}, today: "2022-11-01", progress: false };
  const { loaded } = await loadWorkbooks(await sampleFiles(2), quiet);
  const run = validateRun(loaded, { today: "2022-11-01" });
  const previous = await readWorkbookFile(history);
  const { readWorkbookHistory } = await import("../../src/core");
  const wb = planNoticeWorkbook(run, { history: readWorkbookHistory(previous) ?? [], today: "2022-11-01" });
  if (!wb.ok) throw new Error("the sample's 设置 or 单位名册 has errors");
  return { doc: wb.document, report: wb.report.table };
}

function tablesOf(doc: NoticeDocument, report: DocTable) {
  const body = doc.body.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  return [
    // Body tables: a row is known by its first three cells (rank or 序号, unit, figure or group).
    ...body.map((t) => ({ header: t.headers, rows: t.rows.map((r) => r.slice(0, 3).map((c) => c.text)) })),
    // Attachments: by unit and task id; the report by unit, file, sheet.
    ...doc.attachments.map((a) => ({
      header: a.table.headers,
      rows: a.table.rows.map((r) => r.slice(0, 2).map((c) => c.text)),
    })),
    { header: report.headers, rows: report.rows.map((r) => r.slice(0, 3).map((c) => c.text)) },
  ];
}

const headingsOf = (doc: NoticeDocument) =>
  doc.body.flatMap((b) => (b.kind === "heading" ? [b.text] : [])).concat([doc.title]);

(canPrint ? describe : describe.skip)("the bundled sample's notice, printed", () => {
  let dir: string;
  let xlsxPdf: string;
  let docxPdf: string;
  let docx: string;
  let sample: { doc: NoticeDocument; report: DocTable };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "taizhang-print-"));
    const n1 = join(dir, "通报-第1期.xlsx");
    const n2 = join(dir, "通报-第2期.xlsx");
    docx = join(dir, "通报-第2期.docx");
    expect((await cli(["notice", ...(await sampleFiles(1)), "--out", n1])).code).toBe(1);
    const r = await cli(["notice", ...(await sampleFiles(2)), "--out", n2, "--history", n1, "--docx", docx]);
    expect(r.stderr).toBe("");
    sample = await sampleDocument(n1);
    mkdirSync(join(dir, "x"));
    mkdirSync(join(dir, "d"));
    xlsxPdf = (await convertWithLibreOffice(n2, "pdf", join(dir, "x"))).paths[0]!;
    docxPdf = (await convertWithLibreOffice(docx, "writer-pdf", join(dir, "d"))).paths[0]!;
    // PNGs to look at (kept after the run; not checked in).
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", xlsxPdf, join(ARTIFACTS, "xlsx-page")]);
    execFileSync("pdftoppm", ["-png", "-r", "60", docxPdf, join(ARTIFACTS, "docx-page")]);
  }, 600_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(["xlsx", "docx"])("%s: no page continues a table without its header row", (kind) => {
    const pages = pdfPageLines(kind === "xlsx" ? xlsxPdf : docxPdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(rowsWithoutHeader(pages, tablesOf(sample.doc, sample.report))).toEqual([]);
  });

  test.each(["xlsx", "docx"])("%s: no heading is the last line of a page", (kind) => {
    const pages = pdfPageLines(kind === "xlsx" ? xlsxPdf : docxPdf);
    expect(headingsAtPageFoot(pages, headingsOf(sample.doc))).toEqual([]);
  });

  test("docx: rates, dates and 责任人 are never broken over two lines; the task text wraps instead", () => {
    const text = execFileSync("pdftotext", ["-layout", docxPdf, "-"], { encoding: "utf8" });
    const tokens = text.split(/\s+/u);
    // A rate broken as `89.5` / `%`, a date as `2022-09-` / `30`.
    expect(tokens.filter((t) => t === "%" || /^\d{4}-\d{2}-$/u.test(t))).toEqual([]);
    // Every 责任人 of 附件1 and 附件2 stands whole on one line.
    const people = sample.doc.attachments.flatMap((a) => {
      const column = a.table.headers.indexOf("责任人");
      return column < 0 ? [] : a.table.rows.map((r) => r[column]!.text).filter((t) => t !== "");
    });
    expect(people.length).toBeGreaterThan(20);
    expect(people.filter((name) => !tokens.includes(name))).toEqual([]);
  });

  test("the checks fail on a page that continues a table without its header, or ends with a heading", () => {
    const pages = [["一、基本情况", "（一）县市区（9个单位参与排名）"], ["2浮溪县3833"]];
    const table = { header: ["排名", "单位"], rows: [["2", "浮溪县", "38"]] };
    expect(rowsWithoutHeader(pages, [table])).toEqual(["page 2: 2浮溪县3833"]);
    expect(headingsAtPageFoot(pages, ["（一）县市区（9个单位参与排名）"])).toEqual([
      "page 1: （一）县市区（9个单位参与排名）",
    ]);
  });

  test("docx: A4, the 公文 margins, a 28 × 28 grid, fonts with fallbacks, repeated header rows, — N —", () => {
    const files = unzipSync(new Uint8Array(readFileSync(docx)));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37, 35, 28, 26 mm in twips (1 mm = 56.7 twips).
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(xml);
    expect(grid).not.toBeNull();
    // 28 lines in the text height (297 − 37 − 35 mm), 28 characters in the text width (210 − 28 − 26 mm).
    expect(Math.floor((16838 - 2098 - 1985) / Number(grid![1]))).toBe(28);
    const pitchPt = 16 + Number(grid![2]) / 4096;
    expect(Math.floor(((11906 - 1588 - 1474) / 20 / pitchPt) * 1000) / 1000).toBeCloseTo(28, 1);
    // Title 方正小标宋简体 二号 (44 half-points), body 仿宋_GB2312 三号, headings 黑体 and 楷体_GB2312.
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>(<w:b\/>)?(<w:bCs\/>)?<w:sz w:val="44"\/>/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    const fonts = strFromU8(files["word/fontTable.xml"]!);
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
    const footer = Object.keys(files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    const footerXml = strFromU8(files[footer]!);
    expect(footerXml).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
  });

  test("docx: the text is the sheet's", async () => {
    const files = unzipSync(new Uint8Array(readFileSync(docx)));
    const xml = strFromU8(files["word/document.xml"]!);
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    );
    const docText = paragraphs.join("\n");
    const sheet = (await readWorkbookFile(join(dir, "通报-第2期.xlsx"))).sheets[0]!;
    const sheetText = sheet.values
      .flatMap((r) => (r ?? []).filter((v): v is string => typeof v === "string"))
      .join("\n");
    const { doc } = sample;
    const texts = [
      doc.title,
      doc.subtitle,
      doc.addressee,
      doc.attachmentLine,
      ...doc.body.flatMap((b) =>
        b.kind === "table" ? [] : [b.kind === "paragraph" ? `${b.lead ?? ""}${b.text}` : b.text],
      ),
    ];
    for (const t of texts) {
      expect([t, docText.includes(t)]).toEqual([t, true]);
      expect([t, sheetText.replace(/\n/g, "").includes(t)]).toEqual([t, true]);
    }
  });
});
