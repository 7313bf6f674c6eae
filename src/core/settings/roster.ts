/**
 * The `单位名册` roster of SPEC §9: unit names, groups and aliases. Invalid entries become issues
 * with their cell.
 */
import { type SheetGrid, a1, cellValue } from "../grid";
import { type IssueData, makeIssue } from "../issue";
import { isEmptyValue, rawValue } from "../cell";
import { enumKey, splitList } from "../text";
import { isFooterText, normalizeHeader } from "../ledger/columns";
import { GROUPS, type Group } from "./table";

export const ROSTER_SHEET = "单位名册";

function textAt(sheet: SheetGrid, row: number, column: number): string {
  const v = cellValue(sheet, row, column);
  return typeof v === "string" ? normalizeHeader(v) : "";
}

/** A unit of the roster (单位名册). */
export interface RosterUnit {
  /** 单位名称 */
  readonly name: string;
  /** 单位类别 */
  readonly group: Group;
  /** 别名 */
  readonly aliases: readonly string[];
}

export interface Roster {
  readonly units: readonly RosterUnit[];
  /**
   * Units whose 单位类别 is invalid (an `invalid-roster` error): their names and aliases still
   * match ledger cells, so a typo in the roster does not turn every row of the unit into an
   * `unknown-unit` error, but they have no group and are not ranked.
   */
  readonly unranked?: ReadonlyArray<Omit<RosterUnit, "group">>;
}

const ROSTER_HEADERS: Readonly<Record<"name" | "group" | "aliases", readonly string[]>> = {
  name: ["单位名称", "单位", "责任单位"],
  group: ["单位类别", "类别", "分组", "单位类型"],
  aliases: ["别名", "简称", "别称"],
};

/** Reads `单位名册`: 单位名称, 单位类别, 别名 (、-separated). */
export function readRoster(sheet: SheetGrid): { roster: Roster; issues: IssueData[] } {
  const issues: IssueData[] = [];
  let header = -1;
  const columns: Partial<Record<keyof typeof ROSTER_HEADERS, number>> = {};
  for (let r = 0; r < Math.min(20, sheet.values.length) && header < 0; r++) {
    const row = sheet.values[r] ?? [];
    const found: Partial<Record<keyof typeof ROSTER_HEADERS, number>> = {};
    row.forEach((_, c) => {
      const text = textAt(sheet, r, c);
      for (const [field, names] of Object.entries(ROSTER_HEADERS)) {
        const f = field as keyof typeof ROSTER_HEADERS;
        if (found[f] === undefined && names.includes(text)) found[f] = c;
      }
    });
    if (found.name !== undefined && found.group !== undefined) {
      header = r;
      Object.assign(columns, found);
    }
  }
  // Both columns are set together with the header row, or neither is.
  if (columns.name === undefined || columns.group === undefined) {
    issues.push(
      makeIssue("invalid-roster", { sheet: sheet.name, cell: "A1", row: 1, column: "单位名称" }, null, {
        params: { expected: "roster-header" },
      }),
    );
    return { roster: { units: [] }, issues };
  }
  const units: RosterUnit[] = [];
  const unranked: Array<Omit<RosterUnit, "group">> = [];
  const firstRowOf = new Map<string, number>();
  const clashIssue = (r: number, c: number, column: string, text: string, key: string): IssueData =>
    // A name or alias that two units share would make unit cells ambiguous; the first one keeps it.
    makeIssue("invalid-roster", { sheet: sheet.name, cell: a1(r, c), row: r + 1, column }, text, {
      params: { clash: key, firstRow: firstRowOf.get(key)! },
    });
  for (let r = header + 1; r < sheet.values.length; r++) {
    const nameValue = cellValue(sheet, r, columns.name);
    // A note under the list (注：…) is no unit.
    if (isEmptyValue(nameValue) || isFooterText(nameValue)) continue;
    const name = String(rawValue(nameValue)).trim();
    const nameKey = enumKey(name);
    if (firstRowOf.has(nameKey)) {
      issues.push(clashIssue(r, columns.name, "单位名称", name, nameKey));
      continue;
    }
    firstRowOf.set(nameKey, r + 1);
    const aliasValue = columns.aliases === undefined ? null : cellValue(sheet, r, columns.aliases);
    const aliases: string[] = [];
    for (const alias of typeof aliasValue === "string" ? splitList(aliasValue) : []) {
      const key = enumKey(alias);
      const first = firstRowOf.get(key);
      if (first === r + 1) continue; // the unit's own name or an alias listed twice
      if (first !== undefined) {
        issues.push(clashIssue(r, columns.aliases!, "别名", alias, key));
        continue;
      }
      firstRowOf.set(key, r + 1);
      aliases.push(alias);
    }
    const groupValue = cellValue(sheet, r, columns.group);
    const groupText = typeof groupValue === "string" ? enumKey(groupValue) : "";
    const group = GROUPS.find((g) => g === groupText);
    if (!group) {
      issues.push(
        makeIssue(
          "invalid-roster",
          { sheet: sheet.name, cell: a1(r, columns.group), row: r + 1, column: "单位类别" },
          rawValue(groupValue),
          { params: { expected: "group" } },
        ),
      );
      unranked.push({ name, aliases });
      continue;
    }
    units.push({ name, group, aliases });
  }
  return { roster: unranked.length > 0 ? { units, unranked } : { units }, issues };
}
