/**
 * The writer's zip (src/adapters/xlsx/write/zip.ts) takes a part as text and as bytes in any
 * order (the patcher copies unchanged parts as bytes): the entry holds them in the order written,
 * across chunk boundaries, with either codec.
 */
import { strToU8, unzipSync } from "fflate";
import type { DeflateCodec } from "../../../src/adapters/xlsx/write/codec";
import { browserCodec } from "../../../src/adapters/xlsx/write/deflate";
import { nodeCodec } from "../../../src/adapters/xlsx/write/deflate-node";
import { CHUNK_BYTES, ZipWriter } from "../../../src/adapters/xlsx/write/zip";

describe.each<[string, DeflateCodec]>([
  ["node", nodeCodec],
  ["browser", browserCodec],
])("ZipWriter with the %s codec", (_, codec) => {
  test("a part written as text and bytes holds them in order, across chunk boundaries", () => {
    // Two and a half chunks of bytes that are not text (every byte value), between pieces of text.
    const bytes = new Uint8Array(CHUNK_BYTES * 2.5).map((_, i) => (i * 7 + (i >> 11)) & 0xff);
    const zip = new ZipWriter(codec);
    const part = zip.part("data.bin");
    part.write("头");
    part.writeBytes(bytes);
    part.write("尾");
    part.writeBytes(new Uint8Array(0));
    part.end();
    zip.add("after.txt", "next part");
    const entries = unzipSync(zip.finish());
    expect(Object.keys(entries)).toEqual(["data.bin", "after.txt"]);
    const head = strToU8("头");
    const tail = strToU8("尾");
    const expected = new Uint8Array(head.length + bytes.length + tail.length);
    expected.set(head, 0);
    expected.set(bytes, head.length);
    expected.set(tail, head.length + bytes.length);
    expect(Buffer.from(entries["data.bin"]!).equals(Buffer.from(expected))).toBe(true);
    expect(new TextDecoder().decode(entries["after.txt"])).toBe("next part");
  });
});
