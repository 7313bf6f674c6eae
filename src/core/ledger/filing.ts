/**
 * The metadata row of a returned ledger (SPEC §2): `填报单位：…  填报日期：…` above the header row,
 * written in one cell (`填报单位：青山区（盖章）    填报日期：2022年11月5日`) or spread over cells
 * (`填报单位：` | `青山区` | `填报日期：` | 2022-11-05).
 */
import { type CellValue, type SheetGrid, cellValue } from "../grid";
import { isEmptyValue, parseDate } from "../cell";
import { nfkcTrim } from "../text";

export interface Filing {
  /**
   * 填报单位 as typed, or `null`: trimmed, `（盖章）` dropped, and ended at two spaces or at a space
   * before another label (`江南区 联系人：李四` → `江南区`).
   */
  readonly unit: string | null;
  /** 填报日期 as a day number, or `null` when absent or not a date. */
  readonly date: number | null;
}

const LABEL = /(填报单位|报送单位|填报日期|报送日期)\s*[:：]/gu;
const SEAL = /[（(]\s*(?:盖\s*章|公\s*章|章)\s*[)）]/gu;
/** Where a 填报单位's text ends: two spaces, or one before another label (`联系人：`). */
const UNIT_END = /\s{2,}|\s[^\s：:]{2,6}[：:]/u;

/**
 * Reads 填报单位 and 填报日期 from the rows above the header row (0-based `headerRow`).
 *
 * @example readFiling(sheet, 2) // { unit: "青山区", date: 19301 }
 */
export function readFiling(sheet: SheetGrid, headerRow: number, date1904: boolean): Filing {
  let unit: string | null = null;
  let date: number | null = null;
  for (let r = 0; r < headerRow; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = cellValue(sheet, r, c);
      if (typeof value !== "string") continue;
      const parts = labelled(value);
      for (const { label, text } of parts) {
        // `填报单位：` alone in its cell: the value is in the next filled cell of the row.
        let raw: CellValue = text;
        if (text === "") {
          const next = nextFilled(sheet, r, c + 1);
          if (next === null) continue;
          raw = cellValue(sheet, r, next);
          if (typeof raw === "string" && labelled(raw).length > 0) continue;
        }
        if (label === "unit" && unit === null && typeof raw === "string") {
          // As typed (SPEC §3): normalised only where it is compared with the roster.
          const name = raw.trim().split(UNIT_END)[0]!.replace(SEAL, "").trim();
          if (name !== "") unit = name;
        }
        if (label === "date" && date === null) {
          const parsed = parseDate(typeof raw === "string" ? dateText(raw) : raw, date1904);
          if (parsed.kind === "ok") date = parsed.value;
        }
      }
    }
  }
  return { unit, date };
}

/** The labelled parts of one cell's text: `填报单位：A  填报日期：B` → unit A, date B. */
function labelled(text: string): Array<{ label: "unit" | "date"; text: string }> {
  const found = [...text.matchAll(LABEL)];
  return found.map((m, i) => {
    const start = m.index + m[0].length;
    const end = found[i + 1]?.index ?? text.length;
    return { label: m[1]!.endsWith("单位") ? "unit" : "date", text: text.slice(start, end).trim() };
  });
}

function nextFilled(sheet: SheetGrid, row: number, from: number): number | null {
  const cells = sheet.values[row] ?? [];
  for (let c = from; c < cells.length; c++) if (!isEmptyValue(cellValue(sheet, row, c))) return c;
  return null;
}

/** `2022年11月5日（星期六）` and similar: the date part only. */
function dateText(text: string): string {
  const m = /\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?|\d{8}/u.exec(nfkcTrim(text));
  return m ? m[0].replace(/\s+/g, "") : text;
}
