/**
 * Text with positions from a PDF LibreOffice wrote, without poppler: each page's text runs
 * (`x y Td /Fn size Tf <hex> Tj|TJ`), decoded through the fonts' ToUnicode CMaps. Enough to check
 * what a printed notice shows and where, not a general PDF reader.
 */
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

export interface TextRun {
  readonly x: number;
  /** Baseline, in points from the page's bottom edge. */
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function objectsOf(bytes: Buffer): Map<string, PdfObject> {
  const text = bytes.toString("latin1");
  const objects = new Map<string, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end < 0 ? undefined : end);
    const at = /stream\r?\n/.exec(body);
    if (at === null) {
      objects.set(m[1] ?? "", { dict: body });
      continue;
    }
    const dataStart = start + at.index + at[0].length;
    const dataEnd = text.indexOf("endstream", dataStart);
    objects.set(m[1] ?? "", { dict: body.slice(0, at.index), stream: bytes.subarray(dataStart, dataEnd) });
  }
  return objects;
}

function streamText(o: PdfObject | undefined): string {
  if (o?.stream === undefined) return "";
  return (/FlateDecode/.test(o.dict) ? inflateSync(o.stream) : o.stream).toString("latin1");
}

const utf16 = (hex: string): string => {
  let out = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** code (hex, upper case) → text, and the code length in hex digits. */
function parseCMap(cmap: string): { map: Map<string, string>; digits: number } {
  const map = new Map<string, string>();
  const digits = (/begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap)?.[1] ?? "00").length;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set((m[1] ?? "").toUpperCase(), utf16(m[2] ?? ""));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(m[1] ?? "0", 16);
      const hi = parseInt(m[2] ?? "0", 16);
      const base = parseInt(m[3] ?? "0", 16);
      for (let c = lo; c <= hi; c++) {
        map.set(c.toString(16).toUpperCase().padStart(digits, "0"), String.fromCharCode(base + c - lo));
      }
    }
  }
  return { map, digits };
}

function resolve(objects: Map<string, PdfObject>, dict: string, key: string): string {
  const ref = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(dict);
  if (ref !== null) return objects.get(ref[1] ?? "")?.dict ?? "";
  const inline = new RegExp(`/${key}\\s*<<`).exec(dict);
  if (inline === null) return "";
  // The balanced << … >> after the key.
  let depth = 0;
  const from = inline.index + inline[0].length - 2;
  for (let i = from; i < dict.length - 1; i++) {
    if (dict.startsWith("<<", i)) {
      depth++;
      i++;
    } else if (dict.startsWith(">>", i)) {
      depth--;
      i++;
      if (depth === 0) return dict.slice(from, i + 1);
    }
  }
  return dict.slice(from);
}

/** Every page's text runs, in file order of the page objects. */
export function pdfTextRuns(path: string): TextRun[][] {
  const objects = objectsOf(readFileSync(path));
  const cmaps = new Map<string, { map: Map<string, string>; digits: number }>();
  const fontCMap = (id: string) => {
    let cached = cmaps.get(id);
    if (cached === undefined) {
      const ref = /\/ToUnicode\s*(\d+) 0 R/.exec(objects.get(id)?.dict ?? "")?.[1];
      cached = parseCMap(ref === undefined ? "" : streamText(objects.get(ref)));
      cmaps.set(id, cached);
    }
    return cached;
  };
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o.dict));
  return pages.map((page) => {
    const resources = resolve(objects, page.dict, "Resources");
    const fontDict = resolve(objects, resources, "Font");
    const fonts = new Map(
      [...fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)].map((m) => [m[1] ?? "", m[2] ?? ""]),
    );
    const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? "";
    const content = [...refs.matchAll(/(\d+) 0 R/g)]
      .map((r) => streamText(objects.get(r[1] ?? "")))
      .join("\n");
    const runs: TextRun[] = [];
    for (const bt of content.matchAll(/BT([\s\S]*?)ET/g)) {
      const body = bt[1] ?? "";
      const pos =
        /([-\d.]+) ([-\d.]+) Td/.exec(body) ??
        /[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) Tm/.exec(body);
      const font = /\/(\w+) ([\d.]+) Tf/.exec(body);
      if (pos === null || font === null) continue;
      const cmap = fontCMap(fonts.get(font[1] ?? "") ?? "");
      let text = "";
      for (const hex of body.matchAll(/<([0-9A-Fa-f]*)>/g)) {
        const h = (hex[1] ?? "").toUpperCase();
        for (let i = 0; i + cmap.digits <= h.length; i += cmap.digits) {
          text += cmap.map.get(h.slice(i, i + cmap.digits)) ?? "\uFFFD";
        }
      }
      runs.push({ x: Number(pos[1]), y: Number(pos[2]), size: Number(font[2]), text });
    }
    return runs;
  });
}

/** A page's runs joined into lines (runs whose baselines are within 1 pt), top to bottom, left to right. */
export function pdfLines(runs: readonly TextRun[]): Array<{ y: number; text: string; runs: TextRun[] }> {
  const lines: Array<{ y: number; text: string; runs: TextRun[] }> = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - run.y) < 1);
    if (line === undefined) lines.push({ y: run.y, text: "", runs: [run] });
    else line.runs.push(run);
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.text = line.runs.map((r) => r.text).join("");
  }
  return lines;
}
