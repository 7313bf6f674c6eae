/**
 * Which sheets a scoring run reads, and which it may score (SPEC §8): 设置, 单位名册, 加减分 and
 * 一票否决 are read but never scored; what the product generates is neither; any other sheet may be
 * an evaluation sheet. Names compare as keys (NFKC, no white space).
 */
import {
  ADJUSTMENT_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  SUMMARY_SHEET,
  VETO_SHEET,
  isNonEvaluationSheet,
  isScoringInput,
} from "../../src/core";

/** [sheet name, read by a scoring run, never scored]. */
const cases: Array<[string, boolean, boolean]> = [
  // Inputs that are not evaluation sheets.
  [SETTINGS_SHEET, true, true],
  [ROSTER_SHEET, true, true],
  [ADJUSTMENT_SHEET, true, true],
  [VETO_SHEET, true, true],
  [` ${VETO_SHEET} `, true, true],
  // What the product writes.
  [SUMMARY_SHEET, false, true],
  ["通报（第3期）", false, true],
  ["通报(第3期)附件2", false, true],
  ["专项通报（组织生活）第2期", false, true],
  ["专项通报", false, true],
  ["专项通报（组织生活）", false, true],
  ["台账汇总（第3期）", false, true],
  ["台账汇总", false, true],
  ["台账汇总2026", false, true],
  ["通报记录", false, true],
  ["校验报告", false, true],
  ["收集情况", false, true],
  ["选项", false, true],
  ["退回修改说明", false, true],
  ["退回修改说明（2）", false, true],
  // Evaluation sheets (or sheets that may be one).
  ["平时掌握情况", true, false],
  ["年终专项考评", true, false],
  ["通报情况考评", true, false],
  ["2026年度台账汇总考评", true, false],
  ["组织生活专项通报整改考评", true, false],
];

test.each(cases)("%s: read %p, never scored %p", (name, read, neverScored) => {
  expect(isScoringInput(name)).toBe(read);
  expect(isNonEvaluationSheet(name)).toBe(neverScored);
});
