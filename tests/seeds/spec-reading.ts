/**
 * A deliberately small, independent reading of SPEC §2–§4, used only to cross-check the sample's
 * manifest: it reads a generated ledger with ExcelJS and lists the issues SPEC implies, as
 * `{file, sheet, cell, code}`. It is not the engine and must not import it.
 */
import ExcelJS from "exceljs";

export interface FoundIssue {
  file: string;
  sheet: string;
  cell: string;
  code: string;
}

type Key =
  | "seq"
  | "taskId"
  | "category"
  | "task"
  | "unit"
  | "owner"
  | "deadline"
  | "status"
  | "progress"
  | "doneDate"
  | "evidence"
  | "note";

const HEADERS: Record<Key, readonly string[]> = {
  seq: ["序号", "序"],
  taskId: ["任务编号", "任务代码", "编号"],
  category: ["任务类别", "类别", "任务类型", "工作类别"],
  task: ["重点任务", "任务内容", "工作任务", "任务名称"],
  unit: ["责任单位", "牵头单位", "单位"],
  owner: ["责任人", "具体责任人", "联系人"],
  deadline: ["完成时限", "计划完成时间", "时间节点", "截止时间"],
  status: ["推进状态", "完成情况", "状态", "进展状态"],
  progress: ["完成进度", "进度"],
  doneDate: ["完成时间", "实际完成时间", "办结时间"],
  evidence: ["佐证材料", "佐证", "印证材料", "佐证资料"],
  note: ["备注", "说明"],
};

const REQUIRED_CELLS: readonly Key[] = [
  "taskId",
  "category",
  "task",
  "unit",
  "owner",
  "deadline",
  "status",
  "progress",
];

const CATEGORIES = [
  "书记述职",
  "成效考核",
  "城市基层党建",
  "乡村振兴",
  "两新党建",
  "巡察整改",
  "宣传信息",
  "其他",
];
const STATUSES = ["未启动", "推进中", "已完成", "已销号"];
const STATUS_SYNONYMS: Record<string, string> = {
  完成: "已完成",
  已办结: "已完成",
  办结: "已完成",
  已完结: "已完成",
  完结: "已完成",
  进行中: "推进中",
  正在推进: "推进中",
  持续推进: "推进中",
  在推进: "推进中",
  推进: "推进中",
  未开始: "未启动",
  尚未启动: "未启动",
  未推进: "未启动",
  销号: "已销号",
};
const ERRORS = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];
const FOOTER = /^(注|说明|填表说明|填报说明|备注|填报人|审核人|联系电话)[：:]/;

export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\*/g, "")
    .replace(/[([]([^()[\]]*)[)\]]/g, (_, inner: string) => inner.replace(/%/g, ""));
}

function keyOf(header: string): Key | null {
  const h = normaliseHeader(header);
  for (const [key, names] of Object.entries(HEADERS) as [Key, readonly string[]][]) {
    if (names.includes(h)) return key;
  }
  return null;
}

/** A cell's value after formulas (cached result) and rich text. */
type Plain = string | number | Date | { error: string } | null;

function plain(value: ExcelJS.CellValue | undefined): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if ("error" in value) return { error: value.error };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result ?? null;
    // ExcelJS turns a cached error of a date-formatted formula cell into an Invalid Date; only an
    // error result can end up that way.
    if (result instanceof Date && Number.isNaN(result.getTime())) return { error: "#?" };
    return plain(result);
  }
  return null;
}

function isEmpty(v: Plain): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function errorOf(v: Plain): string | null {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) return v.error;
  if (typeof v === "string" && ERRORS.includes(v.trim())) return v.trim();
  return null;
}

const MS = 86_400_000;

function realDate(y: number, m: number, d: number): number | null {
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / MS;
}

function parseDate(v: Plain, date1904: boolean): number | null {
  if (v instanceof Date) {
    const y = v.getUTCFullYear();
    return y >= 2000 && y <= 2099 ? Math.floor(v.getTime() / MS) : null;
  }
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
      return realDate(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
    if (v <= 0) return null;
    const n = Math.floor(v);
    const dayNumber = date1904 ? n - 24107 : n - 25569;
    const y = new Date(dayNumber * MS).getUTCFullYear();
    return y >= 2000 && y <= 2099 ? dayNumber : null;
  }
  if (typeof v !== "string") return null;
  const s = v.normalize("NFKC").trim();
  const time = "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?";
  const patterns = [
    new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`),
    new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${time}$`),
    new RegExp(`^(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})${time}$`),
    new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})日${time}$`),
    new RegExp(`^(\\d{4})(\\d{2})(\\d{2})${time}$`),
  ];
  for (const p of patterns) {
    const m = p.exec(s);
    if (m !== null) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

type Percent = { ok: number; ambiguous: boolean } | { code: "invalid-number" | "out-of-range" };

function parsePercent(v: Plain, numFmt: string | undefined): Percent {
  let n: number;
  let ambiguous = false;
  if (typeof v === "number") {
    if (numFmt !== undefined && numFmt.includes("%")) n = v * 100;
    else if (!Number.isInteger(v) && v > 0 && v < 1) {
      n = v * 100;
      ambiguous = true;
    } else n = v;
  } else if (typeof v === "string") {
    const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(v.normalize("NFKC").trim());
    if (m === null) return { code: "invalid-number" };
    const x = Number(m[1]);
    if (m[2] === "%") n = x;
    else if (!Number.isInteger(x) && x > 0 && x < 1) {
      n = x * 100;
      ambiguous = true;
    } else n = x;
  } else return { code: "invalid-number" };
  if (n < 0 || n > 100) return { code: "out-of-range" };
  return { ok: n, ambiguous };
}

function normEnum(v: Plain): string {
  return String(v).normalize("NFKC").trim().replace(/\s+/g, "");
}

export interface RosterEntry {
  name: string;
  aliases: readonly string[];
}

function column(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Issues SPEC §2–§4 implies for one ledger workbook. */
export async function readLedgerIssues(
  filePath: string,
  file: string,
  roster: readonly RosterEntry[],
): Promise<FoundIssue[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filePath);
  const date1904 = wb.properties.date1904 === true;
  const settings = wb.getWorksheet("设置");
  let asOf: number | null = null;
  settings?.eachRow((row) => {
    if (plain(row.getCell(1).value) === "统计截止日期")
      asOf = parseDate(plain(row.getCell(2).value), date1904);
  });
  const issues: FoundIssue[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === "设置" || ws.name === "单位名册") continue;
    let headerRow = 0;
    const keys = new Map<number, Key>();
    for (let r = 1; r <= Math.min(20, ws.rowCount) && headerRow === 0; r++) {
      const found = new Map<number, Key>();
      ws.getRow(r).eachCell((cell, c) => {
        const v = plain(cell.value);
        const k = typeof v === "string" ? keyOf(v) : null;
        if (k !== null) found.set(c, k);
      });
      if (found.size >= 6) {
        headerRow = r;
        for (const [c, k] of found) keys.set(c, k);
        ws.getRow(r).eachCell((cell, c) => {
          if (!found.has(c) && !isEmpty(plain(cell.value)))
            issues.push({ file, sheet: ws.name, cell: `${column(c)}${r}`, code: "unknown-column" });
        });
      }
    }
    if (headerRow === 0) continue;
    const colOf = new Map<Key, number>();
    for (const [c, k] of keys) colOf.set(k, c);
    const add = (r: number, key: Key, code: string): void => {
      issues.push({ file, sheet: ws.name, cell: `${column(colOf.get(key) ?? 1)}${r}`, code });
    };
    const seen = new Set<string>();
    let pendingBlank: number | null = null;
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: Plain[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        values.push(plain(cell.value));
      });
      const nonEmpty = values.filter((v) => !isEmpty(v));
      if (nonEmpty.length === 0) {
        pendingBlank ??= r;
        continue;
      }
      if (pendingBlank !== null)
        issues.push({ file, sheet: ws.name, cell: `A${pendingBlank}`, code: "blank-row" });
      pendingBlank = null;
      if (nonEmpty.length === 1 && typeof nonEmpty[0] === "string" && FOOTER.test(nonEmpty[0].trim()))
        continue;

      const get = (key: Key): Plain => {
        const c = colOf.get(key);
        return c === undefined ? null : plain(row.getCell(c).value);
      };
      const failed = new Set<Key>();
      for (const key of Object.keys(HEADERS) as Key[]) {
        const v = get(key);
        if (errorOf(v) !== null) {
          add(r, key, "formula-error");
          failed.add(key);
        } else if (isEmpty(v) && REQUIRED_CELLS.includes(key)) {
          add(r, key, "required-missing");
          failed.add(key);
        }
      }
      const parsed = (key: Key): boolean => !failed.has(key) && !isEmpty(get(key));

      let status: string | null = null;
      if (parsed("status")) {
        const s = normEnum(get("status"));
        if (STATUSES.includes(s)) status = s;
        else if (STATUS_SYNONYMS[s] !== undefined) {
          status = STATUS_SYNONYMS[s] ?? null;
          add(r, "status", "nonstandard-value");
        } else {
          add(r, "status", "invalid-enum");
          failed.add("status");
        }
      }
      if (parsed("category") && !CATEGORIES.includes(normEnum(get("category")))) {
        add(r, "category", "invalid-enum");
      }
      let unit: string | null = null;
      if (parsed("unit")) {
        const u = normEnum(get("unit"));
        const byName = roster.find((e) => e.name === u);
        const byAlias = roster.find((e) => e.aliases.includes(u));
        if (byName !== undefined) unit = byName.name;
        else if (byAlias !== undefined) {
          unit = byAlias.name;
          add(r, "unit", "nonstandard-value");
        } else {
          unit = u;
          add(r, "unit", "unknown-unit");
        }
      }
      for (const key of ["deadline", "doneDate"] as const) {
        if (parsed(key) && parseDate(get(key), date1904) === null) {
          add(r, key, "invalid-date");
          failed.add(key);
        }
      }
      let progress: number | null = null;
      if (parsed("progress")) {
        const c = colOf.get("progress");
        const p = parsePercent(get("progress"), c === undefined ? undefined : row.getCell(c).numFmt);
        if ("code" in p) {
          add(r, "progress", p.code);
          failed.add("progress");
        } else {
          progress = p.ok;
          if (p.ambiguous) add(r, "progress", "ambiguous-percent");
        }
      }
      const completed = status === "已完成" || status === "已销号";
      if (status !== null && progress !== null) {
        const rounded = Math.round(progress * 1e9) / 1e9;
        if (
          (completed && rounded !== 100) ||
          (status === "未启动" && rounded !== 0) ||
          (status === "推进中" && rounded === 100)
        ) {
          add(r, "progress", "status-progress-mismatch");
        }
      }
      const doneFilled = !isEmpty(get("doneDate"));
      if (status !== null && completed && !doneFilled && !failed.has("doneDate"))
        add(r, "doneDate", "done-date-missing");
      if (status !== null && !completed && doneFilled && !failed.has("doneDate"))
        add(r, "doneDate", "done-date-unexpected");
      if (parsed("doneDate") && asOf !== null) {
        const d = parseDate(get("doneDate"), date1904);
        if (d !== null && d > asOf) add(r, "doneDate", "done-date-in-future");
      }
      if (status === "已销号" && isEmpty(get("evidence"))) add(r, "evidence", "evidence-missing");
      if (parsed("taskId")) {
        const id = String(get("taskId")).trim();
        const key = `${unit ?? ""}\u0000${id}`;
        if (seen.has(key)) add(r, "taskId", "duplicate-task");
        seen.add(key);
      }
    }
  }
  return issues;
}
