import type { Expectation, IssueData } from "../issue";
import { HISTORY_HEADERS } from "../history/history";
import { GRADES, GROUPS } from "../settings/table";

/** What was expected, in English (the product's Chinese vocabulary stays: it is data). */
export function expectationEn(expected: Expectation): string {
  switch (expected) {
    case "positive-integer":
      return "a positive whole number";
    case "date":
      return "a date, e.g. 2022-10-31";
    case "count":
      return "a whole number, 0 or more";
    case "rate":
      return "0–100%";
    case "ranking-method":
      return "中国式 (dense) or 竞争式 (competition)";
    case "category-list":
      return "categories separated by 、, none repeated";
    case "grade-lines":
      return "three descending scores, e.g. 90、80、60";
    case "text":
      return "text";
    case "non-negative-number":
      return "a number, 0 or more";
    case "grade":
      return `one of ${GRADES.join(", ")}`;
    case "ratio":
      return "a share between 0 and 100%, e.g. 30%";
    case "listed-once":
      return "each evaluation sheet listed once";
    case "percent":
      return "0–100";
    case "roster-header":
      return "a header row 单位名称, 单位类别, 别名";
    case "group":
      return GROUPS.join(", ");
    case "history-header":
      return HISTORY_HEADERS.join(", ");
  }
}

const show = (v: IssueData["value"]): string => (v === null ? "(empty)" : `"${String(v)}"`);

/**
 * English messages, rendered from the issue code. Column names stay in Chinese: they are the sheet's.
 * Long by design: one exhaustive `switch` with a short case per issue code, no rule inside.
 */
export function messageEn(issue: IssueData): string {
  const { code, params: p, column, value } = issue;
  const col = column ?? "";
  switch (code) {
    case "missing-column":
      return `Required column "${p.key}" is missing; the sheet's rows were not checked`;
    case "duplicate-column":
      return `Column "${col}" appears twice (the one in ${p.firstCell} is used); remove the extra one`;
    case "unknown-column":
      return p.count !== undefined
        ? `${p.count} unrecognised columns from "${String(value)}" to "${p.lastValue ?? ""}" (${issue.cell ?? ""}–${p.lastCell ?? ""}) are not checked`
        : `Unrecognised column "${String(value)}" is not checked`;
    case "no-roster":
      return "No 单位名册 (roster) sheet: unit names were not checked";
    case "required-missing":
      return `"${col}" must not be empty`;
    case "formula-error":
      return `"${col}" holds a formula error ${show(value)}`;
    case "invalid-date":
      return `"${col}" ${show(value)} is not a valid date (e.g. 2022-10-31)`;
    case "invalid-number":
      return `"${col}" ${show(value)} is not a number (expected ${
        p.expected !== undefined
          ? expectationEn(p.expected)
          : p.max !== undefined
            ? `${p.min ?? 0}–${p.max}`
            : "0–100 or a percentage"
      })`;
    case "out-of-range":
      return `"${col}" ${show(value)} is out of range ${p.min ?? 0}–${p.max ?? 100}`;
    case "invalid-enum":
      return `"${col}" ${show(value)} is not one of the allowed values`;
    case "unknown-unit":
      return `Unit ${show(value)} is not in the roster`;
    case "nonstandard-value":
      return `"${col}" ${show(value)} is not the standard form; read as "${p.resolved}"`;
    case "ambiguous-percent":
      return `Progress ${show(value)} was read as ${p.resolved}%; please enter 0–100`;
    case "status-progress-mismatch":
      return `Status "${p.status}" does not match the progress`;
    case "done-date-missing":
      return `Status "${p.status}" needs a completion date`;
    case "done-date-unexpected":
      return `Status "${p.status}" should have no completion date`;
    case "done-date-in-future":
      return `Completion date ${show(value)} is after the as-of date`;
    case "evidence-missing":
      return "A closed-out (已销号) task needs its evidence";
    case "duplicate-task":
      return `Task ID ${show(value)} repeats row ${p.firstRow} for the same unit`;
    case "blank-row":
      return p.firstRow === p.lastRow
        ? `Row ${p.firstRow} is blank; delete it`
        : `Rows ${p.firstRow}–${p.lastRow} are blank; delete them`;
    case "score-missing":
      return `Score for "${col}" is empty and counts 0`;
    case "unit-missing-in-sheet":
      return `Unit ${show(value)} has no row in this sheet and scores 0`;
    case "duplicate-unit":
      return p.firstFile !== undefined
        ? `Unit ${show(value)} already has scores in the sheet of the same name in "${p.firstFile}" (row ${p.firstRow}); this row is ignored`
        : `Unit ${show(value)} repeats row ${p.firstRow}; this row is ignored`;
    case "total-mismatch":
      return `Total ${show(value)} differs from the sum ${p.resolved}; the sum is used`;
    case "weights-sum":
      return `Weights add up to ${p.sum}, not 100`;
    case "bonus-capped":
      return `Bonus points add up to ${p.sum}, over the cap of ${p.limit}; ${p.limit} counts`;
    case "evaluation-sheet-missing":
      return `Evaluation sheet ${show(value)} named in the weights is not in the workbook`;
    case "scoring-sheet-invalid":
      return p.lacks === "maxima"
        ? `Sheet "${issue.sheet}" states no maximum scores: put them in the headers (e.g. 组织建设（20分）) or in a 分值 row under the header`
        : p.lacks === "adjustment-columns"
          ? `Sheet "${issue.sheet}" needs a 单位 column and a 加分 or 扣分 column`
          : `Sheet "${issue.sheet}" has no 单位 or 单位名称 column`;
    case "invalid-setting":
      return `Setting "${p.key}" has an invalid value ${show(value)}; expected ${p.expected ? expectationEn(p.expected) : "a valid value"}`;
    case "unknown-setting":
      return `Unknown setting ${show(value)} ignored`;
    case "invalid-roster":
      return p.clash !== undefined
        ? `Roster name or alias ${show(value)} repeats row ${p.firstRow}`
        : `Roster entry ${show(value)} is invalid; expected ${p.expected ? expectationEn(p.expected) : "a valid value"}`;
  }
}
