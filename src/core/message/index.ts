import type { Issue, IssueData } from "../issue";
import { messageEn } from "./en";
import { messageZh } from "./zh";

export type Language = "zh" | "en";

/** Renders an issue's message in one language. */
export function localizeIssue<T extends IssueData>(issue: T, language: Language = "zh"): T & Issue {
  return { ...issue, message: language === "en" ? messageEn(issue) : messageZh(issue) } as T & Issue;
}

export { messageEn, messageZh };
export { gradeReasonEn, gradeReasonZh } from "./grade-reason";
