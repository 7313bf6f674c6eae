/**
 * The settings of SPEC §9 as one typed table: each row says the key as the `设置` sheet writes it, the
 * field of `Settings` it fills, how a cell is parsed, how a value is written back as text, and what
 * the issue says is expected when a value does not parse. The reader (`readSettings`), the task
 * pane's editor (its fields, their texts, the check as one types) and the write plan
 * (`planSettingsWrite`) all come from this table, so a new setting is one new row.
 */
import type { CellValue } from "../grid";
import type { Expectation } from "../issue";
import { type IsoDate, dayToIso } from "../date";
import { isPercentFormat, parseDate } from "../cell";
import { enumKey, nfkcTrim, splitList } from "../text";

/** 单位类别: the groups units are ranked within. */
export const GROUPS = ["县市区", "开发区", "市直机关", "市属国企", "其他"] as const;
export type Group = (typeof GROUPS)[number];

/** 等次 (SPEC §8), best first. */
export const GRADES = ["好", "较好", "一般", "差"] as const;
export type Grade = (typeof GRADES)[number];

export const DEFAULT_CATEGORIES = [
  "书记述职",
  "成效考核",
  "城市基层党建",
  "乡村振兴",
  "两新党建",
  "巡察整改",
  "宣传信息",
  "其他",
] as const;

/** 主送's default (SPEC §7). */
export const DEFAULT_ADDRESSEE = "各县市区、各开发区、市直各单位、市属各国有企业党组织：";

/** Ranking method (排名方式): competition `1,2,2,4` (default) or `中国式` dense `1,2,2,3`. */
export type RankingMethod = "competition" | "dense";

/**
 * An exact fraction, `numerator / denominator` (好等次比例 `30%` = 30/100): quotas are computed
 * from it in integers, never in floating point (SPEC §8).
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** An evaluation sheet and its weight in percent (考核权重). */
export interface SheetWeight {
  readonly sheet: string;
  readonly weight: number;
  /** A1 cell of the weight, for issues. */
  readonly cell: string;
}

export interface Settings {
  /** 通报期数 */
  readonly period: number | null;
  /** 统计截止日期 */
  readonly asOf: IsoDate | null;
  /** 红榜名次 */
  readonly redTop: number;
  /** 红榜最低完成率, a fraction. */
  readonly redMinRate: number;
  /** 黑榜名次 */
  readonly blackTop: number;
  /** 黑榜完成率低于, a fraction. */
  readonly blackBelowRate: number;
  /** 临期天数 */
  readonly dueSoonDays: number;
  /** 排名方式 */
  readonly rankingMethod: RankingMethod;
  /** 任务类别 */
  readonly categories: readonly string[];
  /** 等次线: thresholds for 好, 较好, 一般 (descending). */
  readonly gradeThresholds: readonly [number, number, number];
  /** 发文机关 (the notice's issuing office), or `null`: the 版头 line then shows only the date. */
  readonly issuer: string | null;
  /** 成文日期, or `null`: the day the notice is generated. */
  readonly issueDate: IsoDate | null;
  /** 主送 */
  readonly addressee: string;
  /** 补报天数: days 未报送 units are given to report. */
  readonly resubmitDays: number;
  /** 加分上限: the cap on a unit's 加分 (SPEC §8). */
  readonly bonusCap: number;
  /** 否决等次: the best grade a unit under 一票否决 can get. */
  readonly vetoGrade: Grade;
  /** 好等次比例, or `null` for no quota. */
  readonly topGradeRatio: Ratio | null;
  /** 考核权重, or `null` when the sheet has no such table (equal weights then). */
  readonly weights: readonly SheetWeight[] | null;
  /** Where the 考核权重 table's header is, for `weights-sum`. */
  readonly weightsCell: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  period: null,
  asOf: null,
  redTop: 3,
  redMinRate: 0.8,
  blackTop: 3,
  blackBelowRate: 0.5,
  dueSoonDays: 15,
  rankingMethod: "competition",
  categories: DEFAULT_CATEGORIES,
  gradeThresholds: [90, 80, 60],
  issuer: null,
  issueDate: null,
  addressee: DEFAULT_ADDRESSEE,
  resubmitDays: 3,
  bonusCap: 5,
  vetoGrade: "一般",
  topGradeRatio: null,
  weights: null,
  weightsCell: null,
};

/** What a setting's value should be, as a code (`invalid-setting`'s `expected`); words at the edge. */
export type SettingExpectation = Exclude<
  Expectation,
  "listed-once" | "percent" | "roster-header" | "group" | "history-header"
>;

/** The fields a table row fills (the 考核权重 block has its own reader). */
export type SettingField = Exclude<keyof Settings, "weights" | "weightsCell">;

/** Parses one `设置` value cell: the value, or `undefined` when it is invalid. */
type Parse<T> = (value: CellValue, numFmt: string | undefined, date1904: boolean) => T | undefined;

/** One row of the table. */
export interface SettingRow<Key extends string = string> {
  /** The key as the `设置` sheet writes it in column A. */
  readonly key: Key;
  readonly field: SettingField;
  readonly expected: SettingExpectation;
  /** The value of a (non-empty) cell, or `undefined` when it is invalid. */
  readonly parse: Parse<unknown>;
  /** The text of this setting's value in `settings`, as the editor shows it and a cell would hold it. */
  readonly text: (settings: Settings) => string;
}

function setting<const Key extends string, F extends SettingField>(row: {
  key: Key;
  field: F;
  expected: SettingExpectation;
  parse: Parse<NonNullable<Settings[F]>>;
  format: (value: NonNullable<Settings[F]>) => string;
}): SettingRow<Key> {
  return {
    key: row.key,
    field: row.field,
    expected: row.expected,
    parse: row.parse,
    text: (settings) => {
      const value = settings[row.field];
      return value === null ? "" : row.format(value as NonNullable<Settings[F]>);
    },
  };
}

// ---- parsers ------------------------------------------------------------------------------------

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** A number cell, or a string holding a plain decimal number. */
function numberOf(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") {
    const s = nfkcTrim(value);
    return DECIMAL.test(s) ? Number(s) : undefined;
  }
  return undefined;
}

const integerIn = (min: number, max: number) => (value: CellValue) => {
  const n = numberOf(value);
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** 红榜名次, 黑榜名次, 临期天数, 补报天数: 0–1000. */
const count = integerIn(0, 1000);

/** A rate written as `80%`, `80`, `0.8` or a %-formatted 0.8 → 0.8 (a plain number ≤ 1 is a fraction). */
export function rateOf(value: CellValue, numFmt: string | undefined): number | undefined {
  let rate: number | undefined;
  if (typeof value === "number") {
    rate = isPercentFormat(numFmt) || value <= 1 ? value : value / 100;
  } else if (typeof value === "string") {
    const m = /^([+-]?\d+(?:\.\d+)?)\s*(%)?$/.exec(nfkcTrim(value));
    if (!m) return undefined;
    const n = Number(m[1]);
    rate = m[2] !== undefined || n > 1 ? n / 100 : n;
  }
  return rate !== undefined && rate >= 0 && rate <= 1 ? rate : undefined;
}

const percentText = (rate: number) => `${Math.round(rate * 10000) / 100}%`;

const RANKING_WORDS: ReadonlyMap<string, RankingMethod> = new Map([
  ["中国式", "dense"],
  ["中国式排名", "dense"],
  ["密集", "dense"],
  ["dense", "dense"],
  ["竞争", "competition"],
  ["竞争式", "competition"],
  ["标准", "competition"],
  ["默认", "competition"],
  ["美式", "competition"],
  ["rank", "competition"],
  ["rank.eq", "competition"],
  ["competition", "competition"],
]);

function dateOf(value: CellValue, date1904: boolean): IsoDate | undefined {
  const parsed = parseDate(value, date1904);
  return parsed.kind === "ok" ? dayToIso(parsed.value) : undefined;
}

/** Free text (发文机关, 主送): trimmed, otherwise kept exactly as typed; a number as its decimal. */
function textOf(value: CellValue): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** `30%`, `30` (percent) or `0.3` (a fraction ≤ 1) as an exact ratio in (0, 1]. */
export function ratioOf(value: CellValue, numFmt: string | undefined): Ratio | undefined {
  let text: string;
  let percent: boolean;
  if (typeof value === "number") {
    // The shortest decimal that reads back as this double (0.3, not 0.29999…).
    text = String(value);
    percent = !isPercentFormat(numFmt) && value > 1;
  } else if (typeof value === "string") {
    const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(nfkcTrim(value));
    if (!m) return undefined;
    text = m[1]!;
    percent = m[2] !== undefined || Number(text) > 1;
  } else {
    return undefined;
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const decimals = m[2] ?? "";
  const numerator = Number(m[1]! + decimals);
  const denominator = 10 ** decimals.length * (percent ? 100 : 1);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) return undefined;
  if (numerator <= 0 || numerator > denominator) return undefined;
  return { numerator, denominator };
}

/** A ratio as a percentage, exactly (`1/3` is shown rounded to 0.01%). */
export function ratioText(ratio: Ratio): string {
  return percentText(ratio.numerator / ratio.denominator);
}

// ---- the table ----------------------------------------------------------------------------------

/** Every setting of SPEC §9, in the order the `设置` sheet lists them. */
export const SETTINGS_TABLE = [
  setting({
    key: "通报期数",
    field: "period",
    expected: "positive-integer",
    parse: (v) => {
      const s = typeof v === "string" ? /^第?\s*(\d+)\s*期?$/.exec(nfkcTrim(v))?.[1] : undefined;
      const n = s !== undefined ? Number(s) : numberOf(v);
      return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
    },
    format: String,
  }),
  setting({
    key: "统计截止日期",
    field: "asOf",
    expected: "date",
    parse: (v, _f, date1904) => dateOf(v, date1904),
    format: (iso) => iso,
  }),
  setting({ key: "红榜名次", field: "redTop", expected: "count", parse: count, format: String }),
  setting({
    key: "红榜最低完成率",
    field: "redMinRate",
    expected: "rate",
    parse: rateOf,
    format: percentText,
  }),
  setting({ key: "黑榜名次", field: "blackTop", expected: "count", parse: count, format: String }),
  setting({
    key: "黑榜完成率低于",
    field: "blackBelowRate",
    expected: "rate",
    parse: rateOf,
    format: percentText,
  }),
  setting({ key: "临期天数", field: "dueSoonDays", expected: "count", parse: count, format: String }),
  setting({
    key: "排名方式",
    field: "rankingMethod",
    expected: "ranking-method",
    parse: (v) => (typeof v === "string" ? RANKING_WORDS.get(enumKey(v).toLowerCase()) : undefined),
    format: (m) => (m === "dense" ? "中国式" : "竞争式"),
  }),
  setting({
    key: "任务类别",
    field: "categories",
    expected: "category-list",
    parse: (v) => {
      const list = typeof v === "string" ? splitList(v) : [];
      return list.length > 0 && new Set(list.map(enumKey)).size === list.length ? list : undefined;
    },
    format: (list) => list.join("、"),
  }),
  setting({
    key: "等次线",
    field: "gradeThresholds",
    expected: "grade-lines",
    parse: (v) => {
      if (typeof v !== "string") return undefined;
      const list = splitList(v)
        .map(nfkcTrim)
        .map((s) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN));
      if (list.length !== 3) return undefined;
      const [a, b, c] = list as [number, number, number];
      return a <= 100 && a > b && b > c && c >= 0 ? [a, b, c] : undefined;
    },
    format: (lines) => lines.join("、"),
  }),
  setting({ key: "发文机关", field: "issuer", expected: "text", parse: textOf, format: (s) => s }),
  setting({
    key: "成文日期",
    field: "issueDate",
    expected: "date",
    parse: (v, _f, date1904) => dateOf(v, date1904),
    format: (iso) => iso,
  }),
  setting({ key: "主送", field: "addressee", expected: "text", parse: textOf, format: (s) => s }),
  setting({ key: "补报天数", field: "resubmitDays", expected: "count", parse: count, format: String }),
  setting({
    key: "加分上限",
    field: "bonusCap",
    expected: "non-negative-number",
    parse: (v) => {
      const n = numberOf(v);
      return n !== undefined && n >= 0 ? n : undefined;
    },
    format: String,
  }),
  setting({
    key: "否决等次",
    field: "vetoGrade",
    expected: "grade",
    parse: (v) => (typeof v === "string" ? GRADES.find((g) => g === enumKey(v)) : undefined),
    format: (g) => g,
  }),
  setting({
    key: "好等次比例",
    field: "topGradeRatio",
    expected: "ratio",
    parse: ratioOf,
    format: ratioText,
  }),
] as const;

/** A key of the `设置` sheet (项目). */
export type SettingKey = (typeof SETTINGS_TABLE)[number]["key"];

/** The keys, in the table's order. */
export const SETTING_KEYS: readonly SettingKey[] = SETTINGS_TABLE.map((row) => row.key);

const BY_KEY: ReadonlyMap<string, SettingRow<SettingKey>> = new Map(
  SETTINGS_TABLE.map((row) => [row.key, row]),
);

/** The table row of a (normalised) key, or `undefined` for an unknown key. */
export function settingRow(key: string): SettingRow<SettingKey> | undefined {
  return BY_KEY.get(key);
}

/** The 考核权重 block: its header row in columns A–B, then one evaluation sheet and weight per row. */
export const WEIGHTS_HEADER = { sheet: "考核表", weight: "权重" } as const;
