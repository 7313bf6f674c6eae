/**
 * The Word version lists at most WORD_TABLE_ROWS rows of an attachment and says where the whole list
 * is; the workbook's attachment keeps every row. Shorter attachments are whole.
 */
import { strFromU8, unzipSync } from "fflate";
import { WORD_TABLE_ROWS, renderNoticeDocx } from "../../../src/adapters/docx";
import { type NoticeDocument, planNoticeWorkbook, validateRun } from "../../../src/core";
import { loadWorkbooks } from "../../../src/cli/load";
import { sampleFiles } from "../../../src/cli/demo-command";

async function sampleDocument(): Promise<NoticeDocument> {
  const quiet = { stdout: () => {}, stderr: () => {}, today: "2022-11-01", progress: false };
  const { loaded } = await loadWorkbooks(await sampleFiles(2), quiet);
  const wb = planNoticeWorkbook(validateRun(loaded, { today: "2022-11-01" }), {
    history: [],
    today: "2022-11-01",
  });
  if (!wb.ok) throw new Error("the sample's 设置 or 单位名册 has errors");
  return wb.document;
}

/** The document.xml text of the rendered .docx. */
async function wordXml(doc: NoticeDocument): Promise<string> {
  const bytes = await renderNoticeDocx(doc, doc.attachments);
  return strFromU8(unzipSync(bytes)["word/document.xml"]!);
}

const count = (xml: string, text: string) => xml.split(text).length - 1;

test("an attachment longer than WORD_TABLE_ROWS: the first rows, then a line naming the total", async () => {
  const doc = await sampleDocument();
  const overdue = doc.attachments[0]!;
  expect(overdue.table.rows.length).toBeGreaterThan(1);
  const total = WORD_TABLE_ROWS + 123;
  // Each row made recognisable by its task id.
  const rows = Array.from({ length: total }, (_, i) =>
    overdue.table.rows[i % overdue.table.rows.length]!.map((c, col) =>
      col === 1 ? { ...c, text: `ID-${i}#` } : c,
    ),
  );
  const xml = await wordXml({
    ...doc,
    attachments: [{ ...overdue, table: { ...overdue.table, rows } }, doc.attachments[1]],
  });
  expect(count(xml, "#</w:t>")).toBe(WORD_TABLE_ROWS);
  expect(xml).toContain(`ID-${WORD_TABLE_ROWS - 1}#`);
  expect(xml).not.toContain(`ID-${WORD_TABLE_ROWS}#`);
  expect(xml).toContain(
    `（本附件1共 ${total} 行，此处列出前 ${WORD_TABLE_ROWS} 行；完整清单见通报工作簿中的附件1。）`,
  );
});

test("an attachment within the limit is whole, with no such line", async () => {
  const doc = await sampleDocument();
  const xml = await wordXml(doc);
  for (const a of doc.attachments) {
    for (const row of a.table.rows) expect(xml).toContain(`>${row[1]!.text}</w:t>`);
  }
  expect(xml).not.toContain("此处列出前");
});
