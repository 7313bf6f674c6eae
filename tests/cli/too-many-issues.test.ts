/**
 * A workbook past MAX_ISSUES_PER_WORKBOOK issues (a sheet in the wrong template) is that file's
 * error in one line; memory stays bounded and the other files of the run are answered as alone.
 */
import {
  type CellValue,
  type WorkbookGrid,
  MAX_ISSUES_PER_WORKBOOK,
  TooManyIssuesError,
  findHeaderRow,
  makeVocabulary,
  validateLedgerSheet,
  validateRun,
} from "../../src/core";
import { validateLoaded } from "../../src/cli/load";
import { HEADERS } from "../core/helpers";

/** SPEC §2's canonical headers, columns A–L. */
const HEADER: CellValue[] = [...HEADERS];

/** A ledger whose data rows are numbers in every column: 5 errors a row (category, unit, status, progress, dates…). */
function wrongTemplate(rows: number): WorkbookGrid {
  const values: CellValue[][] = [HEADER];
  for (let r = 1; r <= rows; r++) values.push(HEADER.map((_, c) => (c === 0 ? r : 9000 + c)));
  return { sheets: [{ name: "台账", values, numberFormats: [], merges: [] }], date1904: false };
}

const good: WorkbookGrid = {
  sheets: [
    {
      name: "台账",
      values: [
        HEADER,
        [1, "A-1", "乡村振兴", "任务", "青山区", "张三", "2022-12-31", "推进中", 50, null, "", ""],
      ],
      numberFormats: [],
      merges: [],
    },
  ],
  date1904: false,
};

it("stops a sheet past its budget of issues, naming the sheet and the row", () => {
  const sheet = wrongTemplate(50).sheets[0]!;
  const context = { date1904: false, asOfDay: 8400, categories: makeVocabulary(["乡村振兴"]), units: null };
  let thrown: unknown;
  try {
    validateLedgerSheet(sheet, findHeaderRow(sheet)!, context, { budget: 12, limit: 12 });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TooManyIssuesError);
  expect((thrown as TooManyIssuesError).sheet).toBe("台账");
  expect((thrown as TooManyIssuesError).row).toBeGreaterThan(2);
  expect((thrown as TooManyIssuesError).row).toBeLessThan(10);
});

it("keeps 200,000 issues a workbook by default", () => {
  expect(MAX_ISSUES_PER_WORKBOOK).toBe(200_000);
});

it("makes a workbook past its issue limit that file's one-line error; the good file is answered as alone", () => {
  // The limit is an option so the test need not build 200,000 issues.
  const rows = 400;
  const loaded = [
    { file: "错模板.xlsx", workbook: wrongTemplate(rows) },
    { file: "青山区.xlsx", workbook: good },
  ];
  const lines: string[] = [];
  const io = {
    stdout: () => undefined,
    stderr: (t: string) => void lines.push(t),
    today: "2022-11-01",
    progress: false,
  };
  const checked = validateLoaded(
    { loaded, failed: [], order: loaded },
    { today: "2022-11-01", maxIssues: 1000 },
    io,
  );
  expect(checked.failed).toHaveLength(1);
  expect(checked.failed[0]!.file).toBe("错模板.xlsx");
  expect(checked.failed[0]!.error).toMatch(
    /^问题过多：工作表“台账”至第 \d+ 行已超过 1000 个问题，已停止校验/,
  );
  expect(lines).toEqual([`taizhang: 错模板.xlsx: ${checked.failed[0]!.error}\n`]);
  const alone = validateRun([loaded[1]!], { today: "2022-11-01", maxIssues: 1000 });
  expect(checked.run.issues.map((i) => i.code)).toEqual(alone.issues.map((i) => i.code));
  expect(checked.run.files.map((f) => f.file)).toEqual(["青山区.xlsx"]);
});
