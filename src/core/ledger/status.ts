import { makeVocabulary } from "../cell";

/** 推进状态: canonical statuses. A task is completed when 已完成 or 已销号 (closed out after checking). */
export const STATUSES = ["未启动", "推进中", "已完成", "已销号"] as const;
export type Status = (typeof STATUSES)[number];

/** SPEC §3: synonyms accepted with warning `nonstandard-value`. */
export const STATUS_SYNONYMS: ReadonlyArray<readonly [string, Status]> = [
  ["完成", "已完成"],
  ["已办结", "已完成"],
  ["办结", "已完成"],
  ["已完结", "已完成"],
  ["完结", "已完成"],
  ["进行中", "推进中"],
  ["正在推进", "推进中"],
  ["持续推进", "推进中"],
  ["在推进", "推进中"],
  ["推进", "推进中"],
  ["未开始", "未启动"],
  ["尚未启动", "未启动"],
  ["未推进", "未启动"],
  ["销号", "已销号"],
];

export const STATUS_VOCABULARY = makeVocabulary(STATUSES, STATUS_SYNONYMS);

export function isCompleted(status: Status): boolean {
  return status === "已完成" || status === "已销号";
}
