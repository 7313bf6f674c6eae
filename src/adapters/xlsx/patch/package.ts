/**
 * An .xlsx package opened for patching: every entry's bytes in zip order, the parts the patcher
 * changes held as text, and helpers for relationships and content types. Parts nobody changes
 * are written back with exactly the bytes they had.
 *
 * It inflates and compresses with the codecs it is given (`PackageCodecs`): Node's zlib in the CLI
 * (node/package-codecs.ts), `fflate` in the task pane (./browser-codecs.ts). This module imports
 * neither, so the CLI never loads `fflate` (whose JavaScript DEFLATE took 1.6 of the 3.9 s of
 * `feedback` on a 100,000-row ledger; docs/PERFORMANCE.md).
 */
import type { Inflater } from "../read/inflate";
import { XlsxArchive, decodePart } from "../read/archive";
import { corruptPart } from "../read/errors";
import { forEachElement, rootPrefix } from "../read/xml";
import type { DeflateCodec } from "../write/codec";
import { CHUNK_BYTES, ZipWriter } from "../write/zip";
import { escapeXml, findTag } from "./xml-edit";

/** How a package's parts are inflated when it is opened and compressed when it is written. */
export interface PackageCodecs {
  readonly inflate: Inflater;
  readonly deflate: DeflateCodec;
  /**
   * Bytes as text of one character per byte and back (Latin-1), where that is one native copy
   * (Node's `Buffer`): a worksheet is then edited as its bytes (`markup`), never decoded whole.
   */
  readonly latin1?: {
    decode(bytes: Uint8Array): string;
    /** Writes `text` (one byte per character, at most `into.length` of them) into `into`; returns the count. */
    encodeInto(text: string, into: Uint8Array): number;
  };
  /**
   * Told when the package has let go of a part's inflated bytes (`markup`), with their size: Node
   * collects a large part's dead bytes at once (node/release-text.ts) rather than after the edit
   * has made its garbage on top of them.
   */
  readonly released?: (bytes: number) => void;
}

/** A part as `markup` gives it: its text, or (`bytes`) its UTF-8 bytes one character per byte. */
export interface PartMarkup {
  readonly text: string;
  readonly bytes: boolean;
}

/** A part edited from what `markup` gave: its new text, whole or as pieces in order (`TextEdits.pieces`). */
export interface EditedMarkup {
  readonly text: string | readonly string[];
  readonly bytes: boolean;
}

/** A relationship as written in a `.rels` part. */
export interface PackageRelationship {
  readonly id: string;
  readonly type: string;
  /** Zip path of the target (resolved), or undefined when external. */
  readonly path: string | undefined;
}

/** The folder of a part (`xl/worksheets/sheet1.xml` → `xl/worksheets`). */
export function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** The `.rels` part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPathOf(part: string): string {
  const folder = folderOf(part);
  const file = part.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === "" ? "" : folder + "/"}_rels/${file}.rels`;
}

/** Resolves a relationship target against its source part's folder. */
export function resolveTarget(sourceFolder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : sourceFolder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The target of `to` as written in the rels of a part in `fromFolder` (`xl/worksheets`, `xl/comments1.xml` → `../comments1.xml`). */
export function relativeTarget(fromFolder: string, to: string): string {
  const from = fromFolder.split("/").filter(Boolean);
  const parts = to.split("/");
  let common = 0;
  while (common < from.length && common < parts.length - 1 && from[common] === parts[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...parts.slice(common)].join("/");
}

export class XlsxPackage {
  /** Entry names in zip order; new parts are appended. */
  private readonly order: string[];
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  /**
   * Parts held as their UTF-8 bytes one character per byte (`markup`), in pieces whose concatenation
   * is the part (one piece until edited): the part is held once, as that text, from `markup` until
   * it is written, and an edit of it adds only what it changes.
   */
  private readonly asBytes = new Map<string, readonly string[]>();
  /** Lower-cased name → entry name. */
  private readonly lower = new Map<string, string>();
  /** Parts replaced byte-wise. */
  private readonly edited = new Set<string>();

  constructor(
    data: Uint8Array,
    maxUnpackedBytes: number,
    private readonly codecs: PackageCodecs,
  ) {
    const archive = new XlsxArchive(data, maxUnpackedBytes, codecs.inflate);
    this.order = archive.entryNames();
    const files = archive.inflate(this.order);
    for (const name of this.order) {
      this.bytes.set(name, files.get(name) ?? new Uint8Array(0));
      this.lower.set(name.toLowerCase(), name);
    }
  }

  /** The entry's actual name for a part path, matched case-insensitively (zip paths are case-insensitive in OPC). */
  find(part: string): string | undefined {
    return this.lower.get(part.replace(/^\/+/, "").toLowerCase());
  }

  has(part: string): boolean {
    return this.find(part) !== undefined;
  }

  /** The part as text (decoded once, then edited in place by `setText`). */
  text(part: string): string {
    const name = this.find(part);
    if (name === undefined) throw corruptPart(part, "缺少该部件");
    let text = this.texts.get(name);
    const pieces = this.asBytes.get(name);
    if (pieces !== undefined) {
      text = decodePart(this.latin1Bytes(pieces), name);
      this.texts.set(name, text);
      this.asBytes.delete(name);
      this.edited.delete(name);
    } else if (text === undefined) {
      const raw = this.bytes.get(name)!;
      text = decodePart(raw, name);
      // A UTF-16 part is written back as UTF-8: its declaration must say so.
      if (raw[0] === 0xff || raw[0] === 0xfe)
        text = text.replace(/^\uFEFF?(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, "$1UTF-8$2");
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.texts.set(name, text);
    }
    return text;
  }

  /**
   * A UTF-8 part to edit in place: its bytes one character per byte where the codecs can (then only
   * ASCII may be inserted: markup, numbers, references), else its text. A worksheet of 57.6 MB is
   * 57.6 MB of text this way, not about twice that as decoded CJK, and is never decoded or encoded
   * whole. Written back with `setMarkup`.
   *
   * The part is then held as that text alone, its inflated bytes let go, and it is encoded back a
   * chunk at a time as the package is written (`toBytes`): never two copies of a 57.6 MB worksheet
   * beside the edited one (`feedback` on a 100,000-row ledger peaked at 461–512 MB with them).
   */
  markup(part: string): PartMarkup {
    const name = this.find(part);
    const pieces = name === undefined ? undefined : this.asBytes.get(name);
    if (pieces !== undefined)
      return { text: pieces.length === 1 ? pieces[0]! : pieces.join(""), bytes: true };
    const freed = name === undefined ? -1 : this.holdAsBytes(name);
    if (freed < 0) return { text: this.text(part), bytes: false };
    // The bytes are no longer reachable from here (`holdAsBytes` has returned).
    this.codecs.released?.(freed);
    return { text: this.asBytes.get(name!)![0]!, bytes: true };
  }

  /**
   * Holds part `name` as its bytes one character per byte and lets go of the bytes; returns their
   * size, or -1 when the part cannot be held so: already text, no codec, or a byte-order mark
   * (UTF-16, or UTF-8's), when it is edited as its decoded text.
   */
  private holdAsBytes(name: string): number {
    const raw = this.bytes.get(name);
    const latin1 = this.codecs.latin1;
    if (raw === undefined || latin1 === undefined || raw[0] === 0xff || raw[0] === 0xfe || raw[0] === 0xef)
      return -1;
    this.asBytes.set(name, [latin1.decode(raw)]);
    this.bytes.delete(name);
    return raw.length;
  }

  /** Pieces of bytes-as-text as the bytes they stand for. */
  private latin1Bytes(pieces: readonly string[]): Uint8Array {
    let length = 0;
    for (const piece of pieces) length += piece.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const piece of pieces) at += this.codecs.latin1!.encodeInto(piece, out.subarray(at));
    return out;
  }

  /** Writes back what `markup` gave, edited. */
  setMarkup(part: string, markup: EditedMarkup): void {
    const { text } = markup;
    if (!markup.bytes) {
      this.setText(part, typeof text === "string" ? text : text.join(""));
      return;
    }
    const name = this.find(part);
    if (name === undefined || !this.asBytes.has(name)) throw corruptPart(part, "部件未以字节形式打开");
    this.asBytes.set(name, typeof text === "string" ? [text] : text);
    this.edited.add(name);
  }

  /** Replaces (or adds) a part's text. */
  setText(part: string, text: string): void {
    let name = this.find(part);
    if (name === undefined) {
      name = part;
      this.order.push(name);
      this.lower.set(name.toLowerCase(), name);
    }
    this.texts.set(name, text);
    this.asBytes.delete(name);
    this.edited.delete(name);
    this.bytes.delete(name);
  }

  /** A part's bytes as stored (for parts edited byte-wise, such as VML, whose encoding may not be UTF-8). */
  bytesOf(part: string): Uint8Array {
    const name = this.find(part);
    const pieces = name === undefined ? undefined : this.asBytes.get(name);
    if (pieces !== undefined) return this.latin1Bytes(pieces);
    const raw = name === undefined ? undefined : this.bytes.get(name);
    if (raw === undefined) throw corruptPart(part, "缺少该部件");
    return raw;
  }

  /** Replaces (or adds) a part's bytes. */
  setBytes(part: string, data: Uint8Array): void {
    let name = this.find(part);
    if (name === undefined) {
      name = part;
      this.order.push(name);
      this.lower.set(name.toLowerCase(), name);
    }
    this.texts.delete(name);
    this.asBytes.delete(name);
    this.bytes.set(name, data);
    this.edited.add(name);
  }

  /** Names of the parts, in zip order. */
  names(): readonly string[] {
    return this.order;
  }

  /** Names of the parts whose content changed or that are new. */
  changed(): string[] {
    return this.order.filter((n) => (this.texts.has(n) && !this.bytes.has(n)) || this.edited.has(n));
  }

  /** A part name `prefix{n}suffix` not yet used (n from 1). */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  /** The relationships of `part` (from its `.rels` part; none when it has none). */
  relationships(part: string): PackageRelationship[] {
    const rels = relsPathOf(part);
    if (!this.has(rels)) return [];
    const xml = this.text(rels);
    const prefix = rootPrefix(xml, "Relationships", rels);
    const out: PackageRelationship[] = [];
    forEachElement(xml, prefix + "Relationship", 0, xml.length, rels, (tag) => {
      const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attributes;
      if (id === undefined || type === undefined || target === undefined) return;
      out.push({ id, type, path: mode === "External" ? undefined : resolveTarget(folderOf(part), target) });
    });
    return out;
  }

  /** Adds a relationship from `part` to `target` (a zip path); returns its new id. */
  addRelationship(part: string, type: string, target: string): string {
    const rels = relsPathOf(part);
    const taken = new Set(this.relationships(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(folderOf(part), target))}"/>`;
    if (!this.has(rels)) {
      this.setText(
        rels,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${element}</Relationships>`,
      );
      return id;
    }
    const xml = this.text(rels);
    const prefix = rootPrefix(xml, "Relationships", rels);
    const close = xml.lastIndexOf(`</${prefix}Relationships>`);
    const qualified = prefix === "" ? element : element.replace("<Relationship", `<${prefix}Relationship`);
    if (close < 0) {
      // `<Relationships …/>`: open it up.
      const root = findTag(xml, prefix + "Relationships", 0, xml.length, rels)!;
      this.setText(
        rels,
        `${xml.slice(0, root.end - 2)}>${qualified}</${prefix}Relationships>${xml.slice(root.end)}`,
      );
    } else {
      this.setText(rels, xml.slice(0, close) + qualified + xml.slice(close));
    }
    return id;
  }

  /** Declares a part's content type (`Override`), or an extension's (`Default`) when it has none yet. */
  addContentType(kind: { override: string } | { extension: string }, contentType: string): void {
    const part = "[Content_Types].xml";
    const xml = this.text(part);
    const prefix = rootPrefix(xml, "Types", part);
    if ("extension" in kind) {
      let exists = false;
      forEachElement(xml, prefix + "Default", 0, xml.length, part, (tag) => {
        if ((tag.attributes["Extension"] ?? "").toLowerCase() === kind.extension.toLowerCase()) exists = true;
      });
      if (exists) return;
      const element = `<${prefix}Default Extension="${escapeXml(kind.extension)}" ContentType="${escapeXml(contentType)}"/>`;
      // Defaults come before Overrides by convention (the schema allows any order).
      const firstOverride = xml.indexOf(`<${prefix}Override`);
      const at = firstOverride >= 0 ? firstOverride : xml.lastIndexOf(`</${prefix}Types>`);
      this.setText(part, xml.slice(0, at) + element + xml.slice(at));
      return;
    }
    const element = `<${prefix}Override PartName="/${escapeXml(kind.override)}" ContentType="${escapeXml(contentType)}"/>`;
    const at = xml.lastIndexOf(`</${prefix}Types>`);
    if (at < 0) throw corruptPart(part, "内容类型表格式错误");
    this.setText(part, xml.slice(0, at) + element + xml.slice(at));
  }

  /** The content type the package declares for a part (Override, else the extension's Default). */
  contentTypeOf(partName: string): string | undefined {
    const part = "[Content_Types].xml";
    const xml = this.text(part);
    const prefix = rootPrefix(xml, "Types", part);
    let found: string | undefined;
    let byExtension: string | undefined;
    const ext = partName.slice(partName.lastIndexOf(".") + 1).toLowerCase();
    forEachElement(xml, prefix + "Override", 0, xml.length, part, (tag) => {
      if ((tag.attributes["PartName"] ?? "").replace(/^\//, "").toLowerCase() === partName.toLowerCase()) {
        found = tag.attributes["ContentType"];
      }
    });
    forEachElement(xml, prefix + "Default", 0, xml.length, part, (tag) => {
      if ((tag.attributes["Extension"] ?? "").toLowerCase() === ext)
        byExtension = tag.attributes["ContentType"];
    });
    return found ?? byExtension;
  }

  /**
   * The package as a zip: unchanged parts with their original bytes, in the original order, new
   * parts last. The writer's zip (fixed timestamps: the same input and issues give the same bytes),
   * each part streamed through the codec in chunks, a changed part's text encoded as it goes (one
   * held as bytes-as-text, a slice of it at a time).
   */
  toBytes(): Uint8Array {
    const zip = new ZipWriter(this.codecs.deflate);
    let scratch: Uint8Array | undefined;
    for (const name of this.order) {
      const part = zip.part(name);
      const raw = this.bytes.get(name);
      const pieces = this.asBytes.get(name);
      if (raw !== undefined) part.writeBytes(raw);
      else if (pieces === undefined) part.write(this.texts.get(name) ?? "");
      else {
        // Through one buffer, a megabyte at a time: no garbage the size of the part.
        scratch ??= new Uint8Array(CHUNK_BYTES);
        for (const piece of pieces)
          for (let at = 0; at < piece.length; at += CHUNK_BYTES) {
            const n = this.codecs.latin1!.encodeInto(piece.slice(at, at + CHUNK_BYTES), scratch);
            part.writeBytes(scratch.subarray(0, n));
          }
      }
      part.end();
    }
    return zip.finish();
  }
}
