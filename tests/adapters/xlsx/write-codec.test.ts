/**
 * The writer's two compressors (native zlib in Node, fflate in the browser) write the same workbook,
 * and the ZIP they make is read by independent readers (fflate's unzip, Node's inflate via our
 * reader, ExcelJS).
 */
import { crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import { renderWorkbookBuffer } from "../../../src/adapters/xlsx/write";
import { renderWorkbookBytes } from "../../../src/adapters/xlsx/write/browser";
import { crc32 } from "../../../src/adapters/xlsx/write/codec";
import { nodeCodec } from "../../../src/adapters/xlsx/write/deflate-node";
import { templateWorkbook, LEDGER } from "../../helpers/feature-plan";
import { loadWorkbook, unzipXlsx } from "../../helpers/xlsx-inspect";

test("Node and browser codecs give the same parts", async () => {
  const plan = templateWorkbook(300);
  const node = unzipXlsx(await renderWorkbookBuffer(plan));
  const browser = unzipXlsx(renderWorkbookBytes(plan));
  expect(Object.keys(browser)).toEqual(Object.keys(node));
  for (const [path, bytes] of Object.entries(node))
    expect(Buffer.from(browser[path]!).equals(Buffer.from(bytes))).toBe(true);
  expect(Object.keys(node)[0]).toBe("[Content_Types].xml");
  const ws = (await loadWorkbook(renderWorkbookBytes(plan))).getWorksheet(LEDGER);
  expect(ws?.getCell("B303").value).toBe("RW-300");
});

test("the JavaScript CRC-32 agrees with zlib's, also when continued across chunks", () => {
  const data = new TextEncoder().encode("重点任务台账 ".repeat(5000));
  expect(crc32(data, 0)).toBe(zlibCrc32(data));
  expect(crc32(data.subarray(7000), crc32(data.subarray(0, 7000), 0))).toBe(zlibCrc32(data));
});

test("chunks compressed one by one and closed by an empty final block inflate to the whole", () => {
  const pieces = ["<sheetData>", "x".repeat(200_000), "台账".repeat(50_000), "</sheetData>"].map((t) =>
    new TextEncoder().encode(t),
  );
  const out: Uint8Array[] = [];
  const stream = nodeCodec.start((d) => out.push(d));
  for (const p of pieces) stream.push(p);
  stream.finish();
  const inflated = inflateRawSync(Buffer.concat(out));
  expect(inflated.equals(Buffer.concat(pieces))).toBe(true);
});
