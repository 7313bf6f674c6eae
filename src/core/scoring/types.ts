/**
 * Types of evaluation scoring (考核评分, SPEC §8): the settings it reads, what it finds in the
 * workbooks, and what it computes per unit.
 */
import type { IssueData } from "../issue";
import type { Grade, Group, RankingMethod, Ratio, SheetWeight } from "../settings";

export type { Grade, Ratio };

/** The settings scoring uses (SPEC §8, §9). */
export interface ScoringSettings {
  /** 等次线: thresholds for 好, 较好, 一般. */
  readonly gradeThresholds: readonly [number, number, number];
  /** 排名方式 */
  readonly rankingMethod: RankingMethod;
  /** 考核权重, or `null`: every evaluation sheet found, equal weights. */
  readonly weights: readonly SheetWeight[] | null;
  /** The 考核权重 table's header cell in `设置`, for `weights-sum`. */
  readonly weightsCell: string | null;
  /** 加分上限 (default 5). */
  readonly bonusCap: number;
  /** 否决等次: the best grade a vetoed unit may get (default 一般). */
  readonly vetoGrade: Grade;
  /** 好等次比例, or `null` for no quota (the default). */
  readonly goodQuota: Ratio | null;
}

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = {
  gradeThresholds: [90, 80, 60],
  rankingMethod: "competition",
  weights: null,
  weightsCell: null,
  bonusCap: 5,
  vetoGrade: "一般",
  goodQuota: null,
};

/** An issue of a scoring run, with the file it was found in. */
export type ScoringIssue = IssueData & { readonly file: string };

/** An indicator column (指标) of an evaluation sheet. */
export interface Indicator {
  /** 0-based column. */
  readonly column: number;
  /** The header as typed (trimmed). */
  readonly header: string;
  /** 满分 */
  readonly max: number;
}

/** An evaluation sheet (考核表) as found: sheets of the same name in several files are one. */
export interface EvaluationSheet {
  readonly sheet: string;
  /** Weight in percent. */
  readonly weight: number;
  /** Sum of the indicators' maxima (of the first file that has the sheet). */
  readonly maxTotal: number;
  readonly indicators: readonly Indicator[];
  /** The files that hold it, in input order. */
  readonly files: readonly string[];
}

/** Why a unit's grade is what it is; words are made at the edge (`gradeReasonZh`, `gradeReasonEn`). */
export type GradeReason =
  | { readonly code: "grade-lines"; readonly params: { readonly grade: Grade; readonly line: number | null } }
  | { readonly code: "quota-kept"; readonly params: { readonly quota: number; readonly rank: number } }
  | { readonly code: "quota-lowered"; readonly params: { readonly quota: number; readonly rank: number } }
  | {
      readonly code: "veto";
      readonly params: { readonly reason: string; readonly cap: Grade; readonly lowered: boolean };
    }
  | { readonly code: "sheet-missing"; readonly params: { readonly sheet: string } }
  | { readonly code: "scores-unusable"; readonly params: { readonly sheet: string; readonly cells: number } }
  | { readonly code: "bonus-capped"; readonly params: { readonly sum: number; readonly limit: number } };

/** One unit's result. */
export interface UnitScore {
  readonly unit: string;
  /** 单位类别, or `null` without a roster. */
  readonly group: Group | null;
  /** Normalised score (0–100) per evaluation sheet; 0 where the unit has no row. */
  readonly scores: Readonly<Record<string, number>>;
  /** Σ weight × normalised / 100. */
  readonly weighted: number;
  /** 加分 after the cap. */
  readonly bonus: number;
  /** 扣分 */
  readonly penalty: number;
  /** weighted + bonus − penalty, unrounded. */
  readonly composite: number;
  readonly rank: number;
  /** Shares its rank (并列). */
  readonly tied: boolean;
  readonly grade: Grade;
  /** The grade from the lines alone, before the quota and the veto. */
  readonly gradeBeforeLimits: Grade;
  /** 一票否决 事由 (`""` when listed without one), or `null`. */
  readonly veto: string | null;
  /** Evaluation sheets without a row for the unit. */
  readonly missingSheets: readonly string[];
  readonly reasons: readonly GradeReason[];
}

/** One group's table: units in display order (rank, then name) and its quota. */
export interface GroupScore {
  readonly group: Group | null;
  readonly units: readonly UnitScore[];
  /** How many 好 the 好等次比例 allows in this group, or `null` without a quota. */
  readonly quota: number | null;
  /** Units graded 好 in the end. */
  readonly good: number;
}

export interface ScoringResult {
  readonly sheets: readonly EvaluationSheet[];
  readonly groups: readonly GroupScore[];
  /** Every unit, in group order then rank. */
  readonly units: readonly UnitScore[];
  readonly issues: readonly ScoringIssue[];
  readonly settings: ScoringSettings;
  /**
   * Errors that make the result unsafe to publish (settings, roster, weights, a missing or
   * unreadable evaluation, 加减分 or 一票否决 sheet): while there are any, no 考核汇总 is written.
   */
  readonly blocking: readonly ScoringIssue[];
}
