/**
 * The notice's sheets (SPEC §7) rendered from the notice document: `通报（第N期）` — 版头, title, 主送,
 * the four sections, 落款 and the attachment line, printed A4 portrait one page wide with manual page
 * breaks so that no heading ends a page and no short table is split — and attachments 1 and 2 as
 * sheets of their own, their title and header row repeated on every printed page.
 */
import type { SheetPlan } from "../plan";
import { cell } from "../plan/layout";
import { categoryKey } from "../history";
import { BODY_SIZE, PRINT, STYLES, SheetWriter, attachmentPlan, paginate, writeBlock } from "../document";
import type { NoticeDocument } from "./document";

/** Columns of the body sheet: those of the ranked table (their sum is the page width). */
const BODY_WIDTHS = [9, 20, 7, 7, 14, 6, 10, 9, 9];
const LAST = BODY_WIDTHS.length - 1;

/** Sheet names can hold neither `\ / ? * [ ] :` nor more than 31 characters. */
const SHEET_NAME_MAX = 31;

/**
 * `通报（第3期）`, or `专项通报（巡察整改）第3期`; `suffix` (`附件1`) is appended. A 专项通报's categories
 * are shortened (`…`) so that the name with its suffix fits 31 characters.
 *
 * @example noticeSheetName(2, ["巡察整改"], "附件1") // "专项通报（巡察整改）第2期附件1"
 */
export function noticeSheetName(
  period: number,
  categories: readonly string[] | null = null,
  suffix = "",
): string {
  if (categories === null || categories.length === 0) return `通报（第${period}期）${suffix}`;
  const tail = `）第${period}期${suffix}`;
  const kinds = categoryKey(categories).replace(/[\\/?*[\]:]/gu, "");
  const room = SHEET_NAME_MAX - "专项通报（".length - tail.length;
  const chars = Array.from(kinds);
  const shown = chars.length <= room ? kinds : `${chars.slice(0, Math.max(1, room - 1)).join("")}…`;
  return `专项通报（${shown}${tail}`;
}

/** The body sheet `通报（第N期）`. */
function bodyPlan(doc: NoticeDocument, name: string): SheetPlan {
  const w = new SheetWriter(BODY_WIDTHS);
  const b = w.b;
  b.height(w.wide(doc.banner.masthead, "masthead", 26), 48);
  b.height(w.wide(doc.banner.issue, "issue", BODY_SIZE), 24);
  const line = b.add([
    cell(doc.banner.issuer ?? "", "issuer"),
    ...Array(4).fill(null),
    cell(doc.banner.date, "dateLine"),
  ]);
  b.merge(line, 0, 4);
  b.merge(line, 5, LAST);
  b.height(line, 24);
  // The red rule under the 版头: a thin row filled red, which every renderer draws the same.
  const rule = b.add(Array.from({ length: BODY_WIDTHS.length }, () => cell(null, "rule")));
  b.height(rule, 3);
  b.height(b.add([]), 10);
  w.wide(doc.title, "title", 18, 34);
  w.wide(doc.subtitle, "subtitle", BODY_SIZE, 24);
  w.wide(doc.addressee, "none", BODY_SIZE, 26);
  doc.body.forEach((block, i) => writeBlock(w, block, doc.body[i + 1]));
  b.height(b.add([]), 16);
  const signStart = b.next;
  if (doc.signoff.issuer !== null) w.wide(doc.signoff.issuer, "signoff", BODY_SIZE, 24);
  w.wide(doc.signoff.date, "signoff", BODY_SIZE, 24);
  b.height(b.add([]), 12);
  w.wide(doc.attachmentLine, "none", BODY_SIZE, 24);
  w.runs.push({ first: signStart - 1, last: b.next - 1 });
  return {
    name,
    kind: "notice",
    rows: b.rows,
    styles: STYLES,
    merges: b.merges,
    columnWidths: BODY_WIDTHS,
    rowHeights: b.rowHeights,
    print: {
      ...PRINT,
      rowBreaks: paginate(b.rowHeights, b.next, w.runs, { print: PRINT, widths: BODY_WIDTHS }),
    },
    bars: w.bars,
    charts: w.charts,
  };
}

/**
 * The notice body and attachments 1 and 2, in that order.
 *
 * @example buildNoticePlans(doc, 2, null).map(p => p.name) // ["通报（第2期）", "通报（第2期）附件1", "通报（第2期）附件2"]
 */
export function buildNoticePlans(
  doc: NoticeDocument,
  period: number,
  categories: readonly string[] | null,
): SheetPlan[] {
  return [
    bodyPlan(doc, noticeSheetName(period, categories)),
    ...doc.attachments.map((a, i) => attachmentPlan(a, noticeSheetName(period, categories, `附件${i + 1}`))),
  ];
}
