import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { OutputWriteError, writeWorkbookFile } from "../../../src/adapters/xlsx/write";
import type { WorkbookPlan } from "../../../src/core/plan";
import { loadWorkbook } from "../../helpers/xlsx-inspect";

const plan = (text: string): WorkbookPlan => ({
  sheets: [{ name: "通报（第1期）", rows: [[{ value: text }]], styles: {}, merges: [], columnWidths: [] }],
});
const broken: WorkbookPlan = {
  sheets: [
    { name: "重复", rows: [], styles: {}, merges: [], columnWidths: [] },
    { name: "重复", rows: [], styles: {}, merges: [], columnWidths: [] },
  ],
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-write-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function firstCell(path: string): Promise<unknown> {
  return (await loadWorkbook(path)).worksheets[0]?.getCell("A1").value;
}

async function writeError(promise: Promise<void>): Promise<OutputWriteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputWriteError);
  expect((error as Error).message).not.toMatch(/\n/);
  return error as OutputWriteError;
}

const tempFiles = (folder: string): string[] => readdirSync(folder).filter((n) => n.endsWith(".tmp"));

test("writes the workbook, creating missing folders, leaving no temporary file", async () => {
  const target = join(dir, "out", "2022", "通报.xlsx");
  await writeWorkbookFile(target, plan("第一版"));
  expect(await firstCell(target)).toBe("第一版");
  expect(readdirSync(join(dir, "out", "2022"))).toEqual(["通报.xlsx"]);
});

test("replaces an existing output", async () => {
  const target = join(dir, "通报.xlsx");
  await writeWorkbookFile(target, plan("第一版"));
  await writeWorkbookFile(target, plan("第二版"));
  expect(await firstCell(target)).toBe("第二版");
  expect(readdirSync(dir)).toEqual(["通报.xlsx"]);
});

test("a plan that cannot be rendered leaves no target and no temporary file", async () => {
  const target = join(dir, "通报.xlsx");
  const error = await writeError(writeWorkbookFile(target, broken));
  expect(error.message).toContain("重复");
  expect(readdirSync(dir)).toEqual([]);
});

test("a failed render leaves an existing target untouched", async () => {
  const target = join(dir, "通报.xlsx");
  await writeWorkbookFile(target, plan("原来的"));
  const before = readFileSync(target);
  await writeError(writeWorkbookFile(target, broken));
  expect(readFileSync(target).equals(before)).toBe(true);
  expect(readdirSync(dir)).toEqual(["通报.xlsx"]);
});

test("a failure after the temporary file exists removes it (target is a folder)", async () => {
  const target = join(dir, "通报.xlsx");
  mkdirSync(target);
  writeFileSync(join(target, "keep.txt"), "x");
  const error = await writeError(writeWorkbookFile(target, plan("x")));
  expect(error.message).toContain("通报.xlsx");
  expect(error.message).toContain("文件夹");
  expect(tempFiles(dir)).toEqual([]);
  expect(readdirSync(dir)).toEqual(["通报.xlsx"]);
  expect(readFileSync(join(target, "keep.txt"), "utf8")).toBe("x");
});

test("a folder that cannot be created is reported", async () => {
  writeFileSync(join(dir, "file"), "not a folder");
  const error = await writeError(writeWorkbookFile(join(dir, "file", "out.xlsx"), plan("x")));
  expect(error.message).toContain("输出文件夹");
});

describe("never writes an input", () => {
  let input: string;
  let original: Buffer;
  beforeEach(async () => {
    input = join(dir, "台账.xlsx");
    await writeWorkbookFile(input, plan("原始台账"));
    original = readFileSync(input);
  });

  const cases: Array<[string, () => string]> = [
    ["the same path", () => input],
    ["a relative path with ..", () => relative(process.cwd(), join(dir, "sub", "..", "台账.xlsx"))],
    [
      "a symbolic link to it",
      () => {
        const link = join(dir, "link.xlsx");
        symlinkSync(input, link);
        return link;
      },
    ],
    [
      "a hard link to it",
      () => {
        const link = join(dir, "hard.xlsx");
        linkSync(input, link);
        return link;
      },
    ],
  ];

  test.each(cases)("refuses %s", async (_case, targetOf) => {
    const target = targetOf();
    const error = await writeError(
      writeWorkbookFile(target, plan("覆盖"), { inputs: ["other.xlsx", input] }),
    );
    expect(error.message).toContain("台账.xlsx");
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  test("allows a different output beside the inputs", async () => {
    const target = join(dir, "通报.xlsx");
    await writeWorkbookFile(target, plan("通报"), { inputs: [input, join(dir, "missing.xlsx")] });
    expect(await firstCell(target)).toBe("通报");
    expect(existsSync(input)).toBe(true);
    expect(readFileSync(input).equals(original)).toBe(true);
  });
});
