/**
 * The 考核 view's calls into the core engine (SPEC §8): the same `scoreRun` and
 * `buildScoreSummaryPlan` as the CLI's `taizhang score`, over the open workbook as a run of one
 * file, with the words made here in the pane's language. Loaded lazily with the view's work.
 */
import {
  type Issue,
  type ScoringResult,
  type SheetGrid,
  type SheetPlan,
  type WorkbookGrid,
  SETTINGS_SHEET,
  SUMMARY_SHEET,
  buildScoreSummaryPlan,
  countIssues,
  findSheet,
  gradeReasonEn,
  gradeReasonZh,
  localizeIssue,
  planWeightsWrite,
  ratioText,
  remarkReasons,
  scoreRun,
  sheetIs,
} from "../core";
import type { Language } from "./i18n";

/** The label of the open workbook in a scoring run. */
const CURRENT_WORKBOOK = "当前工作簿";

/** Sheets the view reads: all but those the product generated (core's `isScoringInput`). */
export { isScoringInput as isScoreInput } from "../core";

/** `设置` alone, for saving the weights. */
export function isSettingsSheet(name: string): boolean {
  return sheetIs(name, SETTINGS_SHEET);
}

export interface ScorePaneUnit {
  readonly unit: string;
  readonly rank: number;
  readonly tied: boolean;
  /** 综合得分, two decimals. */
  readonly composite: string;
  readonly grade: string;
  /** The grade is below the lines' (quota or veto). */
  readonly limited: boolean;
  /** Why, in the pane's language (veto, quota, missing sheets, capped bonus); `""` when nothing to say. */
  readonly remark: string;
}

export interface ScorePane {
  readonly sheets: ReadonlyArray<{ sheet: string; weight: number; maxTotal: number; indicators: number }>;
  /** The weights come from 设置's 考核权重 table (else: equal weights over the sheets found). */
  readonly weightsListed: boolean;
  readonly rules: {
    readonly lines: string;
    readonly bonusCap: number;
    readonly vetoGrade: string;
    /** 好等次比例 as a percentage, or `null` when none is set. */
    readonly quota: string | null;
  };
  readonly groups: ReadonlyArray<{
    readonly group: string | null;
    readonly quota: number | null;
    readonly good: number;
    readonly units: readonly ScorePaneUnit[];
  }>;
  readonly issues: readonly Issue[];
  /** Errors that stop 生成考核汇总 (settings, roster, weights, an unreadable scoring sheet). */
  readonly blocking: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  /** The 考核汇总 plan, or `null` when nothing may be written (no sheets, or blocking errors). */
  readonly plan: SheetPlan | null;
  readonly summarySheet: string;
}

/** Scores the open workbook and plans 考核汇总, as `taizhang score` does for a file. */
export function prepareScore(workbook: WorkbookGrid, options: { language: Language }): ScorePane {
  const result: ScoringResult = scoreRun([{ file: CURRENT_WORKBOOK, workbook }]);
  const localize = ({ file: _file, ...issue }: (typeof result.issues)[number]): Issue =>
    localizeIssue(issue, options.language);
  const reason = options.language === "en" ? gradeReasonEn : gradeReasonZh;
  const s = result.settings;
  const { errors, warnings } = countIssues(result.issues);
  return {
    sheets: result.sheets.map((x) => ({
      sheet: x.sheet,
      weight: x.weight,
      maxTotal: x.maxTotal,
      indicators: x.indicators.length,
    })),
    weightsListed: s.weights !== null,
    rules: {
      lines: s.gradeThresholds.join("、"),
      bonusCap: s.bonusCap,
      vetoGrade: s.vetoGrade,
      quota: s.goodQuota === null ? null : ratioText(s.goodQuota),
    },
    groups: result.groups.map((g) => ({
      group: g.group,
      quota: g.quota,
      good: g.good,
      units: g.units.map((u) => ({
        unit: u.unit,
        rank: u.rank,
        tied: u.tied,
        composite: (Math.round(u.composite * 100) / 100).toFixed(2),
        grade: u.grade,
        limited: u.grade !== u.gradeBeforeLimits,
        remark: remarkReasons(u)
          .map(reason)
          .join(options.language === "en" ? "; " : "；"),
      })),
    })),
    issues: result.issues.map(localize),
    blocking: result.blocking.map(localize),
    errors,
    warnings,
    plan: result.sheets.length > 0 && result.blocking.length === 0 ? buildScoreSummaryPlan(result) : null,
    summarySheet: SUMMARY_SHEET,
  };
}

/** Typed weights checked by core: each a percent 0–100, together 100 (to 6 decimals). */
export { checkTypedWeights as checkWeights, parseTypedWeight } from "../core";

/** The cells that save the weights into `设置`, or `null` when the table has no room for them. */
export function planWeightsSave(
  workbook: WorkbookGrid,
  weights: ReadonlyArray<{ sheet: string; weight: number }>,
): ReturnType<typeof planWeightsWrite> {
  const sheet: SheetGrid | null = findSheet(workbook, SETTINGS_SHEET) ?? null;
  return planWeightsWrite(sheet, weights);
}
