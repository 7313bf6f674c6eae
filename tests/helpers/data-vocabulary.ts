/**
 * In English the product shows no Chinese except data (issue #7): the users' own text and the
 * product's Chinese vocabulary that is data — headers, statuses, categories, groups, grades, setting
 * keys and values, the sheets it reads and writes. The CLI's and the pane's English tests share this
 * list and the check; each adds its own sample's words.
 */
import {
  ADJUSTMENT_SHEET,
  COLLECT_LOG_HEADERS,
  COLLECT_LOG_SHEET,
  COLUMNS,
  DEFAULT_ADDRESSEE,
  DEFAULT_SETTINGS,
  FEEDBACK_SHEET,
  GRADES,
  GROUPS,
  HISTORY_SHEET,
  MERGED_SHEET,
  OPTIONS_SHEET,
  REPORT_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  SETTING_KEYS,
  STATUS_VOCABULARY,
  SUMMARY_SHEET,
  TEMPLATE_SHEET,
  VETO_SHEET,
  WEIGHTS_HEADER,
} from "../../src/core";

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** The product's own Chinese words that are data, in every language. */
export function productVocabulary(): string[] {
  return [
    ...COLUMNS.flatMap((c) => [c.header, ...c.aliases]),
    ...STATUS_VOCABULARY.canonical,
    ...STATUS_VOCABULARY.lookup.keys(),
    ...DEFAULT_SETTINGS.categories,
    ...GRADES,
    ...GROUPS,
    ...SETTING_KEYS,
    ...[ROSTER_SHEET, SETTINGS_SHEET, HISTORY_SHEET, MERGED_SHEET, COLLECT_LOG_SHEET, REPORT_SHEET],
    ...[FEEDBACK_SHEET, ADJUSTMENT_SHEET, VETO_SHEET, SUMMARY_SHEET, TEMPLATE_SHEET, OPTIONS_SHEET],
    // 收集情况's headers (填报日期 is also the template's filing label, which decides duplicates).
    ...COLLECT_LOG_HEADERS,
    // Settings' values and the evaluation sheets' headers, as users type them (SPEC §8, §9).
    ...[DEFAULT_ADDRESSEE, "竞争式", "中国式", WEIGHTS_HEADER.sheet, WEIGHTS_HEADER.weight, "考核权重"],
  ];
}

/** The words that hold CJK, longest first (so a longer word is taken out before a word inside it). */
export function dataWords(words: Iterable<string>): string[] {
  return [...new Set(words)].filter((w) => CJK.test(w)).sort((a, b) => b.length - a.length);
}

/**
 * The lines of `text` that still hold CJK once data is taken out: what `data` matches (quoted values,
 * file names, …) and then every word of `words`. Any line left holds a word the product did not
 * translate.
 */
export function untranslated(text: string, words: readonly string[], data: readonly RegExp[]): string[] {
  const left: string[] = [];
  for (const line of text.split("\n")) {
    let rest = line;
    for (const pattern of data) rest = rest.replace(pattern, "");
    for (const word of words) rest = rest.split(word).join("");
    if (CJK.test(rest)) left.push(line);
  }
  return left;
}
