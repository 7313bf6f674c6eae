/**
 * Evaluation scoring (考核评分, SPEC §8) over one or several workbooks: finds the evaluation sheets,
 * reads every score, 加减分 and 一票否决, and computes per unit the normalised scores, the weighted
 * composite, the rank in its group, the grade with the 好等次比例 quota and the veto cap, and why.
 */
import { type SheetGrid, a1, cellValue, parseA1 } from "../grid";
import { type IssueCode, type IssueData, issueFrom, makeIssue } from "../issue";
import { type CellParse, type Vocabulary, isEmptyValue, parseEnum, rawValue } from "../cell";
import { enumKey, nfkcTrim } from "../text";
import { GROUPS, type Group, type Roster, ROSTER_SHEET, SETTINGS_SHEET, type Settings } from "../settings";
import { findHeaderRow, isFooterText } from "../ledger";
import { GENERATED_SHEET, type RunInput, readSetup, unitVocabulary } from "../workbook";
import { assignRanks, compareUnitNames } from "../ranking";
import {
  type AdjustmentLayout,
  type EvaluationLayout,
  SUMMARY_ROW_LABELS,
  numberIn,
  parsePoints,
  parseScore,
  readAdjustmentLayout,
  readEvaluationLayout,
  round6,
} from "./layout";
import { gradeOf, lowerGrade, quotaOf } from "./grade";
import { weightsAddUp } from "./weights-edit";
import {
  DEFAULT_SCORING_SETTINGS,
  type EvaluationSheet,
  type Grade,
  type GradeReason,
  type GroupScore,
  type ScoringIssue,
  type ScoringResult,
  type ScoringSettings,
  type UnitScore,
} from "./types";

/** `加减分`: bonus and penalty points. Never an evaluation sheet. */
export const ADJUSTMENT_SHEET = "加减分";
/** `一票否决`: vetoed units and why. Never an evaluation sheet. */
export const VETO_SHEET = "一票否决";
/** The generated summary. */
export const SUMMARY_SHEET = "考核汇总";

/** Codes whose errors make a scoring result unfit to publish (SPEC §9: refuse rather than guess). */
const BLOCKING: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "invalid-setting",
  "invalid-roster",
  "weights-sum",
  "evaluation-sheet-missing",
  "scoring-sheet-invalid",
]);

/** True for sheets never scored: settings, roster, 加减分, 一票否决, sheets the product generates. */
export function isNonEvaluationSheet(name: string): boolean {
  const k = enumKey(name);
  return (
    k === SETTINGS_SHEET ||
    k === ROSTER_SHEET ||
    k === ADJUSTMENT_SHEET ||
    k === VETO_SHEET ||
    // Every name the product writes (通报 and its 附件, 收集情况, 选项, 退回修改说明, …), and any
    // 专项通报 or 台账汇总 sheet, whatever follows.
    GENERATED_SHEET.test(k) ||
    /^专项通报/u.test(k) ||
    /^台账汇总/u.test(k)
  );
}

/** The sheets a scoring run reads: the evaluation sheets, 设置, 单位名册, 加减分 and 一票否决. */
export function isScoringInput(name: string): boolean {
  const k = enumKey(name);
  return (
    !isNonEvaluationSheet(name) ||
    k === SETTINGS_SHEET ||
    k === ROSTER_SHEET ||
    k === ADJUSTMENT_SHEET ||
    k === VETO_SHEET
  );
}

/** The scoring settings of a `设置` table: 等次线, 排名方式, 考核权重, 加分上限, 否决等次, 好等次比例. */
export function scoringSettingsOf(settings: Settings | null): ScoringSettings {
  if (settings === null) return DEFAULT_SCORING_SETTINGS;
  return {
    ...DEFAULT_SCORING_SETTINGS,
    gradeThresholds: settings.gradeThresholds,
    rankingMethod: settings.rankingMethod,
    weights: settings.weights,
    weightsCell: settings.weightsCell,
    bonusCap: settings.bonusCap,
    vetoGrade: settings.vetoGrade,
    goodQuota: settings.topGradeRatio,
  };
}

export interface ScoreOptions {
  /** Settings to use instead of those of the first `设置` of the run (the pane's edits, tests). */
  readonly settings?: Partial<ScoringSettings>;
}

interface SheetPart {
  readonly file: string;
  readonly sheet: SheetGrid;
  readonly layout: EvaluationLayout;
}

interface UnitRow {
  readonly total: number;
  readonly maxTotal: number;
  /** Scores that were empty or unusable and counted 0. */
  readonly unusable: number;
}

/** Issues collected with their file, in the order found. */
class IssueList {
  readonly all: ScoringIssue[] = [];
  add(file: string, issue: IssueData): void {
    this.all.push({ file, ...issue });
  }
}

/** Units as the sheets name them: the roster (names and aliases), else the names found. */
interface UnitMatcher {
  readonly vocabulary: Vocabulary | null;
  /** Units without a roster, in order of first appearance. */
  readonly seen: string[];
  /** enumKey → unit, for `seen`. */
  readonly seenKeys: Map<string, string>;
}

function matchUnit(
  matcher: UnitMatcher,
  value: Parameters<typeof parseEnum>[0],
  allowNew: boolean,
): CellParse<string> {
  if (matcher.vocabulary) return parseEnum(value, matcher.vocabulary, "unknown-unit");
  const text = nfkcTrim(String(rawValue(value)));
  const known = matcher.seenKeys.get(enumKey(text));
  if (known !== undefined) return { kind: "ok", value: known };
  if (!allowNew) return { kind: "bad", code: "unknown-unit", suggestion: null };
  matcher.seen.push(text);
  matcher.seenKeys.set(enumKey(text), text);
  return { kind: "ok", value: text };
}

/** A unit cell that names no unit: empty, a footer note, or a 合计/平均 row. */
function isNotAUnit(value: Parameters<typeof parseEnum>[0]): boolean {
  if (isEmptyValue(value) || isFooterText(value)) return true;
  return typeof value === "string" && SUMMARY_ROW_LABELS.has(enumKey(value));
}

function place(sheet: string, row: number, column: number, header: string) {
  return { sheet, cell: a1(row, column), row: row + 1, column: header };
}

/** Reads one logical evaluation sheet (its parts in input order): each unit's total. */
function readEvaluation(
  name: string,
  parts: readonly SheetPart[],
  matcher: UnitMatcher,
  issues: IssueList,
): Map<string, UnitRow> {
  const units = new Map<string, UnitRow>();
  const first = new Map<string, { file: string; row: number }>();
  for (const { file, sheet, layout } of parts) {
    const maxTotal = layout.indicators.reduce((a, i) => a + i.max, 0);
    const unitHeader = String(rawValue(cellValue(sheet, layout.headerRow, layout.unitColumn))).trim();
    for (let r = layout.firstDataRow; r < sheet.values.length; r++) {
      const unitValue = cellValue(sheet, r, layout.unitColumn);
      if (isNotAUnit(unitValue)) continue;
      const at = place(name, r, layout.unitColumn, unitHeader);
      const unit = matchUnit(matcher, unitValue, true);
      if (unit.kind !== "ok") {
        if (unit.kind === "bad")
          issues.add(
            file,
            makeIssue("unknown-unit", at, rawValue(unitValue), { suggestion: unit.suggestion ?? null }),
          );
        continue;
      }
      if (unit.warning) issues.add(file, issueFrom(unit.warning, at, rawValue(unitValue)));
      const earlier = first.get(unit.value);
      if (earlier) {
        const params =
          earlier.file === file
            ? { firstRow: earlier.row }
            : { firstRow: earlier.row, firstFile: earlier.file };
        issues.add(file, makeIssue("duplicate-unit", at, rawValue(unitValue), { params }));
        continue;
      }
      first.set(unit.value, { file, row: r + 1 });
      let total = 0;
      let unusable = 0;
      for (const indicator of layout.indicators) {
        const value = cellValue(sheet, r, indicator.column);
        const score = parseScore(value, indicator.max);
        if (score.kind === "ok") {
          total += score.value;
          continue;
        }
        unusable++;
        issues.add(
          file,
          issueFrom(
            score.code === "score-missing" || score.code === "formula-error"
              ? { code: score.code }
              : { code: score.code, params: { min: 0, max: indicator.max } },
            place(name, r, indicator.column, indicator.header),
            rawValue(value),
          ),
        );
      }
      if (unusable === 0 && layout.totalColumn !== null)
        checkTotal(sheet, name, r, layout, total, file, issues);
      units.set(unit.value, { total, maxTotal, unusable });
    }
  }
  return units;
}

/** `total-mismatch` when a typed 合计 differs from the recomputed sum (compared to 6 decimals). */
function checkTotal(
  sheet: SheetGrid,
  name: string,
  r: number,
  layout: EvaluationLayout,
  total: number,
  file: string,
  issues: IssueList,
): void {
  const column = layout.totalColumn!;
  const value = cellValue(sheet, r, column);
  if (isEmptyValue(value)) return;
  const typed = numberIn(value);
  if (typed !== null && round6(typed) === round6(total)) return;
  const header = String(rawValue(cellValue(sheet, layout.headerRow, column))).trim();
  issues.add(
    file,
    makeIssue("total-mismatch", place(name, r, column, header), rawValue(value), {
      params: { resolved: round6(total) },
    }),
  );
}

interface Adjustments {
  readonly bonus: Map<string, { sum: number; file: string; cell: string; row: number }>;
  readonly penalty: Map<string, number>;
  readonly veto: Map<string, string[]>;
}

function readAdjustments(
  parts: ReadonlyArray<{ file: string; sheet: SheetGrid }>,
  kind: "points" | "veto",
  matcher: UnitMatcher,
  issues: IssueList,
  into: Adjustments,
): void {
  for (const { file, sheet } of parts) {
    const layout: AdjustmentLayout | null = readAdjustmentLayout(sheet, kind === "points");
    if (!layout) {
      const lacks = kind === "points" ? "adjustment-columns" : "unit-column";
      issues.add(
        file,
        makeIssue("scoring-sheet-invalid", place(sheet.name, 0, 0, "单位"), null, { params: { lacks } }),
      );
      continue;
    }
    const header = (c: number) => String(rawValue(cellValue(sheet, layout.headerRow, c))).trim();
    for (let r = layout.headerRow + 1; r < sheet.values.length; r++) {
      const unitValue = cellValue(sheet, r, layout.unitColumn);
      if (isNotAUnit(unitValue)) continue;
      const at = place(sheet.name, r, layout.unitColumn, header(layout.unitColumn));
      const unit = matchUnit(matcher, unitValue, false);
      if (unit.kind !== "ok") {
        if (unit.kind === "bad")
          issues.add(
            file,
            makeIssue("unknown-unit", at, rawValue(unitValue), { suggestion: unit.suggestion ?? null }),
          );
        continue;
      }
      if (unit.warning) issues.add(file, issueFrom(unit.warning, at, rawValue(unitValue)));
      if (kind === "veto") {
        const reason = layout.reasonColumn === null ? null : cellValue(sheet, r, layout.reasonColumn);
        const text = isEmptyValue(reason) ? "" : String(rawValue(reason)).trim();
        const reasons = into.veto.get(unit.value) ?? [];
        if (text !== "") reasons.push(text);
        into.veto.set(unit.value, reasons);
        continue;
      }
      for (const [column, target] of [
        [layout.bonusColumn, "bonus"],
        [layout.penaltyColumn, "penalty"],
      ] as const) {
        if (column === null) continue;
        const value = cellValue(sheet, r, column);
        const points = parsePoints(value);
        if (points.kind === "bad") {
          issues.add(
            file,
            makeIssue(points.code, place(sheet.name, r, column, header(column)), rawValue(value), {
              params: points.code === "invalid-number" ? { expected: "non-negative-number" } : {},
            }),
          );
          continue;
        }
        if (target === "penalty") {
          into.penalty.set(unit.value, (into.penalty.get(unit.value) ?? 0) + points.value);
        } else {
          const b = into.bonus.get(unit.value);
          if (b) b.sum += points.value;
          else into.bonus.set(unit.value, { sum: points.value, file, cell: a1(r, column), row: r + 1 });
        }
      }
    }
  }
}

/** The rounded key scores are compared on. */
const key6 = (x: number) => Math.round(x * 1e6);

/**
 * Scores a run of workbooks (SPEC §8). The roster and settings are those of the first workbook
 * that has them; `options.settings` overrides the settings.
 *
 * @example scoreRun([{ file: "考核评分.xlsx", workbook }]).units[0] // { unit: "浮溪县", rank: 1, grade: "好", … }
 */
export function scoreRun(inputs: readonly RunInput[], options: ScoreOptions = {}): ScoringResult {
  const issues = new IssueList();
  const { settings, settingsFile, roster, matcher } = readScoringSetup(inputs, options, issues);
  const listed = settings.weights;
  const partsByName = findEvaluationSheets(inputs, listed, issues);
  const names = listed !== null ? listed.map((w) => enumKey(w.sheet)) : [...partsByName.keys()];
  if (listed !== null) checkWeights(inputs, listed, settings, settingsFile, issues);
  const { sheets, totals } = readEvaluationSheets(names, partsByName, listed, matcher, issues);

  // Units: the roster's (with groups), else every unit the evaluation sheets named.
  const unitList: UnitEntry[] = roster
    ? roster.units.map((u) => ({ unit: u.name, group: u.group }))
    : matcher.seen.map((u) => ({ unit: u, group: null }));
  reportMissingUnits(sheets, totals, partsByName, unitList, issues);

  const adjustments = readAllAdjustments(inputs, matcher, issues);
  const scored = unitList.map((u) => scoreUnit(u, sheets, totals, adjustments, settings, issues));
  const groupKeys: Array<Group | null> = roster
    ? GROUPS.filter((g) => scored.some((u) => u.group === g))
    : [null];
  const groups = groupKeys.map((group) => gradeGroup(group, scored, settings));

  const all = sortScoringIssues(issues.all, inputs);
  return {
    sheets,
    groups,
    units: groups.flatMap((g) => g.units),
    issues: all,
    settings,
    // Every blocking code is an error (its severity is the code's).
    blocking: all.filter((i) => BLOCKING.has(i.code)),
  };
}

/** A unit to score, with its group (单位类别; `null` without a roster). */
interface UnitEntry {
  readonly unit: string;
  readonly group: Group | null;
}

/** What a run is scored with: its settings, where they come from, the roster and the unit matcher. */
interface ScoringSetup {
  readonly settings: ScoringSettings;
  /** The file whose `设置` the settings come from (issues about 考核权重 go there). */
  readonly settingsFile: string;
  readonly roster: Roster | null;
  readonly matcher: UnitMatcher;
}

/**
 * The settings and roster of the first workbook that has them (SPEC §9), `options.settings` over
 * the settings; every setup issue, and `no-roster` once when no workbook has a roster.
 */
function readScoringSetup(
  inputs: readonly RunInput[],
  options: ScoreOptions,
  issues: IssueList,
): ScoringSetup {
  const setups = inputs.map((input) => readSetup(input.workbook));
  setups.forEach((setup, i) => setup.issues.forEach((issue) => issues.add(inputs[i]!.file, issue)));
  const settingsAt = setups.findIndex((s) => s.settings !== null);
  const settingsFile = settingsAt >= 0 ? inputs[settingsAt]!.file : (inputs[0]?.file ?? "");
  const settings: ScoringSettings = {
    ...scoringSettingsOf(settingsAt >= 0 ? setups[settingsAt]!.settings : null),
    ...options.settings,
  };
  const roster: Roster | null = setups.find((s) => s.roster !== null)?.roster ?? null;
  const matcher: UnitMatcher = {
    vocabulary: roster ? unitVocabulary(roster) : null,
    seen: [],
    seenKeys: new Map(),
  };
  if (roster === null && inputs.length > 0)
    issues.add(
      inputs[0]!.file,
      makeIssue("no-roster", { sheet: ROSTER_SHEET, cell: null, row: null, column: null }, null),
    );
  return { settings, settingsFile, roster, matcher };
}

/** A logical evaluation sheet: its name (as 考核权重 spells it, else its first part's) and its parts. */
interface EvaluationParts {
  readonly name: string;
  readonly parts: SheetPart[];
}

/**
 * The evaluation sheets by `enumKey` of their name (SPEC §8): those 考核权重 lists, else every
 * visible sheet laid out as one that is not a ledger; sheets of one name in several files are one
 * sheet. A listed sheet that cannot be read as one is `scoring-sheet-invalid` (once per file).
 */
function findEvaluationSheets(
  inputs: readonly RunInput[],
  listed: ScoringSettings["weights"],
  issues: IssueList,
): Map<string, EvaluationParts> {
  const partsByName = new Map<string, EvaluationParts>();
  const invalid = new Set<string>();
  for (const { file, workbook } of inputs) {
    for (const sheet of workbook.sheets) {
      const k = enumKey(sheet.name);
      if (isNonEvaluationSheet(sheet.name)) continue;
      const weight = listed?.find((w) => enumKey(w.sheet) === k);
      if (listed !== null && weight === undefined) continue;
      if (listed === null && (sheet.hidden === true || findHeaderRow(sheet) !== null)) continue;
      const layout = readEvaluationLayout(sheet);
      if (layout.kind === "bad") {
        if (weight !== undefined && !invalid.has(`${file}\u0000${k}`)) {
          invalid.add(`${file}\u0000${k}`);
          issues.add(
            file,
            makeIssue("scoring-sheet-invalid", place(sheet.name, 0, 0, "单位"), null, {
              params: { lacks: layout.lacks },
            }),
          );
        }
        continue;
      }
      const entry = partsByName.get(k) ?? { name: weight?.sheet ?? sheet.name, parts: [] };
      entry.parts.push({ file, sheet, layout: layout.layout });
      partsByName.set(k, entry);
    }
  }
  return partsByName;
}

/**
 * 考核权重's own checks (SPEC §8): `weights-sum` when the weights do not add up to 100 (to 6
 * decimals), `evaluation-sheet-missing` for a listed sheet that no file has.
 */
function checkWeights(
  inputs: readonly RunInput[],
  listed: NonNullable<ScoringSettings["weights"]>,
  settings: ScoringSettings,
  settingsFile: string,
  issues: IssueList,
): void {
  const sum = listed.reduce((a, w) => a + w.weight, 0);
  if (!weightsAddUp(sum) && settings.weightsCell !== null) {
    issues.add(
      settingsFile,
      makeIssue(
        "weights-sum",
        {
          sheet: SETTINGS_SHEET,
          cell: settings.weightsCell,
          row: rowOf(settings.weightsCell),
          column: "权重",
        },
        round6(sum),
        {
          params: { sum: round6(sum) },
        },
      ),
    );
  }
  for (const w of listed) {
    const k = enumKey(w.sheet);
    const anyFile = inputs.some((i) => i.workbook.sheets.some((s) => enumKey(s.name) === k));
    if (!anyFile)
      issues.add(
        settingsFile,
        makeIssue(
          "evaluation-sheet-missing",
          { sheet: SETTINGS_SHEET, cell: w.cell, row: rowOf(w.cell), column: "考核表" },
          w.sheet,
        ),
      );
  }
}

/**
 * Each evaluation sheet found, in `names` order, with its weight (listed, else equal shares) and its
 * maxima from its first part; and each unit's total in it.
 */
function readEvaluationSheets(
  names: readonly string[],
  partsByName: ReadonlyMap<string, EvaluationParts>,
  listed: ScoringSettings["weights"],
  matcher: UnitMatcher,
  issues: IssueList,
): { sheets: EvaluationSheet[]; totals: Map<string, Map<string, UnitRow>> } {
  const sheets: EvaluationSheet[] = [];
  const totals = new Map<string, Map<string, UnitRow>>();
  for (const k of names) {
    const entry = partsByName.get(k);
    if (!entry) continue;
    const weight = listed?.find((w) => enumKey(w.sheet) === k)?.weight ?? 100 / partsByName.size;
    const firstLayout = entry.parts[0]!.layout;
    sheets.push({
      sheet: entry.name,
      weight,
      maxTotal: firstLayout.indicators.reduce((a, i) => a + i.max, 0),
      indicators: firstLayout.indicators,
      files: [...new Set(entry.parts.map((p) => p.file))],
    });
    totals.set(entry.name, readEvaluation(entry.name, entry.parts, matcher, issues));
  }
  return { sheets, totals };
}

/** `unit-missing-in-sheet` for each unit a sheet lacks, at the sheet's unit header cell (SPEC §8). */
function reportMissingUnits(
  sheets: readonly EvaluationSheet[],
  totals: ReadonlyMap<string, ReadonlyMap<string, UnitRow>>,
  partsByName: ReadonlyMap<string, EvaluationParts>,
  unitList: readonly UnitEntry[],
  issues: IssueList,
): void {
  for (const s of sheets) {
    const found = totals.get(s.sheet)!;
    const part = partsByName.get(enumKey(s.sheet))!.parts[0]!;
    const header = String(
      rawValue(cellValue(part.sheet, part.layout.headerRow, part.layout.unitColumn)),
    ).trim();
    for (const { unit } of unitList) {
      if (found.has(unit)) continue;
      issues.add(
        part.file,
        makeIssue(
          "unit-missing-in-sheet",
          place(s.sheet, part.layout.headerRow, part.layout.unitColumn, header),
          unit,
        ),
      );
    }
  }
}

/** 加减分 and 一票否决 of every file (SPEC §8). */
function readAllAdjustments(
  inputs: readonly RunInput[],
  matcher: UnitMatcher,
  issues: IssueList,
): Adjustments {
  const adjustments: Adjustments = { bonus: new Map(), penalty: new Map(), veto: new Map() };
  for (const [name, kind] of [
    [ADJUSTMENT_SHEET, "points"],
    [VETO_SHEET, "veto"],
  ] as const) {
    const parts = inputs.flatMap(({ file, workbook }) =>
      workbook.sheets.filter((s) => enumKey(s.name) === name).map((sheet) => ({ file, sheet })),
    );
    readAdjustments(parts, kind, matcher, issues, adjustments);
  }
  return adjustments;
}

/** A unit's scores before ranking and grading. */
interface ScoredUnit extends UnitEntry {
  readonly scores: Record<string, number>;
  readonly weighted: number;
  readonly bonus: number;
  readonly bonusSum: number;
  readonly capped: boolean;
  readonly penalty: number;
  readonly composite: number;
  readonly veto: string | null;
  readonly missingSheets: string[];
  readonly unusable: Array<{ sheet: string; cells: number }>;
}

/**
 * One unit's composite (SPEC §8): Σ weight × normalised / 100 (a sheet without the unit counts 0),
 * plus 加分 capped at 加分上限 (`bonus-capped`), minus 扣分; its 一票否决 reasons joined.
 */
function scoreUnit(
  { unit, group }: UnitEntry,
  sheets: readonly EvaluationSheet[],
  totals: ReadonlyMap<string, ReadonlyMap<string, UnitRow>>,
  adjustments: Adjustments,
  settings: ScoringSettings,
  issues: IssueList,
): ScoredUnit {
  const scores: Record<string, number> = {};
  const missingSheets: string[] = [];
  const unusable: Array<{ sheet: string; cells: number }> = [];
  let weighted = 0;
  for (const s of sheets) {
    const row = totals.get(s.sheet)!.get(unit);
    const normalised = row ? (row.total / row.maxTotal) * 100 : 0;
    if (!row) missingSheets.push(s.sheet);
    else if (row.unusable > 0) unusable.push({ sheet: s.sheet, cells: row.unusable });
    scores[s.sheet] = normalised;
    weighted += (s.weight * normalised) / 100;
  }
  const bonusEntry = adjustments.bonus.get(unit);
  const bonusSum = bonusEntry?.sum ?? 0;
  const capped = round6(bonusSum) > round6(settings.bonusCap);
  if (capped && bonusEntry) {
    issues.add(
      bonusEntry.file,
      makeIssue(
        "bonus-capped",
        { sheet: ADJUSTMENT_SHEET, cell: bonusEntry.cell, row: bonusEntry.row, column: "加分" },
        round6(bonusSum),
        { params: { sum: round6(bonusSum), limit: settings.bonusCap } },
      ),
    );
  }
  const bonus = capped ? settings.bonusCap : bonusSum;
  const penalty = adjustments.penalty.get(unit) ?? 0;
  const vetoes = adjustments.veto.get(unit);
  return {
    unit,
    group,
    scores,
    weighted,
    bonus,
    bonusSum,
    capped,
    penalty,
    composite: weighted + bonus - penalty,
    veto: vetoes ? vetoes.join("；") : null,
    missingSheets,
    unusable,
  };
}

/**
 * One group ranked and graded (SPEC §8): rank on the composite (排名方式), grade by the lines, then
 * the 好等次比例 quota, then the 一票否决 cap; each unit with the reasons for its grade.
 */
function gradeGroup(
  group: Group | null,
  scored: readonly ScoredUnit[],
  settings: ScoringSettings,
): GroupScore {
  const members = scored
    .filter((u) => u.group === group)
    .sort((a, b) => key6(b.composite) - key6(a.composite) || compareUnitNames(a.unit, b.unit));
  const ranks = assignRanks(
    members,
    (a, b) => key6(a.composite) === key6(b.composite),
    settings.rankingMethod,
  );
  const before = members.map((u) => gradeOf(u.composite, settings.gradeThresholds));
  const quota = settings.goodQuota === null ? null : quotaOf(members.length, settings.goodQuota);
  const candidateRank = candidateRanks(members, before);
  const units: UnitScore[] = members.map((u, i) => {
    const { grade, reasons } = limitGrade(u, before[i]!, quota, candidateRank.get(u), settings);
    return {
      unit: u.unit,
      group: u.group,
      scores: u.scores,
      weighted: u.weighted,
      bonus: u.bonus,
      penalty: u.penalty,
      composite: u.composite,
      rank: ranks[i]!.rank,
      tied: ranks[i]!.tied,
      grade,
      gradeBeforeLimits: before[i]!,
      veto: u.veto,
      missingSheets: u.missingSheets,
      reasons,
    };
  });
  return { group, units, quota, good: units.filter((u) => u.grade === "好").length };
}

/**
 * The competition rank of each 好等次比例 candidate (好 by the lines, not vetoed) among the
 * candidates, `members` sorted best first: 1 + the candidates strictly better, whatever 排名方式
 * says, so only a tie can pass q.
 */
function candidateRanks(members: readonly ScoredUnit[], before: readonly Grade[]): Map<ScoredUnit, number> {
  const candidateRank = new Map<ScoredUnit, number>();
  let seenCandidates = 0;
  let previous: { key: number; rank: number } | null = null;
  members.forEach((u, i) => {
    if (before[i] !== "好" || u.veto !== null) return;
    const k = key6(u.composite);
    const rank = previous !== null && previous.key === k ? previous.rank : seenCandidates + 1;
    candidateRank.set(u, rank);
    previous = { key: k, rank };
    seenCandidates++;
  });
  return candidateRank;
}

/**
 * A unit's grade after the limits (SPEC §8): a 好 candidate ranked past the quota becomes 较好, then
 * a vetoed unit is capped at 否决等次; with the reasons, in that order, then missing sheets,
 * unusable scores and a capped bonus.
 */
function limitGrade(
  u: ScoredUnit,
  gradeBeforeLimits: Grade,
  quota: number | null,
  candidateRank: number | undefined,
  settings: ScoringSettings,
): { grade: Grade; reasons: GradeReason[] } {
  const reasons: GradeReason[] = [
    {
      code: "grade-lines",
      params: { grade: gradeBeforeLimits, line: lineOf(gradeBeforeLimits, settings) },
    },
  ];
  let grade: Grade = gradeBeforeLimits;
  if (quota !== null && gradeBeforeLimits === "好" && u.veto === null) {
    const rank = candidateRank!;
    if (rank <= quota) reasons.push({ code: "quota-kept", params: { quota, rank } });
    else {
      grade = "较好";
      reasons.push({ code: "quota-lowered", params: { quota, rank } });
    }
  }
  if (u.veto !== null) {
    const capped = lowerGrade(grade, settings.vetoGrade);
    reasons.push({
      code: "veto",
      params: { reason: u.veto, cap: settings.vetoGrade, lowered: capped !== grade },
    });
    grade = capped;
  }
  for (const sheet of u.missingSheets) reasons.push({ code: "sheet-missing", params: { sheet } });
  for (const params of u.unusable) reasons.push({ code: "scores-unusable", params });
  if (u.capped)
    reasons.push({ code: "bonus-capped", params: { sum: round6(u.bonusSum), limit: settings.bonusCap } });
  return { grade, reasons };
}

/** Issues by file (input order), sheet (workbook order), row, then column; else as found (the sort is stable). */
function sortScoringIssues(issues: readonly ScoringIssue[], inputs: readonly RunInput[]): ScoringIssue[] {
  const fileOrder = new Map(inputs.map((input, i) => [input.file, i]));
  const sheetOrder = new Map(
    inputs.flatMap((input) =>
      input.workbook.sheets.map((s, i) => [`${input.file}\u0000${enumKey(s.name)}`, i] as const),
    ),
  );
  const column = (cell: string | null) => (cell === null ? -1 : (parseA1(cell)?.column ?? -1));
  return [...issues].sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      (sheetOrder.get(`${a.file}\u0000${enumKey(a.sheet)}`) ?? -1) -
        (sheetOrder.get(`${b.file}\u0000${enumKey(b.sheet)}`) ?? -1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      column(a.cell) - column(b.cell),
  );
}

function rowOf(cell: string): number | null {
  const m = /\d+$/.exec(cell);
  return m ? Number(m[0]) : null;
}

function lineOf(grade: Grade, settings: ScoringSettings): number | null {
  const [good, fair, pass] = settings.gradeThresholds;
  return grade === "好" ? good : grade === "较好" ? fair : grade === "一般" ? pass : null;
}
