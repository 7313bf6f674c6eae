/**
 * Issues (问题) are data: a stable code, a place and the raw value. Words are rendered at the edge
 * from the code (see `../message`), so the CLI and the task pane can speak Chinese or English.
 */

/** Every issue code of SPEC §4 and §8, plus the settings codes of §9. */
export const ISSUE_CODES = [
  "missing-column",
  "duplicate-column",
  "unknown-column",
  "no-roster",
  "required-missing",
  "formula-error",
  "invalid-date",
  "invalid-number",
  "out-of-range",
  "invalid-enum",
  "unknown-unit",
  "nonstandard-value",
  "ambiguous-percent",
  "status-progress-mismatch",
  "done-date-missing",
  "done-date-unexpected",
  "done-date-in-future",
  "evidence-missing",
  "duplicate-task",
  "blank-row",
  // §8 scoring
  "score-missing",
  "unit-missing-in-sheet",
  "duplicate-unit",
  "total-mismatch",
  "weights-sum",
  "bonus-capped",
  "evaluation-sheet-missing",
  "scoring-sheet-invalid",
  // §9 settings and roster
  "invalid-setting",
  "unknown-setting",
  "invalid-roster",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = "error" | "warning";

const WARNINGS: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "unknown-column",
  "no-roster",
  "nonstandard-value",
  "ambiguous-percent",
  "blank-row",
  "total-mismatch",
  "bonus-capped",
  "unknown-setting",
]);

export function severityOf(code: IssueCode): Severity {
  return WARNINGS.has(code) ? "warning" : "error";
}

/**
 * What a value should have been, as a code (`invalid-setting`, `invalid-roster`); each message
 * language words it.
 */
export type Expectation =
  | "positive-integer"
  | "date"
  | "count"
  | "rate"
  | "ranking-method"
  | "category-list"
  | "grade-lines"
  | "text"
  | "non-negative-number"
  | "grade"
  | "ratio"
  /** 考核权重: each evaluation sheet once. */
  | "listed-once"
  /** 考核权重: a weight 0–100. */
  | "percent"
  | "roster-header"
  | "group"
  | "history-header";

/** Typed parameters that message templates may use. */
export interface IssueParams {
  /** Row (1-based) of the first occurrence, for duplicates. */
  firstRow?: number;
  /** The setting, header or key concerned. */
  key?: string;
  /** What the value was read as, e.g. a canonical value or a number. */
  resolved?: string | number;
  /** What was expected (words at the edge). */
  expected?: Expectation;
  /** The allowed range, for `out-of-range`. */
  min?: number;
  max?: number;
  /** Extra detail, e.g. the status for a mismatch. */
  detail?: string;
  /** The file of the first occurrence, when a duplicate is in another file (scoring). */
  firstFile?: string;
  /** A computed sum (加分 before the cap, weights' total). */
  sum?: number;
  /** A limit that applied (加分上限). */
  limit?: number;
  /** What a scoring sheet lacks: its 单位 column, indicator maxima, or the 加减分 columns. */
  lacks?: "unit-column" | "maxima" | "adjustment-columns";
}

/** An issue without its rendered message. */
export interface IssueData {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 reference, or `null` for issues that have no cell (e.g. `no-roster`). */
  readonly cell: string | null;
  /** 1-based sheet row, or `null`. */
  readonly row: number | null;
  /** Canonical column header (e.g. `完成时限`), or the header text for unknown columns. */
  readonly column: string | null;
  /** The raw value as the user typed it (dates as `YYYY-MM-DD`, errors as `#N/A`). */
  readonly value: string | number | boolean | null;
  readonly suggestion: string | null;
  readonly params: IssueParams;
}

/** An issue with its message rendered in one language. */
export interface Issue extends IssueData {
  readonly message: string;
}

export function makeIssue(
  code: IssueCode,
  place: { sheet: string; cell: string | null; row: number | null; column: string | null },
  value: IssueData["value"],
  extra: { suggestion?: string | null; params?: IssueParams } = {},
): IssueData {
  return {
    code,
    severity: severityOf(code),
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    column: place.column,
    value,
    suggestion: extra.suggestion ?? null,
    params: extra.params ?? {},
  };
}

export function countIssues(issues: readonly { severity: Severity }[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
