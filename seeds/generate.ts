/**
 * Generates the bundled sample under `seeds/`: two periods of returned ledgers for the fictional
 * 江城市 (one workbook per unit), the year-end evaluation workbook, and manifests of every issue the
 * engine must report on them.
 *
 * The files are written with ExcelJS directly, deliberately not with our own xlsx adapter, so that
 * the sample is an independent oracle for the adapter and the engine. Everything is drawn from a
 * seeded PRNG: two runs produce the same cells.
 *
 * Run: `npx tsc -p tsconfig.cli.json && node dist/seeds/generate.js [OUT_DIR]`.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";

import {
  CATEGORIES,
  EVIDENCE,
  GIVEN_NAMES,
  NOTES_IN_PROGRESS,
  ROSTER,
  SURNAMES,
  TASKS,
  groupKey,
  type Category,
  type RosterUnit,
} from "./sample-data";
import { HANDS, PLANTS, type DateForm, type Field, type Hand, type Plant, type ProgressForm } from "./hands";

// ---------------------------------------------------------------------------------------------
// Manifest types

/** One issue the engine must report: the contract of `expected-issues.json`. */
export interface ExpectedIssue {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly code: string;
}

/** An expected issue with the value the generator put in the cell (see `plainCellValue`). */
export interface PlantedCell extends ExpectedIssue {
  readonly value: string | number | null;
  /** Why: the plant kind, or the warning's cause. */
  readonly what: string;
}

export interface PeriodManifest {
  readonly period: 1 | 2;
  readonly asOf: string;
  /** Folder relative to the output folder, e.g. `period-1`. */
  readonly dir: string;
  /** Workbook file names in that folder. */
  readonly files: readonly string[];
  /** Roster units that sent no ledger (未报送). */
  readonly notSubmitted: readonly string[];
  /** Units whose ledger did not move since the previous period (停滞). */
  readonly stalled: readonly string[];
  /** Per unit: tasks and completed tasks as the generator intended them (before planted mistakes). */
  readonly units: readonly { unit: string; tasks: number; completed: number }[];
  readonly issues: readonly PlantedCell[];
}

export type ScoringGrade = "好" | "较好" | "一般" | "差";

export interface ScoringManifest {
  readonly file: string;
  readonly weights: Readonly<Record<string, number>>;
  /** The scoring settings written to 设置 (and the defaults the sample relies on). */
  readonly settings: {
    readonly gradeLines: readonly [number, number, number];
    readonly bonusCap: number;
    readonly vetoGrade: ScoringGrade;
    /** 好等次比例 in percent. */
    readonly goodPercent: number;
  };
  /** Per group: roster units and the 好 the quota allows. */
  readonly quotas: Readonly<Record<string, { units: number; quota: number }>>;
  readonly units: readonly {
    unit: string;
    group: string;
    scores: Record<string, number>;
    /** 加分 after the cap, 扣分, and the 一票否决 事由 (or null). */
    bonus: number;
    penalty: number;
    veto: string | null;
    composite: number;
    /** Competition rank in the group (compared after rounding to 6 decimals). */
    rank: number;
    gradeBeforeLimits: ScoringGrade;
    grade: ScoringGrade;
  }[];
  readonly issues: readonly PlantedCell[];
}

export interface SampleManifest {
  readonly outDir: string;
  readonly roster: readonly { name: string; group: string; aliases: readonly string[] }[];
  readonly periods: readonly PeriodManifest[];
  readonly scoring: ScoringManifest;
}

// ---------------------------------------------------------------------------------------------
// Fixed facts of the sample

const YEAR = 2022;
const MS_PER_DAY = 86_400_000;
const LEDGER_SHEET_TITLE = "基层党建工作重点任务推进台账";
const SCORING_FILE = "考核评分.xlsx";

interface PeriodPlan {
  readonly period: 1 | 2;
  readonly asOf: number;
  readonly missing: readonly string[];
  readonly stalled: readonly string[];
}

const PERIODS: readonly PeriodPlan[] = [
  { period: 1, asOf: day(YEAR, 9, 30), missing: ["云岭县", "市商务局"], stalled: [] },
  {
    period: 2,
    asOf: day(YEAR, 10, 31),
    missing: ["市商务局", "江城文旅集团"],
    stalled: ["桃源县", "市民政局", "江城交投集团"],
  },
];

// ---------------------------------------------------------------------------------------------
// Small helpers: PRNG, days, A1 references

/** mulberry32: a tiny, well-mixed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units: a stable seed per unit name. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Days since 1970-01-01 (UTC) of a calendar date. */
function day(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function ymdOf(dayNumber: number): { y: number; m: number; d: number } {
  const dt = new Date(dayNumber * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOf(dayNumber: number): string {
  const { y, m, d } = ymdOf(dayNumber);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function cnDateOf(dayNumber: number): string {
  const { y, m, d } = ymdOf(dayNumber);
  return `${y}年${m}月${d}日`;
}

function dateObject(dayNumber: number): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

/** Excel serial in the 1900 date system (valid after 1900-03-01). */
function serialOf(dayNumber: number): number {
  return dayNumber + 25569;
}

/** ASCII digits and punctuation to their full-width forms (NFKC maps them back). */
function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function columnName(index: number): string {
  let name = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A1 reference from 1-based row and column. */
function ref(row: number, col: number): string {
  return `${columnName(col - 1)}${row}`;
}

function pick<T>(items: readonly T[], roll: number): T {
  const item = items[Math.min(items.length - 1, Math.floor(roll * items.length))];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/**
 * The plain content of an ExcelJS cell value, as the manifest records it: strings and numbers as
 * they are, dates as `YYYY-MM-DD` (UTC), formulas as their cached result, rich text as its text,
 * formula errors as `#N/A` etc., empty as `null`.
 */
export function plainCellValue(value: ExcelJS.CellValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && result !== null && "error" in result) {
      return (result as { error: string }).error;
    }
    return plainCellValue(result as ExcelJS.CellValue);
  }
  if ("text" in value) return value.text;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The tasks of one unit, independent of the period

type Status = "未启动" | "推进中" | "已完成" | "已销号";

interface UnitTask {
  readonly index: number;
  readonly code: string;
  readonly category: Category;
  readonly text: string;
  readonly deadline: number;
  readonly start: number;
  /** The day it gets done, or null when it will not be done in the year. */
  readonly completion: number | null;
  /** Days after completion until the office closes it out (已销号), or null. */
  readonly closeLag: number | null;
  readonly owner: string;
  readonly evidence: string;
  /** Per-task dice for the rendering choices, fixed for both periods. */
  readonly rolls: readonly number[];
}

interface UnitPlan {
  readonly unit: RosterUnit;
  readonly hand: Hand;
  readonly tasks: readonly UnitTask[];
  readonly staff: readonly string[];
  readonly phone: string;
  readonly leader: string;
}

function personName(rand: () => number): string {
  return pick([...SURNAMES], rand()) + pick(GIVEN_NAMES, rand());
}

function planUnit(unit: RosterUnit): UnitPlan {
  const rand = mulberry32(hashString(`江城市/${unit.name}`));
  const hand = HANDS[unit.name];
  if (hand === undefined) throw new Error(`no hand for ${unit.name}`);
  const key = groupKey(unit.group);

  const categoryCounters = new Map<string, number>();
  const pool = TASKS.map((t) => {
    const n = (categoryCounters.get(t.category) ?? 0) + 1;
    categoryCounters.set(t.category, n);
    const catCode = CATEGORIES.find(([c]) => c === t.category)?.[1] ?? "QT";
    return { ...t, code: `${catCode}-${pad2(n)}` };
  }).filter((t) => t.groups.includes(key));

  const wanted = Math.min(pool.length, 36 + Math.floor(rand() * 9));
  const chosen = [...pool];
  while (chosen.length > wanted) chosen.splice(Math.floor(rand() * chosen.length), 1);

  const staff: string[] = [];
  const staffCount = 4 + Math.floor(rand() * 3);
  while (staff.length < staffCount) {
    const name = personName(rand);
    if (!staff.includes(name)) staff.push(name);
  }

  const bias = 30 - 140 * unit.diligence; // days after the deadline, on average
  const failure = 0.22 - 0.21 * unit.diligence;
  const yearEnd = day(YEAR, 12, 31);

  const tasks = chosen.map((t, index): UnitTask => {
    const [mm, dd] = t.deadline.split("-").map(Number);
    const deadline = day(YEAR, mm ?? 12, dd ?? 31);
    const start = Math.max(day(YEAR, 1, 4), deadline - 20 - Math.floor(rand() * 120));
    let completion: number | null = null;
    if (rand() >= failure) {
      const c = Math.max(start + 7, deadline + Math.round(bias + (rand() - 0.5) * 60));
      completion = c <= yearEnd ? c : null;
    } else {
      rand();
    }
    const closeLag = rand() < 0.55 ? 7 + Math.floor(rand() * 40) : null;
    const owner = pick(staff, rand());
    const evidence = pick(EVIDENCE[t.category], rand());
    const rolls = Array.from({ length: 8 }, () => rand());
    return {
      index,
      code: t.code,
      category: t.category,
      text: t.text,
      deadline,
      start,
      completion,
      closeLag,
      owner,
      evidence,
      rolls,
    };
  });

  const phone = `0798-8${String(100000 + Math.floor(rand() * 899999)).slice(0, 6)}`;
  return { unit, hand, tasks, staff, phone, leader: personName(rand) };
}

interface TaskState {
  readonly status: Status;
  readonly progress: number;
  readonly doneDate: number | null;
}

function stateAt(task: UnitTask, asOf: number): TaskState {
  if (task.completion !== null && task.completion <= asOf) {
    const closed = task.closeLag !== null && task.completion + task.closeLag <= asOf;
    return { status: closed ? "已销号" : "已完成", progress: 100, doneDate: task.completion };
  }
  if (asOf < task.start) return { status: "未启动", progress: 0, doneDate: null };
  const target = task.completion ?? task.deadline + 75;
  const fraction = (asOf - task.start) / Math.max(1, target - task.start);
  const progress = Math.min(95, Math.max(5, Math.round((fraction * 100) / 5) * 5));
  return { status: "推进中", progress, doneDate: null };
}

// ---------------------------------------------------------------------------------------------
// Rendering cells

interface CellSpec {
  value: ExcelJS.CellValue;
  numFmt?: string;
  /** Issue codes the engine must report on this cell. */
  codes: string[];
  /** Why (the plant kind or the warning's cause). */
  what?: string;
}

const EMPTY = (): CellSpec => ({ value: null, codes: [] });

const DATE_FORMS: readonly DateForm[] = [
  "date",
  "date-cn",
  "serial",
  "cn",
  "dot",
  "slash",
  "dash",
  "ymd-string",
  "ymd-number",
  "fullwidth",
];

function renderDate(dayNumber: number | null, form: DateForm, roll: number): CellSpec {
  if (dayNumber === null) return EMPTY();
  const { y, m, d } = ymdOf(dayNumber);
  const actual = form === "mixed" ? pick(DATE_FORMS, roll) : form;
  switch (actual) {
    case "date":
      return { value: dateObject(dayNumber), numFmt: "yyyy-mm-dd", codes: [] };
    case "date-cn":
      return { value: dateObject(dayNumber), numFmt: 'yyyy"年"m"月"d"日"', codes: [] };
    case "serial":
      return { value: serialOf(dayNumber), numFmt: "yyyy/m/d", codes: [] };
    case "cn":
      return { value: `${y}年${m}月${d}日`, codes: [] };
    case "dot":
      return { value: `${y}.${m}.${d}`, codes: [] };
    case "slash":
      return { value: `${y}/${m}/${d}`, codes: [] };
    case "dash":
      return { value: `${y}-${pad2(m)}-${pad2(d)}`, codes: [] };
    case "datetime":
      return { value: `${y}-${pad2(m)}-${pad2(d)} 00:00:00`, codes: [] };
    case "ymd-string":
      return { value: `${y}${pad2(m)}${pad2(d)}`, numFmt: "@", codes: [] };
    case "ymd-number":
      return { value: y * 10000 + m * 100 + d, numFmt: "0", codes: [] };
    case "fullwidth":
      return { value: toFullWidth(`${y}-${m}-${d}`), codes: [] };
    case "mixed":
      throw new Error("unreachable");
  }
}

const PROGRESS_FORMS: readonly ProgressForm[] = ["pct", "number", "string"];

function renderProgress(progress: number, form: ProgressForm, roll: number): CellSpec {
  if (form === "mixed") {
    // Beyond the three plain forms: full-width `８５％` and a bare string `"85"`.
    if (roll < 0.1) return { value: toFullWidth(`${progress}%`), codes: [] };
    if (roll < 0.2) return { value: String(progress), codes: [] };
    return renderProgress(progress, pick(PROGRESS_FORMS, (roll - 0.2) / 0.8), 0);
  }
  switch (form) {
    case "pct":
      return { value: progress / 100, numFmt: "0%", codes: [] };
    case "number":
      return { value: progress, codes: [] };
    case "string":
      return { value: `${progress}%`, codes: [] };
  }
}

const SYNONYMS: Record<Status, readonly string[]> = {
  已完成: ["完成", "已办结"],
  推进中: ["进行中"],
  未启动: ["未开始"],
  已销号: ["销号"],
};

function renderStatus(status: Status, rate: number, roll: number, roll2: number): CellSpec {
  if (roll < rate) {
    const synonym = pick(SYNONYMS[status], roll2);
    return { value: synonym, codes: ["nonstandard-value"], what: `状态同义词 ${synonym} → ${status}` };
  }
  return { value: status, codes: [] };
}

function renderUnit(unit: RosterUnit, form: Hand["unitForm"], roll: number): CellSpec {
  const alias = unit.aliases[0];
  if (alias !== undefined && (form === "alias" || (form === "alias-some" && roll < 0.35))) {
    return { value: alias, codes: ["nonstandard-value"], what: `单位别名 ${alias} → ${unit.name}` };
  }
  return { value: unit.name, codes: [] };
}

function renderTaskId(task: UnitTask, form: Hand["taskId"]): CellSpec {
  switch (form) {
    case "code":
      return { value: task.code, codes: [] };
    case "year-code":
      return { value: `${YEAR}-${task.code}`, codes: [] };
    case "numeric":
      return { value: 1001 + task.index, codes: [] };
  }
}

function renderTask(task: UnitTask, rich: boolean): CellSpec {
  if (!rich) return { value: task.text, codes: [] };
  const cut = task.text.search(/[，、]/);
  if (cut <= 0) return { value: task.text, codes: [] };
  return {
    value: {
      richText: [
        { text: task.text.slice(0, cut), font: { bold: true, name: "宋体", size: 11 } },
        { text: task.text.slice(cut), font: { name: "宋体", size: 11 } },
      ],
    },
    codes: [],
  };
}

/** One data row, field by field, plus what the generator intended. */
interface RenderedRow {
  readonly task: UnitTask;
  readonly state: TaskState;
  readonly cells: Map<Field, CellSpec>;
}

function renderRow(plan: UnitPlan, task: UnitTask, state: TaskState): RenderedRow {
  const { hand, unit } = plan;
  const r = task.rolls;
  const roll = (i: number): number => r[i] ?? 0;
  const cells = new Map<Field, CellSpec>();
  cells.set("taskId", renderTaskId(task, hand.taskId));
  cells.set("category", { value: task.category, codes: [] });
  cells.set("task", renderTask(task, hand.richText === true));
  cells.set("unit", renderUnit(unit, hand.unitForm, roll(0)));
  const owner = hand.paddedOwners === true && roll(1) < 0.3 ? ` ${task.owner} ` : task.owner;
  cells.set("owner", { value: owner, codes: [] });
  cells.set("deadline", renderDate(task.deadline, hand.deadline, roll(2)));
  cells.set("status", renderStatus(state.status, hand.synonymRate, roll(3), roll(4)));
  cells.set("progress", renderProgress(state.progress, hand.progress, roll(5)));
  cells.set("doneDate", renderDate(state.doneDate, hand.doneDate, roll(6)));

  let evidence = "";
  if (state.status === "已销号") evidence = task.evidence;
  else if (state.status === "已完成" && roll(7) < 0.75) evidence = task.evidence;
  else if (state.status === "推进中" && roll(7) < 0.25) evidence = `阶段性材料：${task.evidence}`;
  cells.set("evidence", evidence === "" ? EMPTY() : { value: evidence, codes: [] });

  let note = "";
  if (state.status === "推进中" && roll(1) > 0.7) note = pick(NOTES_IN_PROGRESS, roll(6));
  else if (state.status === "已销号" && roll(1) > 0.75) note = "已通过审核销号";
  cells.set("note", note === "" ? EMPTY() : { value: note, codes: [] });
  cells.set("phone", roll(2) < 0.6 ? { value: plan.phone, codes: [] } : EMPTY());
  cells.set("leader", { value: plan.leader, codes: [] });
  return { task, state, cells };
}

// ---------------------------------------------------------------------------------------------
// Planting genuine mistakes

interface Layout {
  rows: (RenderedRow | "blank")[];
}

class PlantError extends Error {
  override readonly name = "PlantError";
}

function plantMistake(plan: UnitPlan, layout: Layout, plant: Plant, asOf: number, used: Set<number>): void {
  const rows = layout.rows.filter((r): r is RenderedRow => r !== "blank");
  const choose = (test: (row: RenderedRow) => boolean, from = 0.4): RenderedRow => {
    const candidates = rows.filter((row) => !used.has(row.task.index) && test(row));
    const found = candidates[Math.floor(candidates.length * from)];
    if (found === undefined) throw new PlantError(`${plan.unit.name}: no row for ${plant.kind}`);
    used.add(found.task.index);
    return found;
  };
  const set = (row: RenderedRow, field: Field, spec: Omit<CellSpec, "what">): void => {
    row.cells.set(field, { ...spec, what: plant.kind });
  };
  const plainStatus = (row: RenderedRow): boolean => row.cells.get("status")?.codes.length === 0;
  const inProgress = (row: RenderedRow): boolean => row.state.status === "推进中" && plainStatus(row);
  const completedOnly = (row: RenderedRow): boolean => row.state.status === "已完成" && plainStatus(row);
  const progressForm = plan.hand.progress === "mixed" ? "number" : plan.hand.progress;
  const doneForm = plan.hand.doneDate === "mixed" ? "cn" : plan.hand.doneDate;

  switch (plant.kind) {
    case "deadline-month-end":
      set(choose(inProgress), "deadline", { value: "10月底", codes: ["invalid-date"] });
      return;
    case "deadline-suffix":
      set(choose(inProgress), "deadline", { value: "2022.10.31前", codes: ["invalid-date"] });
      return;
    case "done-date-impossible":
      set(choose(completedOnly), "doneDate", { value: "2022年9月31日", codes: ["invalid-date"] });
      return;
    case "completed-80": {
      const row = choose(completedOnly);
      const spec = renderProgress(80, progressForm, 0);
      set(row, "progress", { ...spec, codes: ["status-progress-mismatch"] });
      return;
    }
    case "not-started-20": {
      const row = choose((r) => r.state.status === "未启动" && plainStatus(r), 0);
      const spec = renderProgress(20, progressForm, 0);
      set(row, "progress", { ...spec, codes: ["status-progress-mismatch"] });
      return;
    }
    case "done-date-missing":
      set(choose(completedOnly), "doneDate", { value: null, codes: ["done-date-missing"] });
      return;
    case "done-date-unexpected": {
      const row = choose(inProgress);
      const when = Math.min(asOf - 12, Math.max(row.task.start + 3, asOf - 40));
      const spec = renderDate(when, doneForm, 0);
      set(row, "doneDate", { ...spec, codes: ["done-date-unexpected"] });
      return;
    }
    case "done-date-future": {
      const row = choose(
        (r) => (r.state.status === "已完成" || r.state.status === "已销号") && plainStatus(r),
        0.7,
      );
      const spec = renderDate(asOf + 20, doneForm, 0);
      set(row, "doneDate", { ...spec, codes: ["done-date-in-future"] });
      return;
    }
    case "evidence-missing":
      set(
        choose((r) => r.state.status === "已销号" && plainStatus(r)),
        "evidence",
        { value: null, codes: ["evidence-missing"] },
      );
      return;
    case "duplicate-task": {
      const first = choose(() => true, 0.3);
      const later = choose((r) => r.task.index > first.task.index + 2, 0.2);
      const id = first.cells.get("taskId");
      if (id === undefined) throw new PlantError("no taskId");
      set(later, "taskId", { ...id, codes: ["duplicate-task"] });
      return;
    }
    case "status-invalid":
      set(
        choose((r) => inProgress(r) && r.state.progress >= 50, 0.5),
        "status",
        {
          value: "完成了吧",
          codes: ["invalid-enum"],
        },
      );
      return;
    case "category-invalid":
      set(
        choose(() => true, 0.6),
        "category",
        { value: "党建引领", codes: ["invalid-enum"] },
      );
      return;
    case "unit-typo":
      set(
        choose(() => true, 0.55),
        "unit",
        { value: plant.text ?? "??", codes: ["unknown-unit"] },
      );
      return;
    case "progress-120": {
      const row = choose(inProgress);
      const spec = plant.text !== undefined ? { value: plant.text } : renderProgress(120, progressForm, 0);
      set(row, "progress", { ...spec, codes: ["out-of-range"] });
      return;
    }
    case "progress-na":
      set(choose(inProgress, 0.6), "progress", {
        value: {
          // Looks the task number up where it is not: a genuine #N/A. `{ID}` becomes the taskId cell.
          formula: "VLOOKUP({ID},单位名册!A:C,3,FALSE)",
          result: { error: "#N/A" },
        } as ExcelJS.CellValue,
        numFmt: "0%",
        codes: ["formula-error"],
      });
      return;
    case "deadline-ref":
      set(
        choose(() => true, 0.5),
        "deadline",
        {
          value: { formula: "#REF!+30", result: { error: "#REF!" } } as ExcelJS.CellValue,
          numFmt: "yyyy/m/d",
          codes: ["formula-error"],
        },
      );
      return;
    case "owner-empty":
      set(
        choose(() => true, 0.5),
        "owner",
        { value: null, codes: ["required-missing"] },
      );
      return;
    case "owner-blank":
      set(
        choose(() => true, 0.8),
        "owner",
        { value: "   ", codes: ["required-missing"] },
      );
      return;
    case "deadline-empty":
      set(choose(inProgress, 0.3), "deadline", { value: null, codes: ["required-missing"] });
      return;
    case "progress-ambiguous":
      set(choose(inProgress, 0.5), "progress", {
        value: 0.5,
        numFmt: "General",
        codes: ["ambiguous-percent"],
      });
      return;
    case "blank-row": {
      const at = Math.floor(layout.rows.length * 0.45);
      layout.rows.splice(at, 0, "blank");
      return;
    }
  }
}

/**
 * Writes the workbook with ExcelJS, then re-packs the zip with a fixed time on every entry (JSZip
 * stamps the current time), so that regenerating the sample gives byte-identical files and no
 * churn in git. The parts and their order are ExcelJS's, untouched.
 */
async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const buffer = await wb.xlsx.writeBuffer();
  const parts = unzipSync(new Uint8Array(buffer as ArrayBuffer));
  // Local-time fields, so the DOS timestamp is the same in every time zone.
  const mtime = new Date(YEAR, 9, 31, 0, 0, 0);
  const zipped = zipSync(
    Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { mtime }]])),
    { level: 6 },
  );
  fs.writeFileSync(file, zipped);
}

// ---------------------------------------------------------------------------------------------
// Writing one ledger workbook

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const WIDTHS: Record<Field, number> = {
  seq: 6,
  taskId: 12,
  category: 13,
  task: 46,
  unit: 14,
  owner: 10,
  deadline: 14,
  status: 10,
  progress: 10,
  doneDate: 14,
  evidence: 24,
  note: 18,
  phone: 15,
  leader: 10,
};

function fixedDates(wb: ExcelJS.Workbook, asOf: number): void {
  wb.creator = "江城市委组织部";
  wb.lastModifiedBy = "江城市委组织部";
  wb.created = dateObject(day(YEAR, 1, 4));
  wb.modified = dateObject(asOf);
}

function addSettingsSheet(wb: ExcelJS.Workbook, period: number, asOf: number): void {
  const ws = wb.addWorksheet("设置");
  ws.columns = [{ width: 16 }, { width: 16 }];
  ws.addRow(["项目", "值"]).font = { bold: true };
  ws.addRow(["通报期数", period]);
  const asOfRow = ws.addRow(["统计截止日期", dateObject(asOf)]);
  asOfRow.getCell(2).numFmt = "yyyy-mm-dd";
  ws.addRow(["红榜名次", 3]);
  ws.addRow(["黑榜名次", 3]);
  ws.addRow(["临期天数", 15]);
}

function addRosterSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("单位名册");
  ws.columns = [{ width: 18 }, { width: 12 }, { width: 36 }];
  ws.addRow(["单位名称", "单位类别", "别名"]).font = { bold: true };
  for (const u of ROSTER) ws.addRow([u.name, u.group, u.aliases.length > 0 ? u.aliases.join("、") : null]);
}

interface WrittenLedger {
  readonly file: string;
  readonly issues: PlantedCell[];
}

async function writeLedger(
  plan: UnitPlan,
  period: PeriodPlan,
  stateAsOf: number,
  dir: string,
): Promise<WrittenLedger> {
  const { hand, unit } = plan;
  const file = `${unit.name}.xlsx`;
  const layout: Layout = { rows: plan.tasks.map((t) => renderRow(plan, t, stateAt(t, stateAsOf))) };
  const used = new Set<number>();
  for (const plant of PLANTS) {
    if (plant.period === period.period && plant.unit === unit.name) {
      plantMistake(plan, layout, plant, period.asOf, used);
    }
  }

  const wb = new ExcelJS.Workbook();
  fixedDates(wb, period.asOf);
  if (hand.date1904 === true) wb.properties.date1904 = true;
  const ws = wb.addWorksheet(hand.sheetName, { views: [{ state: "frozen", ySplit: 0 }] });
  const cols = hand.columns;
  const width = cols.length;
  const issues: PlantedCell[] = [];
  const record = (row: number, col: number, spec: CellSpec): void => {
    for (const code of spec.codes) {
      issues.push({
        file,
        sheet: hand.sheetName,
        cell: ref(row, col),
        code,
        value: plainCellValue(spec.value),
        what: spec.what ?? code,
      });
    }
  };

  let row = 1;
  if (hand.titleRows >= 1) {
    const cell = ws.getCell(row, 1);
    cell.value = LEDGER_SHEET_TITLE;
    cell.font = { bold: true, size: 16, name: "方正小标宋简体" };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    ws.mergeCells(row, 1, row, width);
    ws.getRow(row).height = 30;
    row++;
  }
  if (hand.titleRows === 2) {
    const cell = ws.getCell(row, 1);
    cell.value = `（截至${cnDateOf(period.asOf)}）`;
    cell.alignment = { horizontal: "center" };
    ws.mergeCells(row, 1, row, width);
    row++;
  }
  if (hand.metaRow) {
    const filed = period.asOf + 3 + (hashString(unit.name) % 5);
    ws.getCell(row, 1).value = `填报单位：${unit.name}（盖章）    填报日期：${cnDateOf(filed)}`;
    ws.mergeCells(row, 1, row, width);
    row++;
  }

  const headerRow = row;
  cols.forEach(([field, header], i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = BORDER;
    ws.getColumn(i + 1).width = WIDTHS[field];
    if (field === "phone" || field === "leader") {
      record(headerRow, i + 1, { value: header, codes: ["unknown-column"], what: `未知列 ${header}` });
    }
  });
  ws.getRow(headerRow).height = 32;
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
  row++;

  // Data rows; remember which sheet row each data row landed on, for the merges.
  const placed: { row: number; data: RenderedRow | "blank" }[] = [];
  let seq = 0;
  for (const data of layout.rows) {
    placed.push({ row, data });
    if (data === "blank") {
      record(row, 1, { value: null, codes: ["blank-row"], what: "blank-row" });
      row++;
      continue;
    }
    seq++;
    cols.forEach(([field], i) => {
      const cell = ws.getCell(row, i + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", wrapText: field === "task" || field === "evidence" };
      let spec: CellSpec | undefined;
      if (field === "seq") {
        spec =
          hand.seq === "formula"
            ? { value: { formula: `ROW()-${headerRow}`, result: row - headerRow }, codes: [] }
            : { value: seq, codes: [] };
      } else {
        spec = data.cells.get(field);
      }
      if (spec === undefined) return;
      const value = spec.value;
      if (
        value !== null &&
        typeof value === "object" &&
        "formula" in value &&
        value.formula.includes("{ID}")
      ) {
        const idCol = cols.findIndex(([f]) => f === "taskId") + 1;
        cell.value = { ...value, formula: value.formula.replace("{ID}", ref(row, idCol)) };
      } else if (value !== null) {
        cell.value = value;
      }
      if (spec.numFmt !== undefined) cell.numFmt = spec.numFmt;
      record(row, i + 1, spec);
    });
    row++;
  }

  // Vertical merges: 责任单位 (and 任务类别) over each category block, never across a blank row or a
  // cell that carries an issue.
  const mergeColumn = (field: Field, expected: (data: RenderedRow) => ExcelJS.CellValue): void => {
    const col = cols.findIndex(([f]) => f === field) + 1;
    if (col === 0) return;
    let runStart = -1;
    const flush = (end: number): void => {
      if (runStart >= 0 && end > runStart) ws.mergeCells(runStart, col, end, col);
      runStart = -1;
    };
    let prev: { row: number; category: string; value: ExcelJS.CellValue } | null = null;
    for (const { row: r, data } of placed) {
      const spec = data === "blank" ? undefined : data.cells.get(field);
      if (data === "blank" || spec === undefined || spec.codes.length > 0 || spec.value !== expected(data)) {
        if (prev !== null) flush(prev.row);
        prev = null;
        continue;
      }
      const catSpec = data.cells.get("category");
      const category = catSpec?.codes.length === 0 ? data.task.category : `!${r}`;
      if (prev === null || prev.category !== category) {
        if (prev !== null) flush(prev.row);
        runStart = r;
      }
      prev = { row: r, category, value: spec?.value ?? null };
    }
    if (prev !== null) flush(prev.row);
  };
  if (hand.unitForm === "merged") mergeColumn("unit", () => unit.name);
  if (hand.mergeCategory) mergeColumn("category", (d) => d.task.category);

  if (hand.footer) {
    ws.getCell(row, 1).value =
      "填表说明：1.推进状态从“未启动、推进中、已完成、已销号”中选填；2.完成时间填写实际完成日期；3.已销号任务须附佐证材料。";
    row++;
    const checker = pick(plan.staff, 0.99);
    ws.getCell(row, 1).value =
      `填报人：${pick(plan.staff, 0)}    审核人：${checker}    联系电话：${plan.phone}`;
    row++;
  }

  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (hand.extraSheet === true) wb.addWorksheet("Sheet2");
  addSettingsSheet(wb, period.period, period.asOf);
  addRosterSheet(wb);
  await writeWorkbook(wb, path.join(dir, file));
  return { file, issues };
}

// ---------------------------------------------------------------------------------------------
// The evaluation workbook (考核评分)

interface Indicator {
  readonly header: string;
  readonly max: number;
}

interface EvalSheet {
  readonly name: string;
  readonly weight: number;
  readonly unitHeader: string;
  readonly indicators: readonly Indicator[];
  /** Maxima in a `分值` row under the header instead of in the header texts. */
  readonly maxRow: boolean;
  readonly title?: string;
  readonly seqColumn?: boolean;
  readonly totalHeader: string;
  readonly totalAsFormula: boolean;
  /** A unit whose 合计 is typed wrong (total-mismatch). */
  readonly wrongTotal?: { unit: string; delta: number };
  /** A unit whose score for one indicator was left empty (score-missing; counts 0). */
  readonly emptyScore?: { unit: string; indicator: number };
  readonly order: (units: readonly RosterUnit[]) => RosterUnit[];
}

const EVAL_SHEETS: readonly EvalSheet[] = [
  {
    name: "平时掌握情况",
    weight: 30,
    unitHeader: "单位",
    indicators: [
      { header: "组织建设（20分）", max: 20 },
      { header: "党员教育管理（20分）", max: 20 },
      { header: "重点任务推进（30分）", max: 30 },
      { header: "组工信息报送（15分）", max: 15 },
      { header: "工作作风（15分）", max: 15 },
    ],
    maxRow: false,
    seqColumn: true,
    totalHeader: "合计",
    totalAsFormula: true,
    order: (units) => [...units],
  },
  {
    name: "日常督查检查",
    weight: 30,
    unitHeader: "单位名称",
    indicators: [
      { header: "督查发现问题整改", max: 40 },
      { header: "调研指导评价", max: 30 },
      { header: "台账规范", max: 15 },
      { header: "按时报送", max: 15 },
    ],
    maxRow: true,
    totalHeader: "合计",
    totalAsFormula: false,
    wrongTotal: { unit: "北湖区", delta: 3 },
    order: (units) => [...units].reverse(),
  },
  {
    name: "年终专项考评",
    weight: 40,
    unitHeader: "单位",
    title: "2022年度基层党建工作年终专项考评得分表",
    indicators: [
      { header: "书记述职评议(30分)", max: 30 },
      { header: "重点任务完成情况（30分）", max: 30 },
      { header: "特色亮点工作（15分）", max: 15 },
      { header: "群众满意度（15分）", max: 15 },
      { header: "基础保障10分", max: 10 },
    ],
    maxRow: false,
    totalHeader: "总分",
    totalAsFormula: false,
    emptyScore: { unit: "云岭县", indicator: 3 },
    order: (units) => [...units].sort((a, b) => b.diligence - a.diligence || (a.name < b.name ? -1 : 1)),
  },
];

/** Scoring settings written to the sample's 设置 (SPEC §8 defaults, plus a 30% quota). */
const SCORING_SETTINGS = {
  gradeLines: [90, 80, 60],
  bonusCap: 5,
  vetoGrade: "一般",
  goodPercent: 30,
} as const;

/**
 * The `加减分` sheet: each row a unit (as the clerk typed it), 加分, 扣分, 事由, and the mistake it
 * plants, if any. 浮溪县's two rows add up past the cap; 江南区's bonus lifts it over 90 where the
 * quota stops it; 江城城投集团's lands exactly on 90.
 */
const ADJUSTMENTS: ReadonlyArray<{
  unit: string;
  bonus: number | null;
  penalty: number | null;
  reason: string;
  plant?: { code: string; column: "unit" | "bonus" | "penalty"; what: string };
}> = [
  { unit: "青山区", bonus: 2, penalty: null, reason: "“红色物业”经验做法在全省推广" },
  { unit: "浮溪县", bonus: 3, penalty: null, reason: "乡创特派员做法被《组工通讯》刊发" },
  { unit: "江南区", bonus: 3.5, penalty: null, reason: "承办全省城市基层党建现场推进会" },
  { unit: "北湖区", bonus: null, penalty: 2, reason: "组工信息迟报 2 次" },
  {
    unit: "高新区",
    bonus: 1,
    penalty: null,
    reason: "“小个专”党建工作获省级表彰",
    plant: { code: "nonstandard-value", column: "unit", what: "单位简称" },
  },
  { unit: "浮溪县", bonus: 3, penalty: null, reason: "承办全省乡村振兴现场会" },
  { unit: "市教育局", bonus: 1, penalty: null, reason: "清廉学校建设经验被省委组织部推广" },
  { unit: "江城城投集团", bonus: 2, penalty: null, reason: "国企党建品牌获评全省优秀" },
  { unit: "江城交投集团", bonus: null, penalty: 1.5, reason: "巡察整改不到位被约谈" },
  {
    unit: "市住建局",
    bonus: null,
    penalty: -1,
    reason: "物业党建联建推进滞后",
    plant: { code: "invalid-number", column: "penalty", what: "扣分填成负数" },
  },
  {
    unit: "桃园县",
    bonus: 1,
    penalty: null,
    reason: "驻村第一书记管理经验交流",
    plant: { code: "unknown-unit", column: "unit", what: "桃源县写成桃园县" },
  },
];

/** The `一票否决` sheet: 江城国控集团 would be 好 by its score. */
const VETOES: ReadonlyArray<{ unit: string; reason: string }> = [
  { unit: "江城国控集团", reason: "发生安全生产责任事故，造成不良影响" },
];

const GRADE_ORDER: readonly ScoringGrade[] = ["好", "较好", "一般", "差"];

/**
 * The expected ranks and grades, computed here from the scores the generator wrote (independently
 * of the engine): composite = Σ weight × score / 100 + min(加分, cap) − 扣分; competition ranks and
 * grade lines on values rounded to 6 decimals; q = max(1, ⌊n × 30 / 100⌋) in integers; the quota's
 * candidates are the non-vetoed 好; then the veto cap.
 */
function expectScoring(
  scores: ReadonlyMap<string, Record<string, number>>,
  bonus: ReadonlyMap<string, number>,
  penalty: ReadonlyMap<string, number>,
): Pick<ScoringManifest, "units" | "quotas"> {
  const r6 = (x: number) => Math.round(x * 1e6);
  const base = ROSTER.map((u) => {
    const s = scores.get(u.name) ?? {};
    const weighted = EVAL_SHEETS.reduce((a, sheet) => a + (sheet.weight * (s[sheet.name] ?? 0)) / 100, 0);
    const b = Math.min(bonus.get(u.name) ?? 0, SCORING_SETTINGS.bonusCap);
    const p = penalty.get(u.name) ?? 0;
    const veto = VETOES.find((v) => v.unit === u.name)?.reason ?? null;
    const composite = weighted + b - p;
    const [good, fair, pass] = SCORING_SETTINGS.gradeLines;
    const x = r6(composite);
    const gradeBeforeLimits: ScoringGrade =
      x >= r6(good) ? "好" : x >= r6(fair) ? "较好" : x >= r6(pass) ? "一般" : "差";
    return {
      unit: u.name,
      group: u.group,
      scores: s,
      bonus: b,
      penalty: p,
      veto,
      composite,
      gradeBeforeLimits,
    };
  });
  const quotas: Record<string, { units: number; quota: number }> = {};
  for (const g of [...new Set(ROSTER.map((u) => u.group))]) {
    const n = ROSTER.filter((u) => u.group === g).length;
    quotas[g] = { units: n, quota: Math.max(1, Math.floor((n * SCORING_SETTINGS.goodPercent) / 100)) };
  }
  const units = base.map((u) => {
    const peers = base.filter((o) => o.group === u.group);
    const rank = 1 + peers.filter((o) => r6(o.composite) > r6(u.composite)).length;
    let grade = u.gradeBeforeLimits;
    if (grade === "好" && u.veto === null) {
      const candidates = peers.filter((o) => o.gradeBeforeLimits === "好" && o.veto === null);
      const among = 1 + candidates.filter((o) => r6(o.composite) > r6(u.composite)).length;
      if (among > quotas[u.group]!.quota) grade = "较好";
    }
    if (u.veto !== null && GRADE_ORDER.indexOf(grade) < GRADE_ORDER.indexOf(SCORING_SETTINGS.vetoGrade))
      grade = SCORING_SETTINGS.vetoGrade;
    return { ...u, rank, grade };
  });
  return { units, quotas };
}

async function writeScoring(outDir: string): Promise<ScoringManifest> {
  const rand = mulberry32(hashString("江城市/考核评分"));
  const wb = new ExcelJS.Workbook();
  fixedDates(wb, day(YEAR, 12, 31));

  const settings = wb.addWorksheet("设置");
  settings.columns = [{ width: 16 }, { width: 16 }];
  settings.addRow(["项目", "值"]).font = { bold: true };
  settings.addRow(["等次线", SCORING_SETTINGS.gradeLines.join("、")]);
  settings.addRow(["加分上限", SCORING_SETTINGS.bonusCap]);
  settings.addRow(["好等次比例", `${SCORING_SETTINGS.goodPercent}%`]);
  settings.addRow([]);
  settings.addRow(["考核表", "权重"]).font = { bold: true };
  for (const s of EVAL_SHEETS) settings.addRow([s.name, s.weight]);
  addRosterSheet(wb);

  const issues: PlantedCell[] = [];
  const totals = new Map<string, Record<string, number>>();
  for (const sheet of EVAL_SHEETS) {
    const ws = wb.addWorksheet(sheet.name);
    const headers = [
      ...(sheet.seqColumn === true ? ["序号"] : []),
      sheet.unitHeader,
      ...sheet.indicators.map((i) => i.header),
      sheet.totalHeader,
    ];
    const firstIndicatorCol = (sheet.seqColumn === true ? 2 : 1) + 1;
    const totalCol = headers.length;
    let row = 1;
    if (sheet.title !== undefined) {
      ws.getCell(1, 1).value = sheet.title;
      ws.getCell(1, 1).font = { bold: true, size: 14 };
      ws.mergeCells(1, 1, 1, headers.length);
      row++;
    }
    const header = ws.getRow(row);
    header.values = headers;
    header.font = { bold: true };
    headers.forEach((_, i) => (ws.getColumn(i + 1).width = i === firstIndicatorCol - 2 ? 18 : 14));
    row++;
    const maxTotal = sheet.indicators.reduce((a, i) => a + i.max, 0);
    if (sheet.maxRow) {
      const r = ws.getRow(row);
      r.values = [
        ...(sheet.seqColumn === true ? [null] : []),
        "分值",
        ...sheet.indicators.map((i) => i.max),
        maxTotal,
      ];
      row++;
    }
    sheet.order(ROSTER).forEach((unit, index) => {
      const quality = Math.min(1, Math.max(0, unit.diligence + (rand() - 0.5) * 0.3));
      const scores = sheet.indicators.map((ind) => {
        const share = 0.62 + 0.36 * quality + (rand() - 0.5) * 0.08;
        return Math.min(ind.max, Math.max(0, Math.round(ind.max * share * 2) / 2));
      });
      const empty = sheet.emptyScore?.unit === unit.name ? sheet.emptyScore.indicator : -1;
      // The left-out score counts 0, and the clerk's 总分 sums what is there.
      if (empty >= 0) scores[empty] = 0;
      const total = scores.reduce((a, s) => a + s, 0);
      const byUnit = totals.get(unit.name) ?? {};
      byUnit[sheet.name] = (total / maxTotal) * 100;
      totals.set(unit.name, byUnit);
      const r = ws.getRow(row);
      const values: ExcelJS.CellValue[] = [
        ...(sheet.seqColumn === true ? [index + 1] : []),
        unit.name,
        ...scores,
      ];
      r.values = values;
      if (empty >= 0) {
        const col = firstIndicatorCol + empty;
        r.getCell(col).value = null;
        issues.push({
          file: SCORING_FILE,
          sheet: sheet.name,
          cell: ref(row, col),
          code: "score-missing",
          value: null,
          what: "得分漏填",
        });
      }
      const totalCell = r.getCell(totalCol);
      if (sheet.wrongTotal?.unit === unit.name) {
        totalCell.value = total + sheet.wrongTotal.delta;
        issues.push({
          file: SCORING_FILE,
          sheet: sheet.name,
          cell: ref(row, totalCol),
          code: "total-mismatch",
          value: total + sheet.wrongTotal.delta,
          what: `合计应为 ${total}`,
        });
      } else if (sheet.totalAsFormula) {
        totalCell.value = {
          formula: `SUM(${ref(row, firstIndicatorCol)}:${ref(row, totalCol - 1)})`,
          result: total,
        };
      } else {
        totalCell.value = total;
      }
      row++;
    });
  }
  const bonus = new Map<string, number>();
  const penalty = new Map<string, number>();
  const adjust = wb.addWorksheet("加减分");
  adjust.columns = [{ width: 16 }, { width: 8 }, { width: 8 }, { width: 40 }];
  adjust.addRow(["单位", "加分", "扣分", "事由"]).font = { bold: true };
  const firstBonusCell = new Map<string, string>();
  ADJUSTMENTS.forEach((a, i) => {
    const row = i + 2;
    adjust.addRow([a.unit, a.bonus, a.penalty, a.reason]);
    const unit = ROSTER.find((u) => u.name === a.unit || u.aliases.includes(a.unit))?.name;
    if (a.plant) {
      const col = a.plant.column === "unit" ? 1 : a.plant.column === "bonus" ? 2 : 3;
      const value = a.plant.column === "unit" ? a.unit : a.plant.column === "bonus" ? a.bonus : a.penalty;
      issues.push({
        file: SCORING_FILE,
        sheet: "加减分",
        cell: ref(row, col),
        code: a.plant.code,
        value,
        what: a.plant.what,
      });
    }
    if (unit === undefined) return;
    if (a.bonus !== null && a.bonus >= 0) {
      bonus.set(unit, (bonus.get(unit) ?? 0) + a.bonus);
      if (!firstBonusCell.has(unit)) firstBonusCell.set(unit, ref(row, 2));
    }
    if (a.penalty !== null && a.penalty >= 0) penalty.set(unit, (penalty.get(unit) ?? 0) + a.penalty);
  });
  for (const [unit, sum] of bonus) {
    if (sum > SCORING_SETTINGS.bonusCap) {
      issues.push({
        file: SCORING_FILE,
        sheet: "加减分",
        cell: firstBonusCell.get(unit)!,
        code: "bonus-capped",
        value: sum,
        what: `加分合计 ${sum} 超过上限 ${SCORING_SETTINGS.bonusCap}`,
      });
    }
  }
  const veto = wb.addWorksheet("一票否决");
  veto.columns = [{ width: 16 }, { width: 40 }];
  veto.addRow(["单位", "事由"]).font = { bold: true };
  for (const v of VETOES) veto.addRow([v.unit, v.reason]);
  await writeWorkbook(wb, path.join(outDir, SCORING_FILE));

  const weights: Record<string, number> = {};
  for (const s of EVAL_SHEETS) weights[s.name] = s.weight;
  const { units, quotas } = expectScoring(totals, bonus, penalty);
  return {
    file: SCORING_FILE,
    weights,
    settings: SCORING_SETTINGS,
    quotas,
    units,
    issues: sortIssues(issues),
  };
}

// ---------------------------------------------------------------------------------------------
// The whole sample

function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (m === null) return [0, 0];
  const letters = m[1] ?? "A";
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by file, sheet, row, column, code (file and sheet by UTF-16 code units). */
export function sortIssues<T extends ExpectedIssue>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => {
    const [ar, ac] = cellOrder(a.cell);
    const [br, bc] = cellOrder(b.cell);
    return (
      compareText(a.file, b.file) ||
      compareText(a.sheet, b.sheet) ||
      ar - br ||
      ac - bc ||
      compareText(a.code, b.code)
    );
  });
}

function clearGenerated(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith(".xlsx") || name === "expected-issues.json") fs.rmSync(path.join(dir, name));
  }
}

function writeJson(file: string, data: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`, "utf8");
}

/**
 * Writes the sample into `outDir`: `period-1/`, `period-2/` (one ledger per submitting unit and
 * `expected-issues.json`), `考核评分.xlsx` and `scoring-expected.json`. Returns the manifest.
 */
export async function generateSample(outDir: string): Promise<SampleManifest> {
  const plans = ROSTER.map(planUnit);
  const periods: PeriodManifest[] = [];
  for (const period of PERIODS) {
    const dirName = `period-${period.period}`;
    const dir = path.join(outDir, dirName);
    fs.mkdirSync(dir, { recursive: true });
    clearGenerated(dir);
    const previous = PERIODS.find((p) => p.period === period.period - 1);
    const files: string[] = [];
    const issues: PlantedCell[] = [];
    const units: { unit: string; tasks: number; completed: number }[] = [];
    for (const plan of plans) {
      if (period.missing.includes(plan.unit.name)) continue;
      const stalled = period.stalled.includes(plan.unit.name) && previous !== undefined;
      const stateAsOf = stalled ? previous.asOf : period.asOf;
      const written = await writeLedger(plan, period, stateAsOf, dir);
      files.push(written.file);
      issues.push(...written.issues);
      const completed = plan.tasks.filter((t) => stateAt(t, stateAsOf).doneDate !== null).length;
      units.push({ unit: plan.unit.name, tasks: plan.tasks.length, completed });
    }
    const sorted = sortIssues(issues);
    writeJson(
      path.join(dir, "expected-issues.json"),
      sorted.map(({ file, sheet, cell, code }) => ({ file, sheet, cell, code })),
    );
    periods.push({
      period: period.period,
      asOf: isoOf(period.asOf),
      dir: dirName,
      files: [...files].sort(compareText),
      notSubmitted: [...period.missing],
      stalled: [...period.stalled],
      units,
      issues: sorted,
    });
  }

  const scoring = await writeScoring(outDir);
  writeJson(path.join(outDir, "scoring-expected.json"), {
    file: scoring.file,
    weights: scoring.weights,
    settings: scoring.settings,
    quotas: scoring.quotas,
    units: scoring.units,
    issues: scoring.issues.map(({ file, sheet, cell, code }) => ({ file, sheet, cell, code })),
  });

  return {
    outDir,
    roster: ROSTER.map((u) => ({ name: u.name, group: u.group, aliases: u.aliases })),
    periods,
    scoring,
  };
}

/** The repository's `seeds/` folder, from `seeds/` (ts) or `dist/seeds/` (compiled). */
export function defaultSeedsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, "seeds", "generate.ts")))
      return path.join(dir, "seeds");
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(__dirname, "../../seeds");
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? defaultSeedsDir());
  generateSample(outDir).then(
    (manifest) => {
      for (const p of manifest.periods) {
        process.stdout.write(
          `period-${p.period} (as of ${p.asOf}): ${p.files.length} ledgers, ${p.issues.length} expected issues\n`,
        );
      }
      process.stdout.write(`${manifest.scoring.file}: ${manifest.scoring.issues.length} expected issues\n`);
      process.stdout.write(`written to ${outDir}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
