/**
 * The typefaces of a 公文 (SPEC §7) and their fallbacks. Word takes a font's fallback from the
 * font table (`w:altName`) when the font is not installed, so each 公文 font is declared there with
 * the common Windows font that replaces it (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  page: "宋体",
} as const;

/** Each font and the font used in its place where it is missing. */
export const FALLBACKS: Readonly<Record<string, string>> = {
  方正小标宋简体: "宋体",
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  黑体: "SimHei",
  宋体: "SimSun",
};

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `word/fontTable.xml` declaring every font with its fallback (`w:altName`) and GB2312 charset. */
export function fontTableXml(): string {
  const fonts = Object.entries(FALLBACKS)
    .map(
      ([name, alt]) =>
        `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(alt)}"/>` +
        `<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    "</w:fonts>"
  );
}

/**
 * Finishes the package the `docx` library wrote: the font table with fallbacks (`fontTableXml`),
 * and `w:snapToGrid w:val="0"` on every paragraph. The section keeps its 28 × 28 `w:docGrid`, and
 * every paragraph has the grid's exact line pitch, so a page holds 28 lines; but characters are not
 * snapped to the grid's columns: a 三号 glyph (16 pt) is wider than the column (156 mm / 28), which
 * LibreOffice answers by giving every character two columns. (`snapToGrid` goes right before
 * `w:spacing`, its place in the schema's order, and every paragraph the renderer makes has spacing.)
 */
export function finishPackage(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  files["word/fontTable.xml"] = strToU8(fontTableXml());
  const body = files["word/document.xml"];
  if (body)
    files["word/document.xml"] = strToU8(
      strFromU8(body).replace(/<w:spacing /g, '<w:snapToGrid w:val="0"/><w:spacing '),
    );
  return zipSync(files, { level: 6 });
}
