/**
 * The row rules of SPEC §4, one table row each: the code, the column its issue sits on, and the
 * check. A check returns the issue's parameters when the rule is broken, `null` when it holds — or
 * when a cell it needs did not parse (SPEC §4: such a rule is skipped for that row). `duplicate-task`
 * looks across rows and lives in `validate.ts`.
 */
import type { IssueDetail } from "../issue";
import type { ColumnKey } from "./columns";
import type { LedgerContext, ParsedRow } from "./row";
import { isCompleted } from "./status";

export interface RowRule {
  readonly code: IssueDetail["code"];
  /** The column whose cell the issue is reported on. */
  readonly column: ColumnKey;
  readonly check: (row: ParsedRow, context: LedgerContext) => IssueDetail | null;
}

export const ROW_RULES: readonly RowRule[] = [
  {
    // Completed with progress ≠ 100; 未启动 with progress ≠ 0; 推进中 with progress = 100.
    code: "status-progress-mismatch",
    column: "progress",
    check: ({ status: { value: st }, progress: { value: p } }) => {
      if (st === null || p === null) return null;
      const mismatch =
        (isCompleted(st) && p !== 100) || (st === "未启动" && p !== 0) || (st === "推进中" && p === 100);
      return mismatch ? { code: "status-progress-mismatch", params: { status: st } } : null;
    },
  },
  {
    // Completed and 完成时间 empty.
    code: "done-date-missing",
    column: "doneDate",
    check: ({ status: { value: st }, doneDate }) =>
      st !== null && isCompleted(st) && doneDate.kind === "empty"
        ? { code: "done-date-missing", params: { status: st } }
        : null,
  },
  {
    // Not completed and 完成时间 filled (with a date: a garbage one is `invalid-date` only).
    code: "done-date-unexpected",
    column: "doneDate",
    check: ({ status: { value: st }, doneDate }) =>
      st !== null && !isCompleted(st) && doneDate.kind === "ok"
        ? { code: "done-date-unexpected", params: { status: st } }
        : null,
  },
  {
    // 已销号 and 佐证材料 empty.
    code: "evidence-missing",
    column: "evidence",
    check: ({ status, evidence }) =>
      status.value === "已销号" && evidence.kind === "empty" ? { code: "evidence-missing" } : null,
  },
  {
    // 完成时间 after the as-of date.
    code: "done-date-in-future",
    column: "doneDate",
    check: ({ doneDate }, context) =>
      doneDate.value !== null && doneDate.value > context.asOfDay ? { code: "done-date-in-future" } : null,
  },
];
