/**
 * The writer's two compressors (native zlib in Node, fflate in the browser) write the same workbook,
 * and the ZIP they make is read by independent readers (fflate's unzip, Node's inflate via our
 * reader, ExcelJS).
 */
import { crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import { renderWorkbookBuffer } from "../../../src/adapters/xlsx/write";
import { renderWorkbookBytes } from "../../../src/adapters/xlsx/write/browser";
import { type DeflateCodec, crc32 } from "../../../src/adapters/xlsx/write/codec";
import { nodeCodec } from "../../../src/adapters/xlsx/write/deflate-node";
import { chunksCompressedElsewhere, workerCodec } from "../../../src/adapters/xlsx/write/deflate-worker";
import { renderWorkbook } from "../../../src/adapters/xlsx/write/render";
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

describe("the worker codec (Node: chunks after a part's first compressed on a second thread)", () => {
  /** `n` chunks of a megabyte each, every one different (so a chunk out of order changes the bytes). */
  const chunks = (n: number, seed: string): Uint8Array[] =>
    Array.from({ length: n }, (_, i) =>
      new TextEncoder().encode(`<row r="${i}">${seed}${i}`.repeat(1 << 20).slice(0, 1 << 20)),
    );
  const compress = (codec: DeflateCodec, pieces: readonly Uint8Array[]): Buffer => {
    const out: Uint8Array[] = [];
    const stream = codec.start((d) => out.push(d));
    for (const p of pieces) stream.push(p);
    stream.finish();
    return Buffer.concat(out);
  };

  test("writes nodeCodec's bytes for a workbook whose sheet takes more chunks than the ring holds", async () => {
    const plan = templateWorkbook(30_000);
    const before = chunksCompressedElsewhere();
    const bytes = renderWorkbook(plan, workerCodec);
    // Chunks go to the worker once it runs (the first few may not): more than the ring's four here.
    expect(chunksCompressedElsewhere() - before).toBeGreaterThan(4);
    expect(Buffer.from(bytes).equals(Buffer.from(renderWorkbook(plan, nodeCodec)))).toBe(true);
    expect(Buffer.from(await renderWorkbookBuffer(plan)).equals(Buffer.from(bytes))).toBe(true);
  });

  test("small parts (every small workbook) never reach the worker", () => {
    const before = chunksCompressedElsewhere();
    const pieces = [
      new TextEncoder().encode("小".repeat(100_000)),
      new TextEncoder().encode("x".repeat(1000)),
    ];
    expect(compress(workerCodec, pieces).equals(compress(nodeCodec, pieces))).toBe(true);
    expect(chunksCompressedElsewhere()).toBe(before);
  });

  test("a part abandoned after some chunks (its plan failed) leaves nothing in the next part", () => {
    // Until the worker runs, chunks are compressed here: go on until it has taken some.
    const warm = chunks(3, "warm");
    for (let tries = 0; chunksCompressedElsewhere() === 0 && tries < 200; tries++)
      compress(workerCodec, warm);
    const before = chunksCompressedElsewhere();
    const stream = workerCodec.start(() => undefined);
    for (const p of chunks(7, "abandoned")) stream.push(p);
    expect(chunksCompressedElsewhere() - before).toBe(7);
    const pieces = chunks(6, "next");
    const out = compress(workerCodec, pieces);
    expect(out.equals(compress(nodeCodec, pieces))).toBe(true);
    expect(inflateRawSync(out).equals(Buffer.concat(pieces))).toBe(true);
  });
});
