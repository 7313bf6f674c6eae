/**
 * The notice as a document (SPEC §7): 版头, title, 主送, four numbered sections, 落款, the list of
 * attachments, and attachments 1 and 2. It holds the words and the figures, not the layout: the
 * sheet plan (`buildNoticePlans`) and the Word renderer both render this one model, so their text is
 * the same. Every number in the prose is taken from the same `NoticeData` as the tables beside it.
 */
import type { IsoDate } from "../date";
import type { DocAttachment, DocBlock, DocCell, DocTable } from "../document";
import { categoryKey } from "../history";
import { repeating } from "../plan/layout";
import { DEFAULT_SETTINGS } from "../settings";
import type { NoticeData } from "./compute";
import { chineseDate, describeProblems, describeRequirements, describeSituation } from "./prose";
import { groupTables, listSections } from "./tables";

export interface NoticeDocument {
  /** 版头: the red masthead text, `第N期`, 发文机关 (or `null`) and 成文日期 in words. */
  readonly banner: {
    readonly masthead: string;
    readonly issue: string;
    readonly issuer: string | null;
    readonly date: string;
  };
  readonly title: string;
  /** `（统计截至2022年10月31日）` */
  readonly subtitle: string;
  /** 主送, ending with `：` */
  readonly addressee: string;
  readonly body: readonly DocBlock[];
  readonly signoff: { readonly issuer: string | null; readonly date: string };
  /** `附件：1. 逾期任务清单  2. 临期任务清单  3. 台账填报问题清单` */
  readonly attachmentLine: string;
  /** Attachments 1 and 2; attachment 3 is the validation report (`report/`), added by the notice workbook. */
  readonly attachments: readonly [DocAttachment, DocAttachment];
}

/**
 * The settings of §9 the document uses (`设置`'s 发文机关, 成文日期, 主送, 补报天数); the defaults of
 * `DEFAULT_SETTINGS` apply for each one left out.
 */
export interface DocumentOptions {
  /** 发文机关; without it the 版头 line shows only the date and 落款 only the date. */
  readonly issuer?: string | null;
  /** 成文日期; default `today`. */
  readonly documentDate?: IsoDate | null;
  /** 主送 */
  readonly addressee?: string | null;
  /** 补报天数 (default 3). */
  readonly resubmitDays?: number | null;
  /** The day the notice is generated (成文日期's default). */
  readonly today: IsoDate;
}

export const ATTACHMENT_TITLES = ["逾期任务清单", "临期任务清单", "台账填报问题清单"] as const;

/** `关于基层党建工作重点任务推进情况的通报`, or `关于巡察整改任务推进情况的专项通报`. */
export function noticeTitle(categories: readonly string[] | null): string {
  return categories === null
    ? "关于基层党建工作重点任务推进情况的通报"
    : `关于${categoryKey(categories)}任务推进情况的专项通报`;
}

/** The settings the document's words depend on, resolved. */
export interface DocumentContext {
  readonly issuer: string | null;
  readonly documentDate: IsoDate;
  readonly addressee: string;
  readonly resubmitDays: number;
}

function resolve(options: DocumentOptions): DocumentContext {
  const issuer = options.issuer?.trim() ? options.issuer.trim() : null;
  const addressee = options.addressee?.trim() ? options.addressee.trim() : DEFAULT_SETTINGS.addressee;
  return {
    issuer,
    documentDate: options.documentDate ?? options.today,
    // 主送 ends with a full-width colon as 公文 do; one typed without it gets it.
    addressee: /[：:]$/u.test(addressee) ? addressee : `${addressee}：`,
    resubmitDays: options.resubmitDays ?? DEFAULT_SETTINGS.resubmitDays,
  };
}

/**
 * The notice document.
 *
 * @example buildNoticeDocument(notice, { today: "2022-11-01" }).title // "关于基层党建工作重点任务推进情况的通报"
 */
export function buildNoticeDocument(notice: NoticeData, options: DocumentOptions): NoticeDocument {
  const context = resolve(options);
  const date = chineseDate(context.documentDate);
  const masthead =
    notice.categories === null ? "重点任务推进情况通报" : `${categoryKey(notice.categories)}专项通报`;
  const body: DocBlock[] = [
    { kind: "heading", level: 1, text: "一、基本情况" },
    ...describeSituation(notice),
    ...groupTables(notice),
    { kind: "heading", level: 1, text: "二、红黑榜" },
    ...listSections(notice),
    { kind: "heading", level: 1, text: "三、存在问题" },
    ...describeProblems(notice),
    { kind: "heading", level: 1, text: "四、下步要求" },
    ...describeRequirements(notice, context),
  ];
  return {
    banner: { masthead, issue: `第${notice.period}期`, issuer: context.issuer, date },
    title: noticeTitle(notice.categories),
    subtitle: `（统计截至${chineseDate(notice.asOf)}）`,
    addressee: context.addressee,
    body,
    signoff: { issuer: context.issuer, date },
    attachmentLine: `附件：${ATTACHMENT_TITLES.map((t, i) => `${i + 1}. ${t}`).join("  ")}`,
    attachments: taskAttachments(notice),
  };
}

const TASK_WIDTHS = [16, 10, 36, 12, 10, 9, 10];

/**
 * The rows of a task list. A list is sorted by unit, then deadline, so a unit, a deadline and its
 * days, a status or an owner often repeat from the row above: such a row holds the same cell
 * (cells are never changed), which saves most of the cells of a long list (附件1 of a 100k-row
 * ledger has 40,000 rows) and lets the sheet writer work each repeated cell out once.
 */
function taskRows(tasks: NoticeData["overdueTasks"], days: (d: number) => string): DocCell[][] {
  const unit = repeating((text: string): DocCell => ({ text }));
  const deadline = repeating((text: string): DocCell => ({ text, format: "date" }));
  const daysCell = repeating((d: number): DocCell =>
    d === 0 && days(0) !== "0" ? { text: days(0) } : { text: days(d), number: d },
  );
  const status = repeating((text: string): DocCell => ({ text }));
  const owner = repeating((text: string): DocCell => ({ text }));
  return tasks.map((t) => [
    unit(t.unit),
    { text: t.taskId ?? "" },
    { text: t.task ?? "" },
    deadline(t.deadline),
    daysCell(t.days),
    status(t.status ?? ""),
    owner(t.owner ?? ""),
  ]);
}

function taskAttachments(notice: NoticeData): [DocAttachment, DocAttachment] {
  const table = (
    daysHeader: string,
    tasks: NoticeData["overdueTasks"],
    days: (d: number) => string,
  ): DocTable => ({
    headers: ["单位", "任务编号", "重点任务", "完成时限", daysHeader, "推进状态", "责任人"],
    widths: TASK_WIDTHS,
    textColumns: [0, 1, 2, 6],
    tone: "plain",
    rows: taskRows(tasks, days),
  });
  return [
    {
      label: "附件1",
      title: ATTACHMENT_TITLES[0],
      intro: [],
      table: table("逾期天数", notice.overdueTasks, String),
      empty: "本期无逾期任务。",
    },
    {
      label: "附件2",
      title: ATTACHMENT_TITLES[1],
      intro: [],
      table: table("剩余天数", notice.dueSoonTasks, (d) => (d === 0 ? "当日到期" : String(d))),
      empty: `本期无${notice.settings.dueSoonDays}日内到期的任务。`,
    },
  ];
}
