/**
 * The `设置` (settings) and `单位名册` (roster) sheets of SPEC §9. Invalid entries become issues with
 * their cell; a caller that needs valid settings (the notice, scoring) refuses to go on when any of
 * these issues is an error.
 */
import { z } from "zod";
import { type CellValue, type SheetGrid, a1, cellFormat, cellValue } from "../grid";
import { type IssueData, makeIssue } from "../issue";
import { type IsoDate, dayToIso } from "../date";
import { isEmptyValue, isPercentFormat, parseDate, rawValue } from "../cell";
import { enumKey, nfkcTrim, splitList } from "../text";
import { isFooterText, normalizeHeader } from "../ledger/columns";

export const SETTINGS_SHEET = "设置";
export const ROSTER_SHEET = "单位名册";

/** 单位类别: the groups units are ranked within. */
export const GROUPS = ["县市区", "开发区", "市直机关", "市属国企", "其他"] as const;
export type Group = (typeof GROUPS)[number];

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

/** Ranking method (排名方式): competition `1,2,2,4` (default) or `中国式` dense `1,2,2,3`. */
export type RankingMethod = "competition" | "dense";

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
  weights: null,
  weightsCell: null,
};

type Parser = (
  value: CellValue,
  numFmt: string | undefined,
  date1904: boolean,
) => z.ZodSafeParseResult<unknown>;

function numberOf(value: CellValue): unknown {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const s = nfkcTrim(value);
    return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  return value;
}

const count = (min: number) => z.preprocess(numberOf, z.number().int().min(min).max(1000));

/** A rate written as `80%`, `80`, `0.8` or a %-formatted 0.8 → 0.8. */
function rateOf(value: CellValue, numFmt: string | undefined): unknown {
  if (typeof value === "number") {
    if (isPercentFormat(numFmt) || value <= 1) return value;
    return value / 100;
  }
  if (typeof value === "string") {
    const m = /^([+-]?\d+(?:\.\d+)?)\s*(%)?$/.exec(nfkcTrim(value));
    if (!m) return value;
    const n = Number(m[1]);
    return m[2] !== undefined || n > 1 ? n / 100 : n;
  }
  return value;
}

const rate = z.number().min(0).max(1);

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

const SETTING_PARSERS: Readonly<Record<string, { field: keyof Settings; parse: Parser; expected: string }>> =
  {
    通报期数: {
      field: "period",
      parse: (v) =>
        z
          .preprocess((x) => {
            const s = typeof x === "string" ? /^第?\s*(\d+)\s*期?$/.exec(nfkcTrim(x))?.[1] : undefined;
            return s !== undefined ? Number(s) : numberOf(x as CellValue);
          }, z.number().int().min(1))
          .safeParse(v),
      expected: "正整数",
    },
    统计截止日期: {
      field: "asOf",
      parse: (v, _f, date1904) => {
        const parsed = parseDate(v, date1904);
        return z.string().safeParse(parsed.kind === "ok" ? dayToIso(parsed.value) : undefined);
      },
      expected: "日期，如 2022-10-31",
    },
    红榜名次: { field: "redTop", parse: (v) => count(0).safeParse(v), expected: "非负整数" },
    黑榜名次: { field: "blackTop", parse: (v) => count(0).safeParse(v), expected: "非负整数" },
    临期天数: { field: "dueSoonDays", parse: (v) => count(0).safeParse(v), expected: "非负整数" },
    红榜最低完成率: {
      field: "redMinRate",
      parse: (v, f) => rate.safeParse(rateOf(v, f)),
      expected: "0–100%",
    },
    黑榜完成率低于: {
      field: "blackBelowRate",
      parse: (v, f) => rate.safeParse(rateOf(v, f)),
      expected: "0–100%",
    },
    排名方式: {
      field: "rankingMethod",
      parse: (v) =>
        z
          .enum(["competition", "dense"])
          .safeParse(typeof v === "string" ? RANKING_WORDS.get(enumKey(v).toLowerCase()) : undefined),
      expected: "中国式 或 竞争式",
    },
    任务类别: {
      field: "categories",
      parse: (v) =>
        z
          .array(z.string())
          .min(1)
          .refine((a) => new Set(a).size === a.length)
          .safeParse(typeof v === "string" ? splitList(v) : undefined),
      expected: "以“、”分隔的类别，不重复",
    },
    等次线: {
      field: "gradeThresholds",
      parse: (v) =>
        z
          .tuple([z.number(), z.number(), z.number()])
          .refine(([a, b, c]) => a <= 100 && a > b && b > c && c >= 0)
          .safeParse(
            typeof v === "string"
              ? splitList(v).map((s) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN))
              : undefined,
          ),
      expected: "三个递减的分数，如 90、80、60",
    },
  };

function textAt(sheet: SheetGrid, row: number, column: number): string {
  const v = cellValue(sheet, row, column);
  return typeof v === "string" ? normalizeHeader(v) : "";
}

/** Reads `设置`. Empty values keep their defaults. */
export function readSettings(
  sheet: SheetGrid,
  date1904: boolean,
): { settings: Settings; issues: IssueData[] } {
  const issues: IssueData[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const place = (row: number, column: number, key: string) => ({
    sheet: sheet.name,
    cell: a1(row, column),
    row: row + 1,
    column: key,
  });
  let inWeights = false;
  let weights: SheetWeight[] | null = null;
  for (let r = 0; r < sheet.values.length; r++) {
    const key = textAt(sheet, r, 0);
    if (key === "") {
      if (inWeights && isEmptyValue(cellValue(sheet, r, 1))) inWeights = false;
      continue;
    }
    if (key === "项目" && textAt(sheet, r, 1) === "值") continue;
    if (key === "考核表" && textAt(sheet, r, 1) === "权重") {
      inWeights = true;
      weights = [];
      out["weightsCell"] = a1(r, 1);
      continue;
    }
    const value = cellValue(sheet, r, 1);
    // A known setting ends the 考核权重 table even without a blank row before it: it is no
    // evaluation sheet, and reading it as one would reject it as a weight.
    if (inWeights && SETTING_PARSERS[key]) inWeights = false;
    if (inWeights && weights) {
      const name = cellValue(sheet, r, 0);
      const weight = rateOf(value, cellFormat(sheet, r, 1));
      const parsed = z.number().min(0).max(1).safeParse(weight);
      const listed = weights.find((w) => enumKey(w.sheet) === enumKey(String(name)));
      if (listed) {
        issues.push(
          makeIssue("invalid-setting", place(r, 0, "考核表"), rawValue(name), {
            params: { key: "考核表", expected: "每张考核表只列一次", firstRow: Number(listed.cell.slice(1)) },
          }),
        );
      } else if (!parsed.success) {
        issues.push(
          makeIssue("invalid-setting", place(r, 1, "权重"), rawValue(value), {
            params: { key: String(name), expected: "0–100" },
          }),
        );
      } else {
        weights.push({
          sheet: nfkcTrim(String(name)),
          weight: Math.round(parsed.data * 1e9) / 1e7,
          cell: a1(r, 1),
        });
      }
      continue;
    }
    const def = SETTING_PARSERS[key];
    if (!def) {
      issues.push(makeIssue("unknown-setting", place(r, 0, "项目"), rawValue(cellValue(sheet, r, 0))));
      continue;
    }
    if (isEmptyValue(value)) continue;
    const parsed = def.parse(value, cellFormat(sheet, r, 1), date1904);
    if (parsed.success) {
      out[def.field] = parsed.data;
    } else {
      issues.push(
        makeIssue("invalid-setting", place(r, 1, key), rawValue(value), {
          params: { key, expected: def.expected },
        }),
      );
    }
  }
  out["weights"] = weights;
  return { settings: out as unknown as Settings, issues };
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
  if (header < 0 || columns.name === undefined || columns.group === undefined) {
    issues.push(
      makeIssue("invalid-roster", { sheet: sheet.name, cell: "A1", row: 1, column: "单位名称" }, null, {
        params: { expected: "表头：单位名称、单位类别、别名" },
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
      params: { detail: key, firstRow: firstRowOf.get(key)! },
    });
  for (let r = header + 1; r < sheet.values.length; r++) {
    const nameValue = cellValue(sheet, r, columns.name);
    // A note under the list (注：…) is no unit.
    if (isEmptyValue(nameValue) || isFooterText(nameValue)) continue;
    const name = nfkcTrim(String(rawValue(nameValue)));
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
          { params: { expected: GROUPS.join("、") } },
        ),
      );
      unranked.push({ name, aliases });
      continue;
    }
    units.push({ name, group, aliases });
  }
  return { roster: unranked.length > 0 ? { units, unranked } : { units }, issues };
}
