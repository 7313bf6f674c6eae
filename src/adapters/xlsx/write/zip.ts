/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): DEFLATE entries written part by part in
 * chunks, so a sheet's XML is never held whole, and the finished archive returned as one byte
 * array. No file system: the CLI writes the bytes to disk (write-file.ts), the task pane hands
 * them to Excel or a download.
 */
import type { DeflateCodec } from "./codec";

/** Text is encoded in pieces of about this many UTF-16 code units (small enough to stay in cache)… */
const ENCODE_CHARS = 1 << 14;
/** …into a buffer of this many bytes, which is compressed whenever it fills. */
export const CHUNK_BYTES = 1 << 20;
const MAX_32 = 0xffffffff;
/** 1980-01-01 00:00 in MS-DOS form: a fixed stamp keeps the output reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Entry {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly chunks: Uint8Array[];
}

const encoder = new TextEncoder();

/** Writes one entry: text (`write`) and bytes (`writeBytes`) in order, then `end`. */
export interface PartWriter {
  write(text: string): void;
  /** Bytes as they are (a part copied from another package); `data` is not kept. */
  writeBytes(data: Uint8Array): void;
  end(): void;
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private open = false;
  /** Encoded text waiting to be compressed; parts are written one at a time, so they share it. */
  private readonly buffer = new Uint8Array(CHUNK_BYTES);

  constructor(private readonly codec: DeflateCodec) {}

  /** Starts an entry; its text is buffered up to a chunk, then encoded and compressed. */
  part(path: string): PartWriter {
    if (this.open) throw new Error(`上一个部件尚未写完：${path}`);
    this.open = true;
    const chunks: Uint8Array[] = [];
    let compressedSize = 0;
    let size = 0;
    let crc = 0;
    const stream = this.codec.start((data) => {
      chunks.push(data);
      compressedSize += data.length;
    });
    const buffer = this.buffer;
    let used = 0;
    let pending = "";
    const compress = (): void => {
      if (used === 0) return;
      const bytes = buffer.subarray(0, used);
      size += used;
      crc = this.codec.crc32(bytes, crc);
      stream.push(bytes);
      used = 0;
    };
    const encode = (): void => {
      let rest = pending;
      pending = "";
      for (;;) {
        const { read, written } = encoder.encodeInto(rest, buffer.subarray(used));
        used += written;
        if (read >= rest.length) break;
        rest = rest.slice(read);
        compress();
      }
      // Room for the next piece: at most three bytes per UTF-16 code unit.
      if (used > CHUNK_BYTES - 3 * ENCODE_CHARS) compress();
    };
    const flush = (): void => {
      if (pending !== "") encode();
      compress();
    };
    return {
      write: (text) => {
        pending += text;
        if (pending.length >= ENCODE_CHARS) encode();
      },
      writeBytes: (data) => {
        if (pending !== "") encode();
        for (let at = 0; at < data.length;) {
          const n = Math.min(data.length - at, CHUNK_BYTES - used);
          buffer.set(data.subarray(at, at + n), used);
          used += n;
          at += n;
          if (used === CHUNK_BYTES) compress();
        }
      },
      end: () => {
        flush();
        stream.finish();
        this.open = false;
        if (size > MAX_32 || compressedSize > MAX_32) throw new Error(`部件 ${path} 超过 4 GB`);
        this.entries.push({ name: encoder.encode(path), crc, compressedSize, size, chunks });
      },
    };
  }

  /** Writes a whole small entry. */
  add(path: string, text: string): void {
    const part = this.part(path);
    part.write(text);
    part.end();
  }

  /** The archive: local headers and data in entry order, then the central directory. */
  finish(): Uint8Array {
    const parts = this.finishParts();
    let length = 0;
    for (const part of parts) length += part.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /**
   * The archive as pieces to write in order (each entry's header, its compressed chunks as they
   * are, then the central directory): a file is written from them without copying every entry's
   * data into one array first (11 MB at 100,000 ledger rows).
   */
  finishParts(): Uint8Array[] {
    let length = 22;
    for (const e of this.entries) length += 30 + 46 + 2 * e.name.length + e.compressedSize;
    if (length > MAX_32) throw new Error("工作簿超过 4 GB");
    const parts: Uint8Array[] = [];
    let at = 0;
    const offsets: number[] = [];
    for (const e of this.entries) {
      offsets.push(at);
      const header = new Uint8Array(30 + e.name.length);
      const view = new DataView(header.buffer);
      view.setUint32(0, 0x04034b50, true);
      view.setUint16(4, 20, true); // version needed: 2.0 (DEFLATE)
      view.setUint16(6, 0x0800, true); // names are UTF-8
      view.setUint16(8, 8, true); // DEFLATE
      view.setUint16(10, DOS_TIME, true);
      view.setUint16(12, DOS_DATE, true);
      view.setUint32(14, e.crc, true);
      view.setUint32(18, e.compressedSize, true);
      view.setUint32(22, e.size, true);
      view.setUint16(26, e.name.length, true);
      view.setUint16(28, 0, true);
      header.set(e.name, 30);
      parts.push(header);
      for (const chunk of e.chunks) parts.push(chunk);
      at += header.length + e.compressedSize;
    }
    let size = 22;
    for (const e of this.entries) size += 46 + e.name.length;
    const tail = new Uint8Array(size);
    const view = new DataView(tail.buffer);
    let t = 0;
    this.entries.forEach((e, i) => {
      view.setUint32(t, 0x02014b50, true);
      view.setUint16(t + 4, 20, true); // made by: MS-DOS, 2.0
      view.setUint16(t + 6, 20, true);
      view.setUint16(t + 8, 0x0800, true);
      view.setUint16(t + 10, 8, true);
      view.setUint16(t + 12, DOS_TIME, true);
      view.setUint16(t + 14, DOS_DATE, true);
      view.setUint32(t + 16, e.crc, true);
      view.setUint32(t + 20, e.compressedSize, true);
      view.setUint32(t + 24, e.size, true);
      view.setUint16(t + 28, e.name.length, true);
      // extra, comment, disk, internal and external attributes: all 0
      view.setUint32(t + 42, offsets[i]!, true);
      tail.set(e.name, t + 46);
      t += 46 + e.name.length;
    });
    view.setUint32(t, 0x06054b50, true);
    view.setUint16(t + 8, this.entries.length, true);
    view.setUint16(t + 10, this.entries.length, true);
    view.setUint32(t + 12, t, true);
    view.setUint32(t + 16, at, true);
    parts.push(tail);
    return parts;
  }
}
