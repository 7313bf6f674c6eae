/**
 * The whole pipeline on random ledger grids — validate → metrics → notice (SPEC §4–§7): it never
 * throws; every issue points at a cell inside the sheet; completed ≤ assigned; ranks within 1…n
 * of the unit's group; the lists are disjoint where SPEC says so. Grids are sparse (rows far
 * apart, as files may name them), with merges, footers, blank runs and wrong values mixed in.
 */
import fc from "fast-check";
import {
  type CellRange,
  type CellValue,
  type SheetGrid,
  MAX_ROWS,
  parseA1,
  planNoticeWorkbook,
  presentRows,
  setupErrors,
  validateRun,
} from "../../src/core";
import { HEADERS, ROSTER, rosterSheet, settingsSheet } from "../core/helpers";
import { cellValue, check } from "./arbitraries";

const UNIT_VALUES = [...ROSTER.map((u) => u[0]), "青山", "高新区", "某某单位", "", null];
const plausible: Record<string, fc.Arbitrary<CellValue>> = {
  序号: fc.nat({ max: 500 }),
  任务编号: fc.constantFrom("RW-1", "RW-2", "RW-3", "XZ-9", "", 1001),
  任务类别: fc.constantFrom("乡村振兴", "两新党建", "巡察整改", "其他", "城市党建", "乡村振兴 "),
  重点任务: fc.constantFrom("推进任务", "落实整改", '=HYPERLINK("x")'),
  责任单位: fc.constantFrom(...UNIT_VALUES),
  责任人: fc.constantFrom("张三", "李四", ""),
  完成时限: fc.oneof(
    fc.integer({ min: 44000, max: 46000 }),
    fc.constantFrom("2022-10-31", "2022/12/31", "10月底", 20221130),
  ),
  推进状态: fc.constantFrom("未启动", "推进中", "已完成", "已销号", "完成", "进行中", "暂缓", null),
  完成进度: fc.oneof(
    fc.constantFrom(0, 50, 100, 0.5, "80%", 101, "一半"),
    fc.double({ min: -10, max: 120, noNaN: true }),
  ),
  完成时间: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 44000, max: 46000 }),
    fc.constantFrom("2022-09-30", "2099-12-31", "1999-01-01"),
  ),
  佐证材料: fc.constantFrom("会议记录", "", null),
  备注: fc.constantFrom("", "注：见附件", null),
};

/** A data row: mostly plausible values, sometimes anything at all. */
const dataRow = fc.tuple(
  ...HEADERS.map((h) =>
    fc.oneof({ weight: 5, arbitrary: plausible[h] ?? cellValue }, { weight: 1, arbitrary: cellValue }),
  ),
);

const rowKind = fc.oneof(
  { weight: 8, arbitrary: dataRow.map((cells) => ({ kind: "data" as const, cells: cells as CellValue[] })) },
  { weight: 1, arbitrary: fc.constant({ kind: "blank" as const, cells: [] as CellValue[] }) },
  {
    weight: 1,
    arbitrary: fc.constant({ kind: "footer" as const, cells: ["注：本表由各单位填写"] as CellValue[] }),
  },
);

const ledger = fc.record({
  headerAt: fc.nat({ max: 4 }),
  order: fc.shuffledSubarray([...HEADERS.keys()], { minLength: 5, maxLength: HEADERS.length }),
  extraHeader: fc.option(fc.constantFrom("附加列", "联系人电话", "Column1")),
  rows: fc.array(
    fc.tuple(
      rowKind,
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.integer({ min: 2, max: 200_000 }) },
      ),
    ),
    { maxLength: 25 },
  ),
  merges: fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 11 }), fc.nat({ max: 5 })), { maxLength: 3 }),
  withRoster: fc.boolean(),
  ranking: fc.constantFrom(null, "中国式", "标准"),
  asOf: fc.constantFrom("2022-10-31", "2022-12-31", "2023-06-30"),
});

type LedgerSpec = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

function sheetOf(spec: LedgerSpec): SheetGrid {
  const values: CellValue[][] = [];
  const rowIndexes: number[] = [];
  const put = (r: number, cells: CellValue[]) => {
    values[r] = cells;
    rowIndexes.push(r);
  };
  put(0, ["基层党建工作重点任务推进台账"]);
  const header: CellValue[] = spec.order.map((i) => HEADERS[i]!);
  if (spec.extraHeader) header.push(spec.extraHeader);
  put(spec.headerAt + 1, header);
  let r = spec.headerAt + 1;
  for (const [row, step] of spec.rows) {
    r = Math.min(r + step, MAX_ROWS - 1);
    if (rowIndexes.includes(r)) continue;
    const cells = row.kind === "data" ? spec.order.map((i) => row.cells[i] ?? null) : row.cells;
    put(r, cells);
  }
  const merges: CellRange[] = spec.merges.map(([top, left, height]) => ({
    top: spec.headerAt + 2 + top,
    left,
    bottom: spec.headerAt + 2 + top + height,
    right: left,
  }));
  return { name: "重点任务台账", values, numberFormats: [], merges, rowIndexes };
}

describe("validate → metrics → notice on random grids", () => {
  it("never throws, and its figures obey SPEC §4–§6", () => {
    check(
      fc.property(ledger, (spec) => {
        const sheet = sheetOf(spec);
        const extra: SheetGrid[] = [];
        if (spec.withRoster) extra.push(rosterSheet());
        if (spec.ranking) extra.push(settingsSheet([["排名方式", spec.ranking]]));
        const run = validateRun(
          [{ file: "a.xlsx", workbook: { sheets: [sheet, ...extra], date1904: false } }],
          {
            today: "2022-11-01",
            asOf: spec.asOf,
          },
        );
        const rows = presentRows(sheet);
        const lastRow = rows[rows.length - 1]!;
        for (const issue of run.issues) {
          if (issue.cell === null) continue;
          const at = parseA1(issue.cell);
          expect(at).not.toBeNull();
          expect(issue.row).toBe(at!.row + 1);
          expect(at!.row).toBeLessThanOrEqual(issue.sheet === sheet.name ? lastRow : MAX_ROWS);
          expect(at!.column).toBeLessThan(16384);
        }
        // planNoticeWorkbook also plans 附件3, the report over every issue.
        const planned = planNoticeWorkbook(run, { history: [], today: "2022-11-01" });
        expect(planned.ok).toBe(setupErrors(run).length === 0);
        if (!planned.ok) return;
        const { notice } = planned;
        expect(notice.totals.completed).toBeLessThanOrEqual(notice.totals.assigned);
        for (const group of notice.groups) {
          const ranked = group.units.filter((u) => u.rank !== null);
          for (const u of group.units) {
            expect(u.completed).toBeLessThanOrEqual(u.assigned);
            expect(u.closed).toBeLessThanOrEqual(u.completed);
            expect(u.overdue).toBeLessThanOrEqual(u.assigned);
            if (u.rank !== null) {
              expect(u.assigned).toBeGreaterThan(0);
              expect(u.rank).toBeGreaterThanOrEqual(1);
              expect(u.rank).toBeLessThanOrEqual(ranked.length);
            } else expect(u.assigned).toBe(0);
          }
        }
        const red = new Set(notice.redList.map((e) => e.unit));
        const black = new Set(notice.blackList.map((e) => e.unit));
        const notSubmitted = new Set(notice.notSubmitted.map((e) => e.unit));
        for (const u of black) expect(red.has(u)).toBe(false);
        for (const u of notSubmitted) expect(red.has(u) || black.has(u)).toBe(false);
        for (const e of notice.stationed) expect(black.has(e.unit)).toBe(true);
        expect(notice.stationed).toEqual([]); // a first notice names nobody
      }),
      100,
    );
  });
});
