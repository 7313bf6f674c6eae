import type { GradeReason } from "../scoring/types";

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** Why a unit has its grade, in Chinese (the 备注 of 考核汇总 and the pane). */
export function gradeReasonZh(reason: GradeReason): string {
  switch (reason.code) {
    case "grade-lines":
      return reason.params.line === null
        ? "综合得分未达到“一般”等次线"
        : `综合得分达到“${reason.params.grade}”等次线 ${fmt(reason.params.line)} 分`;
    case "quota-kept":
      return `好等次名额 ${reason.params.quota} 个，在好等次候选单位中列第 ${reason.params.rank} 位`;
    case "quota-lowered":
      return `好等次名额 ${reason.params.quota} 个，在好等次候选单位中列第 ${reason.params.rank} 位，按比例评为较好`;
    case "veto": {
      const why = reason.params.reason === "" ? "一票否决" : `一票否决：${reason.params.reason}`;
      return reason.params.lowered ? `${why}，等次不高于“${reason.params.cap}”` : why;
    }
    case "sheet-missing":
      return `“${reason.params.sheet}”无得分，按 0 分计`;
    case "scores-unusable":
      return `“${reason.params.sheet}”有 ${reason.params.cells} 项得分漏填或有误，按 0 分计`;
    case "bonus-capped":
      return `加分 ${fmt(reason.params.sum)} 分超过上限，按 ${fmt(reason.params.limit)} 分计`;
  }
}

/** Why a unit has its grade, in English. Grades and sheet names stay Chinese: they are the sheet's. */
export function gradeReasonEn(reason: GradeReason): string {
  switch (reason.code) {
    case "grade-lines":
      return reason.params.line === null
        ? "Composite below the 一般 line"
        : `Composite reaches the ${reason.params.grade} line of ${fmt(reason.params.line)}`;
    case "quota-kept":
      return `${reason.params.quota} 好 allowed; ${ordinal(reason.params.rank)} among the 好 candidates`;
    case "quota-lowered":
      return `${reason.params.quota} 好 allowed; ${ordinal(reason.params.rank)} among the 好 candidates, so 较好`;
    case "veto": {
      const why =
        reason.params.reason === "" ? "Vetoed (一票否决)" : `Vetoed (一票否决): ${reason.params.reason}`;
      return reason.params.lowered ? `${why}; grade capped at ${reason.params.cap}` : why;
    }
    case "sheet-missing":
      return `No score in ${reason.params.sheet}; counts 0`;
    case "scores-unusable":
      return `${reason.params.cells} score(s) in ${reason.params.sheet} empty or invalid; counted 0`;
    case "bonus-capped":
      return `Bonus ${fmt(reason.params.sum)} over the cap; ${fmt(reason.params.limit)} counts`;
  }
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}
