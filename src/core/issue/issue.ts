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

/** No parameters. */
type None = Readonly<Record<never, never>>;

/** A status as the row gave it (canonical), for the status rules. */
interface StatusParam {
  readonly status: string;
}

/**
 * The parameters of each code (what its message may use): a discriminated union on `code`, so that
 * every issue carries exactly the data its words need and the compiler checks both ends.
 */
export interface IssueParamMap {
  "missing-column": { readonly key: string };
  /** `firstCell`: the header cell of the column that is used. */
  "duplicate-column": { readonly firstCell: string };
  /**
   * A long run of unknown headers is one issue on its first cell: `count` columns up to `lastCell`
   * (whose header is `lastValue`). A single unknown column has none of these.
   */
  "unknown-column": { readonly count?: number; readonly lastCell?: string; readonly lastValue?: string };
  "no-roster": None;
  "required-missing": None;
  "formula-error": None;
  "invalid-date": None;
  /** What was expected (a score: `min`–`max`; an adjustment: `non-negative-number`); none for 完成进度. */
  "invalid-number": { readonly expected?: Expectation; readonly min?: number; readonly max?: number };
  "out-of-range": { readonly min: number; readonly max: number };
  "invalid-enum": None;
  "unknown-unit": None;
  /** `resolved`: the canonical value it was read as. */
  "nonstandard-value": { readonly resolved: string };
  /** `resolved`: the percentage points it was read as. */
  "ambiguous-percent": { readonly resolved: number };
  "status-progress-mismatch": StatusParam;
  "done-date-missing": StatusParam;
  "done-date-unexpected": StatusParam;
  "done-date-in-future": None;
  "evidence-missing": None;
  /** `firstRow`: 1-based row of the first occurrence. */
  "duplicate-task": { readonly firstRow: number };
  /** The run of blank rows `firstRow`–`lastRow` (1-based; equal for one row). */
  "blank-row": { readonly firstRow: number; readonly lastRow: number };
  "score-missing": None;
  "unit-missing-in-sheet": None;
  /** `firstRow` of the first occurrence; `firstFile` when it is in another file's sheet of that name. */
  "duplicate-unit": { readonly firstRow: number; readonly firstFile?: string };
  /** `resolved`: the recomputed total. */
  "total-mismatch": { readonly resolved: number };
  /** `sum`: the sum of the weights. */
  "weights-sum": { readonly sum: number };
  /** 加分 `sum` above the cap `limit` (加分上限). */
  "bonus-capped": { readonly sum: number; readonly limit: number };
  "evaluation-sheet-missing": None;
  /** What a scoring sheet lacks: its 单位 column, indicator maxima, or the 加减分 columns. */
  "scoring-sheet-invalid": { readonly lacks: "unit-column" | "maxima" | "adjustment-columns" };
  /** `key`: the setting (or sheet) concerned; `firstRow` for a sheet listed twice. */
  "invalid-setting": { readonly key: string; readonly expected?: Expectation; readonly firstRow?: number };
  "unknown-setting": None;
  /** Either what was expected, or the name/alias `clash`ing with the unit of `firstRow`. */
  "invalid-roster": { readonly expected?: Expectation; readonly clash?: string; readonly firstRow?: number };
}

/** The parameters of `code`. */
export type IssueParams<C extends IssueCode = IssueCode> = IssueParamMap[C];

/**
 * A code with its parameters, what a parser or a rule reports before it knows the cell; `params`
 * may be left out where they are all optional.
 */
export type IssueDetail = {
  readonly [C in IssueCode]: { readonly code: C } & (None extends IssueParamMap[C]
    ? { readonly params?: IssueParamMap[C] }
    : { readonly params: IssueParamMap[C] });
}[IssueCode];

/** Where an issue is. */
export interface IssuePlace {
  readonly sheet: string;
  /** A1 reference, or `null` for issues that have no cell (e.g. `no-roster`). */
  readonly cell: string | null;
  /** 1-based sheet row, or `null`. */
  readonly row: number | null;
  /** Canonical column header (e.g. `完成时限`), or the header text for unknown columns. */
  readonly column: string | null;
}

interface IssueBase<C extends IssueCode> extends IssuePlace {
  readonly code: C;
  readonly severity: Severity;
  /** The raw value as the user typed it (dates as `YYYY-MM-DD`, errors as `#N/A`). */
  readonly value: string | number | boolean | null;
  readonly suggestion: string | null;
  readonly params: IssueParamMap[C];
}

/** An issue without its rendered message: a union discriminated on `code`. */
export type IssueData = { readonly [C in IssueCode]: IssueBase<C> }[IssueCode];

/** The issue of one code. */
export type IssueOf<C extends IssueCode> = IssueBase<C>;

/** An issue with its message rendered in one language. */
export type Issue = IssueData & { readonly message: string };

type Extra<C extends IssueCode> = { readonly suggestion?: string | null } & (None extends IssueParamMap[C]
  ? { readonly params?: IssueParamMap[C] }
  : { readonly params: IssueParamMap[C] });

/**
 * An issue of `code` at `place`. Codes whose parameters are all optional may omit `params`.
 *
 * @example makeIssue("duplicate-task", place, "RW-1", { params: { firstRow: 4 } })
 */
export function makeIssue<C extends IssueCode>(
  code: C,
  place: IssuePlace,
  value: IssueData["value"],
  ...[extra]: None extends IssueParamMap[C] ? [extra?: Extra<C>] : [extra: Extra<C>]
): IssueOf<C> {
  return {
    code,
    severity: severityOf(code),
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    column: place.column,
    value,
    suggestion: extra?.suggestion ?? null,
    params: (extra?.params ?? {}) as IssueParamMap[C],
  };
}

/**
 * An issue from a parser's detail (code and parameters) at `place`. The place's fields are copied
 * one by one: V8 spreads an object into a literal with more fields at about 10 µs a time (measured:
 * a 100k-row ledger's 6,600 issues cost 70 ms that way), a literal costs a fraction of that.
 */
export function issueFrom(
  detail: IssueDetail,
  place: IssuePlace,
  value: IssueData["value"],
  suggestion: string | null = null,
): IssueData {
  return {
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    column: place.column,
    code: detail.code,
    severity: severityOf(detail.code),
    value,
    suggestion,
    params: detail.params ?? {},
  } as IssueData;
}

export function countIssues(issues: readonly { severity: Severity }[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
