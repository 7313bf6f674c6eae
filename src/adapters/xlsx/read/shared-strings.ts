/**
 * Shared strings (`xl/sharedStrings.xml`) and the string items they share with inline strings
 * (`<is>`): plain `<t>` or rich text runs `<r><t>`, whose texts are concatenated. Phonetic runs
 * (`<rPh>`, furigana/pinyin guides) are not part of the text.
 */
import { corruptPart } from "./errors";
import { decodeXString, decodeXml, isNameEnd, rootPrefix } from "./xml";

/** The text of a string item whose content spans `[start, end)`. */
export function readStringItem(
  xml: string,
  start: number,
  end: number,
  prefix: string,
  part: string,
): string {
  let raw = "";
  let i = start;
  const plen = prefix.length;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= end) break;
    const n = lt + 1 + plen;
    const c = xml.charCodeAt(lt + 1);
    const gt = xml.indexOf(">", n);
    if (gt < 0 || gt > end) throw corruptPart(part, "标签未结束");
    if (c === 47 /* / */ || c === 33 /* ! */ || c === 63 /* ? */) {
      i = gt + 1;
      continue;
    }
    if (xml.charCodeAt(n) === 116 /* t */ && isNameEnd(xml.charCodeAt(n + 1))) {
      i = gt + 1;
      if (xml.charCodeAt(gt - 1) === 47) continue; // <t/>
      const close = xml.indexOf("<", i);
      if (close < 0 || close > end) throw corruptPart(part, "缺少 </t>");
      raw += xml.slice(i, close);
      i = close;
      continue;
    }
    if (xml.startsWith("rPh", n) && isNameEnd(xml.charCodeAt(n + 3))) {
      if (xml.charCodeAt(gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const closeTag = "</" + prefix + "rPh>";
      const close = xml.indexOf(closeTag, gt + 1);
      if (close < 0 || close > end) throw corruptPart(part, "缺少 </rPh>");
      i = close + closeTag.length;
      continue;
    }
    i = gt + 1;
  }
  return decodeXString(decodeXml(raw));
}

/** All items of `xl/sharedStrings.xml`, in order (a cell `t="s"` holds an index into this list). */
export function parseSharedStrings(xml: string, part: string): string[] {
  const prefix = rootPrefix(xml, "sst", part);
  const open = "<" + prefix + "si";
  const close = "</" + prefix + "si>";
  const plainStart = "<" + prefix + "t>";
  const plainEnd = "</" + prefix + "t>";
  const strings: string[] = [];
  let i = 0;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) break;
    const nameEnd = lt + open.length;
    const c = xml.charCodeAt(nameEnd);
    if (c === 47 /* <si/> */) {
      strings.push("");
      i = nameEnd;
      continue;
    }
    if (!isNameEnd(c)) {
      i = nameEnd;
      continue;
    }
    const gt = xml.indexOf(">", nameEnd);
    const end = gt < 0 ? -1 : xml.indexOf(close, gt);
    if (end < 0) throw corruptPart(part, "缺少 </si>");
    const start = gt + 1;
    // Fast path, by far the most common item: <si><t>text</t></si>.
    if (xml.startsWith(plainStart, start)) {
      const textEnd = xml.indexOf("<", start + plainStart.length);
      if (textEnd + plainEnd.length === end && xml.startsWith(plainEnd, textEnd)) {
        strings.push(decodeXString(decodeXml(xml.slice(start + plainStart.length, textEnd))));
        i = end + close.length;
        continue;
      }
    }
    strings.push(readStringItem(xml, start, end, prefix, part));
    i = end + close.length;
  }
  return strings;
}
