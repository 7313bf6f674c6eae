/**
 * Which unit each validation issue belongs to (SPEC §5): a row's issue to the row's unit; a
 * sheet-level issue to the sheet's unit (its 填报单位, else the only unit of its rows); anything
 * else to nobody ("unidentified"). Error counts per unit in the notice and the blocks of the
 * validation report (附件3) both come from this one assignment, so they agree.
 */
import type { IssueCode, IssueData } from "../issue";
import type { LedgerRow } from "../ledger";
import { enumKey } from "../text";

/** An issue with the file it came from and the unit it belongs to (`null`: unidentified). */
export type OwnedIssue = IssueData & { readonly file: string; readonly unit: string | null };

/**
 * `{ ...issue, file, unit }`, field by field: V8 spreads into a literal with more fields at several
 * microseconds a time, and a 100k-row ledger has thousands of issues.
 */
function owned(issue: IssueData, file: string, unit: string | null): OwnedIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    sheet: issue.sheet,
    cell: issue.cell,
    row: issue.row,
    column: issue.column,
    value: issue.value,
    suggestion: issue.suggestion,
    params: issue.params,
    file,
    unit,
  } as OwnedIssue;
}

/** Issues about a sheet rather than a row's data. */
const SHEET_LEVEL: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "missing-column",
  "duplicate-column",
  "unknown-column",
  "blank-row",
]);

/** One file's rows and issues, as `validateRun` gives them. */
export interface OwnerInput {
  readonly file: string;
  readonly rows: readonly LedgerRow[];
  readonly issues: readonly IssueData[];
  /** Each ledger sheet's 填报单位 as a roster name, when its metadata row names one. */
  readonly declaredUnits?: ReadonlyMap<string, string>;
}

/** The one unit of a sheet's rows, or `null` when they name none or several. */
function onlyUnit(rows: readonly LedgerRow[], sheet: string, known: ReadonlySet<string>): string | null {
  let unit: string | null = null;
  for (const r of rows) {
    if (r.sheet !== sheet || r.unit === null || !known.has(r.unit)) continue;
    if (unit !== null && unit !== r.unit) return null;
    unit = r.unit;
  }
  return unit;
}

/**
 * The known unit a sheet's 填报单位 names: itself, else the one known unit with its comparison key
 * (without a roster both sides are as typed, and "青山区（开发区）" above rows of "青山区(开发区)"
 * is the same unit); `null` when none or several match.
 */
function knownUnit(declared: string, known: ReadonlySet<string>): string | null {
  if (known.has(declared)) return declared;
  const key = enumKey(declared);
  let match: string | null = null;
  for (const unit of known) {
    if (enumKey(unit) !== key) continue;
    if (match !== null) return null;
    match = unit;
  }
  return match;
}

/**
 * Assigns every issue of the run to a roster unit or to nobody. `known` is the roster's unit names
 * (a row whose unit is not among them is unidentified).
 *
 * @example assignIssueUnits(run.files, new Set(roster.units.map(u => u.name)))
 */
export function assignIssueUnits(
  files: readonly OwnerInput[],
  known: ReadonlySet<string>,
  extra: ReadonlyArray<IssueData & { readonly file: string }> = [],
): OwnedIssue[] {
  const out: OwnedIssue[] = [];
  for (const f of files) {
    // Only the rows an issue names are looked up (7,000 issues in 100,000 rows): by sheet, then row.
    const rowUnit = new Map<string, Map<number, string | null>>();
    for (const issue of f.issues) {
      if (issue.row === null || SHEET_LEVEL.has(issue.code)) continue;
      let sheet = rowUnit.get(issue.sheet);
      if (sheet === undefined) rowUnit.set(issue.sheet, (sheet = new Map()));
      sheet.set(issue.row, null);
    }
    for (const r of f.rows) {
      const sheet = rowUnit.get(r.sheet);
      if (sheet !== undefined && sheet.has(r.row))
        sheet.set(r.row, r.unit !== null && known.has(r.unit) ? r.unit : null);
    }
    const sheetUnit = new Map<string, string | null>();
    const unitOfSheet = (sheet: string): string | null => {
      if (!sheetUnit.has(sheet)) {
        const declared = f.declaredUnits?.get(sheet);
        const named = declared === undefined ? null : knownUnit(declared, known);
        sheetUnit.set(sheet, named ?? onlyUnit(f.rows, sheet, known));
      }
      return sheetUnit.get(sheet) ?? null;
    };
    for (const issue of f.issues) {
      let unit: string | null = null;
      if (SHEET_LEVEL.has(issue.code)) unit = unitOfSheet(issue.sheet);
      else if (issue.row !== null) unit = rowUnit.get(issue.sheet)?.get(issue.row) ?? null;
      out.push(owned(issue, f.file, unit));
    }
  }
  for (const issue of extra) out.push({ ...issue, unit: null });
  return out;
}

/** Errors per unit and the unidentified ones. */
export function countErrorsByUnit(issues: readonly OwnedIssue[]): {
  byUnit: Map<string, number>;
  unidentified: number;
} {
  const byUnit = new Map<string, number>();
  let unidentified = 0;
  for (const i of issues) {
    if (i.severity !== "error") continue;
    if (i.unit === null) unidentified++;
    else byUnit.set(i.unit, (byUnit.get(i.unit) ?? 0) + 1);
  }
  return { byUnit, unidentified };
}
