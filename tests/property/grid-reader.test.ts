/**
 * Property-based tests of the .xlsx reader on random sheet XML (cell types, references, shared
 * string indexes, styles): it reads back exactly what was written, or refuses the file with a
 * `WorkbookReadError` (one line) — never anything else; both inflaters agree, and so do Node's
 * worksheet-as-bytes reading and the browser's decoding whole; and random damage
 * to real files is always answered the same way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { WorkbookReadError, fflateInflate, readWorkbook, zlibInflate } from "../../src/adapters/xlsx";
// The platform-free reader as the task pane uses it: `fflate`, and each part decoded whole.
import { readWorkbook as readInBrowser } from "../../src/adapters/xlsx/read";
import { type CellValue, MAX_COLUMNS, MAX_ROWS, a1, presentRows } from "../../src/core";
import { check } from "./arbitraries";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const FORMATS = ["0%", "yyyy/m/d", "@", '0.00"分"'];

interface ModelCell {
  readonly row: number;
  readonly column: number;
  /** Written with its `r` attribute, or relying on the position after the previous cell. */
  readonly withRef: boolean;
  readonly style: number;
  readonly xml: string;
  /** What the reader must give back (`undefined`: an empty cell). */
  readonly expected: CellValue | undefined;
}

/** Text XML can hold, as the reader keeps it (no `\r`, which XML turns into `\n`; no `_x` escapes). */
const xmlText = fc
  .string({
    unit: fc.constantFrom(
      "a",
      "Z",
      " ",
      "&",
      "<",
      ">",
      '"',
      "'",
      "\n",
      "\t",
      "青",
      "山",
      "区",
      "１",
      "，",
      "𠀀",
      "_",
      "x",
      "0",
      ";",
      "#",
    ),
    maxLength: 10,
  })
  .filter((s) => !/_x[0-9A-Fa-f]{4}_/.test(s));
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const content = (sharedStrings: readonly string[]) =>
  fc.oneof(
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      // `${-0}` is "0": the file says 0, so 0 is what must come back.
      .map((n) => ({ t: "", body: `<v>${n}</v>`, expected: (Object.is(n, -0) ? 0 : n) as CellValue })),
    fc.nat({ max: sharedStrings.length + 2 }).map((i) => ({
      t: ' t="s"',
      body: `<v>${i}</v>`,
      expected: i < sharedStrings.length ? sharedStrings[i]! : ("corrupt" as const),
    })),
    xmlText.map((s) => ({
      t: ' t="str"',
      body: `<f>A1&amp;"x"</f><v>${escape(s)}</v>`,
      expected: s as CellValue,
    })),
    xmlText.map((s) => ({
      t: ' t="inlineStr"',
      body: `<is><t>${escape(s)}</t></is>`,
      expected: s as CellValue,
    })),
    fc.tuple(xmlText, xmlText).map(([a, b]) => ({
      t: ' t="inlineStr"',
      body: `<is><r><rPr><b/></rPr><t xml:space="preserve">${escape(a)}</t></r><r><t>${escape(b)}</t></r><rPh><t>ピン</t></rPh></is>`,
      expected: (a + b) as CellValue,
    })),
    fc.boolean().map((b) => ({ t: ' t="b"', body: `<v>${b ? 1 : 0}</v>`, expected: b as CellValue })),
    fc
      .constantFrom("#N/A", "#REF!", "#DIV/0!")
      .map((e) => ({ t: ' t="e"', body: `<v>${e}</v>`, expected: { error: e } as CellValue })),
    fc
      .tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => {
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        return {
          t: ' t="d"',
          body: `<v>${iso}T00:00:00</v>`,
          expected: new Date(Date.UTC(y, m - 1, d)) as CellValue,
        };
      }),
    fc
      .constantFrom("99999999-01-01", "2022-02-30", "0000-00-00", "soon")
      .map((v) => ({ t: ' t="d"', body: `<v>${v}</v>`, expected: v as CellValue })),
    fc.constant({ t: "", body: "<f>1+1</f>", expected: undefined }),
  );

const model = fc.array(xmlText, { maxLength: 6 }).chain((sharedStrings) =>
  fc
    .array(
      fc.record({
        rowStep: fc.oneof(
          fc.constant(0),
          fc.constant(1),
          fc.nat({ max: 3 }),
          fc.integer({ min: 60, max: 300_000 }),
        ),
        column: fc.oneof(fc.nat({ max: 12 }), fc.integer({ min: 60, max: MAX_COLUMNS - 1 })),
        withRef: fc.boolean(),
        style: fc.nat({ max: FORMATS.length }),
        content: content(sharedStrings),
      }),
      { maxLength: 30 },
    )
    .map((specs) => ({ sharedStrings, specs })),
);

/** Lays the cells out in rows, as a writer would: rows ascending, cells left to right. */
function layout(
  specs: ReadonlyArray<{
    rowStep: number;
    column: number;
    withRef: boolean;
    style: number;
    content: { t: string; body: string; expected: CellValue | "corrupt" | undefined };
  }>,
) {
  let row = 0;
  const rows = new Map<number, Map<number, ModelCell | "corrupt">>();
  let corrupt = false;
  for (const spec of specs) {
    row = Math.min(row + spec.rowStep, MAX_ROWS - 1);
    const cells = rows.get(row) ?? new Map<number, ModelCell | "corrupt">();
    rows.set(row, cells);
    const last = Math.max(-1, ...cells.keys());
    // Without a reference a cell lands just after the previous one: write it there.
    const column = spec.withRef ? Math.max(spec.column, last + 1) : last + 1;
    if (column >= MAX_COLUMNS) continue;
    if (spec.content.expected === "corrupt") corrupt = true;
    const s = spec.style > 0 ? ` s="${spec.style}"` : "";
    const r = spec.withRef ? ` r="${a1(row, column)}"` : "";
    cells.set(column, {
      row,
      column,
      withRef: spec.withRef,
      style: spec.style,
      xml: `<c${r}${s}${spec.content.t}>${spec.content.body}</c>`,
      expected: spec.content.expected === "corrupt" ? undefined : spec.content.expected,
    });
  }
  return { rows, corrupt };
}

function book(
  sharedStrings: readonly string[],
  rows: Map<number, Map<number, ModelCell | "corrupt">>,
): Uint8Array {
  const sheetData = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([r, cells]) =>
        `<row r="${r + 1}">${[...cells.values()].map((c) => (c === "corrupt" ? "" : c.xml)).join("")}</row>`,
    )
    .join("");
  const styles = `<styleSheet ${NS}><numFmts>${FORMATS.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escape(f).replace(/"/g, "&quot;")}"/>`).join("")}</numFmts><cellXfs><xf numFmtId="0"/>${FORMATS.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join("")}</cellXfs></styleSheet>`;
  return zipSync({
    "xl/workbook.xml": strToU8(
      `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst ${NS}>${sharedStrings.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`,
    ),
    "xl/styles.xml": strToU8(styles),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
  });
}

describe("the reader on random sheet XML", () => {
  it("reads back every cell written (value, format, place), or refuses with one line", () => {
    check(
      fc.property(model, ({ sharedStrings, specs }) => {
        const { rows, corrupt } = layout(specs);
        const bytes = book(sharedStrings, rows);
        let grid;
        try {
          grid = readWorkbook(bytes, { inflate: zlibInflate });
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookReadError);
          expect((e as Error).message).not.toContain("\n");
          expect(corrupt).toBe(true);
          return;
        }
        expect(corrupt).toBe(false);
        expect(readWorkbook(bytes, { inflate: fflateInflate })).toEqual(grid);
        expect(readInBrowser(bytes, { inflate: fflateInflate })).toEqual(grid);
        const sheet = grid.sheets[0]!;
        const present: number[] = [];
        for (const [r, cells] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
          let any = false;
          for (const cell of cells.values()) {
            if (cell === "corrupt") continue;
            const value = sheet.values[r]?.[cell.column];
            if (cell.expected === undefined) expect(value ?? null).toBeNull();
            else {
              expect(value).toEqual(cell.expected);
              any = true;
              const format = cell.style > 0 ? FORMATS[cell.style - 1] : undefined;
              expect(sheet.numberFormats[r]?.[cell.column]).toBe(format);
            }
          }
          if (any) present.push(r);
        }
        expect(presentRows(sheet)).toEqual(present);
      }),
      150,
    );
  });
});

describe("random damage to real files", () => {
  const files = ["ledger-exceljs.xlsx", "ledger-libreoffice.xlsx", "inline-exceljs.xlsx"].map(
    (n) => new Uint8Array(readFileSync(join(__dirname, "../fixtures/xlsx", n))),
  );

  it("is read or refused with a WorkbookReadError, never anything else", () => {
    check(
      fc.property(
        fc.nat({ max: files.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        (which, flips, cut) => {
          const bytes = files[which]!.slice();
          for (const [at, b] of flips) bytes[Math.floor(at * (bytes.length - 1))] = b;
          const input = cut === null ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
          try {
            readWorkbook(input);
          } catch (e) {
            if (!(e instanceof WorkbookReadError)) throw e;
            expect(e.message).not.toContain("\n");
          }
        },
      ),
      150,
    );
  });
});
