/**
 * `core/grid`: walking sparse grids (only the cells present, inside the rows asked for), A1
 * references and the A1 ranges the spreadsheet adapters write and highlight.
 */
import {
  type CellValue,
  type SheetGrid,
  cellsToRanges,
  forEachCell,
  forEachRow,
  gridFromRows,
  parseA1,
  parseRangeAddress,
  presentRows,
  rangeAddress,
} from "../../src/core";

function sparse(length: number, cells: Record<number, CellValue>): CellValue[] {
  const row: CellValue[] = [];
  row.length = length;
  for (const [c, v] of Object.entries(cells)) row[Number(c)] = v;
  return row;
}

function visited(cells: ReadonlyArray<CellValue> | undefined): Array<[number, CellValue]> {
  const seen: Array<[number, CellValue]> = [];
  forEachCell(cells, (c, v) => seen.push([c, v]));
  return seen;
}

describe("walking a grid", () => {
  const values: Array<CellValue[] | undefined> = [];
  values[0] = ["a"];
  values[2] = ["c"];
  values[3] = ["d"];
  values[7] = ["h"];
  const grid = (): SheetGrid => ({ name: "S", values, numberFormats: [], merges: [] });

  it("presentRows: the rows that are not holes, or the adapter's own list", () => {
    expect(presentRows(grid())).toEqual([0, 2, 3, 7]);
    expect(presentRows({ ...grid(), rowIndexes: [2, 7] })).toEqual([2, 7]);
  });

  it("forEachRow: the rows present from `from` to `to`, both included", () => {
    const rows = (from?: number, to?: number) => {
      const seen: number[] = [];
      forEachRow(grid(), (r, cells) => seen.push(r) && cells, from, to);
      return seen;
    };
    expect(rows()).toEqual([0, 2, 3, 7]);
    expect(rows(1, 3)).toEqual([2, 3]);
    expect(rows(3, 3)).toEqual([3]);
    expect(rows(4, 6)).toEqual([]);
    expect(rows(0, 0)).toEqual([0]);
  });

  it("forEachCell: the cells holding a value, left to right, in short and long rows", () => {
    expect(visited(undefined)).toEqual([]);
    expect(visited(["a", null, undefined as unknown as CellValue, 0, "", false])).toEqual([
      [0, "a"],
      [3, 0],
      [4, ""],
      [5, false],
    ]);
    const long = sparse(16_384, { 0: "A", 1: null, 300: "KO", 16_383: "XFD" });
    // Keys that are not column indexes, though they read back a value: not cells.
    for (const key of ["extra", "1.5", "-1"])
      (long as unknown as Record<string, unknown>)[key] = "not a cell";
    expect(visited(long)).toEqual([
      [0, "A"],
      [300, "KO"],
      [16_383, "XFD"],
    ]);
    expect(visited(sparse(300, { 0: "x", 299: "y" }))).toEqual([
      [0, "x"],
      [299, "y"],
    ]);
  });
});

describe("A1 references", () => {
  it.each([
    ["A1", { row: 0, column: 0 }],
    ["AB12", { row: 11, column: 27 }],
    ["$XFD$1048576", { row: 1_048_575, column: 16_383 }],
    ["zz3", { row: 2, column: 701 }],
  ])("parseA1(%j)", (ref, expected) => {
    expect(parseA1(ref)).toEqual(expected);
  });

  it.each(["", "A", "12", "AAAA1", "#A1", "A1#", "A1:B2", "Sheet!A1", "A 1"])(
    "%j is not a plain A1 reference",
    (ref) => {
      expect(parseA1(ref)).toBeNull();
    },
  );
});

describe("A1 ranges", () => {
  it("rangeAddress writes a single cell alone and a block as two corners", () => {
    expect(rangeAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
    expect(rangeAddress({ top: 0, left: 0, bottom: 1, right: 2 })).toBe("A1:C2");
    expect(rangeAddress({ top: 4, left: 27, bottom: 4, right: 28 })).toBe("AB5:AC5");
    expect(rangeAddress({ top: 4, left: 27, bottom: 9, right: 27 })).toBe("AB5:AB10");
  });

  it("parseRangeAddress reads what rangeAddress writes, with a sheet prefix, $ and corners in any order", () => {
    expect(parseRangeAddress("A1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    expect(parseRangeAddress("'台账!表'!$B$3:$A$1")).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
    expect(parseRangeAddress("Sheet1!C2:A5")).toEqual({ top: 1, left: 0, bottom: 4, right: 2 });
    expect(parseRangeAddress("A1:B")).toBeNull();
    expect(parseRangeAddress("x:A1")).toBeNull();
    expect(parseRangeAddress("")).toBeNull();
    expect(parseRangeAddress("!A1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    for (const range of [
      { top: 0, left: 0, bottom: 0, right: 0 },
      { top: 3, left: 2, bottom: 10, right: 30 },
    ])
      expect(parseRangeAddress(rangeAddress(range))).toEqual(range);
  });

  it("cellsToRanges: runs in a row, stacked over the same columns in consecutive rows, row-major", () => {
    expect(cellsToRanges([])).toEqual([]);
    expect(
      cellsToRanges([
        [0, 0],
        [0, 1],
        [0, 1],
        [1, 0],
        [1, 1],
        [2, 1],
        [0, 3],
        [4, 0],
        [4, 1],
      ]),
    ).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 3, bottom: 0, right: 3 },
      { top: 2, left: 1, bottom: 2, right: 1 },
      { top: 4, left: 0, bottom: 4, right: 1 },
    ]);
    // Given in any order; a block interrupted by a different run in between rows is closed.
    expect(
      cellsToRanges([
        [2, 5],
        [0, 5],
        [1, 5],
        [1, 6],
        [3, 5],
      ]),
    ).toEqual([
      { top: 0, left: 5, bottom: 0, right: 5 },
      { top: 1, left: 5, bottom: 1, right: 6 },
      { top: 2, left: 5, bottom: 3, right: 5 },
    ]);
  });

  it("cellsToRanges: a row given right to left, a gap between rows, blocks closed out of order", () => {
    expect(
      cellsToRanges([
        [0, 2],
        [0, 1],
        [0, 0],
      ]),
    ).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(
      cellsToRanges([
        [0, 0],
        [2, 0],
      ]),
    ).toEqual([
      { top: 0, left: 0, bottom: 0, right: 0 },
      { top: 2, left: 0, bottom: 2, right: 0 },
    ]);
    // The block at B2:B3 closes before the one at A1:A4, yet comes after it (row-major).
    expect(
      cellsToRanges([
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
        [1, 2],
        [2, 2],
        [5, 1],
      ]),
    ).toEqual([
      { top: 0, left: 0, bottom: 3, right: 0 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 5, left: 1, bottom: 5, right: 1 },
    ]);
  });

  it("gridFromRows keeps what it is given", () => {
    const g = gridFromRows("S", [["a"]], { merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });
    expect(g).toEqual({
      name: "S",
      values: [["a"]],
      numberFormats: [],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    });
  });
});
